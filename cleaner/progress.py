"""Progress on stderr while a run goes on (only on a terminal), and the summary at the end."""

from __future__ import annotations

import sys
import time
from typing import IO

REFRESH = 0.25  # seconds between redraws


class Progress:
    def __init__(self, enabled: bool, total: int | None = None, stream: IO[str] | None = None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.total = total
        self.done = self.failed = self.size = 0
        self.start = self.last = time.monotonic()

    def update(self, size: int, failed: bool) -> None:
        self.done += not failed
        self.failed += failed
        self.size += size
        now = time.monotonic()
        if self.enabled and now - self.last >= REFRESH:
            self.last = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        count = self.done + self.failed
        text = (
            f"{count:,} files  {self.size / 1e6:,.1f} MB  {self.size / 1e6 / elapsed:,.1f} MB/s  {self.failed} errors"
        )
        if self.total and count:
            remaining = (self.total - count) * elapsed / count
            text += f"  ETA {int(remaining // 60)}:{int(remaining % 60):02d}"
        return text

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
