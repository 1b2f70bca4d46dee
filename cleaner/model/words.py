"""The words' vote: how much a line's words and word pairs read as article text or as page
furniture, learned from the corpus's train lines (a logistic regression over which terms the
line holds), as one of the line model's features.

The phrase lists name boilerplate a line is (`heuristics.phrases`); this reads what a line is
made of: "reply", "posted in", "login", "you will" lean to furniture whatever the rest says,
"said", "which", "the" to prose. A term is a lower-cased word (`\\w+`) or two such
words in a row; a line's score is the bias plus the weights of the known terms it holds,
divided by the square root of how many it holds (the training's l2-normalised binary rows).
The vocabulary and weights are written by `python -m cleaner.model.train --words` into
line_model_words.json, beside that model's trees.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

WORD = re.compile(r"\w+")
CACHED_LINES = 1 << 16


def _terms(words: list[str]) -> frozenset[str]:
    return frozenset([*words, *map(" ".join, pairwise(words))])


@lru_cache(maxsize=1 << 16)  # lines recur: in every pass of the stage, and across pages
def terms(text: str) -> frozenset[str]:
    """The line's terms: its lower-cased words and each pair of words in a row."""
    return _terms(WORD.findall(text.lower()))


class Vocabulary:
    """A term -> weight table and a bias: the score of a line's terms."""

    def __init__(self, params: dict[str, Any]):
        self.bias: float = params["bias"]
        self.weights: dict[str, float] = params["weights"]
        self.coverage: float = params.get("coverage", 0.0)
        # lines recur in every pass of the stage; an lru_cache, so benchmarks empty it per round
        self._line = lru_cache(maxsize=CACHED_LINES)(self._read)

    def score(self, text: str) -> float:
        return self._line(text)[0]

    def scores(self, texts: Sequence[str]) -> list[float]:
        return [line[0] for line in map(self._line, texts)]

    def knows(self, texts: Sequence[str]) -> bool:
        """Whether the vocabulary knows `coverage` or more of these lines' words: a vote
        learned from English pages has nothing to say of a page in another language, where
        every line would score the bias alone (dev text: German, Spanish, Polish pages lost
        paragraphs so)."""
        known = total = 0
        for _, k, n in map(self._line, texts):
            known += k
            total += n
        return total > 0 and known >= self.coverage * total

    def _read(self, text: str) -> tuple[float, int, int]:
        """The line's score, how many of its words the vocabulary knows, how many it has: one
        reading of its words for both."""
        words = WORD.findall(text.lower())
        weights = self.weights
        found = [w for w in map(weights.get, _terms(words)) if w is not None]
        # fsum: exact, so the same whatever order the set of terms is walked in
        score = self.bias + math.fsum(found) / math.sqrt(len(found)) if found else self.bias
        return score, sum(map(weights.__contains__, words)), len(words)
