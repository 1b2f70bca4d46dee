"""Progress: drawn on a terminal only (CLEANER_PROGRESS=1 forces it, here with a fake clock
that moves a second per result): files or records done, bytes of input done against the
total, rate, errors, and the ETA for every input kind but standard input."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import time
import types

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.guard import Inputs
from cleaner.inputs import Job
from cleaner.progress import Progress, Total, clock, measure
from tests.conftest import SEEDS

CLEAR = "\r\x1b[K"


def text_of(size: int, seed: int) -> str:
    """A scrape of exactly `size` bytes: sentences that survive cleaning."""
    words = ["council", "budget", "library", "harbour", "school", "market", "bridge", "festival"]
    lines = [
        f"Paragraph {seed}: the {words[n % 8]} met on day {n} about the {words[(n * 3 + 1) % 8]} for next year.\n\n"
        for n in range(size // 60 + 1)
    ]
    return "".join(lines)[: size - 1] + "\n"


@pytest.fixture
def forced(monkeypatch):
    """Progress on, a clock that gives 0, 1, 2 ... seconds, the background walk run at once."""
    ticks = itertools.count()
    monkeypatch.setattr("cleaner.progress.time", types.SimpleNamespace(monotonic=lambda: float(next(ticks))))
    monkeypatch.setattr("cleaner.progress.background", lambda work: work())
    monkeypatch.setenv("CLEANER_PROGRESS", "1")


def drawn(*lines: str) -> str:
    return "".join(f"\r{line}\x1b[K" for line in lines) + CLEAR


def test_directory_counts_files_and_bytes_against_the_walk(tmp_path, forced):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, size in (("a.txt", 10_000), ("b.txt", 20_000), ("c.txt", 30_000)):
        (folder / name).write_text(text_of(size, size))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(folder), "-o", str(out), "-j", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert (
        result.stderr
        == drawn(
            "1/3 files  10.0/60.0 kB  16%  10.0 kB/s  0 errors  ETA 0:05",
            "2/3 files  30.0/60.0 kB  50%  15.0 kB/s  0 errors  ETA 0:02",
            "3/3 files  60.0/60.0 kB  100%  20.0 kB/s  0 errors  ETA 0:00",
        )
        + f"cleaner: 3 cleaned, 0 failed into {out}\n"
    )


def test_directory_to_stdout_is_walked_in_the_background(tmp_path, forced):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(text_of(4_000, 1))
    (folder / "sub" / "b.txt").write_bytes(b"")  # empty: cleaned with a warning, no bytes
    result = CliRunner().invoke(main, ["clean", str(folder), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 0, result.output
    empty = f"cleaner: {folder / 'sub' / 'b.txt'}: the input is empty (or only blank lines): the output is empty too\n"
    assert result.stderr == (
        drawn("1/2 files  4.0/4.0 kB  100%  4.0 kB/s  0 errors  ETA 0:00")  # cleared for the message
        + empty
        + drawn("2/2 files  4.0/4.0 kB  100%  2.0 kB/s  0 errors  ETA 0:00")
        + "cleaner: 2 cleaned, 0 failed\n"
    )


def records_of(*sizes: int) -> bytes:
    """JSONL lines of exactly these sizes (newline included), a text of one line each."""
    lines = []
    for n, size in enumerate(sizes):
        sentence = f"Record {n}: the council met on Tuesday to discuss the budget for the coming year. "
        empty = json.dumps({"id": n, "text": ""}) + "\n"
        lines.append(json.dumps({"id": n, "text": (sentence * size)[: size - len(empty)]}) + "\n")
        assert len(lines[-1]) == size
    return "".join(lines).encode()


def test_jsonl_counts_records_and_bytes_read_against_the_file_size(tmp_path, forced):
    path = tmp_path / "in.jsonl"
    path.write_bytes(records_of(5_000, 15_000, 20_000))
    result = CliRunner().invoke(main, ["clean", str(path), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [0, 1, 2]
    assert (
        result.stderr
        == drawn(
            "1 records  5.0/40.0 kB  12%  5.0 kB/s  0 errors  ETA 0:07",
            "2 records  20.0/40.0 kB  50%  10.0 kB/s  0 errors  ETA 0:02",
            "3 records  40.0/40.0 kB  100%  13.3 kB/s  0 errors  ETA 0:00",
        )
        + "cleaner: 3 cleaned, 0 failed\n"
    )


def test_gzipped_jsonl_goes_by_the_compressed_bytes_read(tmp_path, forced):
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(records_of(5_000, 15_000), mtime=0))
    kb = path.stat().st_size / 1e3  # under gzip's read buffer: read whole with the first record
    result = CliRunner().invoke(main, ["clean", str(path), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert (
        result.stderr
        == drawn(
            f"1 records  {kb:.1f}/{kb:.1f} kB  100%  {kb:.1f} kB/s  0 errors  ETA 0:00",
            f"2 records  {kb:.1f}/{kb:.1f} kB  100%  {kb / 2:.1f} kB/s  0 errors  ETA 0:00",
        )
        + f"cleaner: 2 cleaned, 0 failed into {tmp_path / 'out.jsonl'}\n"
    )


def test_gzipped_jsonl_progress_moves_with_the_compressed_file(tmp_path):
    """Larger than gzip's read buffer: each record's share is the compressed bytes read for
    it, and the shares add up to the file's size."""
    import random

    rng = random.Random(0)
    lines = [json.dumps({"text": "".join(rng.choices("abcdefghij klmnop\n", k=20_000))}) + "\n" for _ in range(60)]
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress("".join(lines).encode(), mtime=0))
    from cleaner.inputs import records

    sizes = [job.size or 0 for job in records(path)]
    assert sum(sizes) == path.stat().st_size
    assert sum(1 for s in sizes if s) > 2  # moves several times, not all at once


def test_stdin_has_no_total_only_counts_and_rate(forced):
    result = CliRunner().invoke(main, ["clean", "-"], input=text_of(3_000, 7))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Paragraph 7")
    assert result.stderr == drawn("1 files  3.0 kB  3.0 kB/s  0 errors")


def test_a_file_list_with_stdin_has_no_total(tmp_path, forced):
    path = tmp_path / "a.txt"
    path.write_text(text_of(2_000, 2))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(path), "-", "-o", str(out), "-j", "1"], input=text_of(1_000, 1))
    assert result.exit_code == 0, result.output
    assert (
        result.stderr
        == drawn(
            "1 files  2.0 kB  2.0 kB/s  0 errors",
            "2 files  3.0 kB  1.5 kB/s  0 errors",
        )
        + f"cleaner: 2 cleaned, 0 failed into {out}\n"
    )


def test_line_before_the_total_is_known_then_after():
    ticks = iter([0.0, 10.0, 20.0])
    stream = io.StringIO()
    progress = Progress(enabled=True, stream=stream, clock=lambda: next(ticks))
    job = Job("x", None, None, size=3_000_000)
    progress.update(job, failed=False)
    progress.total = Total(files=None, size=12_000_000)  # as the background walk sets it
    progress.update(job, failed=True)
    assert stream.getvalue().split("\r")[1:] == [
        "1 files  3.0 MB  0.3 MB/s  0 errors\x1b[K",
        "2 files  6.0/12.0 MB  50%  0.3 MB/s  1 errors  ETA 0:20\x1b[K",
    ]
    assert (progress.done, progress.failed) == (1, 1)


def test_the_background_walk_finds_what_the_protecting_walk_finds(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.html").write_text("x" * 300)
    (tmp_path / "a" / "b" / "two.txt.gz").write_bytes(b"y" * 200)
    (tmp_path / "a" / ".hidden").write_text("z" * 50)
    (tmp_path / "c.jsonl").write_text("{}\n" * 9)
    for inputs, expected in (
        ([str(tmp_path / "a")], Total(2, 500)),
        ([str(tmp_path / "a"), str(tmp_path / "c.jsonl")], Total(None, 527)),  # records: not counted ahead
        ([str(tmp_path / "a"), "-"], Total(None, None)),
    ):
        assert measure(inputs)[1] == Total.of(Inputs(inputs)).size
        assert measure(inputs) == (expected if expected.size is not None else Total(None, None))
    progress = Progress(enabled=True, stream=io.StringIO())
    progress.measure([str(tmp_path / "a")])  # in a thread, as a run does it
    for _ in range(500):
        if progress.total is not None:
            break
        time.sleep(0.01)
    assert progress.total == Total(2, 500)


def test_eta_in_hours():
    assert [clock(s) for s in (0, 59.9, 61, 3_599, 3_600, 100_000)] == [
        "0:00",
        "0:59",
        "1:01",
        "59:59",
        "1:00:00",
        "27:46:40",
    ]


def test_nothing_drawn_when_disabled():
    stream = io.StringIO()
    progress = Progress(enabled=False, stream=stream)
    progress.update(Job("x", None, None, size=10), failed=False)
    progress.clear()
    assert stream.getvalue() == ""
    assert progress.done == 1


def test_off_when_forced_off_or_quiet(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_PROGRESS", "0")
    result = CliRunner().invoke(main, ["clean", *map(str, SEEDS[:2]), "-o", str(tmp_path), "-j", "1"])
    assert (result.exit_code, result.stderr) == (0, f"cleaner: 2 cleaned, 0 failed into {tmp_path}\n")


def test_quiet_leaves_only_errors(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_PROGRESS", "1")
    result = CliRunner().invoke(main, ["clean", *map(str, SEEDS[:2]), "-o", str(tmp_path), "--quiet"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_resume_counts_what_it_passes_over_as_done(tmp_path, forced, monkeypatch):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for name, size in (("a.txt", 10_000), ("b.txt", 20_000), ("c.txt", 30_000)):
        (folder / name).write_text(text_of(size, size))
    monkeypatch.setenv("CLEANER_PROGRESS", "0")
    assert CliRunner().invoke(main, ["clean", str(folder), "-o", str(out), "-j", "1"]).exit_code == 0
    (out / "b.txt").unlink()
    monkeypatch.setenv("CLEANER_PROGRESS", "1")
    result = CliRunner().invoke(main, ["clean", str(folder), "-o", str(out), "-j", "1", "--resume"])
    assert result.exit_code == 0, result.output
    # a passed over, b cleaned, c passed over; one cleaned: no summary
    assert result.stderr == drawn("2/3 files  30.0/60.0 kB  50%  20.0 kB/s  0 errors  ETA 0:01")


def test_resume_of_a_jsonl_output_counts_the_records_passed_over(tmp_path, forced, monkeypatch):
    from cleaner.batch import Batch
    from cleaner.pipeline import builtin_profiles
    from cleaner.runner import Settings

    path, out, full = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "full.jsonl"
    path.write_bytes(records_of(5_000, 15_000, 20_000))
    monkeypatch.setenv("CLEANER_PROGRESS", "0")
    assert CliRunner().invoke(main, ["clean", str(path), "--format", "jsonl", "-o", str(full)]).exit_code == 0
    # the working files of a run interrupted after two records, as its checkpoint leaves them
    partial = tmp_path / "out.jsonl.partial"
    partial.write_text("".join(full.read_text().splitlines(keepends=True)[:2]))
    run_id = Batch.prepare((str(path),), str(out), Settings("jsonl"), builtin_profiles()).run_id
    state = {"jobs": 2, "failed": 0, "bytes": partial.stat().st_size, "errors_bytes": 0, "run": run_id}
    state["started"], state["errors"] = time.time_ns(), None  # started after the inputs were written
    (tmp_path / "out.jsonl.partial.state").write_text(json.dumps(state))
    monkeypatch.setenv("CLEANER_PROGRESS", "1")
    result = CliRunner().invoke(main, ["clean", str(path), "--format", "jsonl", "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    # two passed over, the third cleaned; one cleaned: no summary
    assert result.stderr == drawn("3 records  40.0/40.0 kB  100%  20.0 kB/s  0 errors  ETA 0:00")


def test_a_stderr_that_cannot_take_progress_ends_the_progress_not_the_run(tmp_path):
    """Attacker trial of stop 51: with progress forced and stderr on a full disk, the run
    stopped after its first file, nothing said."""

    class Full(io.StringIO):
        def write(self, text):
            raise OSError(28, "No space left on device")

    ticks = iter(float(n) for n in range(10))
    progress = Progress(enabled=True, stream=Full(), clock=lambda: next(ticks))
    job = Job("x", None, None, size=100)
    progress.update(job, failed=False)
    progress.update(job, failed=False)
    progress.clear()
    assert (progress.done, progress.enabled) == (2, False)


def test_a_run_with_progress_into_a_full_stderr_writes_every_output(tmp_path):
    import subprocess
    import sys

    (tmp_path / "in").mkdir()
    for n in range(4):
        (tmp_path / "in" / f"{n}.txt").write_text(text_of(400, n))
    # a failure and a warning first: their messages cannot be written either (attacker trial 2
    # of stop 51: the run ended at the first of them)
    (tmp_path / "in" / "0a.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    (tmp_path / "in" / "0b.txt").write_text("")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "cleaner", "clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")],
            stderr=full,
            env={**__import__("os").environ, "CLEANER_PROGRESS": "1"},
            check=False,
        )
    assert done.returncode == 1  # an input failed
    assert sorted(p.name for p in (tmp_path / "out").glob("*.txt")) == ["0.txt", "0b.txt", "1.txt", "2.txt", "3.txt"]
