"""Torture: one huge input amid eight small ones must cost only itself, never the run.

    python benchmarks/worker_death.py [--mb 100] [--limit-kb 1500000] [-j 2]

A directory of eight small scrapes (the seeds, renamed) and one generated file of
--mb megabytes goes through the real CLI (`cleaner clean DIR -o OUT -j N`) in a shell
with `ulimit -v` set, in three cases:

- prose: 100 MB of prose paragraphs, which fits in the limit (a baseline);
- short lines: 100 MB of 3-byte lines, whose line list does not fit: MemoryError;
- oom-kill: the prose file, no ulimit, but every process of the run that passes
  200 MB of RSS is SIGKILLed, as the kernel's OOM killer would do under a memory
  cap: the big input kills each worker that takes it.

"held" means every small input was written, identical to a run without the big one,
the exit code is 0 or 1 and no traceback was printed; anything else is "broken".
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CLEANER = [sys.executable, "-m", "cleaner"]

SHAPES = {
    "prose": "This is a sentence of prose in the article body, long enough to be kept.\n\n",
    "short lines": "ab\n",
}


def small(folder: Path) -> None:
    folder.mkdir()
    for i in range(8):
        seed = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
        (folder / f"small{i}.txt").write_text(f"Article {i}\n\n{seed}", encoding="utf-8")


def big(path: Path, unit: str, mb: float) -> None:
    block = unit * (1_000_000 // len(unit))
    with path.open("w", encoding="utf-8") as f:
        for _ in range(int(mb)):
            f.write(block)


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def clean(src: Path, out: Path, workers: int, limit_kb: int | None, kill_at_mb: int | None):
    command = shlex.join([*CLEANER, "clean", str(src), "-o", str(out), "-j", str(workers), "-q"])
    if limit_kb:
        command = f"ulimit -v {limit_kb}; exec {command}"
    start = time.perf_counter()
    proc = subprocess.Popen(["bash", "-c", command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = 0
    while kill_at_mb and proc.poll() is None:
        for worker in children(proc.pid):
            if rss_kb(worker) > kill_at_mb * 1000:
                os.kill(worker, signal.SIGKILL)
                killed += 1
        time.sleep(0.02)
    _, stderr = proc.communicate()
    return proc.returncode, time.perf_counter() - start, stderr, killed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100, help="size of the big input (default 100)")
    ap.add_argument("--limit-kb", type=int, default=1_500_000, help="ulimit -v for the runs (default 1500000)")
    ap.add_argument("-j", type=int, default=2, help="workers (default 2)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small(root / "in")
        reference = root / "reference"
        code, _, stderr, _ = clean(root / "in", reference, args.j, None, None)
        assert code == 0, stderr
        cases = [
            ("prose", SHAPES["prose"], args.limit_kb, None),
            ("short lines", SHAPES["short lines"], args.limit_kb, None),
            ("oom-kill", SHAPES["prose"], None, 200),
        ]
        print(f"8 small inputs and one of {args.mb:g} MB, -j {args.j}, ulimit -v {args.limit_kb} (oom-kill: none)")
        for name, unit, limit, kill_at in cases:
            src, out = root / "case", root / "out"
            shutil.copytree(root / "in", src)
            big(src / "big.txt", unit, args.mb)
            code, took, stderr, killed = clean(src, out, args.j, limit, kill_at)
            written = [p.name for p in sorted(out.glob("small*.txt"))] if out.is_dir() else []
            same = all((out / n).read_bytes() == (reference / n).read_bytes() for n in written)
            held = len(written) == 8 and same and code in (0, 1) and "Traceback" not in stderr
            big_out = "written" if (out / "big.txt").exists() else "failed"
            said = next((line for line in stderr.splitlines() if "big.txt" in line), "")
            said = said.replace(str(src) + "/", "")
            print(
                f"{name:12} {'held' if held else 'BROKEN':6} exit {code}  {took:5.1f} s  "
                f"small {len(written)}/8  big {big_out}"
            )
            if killed:
                print(f"{'':12} {killed} workers SIGKILLed")
            if said:
                print(f"{'':12} {said}")
            if not held:
                print(stderr[-2000:], file=sys.stderr)
            shutil.rmtree(src)
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
