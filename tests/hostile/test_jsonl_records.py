"""A JSONL record that cannot be read fails by file:line with a plain message; the
others are still written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hostile.pages import PARAGRAPHS, cli


def test_control_character_message_says_at_once(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "a\tb"}\n' + json.dumps({"text": PARAGRAPHS[0]}) + "\n", encoding="utf-8")
    result = cli(str(source), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (
        f"cleaner: {source}:1: not JSON: Invalid control character at column 12\ncleaner: 1 cleaned, 1 failed\n"
    )
    assert json.loads(result.stdout)["text"] == PARAGRAPHS[0] + "\n"


def test_record_nested_past_json_recursion_fails_alone(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + json.dumps({"text": PARAGRAPHS[0]}) + "\n")
    result = cli(str(source), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (
        f"cleaner: {source}:1: not JSON this program can read: nested too deeply\ncleaner: 1 cleaned, 1 failed\n"
    )
    assert json.loads(result.stdout)["text"] == PARAGRAPHS[0] + "\n"


def test_record_not_utf8_fails_by_line_nothing_replaced(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"text": "caf\xe9 latin1 sentence."}\n' + json.dumps({"text": PARAGRAPHS[0]}).encode() + b"\n")
    result = cli(str(source), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (f"cleaner: {source}:1: not UTF-8: byte 0xe9 at column 14\ncleaner: 1 cleaned, 1 failed\n")
    assert "\ufffd" not in result.stdout and json.loads(result.stdout)["text"] == PARAGRAPHS[0] + "\n"


def test_record_not_utf8_fails_by_line_in_the_dask_reader_too(tmp_path: Path):
    import pytest

    dask = pytest.importorskip("cleaner.dask")
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"text": "caf\xe9."}\n' + json.dumps({"text": PARAGRAPHS[0]}).encode() + b"\n")
    import fsspec

    jobs = dask._read_jsonl([str(source)], fsspec.filesystem("file"))
    assert [job.error for job in jobs] == ["not UTF-8: byte 0xe9 at column 14", None]


def test_records_with_numbers_standard_json_cannot_hold_fail_by_line(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    lines = [
        '{"text": "x", "n": NaN}',
        '{"text": "x", "n": -Infinity}',
        '{"text": "x", "n": 1e999}',
        '{"text": "x", "n": ' + "9" * 5000 + "}",
        json.dumps({"text": PARAGRAPHS[0], "n": 1.5}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli(str(source), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (
        f"cleaner: {source}:1: not standard JSON: NaN is no JSON number\n"
        f"cleaner: {source}:2: not standard JSON: -Infinity is no JSON number\n"
        f"cleaner: {source}:3: not JSON this program can read: the number 1e999 is out of range\n"
        f"cleaner: {source}:4: not JSON this program can read: a number of 5000 digits\n"
        "cleaner: 1 cleaned, 4 failed\n"
    )
    record = json.loads(result.stdout)
    assert (record["n"], record["source"]) == (1.5, f"{source}:5")


def test_a_key_given_twice_fails_that_record(tmp_path: Path):
    """Attacker trial of stop 36: {"text": A, "text": B} was cleaned from B, A dropped silently,
    exit 0 (nested objects likewise)."""
    source = tmp_path / "in.jsonl"
    records = [
        '{"id": 1, "text": "first text.", "text": "The central bank raised rates."}',
        '{"id": 2, "meta": {"a": 1, "a": 2}, "text": "x."}',
        json.dumps({"id": 3, "text": PARAGRAPHS[0]}),
    ]
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    result = cli(str(source), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (
        f'cleaner: {source}:1: the key "text" is given twice in one object: which value is meant is unknown\n'
        f'cleaner: {source}:2: the key "a" is given twice in one object: which value is meant is unknown\n'
        "cleaner: 1 cleaned, 2 failed\n"
    )
    assert json.loads(result.stdout)["id"] == 3


def test_a_byte_order_mark_on_a_later_line_is_read_past(tmp_path: Path):
    """Attacker trial of stop 36: two JSONL files joined with cat, the second starting with a
    BOM: its first record failed with Python's advice ("decode using utf-8-sig")."""
    source = tmp_path / "in.jsonl"
    first, second = json.dumps({"id": 1, "text": PARAGRAPHS[0]}), json.dumps({"id": 2, "text": PARAGRAPHS[1]})
    source.write_bytes(b"\xef\xbb\xbf" + first.encode() + b"\n\xef\xbb\xbf" + second.encode() + b"\n")
    result = cli(str(source), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2]


def test_a_fifo_named_jsonl_is_read_as_records(tmp_path: Path):
    """Attacker trial of stop 36: `mkfifo f.jsonl` fed by a writer failed "Illegal seek" (the
    reader asked the FIFO where it was, for progress)."""
    import os
    import threading

    source = tmp_path / "f.jsonl"
    os.mkfifo(source)
    data = "".join(json.dumps({"id": n, "text": PARAGRAPHS[n]}) + "\n" for n in range(2))
    writer = threading.Thread(target=source.write_text, args=(data,))
    writer.start()
    try:
        result = cli(str(source), "--format", "jsonl")
    finally:
        writer.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [0, 1]


def test_records_ending_in_a_carriage_return_alone_say_so(tmp_path: Path):
    """Attacker trial of stop 36: a file of CR-ended records failed as one record, "Extra data"."""
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(json.dumps({"id": n, "text": PARAGRAPHS[0]}).encode() + b"\r" for n in range(3)))
    result = cli(str(source), "--format", "jsonl")
    assert result.exit_code == 1
    assert "its records end in a carriage return alone, and JSONL lines end in \\n" in result.stderr


def test_a_file_that_shrinks_while_read_fails_where_its_records_stop(tmp_path: Path):
    """Attacker trial 3 of stop 36: a JSONL input truncated during the run lost its last 6,000
    records, "0 failed", exit 0."""
    from cleaner.inputs import records

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": n, "text": PARAGRAPHS[0]}) + "\n" for n in range(5000)))
    jobs = records(source)
    first = next(jobs)
    with open(source, "r+b") as f:
        f.truncate(100_000)
    rest = list(jobs)
    assert first.error is None
    assert rest[-1].error is not None and rest[-1].error.startswith("shorter than when opened")
