"""How often a profile learned from 3 generated scrapes cleans an unseen 4th exactly.

Usage: python benchmarks/learn_corpora.py [-n N] [--train K] [--heuristics] [--show]

For each site template in tests/learn/corpora.py and N seeds: generate K+1 scrapes,
learn a profile (cleaner.learn.learn_site) from the first K, load it from a temporary
directory and clean the last one with it. Prints per template how often the text, and
the text plus metadata (title, author, reading time, date), come out exactly, then a
short summary of each failure (first differing line, metadata mismatches).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "learn"))

from corpora import TEMPLATES, corpus  # noqa: E402

import cleaner  # noqa: E402
from cleaner.learn import learn_site  # noqa: E402

CHECKED = ("title", "author", "reading_time", "date", "categories", "tags")


def run_one(template: str, seed: int, train: int, heuristics: bool) -> tuple[bool, list[str]]:
    """(text exact, problems) for one corpus."""
    pages = corpus(template, seed, n=train + 1)
    name = f"learned-{template}"
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, f"{name}.toml").write_text(learn_site([p.text for p in pages[:train]], name), encoding="utf-8")
        doc = cleaner.clean(pages[-1].text, profiles=cleaner.load_profiles([tmp]), profile=name, heuristics=heuristics)
    want = pages[-1]
    problems = []
    if doc.text != want.body:
        diff = [
            d
            for d in difflib.unified_diff(want.body.splitlines(), doc.text.splitlines(), lineterm="", n=0)
            if d[:1] in "+-" and d[:3] not in ("+++", "---")
        ]
        problems.append(f"text: {len(diff)} lines differ, first {diff[0][:90]!r}")
    got = doc.metadata.as_dict()
    for key in CHECKED:
        if key in want.meta and _norm(got.get(key)) != _norm(want.meta[key]):
            problems.append(f"{key}: got {got.get(key)!r}, want {want.meta[key]!r}")
    return doc.text == want.body, problems


def _norm(v):
    return tuple(v) if isinstance(v, list) else v


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=50, help="corpora (seeds) per template")
    ap.add_argument("--train", type=int, default=3, help="scrapes to learn from")
    ap.add_argument(
        "--heuristics",
        action="store_true",
        help="also run the generic heuristics stage (off by default: it is being rewritten)",
    )
    ap.add_argument("--show", type=int, default=3, help="failures to list per template")
    args = ap.parse_args()
    total_text = total_all = 0
    for template in TEMPLATES:
        text_ok = all_ok = 0
        failures = []
        for seed in range(args.n):
            exact, problems = run_one(template, seed, args.train, args.heuristics)
            text_ok += exact
            all_ok += not problems
            if problems:
                failures.append((seed, problems))
        total_text += text_ok
        total_all += all_ok
        print(f"{template:14s} text exact {text_ok}/{args.n}   text+metadata exact {all_ok}/{args.n}")
        for seed, problems in failures[: args.show]:
            print(f"    seed {seed}: " + "; ".join(problems))
    runs = args.n * len(TEMPLATES)
    print(
        f"{'all':14s} text exact {total_text}/{runs} ({100 * total_text / runs:.0f}%)   "
        f"text+metadata exact {total_all}/{runs} ({100 * total_all / runs:.0f}%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
