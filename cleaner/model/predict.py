"""The shipped line model: scores from stored parameters, and a Viterbi pass over the page.

Inference needs no training library: a logistic regression is a dot product over the
standardised features; boosted trees are walked node by node. The parameters live in
cleaner/model/line_model.json, written by `python -m cleaner.model.train`.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_FILE = Path(__file__).with_name("line_model.json")


class LineModel:
    """P(content) per feature row, and the page's most likely content/boilerplate sequence."""

    def __init__(self, params: dict[str, Any]):
        self.params = params
        self.kind: str = params["kind"]
        self.names: list[str] = params["features"]
        self.threshold: float = params.get("threshold", 0.5)
        self.stay: float = params.get("stay", 0.0)  # 0: no smoothing
        self.prior: float = params.get("prior", 0.5)

    def margins(self, rows: list[list[float]]) -> list[float]:
        """The raw score (log-odds of content) of each row."""
        p = self.params
        if self.kind == "logistic":
            w, mean, scale, b = p["weights"], p["mean"], p["scale"], p["bias"]
            return [b + sum(wi * (x - m) / s for wi, x, m, s in zip(w, row, mean, scale, strict=True)) for row in rows]
        trees = p["trees"]
        rate, base = p["learning_rate"], p["base"]
        out = []
        for row in rows:
            total = base
            for feature, threshold, left, right, value in trees:
                node = 0
                while left[node] >= 0:
                    node = left[node] if row[feature[node]] <= threshold[node] else right[node]
                total += rate * value[node]
            out.append(total)
        return out

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        return [_sigmoid(m) for m in self.margins(rows)]

    def keep(self, rows: list[list[float]]) -> list[bool]:
        return self.decide(self.probabilities(rows))

    def decide(self, probs: list[float]) -> list[bool]:
        """Whether each line is content: the model's probabilities through the Viterbi pass."""
        if self.stay <= 0:
            return [q >= self.threshold for q in probs]
        return viterbi(probs, self.stay, self.prior, self.threshold)


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
