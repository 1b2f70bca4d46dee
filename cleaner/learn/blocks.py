"""Blocks printed several times in a row (carousels, promo tables), found the way
drop_repeated removes them, so a learned drop_repeated rule fires where one was found."""

from __future__ import annotations


def repeated_runs(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) position ranges of blocks printed at least twice in full in a row.

    Same walk as cleaner.rules.drop_repeated with a start pattern matching any line:
    a run starts at a line that recurs later, and the lines up to the recurrence must
    follow again in full; the run then extends over every further (even partial) copy.
    Lines are indexed once, so this is linear apart from the copies compared.
    """
    later: dict[str, list[int]] = {}
    for i in range(len(texts) - 1, -1, -1):
        if texts[i]:
            later.setdefault(texts[i], []).append(i)  # descending: the next occurrence is last
    runs, i, n = [], 0, len(texts)
    while i < n:
        text = texts[i]
        positions = later.get(text) if text else None
        while positions and positions[-1] <= i:
            positions.pop()
        if not positions:
            i += 1
            continue
        again = positions[-1]
        unit = texts[i:again]
        if again - i < 2 or texts[again : again + len(unit)] != unit:  # a line twice is not a block
            i += 1
            continue
        end = again
        while end < n and texts[end] == unit[(end - again) % len(unit)]:
            end += 1
        runs.append((i, end))
        i = end
    return runs
