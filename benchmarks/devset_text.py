"""Clean the dev set's whole-page text scrapes and score them.

Usage: python benchmarks/devset_text.py [--devset DIR] [--keep OUTDIR] [--list] [--no-heuristics]
                                        [--variant VARIANT] [--model FILE] [--precision | --recall]

Cleans every DIR/text/<name>.txt in-process (profiles loaded once) into a temporary
directory as <name>.txt, runs DIR/score.py on it and prints its scores, then the
share of pages all-ok, F1 and the cleaning throughput in MB/s of input. Only the
cleaning is timed: not reading inputs, writing outputs or scoring.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_text import VARIANTS, cleaner_for, focus_of

import cleaner

DEFAULT_DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("--keep", type=Path, help="write outputs here instead of a temporary directory")
    ap.add_argument("--list", action="store_true", help="pass --list to score.py (every failed snippet)")
    ap.add_argument("--no-heuristics", action="store_true")
    ap.add_argument("--variant", choices=VARIANTS, default="shipped", help="the generic stage (see corpus_text.py)")
    ap.add_argument("--model", type=Path, help="line model parameters (default: the shipped file)")
    focus = ap.add_mutually_exclusive_group()
    focus.add_argument("--precision", action="store_true", help="as clean(precision=True)")
    focus.add_argument("--recall", action="store_true", help="as clean(recall=True)")
    args = ap.parse_args()
    clean = cleaner_for(args.variant, args.model, not args.no_heuristics, focus_of(args))

    inputs = sorted((args.devset / "text").glob("*.txt"))
    if not inputs:
        print(f"no pages in {args.devset / 'text'}", file=sys.stderr)
        return 2
    pages = [(p.stem, p.read_bytes()) for p in inputs]
    profiles = cleaner.load_profiles()

    elapsed = 0.0
    texts = {}
    for stem, data in pages:
        start = time.perf_counter()
        doc = clean(data, profiles)
        elapsed += time.perf_counter() - start
        texts[stem] = doc.text
    size = sum(len(data) for _, data in pages)

    with tempfile.TemporaryDirectory(prefix="devset-text-") as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for stem, text in texts.items():
            (out / f"{stem}.txt").write_text(text, encoding="utf-8")
        cmd = [sys.executable, str(args.devset / "score.py"), str(out)] + (["--list"] if args.list else [])
        scored = subprocess.run(cmd, capture_output=True, text=True, check=True)
    sys.stderr.write(scored.stderr)
    print(scored.stdout, end="")
    summary = scored.stdout.strip().splitlines()[-1]
    f1 = re.search(r"F1=([\d.]+)", summary).group(1)
    ok = re.search(r"pages_all_ok=([\d.]+)", summary).group(1)
    print(
        f"F1 {f1}  pages all-ok {ok}  {len(pages)} pages, {size / 1e6:.2f} MB in {elapsed:.2f} s: "
        f"{size / 1e6 / elapsed:.1f} MB/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
