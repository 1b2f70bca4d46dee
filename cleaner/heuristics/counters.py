"""Counters a page prints around an article: "6 views", "12 comments", "4 min read"."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from cleaner.heuristics.language import in_capitals, languages
from cleaner.heuristics.lines import more_words

MAX_WORDS = 8


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    words = sorted({w for lang in languages() for w in lang.counters}, key=len, reverse=True)
    unit = rf"\d[\d.,]*\s*[kKmM]?\+?\s*(?:{'|'.join(regex.escape(w) for w in words)})"
    # One or more counters, glued or separated: "6 views0 comments", "845 shares | 12 comments".
    return regex.compile(rf"^(?:{unit}[\s|•·,/]*)+$", regex.I)


# A reading time, figure first or labelled: "6 min read", "6-minute read", "Reading time: 6 min"
# (cleaner.heuristics.meta.reading_minutes reads it from a line of facts); the other languages'
# forms are the data files' `reading_time` ("tempo di lettura: {n} minuti")
ENGLISH_READING_TIME = (
    r"(?<![\d.,])(?P<minutes>\d{1,3})[\s-]*(?:min|mins|minute|minutes)\.?\s+read\b"
    r"|\b(?:reading|read)\s+time\s*:?\s*(?P<minutes>\d{1,3})\s*(?:min|mins|minute|minutes)\b"
)


@lru_cache(maxsize=1)
def _forms() -> dict[str, regex.Pattern]:
    """The reading-time forms by the unit word every one of them holds ("min", "dk", "λεπτά"):
    a line is searched only with the forms whose unit it holds (one pattern of every
    language's forms took 0.2 ms a line)."""
    forms: dict[str, list[str]] = {"min": [ENGLISH_READING_TIME]}
    phrases = (form for lang in languages() for p in lang.reading_time for form in in_capitals(p))
    for phrase in dict.fromkeys(phrases):
        before, _, after = phrase.partition("{n}")
        unit = after.split()[0] if after.split() else "min"
        form = rf"(?<![\d.,\w]){_spaced(before)}\s*(?P<minutes>\d{{1,3}})\s*{_spaced(after)}(?!\w)"
        forms.setdefault(unit, []).append(form)
    return {unit: regex.compile("|".join(f"(?:{f})" for f in found), regex.I) for unit, found in forms.items()}


def reading_time_in(text: str, at_start: bool = False) -> regex.Match | None:
    """The reading time in a line (`at_start`: the line starts with it), in any language's form."""
    low = text.lower()
    for unit, pattern in _forms().items():
        if unit in low and (m := pattern.match(text) if at_start else pattern.search(text)):
            return m
    return None


def _spaced(text: str) -> str:
    """The words of a data file's phrase, spaces and a colon as a page prints them."""
    return r"\s*".join(regex.escape(word) for word in text.replace(":", " : ").split())


@lru_cache(maxsize=1)
def reading_labels() -> tuple[str, ...]:
    """The words a labelled reading time starts with: "reading time", "tempo di lettura"."""
    phrases = (form for lang in languages() for p in lang.reading_time for form in in_capitals(p))
    labelled = (p.partition("{n}")[0].strip(" :") for p in phrases)
    return tuple(p.casefold() for p in ("reading time", "read time", *labelled) if p)  # casefold: "ς" is "σ"


DIGIT = re.compile(r"\d")
FIGURE = regex.compile(r"\d")  # the pattern's \d: the regex module's Unicode is newer than str's


def is_counter(text: str) -> bool:
    """Whether the line is nothing but counters."""
    body = text.strip().lstrip("*+-–—•· ")  # a bullet or dash before it: "— 4 min read" (Ghost)
    if body[:24].casefold().startswith(reading_labels()):  # "Reading time: 6 min"
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
    m = reading_time_in(body, at_start=True)
    return m is not None and not body[m.end() :].strip(" .")
