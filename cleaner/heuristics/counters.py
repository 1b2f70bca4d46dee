"""Counters a page prints around an article: "6 views", "12 comments", "4 min read"."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from cleaner.heuristics.language import languages
from cleaner.heuristics.lines import more_words

MAX_WORDS = 8


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    words = sorted({w for lang in languages() for w in lang.counters}, key=len, reverse=True)
    unit = rf"\d[\d.,]*\s*[kKmM]?\+?\s*(?:{'|'.join(regex.escape(w) for w in words)})"
    # One or more counters, glued or separated: "6 views0 comments", "845 shares | 12 comments".
    return regex.compile(rf"^(?:{unit}[\s|•·,/]*)+$", regex.I)


DIGIT = re.compile(r"\d")
FIGURE = regex.compile(r"\d")  # the pattern's \d: the regex module's Unicode is newer than str's


def is_counter(text: str) -> bool:
    """Whether the line is nothing but counters."""
    body = text.strip().lstrip("*+-•· ")
    first = body[:1]
    # cheap tests first: a counter starts with its figure, which rules out most lines at once
    if not (first.isdecimal() or (not first.isascii() and FIGURE.match(first))):
        return False
    if not DIGIT.search(text) or more_words(text, MAX_WORDS):
        return False
    return bool(_pattern().match(body))
