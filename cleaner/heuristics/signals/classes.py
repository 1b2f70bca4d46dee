"""Classes: the jusText-style class of each line (good, neargood, short, bad; cleaner.heuristics.body)
from its shape, stop words and labels, and the same smoothed by its neighbours."""

from __future__ import annotations

from cleaner.heuristics import body, meta
from cleaner.heuristics.signals.base import Page, Signal
from cleaner.heuristics.signals.phrases import LABELLED
from cleaner.heuristics.signals.repeats import REPEATED
from cleaner.heuristics.signals.shape import LINES, TEXT, TRUNCATED

FAMILY = "classes"


def _weak(page: Page) -> list[bool]:
    # date_line (cached) mapped in C over every line: the metadata step reads it for every line too
    rows = zip(page[REPEATED], page[TRUNCATED], map(meta.date_line, page[TEXT]), strict=True)
    return [again or truncated or date is not None for again, truncated, date in rows]


def _shape_class(page: Page) -> list[str]:
    return [body.classify(info, False) for info in page[LINES]]


def _class(page: Page) -> list[str]:
    rows = zip(page[SHAPE_CLASS], page[LABELLED], page[WEAK], strict=True)
    return [body.BAD if hard or weak else c for c, hard, weak in rows]


def _labelled_class(page: Page) -> list[str]:
    return [body.BAD if hard else c for c, hard in zip(page[SHAPE_CLASS], page[LABELLED], strict=True)]


def _smoothed(page: Page) -> list[str]:
    return body.smooth(page[LABELLED_CLASS])


SHAPE_CLASS = Signal(
    "shape-class",
    FAMILY,
    "the line's class from its length, stop words and sentence end alone: what the two below start from",
    _shape_class,
)
WEAK = Signal(
    "weak",
    FAMILY,
    "a weak sign of boilerplate, which counts against the body region but removes nothing by itself: "
    'repeated, cut off with "...", or a date line (meta.date_line; a teaser list carries one per item)',
    _weak,
)
CLASS = Signal(
    "class",
    FAMILY,
    "the line's class on its own, bad if labelled or weak: what the densest body region is chosen on",
    _class,
)
LABELLED_CLASS = Signal(
    "labelled-class",
    FAMILY,
    "the line's class on its own, bad only if labelled: inside the body region, weak signs do not count",
    _labelled_class,
)
SMOOTHED = Signal(
    "smoothed",
    FAMILY,
    "labelled-class after jusText's smoothing over the whole page: short and neargood lines take "
    "the class of their neighbours",
    _smoothed,
)
SIGNALS = (WEAK, SHAPE_CLASS, CLASS, LABELLED_CLASS, SMOOTHED)
