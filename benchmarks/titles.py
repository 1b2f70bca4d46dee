"""Titles from text scrapes against the title the HTML path gives for the same page.

Usage: python benchmarks/titles.py [--corpus DIR] [--devset DIR] [--parts dev,dragnet:val,cleaneval:val]
                                   [--list N]

For each page the text scrape and its HTML are cleaned in one run (profiles as the CLI
loads them); the HTML path's title is the reference. A text title is

  match        equal to the reference, case and whitespace aside
  near         one contains the other (a site name added or dropped)
  null         no title where the reference has one
  boilerplate  a title of which fewer than half the words occur in the reference
               ("Pinterest Email Send Text Message Print", a byline, a menu)
  other        the rest (a different but related line)

Pages whose HTML gives no title are counted apart (the text path may or may not find one).
Measurement only: val and the dev set are never tuned on (issue 15, item 6).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import regex

import cleaner

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WORDS = regex.compile(r"[\p{L}\p{N}]+")


def norm(title: str) -> str:
    return " ".join(title.split()).casefold()


def verdict(title: str | None, reference: str | None) -> str:
    if not reference:
        return "no reference"
    if not title:
        return "null"
    a, b = norm(title), norm(reference)
    if a == b:
        return "match"
    if a in b or b in a:
        return "near"
    words = WORDS.findall(a)
    known = set(WORDS.findall(b))
    if not words or sum(w in known for w in words) < len(words) / 2:
        return "boilerplate"
    return "other"


def pages(part: str, corpus: Path, devset: Path) -> list[tuple[str, Path, Path]]:
    if part == "dev":
        return [(p.stem, p, devset / "html" / f"{p.stem}.html") for p in sorted((devset / "text").glob("*.txt"))]
    name, split = part.split(":")
    ids = sorted(json.loads((SHARED / "corpus" / "split.json").read_text())[name][split])
    return [(i, corpus / name / "text" / f"{i}.txt", corpus / name / "html" / f"{i}.html") for i in ids]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/cleaner-corpus"))
    ap.add_argument("--devset", type=Path, default=SHARED / "devset")
    ap.add_argument("--parts", default="dev,dragnet:val,cleaneval:val")
    ap.add_argument("--list", type=int, default=0, metavar="N", help="show N pages per kind of miss")
    args = ap.parse_args()
    profiles = cleaner.load_profiles()
    kinds = ("match", "near", "null", "boilerplate", "other")
    print(f"{'part':<16}{'pages':>6}" + "".join(f"{k:>12}" for k in kinds) + f"{'no ref':>8}")
    for part in args.parts.split(","):
        counts: Counter[str] = Counter()
        misses: dict[str, list[str]] = {}
        for stem, text, html in pages(part, args.corpus, args.devset):
            title = cleaner.clean(text.read_bytes(), profiles=profiles).metadata.title
            reference = cleaner.clean(html.read_bytes(), profiles=profiles).metadata.title
            kind = verdict(title, reference)
            counts[kind] += 1
            misses.setdefault(kind, []).append(f"{stem}: {title!r} vs {reference!r}")
        total = sum(counts[k] for k in kinds)
        cells = "".join(f"{counts[k] / max(total, 1):>12.1%}" for k in kinds)
        print(f"{part:<16}{total:>6}{cells}{counts['no reference']:>8}", flush=True)
        for kind in ("null", "boilerplate", "other", "near"):
            for line in misses.get(kind, [])[: args.list]:
                print(f"    {kind}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
