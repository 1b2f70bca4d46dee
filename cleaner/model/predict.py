"""The shipped line model: scores from stored parameters, and a Viterbi pass over the page.

Inference needs no training library: a logistic regression is a dot product over the
standardised features; boosted trees are walked with numpy, all trees and lines at once,
one tree level per step (a page's 300 lines through 200 trees in about a millisecond; a
walk in Python took 50 times longer, more than the rest of the cleaning). The parameters
live in cleaner/model/line_model.json, written by `python -m cleaner.model.train`.
"""

from __future__ import annotations

import json
import math
import operator
from functools import lru_cache
from pathlib import Path
from typing import Any

from cleaner.model.words import Vocabulary

MODEL_FILE = Path(__file__).with_name("line_model.json")
# The line model with the words' vote (cleaner.model.words): it decides the pages whose words
# its vocabulary knows (LineModel.knows), MODEL_FILE's the others
WORDS_FILE = Path(__file__).with_name("line_model_words.json")


class LineModel:
    """P(content) per feature row, and the page's most likely content/boilerplate sequence."""

    def __init__(self, params: dict[str, Any]):
        self.params = params
        self.kind: str = params["kind"]
        self.names: list[str] = params["features"]
        self.threshold: float = params.get("threshold", 0.5)
        self.stay: float = params.get("stay", 0.0)  # 0: no smoothing
        self.prior: float = params.get("prior", 0.5)
        if self.kind == "trees":
            self._trees = _Forest(params["trees"], params["learning_rate"], params["base"], params.get("node_rate"))
        # the words' vote (cleaner.model.words), read after the page's feature columns
        self.vocabulary = Vocabulary(params["words"]) if "words" in params else None
        if self.kind == "logistic":
            # standardising folded into the weights: one dot product per row
            self._w = [w / s for w, s in zip(params["weights"], params["scale"], strict=True)]
            self._b = params["bias"] - sum(w * m for w, m in zip(self._w, params["mean"], strict=True))

    def knows(self, texts: list[str]) -> bool:
        """Whether this model reads the page of these lines: a model with a vocabulary only
        the pages whose words it knows (Vocabulary.knows)."""
        return self.vocabulary is None or self.vocabulary.knows(texts)

    def inputs(self, texts: list[str], rows: Any) -> Any:
        """The rows this model reads: the page's feature rows (features.page_features, a row
        per line of `texts`, the page's non-blank lines), with the words' vote columns after
        them when the model has a vocabulary."""
        if self.vocabulary is None or len(texts) == 0:
            return rows
        import numpy as np

        from cleaner.model.features import word_columns

        return np.hstack([np.asarray(rows, dtype=float), word_columns(self.vocabulary.scores(texts))])

    def margins(self, rows: list[list[float]]) -> list[float]:
        """The raw score (log-odds of content) of each row."""
        if self.kind == "logistic":
            w, b = self._w, self._b
            return [b + sum(map(operator.mul, w, row)) for row in rows]
        return self._trees.margins(rows)

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        return [_sigmoid(m) for m in self.margins(rows)]

    def strongest(self, rows: list[list[float]], top: int = 3) -> list[list[tuple[str, float]]]:
        """Per row, the `top` signals that pushed its score most towards boilerplate, with how
        far (log-odds): the per-feature contributions along each tree's path (Saabas), or
        weight times standardised value for a logistic model. Empty lists if the stored
        parameters cannot tell (a trees file without node values)."""
        import numpy as np

        if len(rows) == 0:
            return []
        if self.kind == "logistic":
            mean = self.params["mean"]
            contrib = np.array([[w * (x - m) for w, x, m in zip(self._w, row, mean, strict=True)] for row in rows])
        elif self._trees.node_rate is None:
            return [[] for _ in rows]
        else:
            contrib = self._trees.contributions(rows)
        # the `top` lowest of each row, ties in feature order (a stable sort), without a
        # Python sort of every row's 100-odd features
        order = np.argsort(contrib, axis=1, kind="stable")[:, :top]
        lowest = np.take_along_axis(contrib, order, axis=1)
        names = self.names
        return [
            [(names[k], round(v, 2)) for k, v in zip(ks, vs, strict=True) if v < 0]
            for ks, vs in zip(order.tolist(), lowest.tolist(), strict=True)
        ]

    def keep(self, rows: list[list[float]]) -> list[bool]:
        return self.decide(self.probabilities(rows))

    def decide(self, probs: list[float], shift: float = 0.0) -> list[bool]:
        """Whether each line is content: the model's probabilities through the Viterbi pass.
        `shift` moves the threshold (up: fewer lines kept)."""
        threshold = min(max(self.threshold + shift, 0.01), 0.99)
        if self.stay <= 0:
            return [q >= threshold for q in probs]
        return viterbi(probs, self.stay, self.prior, threshold)


# Lines walked through the trees at once: a [line, tree] array of 64 x 200 stays in the
# core's cache (256 lines took 1.7x the time per line on the dev pages' rows)
CHUNK = 64


class _Forest:
    """Boosted trees as flat arrays over all their nodes; a leaf's children are itself,
    so every line walks the same number of levels."""

    def __init__(self, trees: list[list[list[Any]]], rate: float, base: float, node_rate: float | None = None):
        import numpy as np

        feature: list[int] = []
        threshold: list[float] = []
        left: list[int] = []
        right: list[int] = []
        value: list[float] = []
        roots = []
        depth = 0
        for f, t, lo, hi, v in trees:
            at = len(feature)
            roots.append(at)
            for n in range(len(f)):
                leaf = lo[n] < 0
                left.append(at + n if leaf else at + lo[n])
                right.append(at + n if leaf else at + hi[n])
            feature += f
            threshold += t
            value += v
            depth = max(depth, _depth(lo, hi))
        left_of, right_of = np.array(left, dtype=np.intp), np.array(right, dtype=np.intp)
        values = np.array(value, dtype=float)
        # The walk holds 2n for node n (`slot`), so that its next step is one gather with no
        # arithmetic but an add: node n's feature and threshold at slots 2n and 2n+1 both, its
        # children's slots at 2n (right) and 2n+1 (left: x <= threshold adds 1). 10% faster.
        self.slot_feature = np.repeat(np.array(feature, dtype=np.intp), 2)
        self.slot_threshold = np.repeat(np.array(threshold, dtype=float), 2)
        self.slot_value = np.repeat(values, 2)
        self.slot_child = np.stack([2 * right_of, 2 * left_of], axis=1).ravel()
        self.slot_roots = 2 * np.array(roots, dtype=np.intp)
        self.depth = depth
        self.rate, self.base = rate, base
        # Inner nodes' values as training left them (leaves carry the learning rate already):
        # scaled alike, a path's steps add up to its leaf, and each step is its split's doing.
        self.node_rate = node_rate
        if node_rate is not None:
            inner = left_of != np.arange(len(left_of))
            self.slot_scaled = np.repeat(np.where(inner, values * node_rate, values), 2)

    def margins(self, rows: list[list[float]]) -> list[float]:
        import numpy as np

        if len(rows) == 0:
            return []
        x = np.asarray(rows, dtype=float)
        # CHUNK lines at a time: the [line, tree] arrays stay in cache and memory stays flat
        return np.concatenate([self._margins(x[at : at + CHUNK]) for at in range(0, len(x), CHUNK)]).tolist()

    def _margins(self, x):
        import numpy as np

        flat = x.ravel()
        start = (np.arange(len(x), dtype=np.intp) * x.shape[1])[:, None]  # each line's first feature
        slot = np.broadcast_to(self.slot_roots, (len(x), len(self.slot_roots)))  # [line, tree]
        feature, threshold, child = self.slot_feature, self.slot_threshold, self.slot_child
        for _ in range(self.depth):
            # NaN compares False: it goes right
            slot = child.take(slot + (flat.take(start + feature.take(slot)) <= threshold.take(slot)))
        return self.base + self.rate * self.slot_value.take(slot).sum(axis=1)

    def contributions(self, rows: list[list[float]]) -> Any:
        """Per row and feature, the sum of the value changes at the splits on that feature
        (numpy, [row, feature])."""
        import numpy as np

        x = np.asarray(rows, dtype=float)
        n, width = x.shape
        flat = x.ravel()
        start = (np.arange(n, dtype=np.intp) * width)[:, None]
        out = np.zeros(n * width)
        # the walk of _margins (slots, a gather a step), each step's change of value added
        # to its split's feature: 0 at a leaf, whose child is itself (a third faster than
        # walking nodes with a lookup of each child)
        slot = np.broadcast_to(self.slot_roots, (n, len(self.slot_roots)))
        before = self.slot_scaled.take(slot)
        for _ in range(self.depth):
            at = start + self.slot_feature.take(slot)
            slot = self.slot_child.take(slot + (flat.take(at) <= self.slot_threshold.take(slot)))
            after = self.slot_scaled.take(slot)
            np.add.at(out, at.ravel(), (self.rate * (after - before)).ravel())
            before = after
        return out.reshape(n, width)


def _depth(left: list[int], right: list[int]) -> int:
    deepest, stack = 0, [(0, 0)]
    while stack:
        node, d = stack.pop()
        if left[node] < 0:
            deepest = max(deepest, d)
        else:
            stack += [(left[node], d + 1), (right[node], d + 1)]
    return deepest


def viterbi(probs: list[float], stay: float, prior: float, threshold: float = 0.5) -> list[bool]:
    """The most likely content/boilerplate sequence of a two-state chain that stays in its
    state with probability `stay`: a lone line that the model barely doubts takes its
    neighbours' state, a clear one keeps its own. Emissions are the model's posteriors over
    the training prior (a scaled likelihood); `threshold` shifts the content prior so that
    without smoothing the decision is `p >= threshold`."""
    if not probs:
        return []
    eps = 1e-6
    shift = math.log(threshold / (1 - threshold))
    move = math.log(1 - stay + eps)
    keep = math.log(stay + eps)
    # log-odds of content per line, net of the training prior and the threshold
    lo = [math.log(p + eps) - math.log(1 - p + eps) - math.log(prior / (1 - prior)) - shift for p in probs]
    # state 1 = content; emission of state 0 taken as 0, of state 1 as the log-odds
    score = [0.0, lo[0]]
    back: list[tuple[int, int]] = []
    for x in lo[1:]:
        from0 = (score[0] + keep, score[1] + move)
        from1 = (score[0] + move, score[1] + keep)
        b0 = 0 if from0[0] >= from0[1] else 1
        b1 = 0 if from1[0] > from1[1] else 1
        back.append((b0, b1))
        score = [from0[b0], from1[b1] + x]
    state = 1 if score[1] >= score[0] else 0
    path = [state]
    for b in reversed(back):
        state = b[state]
        path.append(state)
    return [s == 1 for s in reversed(path)]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    e = math.exp(x)
    return e / (1 + e)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_FILE) -> LineModel:
    return LineModel(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def load_words(path: Path = WORDS_FILE) -> LineModel:
    return LineModel(json.loads(path.read_text(encoding="utf-8")))
