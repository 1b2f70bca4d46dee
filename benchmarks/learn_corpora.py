"""How often a profile learned from 3, and from 4, generated scrapes cleans an unseen one exactly.

Usage: python benchmarks/learn_corpora.py [-n N] [--train K [K ...]] [--heuristics] [--show M]

For each site template in tests/learn/corpora.py (TEMPLATES, then the measured-only
MEASURED, marked *) and N seeds: generate max(K)+1 scrapes, and for each K learn a profile
(cleaner.learn.learn_site) from the first K, load it from a temporary directory and clean
the last scrape with it (the same unseen scrape for every K). Prints a table, template ×
K: how often the text, and the text plus metadata (title, author, reading time, date,
categories, tags, where the template gives them), come out exactly, a total row, then a
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

from corpora import ALL_TEMPLATES, MEASURED, corpus  # noqa: E402

import cleaner  # noqa: E402
from cleaner.learn import learn_site  # noqa: E402

CHECKED = ("title", "author", "reading_time", "date", "categories", "tags")


def run_one(template: str, seed: int, train: int, heuristics: bool, unseen: int) -> tuple[bool, list[str]]:
    """(text exact, problems) for one corpus: learn from its first `train` scrapes, clean scrape `unseen`."""
    pages = corpus(template, seed, n=unseen + 1)
    name = f"learned-{template}"
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, f"{name}.toml").write_text(learn_site([p.text for p in pages[:train]], name), encoding="utf-8")
        profiles = cleaner.load_profiles([tmp])
    want = pages[unseen]
    doc = cleaner.clean(want.text, profiles=profiles, profile=name, heuristics=heuristics)
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
    ap.add_argument("--train", type=int, nargs="+", default=[3, 4], help="scrapes to learn from (one column each)")
    ap.add_argument(
        "--heuristics",
        action="store_true",
        help="also run the generic heuristics stage (off by default: it is being rewritten)",
    )
    ap.add_argument("--show", type=int, default=2, help="failures to list per template and column")
    args = ap.parse_args()
    trains = sorted(set(args.train))
    unseen = max(trains)
    totals = {k: [0, 0] for k in trains}
    rows, notes = [], []
    for template in ALL_TEMPLATES:
        cells = []
        for k in trains:
            text_ok = all_ok = 0
            failures = []
            for seed in range(args.n):
                exact, problems = run_one(template, seed, k, args.heuristics, unseen)
                text_ok += exact
                all_ok += not problems
                if problems:
                    failures.append((seed, problems))
            totals[k][0] += text_ok
            totals[k][1] += all_ok
            cells.append(f"{f'{text_ok}/{args.n}':>9} {f'{all_ok}/{args.n}':>9}")
            notes += [f"{template} ({k} scrapes) seed {seed}: " + "; ".join(p) for seed, p in failures[: args.show]]
        mark = "*" if template in MEASURED else ""
        rows.append(f"{template + mark:19s}" + "  ".join(cells))
    head = "  ".join(f"{f'trained on {k}':^19s}" for k in trains)
    sub = "  ".join(f"{'text':>9s} {'+meta':>9s}" for _ in trains)
    runs = args.n * len(ALL_TEMPLATES)
    total = "  ".join(f"{f'{totals[k][0]}/{runs}':>9} {f'{totals[k][1]}/{runs}':>9}" for k in trains)
    pct = "  ".join(f"{100 * totals[k][0] / runs:>8.0f}% {100 * totals[k][1] / runs:>8.0f}%" for k in trains)
    print(f"exact-clean rate of an unseen scrape (scrape {unseen + 1}), {args.n} seeds per template")
    print(f"{'':19s}{head}")
    print(f"{'template':19s}{sub}")
    print(*rows, sep="\n")
    print(f"{'all':19s}{total}")
    print(f"{'':19s}{pct}")
    print("* measured only: no test holds the learner to these templates")
    if notes:
        print("\nfailures (first few per template and column):")
        print(*(f"  {n}" for n in notes), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
