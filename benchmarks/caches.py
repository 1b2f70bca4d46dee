"""Per-item memo caches, emptied between benchmark rounds.

cleaner, trafilatura and htmldate memoise per-line and per-string work (functools
lru_caches of 1,024 entries and more). When a benchmark cleans the same pages in several
rounds, later rounds find those caches full and measure a state no real run is in: a
real run sees each page once. Loaders (maxsize 1, 128 or unbounded: data files,
stop lists, compiled patterns) are kept, as a real run loads them once too.
"""

from __future__ import annotations

import functools
import gc

MIN_ITEM_CACHE = 1024


def clear_item_caches() -> int:
    """Empty every lru_cache in the process that holds MIN_ITEM_CACHE entries or more;
    how many were emptied."""
    emptied = 0
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper):
            size = obj.cache_info().maxsize
            if size is not None and size >= MIN_ITEM_CACHE:
                obj.cache_clear()
                emptied += 1
    return emptied
