"""What plain text tells about one line (cleaner.heuristics.lines)."""

from __future__ import annotations

import random

from cleaner.heuristics.lines import more_words


def test_more_words_is_the_word_count_without_splitting_the_whole_line():
    # spaces of every kind str.split knows (no-break, ideographic, tabs, a run of them) and none
    pieces = ["a", "bb", " ", "  ", "\t", "\u00a0", "\u3000", "\u2028", "x.y", "–"]
    rng = random.Random(31)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for n in (0, 1, 2, 8, 14, 20):
            assert more_words(text, n) is (len(text.split()) > n), (text, n)
