"""The main body: jusText-style line classes, smoothed by their neighbours, and the
densest region of body text with the header and footer zones around it.

Classes (after jusText, Pomikálek 2011): "good" is prose (long, many stop words),
"neargood" might be, "short" cannot be told on its own, "bad" is boilerplate.
Smoothing gives "short" and "neargood" lines the class of their surroundings, so a
heading between two paragraphs stays and a short line inside a menu goes.
"""

from __future__ import annotations

from typing import NamedTuple

from cleaner.heuristics.lines import LineInfo

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"


class Tuning(NamedTuple):
    """Thresholds, tuned on the dev set with benchmarks/devset_text.py (jusText's own
    defaults are 70/200 characters and 0.30/0.32 stop-word density)."""

    length_low: int = 50  # below: "short"
    length_high: int = 200  # above, with enough stop words: "good" even if not a sentence
    stop_low: float = 0.22  # below: not prose
    stop_high: float = 0.30  # at or above: prose
    sentence_words: int = 10  # a sentence this long with stop_low density counts as good
    bad_cost: int = 10  # what a boilerplate line costs the body region, in characters
    short_cost: int = 3  # what an undecided short line costs
    good_cap: int = 600  # one long line should not drag the region far on its own
    neargood_gain: float = 0.5  # share of a neargood line's characters the region gains


TUNING = Tuning()


def classify(info: LineInfo, hard_bad: bool, t: Tuning | None = None) -> str:
    """The context-free class of one line."""
    t = t or TUNING
    if hard_bad:
        return BAD
    if info.chars < t.length_low:
        return SHORT
    if info.stop >= t.stop_high:
        return GOOD if info.chars >= t.length_high or info.sentence else NEARGOOD
    if info.stop >= t.stop_low:
        return GOOD if info.sentence and info.words >= t.sentence_words else NEARGOOD
    return NEARGOOD if info.sentence else BAD


def _neighbours(classes: list[str], ignore_neargood: bool, edge: str) -> tuple[list[str], list[str]]:
    """For each line, the class of the nearest decided line before and after it (linear
    time); beyond the edges the class is `edge`."""
    decided = (GOOD, BAD) if ignore_neargood else (GOOD, BAD, NEARGOOD)
    before, after = [edge] * len(classes), [edge] * len(classes)
    last = edge
    for i, c in enumerate(classes):
        before[i] = last
        if c in decided:
            last = c
    last = edge
    for i in range(len(classes) - 1, -1, -1):
        after[i] = last
        if classes[i] in decided:
            last = classes[i]
    return before, after


def smooth(classes: list[str], edge: str = BAD) -> list[str]:
    """jusText's context-sensitive pass: short and neargood lines take their neighbours' class.

    `edge` is the class beyond both ends: boilerplate for a whole page (jusText), body
    text for the inside of the body region.
    """
    out = list(classes)
    prev, nxt = _neighbours(classes, True, edge)
    prev_any, next_any = _neighbours(classes, False, edge)
    for i, c in enumerate(classes):
        if c != SHORT:
            continue
        if prev[i] == nxt[i] == GOOD:
            out[i] = GOOD
        elif prev[i] == nxt[i] == BAD:
            out[i] = BAD
        elif (prev[i] == BAD and prev_any[i] == NEARGOOD) or (nxt[i] == BAD and next_any[i] == NEARGOOD):
            out[i] = GOOD
        else:
            out[i] = BAD
    # Neargood lines look at the short lines' new classes, as in jusText.
    prev, nxt = _neighbours(out, True, edge)
    for i, c in enumerate(classes):
        if c == NEARGOOD:
            out[i] = BAD if prev[i] == nxt[i] == BAD else GOOD
    return out


def densest_region(infos: list[LineInfo], classes: list[str], t: Tuning | None = None) -> tuple[int, int] | None:
    """[first, last] line index of the region with the most body text net of boilerplate
    (maximum-sum segment, linear time); None if the page has no body text at all."""
    t = t or TUNING
    best: float = 0
    best_span: tuple[int, int] | None = None
    run: float = 0
    start = 0
    for i, (info, c) in enumerate(zip(infos, classes, strict=True)):
        w: float
        if c == GOOD:
            w = min(info.chars, t.good_cap)
        elif c == NEARGOOD:
            w = min(info.chars, t.good_cap) * t.neargood_gain
        elif c == BAD:
            w = -t.bad_cost
        else:
            w = -t.short_cost
        if run <= 0:
            run, start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (start, i)
    return best_span
