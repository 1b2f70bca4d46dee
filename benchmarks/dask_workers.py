"""The Dask engine against the local one: throughput with 1 and 2 workers, side by side.

    python benchmarks/dask_workers.py [--docs 3000] [--devset DIR]

The dev set's text scrapes (/work/shared/devset/text) are copied round-robin into a
temporary folder until there are --docs of them. Each run goes through the real CLI in
a subprocess (`cleaner clean DIR --format jsonl -o FILE -q`), so its wall time includes
start-up: for --engine dask that is starting a LocalCluster of -j worker processes.
A run on a single document gives that fixed cost on its own. Needs the dask extra.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset" / "text"


def command() -> list[str]:
    script = Path(sys.executable).with_name("cleaner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleaner"]


def corpus(devset: Path, docs: int, into: Path) -> int:
    """`docs` scrapes in folders of 500; their total size in bytes."""
    sources = sorted(p for p in devset.rglob("*") if p.is_file())
    size = 0
    for i in range(docs):
        source = sources[i % len(sources)]
        target = into / f"batch{i // 500:03d}" / f"{i:06d}_{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
        size += source.stat().st_size
    return size


def timed(inputs: Path, out: Path, engine: str, workers: int) -> float:
    start = time.perf_counter()
    args = ["clean", str(inputs), "--format", "jsonl", "-o", str(out), "-q", "--engine", engine, "-j", str(workers)]
    proc = subprocess.run([*command(), *args], capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"cleaner {' '.join(args)} failed:\n{proc.stderr}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args()
    if not args.devset.is_dir():
        sys.exit(f"no dev set at {args.devset}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        size = corpus(args.devset, args.docs, tmp / "in")
        one = tmp / "one"
        corpus(args.devset, 1, one)
        print(f"{args.docs} documents, {size / 1e6:.1f} MB (the dev set repeated)\n")
        print(f"{'engine':<8} {'-j':>3} {'seconds':>8} {'MB/s':>7} {'docs/s':>8} {'1-doc run, s':>13}")
        outputs = {}
        for engine in ("local", "dask"):
            for workers in (1, 2):
                out = tmp / f"{engine}{workers}.jsonl"
                seconds = timed(tmp / "in", out, engine, workers)
                fixed = timed(one, tmp / "fixed.jsonl", engine, workers)
                outputs[engine, workers] = out.read_bytes()
                print(
                    f"{engine:<8} {workers:>3} {seconds:>8.2f} {size / 1e6 / seconds:>7.2f} "
                    f"{args.docs / seconds:>8.0f} {fixed:>13.2f}"
                )
        same = len(set(outputs.values())) == 1
        print(f"\noutputs identical across engines and -j: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
