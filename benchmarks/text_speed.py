"""Text path speed: the whole text pipeline against ftfy.fix_text, per stage, in one run.

Usage: python benchmarks/text_speed.py [--devset DIR] [--rounds 3] [--big-mb 10] [--profile | --parts]

The documents are every DIR/text/*.txt (whole-page scrapes of real pages) plus the seeds,
one document per file, read as bytes. Measured side by side in this one process, best of
--rounds each (per-item memo caches emptied before every round, as a real run sees each page
once):
  ftfy.fix_text   ftfy's default configuration on the decoded text of each document
  cleaner.clean   the whole text path (profiles loaded once), split into its stages by
                  timing each stage function of cleaner.pipeline.STAGES
Prints MB/s (megabytes of input bytes) of both, their ratio (the target of issue 18 is
>= 4x), and each stage's share of cleaner's time. Then the same for one document of about
--big-mb MB (the dev-set scrapes joined) against a 1 MB one, per MB. --profile prints the
30 costliest functions of one cleaner round under cProfile instead; --parts splits one round's
time inside the generic stage among the line model's parts (PARTS; each part's own time, the
parts it calls subtracted). A line signal is computed by the first part that asks for it
(cleaner.heuristics.signals.base.Page), so the phrase labels count in "ad labels", the shapes
and classes mostly in "heuristics' verdicts".
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import ftfy
from caches import clear_item_caches  # benchmarks/caches.py

import cleaner
from cleaner import pipeline

ROOT = Path(__file__).resolve().parent.parent


def timed_stages(stages, totals: dict[str, float]):
    """`stages` (cleaner.pipeline.STAGES) with each stage's time added to totals[its module name]."""

    def wrap(stage):
        name = stage.__module__.rsplit(".", 1)[-1]

        def run(doc, ctx):
            t = time.perf_counter()
            try:
                return stage(doc, ctx)
            finally:
                totals[name] += time.perf_counter() - t

        return run

    return tuple(wrap(stage) for stage in stages)


# (object, attribute, label): the generic stage's parts on a text scrape (cleaner.model.stage)
PARTS = (
    ("cleaner.model.stage", "_ad_labels", "ad labels"),
    ("cleaner.model.stage", "heuristic_pass", "heuristics' verdicts"),
    ("cleaner.model.stage", "page_features", "line features"),
    ("cleaner.model.predict:LineModel", "probabilities", "trees (line and title models)"),
    ("cleaner.model.predict:LineModel", "decide", "viterbi"),
    ("cleaner.model.predict:LineModel", "strongest", "strongest signals (the why)"),
    ("cleaner.model.stage", "_headline", "title model (but its trees)"),
    ("cleaner.model.stage", "apply", "heuristics (snippets)"),
    ("cleaner.model.stage", "removals_at", "removal records"),
)


def parts(docs: list[bytes], profiles) -> None:
    """One round's time per PARTS entry, each net of the parts it calls."""
    import importlib

    totals: dict[str, float] = defaultdict(float)
    inner: list[float] = []  # time of the wrapped calls made inside the running one

    def wrap(fn, label):
        def run(*args, **kwargs):
            t = time.perf_counter()
            inner.append(0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - t
                totals[label] += spent - inner.pop()
                if inner:
                    inner[-1] += spent

        return run

    saved = []
    for where, attr, label in PARTS:
        module, _, cls = where.partition(":")
        owner = importlib.import_module(module)
        owner = getattr(owner, cls) if cls else owner
        saved.append((owner, attr, getattr(owner, attr)))
        setattr(owner, attr, wrap(getattr(owner, attr), label))
    stage_total: dict[str, float] = defaultdict(float)
    original = pipeline.STAGES
    try:
        pipeline.STAGES = timed_stages(original, stage_total)
        clear_item_caches()
        t = time.perf_counter()
        for d in docs:
            cleaner.clean(d, profiles=profiles)
        total = time.perf_counter() - t
    finally:
        pipeline.STAGES = original
        for owner, attr, fn in reversed(saved):
            setattr(owner, attr, fn)
    generic = stage_total["heuristics"]
    print(f"one round: {total:.3f} s, of which the generic stage {generic:.3f} s ({generic / total:.1%})")
    for label, secs in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {label:<32} {secs:7.3f} s  {secs / total:5.1%}")
    rest = generic - sum(totals.values())
    print(f"  {'rest of the generic stage':<32} {rest:7.3f} s  {rest / total:5.1%}")


def best(rounds: int, fn) -> float:
    times = []
    for _ in range(rounds):
        clear_item_caches()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def measure(label: str, docs: list[bytes], rounds: int, profiles) -> None:
    mb = sum(map(len, docs)) / 1e6
    texts = [d.decode("utf-8", "replace") for d in docs]
    t_ftfy = best(rounds, lambda: [ftfy.fix_text(t) for t in texts])
    original = pipeline.STAGES
    per_round = []
    try:
        for _ in range(rounds):
            totals: dict[str, float] = defaultdict(float)
            pipeline.STAGES = timed_stages(original, totals)  # the stages themselves, not last round's wrappers
            clear_item_caches()
            t = time.perf_counter()
            for d in docs:
                cleaner.clean(d, profiles=profiles)
            per_round.append((time.perf_counter() - t, dict(totals)))
    finally:
        pipeline.STAGES = original
    t_clean, stages = min(per_round, key=lambda r: r[0])
    print(f"{label}: {len(docs)} documents, {mb:.2f} MB")
    print(f"  ftfy.fix_text     {mb / t_ftfy:6.2f} MB/s  ({t_ftfy:.3f} s)")
    print(f"  cleaner.clean     {mb / t_clean:6.2f} MB/s  ({t_clean:.3f} s)")
    print(f"  cleaner / ftfy    {t_ftfy / t_clean:6.2f}x   (target >= 4x)")
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"    {name:<12} {secs:7.3f} s  {secs / t_clean:5.1%}")


def per_mb(docs: list[bytes], mb: float, rounds: int, profiles) -> float:
    joined = b"\n\n".join(docs)
    reps = max(1, int(mb * 1e6 / len(joined)) + 1)
    big = (joined * reps)[: int(mb * 1e6)]
    big = big[: big.rfind(b"\n") + 1]  # whole lines
    t = best(rounds, lambda: cleaner.clean(big, profiles=profiles))
    return t / (len(big) / 1e6)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--big-mb", type=float, default=10.0, help="the single-document case's size (0: skip it)")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--parts", action="store_true", help="split the generic stage's time among its parts")
    args = ap.parse_args()
    docs = [p.read_bytes() for p in sorted((args.devset / "text").glob("*.txt"))]
    docs += [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    profiles = cleaner.load_profiles()
    for d in docs[:3]:  # imports and data files load once, as in a real run
        cleaner.clean(d, profiles=profiles)
    if args.profile:
        import cProfile
        import pstats

        clear_item_caches()
        pr = cProfile.Profile()
        pr.runcall(lambda: [cleaner.clean(d, profiles=profiles) for d in docs])
        pstats.Stats(pr, stream=sys.stdout).sort_stats("tottime").print_stats(30)
        return 0
    if args.parts:
        parts(docs, profiles)
        return 0
    measure("dev-set text + seeds", docs, args.rounds, profiles)
    if args.big_mb <= 0:  # the single-document case skipped
        return 0
    one = per_mb(docs, 1.0, args.rounds, profiles)
    big = per_mb(docs, args.big_mb, 1, profiles)
    print(f"one document: 1 MB {one:.2f} s/MB, {args.big_mb:g} MB {big:.2f} s/MB ({big / one:.2f}x per MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
