"""Titles from text scrapes against the title the HTML path gives for the same page.

Usage: python benchmarks/titles.py [--corpus DIR] [--devset DIR] [--parts dev,dragnet:val,cleaneval:val]
                                   [--variant VARIANT] [--limit N] [--list N] [--drop-title-line]

For each page the text scrape and its HTML are cleaned in one run (profiles as the CLI
loads them); the HTML path's title is the reference. A text title is

  match        equal to the reference, case and whitespace aside
  near         one contains the other (a site name added or dropped)
  null         no title where the reference has one
  boilerplate  a title of which fewer than half the words (of 4+ letters) occur in the
               reference title or in the article text the HTML path gives ("Pinterest
               Email Send Text Message Print", a menu, a cookie notice)
  other        the rest: another headline of the article (a page's og:title is often
               shorter than its printed headline), a byline's name in the text...

Pages whose HTML gives no title are counted apart ("no ref"), and among them those whose
text title is boilerplate by the same test against the article text alone ("(bp)").
"printed": the share of the pages with a reference whose text scrape prints it as a line of
its own (case and whitespace aside), the most "match" can reach: a text title is a line.
Measurement only: val and the dev set are never tuned on (issue 15, item 6).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import regex
from corpus_text import VARIANTS, cleaner_for

import cleaner

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WORDS = regex.compile(r"[\p{L}\p{N}]+")


def norm(title: str) -> str:
    return " ".join(title.split()).casefold()


def verdict(title: str | None, reference: str | None, article: str = "") -> str:
    if not reference:
        # judged against the article text alone; only boilerplate is told apart
        if title and verdict(title, " ", article) == "boilerplate":
            return "no reference, boilerplate"
        return "no reference"
    if not title:
        return "null"
    a, b = norm(title), norm(reference)
    if a == b:
        return "match"
    if a in b or b in a:
        return "near"
    words = [w for w in WORDS.findall(a) if len(w) >= 4] or WORDS.findall(a)
    known = set(WORDS.findall(b)) | set(WORDS.findall(article.casefold()))
    if not words or sum(w in known for w in words) < len(words) / 2:
        return "boilerplate"
    return "other"


def pages(part: str, corpus: Path, devset: Path) -> list[tuple[str, Path, Path]]:
    if part in ("dev", "devset"):  # "devset" as the other benchmarks name it
        return [(p.stem, p, devset / "html" / f"{p.stem}.html") for p in sorted((devset / "text").glob("*.txt"))]
    name, _, split = part.partition(":")
    if name not in ("dragnet", "cleaneval") or split not in ("train", "val"):
        raise SystemExit(f"titles.py: unknown part {part!r}: dev, or dragnet/cleaneval:train/val")
    ids = sorted(json.loads((SHARED / "corpus" / "split.json").read_text())[name][split])
    return [(i, corpus / name / "text" / f"{i}.txt", corpus / name / "html" / f"{i}.html") for i in ids]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/cleaner-corpus"))
    ap.add_argument("--devset", type=Path, default=SHARED / "devset")
    ap.add_argument("--parts", default="dev,dragnet:val,cleaneval:val")
    ap.add_argument("--variant", choices=VARIANTS, default="shipped", help="the generic stage (see corpus_text.py)")
    ap.add_argument("--limit", type=int, default=0, metavar="N", help="only the first N pages of each part")
    ap.add_argument("--list", type=int, default=0, metavar="N", help="show N pages per kind of miss")
    ap.add_argument(
        "--drop-title-line",
        action="store_true",
        help="clean corpus scrapes without their first line (the <title> html-text writes), as scrapes "
        "from tools that leave it out (the dev set's) come",
    )
    args = ap.parse_args()
    profiles = cleaner.load_profiles()
    clean = cleaner_for(args.variant, None, True)
    kinds = ("match", "near", "null", "boilerplate", "other")
    print(f"{'part':<16}{'pages':>6}" + "".join(f"{k:>12}" for k in kinds) + f"{'no ref':>8}{'(bp)':>6}{'printed':>9}")
    for part in args.parts.split(","):
        counts: Counter[str] = Counter()
        misses: dict[str, list[str]] = {}
        printed = 0
        chosen = pages(part, args.corpus, args.devset)
        for stem, text, html in chosen[: args.limit or None]:
            raw = text.read_bytes()
            if args.drop_title_line and part != "dev":
                raw = raw.split(b"\n", 1)[-1]
            title = clean(raw, profiles).metadata.title
            page = cleaner.clean(html.read_bytes(), html=True, profiles=profiles)
            kind = verdict(title, page.metadata.title, page.text)
            if page.metadata.title:
                lines = {norm(line) for line in raw.decode("utf-8", "replace").splitlines()}
                printed += norm(page.metadata.title) in lines
            counts[kind] += 1
            misses.setdefault(kind, []).append(f"{stem}: {title!r} vs {page.metadata.title!r}")
        total = sum(counts[k] for k in kinds)
        cells = "".join(f"{counts[k] / max(total, 1):>12.1%}" for k in kinds)
        no_ref = counts["no reference"] + counts["no reference, boilerplate"]
        bp = counts["no reference, boilerplate"]
        print(f"{part:<16}{total:>6}{cells}{no_ref:>8}{bp:>6}{printed / max(total, 1):>9.1%}", flush=True)
        for kind in ("null", "boilerplate", "no reference, boilerplate", "other", "near"):
            for line in misses.get(kind, [])[: args.list]:
                print(f"    {kind}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
