"""No script loses a whole article: pages in uncased scripts (CJK, Thai, Arabic, Hebrew,
Devanagari) and in scripts no stop-word list covers (Cyrillic) keep their paragraphs.

The pages, in tests/scripts.toml, are invented for these tests; each has a menu, a login
link and a headline above the article and share, related and copyright lines below it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from tests.invariants import PROFILES


class Page(NamedTuple):
    above: tuple[str, ...]
    paragraphs: tuple[str, ...]
    below: tuple[str, ...]


PAGES = {
    script: Page(*(tuple(page[part]) for part in Page._fields))
    for script, page in tomllib.loads((Path(__file__).parent / "scripts.toml").read_text(encoding="utf-8")).items()
}


def _page(above, paragraphs, below) -> str:
    return "\n".join([*above, "", *"\n\n".join(paragraphs).split("\n"), "", *below]) + "\n"


@pytest.mark.parametrize("script", sorted(PAGES))
def test_article_survives(script: str):
    page = PAGES[script]
    kept = clean(_page(page.above, page.paragraphs, page.below), profiles=PROFILES).text
    assert [p for p in page.paragraphs if p not in kept] == []
    assert page.above[0] not in kept  # and the page is cleaned: the menu goes


@pytest.mark.parametrize("script", sorted(PAGES))
def test_single_line_article_survives(script: str):
    """The issue's shape: one line of prose, nothing else."""
    line = PAGES[script].paragraphs[0]
    assert clean(line + "\n", profiles=PROFILES).text.strip() == line


@st.composite
def pages(draw):
    page = PAGES[draw(st.sampled_from(sorted(PAGES)))]
    count = draw(st.integers(2, len(page.paragraphs)))
    start = draw(st.integers(0, len(page.paragraphs) - count))
    above = draw(st.lists(st.sampled_from(page.above), max_size=4))
    below = draw(st.lists(st.sampled_from(page.below), max_size=4))
    return above, page.paragraphs[start : start + count], below


@settings(max_examples=150, deadline=None)
@given(pages())
def test_multi_paragraph_article_never_comes_out_empty(parts):
    above, paragraphs, below = parts
    kept = clean(_page(above, paragraphs, below), profiles=PROFILES).text
    assert kept.strip()
    assert any(p in kept for p in paragraphs)
