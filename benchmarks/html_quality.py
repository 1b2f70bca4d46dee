"""HTML path: cleaner (default: trafilatura with its fallbacks), cleaner --fast and plain
trafilatura.extract, side by side on the dev set's and the corpus's HTML: F1 and time per page.

Usage: python benchmarks/html_quality.py [--parts devset,dragnet:val,cleaneval:val]
                                         [--devset DIR] [--corpus DIR] [--keep OUTDIR] [--comments]

Parts: "devset" (DIR/html/*.html, scored by DIR/score.py) and SET:PART of the corpus
(CORPUS/SET/html/<id>.html for the ids of that part of ../shared/corpus/split.json, scored
by ../shared/corpus/score.py against CORPUS/SET/gold). Each page goes through the three in
one process, interleaved page by page, the order alternating between pages:

  cleaner         cleaner.clean(page_bytes, html=True, profiles=profiles)
  cleaner --fast  the same with fast=True (trafilatura's fast mode; its fallbacks only for a
                  nearly empty extraction)
  trafilatura     trafilatura.extract(page_bytes), its default settings

With --comments, two more: "cleaner --comments" (comments=True) and "trafilatura
--no-comments" (include_comments=False). trafilatura's default keeps reader comments, which
cleaner leaves out by default (comments are boilerplate by its conventions): these two
compare like with like where a set's gold keeps the comments (dragnet's does, on most of
its pages that have any, whatever its README says).

One pass over the pages (a real run sees each page once), after one warm-up page. Prints,
per part and extractor, score.py's P, R, F1 (and pages all-ok on the dev set) and the
mean time per page, with its ratio to trafilatura's. Measurement only: val and the dev
set are never tuned on.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura
from caches import clear_item_caches  # benchmarks/caches.py

import cleaner

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = ROOT.parent / "shared" / "devset"
SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_CORPUS = Path("/tmp/cleaner-corpus")


def pages_of(part: str, devset: Path, corpus: Path) -> list[tuple[str, bytes]]:
    if part == "devset":
        return [(p.stem, p.read_bytes()) for p in sorted((devset / "html").glob("*.html"))]
    name, split = part.split(":")
    ids = sorted(json.loads((SHARED / "split.json").read_text())[name][split])
    return [(i, (corpus / name / "html" / f"{i}.html").read_bytes()) for i in ids]


def score(part: str, out: Path, devset: Path, corpus: Path) -> str:
    if part == "devset":
        cmd = [sys.executable, str(devset / "score.py"), str(out)]
    else:
        gold = corpus / part.split(":")[0] / "gold"
        cmd = [sys.executable, str(SHARED / "score.py"), str(out), "--gold", str(gold), "--split", part]
    line = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    found = dict(re.findall(r"(\w+)=([\d.]+)", line))
    ok = f"  all-ok {found['pages_all_ok']}" if "pages_all_ok" in found else ""
    return f"P {found['P']}  R {found['R']}  F1 {found['F1']}{ok}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="devset,dragnet:val,cleaneval:val")
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--keep", type=Path, help="write outputs to OUTDIR/<part>/<extractor>/")
    ap.add_argument("--comments", action="store_true", help="also cleaner --comments and trafilatura without comments")
    args = ap.parse_args()
    profiles = cleaner.load_profiles()
    fns = {
        "cleaner": lambda data: cleaner.clean(data, html=True, profiles=profiles).text,
        "cleaner --fast": lambda data: cleaner.clean(data, html=True, profiles=profiles, fast=True).text,
        "trafilatura": lambda data: trafilatura.extract(data) or "",
    }
    if args.comments:
        fns["cleaner --comments"] = lambda data: cleaner.clean(data, html=True, profiles=profiles, comments=True).text
        fns["trafilatura --no-comments"] = lambda data: trafilatura.extract(data, include_comments=False) or ""
    with tempfile.TemporaryDirectory(prefix="html-quality-") as tmp:
        base = args.keep or Path(tmp)
        for part in args.parts.split(","):
            pages = pages_of(part, args.devset, args.corpus)
            for fn in fns.values():  # warm-up: imports and first-use caches
                fn(pages[0][1])
            clear_item_caches()
            seconds = dict.fromkeys(fns, 0.0)
            outs = {name: base / part.replace(":", "-") / name.replace(" --", "-") for name in fns}
            for out in outs.values():
                out.mkdir(parents=True, exist_ok=True)
            for n, (stem, data) in enumerate(pages):
                order = list(fns.items())
                for name, fn in order if n % 2 == 0 else reversed(order):
                    start = time.perf_counter()
                    text = fn(data)
                    seconds[name] += time.perf_counter() - start
                    (outs[name] / f"{stem}.txt").write_text(text, encoding="utf-8")
            size = sum(len(data) for _, data in pages) / 1e6
            print(f"{part}: {len(pages)} pages, {size:.1f} MB of HTML")
            for name in fns:
                per_page = seconds[name] / len(pages) * 1000
                ratio = seconds[name] / seconds["trafilatura"]
                scores = score(part, outs[name], args.devset, args.corpus)
                print(f"  {name:<25} {scores}  {per_page:6.1f} ms/page  {ratio:5.2f}x trafilatura", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
