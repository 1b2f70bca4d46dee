"""Whitespace and bullets; the fast check in collapse_spaces never skips a change the regex makes."""

from __future__ import annotations

import sys

import pytest

from cleaner.stages.normalise import ODD_SPACE, SPACES, collapse_spaces, normalise_line

ALL = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_fast_check_sees_every_character_the_regex_changes():
    # SPACES changes a line only by a tab or a \p{Zs} other than " ", or by "  "
    changed = {ch for run in SPACES.findall(ALL) for ch in run} - {" "}
    seen = {ch for ch in changed if ODD_SPACE.search(ch)}
    assert changed and seen == changed
    assert ODD_SPACE.search("a  b") and not ODD_SPACE.search("a b\n")
    for ch in changed:
        assert collapse_spaces(f"a{ch}b") == "a b"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("  two\u00a0 spaces\tand\u2009thin  ", "two spaces and thin"),
        ("• item", "- item"),
        ("* item", "- item"),
        ("-item", "-item"),  # a hyphen needs a space to be a bullet
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_normalise_line(line: str, expected: str):
    assert normalise_line(line) == expected
