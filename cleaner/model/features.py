"""Per-line features for the line model, computed over a whole page in one pass.

Each non-blank line gets the signals the heuristics already read (shape, stop words,
boilerplate phrases, counters, repeats, date and byline shapes, jusText classes, the body
region) plus the heuristics' own verdict on it, its position in the page, and the same
signals of its neighbours: whether a line is boilerplate depends mostly on what is around it.
`NAMES` fixes the order; the trained weights are stored against these names, so a change
here needs a retraining (python -m cleaner.model.train).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

from cleaner.document import Document, Line
from cleaner.heuristics import body
from cleaner.heuristics.apply import passes
from cleaner.heuristics.signals import Page
from cleaner.heuristics.signals.classes import LABELLED_CLASS, SMOOTHED
from cleaner.heuristics.signals.language import STOP
from cleaner.heuristics.signals.meta import BYLINE, DATE_LINE, DATELINE
from cleaner.heuristics.signals.phrases import LABEL, LABELLED
from cleaner.heuristics.signals.position import BLANK_AFTER, BLANK_BEFORE
from cleaner.heuristics.signals.repeats import REPEATED
from cleaner.heuristics.signals.shape import BULLET, CHARS, LINES, SENTENCE, TEXT_SHAPE, WORDS

# The label categories the shipped model was trained with, a feature each: part of its
# schema (NAMES), fixed until a retraining. A phrase category added to the data files since
# (cleaner.heuristics.phrases.categories) sets no cat_ feature, only "labelled": the
# generic "other phrase" feature.
CATEGORIES = (
    "share",
    "follow",
    "newsletter",
    "copyright",
    "cookie",
    "related",
    "advertisement",
    "read-more",
    "navigation",
    "comments",
    "author-box",
    "credit",
    "counter",
)
# The heuristics' verdicts by where they come from: position (zones), shape (metadata), phrase.
VERDICTS = ("alt-text", "header", "footer", "boilerplate", "repeated", "byline", "date", "call-to-action", "author-bio")
CLASSES = (body.GOOD, body.NEARGOOD, body.SHORT, body.BAD)

# The shape.TEXT_SHAPE signal's values, in its order.
TEXT_SHAPE_NAMES = ("punct", "digits", "capitalised", "lower_only", "pipe", "colon_end", "truncated")
LINE = (
    "log_words",
    "log_chars",
    "stop",
    "sentence",
    "bullet",
    *TEXT_SHAPE_NAMES,
    "blank_before",
    "blank_after",
    "repeated",
    "date_line",
    "byline",
    "dateline",
    "labelled",
    *(f"cat_{c}" for c in CATEGORIES),
    *(f"class_{c}" for c in CLASSES),
    "smoothed_good",
    "dropped",
    *(f"verdict_{v}" for v in VERDICTS),
)
# Signals copied from the neighbours at each offset, and averaged over windows.
CONTEXT = ("log_words", "stop", "sentence", "bullet", "labelled", "repeated", "class_good", "smoothed_good", "dropped")
OFFSETS = (-2, -1, 1, 2)
WINDOWS = (3, 10)  # half-widths
PAGE = (
    "rel_line",
    "rel_chars",
    "good_before",
    "good_after",
    "in_region",
    "region_distance",
    "log_lines",
    "good_share",
)
NAMES = (
    *LINE,
    *(f"{name}@{o:+d}" for o in OFFSETS for name in CONTEXT),
    *(f"{name}~{w}" for w in WINDOWS for name in CONTEXT),
    *PAGE,
)
INDEX = {name: k for k, name in enumerate(NAMES)}
# The words' vote (cleaner.model.words) of the line, of its neighbours and over windows: a line
# model with a vocabulary reads these after NAMES (the title model reads NAMES alone)
WORD_NAMES = ("words", *(f"words@{o:+d}" for o in OFFSETS), *(f"words~{w}" for w in WINDOWS))


def heuristic_pass(doc: Document) -> tuple[dict[int, str], tuple[str | None, str | None]]:
    """What the heuristics do with the page (all their passes, alt text included; the headline
    the nearest heading-like line, as the model learned it: analyse()'s named_headline off):
    position -> heuristic name of each line it removes, and the (author, date) it finds."""
    verdict: dict[int, str] = {}
    metadata = doc.metadata
    for found, author, date in passes(doc):
        verdict |= found
        metadata = metadata.fill(author=author, date=date)
    return verdict, (metadata.author, metadata.date)


def heuristic_verdict(texts: list[str]) -> dict[int, str]:
    """heuristic_pass on bare lines."""
    return heuristic_pass(Document(lines=tuple(Line(i + 1, t) for i, t in enumerate(texts))))[0]


def page_features(
    lines: Sequence[Line] | Sequence[str], verdict: dict[int, str] | None = None, page: Page | None = None
) -> tuple[list[int], Any]:
    """(positions of the non-blank lines, their feature matrix: a row per such line, a
    column per feature in NAMES order; numpy, float64).
    `verdict`: heuristic_verdict(lines), when the caller has it already; `page`: Page.of(lines),
    when the caller holds it.

    Built a column at a time from the page's signals (cleaner.heuristics.signals); the
    neighbours' columns at once for the page (numpy), not line by line."""
    import numpy as np

    page = page or Page.of(lines)
    if not page:
        return [], np.zeros((0, len(NAMES)))
    if verdict is None:
        verdict = heuristic_verdict(page.texts)
    count = len(page)
    # one matrix, filled a column at a time: a page of 200k lines held each column as a
    # list of floats at once (1 GB), then copied the whole twice
    x = np.empty((count, len(NAMES)))
    for name, values in _line_columns(page, [verdict.get(pos) for pos in page.positions]):
        x[:, INDEX[name]] = values
    context = x[:, [INDEX[name] for name in CONTEXT]].T  # [signal, line]
    k = len(LINE)
    _around(context, x[:, k : k + len(CONTEXT) * (len(OFFSETS) + len(WINDOWS))])
    k += len(CONTEXT) * (len(OFFSETS) + len(WINDOWS))
    for column in _page_columns(page):
        x[:, k] = column
        k += 1
    return page.positions, x


def _around(context: Any, out: Any) -> None:
    """Into `out` ([line, column]): each signal of `context` ([signal, line]) at each of
    OFFSETS (the value of the line o lines away; 0 past the page's edges), then its mean over
    each of WINDOWS, the columns in that order, signals within each."""
    import numpy as np

    signals, count = context.shape
    k = 0
    for o in OFFSETS:
        block = out[:, k : k + signals]
        block[:] = 0.0
        if o > 0:
            block[: max(count - o, 0)] = context[:, o:].T
        else:
            block[-o:] = context[:, : max(count + o, 0)].T
        k += signals
    # window means from prefix sums (cumsum adds in order, as a loop would)
    sums = np.concatenate([np.zeros((signals, 1)), np.cumsum(context, axis=1)], axis=1)
    n = np.arange(count)
    for w in WINDOWS:
        lo, hi = np.maximum(n - w, 0), np.minimum(n + w + 1, count)
        out[:, k : k + signals] = ((sums[:, hi] - sums[:, lo]) / (hi - lo)).T
        k += signals


def word_columns(scores: Sequence[float]) -> Any:
    """The WORD_NAMES columns ([line, column], numpy) of a page from its lines' word scores
    (cleaner.model.words), in page order."""
    import numpy as np

    values = np.asarray(scores, dtype=float).reshape(1, -1)
    out = np.empty((values.shape[1], len(WORD_NAMES)))
    out[:, 0] = values[0]
    _around(values, out[:, 1:])
    return out


def _line_columns(page: Page, dropped: list[str | None]) -> Iterator[tuple[str, Any]]:
    """The LINE features, a column each (name, values), one at a time. Booleans are stored
    as 1.0 and 0.0 by the matrix they are written into."""
    import numpy as np

    yield "log_words", list(map(math.log1p, page[WORDS]))
    yield "log_chars", list(map(math.log1p, page[CHARS]))
    yield "stop", page[STOP]
    yield "sentence", page[SENTENCE]
    yield "bullet", page[BULLET]
    shapes = np.array(page[TEXT_SHAPE], dtype=float).reshape(len(page), len(TEXT_SHAPE_NAMES))
    for k, name in enumerate(TEXT_SHAPE_NAMES):
        yield name, shapes[:, k]
    yield "blank_before", page[BLANK_BEFORE]
    yield "blank_after", page[BLANK_AFTER]
    yield "repeated", page[REPEATED]
    yield "date_line", [d is not None for d in page[DATE_LINE]]
    yield "byline", [b is not None for b in page[BYLINE]]
    yield "dateline", [d is not None for d in page[DATELINE]]
    yield "labelled", page[LABELLED]
    yield from _one_hot("cat_", CATEGORIES, page[LABEL])
    yield from _one_hot("class_", CLASSES, page[LABELLED_CLASS])
    yield "smoothed_good", [s == body.GOOD for s in page[SMOOTHED]]
    yield "dropped", [d is not None for d in dropped]
    yield from _one_hot("verdict_", VERDICTS, dropped)


def _one_hot(prefix: str, names: Sequence[str], values: Sequence[Any]) -> Iterator[tuple[str, Any]]:
    """A column per name, whether the line's value is that name: the values coded once, each
    column one comparison over the page (numpy), not a pass in Python per name."""
    import numpy as np

    code: dict[Any, int] = {name: k for k, name in enumerate(names)}
    codes = np.fromiter((code.get(v, -1) for v in values), dtype=np.intp, count=len(values))
    for k, name in enumerate(names):
        yield f"{prefix}{name}", codes == k


def _page_columns(page: Page) -> list[Any]:
    """The PAGE features, a column each: where the line is in the page and its body.
    Sums in integers (numpy int64, exact), each divided once, as a loop adding up would."""
    import numpy as np

    chars = np.array(page[CHARS], dtype=np.int64)
    good = np.array([cls == body.GOOD for cls in page[LABELLED_CLASS]], dtype=bool)
    count = len(page)
    region = body.densest_region(page[LINES], page[LABELLED_CLASS])
    first, last = region if region else (count, -1)
    good_chars = np.where(good, chars, 0)
    good_total = int(good_chars.sum()) or 1
    chars_total = int(chars.sum()) or 1
    good_seen = np.cumsum(good_chars) - good_chars  # before each line
    chars_seen = np.cumsum(chars) - chars
    n = np.arange(count)
    in_region = (first <= n) & (n <= last)
    gap = np.where(in_region, 0, np.where(n < first, first - n, n - last)).tolist()
    return [
        n / count,
        chars_seen / chars_total,
        good_seen / good_total,
        (good_total - good_seen - good_chars) / good_total,
        in_region,
        [math.log1p(d) * (-1 if k < first else 1) for k, d in enumerate(gap)],
        [math.log1p(count)] * count,
        [int(good.sum()) / count] * count,
    ]
