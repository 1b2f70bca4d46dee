"""Short lines a page prints more than once."""

from __future__ import annotations

import pytest

from cleaner.heuristics.lines import describe
from cleaner.heuristics.repeats import repeated


def repeats(text: str) -> list[str]:
    infos = [describe(i, t) for i, t in enumerate(text.split("\n")) if t.strip()]
    found = repeated(infos)
    return [info.text for info in infos if info.pos in found]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            "Home\nNews\nA paragraph.\n* Home\n  news", ["Home", "News", "* Home", "news"], id="menu-printed-twice"
        ),
        pytest.param("Headline\nBody text.\nOther text.", [], id="nothing-repeated"),
        pytest.param("August 2015 (1)\nAugust 2014 (1)", [], id="archive-months-differ"),
        pytest.param(("word " * 30 + "\n") * 2, [], id="long-paragraph-not-counted"),
    ],
)
def test_repeated(page: str, expected: list[str]):
    assert repeats(page) == expected
