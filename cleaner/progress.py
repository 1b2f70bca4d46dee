"""Progress on stderr while a run goes on (only on a terminal), and the summary at the end.

How far the run is goes by the bytes of input as stored: a file's size, a JSONL record's
share of its file (compressed bytes for .gz). Against the total of the inputs, when it is
known, that gives the percentage and the ETA: the files of a directory are counted by the
walk that protects the inputs (when the run writes files) or by a walk in the background
(the ETA shows once it ends); a JSONL file's total is its size. Standard input has no
total: counts and rate only.
"""

from __future__ import annotations

import stat
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from cleaner.inputs import STDIN, Job, is_jsonl, walk

if TYPE_CHECKING:
    from cleaner.guard import Inputs

REFRESH = 0.25  # seconds between redraws


class Total(NamedTuple):
    files: int | None  # input files; None when JSONL records are among the inputs (not counted ahead)
    size: int | None  # bytes of input as stored; None when standard input is one

    @classmethod
    def of(cls, inputs: Inputs) -> Total:
        return cls(None if inputs.jsonl else inputs.count, inputs.size)


class Progress:
    def __init__(
        self,
        enabled: bool,
        total: Total | None = None,
        stream: IO[str] | None = None,
        clock: Callable[[], float] | None = None,
    ):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.total = total  # None until known
        self.done = self.failed = 0  # inputs cleaned, failed
        self.files = self.records = self.size = 0  # what is done: drawn only
        self.skipped = 0  # bytes --resume passed over: done, but not by this run's rate
        self.clock = clock or time.monotonic
        self.start = self.last = self.clock()

    def measure(self, inputs: Sequence[str]) -> None:
        """Find the total in a walk in the background; the ETA shows once it is known."""

        def walk() -> None:
            try:
                self.total = measure(inputs)
            except Exception:  # no total, no ETA: the run goes on
                pass

        background(walk)

    def skip(self, job: Job) -> bool:
        """Count a job --resume passes over (its output is there) as done. False: for a filter."""
        if self.enabled:
            self._count(job)
            self.skipped += stored_size(job)
        return False

    def update(self, job: Job, failed: bool) -> None:
        self.done += not failed
        self.failed += failed
        if not self.enabled:
            return
        self._count(job)
        self.size += stored_size(job)
        now = self.clock()
        if now - self.last >= REFRESH:
            self.last = now
            self._show("\r" + self.line(now) + "\x1b[K")

    def _show(self, text: str) -> None:
        """Progress is a courtesy: a stderr that cannot take it (a full disk, a closed pipe) ends
        the progress line, not the run (attacker trial of stop 51: 2>/dev/full stopped a run after
        its first file, nothing said)."""
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False

    def _count(self, job: Job) -> None:
        if is_jsonl(job.path):
            self.records += 1
        else:
            self.files += 1

    def line(self, now: float) -> str:
        """Files (done/total when known), records, bytes (done/total, %), rate, errors, ETA."""
        elapsed = max(now - self.start, 1e-9)
        # with standard input among the inputs, there is no total to go by
        total = self.total if self.total is not None and self.total.size is not None else Total(None, None)
        counts = []
        if self.files or not self.records:
            counts.append(f"{self.files:,}{f'/{total.files:,}' if total.files is not None else ''} files")
        if self.records:
            counts.append(f"{self.records:,} records")
        done = self.size + self.skipped
        scale, unit = _unit(max(total.size or 0, done))
        size = f"{done / scale:,.1f}"
        if total.size:
            size += f"/{total.size / scale:,.1f} {unit}  {min(100 * done // total.size, 100)}%"
        else:
            size += f" {unit}"
        text = f"{'  '.join(counts)}  {size}  {self.size / scale / elapsed:,.1f} {unit}/s  {self.failed} errors"
        if total.size and self.size:
            text += f"  ETA {clock(max(total.size - done, 0) * elapsed / self.size)}"
        return text

    def clear(self) -> None:
        if self.enabled:
            self._show("\r\x1b[K")


def measure(inputs: Sequence[str]) -> Total:
    """What the inputs come to, as the protecting walk finds it (Total.of), but keeping no
    list of files: memory stays flat whatever the size of the directory."""
    files = size = 0
    jsonl = False
    for raw in inputs:
        if raw == STDIN:
            return Total(None, None)
        path = Path(raw)
        for found in walk(path) if path.is_dir() else [path]:
            if isinstance(found, Path):
                files += 1
                jsonl = jsonl or is_jsonl(found)
                size += _regular_size(found)
    return Total(None if jsonl else files, size)


def stored_size(job: Job) -> int:
    """The bytes of input a job stands for: its record's share of a JSONL file, stdin's
    bytes, a regular file's size."""
    if job.size is not None:
        return job.size
    if job.data is not None:
        return len(job.data)
    return 0 if job.path is None else _regular_size(job.path)


def _regular_size(path: Path) -> int:
    try:
        info = path.stat()
    except OSError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def _unit(size: int) -> tuple[float, str]:
    """The unit sizes are shown in: kB below a megabyte, MB below a gigabyte, then GB."""
    return (1e9, "GB") if size >= 1e9 else (1e6, "MB") if size >= 1e6 else (1e3, "kB")


def clock(seconds: float) -> str:
    """M:SS, or H:MM:SS from an hour on."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def background(work: Callable[[], None]) -> None:
    """Run `work` in a daemon thread (tests run it at once, for a known order)."""
    import threading

    threading.Thread(target=work, name="cleaner-progress-total", daemon=True).start()
