"""What to read and where each result goes: INPUT arguments and -o into a stream of jobs.

A directory is walked lazily and recursively (hidden entries skipped, symlinks followed
with loop detection) and mirrored under the output directory. JSONL files (.jsonl,
.jsonl.gz) give one job per record; other .gz files are one scrape each. An output
never lands on an input.
"""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard

from cleaner.errors import CleanerError, InputError
from cleaner.report import EXTENSIONS, SHARED

STDIN = "-"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class UsageError(CleanerError):
    """The arguments cannot work together; the CLI reports it as a usage error."""


class Fields(NamedTuple):
    """Field names in JSONL input records; every other field (an id, say) is kept as it is."""

    text: str = "text"
    html: str = "html"
    url: str = "url"


@dataclass(frozen=True)
class Job:
    source: str  # as the user would name it: a path, "-", or "path:LINE" for a JSONL record
    path: Path | None  # None for stdin
    out: Path | None  # the output file; None: the shared stream (stdout or one -o file)
    record: dict[str, Any] | None = field(default=None, compare=False)  # a JSONL input record
    data: bytes | None = field(default=None, compare=False, repr=False)  # stdin, read by the main process
    error: str | None = None  # known before any work: unreadable directory, symlink loop, bad JSON
    # a JSONL record's share of its file in bytes as stored (compressed for .gz), for progress
    size: int | None = field(default=None, compare=False)
    walked: bool = field(default=False, compare=False)  # found in a folder named, not named itself


def is_jsonl(path: Path | None) -> TypeGuard[Path]:
    return path is not None and path.name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def walk(directory: Path, seen: dict[tuple[int, int], Path] | None = None) -> Iterator[Path | Job]:
    """Files under `directory`, sorted, lazily (of a folder's subfolders, the real ones before
    the symlinked); hidden entries skipped. A directory that cannot be read, a symlink loop or
    a second way to a directory walked already comes out as a Job carrying its error. `seen`
    collects the (device, inode) of every directory visited, symlinked ones included, and the
    path it was walked by."""
    seen = {} if seen is None else seen
    stack = [directory]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                yield Job(str(current), current, None, error=_walked_already(current, seen[key]))
                continue
            seen[key] = current
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as err:
            yield Job(str(current), current, None, error=f"cannot read directory: {err.strerror}")
            continue
        dirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks; loops are caught by `seen`
                link = is_dir and entry.is_symlink()
                special = not is_dir and not entry.is_file() and _special(entry.stat())
            except OSError as err:  # a broken symlink: said so; anything else reading it reports
                if (broken := _broken_link(entry.path, err)) is not None:
                    yield Job(entry.path, Path(entry.path), None, error=broken)
                    continue
                is_dir, link, special = False, False, None
            if is_dir:
                dirs.append((link, Path(entry.path)))
            elif special:  # reading a FIFO would wait forever, a device for ever more
                yield Job(entry.path, Path(entry.path), None, error=f"not a regular file ({special}); skipped")
            else:
                yield Path(entry.path)
        # a symlink beside the folder it points to is walked after it, so that the folder's
        # files are cleaned by their own path (attacker trial: "in/alias" sorted first, and the
        # real "in/zreal" was reported as a symlink loop). Asked of the entry, not its path: a
        # path longer than PATH_MAX cannot be looked up, and raised here (attacker trial of stop
        # 49: a run wrote nothing); stat() then reports that folder alone.
        dirs.sort(key=lambda found: found[0])
        stack.extend(path for _, path in reversed(dirs))


def _walked_already(path: Path, first: Path) -> str:
    """Why a directory reached a second time is not walked again: a loop when it leads back
    to a folder it is inside, else a second way to one walked already."""
    if first == path or first in path.parents:
        return f"symlink loop: leads back to {first}"
    return f"the same directory as {first}, walked already; not cleaned twice"


def _broken_link(path: str, err: OSError) -> str | None:
    """What is wrong with a symlink that cannot be followed, or None if it is none."""
    import errno

    if err.errno == errno.ELOOP:
        return "cannot read: a symlink loop"
    if err.errno == errno.ENOENT and os.path.islink(path):
        try:
            return f"cannot read: a dangling symlink (to {os.readlink(path)})"
        except OSError:
            return None
    return None


def _special(info: os.stat_result) -> str | None:
    """What kind of file this is when it is not a regular file or a directory."""
    import stat

    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(info.st_mode):
            return name
    return None


JSONL_IN_FOLDER = "a JSONL file: its records are cleaned with --format jsonl or csv, not mirrored as files"


def plan(inputs: Sequence[str], out: str | None, fmt: str) -> tuple[Iterator[Job], Path | None]:
    """The jobs, lazily, and the single output file when all results share one (JSONL
    with -o, or one input with -o naming a file). UsageError when the combination cannot work."""
    paths = [None if i == STDIN else Path(i) for i in inputs]
    if inputs.count(STDIN) > 1:
        raise UsageError("- (standard input) can be read only once; give it once")
    if any(is_jsonl(p) for p in paths) and fmt not in SHARED:
        raise UsageError("JSONL input gives JSONL or CSV output: add --format jsonl (or csv)")
    single = len(inputs) == 1 and (paths[0] is None or not paths[0].is_dir())
    if fmt in SHARED and out and _is_dir_target(out):  # "-o all/" made a file "all" (attacker trial)
        raise UsageError(f"with --format {fmt}, -o names the output file; {out} names a directory")
    if fmt in SHARED or (single and out and not _is_dir_target(out)):
        return _shared_jobs(inputs, paths), Path(out) if out else None
    if single and not out:
        return iter([Job(inputs[0], paths[0], None)]), None
    if not out:
        raise UsageError("several inputs or a directory need -o DIR (or --format jsonl or csv)")
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():  # was "cannot write into plain: File exists"
        raise UsageError(f"several inputs or a directory need -o DIR, and {out} is a file (or --format jsonl or csv)")
    for path in paths:
        if path is not None and path.is_dir() and _inside(out_dir, path):
            raise UsageError(f"output directory {out_dir} is inside input directory {path}; choose another -o")
    return _mirrored_jobs(inputs, paths, out_dir, EXTENSIONS[fmt]), None


def _shared_jobs(inputs: Sequence[str], paths: Sequence[Path | None]) -> Iterator[Job]:
    # the JSONL files named are read as they were when the run began, not when their turn
    # comes (attacker trial 3 of stop 36: `clean a.jsonl b.jsonl ... | tee -a b.jsonl` read
    # a's records in b): their sizes now, before the first is read
    sizes: dict[Path | None, int | None] = {path: _size(path) for path in paths if is_jsonl(path)}
    for raw, path in zip(inputs, paths, strict=True):
        if path is not None and path.is_dir():
            for found in walk(path):
                yield from _file_jobs(str(found), found, walked=True) if isinstance(found, Path) else [found]
        else:
            yield from _file_jobs(raw, path, sizes.get(path))


def _size(path: Path) -> int | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _file_jobs(source: str, path: Path | None, limit: int | None = None, walked: bool = False) -> Iterator[Job]:
    if is_jsonl(path):
        yield from records(path, limit, walked)
    else:
        yield Job(source, path, None, walked=walked)


def _mirrored_jobs(inputs: Sequence[str], paths: Sequence[Path | None], out_dir: Path, ext: str) -> Iterator[Job]:
    # where each input directory is mirrored (None: a file or stdin)
    bases = [(out_dir if len(inputs) == 1 else out_dir / p.resolve().name) if p and p.is_dir() else None for p in paths]
    names = Names(ext, {base for base in bases if base is not None})
    for raw, path, base in zip(inputs, paths, bases, strict=True):
        if path is None:
            yield names.job(raw, None, out_dir / "stdin")
        elif base is not None:
            for found in walk(path):
                if isinstance(found, Job):
                    yield found
                elif is_jsonl(found):  # cleaned as one text its JSON would be the article (attacker trial)
                    yield Job(str(found), found, None, error=JSONL_IN_FOLDER)
                else:
                    yield names.job(str(found), found, base / found.relative_to(path), (path, base))
        else:
            yield names.job(raw, path, out_dir / path.name)


MAX_NUMBERED = 1000


def _fold(path: Path) -> str:
    """A name as a file system that ignores case or Unicode normalisation sees it (macOS's
    and Windows' by default, exFAT, SMB shares): Report.txt and report.txt, or "é" composed
    and decomposed, are one file there, and the second output replaced the first (attacker
    trial of stop 51: exit 0, two outputs lost). Such names clash everywhere, so the same
    inputs get the same names on any file system."""
    import unicodedata

    return unicodedata.normalize("NFC", str(path)).casefold()


class Names:
    """Output names for mirrored inputs: each input its own, decided in input order, so the
    same inputs always get the same names.

    The input's name with its suffix (and a .gz before it) replaced: page.html -> page.txt.
    If an earlier input took that name, the whole input name plus the extension:
    page.txt.gz -> page.txt.gz.txt; if that is taken too, numbered: page.txt.2.txt, up to
    MAX_NUMBERED of them, past which the input fails by name.
    A name where an input folder is mirrored (a folder page.txt beside page.html) is taken
    too, whether the folder's files come before or after: folders keep their names.
    """

    def __init__(self, ext: str, folders: set[Path] | None = None):
        self.ext = ext
        self.taken: set[str] = set()  # folded (_fold)
        self.folders = folders or set()  # where the input directories themselves are mirrored
        self._folded = {_fold(folder) for folder in self.folders}
        self._listed: dict[Path, set[str]] = {}

    def job(self, source: str, path: Path | None, mirrored: Path, tree: tuple[Path, Path] | None = None) -> Job:
        """`tree`: the input directory `path` was found in, and where it is mirrored."""
        short = mirrored.with_suffix("") if mirrored.suffix.lower() == ".gz" else mirrored
        # one name only for an input with no suffix: page -> page.txt either way
        candidates = list(dict.fromkeys((short.with_suffix(self.ext), mirrored.with_name(mirrored.name + self.ext))))
        # then numbered, so that a third clash gets an output too (attacker trial: c/page.txt.txt,
        # a/page.txt, b/page.txt into one folder: b/page.txt failed)
        numbered = (mirrored.with_name(f"{mirrored.name}.{n}{self.ext}") for n in range(2, MAX_NUMBERED + 2))
        for candidate in (*candidates, *numbered):
            if _fold(candidate) not in self.taken and not self._folder(candidate, tree):
                self.taken.add(_fold(candidate))
                return Job(source, path, candidate, walked=tree is not None)
        return Job(source, path, None, error=f"its output names {candidates[0]} and its variants are all taken")

    def _folder(self, candidate: Path, tree: tuple[Path, Path] | None) -> bool:
        """Whether an input folder is mirrored at `candidate` (followed as walk() does)."""
        if _fold(candidate) in self._folded:
            return True
        if tree is None:
            return False
        folder, base = tree
        try:
            there = folder / candidate.relative_to(base)
        except ValueError:
            return False
        # by the folded name: a folder "Page.txt" beside "page.html" is one name where case
        # does not count (attacker trial 2 of stop 51: both written, one over the other there)
        return _fold(Path(there.name)) in self._folders_in(there.parent)

    def _folders_in(self, parent: Path) -> set[str]:
        """The folded names of the folders (followed as walk() does) in `parent`, listed once."""
        if parent not in self._listed:
            try:
                self._listed[parent] = {_fold(Path(e.name)) for e in os.scandir(parent) if e.is_dir()}
            except OSError:
                self._listed[parent] = set()
        return self._listed[parent]


def records(path: Path, limit: int | None = None, walked: bool = False) -> Iterator[Job]:
    """One job per line of a JSONL file, read lazily; a line that is not a JSON object
    becomes a job carrying its error. Each job's size is the bytes of the file read for it
    (compressed bytes for .gz), so that progress can tell how far into the file the run is.
    A regular file is read as it was when opened, or at `limit` bytes (its size when the run
    began) if less: what is written to it since is no input (attacker trials 2 and 3 of stop
    36: `| tee -a input.jsonl`, gzipped too, fed the run its own records, for ever); a file
    that shrinks while read fails, saying so, where its records stop."""
    read = 0
    try:
        with _open_input(Job(str(path), path, None, walked=walked)) as raw:
            size = None
            if stat.S_ISREG((info := os.fstat(raw.fileno())).st_mode):
                size = info.st_size if limit is None else min(info.st_size, limit)
            stream: Any
            if path.name.lower().endswith(".gz"):
                import gzip  # only for .gz: start-up matters for `cleaner clean -`

                capped = raw if size is None else io.BufferedReader(_Capped(raw, size))
                stream = gzip.GzipFile(fileobj=capped, mode="rb")
            else:
                stream = raw if size is None else _lines_up_to(raw, size)
            # lines end at \n only (as JSONL says); each is decoded by record_jobs, which for
            # UTF-8 is the same as decoding the whole stream; a FIFO tells no position
            # (attacker trial of stop 36: "Illegal seek"): no sizes then
            where = raw.tell if raw.seekable() else None
            for job in record_jobs(stream, str(path), path, where):
                read += job.size or 0
                yield job
            if size is not None and raw.tell() < size:
                lost = f"shorter than when opened ({raw.tell()} of {size} bytes): the records after these were not read"
                yield Job(str(path), path, None, error=lost, size=size - raw.tell())
    except InputError as err:  # a walked file that is no regular file now (a FIFO put in its place)
        yield Job(str(path), path, None, error=str(err))
    except (OSError, EOFError) as err:  # gzip.BadGzipFile is an OSError
        try:
            left = max(path.stat().st_size - read, 0)
        except OSError:
            left = 0
        yield Job(str(path), path, None, error=f"cannot read: {getattr(err, 'strerror', None) or err}", size=left)


def _lines_up_to(raw: Any, size: int) -> Iterator[bytes]:
    """The lines of a file's first `size` bytes, read through (its position exact after each)."""
    left = size
    while left > 0 and (line := raw.readline(left)):
        left -= len(line)
        yield line


class _Capped(io.RawIOBase):
    """The first `size` bytes of a binary file, read through."""

    def __init__(self, raw: Any, size: int):
        self.raw, self.left = raw, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            return 0
        view = memoryview(buffer)[: self.left]
        n = self.raw.readinto(view)
        self.left -= n or 0
        return n or 0


class _Unreadable(ValueError):
    """JSON that no standard JSON output could write back as it was read."""


def _constant(name: str) -> Any:
    raise _Unreadable(f"not standard JSON: {name} is no JSON number")


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Unreadable(f"not JSON this program can read: the number {text[:40]} is out of range")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # more digits than int() converts (sys.get_int_max_str_digits)
        raise _Unreadable(f"not JSON this program can read: a number of {len(text)} digits") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys differ: of a key given twice, which value is meant is unknown
    (attacker trial of stop 36: the last one was cleaned, the first dropped, silently)."""
    record = dict(pairs)
    if len(record) < len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _Unreadable(f'the key "{twice[:40]}" is given twice in one object: which value is meant is unknown')
    return record


def _decoded(line: bytes | str) -> tuple[str | None, str | None]:
    """A line as text, or why it is not UTF-8 (JSON is UTF-8: nothing is replaced)."""
    if isinstance(line, str):
        return line, None
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError as err:
        column = len(line[: err.start].decode("utf-8", "replace")) + 1
        return None, f"not UTF-8: byte 0x{line[err.start]:02x} at column {column}"


TOO_BIG_TO_READ = "ran out of memory reading this input"
TOO_BIG_TO_READ_LINE = "ran out of memory reading this line; the lines after it were not read"


def _lines_or_too_big(lines: Iterable[bytes | str]) -> Iterator[tuple[int, bytes | str | None]]:
    """(number, line) of `lines`, then (number, None) if reading a line ran out of memory
    (attacker trial: a traceback, and no later file read), after which no more."""
    it = iter(lines)
    number = 0
    while True:
        number += 1
        try:
            raw = next(it)
        except StopIteration:
            return
        except MemoryError:
            yield number, None
            return
        yield number, raw


def record_jobs(
    lines: Iterable[bytes | str], name: str, path: Path | None, position: Callable[[], int] | None = None
) -> Iterator[Job]:
    """The jobs of JSONL lines read from `name` (also by the Dask engine, through fsspec).
    Lines read as bytes must be UTF-8, or fail by line. `position`, when given, tells how far
    the file is read after each line: each job's size is what was read for it (blank lines
    count with the next record). NaN, Infinity and numbers out of a double's range fail by
    line too: the output, standard JSON, could not hold them."""
    done = 0
    for number, raw in _lines_or_too_big(lines):
        if raw is None:  # the line itself did not fit in memory: the rest of the file is not read
            yield Job(f"{name}:{number}", path, None, error=TOO_BIG_TO_READ_LINE)
            return
        # a byte order mark some editors write (attacker trial), on any line: files joined with
        # cat keep each one's (attacker trial of stop 36); JSON has none
        raw = raw.removeprefix(b"\xef\xbb\xbf") if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
        if not raw.strip():
            continue
        source = f"{name}:{number}"
        size = None
        if position is not None:
            at = position()
            size, done = at - done, at
        try:
            line, problem = _decoded(raw)
            if line is None:
                yield Job(source, path, None, error=problem, size=size)
                continue
            record = json.loads(
                line, parse_constant=_constant, parse_float=_float, parse_int=_int, object_pairs_hook=_unique_keys
            )
        except MemoryError:  # one record too big: it fails alone (attacker trial: the run died)
            yield Job(source, path, None, error=TOO_BIG_TO_READ, size=size)
            continue
        except json.JSONDecodeError as err:  # some messages end in "at" ("Invalid control character at")
            msg = f"not JSON: {err.msg.removesuffix(' at')} at column {err.colno}"
            if line and "\r" in line.rstrip("\r\n"):  # attacker trial of stop 36: said nothing of the cause
                msg += "; its records end in a carriage return alone, and JSONL lines end in \\n"
            yield Job(source, path, None, error=msg, size=size)
            continue
        except _Unreadable as err:
            yield Job(source, path, None, error=str(err), size=size)
            continue
        except RecursionError:
            yield Job(source, path, None, error="not JSON this program can read: nested too deeply", size=size)
            continue
        if "\\ud" in line or "\\uD" in line:
            record = _without_lone_surrogates(record)
        if not isinstance(record, dict):
            yield Job(source, path, None, error="a JSONL record must be an object", size=size)
            continue
        yield Job(source, path, None, record=record, size=size)


def _without_lone_surrogates(record: Any) -> Any:
    """The record with each lone surrogate (an escape such as "\\ud800", which no UTF-8
    output can hold) as U+FFFD; escaped pairs are one character already. Round-tripped
    through JSON text rather than walked: a record may nest as deep as json allows."""
    text = json.dumps(record, ensure_ascii=False)
    return json.loads(text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace"))


def load(job: Job, fields: Fields) -> tuple[bytes | str, bool | None, str | None]:
    """The input of a job: data, whether it is HTML (None: tell by content), and its URL."""
    if job.record is not None:
        record = job.record
        url = record.get(fields.url)
        if url is not None and not isinstance(url, str):
            raise InputError(f'the "{fields.url}" field is not a string')
        for name, html in ((fields.html, True), (fields.text, False)):
            value = record.get(name)
            if isinstance(value, str):
                return value, html, url
        raise InputError(f'record has no "{fields.text}" or "{fields.html}" string field')
    if job.data is not None or job.path is None:
        if job.data is not None:
            data = job.data
        else:
            import sys

            data = read_text_stream(sys.stdin.buffer)
        if _records_on_stdin(data, fields):
            raise InputError(STDIN_RECORDS)
        return data, None, None
    try:
        with _open_input(job) as f:
            # a regular file has an end; a device or a FIFO may not (/dev/zero: all memory)
            data = _read_regular(f) if stat.S_ISREG(os.fstat(f.fileno()).st_mode) else read_text_stream(f)
    except OSError as err:  # named on the command line: a folder's walk tells these apart first
        broken = _broken_link(str(job.path), err)
        if broken is None:
            raise
        raise InputError(broken) from None
    return *unpack(data, job.path.name), None


def _open_input(job: Job) -> io.BufferedReader:
    """The job's file, opened for reading. A file the walk found regular that is something else
    now fails by name: opened non-blocking, a FIFO put in its place during the run is not
    waited on (attacker trial of stop 52: the run hung for ever). A FIFO or device named on the
    command line is read as a stream, waiting for its writer, as the user asked."""
    assert job.path is not None
    if not job.walked:
        return job.path.open("rb")
    from cleaner.files import NotRegular, regular_fd

    try:
        return os.fdopen(regular_fd(job.path), "rb")
    except NotRegular as err:
        raise InputError(f"not a regular file ({err.kind}) now; skipped") from None


# New-user trial: `cat recs.jsonl | cleaner clean - --format jsonl` cleaned the records as one
# scrape (the first record taken for a header, the rest output as JSON text), exit 0.
STDIN_RECORDS = (
    "standard input holds JSONL records (a JSON object with a text or html field per line); "
    "- is read as one scrape: save the records as a .jsonl file and clean that"
)


def _records_on_stdin(data: bytes, fields: Fields) -> bool:
    """Whether a scrape read from stdin is JSONL records: of its first RECORDS_LOOKED_AT
    non-blank lines, two or more are JSON objects with a text or html field, or one is and
    every one of them is JSON (a header object first, a record cut short, UTF-16 or UTF-32 with
    its byte order mark: attacker trial 2 of stop 36). A page whose first line is JSON-LD with a
    "text" property, prose after it, is a page."""
    import json

    # the first lines, however long (records of 600 KB)
    head = b"\n".join(data.split(b"\n", RECORDS_LOOKED_AT * 4)[: RECORDS_LOOKED_AT * 4])
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            text = head[len(bom) :].decode(codec, "ignore")
            break
    else:
        text = head.decode("utf-8", "ignore").removeprefix("\ufeff")
    lines = [line.strip().removeprefix("\ufeff") for line in text.split("\n")]
    lines = [line for line in lines if line][:RECORDS_LOOKED_AT]
    if lines and lines[0].startswith("<"):  # HTML, JSON-LD blocks on lines of their own in it
        return False
    records = json_lines = 0
    for line in lines:
        if not line.startswith(("{", "[")):
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            continue
        json_lines += 1
        # not structured data about a page (JSON-LD: "@context", "@type"), which may hold "text"
        records += isinstance(value, dict) and (fields.text in value or fields.html in value) and "@type" not in value
    return records >= 2 or (records == 1 and json_lines == len(lines))


RECORDS_LOOKED_AT = 5
UNPACK_CHUNK = 1 << 20  # a .gz scrape is unpacked and judged for binary data this much at a time
# The most a .gz scrape (one document) may unpack to. Its size on disk tells nothing: 2 MB
# unpacked to 2 GiB of text and the run grew to 6.4 GB before cleaning it (attacker trial of
# stop 49). A page's HTML is rarely over 10 MB; the big-page benchmark goes to 64 MB.
MAX_UNPACKED = 256 << 20


# The share of NUL bytes in a file's head past which it is no text in any charset (UTF-32 of
# ASCII is 75% NULs) and the rest is not read
ALL_NULS = 0.9


def _read_regular(f: io.BufferedReader) -> bytes:
    """A regular file's bytes, but a file of NULs (a sparse or zeroed file) fails on its head
    (attacker trial of stop 52: 3 GB of NULs took 4.7 GB of memory before it was refused)."""
    from cleaner.stages.decode import SNIFF

    head = f.read(SNIFF)
    if head and head.count(0) > ALL_NULS * len(head):
        raise InputError("binary file (contains NUL bytes), not text")
    return head + f.read()


def read_text_stream(stream: Any, limit: int | None = None) -> bytes:
    """All of a stream that has no size to go by (stdin, a FIFO, a device, a .gz file's
    contents), its head judged first: binary data fails before the rest is read (attacker
    trial of stop 47: `cleaner clean /dev/zero` read until the kernel killed it). InputError
    for binary data, and for text past `limit` bytes."""
    from cleaner.stages.decode import BINARY_CONTROLS, SNIFF, binary_from, decode_bytes

    head = stream.read(SNIFF)
    chunks = [head]
    if len(head.translate(None, BINARY_CONTROLS)) < len(head):  # NULs or controls: binary?
        decode_bytes(head)  # InputError for binary data, as the whole would give
        chunks.append(stream.read())  # or UTF-16, NULs all through
    else:  # text: binary data after the head fails where it starts (second attacker, stop 37)
        done = len(head)
        while chunk := stream.read(UNPACK_CHUNK):
            if (at := binary_from(chunk)) is not None:
                raise InputError(f"binary data at byte {done + at} (NUL or control bytes), not text")
            chunks.append(chunk)
            done += len(chunk)
            if limit is not None and done > limit:
                raise InputError(f"more than {limit >> 20} MiB of text unpacked: not cleaned as one document")
    return b"".join(chunks)


def unpack(data: bytes, name: str) -> tuple[bytes, bool | None]:
    """A scrape file's bytes (decompressed if .gz) and whether its name says HTML
    (None: tell by content)."""
    name = name.lower()
    if name.endswith(".gz"):
        import gzip
        import io

        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
                # attacker trial of stop 37: 2 GB of zeros, 8.7 MB packed, took 17 s and 3.9 GB to refuse
                data = read_text_stream(unzipped, MAX_UNPACKED)
        except (OSError, EOFError) as err:
            raise InputError(f"not a readable gzip file: {err}") from None
        name = name[:-3]
    return data, True if name.endswith(HTML_SUFFIXES) else None


def _is_dir_target(out: str) -> bool:
    return out.endswith(("/", os.sep)) or Path(out).is_dir()


def _inside(child: Path, parent: Path) -> bool:
    child, parent = child.resolve(), parent.resolve()
    return child == parent or parent in child.parents
