"""Where cleaner's HTML path loses gold text, rule by rule, on the corpus's train pages.

Usage: python benchmarks/html_losses.py [--part dragnet:train] [--corpus DIR] [--pages N] [--comments]

For each page of the part (train parts only: val and the dev set are for measuring):
cleaner.clean(html=True) with its removals, trafilatura.extract with its default settings
and with include_comments=False. Prints F1 (score.py's 4-gram shingles, P and R averaged
over pages) of trafilatura, trafilatura --no-comments, cleaner's extraction before its
post-cleaning (the kept lines and the removed ones together) and cleaner's output, then per
removal rule the gold shingles and the other shingles it removed, the pages where it removed
a line that is mostly gold, and the F1 with that rule's lines put back. Last, how much of
what trafilatura's default adds over --no-comments (its reader comments) is in the gold.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import trafilatura

import cleaner

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_CORPUS = Path("/tmp/cleaner-corpus")
sys.path.insert(0, str(SHARED))
from score import shingles  # noqa: E402  # ../shared/corpus/score.py


def f1(pairs: list[tuple[float | None, float | None]]) -> str:
    ps = [p for p, _ in pairs if p is not None]
    rs = [r for _, r in pairs if r is not None]
    mp, mr = sum(ps) / max(len(ps), 1), sum(rs) / max(len(rs), 1)
    return f"P {mp:.3f}  R {mr:.3f}  F1 {2 * mp * mr / (mp + mr) if mp + mr else 0:.3f}"


def pr(gold: Counter, text: str) -> tuple[float | None, float | None]:
    got = shingles(text)
    tp = sum((gold & got).values())
    fp, fn = sum((got - gold).values()), sum((gold - got).values())
    return (tp / (tp + fp) if tp + fp else None), (tp / (tp + fn) if tp + fn else None)


def lines_of(doc) -> list[tuple[int, str, str]]:
    """The extracted lines: (number, "keep" or the rule that removed it, text)."""
    found: dict[int, tuple[str, str]] = {}
    for line in doc.lines:
        if line.text.strip():
            found.setdefault(line.no, ("keep", line.text))
    for removal in doc.removals:
        first, last = removal.lines
        for no, text in zip(range(first, last + 1), removal.text.split("\n"), strict=False):
            if text.strip():
                found[no] = (removal.rule, text)
    return [(no, *found[no]) for no in sorted(found)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", default="dragnet:train")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--pages", type=int, default=0, help="a random sample of this many pages (0: all)")
    ap.add_argument("--comments", action="store_true", help="cleaner with comments=True (--comments)")
    args = ap.parse_args()
    name, split = args.part.split(":")
    if split != "train":
        ap.error("train parts only: val and the dev set are for measuring")
    ids = sorted(json.loads((SHARED / "split.json").read_text())[name][split])
    if args.pages:
        random.Random(1).shuffle(ids)
        ids = ids[: args.pages]
    profiles = cleaner.load_profiles()
    scores: dict[str, list] = defaultdict(list)
    pages = []
    for i in ids:
        data = (args.corpus / name / "html" / f"{i}.html").read_bytes()
        gold = shingles((args.corpus / name / "gold" / f"{i}.txt").read_text(encoding="utf-8"))
        full = trafilatura.extract(data) or ""
        bare = trafilatura.extract(data, include_comments=False) or ""
        lines = lines_of(cleaner.clean(data, html=True, profiles=profiles, comments=args.comments))
        pages.append((gold, full, bare, lines))
        scores["trafilatura"].append(pr(gold, full))
        scores["trafilatura --no-comments"].append(pr(gold, bare))
        scores["cleaner's extraction"].append(pr(gold, "\n".join(t for _, _, t in lines)))
        scores["cleaner"].append(pr(gold, "\n".join(t for _, r, t in lines if r == "keep")))
    print(f"{args.part}: {len(pages)} pages")
    for label, pairs in scores.items():
        print(f"  {label:<26} {f1(pairs)}")
    removed, other, hit = Counter(), Counter(), defaultdict(set)
    for n, (gold, _, _, lines) in enumerate(pages):
        for _, rule, text in lines:
            if rule == "keep":
                continue
            got = shingles(text)
            inside, total = sum((got & gold).values()), sum(got.values())
            removed[rule] += inside
            other[rule] += total - inside
            if total >= 3 and inside > total / 2:
                hit[rule].add(n)
    print("  rule: gold shingles removed, other shingles removed, pages losing a gold line, F1 with its lines back")
    for rule in sorted(removed, key=lambda r: -removed[r]):
        back = [pr(gold, "\n".join(t for _, r, t in lines if r in ("keep", rule))) for gold, _, _, lines in pages]
        print(f"    {rule:<32} {removed[rule]:7} {other[rule]:7} {len(hit[rule]):5}   {f1(back)}")
    inside = total = mostly = with_comments = 0
    for gold, full, bare, _ in pages:
        kept = set(bare.split("\n"))
        extra = shingles("\n".join(line for line in full.split("\n") if line not in kept))
        size = sum(extra.values())
        if size < 50:
            continue
        with_comments += 1
        found = sum((extra & gold).values())
        inside, total = inside + found, total + size
        mostly += found > 0.8 * size
    print(
        f"  trafilatura's comments (pages where its default adds 50+ shingles over --no-comments): "
        f"{with_comments} pages, {mostly} of them mostly (80%+) in the gold; {inside} of {total} shingles in the gold"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
