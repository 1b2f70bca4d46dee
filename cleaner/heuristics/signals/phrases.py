"""Phrases: lines that name themselves as boilerplate (a phrase category of the data files,
a counter), and the list under a "Related" heading."""

from __future__ import annotations

from cleaner.heuristics import ends
from cleaner.heuristics.phrases import boilerplate_label, toolbar
from cleaner.heuristics.signals.base import Page, Signal
from cleaner.heuristics.signals.shape import LINES

FAMILY = "phrases"


def _label(page: Page) -> list[str | None]:
    infos = page[LINES]
    labels: list[str | None] = [boilerplate_label(info.text, info.words) for info in infos]
    # a toolbar of bare labels, unless the line above introduces it as a list of the article's
    # ("The most popular platforms were, in order:" / "Facebook Twitter Instagram TikTok":
    # attacker trial of stop 40); "Share this:" is a label of its own
    for n, info in enumerate(infos):
        introduced = n and labels[n - 1] is None and infos[n - 1].text.rstrip().endswith(":")
        if labels[n] is None and not introduced and (bar := toolbar(info.text, info.words)):
            labels[n] = bar
    ends.label_related_lists(infos, labels)
    return labels


def _labelled(page: Page) -> list[bool]:
    return [label is not None for label in page[LABEL]]


LABEL = Signal(
    "label",
    FAMILY,
    'the boilerplate a line names itself as: a phrase category of the data files ("share", "cookie", ...) '
    'or "counter", and "related" for the list under a related heading; None for the rest',
    _label,
)
LABELLED = Signal("labelled", FAMILY, "has a label: boilerplate wherever it stands", _labelled)
SIGNALS = (LABEL, LABELLED)
