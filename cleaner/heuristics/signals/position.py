"""Position: where a line stands in the page's layout."""

from __future__ import annotations

from cleaner.heuristics.signals.base import Page, Signal

FAMILY = "position"


def _blank_before(page: Page) -> list[bool]:
    texts = page.texts
    return [pos == 0 or not texts[pos - 1].strip() for pos in page.positions]


def _blank_after(page: Page) -> list[bool]:
    texts = page.texts
    return [pos + 1 >= len(texts) or not texts[pos + 1].strip() for pos in page.positions]


BLANK_BEFORE = Signal(
    "blank-before",
    FAMILY,
    "a blank line (or the page's start) above: paragraphs stand apart, menus do not",
    _blank_before,
)
BLANK_AFTER = Signal(
    "blank-after", FAMILY, "a blank line (or the page's end) below: paragraphs stand apart, menus do not", _blank_after
)
SIGNALS = (BLANK_BEFORE, BLANK_AFTER)
