"""Unicode repair speed: cleaner's fast path against ftfy.fix_text, and the whole text pipeline.

Usage: python benchmarks/unicode_speed.py [--devset DIR] [--mb 5] [--rounds 3]

Two corpora, measured side by side in this one process (best of --rounds each):
  seeds   the seed scrapes (clean UTF-8) repeated to about --mb MB, one document per copy
  devset  every DIR/text/*.txt (whole-page scrapes of real pages), one document per file
For each: MB/s of cleaner.stages.unicode.fix_lines and of ftfy.fix_text with the same
config (cleaner.stages.unicode.CONFIG) and their ratio, a check that both give identical
text for every document; MB/s from bytes to repaired lines (decode, split, fix_lines:
the text path up to the profile rules); and MB/s of the whole text pipeline
(cleaner.clean with the profiles loaded once; per-item memo caches are emptied before each
round, though in the seeds corpus later copies of a seed still find its lines cached).
MB are megabytes of UTF-8 input.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import ftfy
from caches import clear_item_caches  # benchmarks/caches.py

import cleaner
from cleaner.stages.decode import decode_bytes, split_lines
from cleaner.stages.unicode import CONFIG, fix_lines

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = ROOT.parent / "shared" / "devset"


def best_of(rounds: int, run) -> float:
    times = []
    for _ in range(rounds):
        clear_item_caches()  # each round a first pass, as in a real run
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(name: str, docs: list[bytes], rounds: int, profiles) -> bool:
    texts = [decode_bytes(d)[0] for d in docs]
    # the unicode stage sees lines as the decode stage splits them
    line_lists = [[line.text for line in split_lines(t)] for t in texts]
    joined = ["\n".join(lines) for lines in line_lists]
    size = sum(len(t.encode("utf-8")) for t in joined) / 1e6

    fast = best_of(rounds, lambda: [fix_lines(lines) for lines in line_lists])
    slow = best_of(rounds, lambda: [ftfy.fix_text(t, CONFIG) for t in joined])
    from_bytes = best_of(
        rounds, lambda: [fix_lines([line.text for line in split_lines(decode_bytes(d)[0])]) for d in docs]
    )
    pipeline = best_of(rounds, lambda: [cleaner.clean(d, profiles=profiles) for d in docs])

    differ = [
        i
        for i, (lines, t) in enumerate(zip(line_lists, joined, strict=True))
        if "\n".join(fix_lines(lines)[0]) != ftfy.fix_text(t, CONFIG)
    ]
    print(f"{name}: {len(docs)} documents, {size:.2f} MB")
    print(f"  fix_lines (fast path)   {size / fast:8.1f} MB/s  ({fast:.3f} s)")
    print(f"  ftfy.fix_text           {size / slow:8.1f} MB/s  ({slow:.3f} s)")
    print(f"  speed-up                {slow / fast:8.1f}x")
    print(f"  bytes to repaired lines {size / from_bytes:8.1f} MB/s  ({from_bytes:.3f} s, decode + split + fix_lines)")
    print(f"  whole text pipeline     {size / pipeline:8.1f} MB/s  ({pipeline:.3f} s, cleaner.clean)")
    print(f"  identical output        {'yes' if not differ else f'NO: {len(differ)} documents differ'}")
    return not differ


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("--mb", type=float, default=5.0, help="size the seeds are repeated to")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    profiles = cleaner.load_profiles()
    seeds = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    copies = max(1, round(args.mb * 1e6 / sum(len(s) for s in seeds)))
    ok = measure("seeds (clean UTF-8)", seeds * copies, args.rounds, profiles)
    devset = [p.read_bytes() for p in sorted((args.devset / "text").glob("*.txt"))]
    if devset:
        ok &= measure("devset text", devset, args.rounds, profiles)
    else:
        print(f"no dev set at {args.devset / 'text'}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
