"""Lines printed more than once in a page: menus, teasers and labels, not prose."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from cleaner.heuristics.lines import LineInfo

MAX_WORDS = 25  # a repeated long paragraph is rare and more likely a pull quote
SENTENCE_WORDS = 8


@lru_cache(maxsize=1 << 16)  # the same lines come back in every pass of the stage
def _key(text: str) -> str:
    return " ".join(text.lower().lstrip("*+-•· ").split())


def repeated(infos: list[LineInfo]) -> set[int]:
    """Positions of short lines whose text (ignoring case, spacing and bullets) occurs again;
    but a sentence (SENTENCE_WORDS words or more, no list item) beside a sentence printed once,
    whose copies all are list items: a summary's bullets ("Key points") repeat the article's
    sentences, and both copies went (attacker trial of stop 56). A menu's labels are no sentences."""
    keys = {i.pos: _key(i.text) for i in infos if i.words <= MAX_WORDS}
    counts = Counter(k for k in keys.values() if k)
    items = Counter(keys[i.pos] for i in infos if i.bullet and i.pos in keys)
    prose = [not i.bullet and i.sentence and i.words >= SENTENCE_WORDS for i in infos]
    # and beside a sentence printed once (below it, or above it as the last of the run): the
    # article's own; a teaser list printed as bullets at the top and as lines at the foot has its
    # copies one under the other (second attacker trial of stop 56)
    copies = [counts.get(keys.get(i.pos, ""), 0) for i in infos]
    once = [p and c <= 1 for p, c in zip(prose, copies, strict=True)]
    again = [c > 1 for c in copies]
    own = {
        i.pos
        for n, i in enumerate(infos)
        if prose[n]
        and (
            (n + 1 < len(infos) and once[n + 1])
            or (n > 0 and once[n - 1] and not (n + 1 < len(infos) and again[n + 1]))
        )
    }
    return {pos for pos, k in keys.items() if k and counts[k] > 1 and (pos not in own or items[k] < counts[k] - 1)}
