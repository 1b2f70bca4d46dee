"""Clean real text scrapes twice and count those where the second cleaning changes the text.

Usage: python benchmarks/idempotence.py [--parts dev,dragnet:train,cleaneval:train,...]
                                        [--devset DIR] [--corpus DIR] [--jobs 2] [--list]

Parts: "dev" (DIR/text/*.txt) and SET:PART of the corpus (CORPUS/SET/text/<id>.txt for the ids
of that part of ../shared/corpus/split.json). A page is

  same      the second cleaning removes nothing
  title     the second cleaning only takes a title: its first removal is line 1, by a title
            rule (metadata:title, metadata:not-title, model:title), and every other one a
            title rule or a repeat of the title (the documented exception, tests/invariants.py:
            a text's heading-like first line is its title)
  changed   anything else (listed with --list: the rules and the lines they took)

Exit 1 if any page is "changed".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import cleaner

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TITLE_RULES = frozenset({"metadata:title", "metadata:not-title", "metadata:title-repeat", "model:title"})
FIRST_RULES = TITLE_RULES - {"metadata:title-repeat"}

_profiles = None


def judge(path: str) -> tuple[str, str, list[tuple[str, tuple[int, int]]]]:
    """(path, verdict, the second cleaning's removals as (rule, lines))."""
    global _profiles
    if _profiles is None:
        _profiles = cleaner.load_profiles()
    once = cleaner.clean(Path(path).read_bytes(), profiles=_profiles)
    twice = cleaner.clean(once.text, profiles=_profiles)
    found = [(r.rule, r.lines) for r in twice.removals]
    if twice.text == once.text:
        return path, "same", found
    first = twice.removals[0]
    if first.rule in FIRST_RULES and first.lines == (1, 1) and {rule for rule, _ in found} <= TITLE_RULES:
        return path, "title", found
    return path, "changed", found


def pages(spec: str, devset: Path, corpus: Path) -> list[str]:
    if spec == "dev":
        return [str(p) for p in sorted((devset / "text").glob("*.txt"))]
    name, part = spec.split(":")
    ids = json.loads((SHARED / "corpus" / "split.json").read_text())[name][part]
    return [str(corpus / name / "text" / f"{i}.txt") for i in sorted(ids)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="dev")
    ap.add_argument("--devset", type=Path, default=SHARED / "devset")
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/cleaner-corpus"), help="the unpacked corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--list", action="store_true", help="list the changed pages and their removals")
    args = ap.parse_args()
    changed = 0
    with ProcessPoolExecutor(args.jobs) as pool:
        for spec in args.parts.split(","):
            paths = pages(spec, args.devset, args.corpus)
            results = list(pool.map(judge, paths, chunksize=8))
            counts = Counter(verdict for _, verdict, _ in results)
            changed += counts["changed"]
            print(
                f"{spec:16} n={len(paths):5}  same {counts['same']:5}  title only {counts['title']:4}  "
                f"changed {counts['changed']:4} ({counts['changed'] / max(len(paths), 1):.1%})"
            )
            if args.list:
                for path, verdict, found in results:
                    if verdict == "changed":
                        print(f"    {Path(path).stem}: " + ", ".join(f"{rule} {a}-{b}" for rule, (a, b) in found[:6]))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
