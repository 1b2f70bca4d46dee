"""learn and new on samples with very long lines: they finish (the caption search was
quadratic in the line: 40 KB took minutes, found by an attacker trial)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.test_corpus_run import cleaner_command

# Generous: the run takes under a second; before the fix it took minutes. A hang check, not a benchmark.
HANG = 90


# (the tags closed once: a fragment with no element closed is read as text, a text about tags)
@pytest.mark.parametrize(
    "line", ["<div>" * 8000 + "</div>", "word " * 8000, "x" * 40000], ids=["tags", "words", "one-token"]
)
def test_learn_and_new_finish_on_a_40_kb_line(tmp_path: Path, line: str):
    long = tmp_path / "long.txt"
    long.write_text(line + "\n", encoding="utf-8")
    learn = subprocess.run(
        [*cleaner_command(), "learn", str(long), str(SEEDS[0]), str(SEEDS[1]), "--name", "x"],
        capture_output=True,
        text=True,
        timeout=HANG,
    )
    # 8,000 nested tags are HTML too deep to read: that input is skipped, by name, status 1
    skipped = 1 if line.startswith("<div>") else 0
    assert learn.returncode == skipped, learn.stderr
    new = subprocess.run(
        [*cleaner_command(), "new", "x", "--sample", str(long), "--sample", str(SEEDS[0])],
        capture_output=True,
        text=True,
        timeout=HANG,
    )
    assert new.returncode == skipped, new.stderr
