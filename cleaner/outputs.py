"""Writing results so that nothing is ever half-written and a killed run can resume.

Per-input files are written to a temporary file and renamed. A shared output file
(JSONL with -o) grows as `<out>.partial`, and is renamed (compressed first for .gz)
only when the run finishes. Beside it, `<out>.partial.state` records after each input
how many inputs are done (failed ones too) and how long the partial file was then;
--resume cuts the partial file back to that length and skips that many inputs.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file."""
    import tempfile  # 5 ms to import; not needed when writing to stdout

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
        self.jobs = self.failed = 0  # inputs done before (when resuming), and how many of them failed
        if path is None:  # UTF-8 whatever the locale says; detached again on close
            self.file: io.TextIOWrapper = io.TextIOWrapper(
                sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True
            )
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.partial = path.with_name(path.name + ".partial")
        self.state = path.with_name(path.name + ".partial.state")
        size = 0
        if resume and self.partial.exists() and self.state.exists():
            state = json.loads(self.state.read_text(encoding="utf-8"))
            self.jobs, self.failed, size = state["jobs"], state["failed"], state["bytes"]
        with open(self.partial, "ab") as f:  # back to the last checkpoint (or empty)
            f.truncate(size)
        # held open across checkpoints; finish() and abandon() close it
        self.file = open(self.partial, "a", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, text: str) -> None:
        self.file.write(text)

    def checkpoint(self, failed: bool) -> None:
        """One more input is done: make its record durable, then count it."""
        self.jobs += 1
        self.failed += failed
        if self.path is not None:
            self.file.flush()
            state = {"jobs": self.jobs, "failed": self.failed, "bytes": self.file.tell()}
            write_atomic(self.state, json.dumps(state))

    def finish(self) -> None:
        """All records are in: make the output file appear, whole."""
        if self.path is None:
            self.file.detach()
            return
        self.file.close()
        if self.path.suffix == ".gz":
            import gzip
            import shutil

            tmp = self.partial.with_name(self.partial.name + ".gz")
            with open(self.partial, "rb") as src, gzip.open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst)
            os.replace(tmp, self.path)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.path)
        self.state.unlink(missing_ok=True)

    def abandon(self) -> None:
        """Interrupted: keep the partial file for --resume."""
        if self.path is None:
            self.file.detach()
        else:
            self.file.close()
