"""Dates and bylines: the shapes of the metadata lines a page prints near the article."""

from __future__ import annotations

from cleaner.heuristics import meta
from cleaner.heuristics.signals.base import Page, Signal
from cleaner.heuristics.signals.shape import TEXT

FAMILY = "meta"


def _date_line(page: Page) -> list[str | None]:
    return [meta.date_line(text) for text in page[TEXT]]


def _byline(page: Page) -> list[tuple[str, str | None] | None]:
    return [meta.byline(text) for text in page[TEXT]]


def _dateline(page: Page) -> list[str | None]:
    return [meta.dateline(text) for text in page[TEXT]]


DATE_LINE = Signal(
    "date-line",
    FAMILY,
    'the date (ISO) of a line that is only a date, perhaps with a label and a time ("Published: 3 March 2021")',
    _date_line,
)
BYLINE = Signal("byline", FAMILY, 'the author (and any date) of a byline ("By Jane Doe | March 3, 2021")', _byline)
DATELINE = Signal(
    "dateline",
    FAMILY,
    'the date of a line of article facts split by "|" or "·" ("March 3, 2021 | Python | 4 comments")',
    _dateline,
)
SIGNALS = (DATE_LINE, BYLINE, DATELINE)
