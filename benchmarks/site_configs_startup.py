"""Start-up with a folder of 2,000 FiveFilters site configs against start-up without it.

Usage: python benchmarks/site_configs_startup.py [--files 2000] [--rounds 20]

Writes FILES site config files (the format's usual directives: title, body, strip,
strip_id_or_class, test_url, test_contains, and some it does not apply) into a temporary
folder, then times `echo text | cleaner clean -` without and with CLEANER_PROFILES pointing
at it, alternating the two, and prints the median wall time of each side by side. Only the
file for a page's host is ever parsed, so the folder should cost (almost) nothing.
A third column times an HTML page of one of those hosts: the one file it needs is parsed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = b"Getting your Trinity Audio player ready...\nHello world.\n"
PAGE = (
    b'<html><head><link rel="canonical" href="https://www.site0007.example.com/a"></head><body>'
    b'<div class="story"><p>The harbour reopened on Monday after three days of storms.</p></div>'
    b'<div class="share-bar">Share</div></body></html>'
)


def write_configs(folder: Path, count: int) -> None:
    for i in range(count):
        name = f"site{i:04d}.example.com.txt" if i % 4 else f".site{i:04d}.example.com.txt"
        (folder / name).write_text(
            f"# site {i}\n"
            "title: //h1[@class='headline']\n"
            "author: //a[@rel='author']\n"
            "body: //div[@class='story']\n"
            "body: //article\n"
            "strip: //div[@class='related']\n"
            "strip_id_or_class: share-bar\n"
            "prune: no\n"
            "tidy: no\n"
            f"test_url: https://www.site{i:04d}.example.com/news/story-{i}.html\n"
            "test_contains: The harbour reopened\n",
            encoding="utf-8",
        )


def run(env: dict[str, str], data: bytes) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-"], input=data, env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_configs(folder, args.files)
        plain = {k: v for k, v in os.environ.items() if k != "CLEANER_PROFILES"}
        configs = {**plain, "CLEANER_PROFILES": str(folder)}
        run(plain, TEXT)  # warm the file cache
        without, with_, page = [], [], []
        for _ in range(args.rounds):
            without.append(run(plain, TEXT))
            with_.append(run(configs, TEXT))
            page.append(run(configs, PAGE))
    a, b = statistics.median(without), statistics.median(with_)
    print(f"{args.rounds} rounds, median wall time of `echo text | cleaner clean -`:")
    print(f"{'without':>10} {'with ' + str(args.files) + ' site configs':>26} {'ratio':>6}")
    print(f"{a * 1000:>8.0f}ms {b * 1000:>24.0f}ms {b / a:>6.3f}")
    print(f"an HTML page of one of those hosts (its one file parsed): {statistics.median(page) * 1000:.0f}ms")


if __name__ == "__main__":
    main()
