"""The line model's signal names in words, in the removal records (new-user trial of stop 36:
"class_good~3 -1.21" read as jargon)."""

from __future__ import annotations

import pytest

from cleaner.model.features import NAMES
from cleaner.model.glossary import BASE, PREFIXES, describe


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("log_words", "length in words (log_words)"),
        ("class_good~3", "good-text class, the lines within 3 (class_good~3)"),
        ("labelled@-1", "a boilerplate phrase, the line before (labelled@-1)"),
        ("dropped@+2", "dropped by the heuristics, 2 lines after (dropped@+2)"),
        ("cat_cookie", "a cookie phrase (cat_cookie)"),
        ("verdict_footer", "the heuristics' footer verdict (verdict_footer)"),
    ],
)
def test_describe(name: str, words: str):
    assert describe(name) == words


def test_every_signal_of_the_model_has_words():
    """A signal added to the model without words here would show its bare name."""
    for name in NAMES:
        base = name.split("@")[0].split("~")[0]
        assert base in BASE or base.startswith(tuple(PREFIXES)), name
        assert describe(name).endswith(f"({name})")
