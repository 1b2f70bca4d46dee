"""The `date` field as ISO 8601: the date, or date and time when the page prints one.

Every source of a date comes through iso_date(): profile rules give the date as the page
prints it ("April 21, 2024"), htmldate and the byline heuristics give ISO already. The
reading is dateparser's, set so that nothing is ever filled in from the day the cleaner
runs: a date without a year ("Mar 3" on a Wix page), a relative one ("2 hours ago") or
one dateparser cannot read gives None and the reason, so that the output never depends
on when it was made.

dateparser takes a tenth of a second to import, so it is imported only when a date is not
already ISO or a plain English "April 21, 2024" / "21 April 2024", which are read here
with the same result (tests/test_dates.py checks them against dateparser).

>>> iso_date("April 21, 2024")
('2024-04-21', None)
>>> iso_date("Mar 3")
(None, 'no year')
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

# Never fill a missing part from today; keep a printed offset (dateparser returns an aware
# datetime only when the text names a zone, so no zone printed never means the machine's);
# no relative dates ("2 hours ago", "yesterday") and no Unix timestamps.
SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "PARSERS": ["custom-formats", "absolute-time"],
    "RETURN_TIME_AS_PERIOD": True,  # period "time" when the text gives a time of day
}

ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?)?")
FULL_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTHS = {name: n for n, full in enumerate(FULL_MONTHS, 1) for name in (full, full[:3])}


@lru_cache(maxsize=1)
def english() -> tuple[re.Pattern[str], ...]:
    """English dates, "April 21, 2024" and "21 April 2024", full or short month names (compiled when first
    needed: a few milliseconds, and ISO dates need none)."""
    month, day = "|".join(MONTHS), r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    return (
        re.compile(rf"(?P<month>{month})\.? {day},? (?P<year>\d{{4}})", re.I),
        re.compile(rf"{day} (?P<month>{month})\.?,? (?P<year>\d{{4}})", re.I),
    )


def languages() -> list[str]:
    """The languages the cleaner has data for (cleaner/heuristics/data/<code>.toml), English
    first: dateparser tries them in order, and a numeric date reads as the first one does."""
    from cleaner.heuristics.language import DATA_DIR

    codes = sorted(p.stem for p in DATA_DIR.glob("*.toml"))
    return sorted(codes, key=lambda code: code != "en")


@lru_cache(maxsize=4)
def _parser(require: tuple[str, ...] = ("day", "month", "year"), relative: bool = False) -> DateDataParser:
    """dateparser with SETTINGS; the looser ones (fewer parts required, relative dates read)
    only tell why a date was dropped."""
    from dateparser.date import DateDataParser

    changes: dict[str, Any] = {"REQUIRE_PARTS": list(require)}
    if relative:
        changes["PARSERS"] = ["relative-time"]
    return DateDataParser(languages=languages(), settings={**SETTINGS, **changes})


def fast_path(text: str) -> str | None:
    """ISO text, and the plain English formats, without dateparser; None when it takes
    dateparser (or is no date)."""
    if ISO.fullmatch(text):
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            return None
        return value.date().isoformat() if len(text) == 10 else value.isoformat(timespec="seconds")
    for pattern in english():
        m = pattern.fullmatch(text)
        if m:
            try:
                return dt.date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"])).isoformat()
            except ValueError:
                return None
    return None


def with_dateparser(text: str) -> str | None:
    """dateparser's reading as ISO 8601: the date alone unless the text gives a time."""
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    if data.period == "time":
        return data.date_obj.isoformat(timespec="seconds")
    return data.date_obj.date().isoformat()


def _why_not(text: str) -> str:
    """Why dateparser gives no date: what a looser reading would have needed to guess."""
    if _parser(("day", "month")).get_date_data(text).date_obj is not None:
        return "no year"
    if _parser((), relative=True).get_date_data(text).date_obj is not None:
        return "relative to the day it is read"
    if _parser(()).get_date_data(text).date_obj is not None:
        return "incomplete: not day, month and year"
    return NO_DATE


NO_DATE = "not a date dateparser can read"


# A date in figures: year first ("2024/03/12", "2024.03.12"), or day and month in some order
# ("12.03.2024", "12/03/2024", "03-12-2024"), the same separator between all three
NUMERIC = re.compile(
    r"(?<![\d.,/-])(?:(?P<year_first>(?:19|20)\d\d)(?P<s1>[./-])(?P<month>[01]?\d)(?P=s1)(?P<day>[0-3]?\d)"
    r"|(?P<first>[0-3]?\d)(?P<s2>[./-])\s?(?P<second>[0-3]?\d)(?P=s2)\s?(?P<year>(?:19|20)?\d\d))(?![\d.,/-]?\d)"
)
EITHER_ORDER = "day and month in either order: only a day past 12 tells which (04/05/2024 is no date)"


# A two-digit year from this one on is the last century's ("31/12/99"), as C's strptime and
# Python's %y read one: fixed, so that the output never depends on the day it is made.
CENTURY_PIVOT = 69


def full_year(yy: int) -> int:
    return 1900 + yy if yy >= CENTURY_PIVOT else 2000 + yy


def _in_words(text: str) -> tuple[str | None, str | None]:
    """`text` with its date in figures written out ("12 March 2024"), as the generic stage
    reads one: dotted day first (12.03.2024, as German, Polish, Russian... pages print it),
    slashed or dashed in the order a day past 12 tells, or None and why. dateparser read them
    in its first language's order: a profile rule's "Filed 12.03.2024" gave December 3 (new-
    user trial of stop 37) where the generic stage read March 12."""
    m = NUMERIC.search(text)
    if m is None:
        return text, None
    if m["year_first"]:
        year, month, day = int(m["year_first"]), int(m["month"]), int(m["day"])
    else:
        year, first, second = int(m["year"]), int(m["first"]), int(m["second"])
        if len(m["year"]) == 2:  # "12.03.24"
            year = full_year(year)
        if m["s2"] == ".":
            day, month = first, second
        elif first == second:  # 12/12/2024 reads the same either way (attacker trial of stop 47)
            day = month = first
        elif (first > 12) == (second > 12):
            return None, EITHER_ORDER
        else:
            day, month = (first, second) if first > 12 else (second, first)
    if not 1 <= month <= 12:
        return None, NO_DATE
    return f"{text[: m.start()]}{day} {FULL_MONTHS[month - 1]} {year}{text[m.end() :]}", None


@lru_cache(maxsize=1024)
def iso_date(printed: str) -> tuple[str | None, str | None]:
    """The printed date as ISO 8601, or None and why not."""
    text = " ".join(printed.split())
    if not text:
        return None, "empty"
    if found := fast_path(text):
        return found, None
    words, why = _in_words(text)
    if words is None:
        return None, why
    found = fast_path(words) or with_dateparser(words)
    if found is None:
        return None, _why_not(words)
    if found[:4] < "1900":  # no web page's ("12.03.0024" gave year 24: third attacker trial of stop 37)
        return None, NO_DATE
    return found, None
