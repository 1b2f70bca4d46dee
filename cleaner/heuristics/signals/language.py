"""Language: stop-word density per line, in the language of the data files that gives the most."""

from __future__ import annotations

from cleaner.heuristics.signals.base import Page, Signal
from cleaner.heuristics.signals.shape import LINES

FAMILY = "language"


def _stop(page: Page) -> list[float]:
    return [info.stop for info in page[LINES]]


STOP = Signal(
    "stop",
    FAMILY,
    "share of the words that are stop words (of the line's best-matching language; 0 for a line under "
    "40 characters, 0.4 for CJK): prose has many, menus and labels few (jusText)",
    _stop,
)
SIGNALS = (STOP,)
