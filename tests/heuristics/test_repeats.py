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
        # a summary's bullets repeat the article's sentences: the bullets are the copies
        pytest.param(
            "Key points\n- The ferry sails at six every morning from May.\n- Fares stay the same.\n"
            "The ferry sails at six every morning from May.\nThe harbour board agreed the timetable on Monday night."
            "\nFares stay the same.",
            ["- The ferry sails at six every morning from May.", "- Fares stay the same.", "Fares stay the same."],
            id="summary-bullets",
        ),
        pytest.param("- Home\n- News\n- Home\nNews", ["- Home", "- News", "- Home", "News"], id="menu-items-twice"),
        # teasers as bullets at the top and as lines at the foot, under the article's last
        # paragraph: copies one under the other (second attacker trial of stop 56)
        pytest.param(
            "- Why are young families leaving the town for the city?\n- Is the new bypass worth three years of works?\n"
            "The campaign group will meet again next week to decide what to do next.\n"
            "Why are young families leaving the town for the city?\nIs the new bypass worth three years of works?",
            [
                "- Why are young families leaving the town for the city?",
                "- Is the new bypass worth three years of works?",
                "Why are young families leaving the town for the city?",
                "Is the new bypass worth three years of works?",
            ],
            id="teasers-twice",
        ),
    ],
)
def test_repeated(page: str, expected: list[str]):
    assert repeats(page) == expected


def test_a_key_points_summary_takes_neither_copy_of_the_articles_sentences():
    """Attacker trial of stop 56: a "Key points" list repeating the lede and the last sentence
    made both copies "repeated", and the article lost its first and last sentences, exit 0."""
    from cleaner import clean

    lede = "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive."
    last = "Work on the new wall is expected to start in the second week of September."
    body = [
        lede,
        "The old wall was breached twice last year, flooding the fish market and three shops.",
        "Engineers say the new wall will be a metre higher and built on deeper foundations.",
        "The project will cost about two million pounds, most of it from a national flood fund.",
        "Fishermen asked for a gap in the wall so that small boats can still reach the slipway.",
        "The council agreed to build a floodgate there that can be closed when storms are forecast.",
        last,
    ]
    page = "\n".join(["Harbour wall to be rebuilt", "", "Key points", f"- {lede}", f"- {last}", "", *body]) + "\n"
    text = clean(page).text
    assert lede in text and last in text
