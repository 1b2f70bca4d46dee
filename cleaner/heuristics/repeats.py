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
    but a sentence (SENTENCE_WORDS words or more, no list item) whose copies all are list items:
    a summary's bullets ("Key points") repeat the article's sentences, and both copies went
    (attacker trial of stop 56). A menu's labels are no sentences."""
    keys = {i.pos: _key(i.text) for i in infos if i.words <= MAX_WORDS}
    counts = Counter(k for k in keys.values() if k)
    items = Counter(keys[i.pos] for i in infos if i.bullet and i.pos in keys)
    prose = {i.pos for i in infos if not i.bullet and i.sentence and i.words >= SENTENCE_WORDS}
    return {pos for pos, k in keys.items() if k and counts[k] > 1 and (pos not in prose or items[k] < counts[k] - 1)}
