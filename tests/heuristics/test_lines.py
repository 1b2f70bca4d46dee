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


def test_list_runs_count_items_whose_numbers_count_up():
    from cleaner.heuristics.lines import list_runs

    texts = ["Intro.", "1. one", "2) two", "3. three", "Menu", "4. four", "1. a", "2. b", "10. x"]
    assert list_runs(texts) == [0, 3, 3, 3, 0, 1, 2, 2, 1]
    assert list_runs([]) == []
