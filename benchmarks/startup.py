"""Start-up time: `echo text | cleaner clean -` against `python -c pass` and trafilatura's CLI.

Usage: python benchmarks/startup.py [--runs 10]

Wall time of each command through the shell (one warm-up run, then the median of
--runs), side by side in this one process. `cleaner` is the console script next to
sys.executable, else `python -m cleaner`; trafilatura's CLI is measured when installed.
Target for cleaner: 0.12 s, set where trafilatura's CLI took 0.15 s (both figures printed).
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 0.12
REFERENCE = 0.15  # trafilatura's CLI on the machine the target was set on (issue 6)


def script(name: str) -> str | None:
    path = Path(sys.executable).with_name(name)
    return shlex.quote(str(path)) if path.exists() and os.access(path, os.X_OK) else None


def wall(command: str, runs: int) -> float:
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)  # warm-up (disk cache)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()

    python = shlex.quote(sys.executable)
    cleaner = script("cleaner") or f"{python} -m cleaner"
    commands = {
        "python -c pass": f"{python} -c pass",
        "cleaner clean -": f"echo text | {cleaner} clean -",
    }
    if trafilatura := script("trafilatura"):
        commands["trafilatura (CLI)"] = f"echo '<html><body><p>text</p></body></html>' | {trafilatura}"
    else:
        print("trafilatura's CLI is not installed: not measured", file=sys.stderr)

    results = {name: wall(command, args.runs) for name, command in commands.items()}
    base = results["python -c pass"]
    print(f"median of {args.runs} runs, wall time")
    for name, seconds in results.items():
        print(f"  {name:18s} {seconds:6.3f} s  {seconds / base:5.1f}x python -c pass")
    ours = results["cleaner clean -"]
    print(f"  cleaner target <= {TARGET:.2f} s on this machine: {'met' if ours <= TARGET else 'NOT met'}")
    if "trafilatura (CLI)" in results:
        # The target was set where trafilatura's CLI took REFERENCE s; machines here differ
        # by 2-4x from run to run, so the side-by-side ratio is the figure that carries over.
        ratio = ours / results["trafilatura (CLI)"]
        verdict = "met" if ratio <= TARGET / REFERENCE else "NOT met"
        print(f"  cleaner / trafilatura CLI: {ratio:.2f}x (target {TARGET:.2f} s where it took {REFERENCE:.2f} s,")
        print(f"    that is <= {TARGET / REFERENCE:.2f}x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
