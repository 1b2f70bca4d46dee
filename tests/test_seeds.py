"""The seeds against the gold (the specification), and snapshots of everything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.report import metadata_report, removal_report
from tests.conftest import GOLD, ROOT, SEEDS

SHARED_GOLD = ROOT.parent / "shared" / "gold"


def test_there_are_five_seeds():
    assert [p.stem[:3] for p in SEEDS] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_text_equals_gold(seed: Path):
    assert clean(seed.read_bytes()).text == (GOLD / seed.name).read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_metadata_equals_gold(seed: Path):
    gold = json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))
    metadata = clean(seed.read_bytes()).metadata.as_dict()
    assert {key: metadata[key] for key in gold} == gold


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_snapshots(seed: Path, snapshot_txt):
    doc = clean(seed.read_bytes(), source=f"seeds/{seed.name}")
    assert doc.text == snapshot_txt(name="text")
    assert metadata_report(doc) == snapshot_txt(name="metadata")
    assert removal_report(doc) == snapshot_txt(name="removals")


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="../shared/gold is not beside the repo")
def test_gold_copy_is_current():
    for gold in SHARED_GOLD.glob("*.*"):
        assert (GOLD / gold.name).read_bytes() == gold.read_bytes(), gold.name
