"""Torture: the slow batch-run cases of "nothing lost", on the real CLI, held or broken.

    python benchmarks/torture.py [--files 1000] [-j 2]

- disk full: a JSONL -o on a 1 MB tmpfs (needs root to mount; else skipped), then --resume
  after room is made: held if the first run says so by name with exit 1 and the resumed
  output equals a run on a roomy disk;
- kill -9 and --resume with --errors: held if every failing input is listed exactly once
  and the output equals an uninterrupted run;
- two runs into one JSONL -o at once: held if the second is refused (exit 2) and the
  first's output has each input once.

(benchmarks/worker_death.py holds the 100 MB input and the killed-worker cases.)
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLEANER = [sys.executable, "-m", "cleaner"]
PROSE = "The council approved the new budget on Tuesday after a long debate about road repairs, number {}.\n"
BINARY = b"\x00\x01binary\x00" * 10


def corpus(root: Path, files: int) -> list[str]:
    """`files` scrapes, every seventh one binary; the failing ones' paths."""
    root.mkdir(parents=True)
    failing = []
    for i in range(files):
        path = root / f"{i:05d}.txt"
        if i % 7 == 3:
            path.write_bytes(BINARY)
            failing.append(str(path))
        else:
            path.write_text(PROSE.format(i) * 30, encoding="utf-8")
    return failing


def cleaner(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLEANER, *args], capture_output=True, text=True)


def disk_full(tmp: Path, src: Path, jobs: str) -> str:
    small = tmp / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(small)], capture_output=True)
    if mounted.returncode != 0:
        return "skipped (cannot mount a tmpfs here; needs root)"
    try:
        out = small / "out.jsonl"
        first = cleaner("clean", str(src), "--format", "jsonl", "-o", str(out), "-j", jobs, "-q")
        named = f"cleaner: {out}: No space left on device" in first.stderr and "Traceback" not in first.stderr
        # make room: move what was written to a roomy place and resume there
        roomy = tmp / "roomy"
        roomy.mkdir()
        for name in os.listdir(small):
            (roomy / name).write_bytes((small / name).read_bytes())
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)
    resumed = cleaner(
        "clean", str(src), "--format", "jsonl", "-o", str(roomy / "out.jsonl"), "-j", jobs, "-q", "--resume"
    )
    whole = cleaner("clean", str(src), "--format", "jsonl", "-o", str(tmp / "whole.jsonl"), "-j", jobs, "-q")
    same = (roomy / "out.jsonl").read_bytes() == (tmp / "whole.jsonl").read_bytes()
    held = first.returncode == 1 and named and resumed.returncode == 1 and whole.returncode == 1 and same
    return f"{'held' if held else 'BROKEN'} (first run exit {first.returncode}, resumed output identical: {same})"


def kill_and_resume(tmp: Path, src: Path, failing: list[str], jobs: str) -> str:
    out, errors = tmp / "k.jsonl", tmp / "k-errors.jsonl"
    args = ["clean", str(src), "--format", "jsonl", "-o", str(out), "--errors", str(errors), "-j", jobs, "-q"]
    proc = subprocess.Popen([*CLEANER, *args], stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (errors.exists() and errors.stat().st_size > len(failing) * 40):
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    resumed = cleaner(*args, "--resume")
    listed = [json.loads(line)["source"] for line in errors.read_text(encoding="utf-8").splitlines()]
    whole = cleaner("clean", str(src), "--format", "jsonl", "-o", str(tmp / "k-whole.jsonl"), "-j", jobs, "-q")
    same = out.read_bytes() == (tmp / "k-whole.jsonl").read_bytes()
    held = resumed.returncode == 1 and sorted(listed) == failing and same and whole.returncode == 1
    counts = f"{len(listed)} errors listed for {len(failing)} failing inputs"
    return f"{'held' if held else 'BROKEN'} ({counts}, output identical: {same})"


def two_runs(tmp: Path, src: Path, due: int, jobs: str) -> str:
    out = tmp / "two.jsonl"
    args = ["clean", str(src), "--format", "jsonl", "-o", str(out), "-j", jobs, "-q"]
    first = subprocess.Popen([*CLEANER, *args], stderr=subprocess.DEVNULL)
    while not (tmp / "two.jsonl.partial").exists() and first.poll() is None:
        time.sleep(0.01)
    second = cleaner(*args)
    first.wait()
    ids = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines() if line]
    held = second.returncode == 2 and len(ids) == len(set(ids)) == due
    return f"{'held' if held else 'BROKEN'} (second run exit {second.returncode}, {len(ids)} records, {due} due)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("-j", "--jobs", default="2")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        src = tmp / "in"
        failing = corpus(src, args.files)
        print(f"{args.files} inputs ({len(failing)} binary), -j {args.jobs}")
        print(f"  disk full on a JSONL -o:         {disk_full(tmp, src, args.jobs)}")
        print(f"  kill -9, --resume with --errors: {kill_and_resume(tmp, src, failing, args.jobs)}")
        print(f"  two runs into one JSONL -o:      {two_runs(tmp, src, args.files - len(failing), args.jobs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
