"""Repetition: short lines the page prints more than once."""

from __future__ import annotations

from cleaner.heuristics.repeats import repeated
from cleaner.heuristics.signals.base import Page, Signal
from cleaner.heuristics.signals.shape import LINES

FAMILY = "repeats"


def _repeated(page: Page) -> list[bool]:
    infos = page[LINES]
    again = repeated(infos)
    return [info.pos in again for info in infos]


REPEATED = Signal(
    "repeated",
    FAMILY,
    "a short line (up to 25 words) whose text comes again in the page: menus, teasers, labels",
    _repeated,
)
SIGNALS = (REPEATED,)
