"""Big pages: time per MB and peak memory of the HTML path at 1, 4, 16 and 64 MB of HTML.

Usage: python benchmarks/big_pages.py [--sizes 1,4,16,64] [--page FILE] [--shape article|page]
                                      [--rounds 1] [--devset DIR] [--profile MB]

The pages are made from one real dev-set page (--page, default
DIR/html/theverge.com.ios13.html):
  article  its article's paragraphs (every <p> of the page) repeated in place, after its
           last </p>, until the page has the size: one very long article in its real page
  page     its whole <body> repeated: the page many times over (many headlines, menus, footers)
Each size is run on both sides in a fresh subprocess (so the peak RSS, VmHWM, is that
side's own; imports and one pass over the page it was grown from are done before the clock
starts, and the RSS then is given as "base"):
  trafilatura  trafilatura.bare_extraction(page bytes, **cleaner.stages.html.OPTIONS):
               the extractor alone with the options cleaner passes it
  cleaner      cleaner.clean(page bytes, html=True), profiles loaded before the clock;
               its trafilatura calls (bare_extraction) are timed inside it, the rest is
               cleaner's own part, split by stage (cleaner.pipeline.STAGES)
Times are CPU seconds of the side's process (time.process_time: other processes on a busy
machine move wall time by a third), the total's wall time printed too; with --rounds N,
each side's fastest of N runs (cleaner's: the fastest own part). Prints per size:
seconds per MB and peak RSS (MB, and as a multiple of the input) of each
side, and cleaner's own part per MB two ways: cleaner minus its own trafilatura calls, and
cleaner minus trafilatura alone. Then the target of issue 16: cleaner's own part per MB at
the largest size over the same at 4 MB (<= 1.5), and cleaner's peak RSS under 10x the input.
--profile MB: cProfile of cleaner on the MB page instead (the 30 costliest by own time).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = ROOT.parent / "shared" / "devset"
DEFAULT_PAGE = "theverge.com.ios13.html"
MB = 1_000_000
RATIO_TARGET = 1.5
MEMORY_TARGET = 10.0


def make_page(source: bytes, size_mb: float, shape: str) -> bytes:
    """The page `source` grown to about `size_mb` MB."""
    html = source.decode("utf-8", "replace")
    target = int(size_mb * MB)
    if shape == "page":
        start = re.search(r"<body\b[^>]*>", html, re.I)
        end = html.lower().rfind("</body>")
        assert start and end > start.end(), "the page has no <body>"
        inner = html[start.end() : end]
        copies = max(1, round((target - len(html)) / max(1, len(inner.encode()))) + 1)
        return (html[: start.end()] + inner * copies + html[end:]).encode()
    paragraphs = re.findall(r"<p\b[^>]*>.*?</p>", html, re.I | re.S)
    assert paragraphs, "the page has no <p>"
    block = "\n".join(paragraphs) + "\n"
    last = html.lower().rfind("</p>") + len("</p>")
    copies = max(0, round((target - len(html.encode())) / len(block.encode())))
    return (html[:last] + "\n" + block * copies + html[last:]).encode()


def peak_rss() -> float:
    """This process's peak RSS in MB: VmHWM, its own address space's. (getrusage's ru_maxrss
    would also count the parent's RSS at the fork, which an exec does not reset on Linux.)"""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(side: str, path: str, warm: str) -> None:
    """One side on one page, in this (fresh) process: prints its figures as JSON. The page
    it was grown from (`warm`) goes through first, so first-use work (imports, compiled
    patterns, loaded lists) is not counted."""
    warm_up = Path(warm).read_bytes()
    import trafilatura

    import cleaner
    from cleaner import pipeline
    from cleaner.stages.html import OPTIONS

    out: dict = {}
    if side == "trafilatura":
        trafilatura.bare_extraction(warm_up, **OPTIONS)
        base = peak_rss()
        data = Path(path).read_bytes()
        start, real = time.process_time(), time.perf_counter()
        result = trafilatura.bare_extraction(data, **OPTIONS)
        out["cpu"] = time.process_time() - start
        out["real"] = time.perf_counter() - real
        out["chars"] = len(getattr(result, "text", None) or "")
    else:
        profiles = cleaner.load_profiles()
        cleaner.clean(warm_up, html=True, profiles=profiles)
        base = peak_rss()
        data = Path(path).read_bytes()
        stages: dict[str, float] = defaultdict(float)
        extractor = trafilatura.bare_extraction

        def timed_extraction(*args, **kwargs):
            t = time.process_time()
            try:
                return extractor(*args, **kwargs)
            finally:
                stages["trafilatura"] += time.process_time() - t

        def wrap(stage):
            name = stage.__module__.rsplit(".", 1)[-1]

            def run(doc, ctx):
                t = time.process_time()
                try:
                    return stage(doc, ctx)
                finally:
                    stages[name] += time.process_time() - t

            return run

        trafilatura.bare_extraction = timed_extraction
        pipeline.STAGES = tuple(wrap(s) for s in pipeline.STAGES)
        start, real = time.process_time(), time.perf_counter()
        doc = cleaner.clean(data, html=True, profiles=profiles)
        out["cpu"] = time.process_time() - start
        out["real"] = time.perf_counter() - real
        out["chars"] = len(doc.text)
        stages["html"] -= stages["trafilatura"]  # the html stage's own part
        out["stages"] = dict(stages)
    out["rss"] = peak_rss()
    out["base"] = base
    print(json.dumps(out))


def run_side(side: str, path: Path, warm: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", side, str(path), str(warm)], capture_output=True, text=True, check=False
    )
    if proc.returncode:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{side} failed on {path}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def profile(page: bytes, warm_up: bytes, top: int = 30) -> None:
    import cProfile
    import pstats

    import cleaner

    profiles = cleaner.load_profiles()
    cleaner.clean(warm_up, html=True, profiles=profiles)
    prof = cProfile.Profile()
    prof.runcall(cleaner.clean, page, html=True, profiles=profiles)
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,4,16,64", help="MB, comma-separated (default 1,4,16,64)")
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("--page", type=Path, help=f"the page to grow (default DEVSET/html/{DEFAULT_PAGE})")
    ap.add_argument("--shape", choices=("article", "page"), default="article")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each side per size: the fastest is kept")
    ap.add_argument("--profile", type=float, metavar="MB", help="cProfile cleaner on one page of MB")
    ap.add_argument("--child", nargs=3, metavar=("SIDE", "FILE", "WARM"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return 0
    warm = args.page or args.devset / "html" / DEFAULT_PAGE
    source = warm.read_bytes()
    if args.profile:
        profile(make_page(source, args.profile, args.shape), source)
        return 0
    sizes = [float(s) for s in args.sizes.split(",")]
    rows = []
    print(f"shape {args.shape}, from {(args.page or Path(DEFAULT_PAGE)).name}")
    print(
        f"{'MB':>5} | {'trafilatura s/MB':>16} {'RSS':>5} {'xin':>4} | {'cleaner s/MB':>12} {'RSS':>5} {'xin':>4}"
        f" | {'ratio':>5} | {'own s/MB':>8} {'vs alone':>8} {'+RSS xin':>8} | own part by stage (CPU s)"
    )
    with tempfile.TemporaryDirectory(prefix="big-pages-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"page-{size:g}.html"
            path.write_bytes(make_page(source, size, args.shape))
            mb = path.stat().st_size / MB
            alone = min((run_side("trafilatura", path, warm) for _ in range(args.rounds)), key=lambda r: r["cpu"])
            ours = min(
                (run_side("cleaner", path, warm) for _ in range(args.rounds)),
                key=lambda r: r["cpu"] - r["stages"]["trafilatura"],
            )
            path.unlink()
            own = (ours["cpu"] - ours["stages"]["trafilatura"]) / mb
            versus = (ours["cpu"] - alone["cpu"]) / mb
            extra = (ours["rss"] - alone["rss"]) / mb
            stages = " ".join(f"{k}={v:.2f}" for k, v in sorted(ours["stages"].items(), key=lambda kv: -kv[1]))
            rows.append((mb, own, ours["rss"], extra))
            print(
                f"{mb:5.1f} | {alone['cpu'] / mb:6.3f} ({alone['real']:6.1f} s)"
                f" {alone['rss']:5.0f} {alone['rss'] / mb:4.0f}"
                f" | {ours['cpu'] / mb:12.3f} {ours['rss']:5.0f} {ours['rss'] / mb:4.0f}"
                f" | {ours['cpu'] / alone['cpu']:5.2f} | {own:8.3f} {versus:8.3f} {extra:8.1f} | {stages}",
                flush=True,
            )
    print(
        "s/MB: CPU seconds per MB of HTML (trafilatura alone: its wall seconds in brackets); RSS: peak MB, imports\n"
        f"included (before the clock: trafilatura {alone['base']:.0f} MB, cleaner {ours['base']:.0f} MB);"
        " xin: RSS / input size; ratio: cleaner / trafilatura alone;\nown: cleaner minus its own trafilatura calls;"
        " vs alone: cleaner minus trafilatura alone; +RSS xin: cleaner's peak RSS minus trafilatura's, / input size"
    )
    four = [r for r in rows if abs(r[0] - 4) < 0.5]
    if four and rows[-1][0] > 4.5:
        growth = rows[-1][1] / four[0][1]
        print(
            f"own part per MB at {rows[-1][0]:.0f} MB / at 4 MB: {growth:.2f}x (target <= {RATIO_TARGET}:"
            f" {'met' if growth <= RATIO_TARGET else 'NOT met'})"
        )
    big = [r for r in rows if r[0] >= 4]
    if big:
        worst = max(r[3] for r in big)
        print(
            f"cleaner's peak RSS beyond trafilatura alone's, at 4 MB and more: at most {worst:.1f}x the input"
            f" (target < {MEMORY_TARGET:g}x: {'met' if worst < MEMORY_TARGET else 'NOT met'}); all of it: at most"
            f" {max(r[2] / r[0] for r in big):.0f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
