"""Batch runs under misuse: every input gets its own output or fails by name, inputs are
never written over, a second run is refused, --resume finishes only the same run, every
failure is listed once, odd files and closed pipes neither hang nor lose data."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.batch import RUN_FILE
from cleaner.cli import main
from tests.conftest import SEEDS
from tests.test_corpus_run import _start_and_kill, cleaner_command

PROSE = "The council approved the new budget on Tuesday after a long debate about road repairs.\n"
BINARY = b"\x00\x01binary\x00" * 10


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


HOLD_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.lockf(fd, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""


def while_locked(lock: Path, *args: str):
    """run(*args) while another process holds `lock`, as a run in progress does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
    try:
        return run(*args)
    finally:
        holder.communicate(b"")


def outputs(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and p.name != RUN_FILE
    }


def test_clashing_names_each_get_their_own_output(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    texts = {name: f"{PROSE[:-2]} in {name.replace('.', ' ')}.\n" for name in ("page", "page.html", "page.txt")}
    for name, text in texts.items():
        (src / name).write_text(text if name != "page.html" else f"<html><body><p>{text}</p></body></html>")
    (src / "page.txt.gz").write_bytes(gzip.compress(b"Gzipped: " + PROSE.encode()))
    result = run("clean", str(src), "-o", str(tmp_path / "out"))
    assert (result.exit_code, result.stderr) == (0, f"cleaner: 4 cleaned, 0 failed into {tmp_path / 'out'}\n")
    got = outputs(tmp_path / "out")
    assert sorted(got) == ["page.html.txt", "page.txt", "page.txt.gz.txt", "page.txt.txt"]
    assert b"in page." in got["page.txt"] and b"in page txt." in got["page.txt.txt"]
    assert b"in page html." in got["page.html.txt"] and got["page.txt.gz.txt"].startswith(b"Gzipped:")


def test_same_name_in_two_folders_given_as_files(tmp_path: Path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "f.txt").write_text(f"{PROSE[:-2]} from {folder}.\n")
    result = run("clean", str(tmp_path / "a" / "f.txt"), str(tmp_path / "b" / "f.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    got = outputs(tmp_path / "out")
    assert sorted(got) == ["f.txt", "f.txt.txt"] and b"from a." in got["f.txt"] and b"from b." in got["f.txt.txt"]


def test_names_differing_in_case_or_normalisation_clash(tmp_path: Path):
    """On a file system that ignores case or Unicode normalisation (macOS's and Windows' by
    default) Report.txt and report.txt are one file: the second output replaced the first,
    exit 0 (attacker trial of stop 51). They clash on every file system."""
    src = tmp_path / "in"
    src.mkdir()
    names = ("Report", "report", "caf\u00e9", "cafe\u0301")
    for n, name in enumerate(names):
        (src / f"{name}.txt").write_text(f"{PROSE[:-2]} about page {n}.\n")
    result = run("clean", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    got = outputs(tmp_path / "out")
    assert len(got) == 4 and len({name.casefold() for name in got}) == 4
    import unicodedata

    assert len({unicodedata.normalize("NFC", name) for name in got}) == 4
    assert sorted(text.rsplit(b"about ", 1)[1] for text in got.values()) == [f"page {n}.\n".encode() for n in range(4)]


def test_two_outputs_landing_on_one_file_fail_by_name(tmp_path: Path):
    """Names the fold cannot tell apart still reach one file through a symlinked folder in
    the output: the second is not written over the first, and fails by name."""
    for folder, word in (("a", "alpha"), ("B", "beta")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text(f"{PROSE[:-2]} about {word}.\n")
    (tmp_path / "out" / "a").mkdir(parents=True)
    (tmp_path / "out" / "B").symlink_to("a")
    result = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "is the file this run wrote as" in result.stderr and "1 cleaned, 1 failed" in result.stderr
    assert b"about beta." in (tmp_path / "out" / "a" / "x.txt").read_bytes()  # B sorts first: written first


def test_resume_does_not_take_another_jobs_output_for_done(tmp_path: Path):
    """--resume passed over the second job as done (its output, the first's file through the
    symlinked folder, was newer than the run): exit 0, the input never cleaned (attacker trial
    of stop 51). It fails by name again."""
    for folder, word in (("a", "alpha"), ("b", "beta")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text(f"{PROSE[:-2]} about {word}.\n")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "b").symlink_to("a")
    assert run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")).exit_code == 1
    again = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--resume")
    assert again.exit_code == 1 and "is the file this run wrote as" in again.stderr
    assert b"about alpha." in (tmp_path / "out" / "a" / "x.txt").read_bytes()


def test_an_output_never_lands_on_the_runs_errors_file(tmp_path: Path):
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "bad.txt").write_bytes(BINARY)
    (tmp_path / "in" / "b").mkdir()
    (tmp_path / "in" / "b" / "err.txt").write_text(PROSE)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "b").symlink_to("..")  # out/b/err.txt is tmp_path/err.txt
    result = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--errors", str(tmp_path / "err.txt"))
    assert result.exit_code == 1
    errors = (tmp_path / "err.txt").read_text()
    assert "bad.txt" in errors and "council approved" not in errors


def test_stdin_twice_is_a_usage_error(tmp_path: Path):
    result = run("clean", "-", "-", "-o", str(tmp_path / "out"), stdin=PROSE.encode())
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: - (standard input) can be read only once; give it once\n")
    assert not (tmp_path / "out").exists()


def test_errors_file_naming_an_input_is_refused(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text(PROSE)
    result = run("clean", str(page), "--errors", str(page))
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: errors file {page} is the input {page}; it would be overwritten\n")
    assert page.read_text() == PROSE


def test_jsonl_output_inside_an_input_directory_is_refused(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    out = tmp_path / "all.jsonl"
    result = run("clean", str(tmp_path), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: output {out} is inside the input directory {tmp_path}; it would be read as input\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_input_reached_through_a_symlink_is_not_overwritten(tmp_path: Path):
    victim, src = tmp_path / "victim", tmp_path / "in"
    victim.mkdir()
    src.mkdir()
    (victim / "zz.txt").write_text("The victim's own article text, which must survive untouched.\n")
    (src / "a0.txt").symlink_to(victim / "zz.txt")
    (src / "zz.txt").write_text(PROSE)
    result = run("clean", str(src), "-o", str(victim))
    assert result.exit_code == 1
    assert f"cleaner: {src / 'zz.txt'}: its output {victim / 'zz.txt'} is the input {src / 'a0.txt'}" in result.stderr
    assert (victim / "zz.txt").read_text() == "The victim's own article text, which must survive untouched.\n"


@pytest.mark.parametrize("jsonl", [True, False], ids=["jsonl-file", "directory"])
def test_a_second_run_into_the_same_output_is_refused(tmp_path: Path, jsonl: bool):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PROSE)
    out = tmp_path / ("all.jsonl" if jsonl else "out")
    lock = tmp_path / ".all.jsonl.lock" if jsonl else out / RUN_FILE
    lock.parent.mkdir(exist_ok=True)
    args = ["clean", str(tmp_path / "in"), "-o", str(out)] + (["--format", "jsonl"] if jsonl else [])
    result = while_locked(lock, *args)
    what = str(out) if jsonl else f"into {out}"
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: another cleaner run is writing {what}; wait for it to finish or stop it\n")
    assert run(*args).exit_code == 0  # the lock went with its holder


def test_a_finished_jsonl_run_leaves_no_lock_file(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PROSE)
    out = tmp_path / "all.jsonl.gz"
    result = run("clean", str(tmp_path / "in"), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl.gz", "in"]


def test_a_lock_file_removed_under_a_waiting_run_is_taken_anew(tmp_path: Path, monkeypatch):
    """The run that held the lock removed its file between this run's open and its lock:
    the lock is taken on the file the path names, not on the removed one."""
    from cleaner import guard

    lock = tmp_path / ".all.jsonl.lock"
    real_open = guard.os.open
    removed = []

    def open_then_lose_it(path, *args, **kwargs):
        fd = real_open(path, *args, **kwargs)
        if not removed:  # the first open's file goes before it is locked
            removed.append(path)
            Path(path).unlink()
        return fd

    monkeypatch.setattr(guard.os, "open", open_then_lose_it)
    fd = guard.hold_lock(lock, "all.jsonl")
    try:
        assert lock.exists() and guard.same_file(fd, lock)
    finally:
        guard.release_lock(lock, fd)
    assert not lock.exists()


def forty_inputs(tmp_path: Path) -> Path:
    """A folder of 40 inputs, enough for a run to be killed half way."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"{i:02d}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 40)
    return src


def test_resume_checks_options_and_inputs_of_the_interrupted_run(tmp_path: Path):
    src = forty_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    killed = _start_and_kill(
        ["clean", str(src), "--format", "jsonl", "-o", str(out), "-j", "1"],
        lambda: (tmp_path / "out.jsonl.partial.state").exists(),
        signal.SIGKILL,
    )
    assert killed.returncode == -signal.SIGKILL
    other = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume", "--no-heuristics")
    assert other.exit_code == 2
    assert "heuristics (--no-heuristics turns them off): was on, now off" in other.stderr
    reordered = run("clean", str(src / "01.txt"), str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert reordered.exit_code == 2 and "inputs: were" in reordered.stderr
    same = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert same.exit_code == 0
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sources == [str(p) for p in sorted(src.iterdir())]  # each once, in order


@pytest.mark.parametrize("jsonl", [True, False], ids=["jsonl-file", "directory"])
def test_errors_file_lists_every_failure_once_across_a_kill(tmp_path: Path, jsonl: bool):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(60):
        data = BINARY if i % 3 == 0 else f"{PROSE[:-2]}, number {i}.\n".encode() * 60
        (src / f"{i:02d}.txt").write_bytes(data)
    failing = sorted(str(p) for p in src.iterdir() if p.read_bytes() == BINARY)
    out, errors = tmp_path / ("out.jsonl" if jsonl else "out"), tmp_path / "errors.jsonl"
    args = ["clean", str(src), "-o", str(out), "--errors", str(errors), "-j", "1"]
    args += ["--format", "jsonl"] if jsonl else []
    killed = _start_and_kill(args, lambda: errors.exists() and errors.stat().st_size > 300, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    resumed = run(*args, "--resume")
    assert resumed.exit_code == 1
    listed = [json.loads(line)["source"] for line in errors.read_text().splitlines()]
    assert sorted(listed) == failing


def test_fifo_in_an_input_directory_fails_by_name_without_hanging(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    os.mkfifo(src / "pipe.txt")
    (src / "z.txt").write_text(PROSE)
    proc = subprocess.run(
        [*cleaner_command(), "clean", str(src), "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert f"cleaner: {src / 'pipe.txt'}: not a regular file (a FIFO); skipped\n" in proc.stderr
    assert sorted(outputs(tmp_path / "out")) == ["a.txt", "z.txt"]


def test_closed_pipe_stops_at_once_and_quietly(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(300):
        (src / f"{i:03d}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 20)
    proc = subprocess.Popen(
        [*cleaner_command(), "clean", str(src), "--format", "jsonl", "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # as `| head -c 100` does
    started = time.monotonic()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert err == b""
    assert time.monotonic() - started < 20  # stopped, not cleaning the other 299 files


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_respect_the_umask(tmp_path: Path, umask: int, mode: int):
    (tmp_path / "a.txt").write_text(PROSE)
    proc = subprocess.run(
        [
            "bash",
            "-c",
            f'umask {umask:03o} && exec "$@"',
            "-",
            *cleaner_command(),
            "clean",
            str(tmp_path / "a.txt"),
            "-o",
            f"{tmp_path / 'out'}/",
        ],
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "a.txt").stat().st_mode & 0o777 == mode


def test_a_newline_in_a_file_name_cannot_forge_a_message(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil\ncleaner: 9 cleaned, 0 failed.txt").write_bytes(BINARY)
    result = run("clean", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"cleaner: {src}/evil\\ncleaner: 9 cleaned, 0 failed.txt: binary file (contains NUL bytes), not text"
    )
    assert len(result.stderr.splitlines()) == 2


def test_a_254_character_name_is_written(tmp_path: Path):
    name = "a" * 250 + ".txt"
    (tmp_path / name).write_text(PROSE)
    result = run("clean", str(tmp_path / name), str(SEEDS[0]), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / name).read_text() == PROSE


def test_closed_pipe_during_one_big_document_is_status_141(tmp_path: Path):
    page = tmp_path / "big.txt"
    page.write_text("".join(f"{PROSE[:-2]}, paragraph {i}.\n\n" for i in range(30_000)))  # 3 MB out
    proc = subprocess.Popen([*cleaner_command(), "clean", str(page)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    assert (proc.wait(timeout=60), proc.stderr.read()) == (141, b"")


def test_ctrl_c_leaves_no_temporary_file(tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(400):
        (src / f"{i:03d}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 30)
    stopped = _start_and_kill(
        ["clean", str(src), "-o", str(out), "-j", "1"], lambda: len(list(out.glob("*.txt"))) > 20, signal.SIGINT
    )
    assert stopped.returncode == 130
    assert list(out.glob(".cleaner-*")) == [out / RUN_FILE]


def test_gzip_output_header_names_the_output(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    out = tmp_path / "all.jsonl.gz"
    assert run("clean", str(tmp_path / "a.txt"), "--format", "jsonl", "-o", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data[3] & 0x08  # FNAME: the name `gunzip -N` restores
    assert data[10 : data.index(b"\0", 10)] == b"all.jsonl"


@pytest.mark.parametrize("name", ["ALL.JSONL.GZ", "all.csv.GZ"])
def test_an_upper_case_gz_output_is_compressed(tmp_path: Path, name: str):
    """The format was read from the name whatever its case, the compression only from ".gz":
    plain text under a .GZ name (attacker trial of stop 51)."""
    (tmp_path / "a.txt").write_text(PROSE)
    out = tmp_path / name
    assert run("clean", str(tmp_path / "a.txt"), "-o", str(out)).exit_code == 0
    assert b"council approved" in gzip.decompress(out.read_bytes())


def test_plain_text_saved_as_html_is_cleaned_as_text(tmp_path: Path):
    page = tmp_path / "note.html"
    page.write_text(PROSE)
    result = run("clean", str(page))
    assert (result.exit_code, result.stdout, result.stderr) == (0, PROSE, "")


def test_a_page_that_comes_out_empty_says_so(tmp_path: Path):
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav>Home</nav></body></html>")
    result = run("clean", str(page))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"cleaner: {page}: no text left after cleaning; `cleaner explain` shows what removed it\n"


def test_html_the_extractor_finds_nothing_in_says_so(tmp_path: Path):
    # no rule removed anything, so explain would show nothing (found by a new-user trial)
    page = tmp_path / "scripts.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    result = run("clean", str(page))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        f"cleaner: {page}: the HTML extractor (trafilatura) found no main text in it; nothing was removed by a rule\n"
    )


def test_a_scrape_that_comes_out_empty_points_to_explain(tmp_path: Path):
    page = tmp_path / "nav.txt"
    page.write_text("Home\nNews\nContact\n")
    result = run("clean", str(page))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"cleaner: {page}: no text left after cleaning; `cleaner explain` shows what removed it\n"


@pytest.mark.parametrize(
    "owner, name",
    [
        pytest.param("SharedOutput", "write", id="writing-a-record"),
        # found on a real 1 MB tmpfs (benchmarks/torture.py): the state beside the output
        # failed to write and the run ended in a traceback
        pytest.param("module", "write_atomic", id="writing-the-resume-state"),
    ],
)
def test_full_disk_on_a_jsonl_output_stops_and_resume_completes(tmp_path: Path, monkeypatch, owner: str, name: str):
    from cleaner import outputs as outputs_module

    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"{i}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n")
    whole = tmp_path / "whole.jsonl"
    assert run("clean", str(src), "--format", "jsonl", "-o", str(whole), "-j", "1").exit_code == 0
    target = outputs_module if owner == "module" else outputs_module.SharedOutput
    real, calls = getattr(target, name), []

    def failing(*args):
        calls.append(args)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args)

    monkeypatch.setattr(target, name, failing)
    out = tmp_path / "out.jsonl"
    full = run("clean", str(src), "--format", "jsonl", "-o", str(out), "-j", "1")
    assert full.exit_code == 1
    # how far it got (attacker trial of stop 53: no summary), then why it stopped
    assert full.stderr.startswith("cleaner: stopped after ") and full.stderr.count("\n") == 2
    assert full.stderr.endswith(f"cleaner: {out}: No space left on device; run again with --resume to finish\n")
    assert not out.exists()
    monkeypatch.setattr(target, name, real)
    assert run("clean", str(src), "--format", "jsonl", "-o", str(out), "-j", "1", "--resume").exit_code == 0
    assert out.read_bytes() == whole.read_bytes()


def test_stdin_among_other_inputs_is_read_by_the_main_process(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    proc = subprocess.run(
        [*cleaner_command(), "clean", "-", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-j", "2"],
        input=b"Text from standard input, a whole sentence of it.\n",
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "stdin.txt").read_text() == "Text from standard input, a whole sentence of it.\n"


def test_resume_with_other_profiles_is_refused(tmp_path: Path, monkeypatch):
    src, out, pack = tmp_path / "in", tmp_path / "out.jsonl", tmp_path / "pack"
    src.mkdir()
    pack.mkdir()
    (src / "a.txt").write_text(PROSE)
    # an interrupted run's working files, as its first checkpoint leaves them
    assert run("clean", str(src), "--format", "jsonl", "-o", str(out)).exit_code == 0
    state = {"jobs": 0, "failed": 0, "bytes": 0, "errors_bytes": 0, "errors": None, "started": time.time_ns()}
    from cleaner.batch import Batch
    from cleaner.pipeline import builtin_profiles
    from cleaner.runner import Settings

    state["run"] = Batch.prepare((str(src),), str(out), Settings("jsonl"), builtin_profiles()).run_id
    (tmp_path / "out.jsonl.partial").write_text("")
    (tmp_path / "out.jsonl.partial.state").write_text(json.dumps(state))
    (pack / "mine.toml").write_text('[profile]\nname = "mine"\nkind = "site"\nhosts = ["example.org"]\n')
    monkeypatch.setenv("CLEANER_PROFILES", str(pack))
    result = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert result.exit_code == 2
    assert "the profiles (built-in, packs, $CLEANER_PROFILES, --profiles-dir, or their files)" in result.stderr


def test_working_file_names_that_are_not_a_runs_are_kept(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    mine = tmp_path / "out.jsonl.partial.state"
    mine.write_text("precious\n")
    result = run("clean", str(tmp_path / "a.txt"), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 2
    assert "is not an interrupted cleaner run's; move it away or choose another -o" in result.stderr
    assert mine.read_text() == "precious\n"


@pytest.mark.parametrize(
    "url",
    ["ht tp://exa mple.com/x", "https://example.com:99999/x", "javascript:alert(1)", 123],
    ids=["spaces", "port", "javascript", "number"],
)
def test_a_record_with_a_bad_url_fails_alone(tmp_path: Path, url):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"url": url, "text": PROSE}) + "\n" + json.dumps({"text": PROSE}) + "\n")
    result = run("clean", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"cleaner: {path}:1: ")
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [f"{path}:2"]


def test_errors_file_naming_the_output_directory_is_refused(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    out = tmp_path / "out"
    result = run("clean", str(tmp_path / "a.txt"), "-o", f"{out}/", "--errors", str(out))
    assert result.exit_code == 2
    assert "errors file" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_an_output_directory_that_cannot_be_made_is_a_usage_error(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    (tmp_path / "file").write_text("not a directory")
    result = run("clean", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"), "-o", str(tmp_path / "file" / "out"))
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: cannot write into {tmp_path / 'file' / 'out'}: Not a directory\n")


def test_a_replaced_output_keeps_its_mode(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("old")
    (out / "a.txt").chmod(0o600)
    assert run("clean", str(tmp_path / "a.txt"), "-o", f"{out}/").exit_code == 0
    assert ((out / "a.txt").read_text(), (out / "a.txt").stat().st_mode & 0o777) == (PROSE, 0o600)


def test_only_boilerplate_says_so_and_so_does_an_empty_file(tmp_path: Path):
    (tmp_path / "nav.txt").write_text("Home\nLog in\nSubscribe\nPrivacy Policy\nShare on Facebook\n")
    (tmp_path / "blank.txt").write_text(" \n\n")
    result = run("clean", str(tmp_path / "nav.txt"), str(tmp_path / "blank.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"cleaner: {tmp_path / 'nav.txt'}: no text left after cleaning; `cleaner explain` shows what removed it",
        f"cleaner: {tmp_path / 'blank.txt'}: the input is empty (or only blank lines): the output is empty too",
        f"cleaner: 2 cleaned, 0 failed into {tmp_path / 'out'}",
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_missing_module_or_a_bug_fails_its_input_not_the_run(tmp_path: Path, monkeypatch, jobs: str):
    """Seen with cleaner run from a source tree on a Python without ftfy: a traceback after 16
    of 1,362 files, the rest never cleaned. Workers are forked after the patch, so they see it."""
    from cleaner import runner

    real = runner.clean

    def clean(data, **kwargs):
        if b"MISSING" in data:
            raise ModuleNotFoundError("No module named 'ftfy'", name="ftfy")
        if b"BUG" in data:
            raise RuntimeError("something unforeseen")
        return real(data, **kwargs)

    monkeypatch.setattr(runner, "clean", clean)
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, text in (("a.txt", PROSE), ("b.txt", "MISSING\n"), ("c.txt", "BUG\n"), ("d.txt", PROSE)):
        (src / name).write_text(text)
    result = run("clean", str(src), "-o", str(out), "-j", jobs)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"cleaner: {src / 'b.txt'}: cannot clean: the module 'ftfy' is not installed; "
        "reinstall cleaner with its dependencies (python3 -m pip install .)",
        f"cleaner: {src / 'c.txt'}: internal error (RuntimeError: something unforeseen); "
        "this is a bug in cleaner: please report it with this input",
        f"cleaner: 2 cleaned, 2 failed into {out}",
    ]
    assert sorted(outputs(out)) == ["a.txt", "d.txt"]


def _interrupted_state(src: Path, out: Path, records: list[str], jobs: int, failed: int = 0) -> None:
    """The working files of a JSONL run interrupted after `jobs` inputs, as its checkpoint leaves them."""
    from cleaner.batch import Batch
    from cleaner.pipeline import builtin_profiles
    from cleaner.runner import Settings

    partial = out.with_name(out.name + ".partial")
    partial.write_text("".join(records))
    run_id = Batch.prepare((str(src),), str(out), Settings("jsonl"), builtin_profiles()).run_id
    state = {"jobs": jobs, "failed": failed, "bytes": partial.stat().st_size, "errors_bytes": 0, "run": run_id}
    state["started"], state["errors"] = time.time_ns(), None  # started after the inputs were written
    out.with_name(out.name + ".partial.state").write_text(json.dumps(state))


def test_resume_after_a_new_input_is_refused_naming_it_never_skipped_by_count(tmp_path: Path):
    src, out, full = tmp_path / "in", tmp_path / "r.jsonl", tmp_path / "full.jsonl"
    src.mkdir()
    for i in range(1, 5):
        (src / f"a{i:03d}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 5)
    assert run("clean", str(src), "--format", "jsonl", "-o", str(full), "-q").exit_code == 0
    records = full.read_text().splitlines(keepends=True)
    _interrupted_state(src, out, records[:2], jobs=2)
    (src / "a000.txt").write_text(PROSE * 3)  # sorts first: a skip by count would lose it
    partial = tmp_path / "r.jsonl.partial"
    for _ in range(2):  # the identity of the interrupted run, then one with the new file too
        resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
        assert resumed.exit_code == 2, resumed.output
        assert "a000.txt" in resumed.stderr and "--resume must finish the same run" in resumed.stderr
        assert not out.exists() and partial.read_text() == "".join(records[:2])
        _interrupted_state(src, out, records[:2], jobs=2)  # the run's identity now matches: the records still differ
    (src / "a000.txt").unlink()
    _interrupted_state(src, out, records[:2], jobs=2)
    (src / "a002.txt").rename(src / "a002b.txt")  # one done input renamed: named too
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 2 and "a002b.txt" in resumed.stderr
    (src / "a002b.txt").rename(src / "a002.txt")
    _interrupted_state(src, out, records[:2], jobs=2)
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert out.read_text() == full.read_text()  # each input once, in order


def test_resume_after_an_input_added_past_the_done_part_is_refused(tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "r.jsonl"
    src.mkdir()
    for i in range(1, 4):
        (src / f"a{i:03d}.txt").write_text(PROSE * 3)
    _interrupted_state(src, out, [], jobs=0)
    (src / "a009.txt").write_text(PROSE * 3)
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 2
    assert "the files in the inputs: were 3, now 4" in resumed.stderr


def test_an_input_named_like_the_run_file_is_refused_not_overwritten(tmp_path: Path):
    out = tmp_path / "od"
    out.mkdir()
    victim = out / RUN_FILE
    victim.write_text(PROSE)
    result = run("clean", str(victim), "-o", str(out))
    assert result.exit_code == 2
    assert f"run file {victim} is the input {victim}; it would be overwritten" in result.stderr
    assert victim.read_text() == PROSE and sorted(p.name for p in out.iterdir()) == [RUN_FILE]


@pytest.mark.parametrize("name", [".o.jsonl.lock", "o.jsonl.partial", "o.jsonl.partial.state", ".o.jsonl.gz.lock"])
def test_an_input_named_like_a_working_file_of_the_output_is_refused_not_removed(tmp_path: Path, name: str):
    victim = tmp_path / name
    victim.write_text(PROSE)
    out = tmp_path / ("o.jsonl.gz" if ".gz" in name else "o.jsonl")
    result = run("clean", str(victim), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 2
    assert f"{victim} is the input {victim}; it would be overwritten" in result.stderr
    assert victim.read_text() == PROSE and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_an_input_named_like_the_compressed_partial_file_is_refused(tmp_path: Path):
    victim = tmp_path / "o.jsonl.gz.partial.gz"
    victim.write_bytes(gzip.compress(PROSE.encode()))
    result = run("clean", str(victim), "--format", "jsonl", "-o", str(tmp_path / "o.jsonl.gz"))
    assert result.exit_code == 2 and "it would be overwritten" in result.stderr
    assert gzip.decompress(victim.read_bytes()).decode() == PROSE


@pytest.mark.parametrize("jsonl", [True, False], ids=["jsonl-file", "directory"])
def test_a_lock_file_removed_mid_run_fails_the_run_by_name(tmp_path: Path, monkeypatch, jsonl: bool):
    """The lock is an advisory file: removed during a run, a second run could take the output
    too; the run that held it must not end with status 0 as if its output were whole."""
    import cleaner.cli as cli
    from cleaner.guard import hold_lock

    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"{i:02d}.txt").write_text(PROSE * 3)
    out = tmp_path / ("out.jsonl" if jsonl else "out")
    lock = tmp_path / ".out.jsonl.lock" if jsonl else out / RUN_FILE
    real_run, taken = cli.run, []

    def run_then_lose_the_lock(*args, **kwargs):
        for number, result in enumerate(real_run(*args, **kwargs)):
            if number == 2:
                lock.unlink()
                taken.append(hold_lock(lock, "the second run"))  # a second run takes the new file
            yield result

    monkeypatch.setattr(cli, "run", run_then_lose_the_lock)
    args = ["clean", str(src), "-o", str(out), "-j", "1"] + (["--format", "jsonl"] if jsonl else [])
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert f"{out}: the lock file {lock} was removed or replaced during the run" in result.stderr
    if jsonl:
        assert not out.exists()  # never renamed into place as if whole
    assert lock.exists()  # the second run's: not removed by the first
    os.close(taken[0])


def test_a_killed_runs_temporary_files_go_with_the_next_run_into_the_directory(tmp_path: Path):
    # kill -9 during an atomic write leaves its .cleaner-XXXXXXXX.tmp (found by a new-user trial)
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(PROSE)
    (src / "sub" / "b.txt").write_text(PROSE)
    out = tmp_path / "out"
    assert run("clean", str(src), "-o", str(out)).exit_code == 0
    stale = [out / ".cleaner-k3x_9q2a.tmp", out / "sub" / ".cleaner-0abcdefg.tmp"]
    for path in stale:
        path.write_text("")
    mine = [out / ".cleaner-notes.tmp.txt", out / "sub" / "cleaner-0abcdefg.tmp"]
    for path in mine:
        path.write_text("keep me")
    (out / "a.txt").unlink()
    assert run("clean", str(src), "-o", str(out), "--resume").exit_code == 0
    assert not any(path.exists() for path in stale)
    assert all(path.read_text() == "keep me" for path in mine)
    assert (out / "a.txt").read_text() == (out / "sub" / "b.txt").read_text() != ""


def test_resume_notices_a_changed_or_added_site_config(tmp_path: Path):
    # a site config edited before --resume left half the output cleaned under each version,
    # exit 0 (attacker trial): site configs count in the run's identity like TOML profiles
    src, out, configs = tmp_path / "in", tmp_path / "out", tmp_path / "configs"
    src.mkdir()
    configs.mkdir()
    (src / "a.txt").write_text(PROSE)
    (configs / "example.com.txt").write_text("body: //article\n")
    args = ("clean", str(src), "-o", str(out), "--profiles-dir", str(configs))
    assert run(*args).exit_code == 0
    assert run(*args, "--resume").exit_code == 0  # the same run: nothing to redo
    (configs / "example.com.txt").write_text("body: //article\nstrip: //aside\n")
    changed = run(*args, "--resume")
    assert changed.exit_code == 2 and "the profiles (" in changed.stderr
    (configs / "example.com.txt").write_text("body: //article\n")
    assert run(*args, "--resume").exit_code == 0
    (configs / ".example.org.txt").write_text("body: //main\n")
    assert run(*args, "--resume").exit_code == 2


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_resume_refuses_a_partial_output_cut_since(tmp_path: Path, fmt: str):
    # a csv partial cut mid-row resumed into torn rows, exit 0 (attacker trial)
    src = forty_inputs(tmp_path)
    out = tmp_path / f"out.{fmt}"
    state = tmp_path / f"out.{fmt}.partial.state"
    killed = _start_and_kill(
        ["clean", str(src), "--format", fmt, "-o", str(out), "-j", "1"],
        lambda: state.exists() and json.loads(state.read_text() or "{}").get("bytes", 0) > 2000,
        signal.SIGKILL,
    )
    assert killed.returncode == -signal.SIGKILL
    partial = tmp_path / f"out.{fmt}.partial"
    recorded = json.loads(state.read_text())["bytes"]
    os.truncate(partial, recorded - 100)
    result = run("clean", str(src), "--format", fmt, "-o", str(out), "--resume")
    assert result.exit_code == 2
    assert (
        f"{partial} is shorter than the interrupted run left it ({recorded - 100} of {recorded} bytes)" in result.stderr
    )
    assert not out.exists()


def test_resume_in_another_format_says_the_format_changed(tmp_path: Path):
    src = forty_inputs(tmp_path)
    out = tmp_path / "out.data"
    state = tmp_path / "out.data.partial.state"
    _start_and_kill(
        ["clean", str(src), "--format", "jsonl", "-o", str(out), "-j", "1"],
        lambda: state.exists() and json.loads(state.read_text() or "{}").get("jobs", 0) > 2,
        signal.SIGKILL,
    )
    result = run("clean", str(src), "--format", "csv", "-o", str(out), "--resume")
    assert result.exit_code == 2 and "--format: was 'jsonl', now 'csv'" in result.stderr


def test_resume_of_a_finished_run_says_there_is_nothing_left(tmp_path: Path):
    # it printed nothing at all (new-user trial)
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(PROSE)
    assert run("clean", str(src), "-o", str(out)).exit_code == 0
    again = run("clean", str(src), "-o", str(out), "--resume")
    assert (again.exit_code, again.stderr) == (0, f"cleaner: nothing left to do: the run into {out} had finished\n")


def _interrupt_after(monkeypatch, delivered: int) -> None:
    """The next run is interrupted (as by Ctrl-C) once `delivered` results are written."""
    from cleaner.batch import Batch

    deliver, count = Batch._deliver, [0]

    def interrupted(self, *args, **kwargs):
        if count[0] >= delivered:
            raise KeyboardInterrupt
        count[0] += 1
        return deliver(self, *args, **kwargs)

    monkeypatch.setattr(Batch, "_deliver", interrupted)


def test_resume_never_keeps_an_earlier_runs_outputs(tmp_path: Path, monkeypatch):
    # Attacker trial, stop 34: a finished run, then another into the same folder with other
    # options, interrupted; --resume counted every output already there as done, kept the
    # first run's (6,624 of 8,000) and said the run had finished, exit 0.
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(6):
        (src / f"{i}.txt").write_text(f"12 comments\n{PROSE[:-2]} Page {i}.\n")
    assert run("clean", str(src), "-o", str(out)).exit_code == 0
    assert all(not p.read_text().startswith("12 comments") for p in out.glob("*.txt"))  # the counter went
    with monkeypatch.context() as m:
        _interrupt_after(m, 2)
        assert run("clean", str(src), "-o", str(out), "--no-heuristics", "-j", "1").exit_code == 130
    resumed = run("clean", str(src), "-o", str(out), "--no-heuristics", "--resume", "-j", "1")
    assert (resumed.exit_code, resumed.stderr) == (0, f"cleaner: 4 cleaned, 0 failed into {out}\n")
    assert all(p.read_text().startswith("12 comments") for p in out.glob("*.txt"))


def test_resume_cleans_again_an_input_changed_since_its_output(tmp_path: Path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(4):
        (src / f"{i}.txt").write_text(f"{PROSE[:-2]} Version A, page {i}.\n")
    with monkeypatch.context() as m:
        _interrupt_after(m, 2)
        assert run("clean", str(src), "-o", str(out), "-j", "1").exit_code == 130
    done = sorted(p.stem for p in out.glob("*.txt"))
    assert len(done) == 2
    time.sleep(0.01)
    for i in range(4):  # rewritten while the run was stopped
        (src / f"{i}.txt").write_text(f"{PROSE[:-2]} Version B, page {i}.\n")
    assert run("clean", str(src), "-o", str(out), "--resume", "-j", "1").exit_code == 0
    assert all("Version B" in p.read_text() for p in out.glob("*.txt"))


def test_resume_without_a_record_of_a_run_is_refused_and_writes_nothing(tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    out.mkdir()
    (out / "a.txt").write_text("an earlier file of the user's\n")
    result = run("clean", str(src), "-o", str(out), "--resume")
    assert result.exit_code == 2
    assert f"{out} holds no record of one ({RUN_FILE})" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.txt"]
    assert (out / "a.txt").read_text() == "an earlier file of the user's\n"


@pytest.mark.parametrize("made", [False, True], ids=["no-folder", "empty-folder"])
def test_resume_of_a_run_interrupted_before_it_wrote_anything_does_the_whole_run(tmp_path: Path, made: bool):
    """Second attacker trial of stop 38: a run interrupted (130) before its folder held anything,
    then --resume, was refused as no run's; nothing is there to keep or check: the run is done."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    if made:
        out.mkdir()
    result = run("clean", str(src), "-o", str(out), "--resume")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["a.txt"]


@pytest.mark.parametrize("held", ["outer", "inner"])
def test_a_run_into_a_folder_inside_or_around_a_live_runs_is_refused(tmp_path: Path, held: str):
    # Attacker trial, stop 34: a run into out/sub while another wrote into out; both ended 0
    # and the second overwrote the first's outputs under out/sub.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PROSE)
    outer, inner = tmp_path / "out", tmp_path / "out" / "sub"
    inner.mkdir(parents=True)
    lock, target = (outer / RUN_FILE, inner) if held == "outer" else (inner / RUN_FILE, outer)
    result = while_locked(lock, "clean", str(tmp_path / "in"), "-o", str(target))
    assert result.exit_code == 2
    assert f"another cleaner run is writing into {lock.parent}" in result.stderr
    assert not (target / "a.txt").exists()
    assert run("clean", str(tmp_path / "in"), "-o", str(target)).exit_code == 0  # the other run is gone


def test_no_input_is_removed_as_a_temporary_file_nor_written_into(tmp_path: Path):
    # Attacker trial, stop 34: an input named like a killed run's temporary file inside the
    # output folder was deleted; with -o around an input folder, outputs landed inside it.
    out = tmp_path / "out"
    out.mkdir()
    named = out / ".cleaner-abcdefgh.tmp"
    named.write_text(PROSE)
    (tmp_path / "b.txt").write_text(PROSE)
    assert run("clean", str(named), str(tmp_path / "b.txt"), "-o", str(out)).exit_code == 0
    assert named.read_text() == PROSE
    (out / "x" / "x").mkdir(parents=True)
    (out / "x" / "x" / "f.txt").write_text(PROSE)
    (out / "x" / ".cleaner-abcdefgh.tmp").write_text("precious\n")
    result = run("clean", str(out / "x"), "-o", str(out))
    assert result.exit_code == 1
    assert f"its output {out / 'x' / 'f.txt'} is inside the input directory" in result.stderr
    assert sorted(p.relative_to(out / "x").as_posix() for p in (out / "x").rglob("*")) == [
        ".cleaner-abcdefgh.tmp",
        "x",
        "x/f.txt",
    ]


def test_running_out_of_memory_reading_one_input_fails_it_alone(tmp_path: Path, monkeypatch):
    # Attacker trial, stop 34: a JSONL record or standard input too big for memory (ulimit -v)
    # raised MemoryError while being read: a traceback, and no other input was written.
    import cleaner.inputs

    real = json.loads

    def loads(line, *args, **kwargs):
        if "huge" in line:
            raise MemoryError
        return real(line, *args, **kwargs)

    monkeypatch.setattr(cleaner.inputs.json, "loads", loads)
    records = tmp_path / "in.jsonl"
    records.write_text(
        "".join(json.dumps({"id": n, "text": text}) + "\n" for n, text in enumerate([PROSE, "huge", PROSE]))
    )
    out = tmp_path / "out.jsonl"
    result = run("clean", str(records), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    assert f"{records}:2: ran out of memory reading this input" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [0, 2]

    class Huge(io.BytesIO):  # standard input too big to read
        def read(self, size=-1):
            if size == 0:  # click's check that it reads bytes
                return b""
            raise MemoryError

    (tmp_path / "a.txt").write_text(PROSE)
    mixed = CliRunner().invoke(
        main, ["clean", str(tmp_path / "a.txt"), "-", "-o", str(tmp_path / "outs")], input=Huge()
    )
    assert mixed.exit_code == 1 and "-: ran out of memory reading this input" in mixed.stderr
    assert (tmp_path / "outs" / "a.txt").read_text() == PROSE


def test_a_named_input_that_cannot_be_read_fails_alone(tmp_path: Path):
    # Attacker trial, stop 34: a dangling symlink (or an unreadable file) named on the command
    # line stopped the whole run (exit 2, nothing written), where inside a folder it is
    # reported by name and the rest written.
    (tmp_path / "a.txt").write_text(PROSE)
    (tmp_path / "b.txt").write_text(PROSE)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    names = [str(tmp_path / n) for n in ("a.txt", "dangling.txt", "b.txt")]
    result = run("clean", *names, "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert (
        f"{tmp_path / 'dangling.txt'}: cannot read: a dangling symlink (to {tmp_path / 'nowhere.txt'})" in result.stderr
    )
    assert sorted(p.name for p in (tmp_path / "out").glob("*.txt")) == ["a.txt", "b.txt"]
    typo = run("clean", str(tmp_path / "a.txt"), str(tmp_path / "nothere.txt"), "-o", str(tmp_path / "out2"))
    assert typo.exit_code == 2 and "does not exist" in typo.stderr and not (tmp_path / "out2").exists()


def test_a_jsonl_file_in_a_folder_mirrored_as_text_fails_by_name(tmp_path: Path):
    # Attacker trial, stop 34: in a folder run to text files a .jsonl file was cleaned as one
    # document, its JSON taken for the article (exit 0); a .jsonl named alone is refused.
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    (src / "r.jsonl").write_text(json.dumps({"text": PROSE}) + "\n")
    result = run("clean", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{src / 'r.jsonl'}: a JSONL file: its records are cleaned with --format jsonl or csv" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != RUN_FILE) == ["a.txt"]


def test_a_jsonl_file_may_start_with_a_byte_order_mark(tmp_path: Path):
    records = tmp_path / "bom.jsonl"
    records.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": 1, "text": PROSE}).encode() + b"\n")
    result = run("clean", str(records), "--format", "jsonl")
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == 1


def test_a_file_name_that_is_not_utf8_shows_its_bytes():
    from cleaner.batch import shown

    assert shown(os.fsdecode(b"bad\xffname.txt")) == "bad\\xffname.txt"
    assert shown("two\nlines.txt") == "two\\nlines.txt"


def test_a_third_input_of_one_output_name_is_numbered(tmp_path: Path):
    # Attacker trial, stop 34: c/page.txt.txt, a/page.txt, b/page.txt into one folder took
    # page.txt.txt and page.txt; b/page.txt failed, its two names taken.
    for folder, name in (("c", "page.txt.txt"), ("a", "page.txt"), ("b", "page.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(f"{PROSE[:-2]} From {folder}.\n")
    names = [str(tmp_path / "c" / "page.txt.txt"), str(tmp_path / "a" / "page.txt"), str(tmp_path / "b" / "page.txt")]
    result = run("clean", *names, "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    got = {p.name: p.read_text() for p in (tmp_path / "out").glob("*.txt")}
    assert sorted(got) == ["page.txt", "page.txt.2.txt", "page.txt.txt"]
    assert "From a." in got["page.txt"] and "From c." in got["page.txt.txt"] and "From b." in got["page.txt.2.txt"]


# ---- attacker trial of stop 34, second round: other runs' files, --resume's trust ----


def test_no_run_writes_a_live_runs_working_file_or_inside_its_output(tmp_path: Path):
    (tmp_path / "one.txt").write_text(PROSE)
    one = str(tmp_path / "one.txt")
    # a JSONL run writing all.jsonl holds .all.jsonl.lock; its all.jsonl.partial is its own
    partial = tmp_path / "all.jsonl.partial"
    result = while_locked(tmp_path / ".all.jsonl.lock", "clean", one, "-o", str(partial))
    assert result.exit_code == 2 and "another cleaner run is writing" in result.stderr and not partial.exists()
    # a mirrored run writing into out: no file of another run's inside it, no errors file either
    out = tmp_path / "out"
    out.mkdir()
    for args in (["-o", str(out / "a.txt")], ["--format", "jsonl", "-o", str(out / "all.jsonl")]):
        result = while_locked(out / RUN_FILE, "clean", one, *args)
        assert result.exit_code == 2 and f"another cleaner run is writing into {out}" in result.stderr
    result = while_locked(out / RUN_FILE, "clean", one, "--errors", str(out / "errors.jsonl"))
    assert result.exit_code == 2 and not (out / "errors.jsonl").exists()
    result = while_locked(out / RUN_FILE, "explain", one, "-o", str(out / "x.txt"))
    assert result.exit_code == 2 and not (out / "x.txt").exists()
    # a mirrored run around a live JSONL run's output
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "all.txt").write_text(PROSE)
    result = while_locked(out / ".all.json.lock", "clean", str(tmp_path / "in"), "-o", str(out))
    assert result.exit_code == 2 and not (out / "all.txt").exists()


def _interrupted_run(monkeypatch, src: Path, out: Path, done: int, *options: str) -> None:
    with monkeypatch.context() as m:
        _interrupt_after(m, done)
        assert run("clean", str(src), "-o", str(out), "-j", "1", *options).exit_code == 130


def _counter_pages(src: Path, count: int) -> None:
    src.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (src / f"{i}.txt").write_text(f"12 comments\n{PROSE[:-2]} Page {i}.\n")


def test_resume_does_not_trust_what_another_run_wrote_since(tmp_path: Path, monkeypatch):
    # a run into a subfolder of the interrupted run's output, between the interruption and
    # --resume: its outputs (other options) were passed over as done, exit 0
    src, out = tmp_path / "in", tmp_path / "out"
    _counter_pages(src, 3)
    _counter_pages(src / "sub", 3)
    _interrupted_run(monkeypatch, src, out, 1)
    time.sleep(0.01)
    assert run("clean", str(src / "sub"), "-o", str(out / "sub"), "--no-heuristics").exit_code == 0
    assert run("clean", str(src), "-o", str(out), "--resume", "-j", "1").exit_code == 0
    assert all(not p.read_text().startswith("12 comments") for p in out.rglob("*.txt"))


def test_resume_does_not_trust_an_output_dated_in_the_future_or_an_input_copied_with_its_old_time(
    tmp_path: Path, monkeypatch
):
    src, out = tmp_path / "in", tmp_path / "out"
    _counter_pages(src, 4)
    _interrupted_run(monkeypatch, src, out, 2)
    done = sorted(out.glob("*.txt"))
    assert len(done) == 2
    later = time.time() + 7200  # a clock stepped back since: this output seems written in two hours
    os.utime(done[0], (later, later))
    done[0].write_text("stale\n")
    os.utime(done[0], (later, later))
    # the other one's input edited, then given its old time back (cp -p, rsync -a)
    source = src / done[1].name
    old = source.stat()
    time.sleep(0.01)
    source.write_text(f"{PROSE[:-2]} Corrected.\n")
    os.utime(source, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert run("clean", str(src), "-o", str(out), "--resume", "-j", "1").exit_code == 0
    assert done[0].read_text() != "stale\n"
    assert "Corrected." in done[1].read_text()


def test_a_jsonl_line_too_big_to_read_fails_by_name():
    from cleaner.inputs import record_jobs

    def lines():
        yield json.dumps({"text": PROSE}).encode()
        raise MemoryError

    jobs = list(record_jobs(lines(), "big.jsonl", None))
    assert [job.error for job in jobs] == [
        None,
        "ran out of memory reading this line; the lines after it were not read",
    ]
    assert jobs[1].source == "big.jsonl:2"


def test_a_path_in_a_folder_that_may_not_be_searched_is_no_missing_path(monkeypatch):
    from cleaner import cli

    def denied(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli.os, "lstat", denied)
    assert not cli._missing("locked/f.txt")
    monkeypatch.undo()
    assert cli._missing("/no/such/file.txt")


@pytest.mark.parametrize("edit", ["text", "jsonl"])
def test_resume_after_a_done_input_changed_is_refused_naming_it(tmp_path: Path, edit: str):
    """Attacker trial of stop 35: a JSONL run killed, a done input edited, --resume: exit 0 with
    the old text's record among the new ones (CSV alike, and a JSONL input's record). A record
    cannot be taken out of the output: the run starts over, told which input changed."""
    src, out, full = tmp_path / "in", tmp_path / "r.jsonl", tmp_path / "full.jsonl"
    src.mkdir()
    if edit == "jsonl":
        lines = [json.dumps({"text": f"{PROSE[:-2]}, number {i}.\n" * 5}) + "\n" for i in range(4)]
        (src / "records.jsonl").write_text("".join(lines))
        edited = src / "records.jsonl"
    else:
        for i in range(4):
            (src / f"a{i:03d}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 5)
        edited = src / "a000.txt"
    assert run("clean", str(src), "--format", "jsonl", "-o", str(full), "-q").exit_code == 0
    records = full.read_text().splitlines(keepends=True)
    _interrupted_state(src, out, records[:2], jobs=2)
    time.sleep(0.01)
    edited.write_text(edited.read_text().replace("number 0", "number 10"))  # its size and name as before
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 2, resumed.output
    assert f"{edited.name} changed since" in resumed.stderr and "without --resume" in resumed.stderr
    assert not out.exists()
    assert run("clean", str(src), "--format", "jsonl", "-o", str(out)).exit_code == 0  # as it says
    assert "number 10" in out.read_text()


@pytest.mark.parametrize("damage", ["", "{", '{"x": 1}', "[1]", '{"jobs": 1, "failed": 0, "bytes": 0}'])
def test_resume_from_a_damaged_state_file_is_a_usage_error(tmp_path: Path, damage: str):
    """Attacker trial of stop 35: an emptied or edited NAME.partial.state (a crash after the
    rename, a hand edit, an older version's without the run's start) made --resume a traceback."""
    src, out = tmp_path / "in", tmp_path / "r.jsonl"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    out.with_name("r.jsonl.partial").write_text("")
    out.with_name("r.jsonl.partial.state").write_text(damage)
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 2 and "Traceback" not in resumed.output
    assert "r.jsonl.partial.state" in resumed.stderr and "run again without --resume" in resumed.stderr


@pytest.mark.parametrize("kind", ["symlink", "fifo", "directory", "user-data", "socket"])
def test_a_run_file_that_is_no_run_record_is_refused_never_written_through(tmp_path: Path, kind: str):
    """Attacker trial of stop 35: out/.cleaner-run a symlink to a user's notes: the notes were
    replaced by the run record, exit 0; a FIFO there hung the run; a directory there was
    "cannot write into out"; a file of the user's by that name was replaced."""
    src, out, notes = tmp_path / "in", tmp_path / "out", tmp_path / "notes.txt"
    src.mkdir()
    out.mkdir()
    (src / "a.txt").write_text(PROSE)
    notes.write_text("my notes\n")
    run_file = out / RUN_FILE
    if kind == "symlink":
        run_file.symlink_to(notes)
    elif kind == "fifo":
        os.mkfifo(run_file)
    elif kind == "directory":
        run_file.mkdir()
    elif kind == "socket":  # second attacker round: the message named the output folder
        os.mknod(run_file, stat.S_IFSOCK | 0o600)
    else:
        run_file.write_text("my notes\n")
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(src), "-o", str(out)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert RUN_FILE in result.stderr and "move it away" in result.stderr
    assert notes.read_text() == "my notes\n" and not (out / "a.txt").exists()


def test_errors_to_stdout_whose_reader_leaves_is_status_141(tmp_path: Path):
    """Attacker trial of stop 35: `--errors -` read by `head -c 10`: "cleaner: -: Broken pipe",
    exit 1. Standard output's reader left: the run stops at once, silently, status 141, as
    for the results (README, Pipes)."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(300):
        (src / f"{i:03d}.bin").write_bytes(bytes(range(32)) * 10)
    proc = subprocess.Popen(
        [*cleaner_command(), "clean", str(src), "-o", str(tmp_path / "out"), "--errors", "-", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert b"Broken pipe" not in err and b"Traceback" not in err


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda s: s.pop("run"), id="no-run"),
        pytest.param(lambda s: s.update(bytes=-5000), id="negative-bytes"),
        pytest.param(lambda s: s.update(failed=5), id="more-failed-than-done"),
        pytest.param(lambda s: s.update(errors_bytes="x"), id="errors-bytes-not-a-number"),
        pytest.param(lambda s: s["run"].update(inputs=[1]), id="inputs-not-names"),
        pytest.param(lambda s: s["run"].update(files=5), id="files-not-a-listing"),
        pytest.param(lambda s: s.update(started=s["started"] + 10**12), id="started-after-now"),
    ],
)
def test_resume_from_a_hand_edited_state_is_a_usage_error(tmp_path: Path, edit):
    """Second attacker round of stop 35: a state without its run let another run's options
    through (exit 0, two option sets in one output); a "started" set later let an input edited
    since pass as done (exit 0, a stale record); other values were tracebacks."""
    src, out, full = tmp_path / "in", tmp_path / "r.jsonl", tmp_path / "full.jsonl"
    src.mkdir()
    for i in range(4):
        (src / f"a{i:03d}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 5)
    assert run("clean", str(src), "--format", "jsonl", "-o", str(full), "-q").exit_code == 0
    _interrupted_state(src, out, full.read_text().splitlines(keepends=True)[:2], jobs=2)
    state_file = out.with_name("r.jsonl.partial.state")
    state = json.loads(state_file.read_text())
    edit(state)
    state_file.write_text(json.dumps(state))
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 2, resumed.output
    assert "Traceback" not in resumed.output and "without --resume" in resumed.stderr
    assert not out.exists()


def test_resume_with_another_errors_file_is_refused(tmp_path: Path):
    """Second attacker round of stop 35: --resume naming another --errors file cut that file
    (a user's notes) to the first one's length and appended to it."""
    src, out, notes = tmp_path / "in", tmp_path / "r.jsonl", tmp_path / "notes.txt"
    src.mkdir()
    for i in range(4):
        (src / f"a{i:03d}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 5)
    full = tmp_path / "full.jsonl"
    assert run("clean", str(src), "--format", "jsonl", "-o", str(full), "-q").exit_code == 0
    _interrupted_state(src, out, full.read_text().splitlines(keepends=True)[:2], jobs=2)
    notes.write_text("my notes, line one\n" * 50)
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume", "--errors", str(notes))
    assert resumed.exit_code == 2 and "whose --errors file was none" in resumed.stderr
    assert notes.read_text() == "my notes, line one\n" * 50


def test_resume_sees_a_symlinked_input_pointed_elsewhere(tmp_path: Path):
    """Second attacker round of stop 35: a done input that is a symlink, pointed at another
    old file while the run was interrupted: its old record was kept, exit 0."""
    src, store, out = tmp_path / "in", tmp_path / "store", tmp_path / "r.jsonl"
    src.mkdir()
    store.mkdir()
    (store / "a.txt").write_text(f"{PROSE[:-2]}, the original.\n" * 5)
    (store / "b.txt").write_text(f"{PROSE[:-2]}, the replacement.\n" * 5)
    for path in (store / "a.txt", store / "b.txt"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    (src / "a000.txt").symlink_to(store / "a.txt")
    for i in range(1, 4):
        (src / f"a{i:03d}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 5)
    full = tmp_path / "full.jsonl"
    assert run("clean", str(src), "--format", "jsonl", "-o", str(full), "-q").exit_code == 0
    _interrupted_state(src, out, full.read_text().splitlines(keepends=True)[:2], jobs=2)
    time.sleep(0.01)
    (src / "a000.txt").unlink()
    (src / "a000.txt").symlink_to(store / "b.txt")
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 2 and "a000.txt changed since" in resumed.stderr


def test_resume_sees_an_input_folder_symlink_pointed_elsewhere(tmp_path: Path):
    """Second attacker round of stop 35: the input named by a symlink to a folder, pointed at
    another folder of files with the same names while the run was interrupted: exit 0, an
    output of two corpora."""
    first, second, link, out = tmp_path / "r1", tmp_path / "r2", tmp_path / "lnk", tmp_path / "r.jsonl"
    for folder, word in ((first, "first"), (second, "second")):
        folder.mkdir()
        for i in range(4):
            (folder / f"a{i:03d}.txt").write_text(f"{PROSE[:-2]}, the {word} corpus, {i}.\n" * 5)
    link.symlink_to(first)
    full = tmp_path / "full.jsonl"
    assert run("clean", str(link), "--format", "jsonl", "-o", str(full), "-q").exit_code == 0
    _interrupted_state(link, out, full.read_text().splitlines(keepends=True)[:2], jobs=2)
    link.unlink()
    link.symlink_to(second)
    resumed = run("clean", str(link), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 2 and "where the inputs lead" in resumed.stderr


def test_a_refused_run_leaves_the_interrupted_runs_record(tmp_path: Path, monkeypatch):
    """Second attacker round of stop 35: a run into q, refused (a live JSONL run writes
    q/o.jsonl), first replaced the record of the run interrupted in q, which could then not
    be resumed; and its message said "writing into q, which is inside q"."""
    src, out = tmp_path / "in", tmp_path / "q"
    _counter_pages(src, 6)
    _interrupted_run(monkeypatch, src, out, 2)
    record = (out / RUN_FILE).read_bytes()
    refused = while_locked(
        out / ".o.jsonl.lock", "clean", str(src / "0.txt"), str(src / "1.txt"), "--links", "-o", str(out)
    )
    assert refused.exit_code == 2
    assert f"another cleaner run is writing {out / 'o.jsonl'}, inside {out}" in refused.stderr
    assert (out / RUN_FILE).read_bytes() == record
    assert run("clean", str(src), "-o", str(out), "--resume").exit_code == 0


def test_a_killed_runs_state_copy_is_removed_by_the_next_run_of_that_output(tmp_path: Path):
    """Second attacker round of stop 35: each killed JSONL run left the temporary copy of its
    state file beside the output, and no run removed it. A run of that output removes its
    own; another output's, and a file of the user's by such a name, stay."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    ours, theirs, users = (tmp_path / f".cleaner-{k * 8}.tmp" for k in "abc")
    ours.write_text(json.dumps({"jobs": 1, "state": "r.jsonl.partial.state"}))
    theirs.write_text(json.dumps({"jobs": 1, "state": "other.jsonl.partial.state"}))
    users.write_text("my notes\n")
    assert run("clean", str(src), "--format", "jsonl", "-o", str(tmp_path / "r.jsonl")).exit_code == 0
    assert not ours.exists() and theirs.exists() and users.read_text() == "my notes\n"
    assert sorted(p.name for p in tmp_path.glob(".cleaner-*.tmp")) == [theirs.name, users.name]


def test_a_shared_output_that_cannot_begin_leaves_no_partial_file(tmp_path: Path, monkeypatch):
    """Attacker trial of stop 37: a full disk as a CSV run began left an empty x.csv.gz.partial
    without a state, and the next run refused it as "not an interrupted cleaner run's"."""
    from cleaner import outputs as outputs_module

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    real = outputs_module.write_atomic

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs_module, "write_atomic", full)
    out = tmp_path / "x.csv.gz"
    failed = run("clean", str(src), "--format", "csv", "-o", str(out))
    assert failed.exit_code == 2 and "No space left on device" in failed.stderr
    assert not out.with_name("x.csv.gz.partial").exists()
    monkeypatch.setattr(outputs_module, "write_atomic", real)
    assert run("clean", str(src), "--format", "csv", "-o", str(out)).exit_code == 0


@pytest.mark.parametrize("fmt", ["txt", "json", "jsonl", "csv"])
def test_an_output_file_is_left_as_it_was_when_every_input_fails(tmp_path: Path, fmt: str):
    """Attacker trial of stop 37: `clean binary.txt -o notes.txt` emptied notes.txt (exit 1)."""
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"abc\x00def")
    out = tmp_path / f"notes.{fmt}"
    out.write_text("what was there\n")
    result = run("clean", str(bad), "-o", str(out), "--format", fmt)
    assert result.exit_code == 1
    assert out.read_text() == "what was there\n"
    assert f"nothing written to {out}: no input was cleaned" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["binary.txt", out.name])


def test_a_run_killed_at_its_first_state_can_be_resumed(tmp_path: Path, monkeypatch):
    """CI run of stop 47: a run killed right after its state file appeared left a state
    without its start time (written by a second save), and --resume refused it as no record
    of an interrupted run. Every state written is a whole record."""
    from cleaner import outputs

    saved = []
    real = outputs.write_atomic

    def keep(path, text):
        saved.append(json.loads(text))
        return real(path, text)

    monkeypatch.setattr(outputs, "write_atomic", keep)
    out = outputs.SharedOutput(tmp_path / "out.jsonl", {"inputs": []})
    out.abandon()
    assert saved and all(isinstance(state["started"], int) for state in saved)


@pytest.mark.parametrize("swapped", ["the input folder", "a subfolder"])
def test_resume_after_a_folder_swapped_for_another_by_the_same_names_is_refused(tmp_path: Path, swapped: str):
    """Attacker trial of stop 52: `mv A A.old; mv B A` (B's files named as A's, as old as the
    run) and --resume finished into the interrupted output, two corpora mixed, exit 0: the
    names matched and no file had changed since the run began."""
    src, out, other = tmp_path / "A", tmp_path / "r.jsonl", tmp_path / "B"
    for folder, word in ((src, "old"), (other, "new")):
        (folder / "sub").mkdir(parents=True)
        for i in range(1, 4):
            (folder / "sub" / f"a{i}.txt").write_text(f"{PROSE[:-2]}, the {word} story {i}.\n" * 5)
            os.utime(folder / "sub" / f"a{i}.txt", ns=(10**18, 10**18))  # older than the run
    full = tmp_path / "full.jsonl"
    assert run("clean", str(src), "--format", "jsonl", "-o", str(full), "-q").exit_code == 0
    _interrupted_state(src, out, full.read_text().splitlines(keepends=True)[:1], jobs=1)
    if swapped == "the input folder":
        src.rename(tmp_path / "A.old")
        other.rename(src)
    else:
        (src / "sub").rename(tmp_path / "sub.old")
        (other / "sub").rename(src / "sub")
    resumed = run("clean", str(src), "--format", "jsonl", "-o", str(out), "--resume")
    assert resumed.exit_code == 2, resumed.output
    assert "--resume must finish the same run" in resumed.stderr
    assert not out.exists()


def test_ctrl_c_during_a_checkpoint_counts_the_record_it_saved(tmp_path: Path, monkeypatch):
    """Attacker trial of stop 52: after Ctrl-C the summary said "1026 cleaned" while the state
    held 1027 records: the interrupt came between the checkpoint and the count."""
    from cleaner.batch import Batch

    src, out = tmp_path / "in", tmp_path / "r.jsonl"
    src.mkdir()
    for i in range(1, 4):
        (src / f"a{i}.txt").write_text(f"{PROSE[:-2]}, number {i}.\n" * 3)
    checkpoint = Batch._checkpoint

    def interrupted(self, sink, lost, errors):
        checkpoint(self, sink, lost, errors)
        # as Ctrl-C right after the state is saved, taken by another thread (the kernel gave it
        # to numpy's OpenBLAS thread, past the main thread's signal mask: second attacker trial)
        import threading

        sender = threading.Thread(target=os.kill, args=(os.getpid(), signal.SIGINT))
        sender.start()
        sender.join()

    monkeypatch.setattr(Batch, "_checkpoint", interrupted)
    # as in a terminal: a process started in the background by a shell (CI) ignores SIGINT
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = run("clean", str(src), "--format", "jsonl", "-o", str(out), "-j", "1")
    finally:
        signal.signal(signal.SIGINT, before)
    assert result.exit_code == 130, result.output
    state = json.loads((tmp_path / "r.jsonl.partial.state").read_text())
    assert state["jobs"] == 1 and "interrupted after 1 cleaned" in result.stderr
