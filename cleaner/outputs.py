"""Writing results so that nothing is ever half-written and a killed run can resume.

Per-input files are written to a temporary file and renamed. A shared output file
(JSONL with -o) grows as `<out>.partial`, one complete record per line, and is
renamed (compressed first for .gz) only when the run finishes; --resume keeps the
complete records of a partial file and carries on after them.
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SharedOutput:
    """stdout, or an -o file assembled as <out>.partial and renamed when complete."""

    def __init__(self, path: Path | None, resume: bool = False):
        self.path = path
        self.done = 0  # records already in the partial file when resuming
        if path is None:  # UTF-8 whatever the locale says; detached again on close
            self.file: IO[str] = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.partial = path.with_name(path.name + ".partial")
        if resume and self.partial.exists():
            self.done = _keep_complete_lines(self.partial)
        elif self.partial.exists():
            self.partial.unlink()
        self.file = open(self.partial, "a", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self.file.write(text)
        if self.path is not None:
            self.file.flush()  # a killed run loses at most the record being written

    def finish(self) -> None:
        """All records are in: make the output file appear, whole."""
        if self.path is None:
            self.file.detach()
            return
        self.file.close()
        if self.path.suffix == ".gz":
            tmp = self.partial.with_name(self.partial.name + ".gz")
            with open(self.partial, "rb") as src, gzip.open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst)
            os.replace(tmp, self.path)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.path)

    def abandon(self) -> None:
        """Interrupted: keep the partial file for --resume."""
        if self.path is None:
            self.file.detach()
        else:
            self.file.close()


def _keep_complete_lines(path: Path) -> int:
    """Cut a trailing incomplete line off `path`; return how many complete lines it holds."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end != len(data):
        with open(path, "r+b") as f:
            f.truncate(end)
    return data[:end].count(b"\n")
