"""-o naming something that is not a regular file (a device, a FIFO, a symlink to one,
/dev/stdout), --errors naming this process's own stderr, and stdout that fails (full, or a
pipe whose reader went away): written in place and never replaced, one clear message or
141, never a traceback or lost output with status 0.

Devices are made with mknod in the test's own folder (root only), never the system's."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.hostile.test_batch import BINARY, PROSE, run
from tests.test_corpus_run import cleaner_command

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/fd and /dev/full are Linux's")


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device of our own: 1,3 is null, 1,7 is full."""
    node = tmp_path / name
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except (PermissionError, AttributeError):
        pytest.skip("mknod needs root")
    return node


def _page(tmp_path: Path) -> Path:
    page = tmp_path / "x.txt"
    page.write_text(PROSE)
    return page


@linux
@pytest.mark.parametrize("fmt", ["text", "jsonl", "csv"])
def test_o_naming_a_device_writes_to_it_and_keeps_it(tmp_path: Path, fmt: str):
    null = _device(tmp_path, "mynull", 3)
    result = run("clean", str(_page(tmp_path)), "--format", fmt, "-o", str(null))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mynull", "x.txt"]  # no lock, no .partial


@linux
def test_explain_o_naming_a_device_keeps_it(tmp_path: Path):
    null = _device(tmp_path, "mynull", 3)
    result = run("explain", str(_page(tmp_path)), "--format", "html", "-o", str(null))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)


@linux
def test_o_naming_a_full_device_says_so(tmp_path: Path):
    full = _device(tmp_path, "myfull", 7)
    result = run("clean", str(_page(tmp_path)), "--format", "csv", "-o", str(full))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.endswith(f"cleaner: {full}: No space left on device\n")
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_o_naming_a_fifo_writes_into_it(tmp_path: Path):
    fifo = tmp_path / "cf"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("clean", str(_page(tmp_path)), "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert got == [PROSE.encode()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_resume_with_a_stream_o_is_refused(tmp_path: Path):
    fifo = tmp_path / "cf"
    os.mkfifo(fifo)
    result = run("clean", str(_page(tmp_path)), "--format", "jsonl", "-o", str(fifo), "--resume")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: --resume cannot finish a run written to {fifo}, which is not a file; run again\n"
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@linux
@pytest.mark.parametrize("command", ["clean", "explain"])
def test_o_symlink_to_own_stdout_writes_to_stdout_and_keeps_the_link(tmp_path: Path, command: str):
    link = tmp_path / "s"
    link.symlink_to("/proc/self/fd/1")
    args = ["--format", "html"] if command == "explain" else []
    proc = subprocess.run(
        [*cleaner_command(), command, str(_page(tmp_path)), *args, "-o", str(link)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert (b"<!DOCTYPE" if command == "explain" else PROSE.encode()) in proc.stdout
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


@linux
def test_o_dev_stdout_writes_to_stdout(tmp_path: Path):
    proc = subprocess.run(
        [*cleaner_command(), "clean", str(_page(tmp_path)), "-o", "/dev/stdout"], capture_output=True, timeout=120
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, PROSE.encode(), b"")
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.stat("/dev/stdout").st_mode)


def test_explain_o_symlink_to_a_file_replaces_the_file_and_keeps_the_link(tmp_path: Path):
    real = tmp_path / "real.html"
    real.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(real.name)
    result = run("explain", str(_page(tmp_path)), "--format", "html", "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and real.read_text().startswith("<!DOCTYPE")


def test_errors_to_own_stderr_redirected_to_a_file_keeps_every_record(tmp_path: Path):
    src = tmp_path / "edir"
    src.mkdir()
    for i in range(3):
        (src / f"b{i}.txt").write_bytes(BINARY)
    log = tmp_path / "log.txt"
    cmd = [*cleaner_command(), "clean", str(src), "-o", str(tmp_path / "out"), "--errors", "/dev/stderr"]
    with open(log, "w") as stderr:
        proc = subprocess.run(cmd, stderr=stderr, timeout=120)
    assert proc.returncode == 1
    lines = log.read_text().splitlines()
    entries = [json.loads(line) for line in lines if line.startswith("{")]
    assert [e["source"] for e in entries] == [str(src / f"b{i}.txt") for i in range(3)]
    assert sum(line.startswith("cleaner: ") for line in lines) == 4  # three errors and the summary


def _check_dir(tmp_path: Path) -> Path:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "bad.toml").write_text('[profile]\nname = "bad"\n[[rules]]\nkind = "nope"\n')
    return bad


@linux
@pytest.mark.parametrize(
    "args",
    [
        ["clean", "{page}", "--format", "csv"],
        ["clean", "{page}"],
        ["explain", "{page}"],
        ["explain", "{page}", "--format", "html"],
        ["explain", "{page}", "--format", "json"],
        ["profiles"],
        ["check", "{bad}"],
    ],
)
def test_stdout_full_is_one_message_and_status_1(tmp_path: Path, args: list[str]):
    full = Path("/dev/full")  # only opened as stdout, never named to cleaner
    if not full.exists():
        pytest.skip("no /dev/full")
    names = {"page": str(_page(tmp_path)), "bad": str(_check_dir(tmp_path))}
    with open(full, "w") as stdout:
        proc = subprocess.run(
            [*cleaner_command(), *(a.format(**names) for a in args)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("cleaner: standard output: No space left on device\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "{big}", "--format", "csv"],
        ["clean", "{big}", "--format", "jsonl"],
        ["explain", "{big}", "--format", "html"],
        # -o naming the standard output (attacker trial of stop 41: status 1, "Broken pipe")
        ["explain", "{big}", "--format", "html", "-o", "/dev/stdout"],
        ["explain", "{big}", "-o", "/dev/stdout"],
        ["explain", "{big}"],
        ["profiles"],
        # click's own output (attacker trial of stop 51: status 1)
        ["--version"],
        ["clean", "--help"],
    ],
)
def test_stdout_closed_pipe_is_141_quietly(tmp_path: Path, args: list[str]):
    big = tmp_path / "big.txt"
    big.write_text(PROSE * 3000)
    proc = subprocess.Popen(
        [*cleaner_command(), *(a.format(big=big) for a in args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141, err
    assert err == b""


@pytest.mark.parametrize(
    ("fmt", "target", "mode"),
    [
        pytest.param("jsonl", "in/all.jsonl", "wb", id="jsonl-into-the-input-folder"),
        pytest.param("csv", "in/all.csv", "wb", id="csv-into-the-input-folder"),
        pytest.param("jsonl", "in/records.jsonl", "ab", id="appended-to-an-input"),
        pytest.param("jsonl", "in/records.jsonl", "r+b", id="read-and-written"),
    ],
)
def test_stdout_into_an_input_is_refused(tmp_path: Path, fmt: str, target: str, mode: str):
    """Attacker trial of stop 36: `cleaner clean in --format jsonl > in/all.jsonl` read its own
    output back as input and wrote it again, for ever (200 MB in a minute); `>> records.jsonl`
    of that input the same; `1<> records.jsonl` overwrote it while reading it, exit 0. Refused
    as -o there is: exit 2, nothing read, the input as it was."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"page{n}.txt").write_text(PROSE)
    records = b'{"id": 1, "text": "Hello there, this is one sentence of a page."}\n'
    (folder / "records.jsonl").write_bytes(records)
    proc = _run_into(tmp_path / target, mode, "clean", "in", "--format", fmt, "-q", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert b"standard output goes to in/" in proc.stderr
    assert (folder / "records.jsonl").read_bytes() == records


def test_explain_page_into_an_input_folder_is_refused(tmp_path: Path):
    """Attacker trial of stop 36: `explain in --format html > in/review.html` gave the page a
    section for review.html, its own output read as an input."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(PROSE)
    proc = _run_into(tmp_path / "in" / "review.html", "wb", "explain", "in", "--format", "html", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert b"standard output goes to in/review.html" in proc.stderr


def test_stdout_appended_to_the_input_through_tee_does_not_feed_the_run(tmp_path: Path):
    """Attacker trial 2 of stop 36: `clean x.jsonl --format jsonl | tee -a x.jsonl` read the
    records tee appended, for ever (50 MB in 30 s). A JSONL file is read as it was when opened."""
    source = tmp_path / "x.jsonl"
    source.write_text("".join(json.dumps({"id": n, "text": PROSE}) + "\n" for n in range(200)), encoding="utf-8")
    command = " ".join([*cleaner_command(), "clean", "x.jsonl", "--format", "jsonl", "-q", "| tee -a x.jsonl | wc -l"])
    proc = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, timeout=120, check=False)
    assert proc.stdout.strip() == b"200", proc.stderr
    assert len(source.read_text(encoding="utf-8").splitlines()) == 400


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_stdout_to_the_file_stdin_reads_is_refused(tmp_path: Path, command: str):
    """Attacker trial 2 of stop 36: `clean - < s.txt 1<> s.txt` left s.txt as the cleaned text
    with the original's tail after it, exit 0."""
    page = tmp_path / "s.txt"
    page.write_text(PROSE, encoding="utf-8")
    with open(page, "rb") as stdin, open(page, "r+b") as stdout:
        proc = subprocess.run(
            [*cleaner_command(), command, "-"],
            stdin=stdin,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert proc.returncode == 2
    assert b"the file standard input reads" in proc.stderr
    assert page.read_text(encoding="utf-8") == PROSE


def test_learn_to_stdout_into_its_input_folder_is_refused(tmp_path: Path):
    """Attacker trial 2 of stop 36: `learn d --name foo > d/draft.toml` learned from its own
    (empty) output as a fourth scrape, exit 0."""
    folder = tmp_path / "d"
    folder.mkdir()
    for n in range(3):
        (folder / f"p{n}.txt").write_text(f"Site Menu\n{PROSE}\nFooter line {n}\n", encoding="utf-8")
    proc = _run_into(folder / "draft.toml", "wb", "learn", "d", "--name", "foo", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"standard output goes to d/draft.toml" in proc.stderr


def _run_into(target: Path, mode: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """cleaner run with standard output redirected to `target` opened in `mode` (as a shell's
    `>`, `>>` or `1<>`)."""
    with open(target, mode) as out:
        return subprocess.run(
            [*cleaner_command(), *args], cwd=cwd, stdout=out, stderr=subprocess.PIPE, timeout=60, check=False
        )


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["clean", "-", "--errors", "{f}"], id="errors-file"),
        pytest.param(["clean", "-", "-o", "{f}"], id="output-file"),
        pytest.param(["explain", "-", "-o", "{f}"], id="explain-output"),
        pytest.param(["clean", "-", "-o", "/dev/stdout"], id="dev-stdout"),
    ],
)
def test_an_output_onto_the_file_stdin_reads_is_refused(tmp_path: Path, args: list[str]):
    """Attacker trial 3 of stop 36: `clean - --errors f < f` emptied f before reading it (then
    "the input is empty", exit 0); `-o f < f` and `-o /dev/stdout` with `1<> f` replaced it."""
    page = tmp_path / "f.txt"
    page.write_text(PROSE, encoding="utf-8")
    with open(page, "rb") as stdin, open(page, "r+b") as stdout:
        proc = subprocess.run(
            [*cleaner_command(), *(a.format(f=page) for a in args)],
            stdin=stdin,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert proc.returncode == 2, proc.stderr
    assert b"the file standard input reads" in proc.stderr
    assert page.read_text(encoding="utf-8") == PROSE


def test_gzipped_or_later_jsonl_inputs_do_not_feed_on_the_output(tmp_path: Path):
    """Attacker trial 3 of stop 36: `clean g.jsonl.gz ... | gzip | tee -a g.jsonl.gz` grew the
    input to 103 MB in two minutes; `clean a.jsonl b.jsonl ... | tee -a b.jsonl` read a's records
    in b (opened after a was done). Each is read as it was when the run began."""
    records = "".join(json.dumps({"id": n, "text": PROSE}) + "\n" for n in range(300))
    import gzip

    (tmp_path / "g.jsonl.gz").write_bytes(gzip.compress(records.encode()))
    (tmp_path / "a.jsonl").write_text(records, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(records, encoding="utf-8")
    for inputs, tail in (("g.jsonl.gz", "| gzip | tee -a g.jsonl.gz | wc -c"), ("a.jsonl b.jsonl", "| tee -a b.jsonl")):
        command = " ".join([*cleaner_command(), "clean", inputs, "--format", "jsonl", "-q", tail])
        proc = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
    assert len(gzip.decompress((tmp_path / "g.jsonl.gz").read_bytes()).splitlines()) == 600
    assert len((tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()) == 900


@pytest.mark.parametrize("command", ["clean", "check"])
def test_stdout_into_a_profile_folder_is_refused(tmp_path: Path, command: str):
    """Attacker trial 3 of stop 36: `clean page.txt --profiles-dir pd > pd/out.toml` read its
    own empty output as a profile (exit 3, "empty profile"); `check pd > pd/report.toml`
    reported the report."""
    folder = tmp_path / "pd"
    folder.mkdir()
    (folder / "site.toml").write_text('[profile]\nname = "site"\nhosts = ["x.com"]\n', encoding="utf-8")
    (tmp_path / "page.txt").write_text(PROSE, encoding="utf-8")
    args = ["clean", "page.txt", "--profiles-dir", "pd"] if command == "clean" else ["check", "pd"]
    proc = _run_into(folder / "out.toml", "wb", *args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert b"standard output goes to pd/out.toml, which would be read as a profile" in proc.stderr
