"""Unicode repair: the fast path equals ftfy on everything; mojibake seeds give the gold."""

from __future__ import annotations

import ftfy
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.stages.unicode import CONFIG, fix_lines
from tests.conftest import GOLD, SEEDS

PIECES = [
    "plain words ",
    "“quoted” ",
    "don’t ",
    "café ",
    "naïve ",
    "Ünïcödé ",
    "\u00a0",
    "–",
    "—",
    "…",
    "&amp; ",
    "&lt;b&gt; ",
    "<p>",
    "R&D ",
    "ﬁ",
    "Ĳ",
    "\x00",
    "\x1b[31m",
    "\x85",
    "\x9d",
    "\ufeff",
    "e\u0301",
    "Å",
    "日本語 ",
    "Привет ",
    "Ελληνικά ",
    "€",
    "™",
    "•",
    "\n",
    "\n",
    "\n",
    "Ã ",
    "Â ",  # mojibake of "à" and of a NBSP whose NBSP became a space, e.g. at a line start
    "&#8217;",
    "&EACUTE;",
    "&nbsp",
    "&x;",  # entities ftfy decodes, and ones it leaves alone
]


def mojibake(text: str) -> str:
    """UTF-8 bytes read as cp1252 (latin-1 for the five bytes cp1252 leaves undefined)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES).map(mojibake), st.text(max_size=5)),
    max_size=40,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_fast_path_equals_ftfy(text: str):
    expected = ftfy.fix_text(text, CONFIG)
    # where ftfy's decoding swallows a line break, the fast path keeps the lines (below)
    assume(expected.count("\n") >= text.count("\n"))
    fixed, _ = fix_lines(text.split("\n"))
    assert "\n".join(fixed) == expected


def test_a_line_break_ftfy_swallows_stays():
    # ftfy reads "À" and the newline after it as part of the mojibake and drops both; the
    # pipeline keeps one line per input line, so the fast path fixes the line and keeps it
    text = "â€œquotedâ€\x9d À\n"
    assert ftfy.fix_text(text, CONFIG) == "“quoted” "
    assert fix_lines(text.split("\n"))[0] == ["“quoted” ", ""]


@pytest.mark.parametrize("lines", [["x", "Ã  la carte"], ["x", "Â bonjour"], ["R&D", "&amp;"], ["é", "Ã©"]])
def test_fast_path_equals_ftfy_on_later_lines(lines: list[str]):
    # ftfy fixes each line alone: what it finds at a line's start counts on every line
    fixed, _ = fix_lines(lines)
    assert "\n".join(fixed) == ftfy.fix_text("\n".join(lines), CONFIG)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_mojibake_seed_gives_the_gold(seed, encoding: str):
    raw = seed.read_bytes()
    damaged = "".join(bytes([b]).decode(encoding, errors="ignore") or chr(b) for b in raw)
    assert damaged != raw.decode("utf-8")
    doc = clean(damaged.encode("utf-8"))
    assert doc.text == (GOLD / seed.name).read_text(encoding="utf-8")
    assert any(step.startswith("ftfy:") for step in doc.steps)


def test_fixes_are_recorded():
    doc = clean("The cafÃ© said &amp; then\x00 left.\n")
    assert doc.text == "The café said & then left.\n"
    assert doc.steps == ("ftfy:unescape_html", "ftfy:encode:latin-1", "ftfy:decode:utf-8", "ftfy:remove_control_chars")
