"""Small input and output corners: broken symlinks in an input folder, a profile folder that
is a file, --resume with stdin, an input record's "error" field, `new --sample` of a FIFO
or a device."""

from __future__ import annotations

import json
import os
from pathlib import Path

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
