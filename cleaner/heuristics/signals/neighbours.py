"""Neighbours: a signal of the lines around each line, at an offset or averaged over a window.
Whether a line is boilerplate depends mostly on what is around it. These turn any numeric
column into another (list in, list out); the line model reads them (cleaner.model.features)."""

from __future__ import annotations

from collections.abc import Sequence


def shifted(column: Sequence[float], offset: int, fill: float = 0.0) -> list[float]:
    """The value of the line `offset` lines away (past the page's edges: `fill`)."""
    count = len(column)
    return [column[m] if 0 <= (m := n + offset) < count else fill for n in range(count)]


def prefix_sums(column: Sequence[float]) -> list[float]:
    """sums[n]: the sum of the first n values."""
    sums = [0.0]
    for value in column:
        sums.append(sums[-1] + value)
    return sums


def window_mean(sums: Sequence[float], half: int) -> list[float]:
    """The mean over the lines within `half` lines (clipped at the page's edges), from the
    column's prefix_sums: linear time."""
    count = len(sums) - 1
    out = []
    for n in range(count):
        lo, hi = max(n - half, 0), min(n + half + 1, count)
        out.append((sums[hi] - sums[lo]) / (hi - lo))
    return out
