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
