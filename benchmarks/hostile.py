"""Hostile inputs at two sizes: time per MB should stay flat (linear time).

python benchmarks/hostile.py [--mb 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from cleaner import InputError, clean
from cleaner.pipeline import builtin_profiles

SHAPES = {
    "single line": lambda mb: ("word " * int(mb * 200_000)).encode(),
    "many short lines": lambda mb: ("ab\n" * int(mb * 330_000)).encode(),
    "prose lines": lambda mb: ("This is a sentence of prose in the article body.\n\n" * int(mb * 20_000)).encode(),
    "deep repetition": lambda mb: ("Top item\nA A Explore\nB B Explore\n" * int(mb * 30_000)).encode(),
    "stray NULs": lambda mb: (
        ("A line of text, and more words after it.\n" * 4 + "One more line with a NUL\x00 in it.\n") * int(mb * 5_000)
    ).encode(),
    "brackets": lambda mb: ("(" * int(mb * 1_000_000)).encode(),
    # a flattened table on one line, no closing "|" (attacker trial of stop 55: quadratic in a regex)
    "table cells": lambda mb: ("| a " * int(mb * 250_000)).encode(),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="the larger size; the smaller is a quarter of it")
    args = ap.parse_args()
    profiles = builtin_profiles()
    print(f"{'shape':18} {'small':>18} {'large':>18}  ratio of s/MB (1.0 = linear)")
    for name, make in SHAPES.items():
        per_mb = []
        cells = []
        for mb in (args.mb / 4, args.mb):
            data = make(mb)
            start = time.perf_counter()
            try:
                clean(data, profiles=profiles)
            except InputError:
                pass
            took = time.perf_counter() - start
            per_mb.append(took / (len(data) / 1e6))
            cells.append(f"{len(data) / 1e6:5.1f} MB {took:6.2f} s")
        print(f"{name:18} {cells[0]:>18} {cells[1]:>18}  {per_mb[1] / per_mb[0]:.2f}")


if __name__ == "__main__":
    main()
