"""Fuzz the pipeline with random pages and bytes; check the invariants of tests/invariants.py.

    python benchmarks/fuzz.py [--cases 100000] [--seed 1]

Cases mix: pages of prose and boilerplate lines in random order (prose not repeated),
random bytes, random Unicode text, and hostile shapes (NULs, very long lines,
deep repetition). Prints how many cases ran, how many failed (with the first few)
and the time taken.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.invariants import OTHER, PROSE, idempotent, invents_nothing, never_raises  # noqa: E402


def page(rng: random.Random) -> list[str]:
    lines = rng.sample(PROSE, rng.randint(0, len(PROSE))) + [rng.choice(OTHER) for _ in range(rng.randint(0, 25))]
    rng.shuffle(lines)
    return lines or ["x"]


def noise(rng: random.Random) -> bytes | str:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.randbytes(rng.randint(0, 3000))
    if kind == 1:
        return "".join(
            chr(rng.choice([rng.randint(32, 126), rng.randint(0, 0x2FFFF)])) for _ in range(rng.randint(0, 500))
        )
    if kind == 2:
        return ("text\x00" * rng.randint(1, 200)) + "\n".join(page(rng))
    return rng.choice(["a", "(", ".", "Share on Facebook\n"]) * rng.randint(1, 20000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures: list[str] = []
    start = time.perf_counter()
    for case in range(args.cases):
        try:
            if case % 4 == 3:
                never_raises(noise(rng))
            else:
                p = page(rng)
                invents_nothing(p)
                idempotent(p)
        except Exception as err:  # every failure is reported, the run goes on
            failures.append(f"case {case}: {type(err).__name__}: {str(err)[:200]}")
    took = time.perf_counter() - start
    print(f"fuzz: {args.cases} cases, {len(failures)} failed, {took:.1f} s ({args.cases / took:.0f} cases/s)")
    for line in failures[:10]:
        print("  " + line)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
