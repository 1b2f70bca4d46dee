"""Small input and output corners: broken symlinks in an input folder, a profile folder that
is a file, --resume with stdin, an input record's "error" field, `new --sample` of a FIFO
or a device."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from tests.hostile.test_batch import PROSE, run


def test_broken_symlinks_in_an_input_folder_say_what_they_are(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(PROSE)
    (src / "gone.txt").symlink_to("nowhere.txt")
    (src / "loop.txt").symlink_to("loop.txt")
    out = tmp_path / "out"
    result = run("clean", str(src), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        f"cleaner: {src / 'gone.txt'}: cannot read: a dangling symlink (to nowhere.txt)\n"
        f"cleaner: {src / 'loop.txt'}: cannot read: a symlink loop\n"
        f"cleaner: 1 cleaned, 2 failed into {out}\n"
    )


def test_a_folder_deeper_than_path_max_fails_alone(tmp_path: Path):
    """Attacker trial of stop 49: a folder whose path is longer than PATH_MAX, anywhere in the
    input tree, raised out of the walk and the run wrote nothing (exit 1)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    (src / "z.txt").write_text(PROSE)
    fd = os.open(src, os.O_RDONLY)
    try:
        for _ in range(os.pathconf(src, "PC_PATH_MAX") // 200 + 1):  # made by dir_fd: no path is that long
            os.mkdir("d" * 200, dir_fd=fd)
            deeper = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
    finally:
        os.close(fd)
    out = tmp_path / "out"
    result = run("clean", str(src), "-o", str(out))
    assert result.exit_code == 1
    assert "cannot read directory: File name too long" in result.stderr
    assert sorted(p.name for p in out.glob("*.txt")) == ["a.txt", "z.txt"]
    assert (out / "a.txt").read_text() == PROSE


def test_cleaner_profiles_naming_a_file_says_it_is_a_file(tmp_path: Path, monkeypatch):
    (tmp_path / "page.txt").write_text(PROSE)
    (tmp_path / "profiles.toml").write_text("")
    monkeypatch.setenv("CLEANER_PROFILES", str(tmp_path / "profiles.toml"))
    result = run("clean", str(tmp_path / "page.txt"))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"{tmp_path / 'profiles.toml'}:1:1: profile folder is a file, not a folder\n")


def test_resume_with_stdin_is_refused(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PROSE)
    out = tmp_path / "out"
    assert run("clean", "-", str(tmp_path / "a.txt"), "-o", str(out), stdin=PROSE.encode()).exit_code == 0
    result = run("clean", "-", str(tmp_path / "a.txt"), "-o", str(out), "--resume", stdin=b"Other words entirely.\n")
    assert result.exit_code == 2
    assert "--resume cannot finish a run that reads - (standard input)" in result.stderr
    assert (out / "stdin.txt").read_text() == PROSE


def test_an_input_records_error_field_is_not_kept_in_a_cleaned_record(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    lines = [{"id": 1, "text": PROSE, "error": "fetch timed out"}, {"id": 2, "text": PROSE, "error": None}]
    source.write_text("".join(json.dumps(r) + "\n" for r in lines))
    result = run("clean", str(source), "--format", "jsonl")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [1, 2] and not any("error" in r for r in records)
    assert result.stderr == (
        f'cleaner: {source}:1: its "error" field is not kept: that name marks the records of failed inputs\n'
        "cleaner: 2 cleaned, 0 failed\n"
    )


def test_new_refuses_a_fifo_sample_by_name(tmp_path: Path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = run("new", "example", "--sample", str(fifo))
    assert result.exit_code == 2
    assert f"Invalid value for '--sample': {fifo} is a FIFO, not a regular file" in result.stderr


def test_new_refuses_a_device_sample(tmp_path: Path):
    result = run("new", "example", "--sample", "/dev/null")
    assert result.exit_code == 2
    assert "Invalid value for '--sample': /dev/null is a character device, not a regular file" in result.stderr
    assert "samples" not in result.stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="a system without /dev/zero")
def test_an_endless_device_named_as_input_fails_at_its_head(tmp_path: Path):
    """Attacker trial of stop 47: `cleaner clean /dev/zero` read until the kernel killed it
    (exit 137). A stream with no size is judged as it is read: binary data fails at its head,
    and the other inputs are cleaned."""
    (tmp_path / "ok.txt").write_text(PROSE)
    result = run("clean", "/dev/zero", str(tmp_path / "ok.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "cleaner: /dev/zero: binary file (contains NUL bytes), not text\n" in result.stderr
    assert (tmp_path / "out" / "ok.txt").read_text().strip()


def test_binary_data_on_stdin_fails_without_reading_it_all():
    """The same for standard input: NULs after a text head fail where they start."""

    text = (PROSE + "\n") * 200  # longer than the head judged first

    class Endless(io.RawIOBase):  # text, then NULs without end: read whole, it never ends
        sent = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            chunk = (text.encode()[self.sent :] if self.sent < len(text) else b"\0" * len(buffer))[: len(buffer)]
            buffer[: len(chunk)] = chunk
            self.sent += len(chunk)
            return len(chunk)

    from cleaner.errors import InputError
    from cleaner.inputs import read_text_stream

    with pytest.raises(InputError, match=r"binary data at byte \d+"):
        read_text_stream(io.BufferedReader(Endless()))


@pytest.mark.parametrize("fmt", ["jsonl", "text"])
def test_a_walked_file_replaced_by_a_fifo_fails_by_name_and_does_not_hang(tmp_path: Path, fmt):
    """Attacker trial of stop 52: a file the walk had found regular, replaced by a FIFO during
    the run, hung the run for ever (a blocking open waits for a writer)."""

    from cleaner.errors import InputError
    from cleaner.inputs import Fields, load, plan

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A short text, long enough to be cleaned.\n")
    jobs, _ = plan([str(folder)], str(tmp_path / "out") if fmt == "text" else None, fmt)
    job = next(jobs)
    (folder / "a.txt").unlink()
    os.mkfifo(folder / "a.txt")
    failed = _unless_it_waits(folder / "a.txt", lambda: load(job, Fields()))
    assert isinstance(failed, InputError) and "not a regular file (a FIFO) now" in str(failed)


def _unless_it_waits(fifo: Path, call) -> object:
    """What `call` returns or raises, run in a thread: if it still waits on `fifo` after 10 s,
    a writer opens the FIFO (so the thread ends) and the test fails, rather than the suite hang."""
    import threading

    done: list[object] = []

    def run() -> None:
        try:
            done.append(call())
        except BaseException as err:  # looked at by the caller
            done.append(err)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=10)
    if thread.is_alive():
        with open(fifo, "w"):
            pass
        pytest.fail(f"waited on the FIFO {fifo.name}")
    return done[0]


def test_a_fifo_named_on_the_command_line_is_still_read_from_its_writer(tmp_path: Path):
    import threading

    from cleaner.inputs import Fields, load, plan

    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_text, args=("Written by another process.\n",))
    writer.start()
    try:
        job = next(plan([str(fifo)], None, "text")[0])
        data, _, _ = load(job, Fields())
    finally:
        writer.join(timeout=10)
    assert data == b"Written by another process.\n"


def test_a_big_file_of_nuls_is_refused_on_its_head_not_read_whole(tmp_path: Path, monkeypatch):
    """Attacker trial of stop 52: a 3 GB sparse file of NULs took 4.7 GB of memory before it
    was refused as binary. Its head tells: the rest is never read."""
    from cleaner.errors import InputError
    from cleaner.inputs import Fields, load, plan

    zeros = tmp_path / "zeros.txt"
    with open(zeros, "wb") as f:
        f.truncate(1 << 30)  # sparse: no disk used
    import tracemalloc

    job = next(plan([str(zeros)], None, "text")[0])
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="binary file"):
            load(job, Fields())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20  # the head, not the gigabyte


def test_a_walked_jsonl_file_replaced_by_a_fifo_fails_by_name_and_does_not_hang(tmp_path: Path):
    """Second attacker trial of stop 52: a folder's .jsonl swapped for a FIFO during the run
    hung it (its records were read with a blocking open)."""

    from cleaner.inputs import plan

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A short text, long enough to be cleaned.\n")
    (folder / "z.jsonl").write_text('{"text": "A record."}\n')
    jobs, _ = plan([str(folder)], None, "jsonl")
    assert next(jobs).source.endswith("a.txt")
    (folder / "z.jsonl").unlink()
    os.mkfifo(folder / "z.jsonl")
    found = _unless_it_waits(folder / "z.jsonl", lambda: next(jobs))
    assert "not a regular file (a FIFO) now" in (getattr(found, "error", None) or "")
