"""Clean every dev-set text page twice and list those where the second cleaning changes
the text, with the rules that changed it.

Usage: python benchmarks/idempotence.py [--devset DIR]

A second cleaning may take the text's first line as its title (metadata:title, the one
documented exception, see tests/invariants.py); such pages are counted apart.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cleaner

DEFAULT_DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset"
TITLE_RULES = {"metadata:title", "metadata:title-repeat"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    args = ap.parse_args()
    profiles = cleaner.load_profiles()
    pages = sorted((args.devset / "text").glob("*.txt"))
    title_only = 0
    broken = 0
    for path in pages:
        once = cleaner.clean(path.read_bytes(), profiles=profiles)
        twice = cleaner.clean(once.text, profiles=profiles)
        if twice.text == once.text:
            continue
        rules = sorted({r.rule for r in twice.removals})
        if set(rules) <= TITLE_RULES:
            title_only += 1
        else:
            broken += 1
            print(f"{path.stem}: {', '.join(rules)}")
    print(f"{len(pages)} pages: {broken} change on a second cleaning, {title_only} only by a new title")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
