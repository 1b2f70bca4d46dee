"""lxml's limits (256 nested elements, 10 MB nodes, lone surrogates) must not cut a page's
text short with exit 0: the text is kept, or the input fails by name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaner import InputError, clean
from tests.hostile.pages import LAST, PARAGRAPHS, article, cli, jsonl, nested

DEPTH_LIMIT = re.compile(
    r"cleaner: (?P<source>\S+): HTML parser stopped at line 1, column \d+: Excessive depth in document: 2048\n"
)


def test_lone_surrogate_in_jsonl_html_keeps_the_rest(tmp_path: Path):
    page = article(middle="<p>Caf\ud800 menu</p>")
    source = jsonl(tmp_path / "in.jsonl", {"id": "a", "html": page}, {"id": "b", "text": PARAGRAPHS[0]})
    result = cli(str(source), "--format", "jsonl")
    assert (result.exit_code, result.stderr) == (0, "cleaner: 2 cleaned, 0 failed\n")
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["id"] == "a" and LAST in first["text"] and "Caf\ufffd menu" in first["text"]
    assert second["id"] == "b"


def test_lone_surrogate_in_another_field_is_written_as_replacement(tmp_path: Path):
    source = jsonl(tmp_path / "in.jsonl", {"id": "x\udc80y", "text": PARAGRAPHS[0]})
    result = cli(str(source), "--format", "jsonl")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["id"] == "x\ufffdy"


@pytest.mark.parametrize("depth", [300, 2000])
def test_deeply_nested_html_file_keeps_its_text(tmp_path: Path, depth: int):
    page = tmp_path / "deep.html"
    page.write_text(nested(depth), encoding="utf-8")
    result = cli(str(page))
    assert (result.exit_code, result.stderr) == (0, "")
    assert PARAGRAPHS[0] in result.stdout and LAST in result.stdout


def test_html_attribute_over_10_mb_keeps_the_text(tmp_path: Path):
    page = tmp_path / "big.html"
    page.write_text(article(before=f'<div data-blob="{"a" * 11_000_000}"></div>'), encoding="utf-8")
    result = cli(str(page))
    assert (result.exit_code, result.stderr) == (0, "")
    assert LAST in result.stdout


def test_html_deeper_than_the_parser_goes_fails_by_name(tmp_path: Path):
    deep, fine = tmp_path / "in" / "deep.html", tmp_path / "in" / "fine.html"
    deep.parent.mkdir()
    deep.write_text(nested(3000), encoding="utf-8")
    fine.write_text(article(), encoding="utf-8")
    out = tmp_path / "out"
    result = cli(str(deep.parent), "-o", str(out))
    assert result.exit_code == 1
    error, summary = result.stderr.splitlines(keepends=True)
    assert DEPTH_LIMIT.fullmatch(error)["source"] == str(deep)
    assert summary == f"cleaner: 1 cleaned, 1 failed into {out}\n"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["fine.txt"]  # not the run's lock


def test_jsonl_record_too_deep_for_the_parser_fails_alone(tmp_path: Path):
    source = jsonl(tmp_path / "in.jsonl", {"html": nested(3000)}, {"html": article()})
    result = cli(str(source), "--format", "jsonl")
    assert result.exit_code == 1
    error, summary = result.stderr.splitlines(keepends=True)
    assert DEPTH_LIMIT.fullmatch(error)["source"] == f"{source}:1"
    assert summary == "cleaner: 1 cleaned, 1 failed\n"
    assert LAST in json.loads(result.stdout)["text"]


def test_library_keeps_text_past_a_surrogate_and_deep_nesting():
    doc = clean(article(middle="<p>Caf\ud800 menu</p>"))
    assert LAST in doc.text and "Caf\ufffd menu" in doc.text
    assert "ftfy:fix_surrogates" in doc.steps
    assert LAST in clean(nested(300)).text


def test_library_refuses_html_deeper_than_the_parser_goes():
    with pytest.raises(
        InputError, match=r"^HTML parser stopped at line 1, column \d+: Excessive depth in document: 2048$"
    ):
        clean(nested(3000))


@pytest.mark.parametrize("reference", ["&#7;", "&#x1F;", "&#01;", "&#xFFFE;", "&#65535;", "&#12;"])
@pytest.mark.parametrize("fast", [False, True])
def test_a_reference_to_a_control_character_does_not_empty_the_page(reference, fast):
    """trafilatura cannot put such a character in its output tree and returned nothing for
    the whole page (exit 0, "no main text"): the reference goes, as the raw character would."""
    html = article(middle=f"<p>The harbour {reference}council voted to mend the pier this summer.</p>")
    html = html.replace("<title>", f"<title>Pier {reference}news ")
    doc = clean(html, fast=fast)
    assert LAST in doc.text
    assert re.search(r"The harbour ?council voted", doc.text)
