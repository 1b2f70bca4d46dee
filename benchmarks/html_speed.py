"""HTML path: cleaner against plain trafilatura on the dev set's pages, time and quality.

Usage: python benchmarks/html_speed.py [--devset DIR] [--rounds 5] [--keep DIR] [--fast]

Side by side in this one process, on every DIR/html/*.html (bytes as fetched):
  cleaner      cleaner.clean(page_bytes, html=True, profiles=profiles), profiles loaded once
               (--fast: with fast=True, trafilatura's fast mode)
  trafilatura  trafilatura.extract(page_bytes) with its defaults
Prints the total seconds of each (pages interleaved, each page's best of --rounds, after
one warm-up page so imports are not counted; per-item memo caches are emptied before each
round, so every round is a first pass over the pages as in a real run), their ratio
(target, issue 16: cleaner <= 1.5x trafilatura), and the F1 / pages
all-ok of both from DIR/score.py on their outputs (temporary directories, or --keep DIR
for DIR/cleaner and DIR/trafilatura), and on how many pages cleaner's metadata fields equal
trafilatura.extract_metadata's (cleaner.stages.html_meta leaves only its licence search out).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura
from caches import clear_item_caches  # benchmarks/caches.py

import cleaner

DEFAULT_DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset"
TARGET = 1.5


def run_side_by_side(
    pages: list[tuple[str, bytes]], fns: dict, rounds: int
) -> tuple[dict[str, float], dict[str, dict[str, str]]]:
    """Each page through each function in turn, `rounds` times; per function the sum over
    pages of each page's best time. Interleaving page by page keeps slow phases of a noisy
    machine from landing on one side only; the order alternates by page and round, since
    whichever runs second on a page finds it warm in the CPU caches."""
    best = {name: [float("inf")] * len(pages) for name in fns}
    outputs: dict[str, dict[str, str]] = {name: {} for name in fns}
    for round_no in range(rounds):
        clear_item_caches()
        for n, (stem, data) in enumerate(pages):
            order = list(fns.items())
            for name, fn in order if (n + round_no) % 2 == 0 else reversed(order):
                start = time.perf_counter()
                outputs[name][stem] = fn(data)
                best[name][n] = min(best[name][n], time.perf_counter() - start)
    return {name: sum(times) for name, times in best.items()}, outputs


def same_metadata(pages: list[tuple[str, bytes]]) -> int:
    """On how many pages cleaner.stages.html_meta gives every field as trafilatura's own
    extract_metadata does."""
    from cleaner.stages.decode import decode_bytes

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.trafilatura_meta import against_trafilatura

    return sum(ours == theirs for ours, theirs in (against_trafilatura(decode_bytes(data)[0]) for _, data in pages))


def score(devset: Path, out: Path, outputs: dict[str, str]) -> tuple[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    for stem, text in outputs.items():
        (out / f"{stem}.txt").write_text(text, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(devset / "score.py"), str(out)], capture_output=True, text=True, check=True
    )
    summary = scored.stdout.strip().splitlines()[-1]
    return re.search(r"F1=([\d.]+)", summary).group(1), re.search(r"pages_all_ok=([\d.]+)", summary).group(1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="write outputs to DIR/cleaner and DIR/trafilatura")
    ap.add_argument("--fast", action="store_true", help="cleaner with fast=True (trafilatura's fast mode)")
    args = ap.parse_args()

    pages = [(p.stem, p.read_bytes()) for p in sorted((args.devset / "html").glob("*.html"))]
    if not pages:
        print(f"no pages in {args.devset / 'html'}", file=sys.stderr)
        return 2
    profiles = cleaner.load_profiles()

    def clean(data: bytes) -> str:
        return cleaner.clean(data, html=True, profiles=profiles, fast=args.fast).text

    def extract(data: bytes) -> str:
        return trafilatura.extract(data) or ""

    for fn in (clean, extract):  # warm-up: imports and first-use caches
        fn(pages[0][1])
    times, outputs = run_side_by_side(pages, {"cleaner": clean, "trafilatura": extract}, args.rounds)
    (ours, ours_out), (theirs, theirs_out) = (
        (times["cleaner"], outputs["cleaner"]),
        (times["trafilatura"], outputs["trafilatura"]),
    )

    with tempfile.TemporaryDirectory(prefix="html-speed-") as tmp:
        base = args.keep or Path(tmp)
        ours_f1, ours_ok = score(args.devset, base / "cleaner", ours_out)
        theirs_f1, theirs_ok = score(args.devset, base / "trafilatura", theirs_out)

    size = sum(len(data) for _, data in pages) / 1e6
    ratio = ours / theirs
    print(f"{len(pages)} pages, {size:.2f} MB of HTML, each page's best of {args.rounds}, interleaved")
    print(f"  cleaner      {ours:6.2f} s  {size / ours:5.2f} MB/s  F1 {ours_f1}  pages all-ok {ours_ok}")
    print(f"  trafilatura  {theirs:6.2f} s  {size / theirs:5.2f} MB/s  F1 {theirs_f1}  pages all-ok {theirs_ok}")
    print(f"  ratio        {ratio:7.3f}x  (target <= {TARGET:.2f}x: {'met' if ratio <= TARGET else 'NOT met'})")
    same = same_metadata(pages)
    print(f"  metadata as trafilatura.extract_metadata gives it: {same}/{len(pages)} pages")
    return 0 if same == len(pages) else 1


if __name__ == "__main__":
    sys.exit(main())
