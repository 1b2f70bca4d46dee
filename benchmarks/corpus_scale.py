"""Corpus scale: -j 2 against -j 1 on a generated corpus, and peak memory on a large one.

    python benchmarks/corpus_scale.py [--docs 20000] [--rss-docs 100000]

The corpus is generated (seeds and invented same-site scrapes from tests/learn/corpora),
written as files for the -j comparison and as JSONL for the memory run. Runs go through
the real CLI in subprocesses; figures are wall time and peak RSS (the main process and
the largest worker, from getrusage).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.learn.corpora import TEMPLATES, corpus  # noqa: E402


def pages(n: int):
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    templates = sorted(TEMPLATES)
    i = 0
    batch = 0
    while True:
        for t in templates:
            for page in corpus(t, seed=batch, n=4):
                if i >= n:
                    return
                yield page.text if i % 5 else seeds[(i // 5) % len(seeds)]
                i += 1
        batch += 1


def command() -> list[str]:
    script = Path(sys.executable).with_name("cleaner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleaner"]


def timed(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, the largest peak RSS among the cleaner process and its workers (MB)."""
    start = time.perf_counter()
    # A small wrapper reports getrusage(RUSAGE_CHILDREN): the max over every process it waited for.
    probe = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", probe, *command(), *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return wall, peak_kb // 1024, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--rss-docs", type=int, default=100000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "in"
        size = 0
        for i, text in enumerate(pages(args.docs)):
            path = src / f"{i // 1000:03d}" / f"{i:06d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            size += len(text.encode())
        print(f"corpus: {args.docs} files, {size / 1e6:.1f} MB, {os.cpu_count()} cores")
        results = {}
        for jobs in (1, 2):
            wall, rss, rc = timed(["clean", str(src), "-o", str(tmp / f"out{jobs}"), "-j", str(jobs), "-q"])
            results[jobs] = wall
            print(
                f"  -j {jobs}: {wall:6.1f} s  {size / 1e6 / wall:5.1f} MB/s  "
                f"{args.docs / wall:7.0f} docs/s  peak RSS {rss} MB  exit {rc}"
            )
        same = all(
            (tmp / "out1" / p.relative_to(tmp / "out2")).read_bytes() == p.read_bytes()
            for p in (tmp / "out2").rglob("*.txt")
        )
        print(f"  speed-up -j 2 / -j 1: {results[1] / results[2]:.2f}x (target >= 1.8x)  outputs identical: {same}")

        for n in (args.rss_docs // 10, args.rss_docs):
            jsonl = tmp / f"corpus{n}.jsonl"
            with open(jsonl, "w", encoding="utf-8") as f:
                for i, text in enumerate(pages(n)):
                    f.write(json.dumps({"id": i, "text": text}) + "\n")
            mb = jsonl.stat().st_size / 1e6
            wall, rss, rc = timed(
                ["clean", str(jsonl), "--format", "jsonl", "-o", str(tmp / "out.jsonl"), "-j", "2", "-q"]
            )
            print(
                f"  JSONL {n:7d} docs ({mb:6.1f} MB): {wall:6.1f} s  "
                f"peak RSS {rss} MB (target flat, <= 300 MB)  exit {rc}"
            )


if __name__ == "__main__":
    main()
