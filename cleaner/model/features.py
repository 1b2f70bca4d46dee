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
import re
from collections.abc import Sequence
from functools import lru_cache

from cleaner.document import Document, Line
from cleaner.heuristics import body, boilerplate_label, ends, meta
from cleaner.heuristics.apply import apply
from cleaner.heuristics.lines import LineInfo, describe
from cleaner.heuristics.repeats import repeated

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
TRUNCATED = ("...", "…", "[…]", "[...]")
PUNCT = re.compile(r"[^\w\s]|_")  # \w is isalnum() or "_"

LINE = (
    "log_words",
    "log_chars",
    "stop",
    "sentence",
    "bullet",
    "punct",
    "digits",
    "capitalised",
    "lower_only",
    "pipe",
    "colon_end",
    "truncated",
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


def heuristic_pass(doc: Document) -> tuple[dict[int, str], tuple[str | None, str | None]]:
    """What today's generic stage does with the page (all its passes, alt text included):
    position -> heuristic name of each line it removes, and the (author, date) it finds."""
    done = apply(doc)
    at = {line.no: i for i, line in enumerate(doc.lines)}
    verdict = {
        at[no]: r.rule.removeprefix("heuristic:")
        for r in done.removals[len(doc.removals) :]
        for no in range(r.lines[0], r.lines[1] + 1)
        if no in at
    }
    return verdict, (done.metadata.author, done.metadata.date)


def heuristic_verdict(texts: list[str]) -> dict[int, str]:
    """heuristic_pass on bare lines."""
    return heuristic_pass(Document(lines=tuple(Line(i + 1, t) for i, t in enumerate(texts))))[0]


def page_features(
    lines: Sequence[Line] | Sequence[str], verdict: dict[int, str] | None = None
) -> tuple[list[int], list[list[float]]]:
    """(positions of the non-blank lines, a feature row per such line in NAMES order).
    `verdict`: heuristic_verdict(lines), when the caller has it already."""
    texts = [line if isinstance(line, str) else line.text for line in lines]
    positions = [i for i, t in enumerate(texts) if t.strip()]
    if not positions:
        return [], []
    infos = [describe(i, texts[i]) for i in positions]
    labels: list[str | None] = [boilerplate_label(i.text, i.words) for i in infos]
    ends.label_related_lists(infos, labels)
    again = repeated(infos)
    classes = [body.classify(info, labels[n] is not None) for n, info in enumerate(infos)]
    smoothed = body.smooth(classes)
    if verdict is None:
        verdict = heuristic_verdict(texts)
    region = body.densest_region(infos, classes)
    first, last = region if region else (len(infos), -1)

    rows = [
        _line(infos[n], texts, labels[n], classes[n], smoothed[n], verdict.get(infos[n].pos), again)
        for n in range(len(infos))
    ]
    index = {name: k for k, name in enumerate(LINE)}
    context = [index[name] for name in CONTEXT]
    count = len(rows)
    # Prefix sums over the context signals, for the window averages in linear time.
    sums = [[0.0] * len(context)]
    for row in rows:
        sums.append([s + row[k] for s, k in zip(sums[-1], context, strict=True)])
    good_chars = [info.chars if c == body.GOOD else 0 for info, c in zip(infos, classes, strict=True)]
    good_total = sum(good_chars) or 1
    chars_total = sum(info.chars for info in infos) or 1
    good_seen = chars_seen = 0
    good_share = sum(1 for c in classes if c == body.GOOD) / count
    out = []
    for n, row in enumerate(rows):
        extra: list[float] = []
        for o in OFFSETS:
            m = n + o
            extra += [rows[m][k] for k in context] if 0 <= m < count else [0.0] * len(context)
        for w in WINDOWS:
            lo, hi = max(n - w, 0), min(n + w + 1, count)
            extra += [(b - a) / (hi - lo) for a, b in zip(sums[lo], sums[hi], strict=True)]
        distance = 0 if first <= n <= last else (first - n if n < first else n - last)
        extra += [
            n / count,
            chars_seen / chars_total,
            good_seen / good_total,
            (good_total - good_seen - good_chars[n]) / good_total,
            float(first <= n <= last),
            math.log1p(distance) * (-1 if n < first else 1),
            math.log1p(count),
            good_share,
        ]
        good_seen += good_chars[n]
        chars_seen += infos[n].chars
        out.append(row + extra)
    return positions, out


def _line(
    info: LineInfo,
    texts: list[str],
    label: str | None,
    cls: str,
    smoothed: str,
    dropped: str | None,
    again: set[int],
) -> list[float]:
    pos = info.pos
    blank_before = pos == 0 or not texts[pos - 1].strip()
    blank_after = pos + 1 >= len(texts) or not texts[pos + 1].strip()
    return [
        math.log1p(info.words),
        math.log1p(info.chars),
        info.stop,
        float(info.sentence),
        float(info.bullet),
        *_text_shape(info.text),
        float(blank_before),
        float(blank_after),
        float(pos in again),
        *_meta_shape(info.text),
        float(label is not None),
        *(float(label == c) for c in CATEGORIES),
        *(float(cls == c) for c in CLASSES),
        float(smoothed == body.GOOD),
        float(dropped is not None),
        *(float(dropped == v) for v in VERDICTS),
    ]


@lru_cache(maxsize=1 << 16)  # the same lines come back in every pass of the stage
def _text_shape(text: str) -> tuple[float, ...]:
    chars = max(len(text), 1)
    words = text.split()
    return (
        len(PUNCT.findall(text)) / chars,
        sum(map(str.isdigit, text)) / chars,
        sum(1 for w in words if w[:1].isupper()) / max(len(words), 1),
        float(text.lower() == text and any(c.isalpha() for c in text)),
        float("|" in text),
        float(text.endswith(":")),
        float(text.endswith(TRUNCATED)),
    )


def _meta_shape(text: str) -> tuple[float, ...]:
    return (
        float(meta.date_line(text) is not None),
        float(meta.byline(text) is not None),
        float(meta.dateline(text) is not None),
    )
