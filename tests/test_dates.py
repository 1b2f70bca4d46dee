"""The `date` field as ISO 8601 (cleaner.dates): read by dateparser, never filled in from
the day the cleaner runs."""

from __future__ import annotations

import time

import pytest

from cleaner import clean
from cleaner.dates import EITHER_ORDER, MONTHS, english, fast_path, iso_date, with_dateparser

PRINTED = [
    # English
    ("April 21, 2024", "2024-04-21"),
    ("Apr 21, 2024", "2024-04-21"),
    ("Apr. 21, 2024", "2024-04-21"),
    ("April 21st, 2024", "2024-04-21"),
    ("21 April 2024", "2024-04-21"),
    ("Sunday, April 21, 2024", "2024-04-21"),
    ("April 21, 2024 4:45 pm", "2024-04-21T16:45:00"),
    ("April 21, 2024 16:45:30", "2024-04-21T16:45:30"),
    ("April 21, 2024 00:00", "2024-04-21T00:00:00"),  # a printed midnight is a time too
    ("Apr 21, 2024 at 9:30 AM EDT", "2024-04-21T09:30:00-04:00"),
    ("April 21, 2024 16:45 CET", "2024-04-21T16:45:00+01:00"),
    # ISO, as htmldate and the byline heuristics give it
    ("2024-04-21", "2024-04-21"),
    ("2024-04-21T16:45:00", "2024-04-21T16:45:00"),
    ("2024-04-21T16:45:00+02:00", "2024-04-21T16:45:00+02:00"),
    ("2024-04-21T16:45:00Z", "2024-04-21T16:45:00+00:00"),
    ("2024-04-21 16:45", "2024-04-21T16:45:00"),
    # German
    ("21. April 2024", "2024-04-21"),
    ("3. März 2024", "2024-03-03"),
    ("21.04.2024", "2024-04-21"),
    ("21. April 2024 um 16:45 Uhr", "2024-04-21T16:45:00"),
    # French
    ("21 avril 2024", "2024-04-21"),
    ("1er mai 2024", "2024-05-01"),
    ("le 4 mai 2024 à 12h30", "2024-05-04T12:30:00"),
    # Spanish
    ("21 de abril de 2024", "2024-04-21"),
    ("3 de marzo de 2024, 10:15", "2024-03-03T10:15:00"),
    # Portuguese and Polish, the cleaner's other languages
    ("30 de março de 2024", "2024-03-30"),
    ("3 marca 2024", "2024-03-03"),
    # in figures, as the generic stage reads them: dotted day first, slashed or dashed in the
    # order a day past 12 tells (new-user trial of stop 37: a profile rule's "Filed 12.03.2024
    # at 16:40" gave December 3, dateparser reading English's month first)
    ("12.03.2024 at 16:40", "2024-03-12T16:40:00"),
    ("03.05.2024", "2024-05-03"),
    ("12. 03. 2024", "2024-03-12"),
    ("21/04/2024", "2024-04-21"),
    ("04/21/2024, 2:57 pm", "2024-04-21T14:57:00"),
    ("2024/03/12", "2024-03-12"),
    ("2024.03.12", "2024-03-12"),
    ("12.03.24 at 16:40", "2024-03-12T16:40:00"),  # two-digit years: dateparser read them month first
    ("21/04/24", "2024-04-21"),
    ("31.12.99", "1999-12-31"),  # from 69 the last century's, as strptime's %y (second attacker, stop 38)
    ("12/12/2024", "2024-12-12"),  # either order, one date (attacker trial of stop 47)
]

DROPPED = [
    ("Mar 3", "no year"),  # Wix leaves out the current year
    ("3. März", "no year"),
    ("21 avril", "no year"),
    ("2 hours ago", "relative to the day it is read"),
    ("yesterday", "relative to the day it is read"),
    ("vor 2 Stunden", "relative to the day it is read"),
    ("il y a 3 jours", "relative to the day it is read"),
    ("hace 2 días", "relative to the day it is read"),
    ("March 2024", "incomplete: not day, month and year"),
    ("Monday", "incomplete: not day, month and year"),
    ("February 30, 2024", "not a date dateparser can read"),
    ("2024-02-31", "not a date dateparser can read"),
    ("Read more", "not a date dateparser can read"),
    ("1713715200", "not a date dateparser can read"),  # a Unix timestamp is no printed date
    ("   ", "empty"),
    ("12/03/2024", EITHER_ORDER),  # March 12 in one country, December 3 in another
    ("03-12-2024", EITHER_ORDER),
    ("31.13.2024", "not a date dateparser can read"),
    ("12/03/24", EITHER_ORDER),
    ("12.03.0024", "not a date dateparser can read"),  # year 24 (third attacker trial of stop 37)
]


@pytest.mark.parametrize(("printed", "expected"), PRINTED, ids=[p for p, _ in PRINTED])
def test_printed_dates_become_iso(printed: str, expected: str):
    assert iso_date(printed) == (expected, None)


@pytest.mark.parametrize(("printed", "why"), DROPPED, ids=[p.strip() or "blank" for p, _ in DROPPED])
def test_incomplete_relative_and_unreadable_dates_are_none(printed: str, why: str):
    assert iso_date(printed) == (None, why)


FAST = [
    "2024-04-21",
    "1999-12-31",
    "2024-02-29",
    "2024-04-21T16:45:00",
    "2024-04-21T16:45:07+05:30",
    "2024-04-21T16:45:00-04:00",
    "2024-04-21T00:00:00Z",
    *(f"{m.capitalize()} {d}, 2023" for m in MONTHS for d in (1, 9, 28)),
    *(f"{d} {m.capitalize()} 2021" for m in MONTHS for d in (2, 15, 30)),
    "Sep. 5, 2022",
    "june 3rd, 2020",
    "Jan 22nd 2019",
    "1st July 2018",
    "31 Apr 2024",
    "Feb 29, 2023",
]


@pytest.mark.parametrize("text", FAST)
def test_the_fast_path_reads_as_dateparser_does(text: str):
    assert fast_path(text) == with_dateparser(text)


def test_the_fast_path_takes_the_formats_it_claims():
    missing = {"30 February 2021", "30 Feb 2021", "31 Apr 2024", "Feb 29, 2023"}  # days that do not exist
    assert [t for t in FAST if fast_path(t) is None] == [t for t in FAST if t in missing]
    assert all(any(p.fullmatch(t) for p in english()) for t in FAST[7:])


def test_the_result_does_not_depend_on_the_day_or_the_zone(monkeypatch: pytest.MonkeyPatch):
    texts = [p for p, _ in PRINTED + DROPPED]
    before = [iso_date.__wrapped__(t) for t in texts]
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        assert [iso_date.__wrapped__(t) for t in texts] == before
    finally:
        monkeypatch.undo()
        time.tzset()


def test_every_source_of_a_date_is_normalised_in_the_metadata_stage():
    # the byline heuristics give ISO; a profile rule gives the printed text (Wix: no year)
    doc = clean(b"top of page\nHarbour Reopens\n\nMar 3\n\nThe article text is here and long enough to read.\n")
    assert doc.metadata.date is None
    assert doc.meta_notes == (("date", 'printed "Mar 3"; dropped: no year'),)
    doc = clean(b"top of page\nHarbour Reopens\n\nMar 3, 2024\n\nThe article text is here and long enough.\n")
    assert doc.metadata.date == "2024-03-03"
    assert doc.meta_notes == (("date", 'printed "Mar 3, 2024"'),)
