"""Bylines and date lines: metadata a page prints near the top of the article.

`byline("By Jane Doe | March 3, 2021")` gives the author (and any date on the line);
`date_line("Published: 03.03.2021, 10:15")` gives the date. Dates come out as ISO
YYYY-MM-DD, or not at all when the day and month cannot be told apart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from cleaner.heuristics.language import languages

# A name: one to five capitalised words ("Jane Doe", "Jean-Luc de la Fontaine", "J. R. Smith").
NAME_WORD = r"(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|la|le|van|von|der|den|da|del|di|du|dos|y|e|i|und|and|et|&)"
NAME = rf"\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?:,?\s+{NAME_WORD}){{0,5}}"
SEPARATOR = r"\s*(?:[|•·,/–—-]|\s{2,}|$)\s*"
MAX_DATE_LINE_WORDS = 20
ZONE = r"(?:\s*(?:gmt|utc|cet|cest|est|edt|pst|pdt|bst)(?:[+-]\d{1,2})?)"
TIME = rf"(?:\d{{1,2}}[:.h]\d{{2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?|uhr|h)?{ZONE}?)"


class Patterns(NamedTuple):
    byline: regex.Pattern
    iso: regex.Pattern
    dmy_numeric: regex.Pattern
    month_first: regex.Pattern
    day_first: regex.Pattern
    months: dict[str, int]
    leftover: regex.Pattern  # what a date line may hold besides the date


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    langs = languages()
    months: dict[str, int] = {}
    for lang in langs:
        # Full names first (12 in calendar order), then abbreviations in calendar order too.
        full, short = lang.months[:12], lang.months[12:]
        for n, name in enumerate(full, 1):
            months.setdefault(name, n)
        for name in short:
            hit = next((n for n, f in enumerate(full, 1) if f.startswith(name[:3])), None)
            if hit:
                months.setdefault(name, hit)
    month = rf"(?P<month>{_alt(months)})\.?"
    year = r"(?P<year>(?:19|20)\d\d)\b"
    prefixes = _alt(p for lang in langs for p in lang.byline)
    date_words = _alt(w for lang in langs for w in lang.date_words)
    return Patterns(
        byline=regex.compile(rf"^(?i:{prefixes})\s+(?P<name>{NAME}?)(?={SEPARATOR})(?P<rest>.*)$"),
        iso=regex.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
        dmy_numeric=regex.compile(r"\b(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?(?P<year>(?:19|20)\d\d)\b"),
        month_first=regex.compile(rf"\b{month}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{year}", regex.I),
        day_first=regex.compile(
            rf"\b(?P<day>[0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?{month}(?:\s+de)?,?\s+{year}", regex.I
        ),
        months=months,
        leftover=regex.compile(rf"(?:{date_words}|{TIME}|on|am|um|le|el|em|w|at|à|a las|às)\b", regex.I),
    )


YEAR = re.compile(r"(?:19|20)\d\d")  # every date pattern has a year: a cheap test first


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first date in the text as YYYY-MM-DD, and where it is."""
    if not YEAR.search(text):
        return None
    p = patterns()
    for pattern in (p.iso, p.month_first, p.day_first, p.dmy_numeric):
        m = pattern.search(text)
        if not m:
            continue
        month = m.group("month").lower()
        month_no = int(month) if month.isdigit() else p.months.get(month.rstrip("."))
        day = int(m.group("day"))
        if month_no and 1 <= month_no <= 12 and 1 <= day <= 31:
            return f"{m.group('year')}-{month_no:02d}-{day:02d}", m.span()
    return None


@lru_cache(maxsize=1 << 16)  # pure in the text; called for every line in every pass
def date_line(text: str) -> str | None:
    """The date if the line is only a date, perhaps with a label and a time."""
    if len(text.split()) > MAX_DATE_LINE_WORDS:
        return None
    found = find_date(text)
    if not found:
        return None
    date, (start, end) = found
    rest = text[:start] + " " + text[end:]
    while more := find_date(rest):  # "Published: <date> | Updated: <date>"
        rest = rest[: more[1][0]] + " " + rest[more[1][1] :]
    rest = patterns().leftover.sub(" ", rest)
    if len(regex.findall(r"\p{L}{2,}", rest)) > 2:
        return None
    return date


SEGMENTS = regex.compile(r"\s+[|•·]\s+")


@lru_cache(maxsize=1 << 16)  # pure in the text; called for every line in every pass
def dateline(text: str) -> str | None:
    """The date of a line of article facts: a date among short parts split by "|" or "·"
    ("March 3, 2021 | categories: Python | 4 comments")."""
    if len(text.split()) > MAX_DATE_LINE_WORDS:
        return None
    parts = SEGMENTS.split(text)
    if len(parts) < 2 or any(len(part.split()) > 6 for part in parts):
        return None
    found = find_date(text)
    return found[0] if found else None


@lru_cache(maxsize=1 << 16)  # pure in the text; called for every line in every pass
def byline(text: str) -> tuple[str, str | None] | None:
    """The author of a byline, and the date if the line gives one too."""
    if len(text.split()) > 20:
        return None
    m = patterns().byline.match(text)
    if not m:
        return None
    name = m.group("name").strip(" ,")
    if len(name) < 3:
        return None
    found = find_date(m.group("rest"))
    return name, found[0] if found else None
