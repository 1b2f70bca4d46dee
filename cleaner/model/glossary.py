"""The line model's signal names in words, for the removal records a user reads (`why` in
JSON `removed` and `cleaner explain`). A new-user trial (stop 36) read "class_good~3 -1.21"
as jargon: the record now says "good-text lines within 3 lines (class_good~3) -1.21".

A name is a line signal (cleaner.model.features.LINE, PAGE), optionally of the neighbours:
`@-1` the line before, `@+2` two lines after, `~3` the lines within 3 lines (their mean).
"""

from __future__ import annotations

import re
from functools import lru_cache

BASE = {
    "log_words": "length in words",
    "log_chars": "length in characters",
    "stop": "stop-word share",
    "sentence": "reads as a sentence",
    "bullet": "a list bullet",
    "punct": "punctuation share",
    "digits": "digit share",
    "capitalised": "capitalised words",
    "lower_only": "lower case only",
    "pipe": "a | separator",
    "colon_end": "ends in a colon",
    "truncated": "ends cut off",
    "blank_before": "a blank line before",
    "blank_after": "a blank line after",
    "repeated": "printed more than once",
    "date_line": "a date line",
    "byline": "a byline",
    "dateline": "a dateline",
    "labelled": "a boilerplate phrase",
    "smoothed_good": "good text around",
    "dropped": "dropped by the heuristics",
    "rel_line": "place in the page",
    "rel_chars": "place in the page's text",
    "good_before": "good text before",
    "good_after": "good text after",
    "in_region": "inside the body's region",
    "region_distance": "distance from the body's region",
    "log_lines": "the page's length",
    "good_share": "the page's share of good text",
    "words": "its words' vote (learned)",
}
PREFIXES = {
    "cat_": "a {} phrase",
    "class_": "{}-text class",
    "verdict_": "the heuristics' {} verdict",
}
CONTEXT = re.compile(r"^(?P<base>.+?)(?:@(?P<offset>[+-]\d+)|~(?P<window>\d+))?$")


@lru_cache(maxsize=256)  # the model's signals: about a hundred names, thousands of records
def describe(name: str) -> str:
    """The signal in words, its name in brackets: "good-text class of the line before (class_good@-1)"."""
    m = CONTEXT.match(name)
    base = m["base"] if m else name
    words = BASE.get(base)
    if words is None:
        prefix = next((p for p in PREFIXES if base.startswith(p)), None)
        words = PREFIXES[prefix].format(base[len(prefix) :]) if prefix else base
    if m and m["offset"]:
        n = int(m["offset"])
        where = {-1: "the line before", 1: "the line after"}.get(n) or (
            f"{-n} lines before" if n < 0 else f"{n} lines after"
        )
        words = f"{words}, {where}"
    elif m and m["window"]:
        words = f"{words}, the lines within {m['window']}"
    return f"{words} ({name})"
