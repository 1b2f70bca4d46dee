"""Corpus runs: parallel equals serial, JSONL and gzip, resume after a kill, errors isolated."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.batch import RUN_FILE
from cleaner.cli import main
from tests.conftest import GOLD, SEEDS
from tests.learn.corpora import TEMPLATES, corpus


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def cleaner_command() -> list[str]:
    script = Path(sys.executable).with_name("cleaner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleaner"]


def make_corpus(root: Path, copies: int = 3) -> Path:
    """Seeds and generated scrapes in nested folders, plus one corrupt file amid them."""
    for c in range(copies):
        folder = root / f"batch{c}"
        folder.mkdir(parents=True)
        for seed in SEEDS:
            shutil.copy(seed, folder / seed.name)
        for t in sorted(TEMPLATES):
            for i, page in enumerate(corpus(t, seed=c, n=3)):
                (folder / "gen" / t).mkdir(parents=True, exist_ok=True)
                (folder / "gen" / t / f"{i}.txt").write_text(page.text, encoding="utf-8")
    (root / "batch1" / "corrupt.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    return root


def tree(root: Path) -> dict[str, bytes]:
    """The outputs, without the run file (the run's lock and its record for --resume)."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and p.name != RUN_FILE
    }


def test_parallel_output_equals_serial(tmp_path: Path):
    corpus_dir = make_corpus(tmp_path / "in")
    one = run("clean", str(corpus_dir), "-o", str(tmp_path / "j1"), "-j", "1", "--format", "json")
    two = run("clean", str(corpus_dir), "-o", str(tmp_path / "j2"), "-j", "2", "--format", "json")
    assert one.exit_code == two.exit_code == 1  # the corrupt file
    assert tree(tmp_path / "j1") == tree(tmp_path / "j2")
    assert len(tree(tmp_path / "j1")) == 3 * (5 + 12)
    jl1 = run("clean", str(corpus_dir), "--format", "jsonl", "-j", "1")
    jl2 = run("clean", str(corpus_dir), "--format", "jsonl", "-j", "2")
    assert jl1.stdout == jl2.stdout and len(jl1.stdout.splitlines()) == 51


def test_errors_are_listed_and_the_rest_is_written(tmp_path: Path):
    corpus_dir = make_corpus(tmp_path / "in", copies=2)
    errors = tmp_path / "errors.jsonl"
    result = run("clean", str(corpus_dir), "-o", str(tmp_path / "out"), "--errors", str(errors))
    assert result.exit_code == 1
    bad = str(corpus_dir / "batch1" / "corrupt.txt")
    assert [json.loads(line) for line in errors.read_text().splitlines()] == [
        {"source": bad, "error": "binary file (contains NUL bytes), not text"}
    ]
    assert f"cleaner: {bad}: binary file (contains NUL bytes), not text\n" in result.stderr
    assert len(tree(tmp_path / "out")) == 2 * 17


def test_jsonl_input_keeps_other_fields(tmp_path: Path):
    records = [
        {
            "id": "a",
            "url": "https://www.coinspeaker.com/x/",
            "lang": "en",
            "text": SEEDS[2].read_text(encoding="utf-8"),
        },
        {
            "id": "b",
            "html": "<html><body><article>"
            "<p>One paragraph of article text that is long enough to keep.</p></article></body></html>",
        },
        "not an object",
        {"id": "c"},
    ]
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
        f.write("{broken\n")
    out = tmp_path / "out.jsonl.gz"
    result = run("clean", str(path), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:3] == [
        f"cleaner: {path}:3: a JSONL record must be an object",
        f'cleaner: {path}:4: record has no "text" or "html" string field',
        f"cleaner: {path}:5: not JSON: Expecting property name enclosed in double quotes at column 2",
    ]
    with gzip.open(out, "rt", encoding="utf-8") as f:
        got = [json.loads(line) for line in f]
    assert [(r["id"], r.get("lang")) for r in got] == [("a", "en"), ("b", None)]
    assert got[0]["text"] == (GOLD / SEEDS[2].name).read_text(encoding="utf-8")
    assert got[0]["profile"] == ["coinspeaker"] and got[0]["url"] == "https://www.coinspeaker.com/x/"
    assert got[1]["text"] == "One paragraph of article text that is long enough to keep.\n"
    assert "html" not in got[1]


def test_jsonl_field_names_are_configurable(tmp_path: Path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps(
            {"body": "Getting your Trinity Audio player ready...\nHello world.", "link": "https://example.com/u"}
        )
        + "\n"
    )
    result = run("clean", str(path), "--format", "jsonl", "--text-field", "body", "--url-field", "link")
    record = json.loads(result.stdout)
    assert (record["text"], record["url"], "body" in record) == ("Hello world.\n", "https://example.com/u", False)


def test_gzip_scrape_in_a_directory(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt.gz").write_bytes(gzip.compress(SEEDS[0].read_bytes()))
    result = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == (GOLD / SEEDS[0].name).read_text(
        encoding="utf-8"
    )


def test_symlink_loop_and_broken_link_are_reported_not_fatal(tmp_path: Path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], root / "sub" / "page.txt")
    (root / "sub" / "loop").symlink_to(root)
    (root / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run("clean", str(root), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert (
        f"cleaner: {root / 'broken.txt'}: cannot read: a dangling symlink (to {tmp_path / 'nowhere.txt'})\n"
        in result.stderr
    )
    assert f"cleaner: {root / 'sub' / 'loop'}: symlink loop: leads back to {root}\n" in result.stderr
    assert (tmp_path / "out" / "sub" / "page.txt").exists()


def test_a_symlink_beside_the_folder_it_names_is_no_loop(tmp_path: Path):
    """Attacker trial of stop 35: in/alias -> zreal beside in/zreal: "alias" sorted first, its
    files were written as out/alias/..., and the real folder was reported as a symlink loop."""
    root = tmp_path / "in"
    (root / "zreal").mkdir(parents=True)
    shutil.copy(SEEDS[0], root / "zreal" / "page.txt")
    (root / "alias").symlink_to("zreal")
    result = run("clean", str(root), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"cleaner: {root / 'alias'}: the same directory as {root / 'zreal'}, walked already" in result.stderr
    assert "loop" not in result.stderr
    assert [p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*.txt")] == [Path("zreal/page.txt")]


@pytest.mark.parametrize("output", [[], ["-o", "-"]])
def test_resume_needs_an_output(output):
    result = run("clean", str(SEEDS[0]), "--resume", *output)
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: --resume needs -o FILE or DIR: there is nothing to resume on stdout\n")


def _start_and_kill(args: list[str], ready, sig: int) -> subprocess.CompletedProcess:
    """Start a run, wait until `ready()` says it is partway, then send it `sig`."""
    proc = subprocess.Popen(
        [*cleaner_command(), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # as from a terminal: a suite started in the background of a script (cmd &) ignores
        # SIGINT, and a child inherits that, so the Ctrl-C under test would never arrive
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, sig)  # the whole group, workers too, as a terminal's Ctrl-C or kill -9 -PGID does
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("big") / "in", copies=40)


def test_killed_directory_run_resumes_to_the_same_tree(tmp_path: Path, big_corpus: Path):
    whole, part = tmp_path / "whole", tmp_path / "part"
    assert run("clean", str(big_corpus), "-o", str(whole), "-j", "2").exit_code == 1
    killed = _start_and_kill(
        ["clean", str(big_corpus), "-o", str(part), "-j", "2"],
        lambda: len(list(part.rglob("*.txt"))) > 50,
        signal.SIGKILL,
    )
    assert killed.returncode == -signal.SIGKILL
    written = tree(part)
    assert 0 < len([k for k in written if not Path(k).name.startswith(".")]) < len(tree(whole))
    for name, data in written.items():  # nothing half-written under a real name
        if not Path(name).name.startswith("."):
            assert data == (whole / name).read_bytes()
    resumed = run("clean", str(big_corpus), "-o", str(part), "-j", "2", "--resume")
    assert resumed.exit_code == 1
    assert {k: v for k, v in tree(part).items() if not Path(k).name.startswith(".")} == tree(whole)


def _workers(pid: int, count: int) -> list[int]:
    """The pids of process `pid`'s children, once there are `count` of them (30 s at most)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while len(workers) < count and time.monotonic() < deadline:
        workers = [int(p) for p in children.read_text().split()] if children.exists() else []
        time.sleep(0.02)
    return workers


def test_workers_exit_when_the_main_process_is_killed(tmp_path: Path, big_corpus: Path):
    proc = subprocess.Popen(
        [*cleaner_command(), "clean", str(big_corpus), "-o", str(tmp_path / "out"), "-j", "2"],
        stderr=subprocess.DEVNULL,
    )
    workers = _workers(proc.pid, 2)
    proc.kill()  # the main process only, as kill -9 PID does
    proc.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_an_interrupted_run_to_stdout_does_not_advise_resume(big_corpus: Path):
    """Attacker trial of stop 36: Ctrl-C of `clean DIR --format jsonl > out.jsonl` said "run
    again with --resume to finish", and --resume then refused: there is nothing to resume on
    stdout."""
    started = time.monotonic()
    interrupted = _start_and_kill(
        ["clean", str(big_corpus), "--format", "jsonl", "-j", "2"],
        lambda: time.monotonic() - started > 2,
        signal.SIGINT,
    )
    assert interrupted.returncode == 130, interrupted.stderr
    assert b"cleaner: interrupted after" in interrupted.stderr
    assert b"--resume" not in interrupted.stderr


def test_interrupted_jsonl_run_resumes_to_the_same_file(tmp_path: Path, big_corpus: Path):
    whole, part = tmp_path / "whole.jsonl", tmp_path / "part.jsonl"
    run("clean", str(big_corpus), "--format", "jsonl", "-o", str(whole), "-j", "2")
    partial = part.with_name("part.jsonl.partial")
    interrupted = _start_and_kill(
        ["clean", str(big_corpus), "--format", "jsonl", "-o", str(part), "-j", "2"],
        lambda: partial.exists() and partial.stat().st_size > 20000,
        signal.SIGINT,
    )
    assert interrupted.returncode == 130
    assert b"run again with --resume to finish" in interrupted.stderr
    assert not part.exists() and partial.exists()
    resumed = run("clean", str(big_corpus), "--format", "jsonl", "-o", str(part), "-j", "2", "--resume")
    assert resumed.exit_code == 1
    assert part.read_bytes() == whole.read_bytes()
    assert not partial.exists()


def test_a_regex_that_times_out_is_reported_and_its_lines_kept(tmp_path: Path):
    (tmp_path / "slow.toml").write_text(
        "[profile]\nname = \"slow\"\nfingerprints = ['^Hello']\n\n"
        '[[rules]]\nkind = "drop_matching"\npattern = \'^(?:a|aa)+$\'\nwhy = "catastrophic on purpose"\n'
    )
    page = ("Hello there, this is the start of a long article text.\n" + "a" * 80 + "b\n").encode()
    result = run("clean", "-", "--profiles-dir", str(tmp_path), "--no-heuristics", stdin=page)
    assert result.exit_code == 0
    assert result.stderr == "cleaner: -: rule slow#1 timed out; the page is cleaned as without it\n"
    assert "a" * 80 + "b" in result.stdout


def _signal_set(pid: int, field: str) -> int:
    """The mask of /proc/PID/status's field (SigBlk, SigIgn)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1], 16)
    return 0


def test_workers_ignore_ctrl_c_and_the_run_stops_with_130(tmp_path: Path, big_corpus: Path):
    """Attacker trial of stop 37: Ctrl-C of a -j run hung for good now and then (1 run in 15),
    or ended "Aborted!" with status 1: a worker starting as it came stopped in its bootstrap,
    and Python's exit waited on the pool's stuck threads. Workers are born with SIGINT blocked
    and ignore it before they unblock it; an interrupted run with workers exits at once, 130."""
    proc = subprocess.Popen(
        [*cleaner_command(), "clean", str(big_corpus), "--format", "jsonl", "-o", str(tmp_path / "o.jsonl"), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    workers = _workers(proc.pid, 2)
    time.sleep(0.5)  # their initializer has run
    masks = [(_signal_set(w, "SigIgn"), _signal_set(w, "SigBlk")) for w in workers if Path(f"/proc/{w}").exists()]
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    sigint = 1 << (signal.SIGINT - 1)
    assert masks and all(ignored & sigint and not blocked & sigint for ignored, blocked in masks), masks
    assert proc.returncode == 130, err
    assert b"Aborted!" not in err and b"Traceback" not in err


def _running(pid: int) -> bool:
    """Process `pid` exists and is no zombie (a dead child its new parent has yet to reap)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_a_run_stopped_by_its_errors_file_stops_its_workers_before_it_exits(tmp_path: Path, big_corpus: Path):
    """Attacker trial of stop 49: on a full disk the run stopped (exit 1) while its workers went
    on with their chunks for a while, the disk's mount still busy. They are stopped and
    reaped before the main process exits."""
    proc = subprocess.Popen(
        [*cleaner_command(), "clean", str(big_corpus), "-o", str(tmp_path / "out"), "-j", "2", "--errors", "/dev/full"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers = _workers(proc.pid, 2)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and b"cleaner: /dev/full: No space left on device" in err, err
    assert workers and not [w for w in workers if _running(w)]


def test_ctrl_c_while_the_command_loads_exits_130_without_a_traceback():
    """Second attacker trial of stop 37: Ctrl-C in the first half second, while Python imported
    the pipeline's modules, printed a traceback. Here the program sends itself SIGINT as it
    begins to import the pipeline."""
    probe = (
        "import os, signal, sys\n"
        "class Interrupting:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'cleaner.pipeline':\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "sys.meta_path.insert(0, Interrupting())\n"
        "sys.argv = ['cleaner', 'clean', '-']\n"
        "from cleaner.entry import program\n"
        "program()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        # as a terminal starts it: a run started in the background (CI) inherits Ctrl-C ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert (done.returncode, done.stderr) == (130, "cleaner: interrupted\n")


def test_a_gzip_scrape_that_unpacks_past_the_cap_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Attacker trial of stop 49: 2 MB packed unpacked to 2 GiB of text, and the run grew to
    6.4 GB before cleaning it. Past MAX_UNPACKED the scrape fails by name, unread beyond it;
    the other inputs are written."""
    monkeypatch.setattr("cleaner.inputs.MAX_UNPACKED", 4 << 20)
    (tmp_path / "in").mkdir()
    with gzip.open(tmp_path / "in" / "bomb.txt.gz", "wb", compresslevel=1) as f:
        f.write(b"The same line of text again and again, packed small.\n" * 200_000)  # about 10 MiB
    shutil.copy(SEEDS[0], tmp_path / "in" / "page.txt")
    result = run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 1
    bomb = tmp_path / "in" / "bomb.txt.gz"
    assert f"cleaner: {bomb}: more than 4 MiB of text unpacked: not cleaned as one document\n" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.txt")) == ["page.txt"]
