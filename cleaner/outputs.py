"""Writing results so that nothing is ever half-written and a killed run can resume.

Per-input files are written to a temporary file and renamed. A shared output file
(JSONL with -o) grows as `<out>.partial`, and is renamed (compressed first for .gz)
only when the run finishes. Beside it, `<out>.partial.state` records after each input
how many inputs are done (failed ones too), how long the partial file and the errors
file were then, and the run's options and inputs; --resume checks those, cuts both files
back to that length and passes over the inputs done, each checked against the source its
record names (or counted as one of the failed), never by count alone.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import sys
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


@cache
def file_mode() -> int:
    """The mode a new file gets from open(), as `cp` gives it: 0666 less the umask."""
    mask = os.umask(0)  # reading the umask means setting it; put back at once
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file. Ctrl-C
    waits for the few milliseconds this takes, so no temporary file is left behind."""
    with ctrl_c_deferred():
        _write_atomic(path, text)


@contextlib.contextmanager
def ctrl_c_deferred() -> Iterator[None]:
    """Ctrl-C (SIGINT) held back while the block runs, then handled as it would have been (in
    the main thread; elsewhere the block just runs). A Python handler notes it: a signal mask
    holds only this thread's, and the kernel gave Ctrl-C to numpy's OpenBLAS thread instead,
    whose interrupt Python then raised in the block (second attacker trial of stop 52)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.getsignal(signal.SIGINT)
    caught: list[Any] = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(frame))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
        if caught and callable(old):
            old(signal.SIGINT, caught[0])  # default_int_handler: KeyboardInterrupt, now


def _write_atomic(path: Path, text: str) -> None:
    import tempfile  # 5 ms to import; not needed when writing to stdout

    path.parent.mkdir(parents=True, exist_ok=True)
    # a short name of our own: the output's name plus a prefix could pass NAME_MAX (255)
    fd, tmp = tempfile.mkstemp(prefix=".cleaner-", suffix=".tmp", dir=path.parent)
    try:
        try:  # as cp: a file replaced keeps its mode, a new one gets the umask's (mkstemp makes 0600)
            mode = os.stat(path).st_mode & 0o777
        except OSError:
            mode = file_mode()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def is_stream(path: Path) -> bool:
    """Whether an -o target is written to as a stream, opened and written in place (no
    temporary file, no rename): it exists and, its symlinks followed, is not a regular file
    (a device, a FIFO, a terminal), or it is this process's own stdout or stderr, or a name
    of a descriptor (/dev/fd/N, /proc/...). Anything else is a file written atomically."""
    import stat

    try:
        info = os.stat(path)
    except OSError:  # not there (or a dangling symlink): a new file
        return False
    if not stat.S_ISREG(info.st_mode) or _std_fd(info) is not None:
        return True
    return os.path.abspath(path).startswith(("/dev/fd/", "/dev/std", "/proc/"))


def _std_fd(info: os.stat_result) -> int | None:
    """1 or 2 when `info` is the file this process's stdout or stderr is."""
    for fd in (1, 2):
        try:
            theirs = os.fstat(fd)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == (theirs.st_dev, theirs.st_ino):
            return fd
    return None


def open_stream(path: Path) -> int:
    """A descriptor to write a stream target (is_stream) through: this process's own stdout
    or stderr duplicated when it is one of them (so that the offset is shared with what else
    is written there: `2> log`), else the target opened for writing, never truncated or
    replaced. A FIFO is waited on until it has a reader, as the shell's `>` does."""
    info = os.stat(path)
    if (fd := _std_fd(info)) is not None:
        return os.dup(fd)
    return os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))


def write_new(path: Path, text: str) -> Path:
    """Write a file that must not exist, whole or not at all, and never over one that appeared
    meanwhile (another command's, a hand-made one): a temporary file hard-linked to the name,
    which fails if anything is there. If something is, the next free `stem.N.suffix` is
    written instead. The path written."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".cleaner-", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        for n in range(1, MAX_FREE_NAMES + 1):
            target = path if n == 1 else path.with_name(f"{path.stem}.{n}{path.suffix}")
            try:
                _link_new(Path(tmp), target, text)
                return target
            except FileExistsError:
                continue
        raise FileExistsError(errno.EEXIST, f"{path} and its numbered names exist")
    finally:
        Path(tmp).unlink(missing_ok=True)


def _link_new(tmp: Path, target: Path, text: str) -> None:
    """`tmp` (holding `text`) as `target`; FileExistsError if anything is there."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError as err:  # no hard links here (FAT, some shares): an exclusive create, not atomic
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        with open(target, "x", encoding="utf-8", newline="\n") as f:
            f.write(text)


MAX_FREE_NAMES = 100


def write_output(path: Path, text: str) -> None:
    """An -o FILE: a stream target (a device, a FIFO, /dev/stdout) written in place; a
    symlink to a file has the file it points to replaced atomically, the link kept; anything
    else written atomically. UsageError if a live run writes it (cleaner.guard.refuse_writers_of)."""
    from cleaner.guard import refuse_writers_of

    refuse_writers_of(path)
    if is_stream(path):
        fd = open_stream(path)
        try:
            _write_all(fd, text.encode("utf-8"))
        finally:
            os.close(fd)
        return
    write_atomic(path.resolve() if path.is_symlink() else path, text)


# What _write_atomic's mkstemp names its temporary files: a killed run (kill -9) leaves them
STALE_TEMP = re.compile(r"\.cleaner-[a-z0-9_]{8}\.tmp")


def remove_stale_temps(folder: Path, spare: Callable[[Path], bool], run_file: str) -> list[Path]:
    """Remove the temporary files killed runs left in an output directory (call it holding the
    directory's lock, so no live run is writing them), but never a path `spare` says is an
    input or an input directory (attacker trial: an input named like a temporary file was
    deleted); symlinks are not followed. Returns the `run_file`s of the subfolders and the
    JSONL lock files (.NAME.lock) anywhere in it: other runs' outputs, which the caller checks
    are not being written."""
    nested: list[Path] = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = [name for name in dirs if not spare(here / name)]
        for name in files:
            path = here / name
            if (name == run_file and here != folder) or (name.startswith(".") and name.endswith(".lock")):
                nested.append(path)  # a mirrored run's inside, or a JSONL run's (.NAME.lock)
            elif STALE_TEMP.fullmatch(name) and not path.is_symlink() and path.is_file() and not spare(path):
                path.unlink(missing_ok=True)
    return nested


class ErrorLog:
    """--errors FILE: one JSON line per failed input, handed to the OS as it happens, so a
    killed run loses none. Opened (its folder made, as -o's is) before anything else is
    written, so that a place that cannot be written is a usage error; start() then cuts an
    earlier run's entries back to the `keep` bytes --resume keeps. A device or a pipe
    (/dev/stderr, a FIFO with a reader) is written to as a stream, never cut back."""

    def __init__(self, path: Path | None):
        self.path = path
        self.file = None
        self.stream = False  # not a regular file: nothing to cut back, no size to record
        if path is not None:
            self.file, self.stream = _open_errors(path)

    def start(self, keep: int = 0) -> None:
        if self.file is not None and not self.stream:  # cut back, never grown (a state's figure)
            self.file.truncate(min(keep, os.fstat(self.file.fileno()).st_size))

    def add(self, source: str, error: str) -> None:
        if self.file is not None:
            from cleaner.report import as_text

            entry = {"source": as_text(source), "error": error}
            at = None if self.stream else self.file.tell()
            line = memoryview((json.dumps(entry, ensure_ascii=False) + "\n").encode())
            try:
                while line:  # unbuffered: a write may take part of it
                    line = line[self.file.write(line) or 0 :]
            except OSError:
                # a full disk took part of the line (attacker trial of stop 49: the file ended
                # in half an entry): cut back to the last whole one; the caller stops the run
                if at is not None:
                    with contextlib.suppress(OSError):
                        os.truncate(self.file.fileno(), at)
                raise

    def size(self) -> int:
        return self.file.tell() if self.file is not None and not self.stream else 0

    def close(self) -> None:
        if self.file is not None:
            try:
                self.file.close()
            except OSError:  # what add() could not write it has reported (the run stopped)
                pass


def _open_errors(path: Path) -> tuple[io.FileIO, bool]:
    """The errors file opened for appending, and whether it is a stream (not a regular file,
    or a name under /dev or /proc: /dev/stderr may be the user's `2>>log`). Opened without
    blocking: a FIFO nobody reads would wait forever; it is refused instead."""
    import errno
    import stat

    try:  # this process's own stderr or stdout (`--errors /dev/stderr 2> log`): written through
        # the descriptor itself, so that the offset is shared with what else cleaner writes
        # there, and neither overwrites the other; "-" is standard output, as everywhere
        own = 1 if str(path) == "-" else _std_fd(os.stat(path))
    except OSError:
        own = None
    if own is not None:
        fd = os.dup(own)
        try:
            os.set_inheritable(fd, False)
            return os.fdopen(fd, "wb", buffering=0), True
        except BaseException:
            os.close(fd)
            raise
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where a folder of the path should be
            raise OSError(errno.ENOTDIR, "a file is in its path where a folder should be") from None
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as err:
        if err.errno == errno.ENXIO:  # a FIFO without a reader
            raise OSError(err.errno, "a FIFO that nothing reads") from None
        raise
    named_device = os.path.abspath(path).startswith(("/dev/", "/proc/"))
    try:
        os.set_blocking(fd, True)
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
        if regular and not named_device:
            _lock_errors(fd)
        file = os.fdopen(fd, "ab", buffering=0)  # nothing held back to write at close
    except BaseException:
        os.close(fd)
        raise
    return file, not regular or named_device


def _lock_errors(fd: int) -> None:
    """Hold the errors file for this run, as the output's lock does (attacker trial: a second
    run with the same --errors FILE cut the first one's entries away)."""
    import errno

    try:
        import fcntl
    except ImportError:  # Windows
        return
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise OSError(errno.EAGAIN, "another cleaner run is writing it; wait for it to finish or stop it") from None


def _fileno(stream: Any) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        return None


def _write_all(fd: int, data: bytes) -> None:
    """os.write until all is written. A pipe whose reader goes away mid-write takes part
    of it; the next write then raises BrokenPipeError. (Python's buffered stdout was seen
    to report such a write whole, so a run cut off by `| head` ended with status 0.)"""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _sources(partial: Path, size: int, fmt: str = "jsonl") -> list[str]:
    """The `source` of each record in the first `size` bytes of `partial`, in order."""
    from cleaner.inputs import UsageError

    sources = []
    with open(partial, "rb") as f:
        data = f.read(size)
    if fmt == "csv":  # rows span lines (a text's line breaks), and the header row comes first
        from cleaner.formats import csv_sources

        try:
            return csv_sources(data.decode("utf-8"))
        except (ValueError, IndexError):
            raise UsageError(f"{partial} is not a CSV output cleaner wrote; run again without --resume") from None
    for number, line in enumerate(data.splitlines(), 1):
        try:
            sources.append(json.loads(line)["source"])
        except (ValueError, KeyError, TypeError):
            raise UsageError(
                f"{partial}: line {number} is not a record cleaner wrote; run again without --resume"
            ) from None
    return sources


STATE_KEYS = ("jobs", "failed", "bytes", "errors_bytes", "started")
SLACK_NS = 2_000_000_000  # a file system's timestamps may lag its clock by a tick


def _read_state(path: Path) -> dict[str, Any]:
    """The interrupted run's state file, its counts checked: one that is damaged (emptied by a
    crash, edited) or from a version that did not keep when the run began is no record to
    finish a run by (attacker trial: a traceback)."""
    from cleaner.inputs import UsageError

    again = "run again without --resume"
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise UsageError(f"cannot read {path}, the interrupted run's record: {err}; {again}") from None
    if (
        not isinstance(state, dict)
        or not all(isinstance(state.get(k), int) and not isinstance(state.get(k), bool) for k in STATE_KEYS)
        or min(state[k] for k in STATE_KEYS) < 0
        or state["failed"] > state["jobs"]
        or not isinstance(state.get("run"), dict)
        or not isinstance(state.get("errors", 0), str | None)
    ):
        raise UsageError(f"{path} is not a record of an interrupted run of this version of cleaner; {again}")
    # the run began before its last checkpoint, and before now: a later start (a clock set back,
    # an edit) would pass inputs edited since as unchanged (attacker trial). Both on the output
    # file system's clock, as "started" is: "now" is the time it gives the state file touched
    # (a network file system's clock may differ from this machine's)
    last = path.stat().st_mtime_ns
    try:
        os.utime(path)
        now = path.stat().st_mtime_ns
    except OSError:
        now = time.time_ns()
    if state["started"] > min(last, now) + SLACK_NS:
        raise UsageError(f"{path} says the run began after it was last written, or after now; {again}")
    return state


def _remove_state_temps(state: Path) -> None:
    """The temporary copies of `state` a killed run left beside it (write_atomic's; called
    holding the output's lock): known by the name they hold, so that another run's, writing
    another output in the same folder, is never touched (second attacker round of stop 35:
    every killed run left one, and no resume removed them)."""
    for path in state.parent.glob(".cleaner-*.tmp"):
        if not STALE_TEMP.fullmatch(path.name) or path.is_symlink() or not path.is_file():
            continue
        try:
            if path.stat().st_size < MAX_STATE_BYTES and json.loads(path.read_bytes()).get("state") == state.name:
                path.unlink()
        except (OSError, ValueError, AttributeError):
            continue


MAX_STATE_BYTES = 1 << 24  # a state holds a run's identity and counts; a bigger file is none


def _options(run: Any) -> dict[str, Any]:
    options = run.get("options") if isinstance(run, dict) else None
    return options if isinstance(options, dict) else {}


class SharedOutput:
    """stdout, or an -o file assembled as <out>.partial and renamed when complete."""

    def __init__(
        self,
        path: Path | None,
        run: dict[str, Any],
        resume: bool = False,
        skip: Callable[[list[str], int, int, int], None] | None = None,
        fmt: str = "jsonl",
        errors: Path | None = None,
    ):
        """`skip(sources, jobs, failed, started)`, on --resume: passes over the inputs the interrupted
        run did (`sources`: those its records name, in order; `jobs` inputs in all, `failed`
        of them without a record), UsageError naming the input where they differ. `fmt`: the
        output's format; a csv output starts with its header row, written once. `errors`: the
        --errors file, whose entries a resumed run keeps: it must be the interrupted run's."""
        from cleaner.report import header

        self.fmt = fmt
        self.path = path
        self.errors = str(errors.resolve()) if errors is not None else None
        self.run = run  # the options and inputs, as cleaner.guard.identity gives them
        self.jobs = self.failed = 0  # inputs done before (when resuming), and how many of them failed
        self.errors_bytes = 0  # how much of the errors file the resumed run had written
        self.fd: int | None = None  # a stream -o (a device, a FIFO, /dev/stdout): written in place
        # a stream's csv header, written with the first record (or by finish()), so that a
        # full disk or a closed pipe is met where the run reports it
        self.header = ""
        if path is not None and is_stream(path):
            from cleaner.inputs import UsageError

            if resume:
                raise UsageError(f"--resume cannot finish a run written to {path}, which is not a file; run again")
            self.fd = open_stream(path)
            self.header = header(fmt)
            return
        if path is None:  # UTF-8 whatever the locale says; detached again on close
            stdout = sys.stdout.buffer
            self.file: io.TextIOWrapper = io.TextIOWrapper(stdout, encoding="utf-8", newline="\n", write_through=True)
            self.header = header(fmt)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.partial = path.with_name(path.name + ".partial")
        self.state = path.with_name(path.name + ".partial.state")
        _remove_state_temps(self.state)
        size = 0
        self.started: int | None = None  # when the run began: the partial file's time as it opened (ns)
        if resume and self.partial.exists() and self.state.exists():
            from cleaner.guard import same_run  # raises UsageError when the options or inputs changed
            from cleaner.inputs import UsageError

            state = _read_state(self.state)
            self.jobs, self.failed, size = state["jobs"], state["failed"], state["bytes"]
            self.started = state["started"]
            if (actual := self.partial.stat().st_size) < size:  # cut since: its last records are torn or gone
                raise UsageError(
                    f"{self.partial} is shorter than the interrupted run left it ({actual} of {size} bytes); "
                    "run again without --resume"
                )
            if _options(state.get("run")).get("fmt") != _options(run).get("fmt"):  # say that, not "inputs differ"
                same_run(state.get("run"), run)
            if skip is not None:  # by the sources recorded, not by count: first, as it names the input
                skip(_sources(self.partial, size, fmt), self.jobs, self.failed, self.started)
            same_run(state.get("run"), run)
            if state.get("errors") != self.errors:  # its entries would be cut into another file (attacker trial)
                was = state.get("errors") or "none"
                raise UsageError(
                    f"--resume must finish the same run, whose --errors file was {was}; give the same, "
                    "or run again without --resume"
                )
            self.errors_bytes = state["errors_bytes"]
        try:
            with open(self.partial, "ab") as f:  # back to the last checkpoint (or empty)
                f.truncate(size)
            # held open across checkpoints; finish() and abandon() close it
            self.file = open(self.partial, "a", encoding="utf-8", newline="\n")  # noqa: SIM115
            if size == 0 and (first := header(fmt)):
                self.file.write(first)
            if self.started is None:
                # the run begins now, on the output's file system's clock: the partial file's
                # time. The state's own, read after a first save, left a state without it to
                # a run killed between the two saves, which --resume refused as no record
                # (a CI run of tests/hostile/test_batch.py, killed as the state appeared)
                self.started = os.fstat(self.file.fileno()).st_mtime_ns
            self._save_state()  # at once: a partial file beside a state is known to be a run's
        except OSError:
            # a new run that could not begin (a full disk) leaves nothing behind: its empty
            # partial file without a state made the next run refuse it as another's (attacker
            # trial of stop 37); a resumed one keeps its records for the next --resume
            if size == 0 and not self.state.exists():
                self.partial.unlink(missing_ok=True)
            raise

    @property
    def stream(self) -> bool:
        """Written in place (stdout, or a stream -o): no partial file, no state, nothing to resume."""
        return self.path is None or self.fd is not None

    def write(self, text: str) -> None:
        if self.header:
            text, self.header = self.header + text, ""
        if self.fd is not None:
            _write_all(self.fd, text.encode("utf-8"))
        elif self.path is None and (fd := _fileno(sys.stdout)) is not None:
            _write_all(fd, text.encode("utf-8"))
        else:
            self.file.write(text)

    def checkpoint(self, failed: bool, errors: ErrorLog) -> None:
        """One more input is done: make its record durable, then count it."""
        self.jobs += 1
        self.failed += failed
        if not self.stream:
            self.file.flush()
            self.errors_bytes = errors.size()
            self._save_state()

    def _save_state(self) -> None:
        state = {
            "jobs": self.jobs,
            "failed": self.failed,
            "bytes": self.file.tell(),
            "errors_bytes": self.errors_bytes,
            "errors": self.errors,
            "run": self.run,
            "started": self.started,
            "state": self.state.name,  # whose: a killed run's temporary copy is known by it
        }
        write_atomic(self.state, json.dumps(state))

    def finish(self) -> None:
        """All records are in: make the output file appear, whole."""
        if self.header:  # no record came: the header row alone
            self.write("")
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)
            return
        if self.path is None:
            self.file.detach()
            return
        self.file.close()
        if self.path.suffix.lower() == ".gz":  # "X.JSONL.GZ" too, as the format is read (attacker trial of stop 51)
            import gzip
            import shutil

            tmp = self.partial.with_name(self.partial.name + ".gz")
            # the name in the gzip header is what `gunzip -N` restores: the output's, not ours
            name = self.path.name[: -len(".gz")]
            with open(self.partial, "rb") as src, open(tmp, "wb") as raw, gzip.GzipFile(name, "wb", fileobj=raw) as dst:
                shutil.copyfileobj(src, dst)
            os.replace(tmp, self.path)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.path)
        self.state.unlink(missing_ok=True)

    def discard(self) -> None:
        """Nothing came but failures: the output is left as it was (not emptied, not made)."""
        self.file.close()
        self.partial.unlink(missing_ok=True)
        self.state.unlink(missing_ok=True)

    def abandon(self) -> None:
        """Interrupted: keep the partial file for --resume."""
        try:
            if self.fd is not None:
                fd, self.fd = self.fd, None
                os.close(fd)
            elif self.path is None:
                self.file.detach()
            else:
                self.file.close()
        except OSError:  # the last flush failed (disk full): the checkpoint says what is whole
            pass
