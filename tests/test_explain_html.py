"""`cleaner explain --format html`: the page, read back with the standard library's HTML parser."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from cleaner import clean
from cleaner.cli import main
from cleaner.explain import rows
from cleaner.explain_html import Explained, esc, page
from tests.conftest import ROOT, SEEDS

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class Tree(HTMLParser):
    """The page as an ElementTree, checking on the way that every element is closed where
    it should be (html.parser itself accepts anything)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("document")
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = ET.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def parse(text: str) -> ET.Element:
    tree = Tree()
    tree.feed(text)
    tree.close()
    assert tree.stack == [tree.root], "elements left open"
    assert tree.doctype == "DOCTYPE html"
    return tree.root


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def line_rows(section: ET.Element) -> list[ET.Element]:
    return [tr for tr in section.iter("tr") if classes(tr) & {"kept", "cut"}]


def cells(tr: ET.Element) -> dict[str, str]:
    return {td.get("class", ""): text_of(td) for td in tr.iter("td")}


def sections(root: ET.Element) -> list[ET.Element]:
    return [s for s in root.iter("section") if "doc" in classes(s)]


def metadata_panel(section: ET.Element) -> dict[str, str]:
    dl = next(dl for dl in section.iter("dl") if "metadata" in classes(dl))
    return {
        dd.get("data-field", ""): (dd.text or "") + "".join(text_of(e) for e in dd if "from" not in classes(e))
        for dd in dl.iter("dd")
    }


def explain_html(*args: str, **kw) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["explain", *args, "--format", "html"], **kw)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_line_once_in_order_removed_ones_with_rule_and_why(seed: Path):
    _, out, _ = explain_html(str(seed))
    (section,) = sections(parse(out))
    doc = clean(seed.read_bytes(), source=str(seed))
    shown = line_rows(section)
    expected = rows(doc)
    assert [int(cells(tr)["no"]) for tr in shown] == list(range(1, len(expected) + 1))
    assert [cells(tr)["text"] for tr in shown] == [r.text for r in expected]
    for tr, row in zip(shown, expected, strict=True):
        if row.removal is None:
            assert classes(tr) == {"kept"} and "title" not in tr.attrib and cells(tr)["rule"] == ""
        else:
            r = row.removal
            assert "cut" in classes(tr)
            assert tr.get("title") == f"{r.rule} ({r.kind}): {r.why}"
            assert cells(tr)["rule"] == r.rule
            assert tr.find(".//td[@class='text']") is not None
    assert metadata_panel(section) == {
        name: "none" if value in (None, []) else ", ".join(value) if isinstance(value, list) else str(value)
        for name, value in doc.metadata.as_dict().items()
    }
    profiles = [text_of(li.find("b")) for ul in section.iter("ul") if "profiles" in classes(ul) for li in ul]
    assert profiles == list(doc.profiles)


def test_a_rule_keeps_one_colour_and_rules_differ():
    _, out, _ = explain_html(str(SEEDS[1]))
    colour_of: dict[str, str] = {}
    for tr in line_rows(parse(out)):
        if "cut" in classes(tr):
            (colour,) = {c for c in classes(tr) if c.startswith("r") and c[1:].isdigit()}
            assert colour_of.setdefault(cells(tr)["rule"], colour) == colour
    assert len(set(colour_of.values())) == len(colour_of) > 3
    assert explain_html(str(SEEDS[1]))[1] == out  # the same page, byte for byte


def test_markup_in_the_scrape_is_shown_as_text():
    scrape = (
        "<script>alert('x')</script>\n\n"
        'The article text is here and it is long enough to be kept as prose, <b>bold</b> & "quoted".\n\n'
        "a NUL \x00 and an escape \x1b here in a line the article keeps too, long enough to stay.\n"
    )
    code, out, _ = explain_html("-", input=scrape.encode())
    assert code == 0
    root = parse(out)
    assert [e.tag for e in root.iter() if e.tag in ("script", "b")] == []
    texts = [cells(tr)["text"] for tr in line_rows(root)]
    assert "<script>alert('x')</script>" in texts
    assert 'The article text is here and it is long enough to be kept as prose, <b>bold</b> & "quoted".' in texts
    # the pipeline drops control characters; should one get through, it shows as its picture
    assert esc("a\x00b\x1b<\x7f") == "a\u2400b\u241b&lt;\u2421"


def test_the_page_stands_alone():
    _, out, _ = explain_html(str(SEEDS[0]))
    root = parse(out)
    tags = {e.tag for e in root.iter()}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert [e.get("href") for e in root.iter() if e.get("href") is not None] == []
    assert [e for e in root.iter() if e.get("src") is not None] == []
    csp = next(m for m in root.iter("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert csp.get("content", "").startswith("default-src 'none'")
    assert "url(" not in out and "@import" not in out


def test_a_directory_gives_a_section_per_file_and_the_rule_counts(monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = explain_html("seeds")
    assert code == 0
    root = parse(out)
    assert [text_of(s.find("h2")) for s in sections(root)] == [f"seeds{os.sep}{p.name}" for p in SEEDS]
    run = next(s for s in root.iter("section") if "run" in classes(s))
    table = next(t for t in run.iter("table") if "rules" in classes(t))
    counted = {}
    for tr in list(table)[1:]:
        rule, _kind, _why, lines, matches, inputs = (text_of(td) for td in tr)
        counted[rule] = (int(lines), int(matches), int(inputs))
    expected: dict[str, list[int]] = {}
    for seed in SEEDS:
        doc = clean(seed.read_bytes())
        for removal in doc.removals:
            count = expected.setdefault(removal.rule, [0, 0, 0])
            count[0] += sum(1 for line in removal.text.split("\n") if line.strip())
            count[1] += 1
        for rule in {r.rule for r in doc.removals}:
            expected[rule][2] += 1
    assert counted == {rule: tuple(count) for rule, count in expected.items()}
    lines = [int(c[0]) for c in counted.values()]
    assert lines == sorted(lines, reverse=True)
    assert [a.get("href") for a in run.iter("a")] == [f"#input-{n}" for n in range(1, len(SEEDS) + 1)]


def test_an_input_that_fails_is_a_section_with_its_error(tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("The article text is here and it is long enough to be kept as prose.\n")
    (inputs / "b.txt.gz").write_bytes(b"not gzip")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["explain", str(inputs), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"cleaner: {inputs / 'b.txt.gz'}: not a readable gzip file: Not a gzipped file (b'no')\n"
    failed = sections(parse(out.read_text(encoding="utf-8")))[1]
    assert text_of(failed.find("p")).startswith("Not cleaned: not a readable gzip file")


def test_output_file_is_written_whole_and_never_over_an_input(tmp_path: Path):
    seed = tmp_path / "scrape.txt"
    seed.write_bytes(SEEDS[2].read_bytes())
    _, expected, _ = explain_html(str(seed))
    out = tmp_path / "page.html"
    assert explain_html(str(seed), "-o", str(out)) == (0, "", "")
    assert out.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html", "scrape.txt"]
    link = tmp_path / "link.html"
    link.symlink_to(seed)
    for target in (seed, link):
        code, _, err = explain_html(str(seed), "-o", str(target))
        assert code == 2 and f"is the input {seed}; it would be overwritten" in err
    assert seed.read_bytes() == SEEDS[2].read_bytes()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_o_writes_the_other_formats_too(tmp_path: Path, fmt: str):
    out = tmp_path / f"explained.{fmt}"
    to_stdout = CliRunner().invoke(main, ["explain", str(SEEDS[2]), "--format", fmt]).stdout
    result = CliRunner().invoke(main, ["explain", str(SEEDS[2]), "--format", fmt, "-o", str(out)], color=True)
    assert (result.exit_code, result.stdout) == (0, "")
    assert out.read_text(encoding="utf-8") == to_stdout  # no colour codes in a file


def test_several_inputs_need_html():
    result = CliRunner().invoke(main, ["explain", str(SEEDS[0]), str(SEEDS[1])])
    assert result.exit_code == 2
    assert "several inputs or a directory need --format html" in result.stderr
    assert CliRunner().invoke(main, ["explain", str(ROOT / "seeds"), "--format", "json"]).exit_code == 2


def test_an_empty_run_and_a_page_without_removals():
    doc = clean("Fine prose, long enough to keep as it is.\n")
    assert "No rule removed anything." in page([Explained("a", doc), Explained("b", doc)])


class HtmlSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "html"


def test_seed_page_exactly(snapshot, monkeypatch):
    """The whole page for a seed, byte for byte (open the snapshot in a browser to see it)."""
    monkeypatch.chdir(ROOT)
    code, out, _ = explain_html(f"seeds/{SEEDS[2].name}")  # the README's screenshot
    assert code == 0
    assert out == snapshot.use_extension(HtmlSnapshot)


def test_an_html_page_shows_the_elements_site_rules_stripped(tmp_path: Path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "example-news.toml").write_text(
        '[profile]\nname = "example-news"\nhosts = ["example-news.com"]\n\n'
        '[[rules]]\nkind = "strip"\nselect = "div.related"\nwhy = "related-stories rail"\n'
    )
    prose = "The first paragraph of the article is here, and it is long enough to be kept as prose."
    page_html = tmp_path / "page.html"
    page_html.write_text(
        f"<html><body><article><p>{prose}</p><p>{prose.replace('first', 'second')}</p>"
        "<div class='related'><p>Another story &lt;b&gt; you may like</p></div></article></body></html>"
    )
    args = ["--url", "https://example-news.com/a", "--profiles-dir", str(tmp_path / "p")]
    code, out, _ = explain_html(str(page_html), *args)
    assert code == 0
    (section,) = sections(parse(out))
    stripped = [text_of(li) for ul in section.iter("ul") if "page" in classes(ul) for li in ul]
    assert stripped == [
        "stripped div.related by example-news#1 (strip): related-stories rail (div.related): "
        '"Another story <b> you may like"'
    ]
    assert [cells(tr)["text"] for tr in line_rows(section)] == [prose, prose.replace("first", "second")]
    legend = [text_of(li) for ul in section.iter("ul") if "legend" in classes(ul) for li in ul]
    assert legend == ["example-news#1 strip, 1 elementrelated-stories rail (div.related)"]


def test_jsonl_records_are_sections_and_their_url_finds_the_profile(tmp_path: Path):
    text = "Subscribe to our newsletter\n\nThe article text is here and it is long enough to be kept as prose.\n"
    records = tmp_path / "scrapes.jsonl"
    records.write_text(
        json.dumps({"text": text, "url": "https://www.coinspeaker.com/a/"}) + "\n" + json.dumps({"id": 2}) + "\n"
    )
    code, out, err = explain_html(str(records))
    assert code == 1 and err == f'cleaner: {records}:2: record has no "text" or "html" string field\n'
    first, second = sections(parse(out))
    assert [text_of(s.find("h2")) for s in (first, second)] == [f"{records}:1", f"{records}:2"]
    profiles = [text_of(li) for ul in first.iter("ul") if "profiles" in classes(ul) for li in ul]
    assert profiles == ['coinspeaker matched by host www.coinspeaker.com matches "coinspeaker.com"']


def test_a_page_inside_an_input_directory_is_refused(tmp_path):
    # clean refuses it; explain wrote it there and the next run read it as input (attacker trial)
    from click.testing import CliRunner

    from cleaner.cli import main

    folder = tmp_path / "samples"
    folder.mkdir()
    (folder / "a.txt").write_text("The harbour reopened on Monday after three days of storms.\n")
    result = CliRunner().invoke(main, ["explain", str(folder), "--format", "html", "-o", str(folder / "r.html")])
    assert result.exit_code == 2 and "is inside the input directory" in result.stderr
    assert not (folder / "r.html").exists()
