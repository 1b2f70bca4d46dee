"""Progress: drawn on a terminal only, with files, MB, rate, errors and ETA."""

from __future__ import annotations

import io

from click.testing import CliRunner

from cleaner.cli import main
from cleaner.progress import Progress
from tests.conftest import SEEDS


def test_progress_line_has_counts_rate_and_eta(monkeypatch):
    clock = iter([0.0, 0.0, 1.0])  # start, first update (too soon to draw), second update
    monkeypatch.setattr("cleaner.progress.time.monotonic", lambda: next(clock))
    stream = io.StringIO()
    progress = Progress(enabled=True, total=4, stream=stream)
    progress.update(1_000_000, failed=False)
    progress.update(1_000_000, failed=True)
    assert stream.getvalue().split("\r")[-1] == "2 files  2.0 MB  2.0 MB/s  1 errors  ETA 0:01\x1b[K"
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_nothing_drawn_when_disabled():
    stream = io.StringIO()
    progress = Progress(enabled=False, stream=stream)
    progress.update(10, failed=False)
    progress.clear()
    assert stream.getvalue() == ""


def test_quiet_leaves_only_errors(tmp_path):
    result = CliRunner().invoke(main, ["clean", *map(str, SEEDS[:2]), "-o", str(tmp_path), "--quiet"])
    assert (result.exit_code, result.stderr) == (0, "")
