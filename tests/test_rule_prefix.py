"""The literal prefix of an anchored pattern: a line a pattern matches always starts with it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner.rules.base import Patterns, budget, compile_pattern, matches_any
from cleaner.rules.prefix import literal_prefixes

ROOT = Path(__file__).resolve().parents[2]


def _profile_patterns() -> list[str]:
    found = []
    for path in sorted((ROOT / "profiles").glob("*.toml")):
        for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rules", []):
            pattern = rule.get("pattern", [])
            found += [pattern] if isinstance(pattern, str) else pattern
    return found


@pytest.mark.parametrize(
    "source, prefixes",
    [
        ("^Leave a (Reply|Comment)$", ("Leave a Reply", "Leave a Comment")),
        ("^Leave a (Reply|Comment)?$", ("Leave a ",)),
        (r"^(Comment|Name|Email|Website)\s?\*$", ("Comment", "Name", "Email", "Website")),
        ("^(?:a|b)c", ("a", "b")),
        ("^(a|)c", ("",)),  # an empty alternative
        ("^(a|b.)c", ("",)),  # an alternative with more than literal text
        ("^(a|(b))c", ("",)),
        (r"^Cancel reply\.?$", ("Cancel reply",)),
        ("^ab*", ("a",)),
        ("^ab{2}", ("a",)),
        (r"^a\(?:b", ("a",)),  # an optional literal "(", then ":"
        ("^a|b", ("",)),  # "^" binds the first side only
        ("^a[|]b", ("a",)),
        ("^(?i)abc", ("",)),  # flags: not read
        ("^(?P<x>a)", ("",)),
        (r"^\d+ views", ("",)),
        (r"^Δ\b", ("Δ",)),
        ("abc", ("",)),
        ("^[:]x", ("",)),
    ],
)
def test_literal_prefixes(source: str, prefixes: tuple[str, ...]):
    assert literal_prefixes(source) == prefixes
    assert literal_prefixes(source, regex.I) == ("",)


@given(st.text(alphabet="LeavCcnlRpyomt .|()\\?*:", max_size=12), st.text(max_size=12))
def test_a_match_starts_with_a_prefix(body: str, line: str):
    try:
        pattern = regex.compile("^" + body)
    except regex.error:
        return
    prefixes = literal_prefixes("^" + body)
    for text in (line, prefixes[0] + line, prefixes[-1] + line, body + line):
        if pattern.search(text):
            assert text.startswith(prefixes)


def test_profile_searches_agree_without_the_shortcut():
    lines = [line for path in sorted((ROOT / "seeds").glob("*.txt")) for line in path.read_text().splitlines()]
    lines += ["Leave a Reply", "Leave a Comment Cancel reply", "Post Comment »", "Δ", "Cancel reply"]
    for source in _profile_patterns():
        timed, plain = compile_pattern(source), regex.compile(source)
        assert [bool(timed.search(t)) for t in lines] == [bool(plain.search(t)) for t in lines], source


def test_a_rule_rules_lines_out_by_prefix_and_a_spent_budget_still_raises():
    patterns = Patterns([compile_pattern("^Leave a (Reply|Comment)$"), compile_pattern("^Cancel reply$")])
    assert matches_any(patterns, "Leave a Reply") and matches_any(patterns, "Cancel reply")
    assert not matches_any(patterns, "Some prose") and not matches_any(patterns, "Leave a note")
    for line in ("Some prose", "Cancel reply"):
        with budget(0.0), pytest.raises(TimeoutError):
            matches_any(patterns, line)
