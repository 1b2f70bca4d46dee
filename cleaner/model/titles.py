"""The headline of a text scrape, chosen by a small learned model, or none.

A whole-page scrape prints the headline somewhere above the body, among menus, breadcrumbs,
share bars, bylines and teaser titles that look just like it. Each candidate line (2 to 30
words, not a list item) is scored from its line-model features (cleaner.model.features),
its own shape, where it stands relative to the body, whether it repeats, and how many of its
words the body goes on to use (a headline names what the article is about; a teaser title
or a menu does not). The best candidate is the title when its score clears the threshold;
otherwise the page gets no title, which is better than a boilerplate one.

Trained by `python -m cleaner.model.train_titles` on the corpus's train pages, the label being
the title the HTML path gives for the same page; the parameters live in title_model.json.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

import regex

from cleaner.heuristics.lines import BULLET, more_words
from cleaner.heuristics.signals.shape import capitalised
from cleaner.heuristics.top import not_a_headline
from cleaner.model.features import NAMES as LINE_NAMES
from cleaner.model.predict import LineModel

TITLE_FILE = Path(__file__).with_name("title_model.json")
WORDS = (2, 30)
AHEAD = 40  # lines after a candidate whose words it is compared with
TERM = regex.compile(r"\p{L}{4,}|\p{N}{2,}|[\p{Han}\p{Hiragana}\p{Katakana}]")
# A term's first STEM letters stand for its word forms ("reported", "reports"; a German or
# Polish noun's cases): host-grouped folds on train, right 0.801 -> 0.803, wrong 0.082 -> 0.078
# (html-text scrapes), 0.669 -> 0.673 and 0.158 -> 0.144 (inscriptis) at threshold 0.30
STEM = 6
SEPARATOR = regex.compile(r"\s[|·•»›/–—-]\s")

OWN = (
    "t_index",
    "t_rel_index",
    "t_rank",
    "t_words",
    "t_titlecase",
    "t_sentence_end",
    "t_colon_end",
    "t_separator",
    "t_repeats",
    "t_inside_other",
    "t_terms_ahead",
    "t_terms_count",
    "t_next_words",
    "t_next3_max_words",
    "t_prev_words",
    "t_body_gap",
    "t_terms_body",
)
NAMES = (*LINE_NAMES, *OWN)


@lru_cache(maxsize=1 << 16)  # a page's lines, read again on each pass of the stage
def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> int:
    return len(text.split())


# A breadcrumb trail: "City Guide » Food » Restaurants", "Home > News > Local". No headline
# of the corpus's gold has two such separators; a trail was the title of 6 train pages
# whose scrape has no <title> line (titles.py --drop-title-line)
TRAIL = regex.compile(r"\s[»›>]\s.*\s[»›>]\s")


def candidates(texts: list[str]) -> list[int]:
    """Indexes (into the page's non-blank lines) that could be the headline."""
    low, high = WORDS
    return [
        n
        for n, t in enumerate(texts)
        if low <= _words(t) <= high and not BULLET.match(t.lstrip()) and not TRAIL.search(t)
    ]


def _repeats(texts: list[str]) -> Counter[str]:
    """How often each line (normalised) comes in the page, of the lines a candidate could
    equal: a line of more words than a candidate has is never split and normalised whole."""
    return Counter(_norm(t) for t in texts if not more_words(t, WORDS[1]))


# The head of a page: where the headline sits, above the body and a little into it
HEAD_LINES = 300
BODY_WORDS = 12  # the first line classed good with this many words starts the body


def _body_start(texts: list[str], rows: Any) -> int:
    """The first line that reads as body prose: where the headline should sit above."""
    good = rows[:, LINE_NAMES.index("class_good")].tolist()
    return next((n for n, g in enumerate(good) if g and more_words(texts[n], BODY_WORDS - 1)), len(texts))


def _head_end(body_start: int) -> int:
    # at most HEAD_LINES: a page with no prose line is no reason to compare every pair
    return min(max(body_start, 1) + 30, HEAD_LINES)


def head_end(texts: list[str], rows: Any) -> int:
    """Where the page's head, in which the headline is looked for, ends."""
    import numpy as np

    return _head_end(_body_start(texts, np.asarray(rows, dtype=float)))


def title_rows(texts: list[str], rows: Any, cands: list[int], counts: Counter[str] | None = None) -> Any:
    """A feature row (NAMES order) per candidate. `texts`: the page's non-blank lines,
    stripped; `rows`: their line-model features (page_features' matrix); `counts`:
    _repeats(texts), when the caller has it. The candidates are in the page's head: only
    the lines up to AHEAD after the head are read whole (normalised, their words counted)."""
    import numpy as np

    rows = np.asarray(rows, dtype=float)
    counts = _repeats(texts) if counts is None else counts
    body_start = _body_start(texts, rows)
    end = _head_end(body_start)
    norm = list(map(_norm, texts[: end + AHEAD]))
    head = norm[:end]
    # whether another line of the head contains a candidate: one substring count over the
    # joined head (in C) against the lines equal to it, not a scan of every pair
    head_text = "\n".join(head)
    equal: dict[str, int] = {}
    for t in head:
        equal[t] = equal.get(t, 0) + 1
    # the lines after a candidate, joined, are a stretch of the page joined once: each term
    # is looked for in that stretch, not in a string joined again per candidate
    page_text = " ".join(norm)
    starts = list(accumulate((len(t) + 1 for t in norm), initial=0))  # line n at starts[n]
    # the words of the page's prose (lines classed good): a headline names what the body
    # says, a menu or a teaser of another article does not
    good = rows[:, LINE_NAMES.index("class_good")].tolist()
    body_terms = {m.casefold()[:STEM] for t, g in zip(texts, good, strict=True) if g for m in TERM.findall(t)}
    out = []
    for rank, n in enumerate(cands):
        text = texts[n]
        tokens = text.split()
        terms = {m.casefold()[:STEM] for m in TERM.findall(text)}
        lo, hi = starts[n + 1], starts[min(n + 1 + AHEAD, len(norm))] - 1  # the separator after excluded
        found = sum(1 for term in terms if page_text.find(term, lo, hi) >= 0)
        inside = n < len(head) and head_text.count(norm[n]) > equal[norm[n]]
        after = list(map(_words, texts[n + 1 : n + 4]))
        own = [
            math.log1p(n),
            n / len(texts),
            math.log1p(rank),
            float(len(tokens)),
            capitalised(tokens) / len(tokens),
            float(text.rstrip()[-1:] in ".!?…"),
            float(text.rstrip().endswith(":")),
            float(bool(SEPARATOR.search(text))),
            float(counts[norm[n]] - 1),
            float(inside),
            found / len(terms) if terms else 0.0,
            float(len(terms)),
            float(after[0]) if after else 0.0,
            float(max(after, default=0)),
            float(_words(texts[n - 1])) if n else 0.0,
            math.log1p(abs(body_start - n)) * (1 if n < body_start else -1),
            len(terms & body_terms) / len(terms) if terms else 0.0,
        ]
        out.append(own)
    return np.concatenate([rows[cands], np.array(out, dtype=float).reshape(len(cands), -1)], axis=1)


def choose(
    texts: list[str], rows: Any, model: LineModel | None = None, before: int | None = None
) -> tuple[int, float] | None:
    """(index of the headline among `texts`, its score), or None when no line is likely enough.
    `before`: only the lines above this one are candidates."""
    model = model or load()
    import numpy as np

    rows = np.asarray(rows, dtype=float)
    # a headline sits in the page's head: the candidates below it are not scored (nor learned)
    cands = candidates(texts[: head_end(texts, rows)])
    # a line repeated as half the page or more is the page's text, not its headline (a text
    # of one sentence over and over would go whole as the title and its repeats)
    counts = _repeats(texts)
    cands = [n for n in cands if counts[_norm(texts[n])] * 2 <= len(texts)]
    if before is not None:  # later candidates out: the others keep their ranks, so their rows
        cands = [n for n in cands if n < before]
    if not cands:
        return None
    probs = model.probabilities(title_rows(texts, rows, cands, counts))
    # scored with the others (their ranks as the model learned them), never chosen
    probs = [0.0 if not_a_headline(texts[n]) else p for n, p in zip(cands, probs, strict=True)]
    best = max(range(len(cands)), key=probs.__getitem__)
    if probs[best] < model.threshold:
        return None
    return _headline_beside(texts, cands[best]), probs[best]


TITLE_LINES = 3  # where a scrape prints the page's <title> ("Headline - Site"): its first lines
# The masthead stands right under it: a headline chosen further down with the site's name
# printed below it (a sidebar's "Ed Brill", "Redfin Blog") is the headline (dragnet:train)
MASTHEAD_LINES = 3
PARTS = regex.compile(r"\s[|·•»›/–—-]\s|:\s")


def _headline_beside(texts: list[str], at: int) -> int:
    """`at`, or the line of the headline when the line at `at` is the site's name: one part of
    the page's <title> printed at its top ("Headline - The BLT: The Blog of Legal Times"), the
    other part printed as a line of its own below (dragnet:train: the masthead "The BLT: The
    Blog of Legal Times" was the title of 10 of the site's pages; "EDDIE ROSS", "The
    Fischbowl"). On the 2,191 real text documents 12 titles change, each to the headline;
    titles matching the HTML path's: dragnet:train 81.6% -> 82.4%, dragnet:val 78.7% -> 79.4%."""
    if not 1 <= at < MASTHEAD_LINES:
        return at
    name = _norm(texts[at])
    for n in range(min(at, TITLE_LINES)):  # the <title> line above it
        if name not in _norm(texts[n]):
            continue
        line = _norm(texts[n])
        for m in PARTS.finditer(line):
            before, after = line[: m.start()].strip(), line[m.end() :].strip()
            other = after if before == name else before if after == name else None
            if other:
                # printed below it: the masthead is above the headline, not under it; and not
                # inside other lines: a site's name is ("I Geek for Creativity on Facebook")
                found = next((k for k in range(at + 1, len(texts)) if _norm(texts[k]) == other), None)
                if found is not None and _inside_lines(texts, other, n) <= 1:
                    return found
    return at


def _inside_lines(texts: list[str], part: str, title_line: int) -> int:
    """How many lines but the <title> line hold `part` and more."""
    return sum(1 for k, t in enumerate(texts) if k != title_line and part in (line := _norm(t)) and line != part)


@lru_cache(maxsize=1)
def load(path: Path = TITLE_FILE) -> LineModel:
    return LineModel(json.loads(path.read_text(encoding="utf-8")))
