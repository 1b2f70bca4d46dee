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


# A reading time, figure first or labelled: "6 min read", "6-minute read", "Reading time: 6 min"
# (cleaner.heuristics.meta.reading_minutes reads it from a line of facts)
READING_TIME = regex.compile(
    r"(?<![\d.,])(?P<minutes>\d{1,3})[\s-]*(?:min|mins|minute|minutes)\.?\s+read\b"
    r"|\b(?:reading|read)\s+time\s*:?\s*(?P<minutes>\d{1,3})\s*(?:min|mins|minute|minutes)\b",
    regex.I,
)
READING_LABEL = ("reading time", "read time")
DIGIT = re.compile(r"\d")
FIGURE = regex.compile(r"\d")  # the pattern's \d: the regex module's Unicode is newer than str's


def is_counter(text: str) -> bool:
    """Whether the line is nothing but counters."""
    body = text.strip().lstrip("*+-–—•· ")  # a bullet or dash before it: "— 4 min read" (Ghost)
    if body[:12].casefold().startswith(READING_LABEL):  # "Reading time: 6 min"
        return _reading_time(body)
    first = body[:1]
    # cheap tests first: a counter starts with its figure, which rules out most lines at once
    if not (first.isdecimal() or (not first.isascii() and FIGURE.match(first))):
        return False
    if not DIGIT.search(text) or more_words(text, MAX_WORDS):
        return False
    return bool(_pattern().match(body)) or _reading_time(body)  # "6-minute read"


def _reading_time(body: str) -> bool:
    """Whether the line is a reading time and nothing else."""
    m = READING_TIME.match(body)
    return m is not None and not body[m.end() :].strip(" .")
