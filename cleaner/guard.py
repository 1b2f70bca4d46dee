"""What keeps a batch run from destroying anything: the inputs it must not write over, the
lock that keeps two runs out of one output, and the record of what a run was asked to do,
so that --resume finishes the same run and not another."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleaner.inputs import STDIN, UsageError, is_jsonl, walk

if TYPE_CHECKING:
    from cleaner.profiles import Profiles


class Inputs:
    """Every input file of a run, by device and inode (so a symlink or hard link to an input
    is the input), and the real paths of the input directories. Built by one walk before
    anything is written; it costs a stat per file."""

    def __init__(self, inputs: Sequence[str]):
        self.files: dict[tuple[int, int], str] = {}
        self.dirs: list[Path] = []
        self.visited: dict[tuple[int, int], Path] = {}  # every input directory, symlinked ones too
        # every input file's name and inode, in order: what --resume must find again
        self._listing = hashlib.sha256()
        self.count = 0
        self.size: int | None = 0  # bytes of the input files as stored, for progress; None with stdin
        self.jsonl = False  # a JSONL file among them: its records are not counted before the run
        self.profile_files: dict[tuple[int, int], str] = {}  # what the run reads its rules from (add_profiles)
        self.profile_dirs: list[Path] = []
        for raw in inputs:
            if raw == STDIN:
                self._list(raw)
                self.size = None
                # a file fed to standard input is an input too: `clean - -o f < f`, `--errors f`
                # or `-o /dev/stdout` with `1<> f` replaced it, exit 0 (attacker trial 3 of stop 36)
                if (fed := file_behind(sys.stdin)) is not None:
                    self.files.setdefault(fed, "- (the file standard input reads)")
                continue
            path = Path(raw)
            if path.is_dir():
                self.dirs.append(path.resolve())
                self._add_all(p for p in walk(path, self.visited) if isinstance(p, Path))
            else:
                self._add_all([path])

    def _list(self, name: str) -> None:
        self._listing.update(os.fsencode(name) + b"\0")
        self.count += 1

    @property
    def listing(self) -> dict[str, Any]:
        """How many input files the walk found, and one hash of their names and inodes in order."""
        return {"count": self.count, "digest": self._listing.hexdigest()[:16]}

    def _add_all(self, paths: Iterable[Path]) -> None:
        for path in paths:
            self._list(str(path))
            self.jsonl = self.jsonl or is_jsonl(path)
            try:
                info = path.stat()
            except OSError:
                continue  # cannot be read, so cannot be an output's victim either; the run reports it
            if self.size is not None and stat.S_ISREG(info.st_mode):
                self.size += info.st_size
            self.files.setdefault((info.st_dev, info.st_ino), str(path))
            # which file each name is: another folder moved in under the same names (its files
            # as old as the run) is other inputs (attacker trial of stop 52: `mv B A` and
            # --resume mixed two corpora, exit 0). The inode only: a device's number may change
            # across reboots.
            self._listing.update(b"%d\0" % info.st_ino)

    def which(self, path: Path) -> str | None:
        """The input that `path` is (by inode), if it exists and is one."""
        return _by_inode(path, self.files)

    def inside(self, path: Path) -> Path | None:
        """The input directory that `path` would be inside, if any: by real path, or by
        inode for a directory the walk reached through a symlink."""
        real = path.resolve()
        for folder in (real, *real.parents):
            try:
                info = folder.stat()
            except OSError:
                continue  # not there yet: its parents decide
            if (info.st_dev, info.st_ino) in self.visited:
                return folder
        return None

    def add_profiles(self, profiles: Profiles) -> None:
        """The files the run reads its rules from, guarded as inputs are: every loaded profile
        and the folders they and the site configs are in. Attacker trial of stop 50: `-o` and
        `--errors` into the --profiles-dir wrote over a profile and a site config, exit 0, and
        the next run failed on them or cleaned by an article's text as a site config."""
        for profile in profiles.by_name.values():
            try:
                info = profile.path.stat()
            except OSError:
                continue
            self.profile_files.setdefault((info.st_dev, info.st_ino), str(profile.path))
        folders = {profile.path.parent for profile in profiles.by_name.values()} | set(profiles.config_dirs)
        self.profile_dirs = sorted({folder.resolve() for folder in folders})

    def profile(self, path: Path) -> str | None:
        """The loaded profile that `path` is (by inode), if any."""
        return _by_inode(path, self.profile_files)

    def in_profiles(self, path: Path) -> Path | None:
        """The profile folder that `path` is or would be inside, if any (by real path)."""
        real = path.resolve()
        return next((folder for folder in self.profile_dirs if folder == real or folder in real.parents), None)

    def refuse(self, path: Path, what: str) -> None:
        """UsageError if writing `path` could destroy an input or a profile, or be read back as one."""
        if (found := self.which(path)) is not None:
            raise UsageError(f"{what} {path} is the input {found}; it would be overwritten")
        if (folder := self.inside(path)) is not None:
            raise UsageError(f"{what} {path} is inside the input directory {folder}; it would be read as input")
        if (found := self.profile(path)) is not None:
            raise UsageError(f"{what} {path} is the profile {found}, which this run reads; it would be overwritten")
        if (folder := self.in_profiles(path)) is not None:
            raise UsageError(
                f"{what} {path} is inside the profile folder {folder}; it would be read as a profile or site config"
            )


def _by_inode(path: Path, files: dict[tuple[int, int], str]) -> str | None:
    """The name `files` knows the file at `path` by (its device and inode), if it exists."""
    try:
        info = path.stat()
    except OSError:
        return None
    return files.get((info.st_dev, info.st_ino))


def hold_lock(path: Path, what: str) -> int:
    """An open descriptor of `path` (created if need be) with an exclusive lock on it, held
    until the process ends, so that it dies with a killed run and never blocks --resume.
    UsageError if another run holds it. Where the system has no fcntl, no lock.

    A POSIX record lock (lockf), not flock: forked workers do not inherit it, so a worker
    orphaned by a killed run cannot keep the output locked.

    A finished run removes its lock file (release_lock), so the lock taken is checked to be
    on the file the path names still: a run that opened the file just before the run
    holding it removed it would otherwise lock a file no one else sees, and try again."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(LOCK_TRIES):
        fd = _open_lock_file(path)
        try:
            import fcntl
        except ImportError:  # Windows
            return fd
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # EAGAIN or EACCES, as the system has it
            os.close(fd)
            raise UsageError(f"another cleaner run is writing {what}; wait for it to finish or stop it") from None
        if same_file(fd, path):
            return fd
        os.close(fd)  # removed by the run that held it: take the lock on the file there now
    raise UsageError(f"another cleaner run is writing {what}; wait for it to finish or stop it")


LOCK_TRIES = 5
# Not followed, never waited on: a lock or run file that is a symlink was written through
# (attacker trial: a user's file replaced by the run record, exit 0), a FIFO hung the run
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _open_lock_file(path: Path) -> int:
    """`path` opened for reading and writing, created if need be: a regular file, or
    UsageError naming it (a symlink, a FIFO, a directory at that name)."""
    away = "move it away"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | NO_FOLLOW, 0o666)
    except IsADirectoryError:
        raise UsageError(f"{path} is a directory, where cleaner keeps a run's lock; {away}") from None
    except OSError as err:
        if path.is_symlink():
            raise UsageError(f"{path} is a symbolic link, where cleaner keeps a run's lock; {away}") from None
        if path.exists() and not path.is_file():  # a socket (ENXIO), ...: named, not the output
            raise UsageError(f"{path} is no regular file, where cleaner keeps a run's lock; {away}") from None
        raise err
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UsageError(f"{path} is no regular file (a FIFO, a device), where cleaner keeps a run's lock; {away}")
    os.set_blocking(fd, True)
    return fd


def same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def release_lock(path: Path, fd: int) -> None:
    """End a run's hold_lock: remove the lock file while still holding the lock (only if the
    path still names the file this run locked), then let it go."""
    try:
        if same_file(fd, path):
            path.unlink()
    except OSError:  # gone already, or a system that cannot remove an open file: it stays
        pass
    finally:
        os.close(fd)


def identity(
    settings: Any, inputs: Sequence[str], profiles: Profiles, files: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Every cleaning option (all Settings fields, so options added later count too), the
    version, the profiles' contents, the inputs in order and the files found in them
    (Inputs.listing: a file added, removed or renamed in an input directory is another
    run), as JSON values: what --resume must find unchanged."""
    from cleaner import __version__

    options = json.loads(json.dumps(dataclasses.asdict(settings), default=str))
    return {
        "version": __version__,
        "options": options,
        "profiles": profiles_digest(profiles),
        "inputs": [raw if raw == STDIN else str(Path(raw).absolute()) for raw in inputs],
        # where they lead: an input folder named by a symlink pointed elsewhere is other files
        # by the same names (second attacker round of stop 35: two corpora in one output)
        "real": [raw if raw == STDIN else str(Path(raw).resolve()) for raw in inputs],
        "files": files,
    }


def profiles_digest(profiles: Profiles) -> str:
    """One hash of every loaded profile's name and file: built-in, pack, $CLEANER_PROFILES
    or --profiles-dir, a changed file or another source changes it. The FiveFilters site
    configs of those folders count too, though a run parses only those of its pages' hosts:
    any of them may decide how a page still to come is cleaned."""
    import hashlib

    from cleaner.siteconfig import MAX_BYTES, files_in

    digest = hashlib.sha256()
    for profile in sorted(profiles.by_name.values(), key=lambda p: p.name):
        digest.update(profile.name.encode() + b"\0")
        try:
            digest.update(profile.path.read_bytes())
        except OSError:
            digest.update(b"\0unreadable")
    for folder in profiles.config_dirs:
        digest.update(b"\0folder " + str(folder).encode("utf-8", "surrogateescape") + b"\0")
        for path in files_in(folder):
            digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
            if not path.is_file():  # a FIFO or device among them is its host's error, not a hang here
                digest.update(b"\0not a file")
                continue
            try:
                with open(path, "rb") as f:
                    digest.update(f.read(MAX_BYTES + 1))
            except OSError:
                digest.update(b"\0unreadable")
    return digest.hexdigest()[:16]


# Settings fields as the command line names them; a field added later shows by its own name
OPTION_NAMES = {
    "fmt": "--format",
    "profile": "--profile",
    "url": "--url",
    "heuristics": "heuristics (--no-heuristics turns them off)",
    "profiles_dirs": "--profiles-dir",
    "fields": "--text-field/--html-field/--url-field",
    "rule_budget": "--rule-budget",
    "fast": "--fast",
    "tables": "--tables/--no-tables",
    "comments": "--comments",
    "links": "--links",
    "images": "--images",
    "focus": "--precision/--recall",
    "target_language": "--target-language",
}


def _shown(value: Any) -> str:
    """An option's value as a user reads it: on/off, not Python's True/False; not given, not None."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if value is None:
        return "not given"
    return repr(value)


def same_run(earlier: dict[str, Any] | None, now: dict[str, Any]) -> None:
    """UsageError saying what changed, if the interrupted run was another one, or if its record
    is none cleaner wrote (missing: attacker trial, a state without it let another run's
    options through; values of other types: tracebacks)."""
    try:
        _same_run(earlier, now)
    except (TypeError, AttributeError, KeyError):
        raise UsageError(NOT_OURS) from None


NOT_OURS = "the interrupted run's record is not one cleaner wrote; run again without --resume"


def _same_run(earlier: Any, now: dict[str, Any]) -> None:
    if not isinstance(earlier, dict) or not isinstance(earlier.get("options"), dict):
        raise UsageError(NOT_OURS)
    old = earlier["options"]
    changed = [
        f"{OPTION_NAMES.get(name, name)}: was {_shown(old.get(name))}, now {_shown(value)}"
        for name, value in now["options"].items()
        if old.get(name) != value
    ]
    if earlier.get("profiles") != now["profiles"]:
        changed.append("the profiles (built-in, packs, $CLEANER_PROFILES, --profiles-dir, or their files)")
    if earlier.get("inputs") != now["inputs"]:
        changed.append(f"inputs: were {' '.join(earlier.get('inputs', []))}, now {' '.join(now['inputs'])}")
    elif earlier.get("real") != now.get("real"):
        led, leads = " ".join(earlier.get("real") or []), " ".join(now.get("real") or [])
        changed.append(f"where the inputs lead: was {led}, now {leads}")
    elif earlier.get("files") != now.get("files"):
        was, new = earlier.get("files") or {}, now.get("files") or {}
        changed.append(
            f"the files in the inputs: were {was.get('count', '?')}, now {new.get('count', '?')}, "
            "or as many with other names or other files by their names (a file added, removed, renamed, "
            "or replaced, a folder moved in)"
        )
    if earlier.get("version") != now["version"]:
        changed.append(f"cleaner version: was {earlier.get('version')}, now {now['version']}")
    if changed:
        raise UsageError(
            "--resume must finish the same run, and this one differs from the interrupted one: "
            + "; ".join(changed)
            + ". Run again without --resume to start over."
        )


def refuse_live_run(run_file: Path, what: str) -> None:
    """UsageError if a live run holds `run_file`'s lock (another run writing `what`). Only a
    regular file is tried: a terminal or a FIFO is no run's lock."""
    try:
        fd = os.open(run_file, os.O_RDWR | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return  # gone, or not ours to open: no run of ours holds it
    try:
        import fcntl

        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows: no locks at all
        pass
    except OSError:
        raise UsageError(f"another cleaner run is writing {what}; wait for it to finish or stop it") from None
    finally:
        os.close(fd)


# In a mirrored output directory: the run's lock, and its options and inputs for --resume
RUN_FILE = ".cleaner-run"
# What a JSONL run writes beside its output NAME (NAME.partial, ...), whose lock is .NAME.lock
WORKING_SUFFIXES = (".partial.state", ".partial.gz", ".partial")


def refuse_writers_of(path: Path, run_file: str = RUN_FILE) -> None:
    """UsageError if a live run writes `path`, the file a run is about to write: a mirrored
    run into its folder or one holding it (their `run_file`s), a JSONL run whose output or
    working file it is (.NAME.lock), or a run holding the file itself (an errors file).
    Attacker trial: a second run wrote a live run's NAME.partial, its errors file or a file
    inside its output folder, and both ended 0."""
    refuse_live_run(path, f"{path}")
    for folder in (path.parent.resolve(), *path.parent.resolve().parents):
        refuse_live_run(folder / run_file, f"into {folder}, which holds {path}")
    name = path.name
    base = next((name[: -len(s)] for s in WORKING_SUFFIXES if name.endswith(s)), name)
    output = path.parent / base
    refuse_live_run(path.parent / f".{base}.lock", f"{output}" if base == name else f"{output}, whose file {path} is")


def _holds_outputs(folder: Path) -> bool:
    """Whether `folder` holds anything but a run's own hidden files (its record, locks)."""
    try:
        return any(not entry.name.startswith(".") for entry in os.scandir(folder))
    except OSError:  # no such folder yet
        return False


def _run_record(data: bytes) -> bool:
    """Whether `data` is what take_over writes: a JSON object of a run's identity."""
    try:
        record = json.loads(data)
    except ValueError:
        return False
    return isinstance(record, dict) and {"version", "options", "inputs"} <= record.keys()


def take_over(
    path: Path, now: dict[str, Any], resume: bool, before_writing: Callable[[], None] | None = None
) -> tuple[int, int | None]:
    """A mirrored output directory's run file (.cleaner-run): locked for the run (see
    hold_lock), checked against this run on --resume, then holding this run's identity and
    when the run began: the run file's modification time as the output's file system keeps
    it (nanoseconds), once written at the run's start and carried over by each --resume.
    Returns the lock and that time (None for a record that did not keep one).

    An output in the directory counts as the run's own only if written after that time:
    one already there may be an earlier run's, with other options or of inputs that changed
    since (attacker trial: --resume kept 6,624 of 8,000 such outputs and said the run had
    finished).

    `before_writing` runs once the lock is held, before the record is written: a run it
    refuses leaves the record as it was (second attacker round: a refused run replaced an
    interrupted run's record, which could then not be resumed)."""
    none = f"--resume finishes an interrupted run, and {path.parent} holds no record of one ({path.name})"
    if resume and not path.is_file() and _holds_outputs(path.parent):  # before the lock makes the folder and the file
        raise UsageError(f"{none}; run again without --resume")
    # a live run into a folder that holds this one writes here too (attacker trial: both ended 0)
    for folder in path.parent.resolve().parents:
        refuse_live_run(folder / path.name, f"into {folder}, which holds {path.parent}")
    fd = hold_lock(path, f"into {path.parent}")
    old = b"".join(iter(lambda: os.read(fd, 1 << 16), b""))
    if old.strip() and not _run_record(old):  # a user's file by that name: never replaced
        os.close(fd)
        raise UsageError(f"{path} holds data that is no record of a cleaner run; move it away")
    started: int | None = None
    # interrupted before it began (second attacker trial of stop 38: Ctrl-C before the folder
    # held anything, then --resume refused): nothing to finish or keep, the whole run is done
    resume = resume and (bool(old.strip()) or _holds_outputs(path.parent))
    if resume:
        if not old.strip():
            os.close(fd)
            raise UsageError(f"{none}; run again without --resume")
        try:
            earlier = json.loads(old)
        except ValueError as err:
            raise UsageError(f"cannot read {path} to check what run --resume finishes: {err}") from None
        same_run(earlier, now)
        began = earlier.get("started") if isinstance(earlier, dict) else None
        started = began if isinstance(began, int) and not isinstance(began, bool) else None
    if before_writing is not None:
        try:
            before_writing()
        except BaseException:
            os.close(fd)
            raise
    os.ftruncate(fd, 0)
    if started is None and not resume:
        os.pwrite(fd, json.dumps(now, indent=1).encode(), 0)
        started = os.fstat(fd).st_mtime_ns
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps({**now, "started": started}, indent=1).encode(), 0)
    return fd, started


def file_behind(stream: Any) -> tuple[int, int] | None:
    """(device, inode) of the regular file a standard stream is redirected to or from, or None
    (a terminal, a pipe, a stream with no file behind it)."""
    try:
        info = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None
