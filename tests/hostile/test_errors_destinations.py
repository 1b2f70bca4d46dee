"""--errors to an unusual destination: a folder that does not exist yet, a place that
cannot be written, a device or a pipe. Never a traceback; checked before anything is written."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.hostile.test_batch import BINARY, PROSE, run
from tests.test_corpus_run import cleaner_command


def _inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    (src / "b.txt").write_bytes(BINARY)
    return src


def test_errors_file_in_a_missing_folder_makes_it_as_o_does(tmp_path: Path):
    src = _inputs(tmp_path)
    errors = tmp_path / "no" / "such" / "e.jsonl"
    result = run("clean", str(src), "-o", str(tmp_path / "out"), "--errors", str(errors))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert [json.loads(line)["source"] for line in errors.read_text().splitlines()] == [str(src / "b.txt")]


def test_errors_file_that_cannot_be_written_is_refused_before_anything_is_written(tmp_path: Path):
    src = _inputs(tmp_path)
    (tmp_path / "file").write_text("a file, not a folder")
    errors = tmp_path / "file" / "e.jsonl"
    out = tmp_path / "all.jsonl"
    result = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--errors", str(errors))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: cannot write errors file {errors}: a file is in its path where a folder should be\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "in"]  # no .partial, no .state


def test_errors_to_stderr_is_written_as_a_stream(tmp_path: Path):
    src = _inputs(tmp_path)
    out = tmp_path / "all.jsonl"
    cmd = [*cleaner_command(), "clean", "-q", str(src), "--format", "jsonl", "-o", str(out), "--errors", "/dev/stderr"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    entries = [json.loads(line) for line in proc.stderr.splitlines() if line.startswith("{")]
    assert [e["source"] for e in entries] == [str(src / "b.txt")]
    assert out.exists()


def test_errors_to_stderr_appended_to_a_log_does_not_cut_it(tmp_path: Path):
    src = _inputs(tmp_path)
    log = tmp_path / "log"
    log.write_text("earlier\n")
    cmd = [*cleaner_command(), "clean", "-q", str(src), "-o", str(tmp_path / "out"), "--errors", "/dev/stderr"]
    with open(log, "a") as stderr:
        proc = subprocess.run(cmd, stderr=stderr, timeout=120)
    assert proc.returncode == 1
    assert log.read_text().startswith("earlier\n") and '"error"' in log.read_text()


def test_errors_to_a_full_device_stops_with_a_message(tmp_path: Path):
    src = _inputs(tmp_path)
    result = run("clean", str(src), "-o", str(tmp_path / "out"), "--errors", "/dev/full")
    assert result.exit_code == 1
    assert result.stderr.endswith("cleaner: /dev/full: No space left on device\n")


def test_errors_to_stdout_where_the_results_go_is_refused(tmp_path: Path):
    src = _inputs(tmp_path)
    result = run("clean", str(src), "--format", "jsonl", "--errors", "/dev/stdout")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: errors file /dev/stdout is standard output, where the results go; name another file\n"
    )


def test_errors_dash_is_standard_output(tmp_path: Path):
    """Attacker trial of stop 33: --errors - wrote a file named "-". It is standard output,
    as - is everywhere: refused where the results go, the errors' stream where they do not."""
    src = _inputs(tmp_path)
    cmd = [*cleaner_command(), "clean", str(src), "--format", "jsonl", "--errors", "-", "-q"]
    refused = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.endswith("Error: errors file - is standard output, where the results go; name another file\n")
    out = tmp_path / "all.jsonl"
    done = subprocess.run([*cmd, "-o", str(out)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert [json.loads(line)["source"] for line in done.stdout.splitlines()] == [str(src / "b.txt")]
    assert [json.loads(line)["source"] for line in out.read_text().splitlines()] == [str(src / "a.txt")]
    assert not (tmp_path / "-").exists()


def test_errors_to_a_fifo_nobody_reads_is_refused_not_waited_on(tmp_path: Path):
    src = _inputs(tmp_path)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = run("clean", str(src), "-o", str(tmp_path / "out"), "--errors", str(fifo))
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: cannot write errors file {fifo}: a FIFO that nothing reads\n")
    assert not (tmp_path / "out").exists()


def test_errors_file_that_stdout_is_redirected_to_is_refused(tmp_path: Path):
    src = _inputs(tmp_path)
    out = tmp_path / "all.jsonl"
    cmd = [*cleaner_command(), "clean", str(src), "--format", "jsonl", "--errors", str(out)]
    with open(out, "w") as stdout:
        proc = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2
    assert f"Error: errors file {out} is standard output, where the results go" in proc.stderr


def test_errors_to_stderr_on_the_terminal_stdout_shows_too_is_written(tmp_path: Path):
    import pty

    src = _inputs(tmp_path)
    primary, secondary = pty.openpty()
    try:
        cmd = [*cleaner_command(), "clean", "-q", str(src), "--format", "jsonl", "--errors", "/dev/stderr"]
        proc = subprocess.run(cmd, stdout=secondary, stderr=secondary, timeout=120)
        shown = os.read(primary, 65536).decode()
    finally:
        os.close(primary)
        os.close(secondary)
    assert proc.returncode == 1
    assert '"error"' in shown and "standard output" not in shown


def test_errors_file_in_a_read_only_place_is_refused_before_anything_is_written(tmp_path: Path, monkeypatch):
    import errno

    import cleaner.outputs

    src = _inputs(tmp_path)
    errors = tmp_path / "ro" / "e.jsonl"
    errors.parent.mkdir()
    real_open = os.open

    def read_only(path, *args, **kwargs):  # as a non-root user in a 0555 folder (the tests may run as root)
        if Path(path) == errors:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(cleaner.outputs.os, "open", read_only)
    out = tmp_path / "all.jsonl"
    result = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--errors", str(errors))
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: cannot write errors file {errors}: Permission denied\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "ro"]


def test_a_second_run_into_the_same_errors_file_is_refused(tmp_path: Path):
    # Attacker trial, stop 34: a second run with the same --errors FILE truncated it, and the
    # first run's entries were lost.
    from tests.hostile.test_batch import while_locked

    errors = tmp_path / "errors.jsonl"
    errors.write_text('{"source": "earlier", "error": "kept"}\n')
    (tmp_path / "a.txt").write_text("The council approved the new budget on Tuesday after a long debate.\n")
    result = while_locked(errors, "clean", str(tmp_path / "a.txt"), "--errors", str(errors))
    assert result.exit_code == 2
    assert f"another cleaner run is writing {errors};" in result.stderr
    assert errors.read_text() == '{"source": "earlier", "error": "kept"}\n'


def test_an_empty_errors_path_is_refused_as_empty(tmp_path: Path):
    """Attacker trial of stop 49: --errors '' read as ".", and the message said "errors file .
    is a directory"."""
    src = _inputs(tmp_path)
    result = run("clean", str(src), "-o", str(tmp_path / "out"), "--errors", "")
    assert result.exit_code == 2
    assert "Invalid value for '--errors': an empty path names no file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_disk_that_fills_mid_entry_leaves_only_whole_entries(tmp_path: Path):
    """Attacker trial of stop 49: on a full disk the errors file ended in half an entry (not
    JSON). An entry the disk takes part of is cut away; the error goes on to stop the run."""
    import errno

    import pytest

    from cleaner.outputs import ErrorLog

    path = tmp_path / "e.jsonl"
    log = ErrorLog(path)
    log.start()
    log.add("a.txt", "binary file (contains NUL bytes), not text")
    real = log.file.write

    def fills(data: bytes) -> int:  # the disk takes 10 bytes, then is full
        real(bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    log.file.write = fills
    with pytest.raises(OSError):
        log.add("b.txt", "binary file (contains NUL bytes), not text")
    log.close()
    assert [json.loads(line)["source"] for line in path.read_text().splitlines()] == ["a.txt"]
