"""cleaner.datatrove_step.Cleaner in a real datatrove pipeline (local executor, JSONL in and out)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from datatrove.data import Document as DtDocument
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner import errors
from cleaner.datatrove_step import Cleaner
from tests.conftest import GOLD, SEEDS

HTML = (
    "<html><head><title>Tide pools at dawn | Shore Notes</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
    "<article><h1>Tide pools at dawn</h1>"
    "<p>The tide pools along the northern shore fill with anemones and small crabs every spring, "
    "and the best time to see them is the hour after dawn, before the water warms.</p>"
    "<p>Volunteers from the local marine club count the species each year and publish the "
    "numbers so that changes in the water can be followed over decades.</p></article>"
    "<footer>Copyright 2024 Shore Notes</footer></body></html>"
)
MENU = "Home\nAbout\nContact\n"


def read_jsonl(folder: Path) -> list[dict]:
    records = []
    for path in sorted(folder.glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            records += [json.loads(line) for line in f]
    return records


def run(tmp_path: Path, docs: list[dict], **options) -> tuple[dict[str, dict], dict[str, dict]]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(inputs)),
            Cleaner(exclusion_writer=JsonlWriter(str(tmp_path / "failed")), **options),
            JsonlWriter(str(tmp_path / "clean")),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    by_id = lambda records: {r["id"]: r for r in records}  # noqa: E731
    return by_id(read_jsonl(tmp_path / "clean")), by_id(read_jsonl(tmp_path / "failed"))


def test_a_pipeline_cleans_scrapes_and_html_and_sets_aside_what_has_no_text(tmp_path):
    seed = SEEDS[0]
    gold = json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))
    docs = [
        {"id": "seed", "text": seed.read_text(encoding="utf-8")},
        {"id": "page", "text": HTML, "metadata": {"url": "https://shore-notes.example/tide-pools"}},
        {"id": "menu", "text": MENU, "metadata": {"url": "not a url"}},
    ]
    clean, failed = run(tmp_path, docs)
    assert sorted(clean) == ["page", "seed"]
    assert clean["seed"]["text"] == (GOLD / f"{seed.stem}.txt").read_text(encoding="utf-8")
    meta = clean["seed"]["metadata"]
    for name in ("title", "author", "date", "sitename"):
        assert meta.get(name) == gold.get(name), name
    assert meta["cleaner_removed"] > 0
    assert clean["page"]["text"] == (
        "The tide pools along the northern shore fill with anemones and small crabs every spring, "
        "and the best time to see them is the hour after dawn, before the water warms.\n\n"
        "Volunteers from the local marine club count the species each year and publish the "
        "numbers so that changes in the water can be followed over decades.\n"
    )
    assert clean["page"]["metadata"]["title"] == "Tide pools at dawn"
    assert clean["page"]["metadata"]["url"] == "https://shore-notes.example/tide-pools"
    # nothing lost: the document with no article text is set aside as it came, with why
    assert failed["menu"]["text"] == MENU
    assert failed["menu"]["metadata"]["cleaner_error"] == "no text left after cleaning"


def test_metadata_that_came_with_the_data_is_kept():
    step = Cleaner()
    doc = DtDocument(text=SEEDS[0].read_text(encoding="utf-8"), id="x", metadata={"title": "From the crawl"})
    (out,) = list(step.run([doc]))
    assert out.metadata["title"] == "From the crawl"
    assert out.metadata["cleaner_profiles"]


def test_a_document_that_fails_goes_aside_and_the_rest_go_on(monkeypatch):
    step = Cleaner()
    real = step.clean_one

    def failing(text, metadata, doc_id):
        if doc_id == "bad":
            raise errors.InputError("not a scrape")
        return real(text, metadata, doc_id)

    monkeypatch.setattr(step, "clean_one", failing)
    aside: list[DtDocument] = []

    class Collect:  # a DiskWriter's interface, in memory
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def write(self, doc, rank=0):
            aside.append(doc)

    step.exclusion_writer = Collect()  # type: ignore[assignment]
    docs = [DtDocument(text=SEEDS[1].read_text(encoding="utf-8"), id=i) for i in ("a", "bad", "b")]
    out = list(step.run(docs))
    assert [d.id for d in out] == ["a", "b"]
    assert [(d.id, d.metadata["cleaner_error"]) for d in aside] == [("bad", "not a scrape")]
    assert step.stats["dropped_error"].total == 1


def test_an_unknown_profile_is_an_error_before_any_document():
    with pytest.raises(errors.UnknownProfile):
        list(Cleaner(profile="no-such-profile").run([DtDocument(text="x", id="1")]))
