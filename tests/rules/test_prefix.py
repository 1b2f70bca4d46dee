"""The literal prefix of an anchored pattern: a line a pattern matches always starts with it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner.rules.base import compile_pattern
from cleaner.rules.prefix import literal_prefix

ROOT = Path(__file__).resolve().parents[2]


def _profile_patterns() -> list[str]:
    found = []
    for path in sorted((ROOT / "profiles").glob("*.toml")):
        for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rules", []):
            pattern = rule.get("pattern", [])
            found += [pattern] if isinstance(pattern, str) else pattern
    return found


@pytest.mark.parametrize(
    "source, prefix",
    [
        ("^Leave a (Reply|Comment)$", "Leave a "),
        (r"^Cancel reply\.?$", "Cancel reply"),
        ("^ab*", "a"),
        ("^ab{2}", "a"),
        (r"^a\(?:b", "a"),  # an optional literal "(", then ":"
        ("^a|b", ""),  # "^" binds the first side only
        ("^a[|]b", "a"),
        ("^(?i)abc", ""),  # flags: not read
        ("^(?P<x>a)", ""),
        (r"^\d+ views", ""),
        (r"^Δ\b", "Δ"),
        ("abc", ""),
        ("^[:]x", ""),
    ],
)
def test_literal_prefix(source: str, prefix: str):
    assert literal_prefix(source) == prefix
    assert literal_prefix(source, regex.I) == ""


@given(st.text(alphabet="LeavCcnlRpyomt .|()\\?*", max_size=12), st.text(max_size=12))
def test_a_match_starts_with_the_prefix(body: str, line: str):
    try:
        pattern = regex.compile("^" + body)
    except regex.error:
        return
    prefix = literal_prefix("^" + body)
    for text in (line, prefix + line, body + line):
        if pattern.search(text):
            assert text.startswith(prefix)


def test_profile_searches_agree_without_the_shortcut():
    lines = [line for path in sorted((ROOT / "seeds").glob("*.txt")) for line in path.read_text().splitlines()]
    lines += ["Leave a Reply", "Leave a Comment Cancel reply", "Post Comment »", "Δ", "Cancel reply"]
    for source in _profile_patterns():
        timed, plain = compile_pattern(source), regex.compile(source)
        assert [bool(timed.search(t)) for t in lines] == [bool(plain.search(t)) for t in lines], source
