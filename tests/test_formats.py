"""The txt, csv, xml and markdown outputs (cleaner.formats), each with an exact expected output
and read back by a standard parser, and the structure the markdown reads (Line.structure)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main
from cleaner.document import Structure

HERE = Path(__file__).parent / "formats"
SCRAPE = HERE / "scrape.txt"  # a text scrape: a headline, two paragraphs and a list
PAGE = HERE / "page.html"  # an article page: headings, nested list, quote, table, link, image, comments
URL = "https://port.example/news/harbour/"

SCRAPE_TEXT = (
    "The harbour reopened on Monday after a week of repairs, the port authority said in a statement.\n"
    "\n"
    "- Ferries run again from Tuesday morning.\n"
    "- Cargo ships wait one more day.\n"
    "\n"
    "Fishermen said the damage was worse than in 2019, and that repairs will go on all summer.\n"
)
PAGE_TEXT = (
    "The harbour reopened on Monday after a week of repairs, the port authority said in a statement to the press.\n"
    "\n"
    "What changes\n"
    "\n"
    "- Ferries run again from Tuesday morning.\n"
    "- Cargo ships wait one more day.\n"
    "- Tankers wait two.\n"
    "\n"
    "We rebuilt the north quay in five days, which nobody thought possible.\n"
    "\n"
    "| Quay | Status |\n"  # a table: a row per line, as one block (a blank line between rows: new-user trial)
    "|---|---|\n"
    "| North | open |\n"
    "| South | closed |\n"
    "\n"
    "Fishermen said the damage was worse than in 2019, and that repairs will go on all summer.\n"
)


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_txt_is_text_by_another_name(tmp_path: Path):
    assert run("clean", str(SCRAPE), "--format", "txt").stdout == SCRAPE_TEXT
    assert run("clean", str(SCRAPE), "--format", "txt", "-o", str(tmp_path / "out.txt")).exit_code == 0
    assert (tmp_path / "out.txt").read_text() == SCRAPE_TEXT
    assert run("clean", str(PAGE)).stdout == PAGE_TEXT  # the page's text, as the other formats hold it


# --- csv

CSV_HEADER = "source,url,title,author,date,sitename,categories,text\r\n"


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def test_csv_exact_and_read_back(tmp_path: Path):
    result = run("clean", str(SCRAPE), str(PAGE), "--format", "csv", "-j", "2")
    assert result.exit_code == 0
    scrape_row = f'{SCRAPE},,Harbour reopens after the storm,,,,,"{SCRAPE_TEXT}"\r\n'
    page_row = f'{PAGE},,Harbour reopens after the storm,Jane Roe,2024-04-21,,,"{PAGE_TEXT}"\r\n'
    written = result.stdout_bytes.decode()  # as written: click's .stdout turns CRLF into LF
    assert written == CSV_HEADER + scrape_row + page_row  # header once, rows in input order under -j
    rows = list(csv.DictReader(io.StringIO(written, newline="")))
    assert [r["source"] for r in rows] == [str(SCRAPE), str(PAGE)]
    assert rows[0]["text"] == SCRAPE_TEXT and rows[1]["text"] == PAGE_TEXT
    assert rows[1]["author"] == "Jane Roe" and rows[1]["date"] == "2024-04-21"


def test_csv_to_a_file_from_jsonl_input_with_list_fields(tmp_path: Path):
    records = tmp_path / "in.jsonl"
    records.write_text(
        json.dumps({"url": "https://port.example/a", "text": "Harbour news\n\nThe harbour reopened on Monday."})
        + "\n"
        + json.dumps({"html": PAGE.read_text()})
        + "\n"
    )
    out = tmp_path / "out.csv"
    assert run("clean", str(records), "--format", "csv", "-o", str(out), "-q").exit_code == 0
    rows = list(csv.reader(io.StringIO(_read(out), newline="")))
    assert rows[0] == list(CSV_HEADER.strip().split(","))
    assert rows[1] == [
        f"{records}:1",
        "https://port.example/a",
        "",
        "",
        "",
        "",
        "",
        "Harbour news\n\nThe harbour reopened on Monday.\n",
    ]
    assert rows[2][0] == f"{records}:2" and rows[2][-1] == PAGE_TEXT
    doc = clean("Title line\n\nCategories: Ports, Weather\n\nThe harbour reopened on Monday after repairs.\n")
    from cleaner.formats import csv_row

    assert next(csv.reader(io.StringIO(csv_row(doc), newline="")))[6] == "; ".join(doc.metadata.categories)


def test_csv_resume_keeps_one_header_and_skips_the_rows_done(tmp_path: Path, monkeypatch):
    import cleaner.cli as cli

    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"{i}.txt").write_text(f"The harbour reopened on Monday, day {i} of the repairs, the port said.\n")
    out = tmp_path / "out.csv"
    real = cli.run

    def interrupted(jobs, settings, workers, profiles):
        for n, result in enumerate(real(jobs, settings, workers, profiles)):
            if n == 2:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(cli, "run", interrupted)
    args = ["clean", str(src), "--format", "csv", "-o", str(out), "-j", "1", "-q"]
    assert run(*args).exit_code == 130
    partial = _read(Path(str(out) + ".partial"))
    assert partial.count(CSV_HEADER) == 1 and len(list(csv.reader(io.StringIO(partial, newline="")))) == 3
    monkeypatch.setattr(cli, "run", real)
    assert run(*args, "--no-tables", "--resume").exit_code == 2  # another run: refused
    resumed = run(*args, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    rows = list(csv.reader(io.StringIO(_read(out), newline="")))
    assert rows[0][0] == "source" and [r[0] for r in rows[1:]] == [str(src / f"{i}.txt") for i in range(5)]
    assert [r[-1] for r in rows[1:]] == [(src / f"{i}.txt").read_text() for i in range(5)]


# --- xml

PAGE_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<doc source="{page}" title="Harbour reopens after the storm" author="Jane Roe" {rest}>
  <main>
    <p>{first}</p>
    <head rend="h2">What changes</head>
    <list>
      <item>Ferries run again from Tuesday morning.</item>
      <item>Cargo ships wait one more day.</item>
      <item rend="2">Tankers wait two.</item>
    </list>
    <quote>We rebuilt the north quay in five days, which nobody thought possible.</quote>
    <table>
      <row role="head">
        <cell>Quay</cell>
        <cell>Status</cell>
      </row>
      <row>
        <cell>North</cell>
        <cell>open</cell>
      </row>
      <row>
        <cell>South</cell>
        <cell>closed</cell>
      </row>
    </table>
    <p>Fishermen said the damage was worse than in 2019, and that repairs will go on all summer.</p>
  </main>
</doc>
"""


def test_xml_exact_and_read_back():
    result = run("clean", str(PAGE), "--format", "xml", "--url", URL)
    assert result.exit_code == 0
    assert result.stdout == PAGE_XML.format(
        page=PAGE,
        rest=f'date="2024-04-21" sitename="port.example" url="{URL}"',
        first=PAGE_TEXT.splitlines()[0].replace(
            "the press", '<ref target="https://port.example/press">the press</ref>'
        ),
    )
    root = ET.fromstring(result.stdout)
    assert root.tag == "doc" and root.get("author") == "Jane Roe"
    main = root.find("main")
    assert main is not None
    assert [child.tag for child in main] == ["p", "head", "list", "quote", "table", "p"]
    assert [(ref.get("target"), ref.text, ref.tail) for ref in main.iter("ref")] == [
        ("https://port.example/press", "the press", ".")
    ]
    assert "".join(main[0].itertext()) == PAGE_TEXT.splitlines()[0]
    assert [item.text for item in main.iter("item")] == [
        "Ferries run again from Tuesday morning.",
        "Cargo ships wait one more day.",
        "Tankers wait two.",
    ]
    assert [[c.text for c in row] for row in main.iter("row")] == [
        ["Quay", "Status"],
        ["North", "open"],
        ["South", "closed"],
    ]


def test_xml_of_a_text_scrape_and_characters_xml_cannot_carry(tmp_path: Path):
    out = tmp_path / "out"
    scrape = tmp_path / "in" / "odd.txt"
    scrape.parent.mkdir()
    scrape.write_text(SCRAPE.read_text().replace("in a statement", "in a \x0bstatement"))
    assert run("clean", str(scrape.parent), str(SCRAPE), "--format", "xml", "-o", str(out), "-q").exit_code == 0
    assert sorted(p.name for p in out.rglob("*.xml")) == ["odd.xml", "scrape.xml"]
    odd = ET.fromstring(next(out.rglob("odd.xml")).read_text())  # parses: no control character in it
    from cleaner.document import Document, Line
    from cleaner.formats import xml_doc

    assert ET.fromstring(xml_doc(Document(lines=(Line(1, "a\x01b\x1fc"),)))).find("main/p").text == "abc"
    assert "in a statement" in "".join(odd.itertext())
    text = next(out.rglob("scrape.xml")).read_text()
    assert text == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<doc source="{SCRAPE}" title="Harbour reopens after the storm">\n'
        "  <main>\n"
        "    <p>The harbour reopened on Monday after a week of repairs, the port authority said in a statement.</p>\n"
        "    <list>\n"
        "      <item>Ferries run again from Tuesday morning.</item>\n"
        "      <item>Cargo ships wait one more day.</item>\n"
        "    </list>\n"
        "    <p>Fishermen said the damage was worse than in 2019, and that repairs will go on all summer.</p>\n"
        "  </main>\n"
        "</doc>\n"
    )


def test_several_documents_never_share_one_xml_stream(tmp_path: Path):
    assert "need -o DIR" in run("clean", str(SCRAPE), str(PAGE), "--format", "xml").stderr
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"text": "One."}) + "\n")
    refused = run("clean", str(records), "--format", "xml")
    assert refused.exit_code == 2 and "JSONL input gives JSONL or CSV output" in refused.stderr


# --- markdown

PAGE_MARKDOWN = """\
# Harbour reopens after the storm

The harbour reopened on Monday after a week of repairs, the port authority said in a statement to \
[the press](https://port.example/press).

## What changes

- Ferries run again from Tuesday morning.
- Cargo ships wait one more day.
  - Tankers wait two.

> We rebuilt the north quay in five days, which nobody thought possible.

| Quay | Status |
|---|---|
| North | open |
| South | closed |

Fishermen said the damage was worse than in 2019, and that repairs will go on all summer.
"""

SCRAPE_MARKDOWN = "# Harbour reopens after the storm\n\n" + SCRAPE_TEXT


def test_markdown_of_a_page_exact_and_parsed(tmp_path: Path):
    from markdown_it import MarkdownIt

    result = run("clean", str(PAGE), "--format", "markdown", "--url", URL)
    assert result.exit_code == 0
    assert result.stdout == PAGE_MARKDOWN
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    types = [t.type for t in tokens]
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [("h1", "Harbour reopens after the storm"), ("h2", "What changes")]
    assert types.count("bullet_list_open") == 2  # the nested list is a list in an item
    assert "blockquote_open" in types and "table_open" in types
    cells = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type in ("th_open", "td_open")]
    assert cells == ["Quay", "Status", "North", "open", "South", "closed"]
    links = [c.attrs["href"] for t in tokens if t.children for c in t.children if c.type == "link_open"]
    assert links == ["https://port.example/press"]
    out = tmp_path / "out"
    assert run("clean", str(PAGE), str(SCRAPE), "--format", "markdown", "-o", str(out), "-q").exit_code == 0
    assert sorted(p.name for p in out.rglob("*.md")) == ["page.md", "scrape.md"]


def test_markdown_of_a_text_scrape_knows_its_title_and_list():
    from markdown_it import MarkdownIt

    result = run("clean", str(SCRAPE), "--format", "markdown")
    assert result.stdout == SCRAPE_MARKDOWN
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    assert [t.type for t in tokens if t.type.endswith("_open")][:2] == ["heading_open", "paragraph_open"]
    items = [tokens[i + 2].content for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert items == ["Ferries run again from Tuesday morning.", "Cargo ships wait one more day."]


def test_markdown_escapes_block_syntax_a_paragraph_starts_with():
    doc = clean(
        "The harbour reopened on Monday, the port authority said in a statement.\n\n"
        "# not a heading, 1. not a list\n\n1. Not a list either, but a sentence.\n\n> not a quote at all\n",
        profile="none",
        heuristics=False,
    )
    from cleaner.formats import markdown

    assert markdown(doc) == (
        "The harbour reopened on Monday, the port authority said in a statement.\n\n"
        "\\# not a heading, 1. not a list\n\n1\\. Not a list either, but a sentence.\n\n\\> not a quote at all\n"
    )


def test_structure_is_only_read_by_markdown_and_xml():
    # the lines, and so text/json, are the same with and without the structure
    plain = clean(PAGE.read_bytes(), html=True, url=URL)
    structured = clean(PAGE.read_bytes(), html=True, url=URL, structure=True)
    assert [line.text for line in plain.lines] == [line.text for line in structured.lines]
    assert plain.to_dict() == structured.to_dict()
    assert {line.structure for line in plain.lines} == {None}
    marks = {line.text: line.structure for line in structured.lines if line.structure}
    assert marks["What changes"] == Structure("heading", 2)
    assert marks["- Tankers wait two."] == Structure("item", 2)
    assert marks["| Quay | Status |"] == Structure("row", 1)
    assert marks[PAGE_TEXT.splitlines()[0]].links == (("the press", "https://port.example/press"),)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_other_formats_unchanged_by_the_structure(fmt: str):
    from cleaner.report import render

    doc = clean(PAGE.read_bytes(), html=True, url=URL)
    assert run("clean", str(PAGE), "--url", URL, "--format", fmt).stdout == render(doc.replace(source=str(PAGE)), fmt)


def test_structure_of_rows_with_empty_cells_and_inline_code():
    from lxml import etree

    from cleaner.stages.html_structure import annotate

    body = etree.fromstring(
        "<body><p>Get the <code>.deb</code> package.</p><table><row><cell>A</cell><cell/></row>"
        "<row><cell>x</cell><cell/></row></table><list><item>one<list><item>two</item></list></item></list></body>"
    )
    lines = ["Get the .deb package.", "| A | |", "|---|---|", "| x | |", "- one", "  - two"]
    linked = etree.fromstring('<body><p>Get the <ref target="/deb">.deb</ref> package.</p></body>')
    assert annotate(body, lines, linked) == [
        Structure("text", 0, ((".deb", "/deb"),)),
        Structure("row", 1),
        None,
        Structure("row", 0),
        Structure("item", 1),
        Structure("item", 2),
    ]


# --- pages that nest deep

DEEP_FIRST = "The harbour reopened on Monday after a week of repairs, the port authority said in a statement."
DEEP_LAST = "Fishermen said the damage was worse than in 2019, and that repairs will go on all summer."


def _deep_list_page(depth: int) -> str:
    items = "".join(f"<ul><li>item {n}" for n in range(depth)) + "</li></ul>" * depth
    return f"<html><body><article><p>{DEEP_FIRST}</p>{items}<p>{DEEP_LAST}</p></article></body></html>"


def test_lists_nested_600_deep_are_cleaned_and_flattened(tmp_path: Path):
    # trafilatura converts nested lists recursively: 600 <ul><li> (the parser takes 2,048
    # levels) were a RecursionError, the input lost; lists below 20 levels are flattened into
    # the 20th (xml's rend), markdown nests 8 deep at most (markdown-it stops past 9)
    from markdown_it import MarkdownIt

    page = tmp_path / "deep.html"
    page.write_text(_deep_list_page(600))
    items = [f"item {n}" for n in range(600)]
    text = run("clean", str(page), "--profile", "none", "--no-heuristics")
    assert text.exit_code == 0, text.stderr
    assert text.stdout == f"{DEEP_FIRST}\n\n" + "".join(f"- {i}\n" for i in items) + f"\n{DEEP_LAST}\n"
    md = run("clean", str(page), "--profile", "none", "--no-heuristics", "--format", "markdown")
    assert md.stdout == (
        f"{DEEP_FIRST}\n\n" + "".join("  " * min(n, 7) + f"- {i}\n" for n, i in enumerate(items)) + f"\n{DEEP_LAST}\n"
    )
    tokens = MarkdownIt("commonmark").parse(md.stdout)
    assert [t.content for t in tokens if t.type == "inline"] == [DEEP_FIRST, *items, DEEP_LAST]
    assert max(t.level for t in tokens if t.type == "bullet_list_open") == 2 * 7  # 8 lists deep
    xml = run("clean", str(page), "--profile", "none", "--no-heuristics", "--format", "xml")
    main = ET.fromstring(xml.stdout).find("main")
    assert main is not None and [child.tag for child in main] == ["p", "list", "p"]
    assert [(item.text, item.get("rend")) for item in main.iter("item")] == [
        (i, str(min(n + 1, 20)) if n else None) for n, i in enumerate(items)
    ]
    doc = clean(page.read_bytes(), html=True, profile="none", heuristics=False)  # the API: no RecursionError
    assert doc.text == text.stdout
    explained = run("explain", str(page))
    assert explained.exit_code == 0 and "Traceback" not in explained.output
    report = tmp_path.parent / f"{tmp_path.name}-report.html"  # not inside the input directory
    assert run("explain", str(tmp_path), "--format", "html", "-o", str(report)).exit_code == 0
    assert "item 599" in report.read_text()


def test_deep_lists_flattened_keep_their_loose_text_in_order():
    from lxml import html

    from cleaner.stages.html import flatten_deep_lists

    tree = html.fromstring(
        "<div><ul><li>a<ul><li>b<ol><li>c</li></ol>tail of c's list</li>loose<li>d</li></ul>after</li></ul></div>"
    )
    assert flatten_deep_lists(tree, 2) == 1
    assert html.tostring(tree, encoding="unicode") == (
        "<div><ul><li>a<ul><li>btail of c's list</li><li>c</li><li>loose</li><li>d</li></ul>after</li></ul></div>"
    )


# --- tables whose cells hold "|"


def test_table_cells_holding_a_pipe_stay_cells_in_xml_and_markdown(tmp_path: Path):
    # trafilatura's text escapes a cell's "|" as "\|": the row was split there too, and the
    # header row matched no row of the tree (a paragraph; with two such cells an empty <table />)
    from markdown_it import MarkdownIt

    page = tmp_path / "pipes.html"
    page.write_text(
        f"<html><body><article><p>{DEEP_FIRST}</p><table><tr><th>A | B</th><th>C | D</th></tr>"
        f"<tr><td>1</td><td>2 | 3</td></tr></table><p>{DEEP_LAST}</p></article></body></html>"
    )
    args = ("clean", str(page), "--profile", "none", "--no-heuristics", "--format")
    xml = run(*args, "xml").stdout
    assert xml == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<doc source="{page}">\n'
        "  <main>\n"
        f"    <p>{DEEP_FIRST}</p>\n"
        "    <table>\n"
        '      <row role="head">\n'
        "        <cell>A | B</cell>\n"
        "        <cell>C | D</cell>\n"
        "      </row>\n"
        "      <row>\n"
        "        <cell>1</cell>\n"
        "        <cell>2 | 3</cell>\n"
        "      </row>\n"
        "    </table>\n"
        f"    <p>{DEEP_LAST}</p>\n"
        "  </main>\n"
        "</doc>\n"
    )
    md = run(*args, "markdown").stdout
    assert md == f"{DEEP_FIRST}\n\n| A \\| B | C \\| D |\n|---|---|\n| 1 | 2 \\| 3 |\n\n{DEEP_LAST}\n"
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    cells = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type in ("th_open", "td_open")]
    assert cells == ["A | B", "C | D", "1", "2 | 3"]
    assert (
        run(*args, "text").stdout
        == f"{DEEP_FIRST}\n\n| A \\| B | C \\| D |\n|---|---|\n| 1 | 2 \\| 3 |\n\n{DEEP_LAST}\n"
    )


# --- --links and --images in xml


LINKED_PAGE = (
    '<html><body><article><p>See <a href="https://x.example/a b">the [press] release</a> for more on the harbour,'
    ' the port authority said.</p><ul><li>An item with <a href="/item">a link</a> in it, long enough to keep.</li>'
    f'</ul><p>{DEEP_FIRST}</p><figure><img src="https://x.example/i.jpg" alt="The quay"></figure>'
    '<table><tr><th>Quay</th><th>Page</th></tr><tr><td>North</td><td><a href="/n">north page</a></td></tr>'
    f"</table><p>{DEEP_LAST}</p></article></body></html>"
)


def test_links_and_images_are_xml_elements_never_markdown(tmp_path: Path):
    # the text holds them as trafilatura writes them, Markdown: xml had "[the \[press\] release](<...>)"
    # and "![The quay](...)" in its <p>s (and, its brackets unread, the first paragraph twice)
    page = tmp_path / "linked.html"
    page.write_text(LINKED_PAGE)
    args = ("clean", str(page), "--profile", "none", "--no-heuristics")
    first = (
        'See <ref target="https://x.example/a b">the [press] release</ref> for more on the harbour,'
        " the port authority said."
    )
    item = '<item>An item with <ref target="/item">a link</ref> in it, long enough to keep.</item>'

    def expected(image: str, cell: str) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<doc source="{page}">\n'
            "  <main>\n"
            f"    <p>{first}</p>\n"
            f"    <list>\n      {item}\n    </list>\n"
            f"    <p>{DEEP_FIRST}</p>\n"
            f"{image}"
            "    <table>\n"
            '      <row role="head">\n        <cell>Quay</cell>\n        <cell>Page</cell>\n      </row>\n'
            f"      <row>\n        <cell>North</cell>\n        <cell>{cell}</cell>\n      </row>\n"
            "    </table>\n"
            f"    <p>{DEEP_LAST}</p>\n"
            "  </main>\n"
            "</doc>\n"
        )

    image = '    <p><graphic src="https://x.example/i.jpg" alt="The quay" /></p>\n'
    ref = '<ref target="/n">north page</ref>'
    assert run(*args, "--links", "--images", "--format", "xml").stdout == expected(image, ref)
    assert run(*args, "--links", "--format", "xml").stdout == expected("", ref)
    assert run(*args, "--images", "--format", "xml").stdout == expected(image, "north page")
    assert run(*args, "--format", "xml").stdout == expected("", "north page")
    text = run(*args, "--links", "--images").stdout
    assert text == (
        "See [the \\[press\\] release](<https://x.example/a b>) for more on the harbour, the port authority said.\n\n"
        "- An item with [a link](/item) in it, long enough to keep.\n\n"
        f"{DEEP_FIRST}\n\n![The quay](https://x.example/i.jpg)\n\n"
        "| Quay | Page |\n|---|---|\n| North | [north page](/n) |\n\n"
        f"{DEEP_LAST}\n"
    )
    assert run(*args, "--links", "--images", "--format", "markdown").stdout == text  # Markdown already


# --- markdown that shows the text as it is

HOSTILE_PAGE = (
    f"<html><body><article><h1>Issue #</h1><p>{DEEP_FIRST}</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    "<p>&lt;!-- a comment that never ends</p><p>[x]: http://example.com/defined</p>"
    "<p>\\# text with its backslash, and a\\*b</p><ul><li># hash item</li><li>1. numbered item</li>"
    "<li>&lt;div&gt; item</li></ul><blockquote># quoted heading</blockquote>"
    "<table><tr><th>A | B</th><th>\\|</th></tr><tr><td>&lt;b&gt;</td><td>x</td></tr></table>"
    f"<p>{DEEP_LAST}</p></article></body></html>"
)


def test_markdown_escapes_html_link_definitions_backslashes_and_block_syntax_in_items_and_quotes():
    # raw HTML and an unclosed "<!--" (hiding the rest of the page) passed through, "[x]: url"
    # was a link definition, "- # item" a heading, "- 1. x" a nested list, "> # x" a heading,
    # and "\#" lost its backslash: rendered, the markdown shows exactly the text
    from markdown_it import MarkdownIt

    from cleaner.formats import markdown

    doc = clean(HOSTILE_PAGE, html=True, structure=True, profile="none", heuristics=False)
    md = markdown(doc)
    assert md == (
        "# Issue \\#\n\n"
        f"{DEEP_FIRST}\n\n"
        "\\<script>alert(1)\\</script>\n\n"
        "\\<!-- a comment that never ends\n\n"
        "\\[x]: http://example.com/defined\n\n"
        "\\\\# text with its backslash, and a\\\\*b\n\n"
        "- \\# hash item\n- 1\\. numbered item\n- \\<div> item\n\n"
        "> \\# quoted heading\n\n"
        "| A \\| B | \\\\\\| |\n|---|---|\n| \\<b> | x |\n\n"
        f"{DEEP_LAST}\n"
    )
    assert MarkdownIt("commonmark").enable("table").render(md) == (
        "<h1>Issue #</h1>\n"
        f"<p>{DEEP_FIRST}</p>\n"
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
        "<p>&lt;!-- a comment that never ends</p>\n"
        "<p>[x]: http://example.com/defined</p>\n"
        "<p>\\# text with its backslash, and a\\*b</p>\n"
        "<ul>\n<li># hash item</li>\n<li>1. numbered item</li>\n<li>&lt;div&gt; item</li>\n</ul>\n"
        "<blockquote>\n<p># quoted heading</p>\n</blockquote>\n"
        "<table>\n<thead>\n<tr>\n<th>A | B</th>\n<th>\\|</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>&lt;b&gt;</td>\n<td>x</td>\n</tr>\n</tbody>\n</table>\n"
        f"<p>{DEEP_LAST}</p>\n"
    )
    scrape = clean(
        f"{DEEP_FIRST}\n\n- # hash item\n- 1. x\n- [y]: http://example.com/\n", profile="none", heuristics=False
    )
    assert markdown(scrape) == f"{DEEP_FIRST}\n\n- \\# hash item\n- 1\\. x\n- \\[y]: http://example.com/\n"


# --- list fields in one cell


def test_list_fields_escape_the_separator_inside_an_item():
    # ["News; World"] read like two categories in csv (and xml's attributes): ";" in an item
    # is escaped, a backslash too, and split_list gives the items back
    from cleaner.document import Document, Line, Metadata
    from cleaner.formats import csv_row, join_list, split_list, xml_doc

    meta = Metadata(categories=("News; World", "Sport"), tags=("a\\b", "c;d\\;e"))
    doc = Document(lines=(Line(1, "The harbour reopened."),), metadata=meta)
    assert csv_row(doc) == ',,,,,,News\\; World; Sport,"The harbour reopened.\n"\r\n'
    cell = next(csv.reader(io.StringIO(csv_row(doc), newline="")))[6]
    assert split_list(cell) == ["News; World", "Sport"]
    root = ET.fromstring(xml_doc(doc))
    assert root.get("categories") == "News\\; World; Sport" and root.get("tags") == "a\\\\b; c\\;d\\\\\\;e"
    assert split_list(root.get("tags") or "") == ["a\\b", "c;d\\;e"]
    assert join_list(["Ports", "Weather"]) == "Ports; Weather"  # as before when no item holds ";"


def test_a_text_scrapes_lines_are_paragraphs_in_markdown_and_xml():
    """New-user trial of stop 33: a text scrape written one paragraph a line (no blank line
    between, as scrapes are) came out as one <p> and one Markdown paragraph; an extractor's
    lines with no blank line between are one paragraph's (a <br>) and stay one block."""
    from markdown_it import MarkdownIt

    from cleaner.document import Document, Line
    from cleaner.formats import markdown, xml_doc

    paragraphs = ("First paragraph of the story.", "Second paragraph of it.", "Third and last.")
    scrape = Document(lines=tuple(Line(n, p) for n, p in enumerate(paragraphs, 1)))
    assert markdown(scrape) == "\n\n".join(paragraphs) + "\n"
    tokens = MarkdownIt("commonmark").parse(markdown(scrape))
    assert [t.type for t in tokens].count("paragraph_open") == 3
    assert [p.text for p in ET.fromstring(xml_doc(scrape)).iter("p")] == list(paragraphs)
    extracted = scrape.replace(extracted_by="trafilatura")
    assert markdown(extracted) == "\n".join(paragraphs) + "\n"
    assert [p.text for p in ET.fromstring(xml_doc(extracted)).iter("p")] == ["\n".join(paragraphs)]


def test_markdown_shows_a_literal_entity_reference_as_written():
    # Attacker trial, stop 34: a text holding "&amp;" (an article about HTML, where ftfy
    # leaves entities be) came out as "&amp;" in the text and rendered as "&" from Markdown;
    # a bare "&" needs nothing
    from markdown_it import MarkdownIt

    from cleaner.formats import _plain

    text = "Write Tom &amp; Jerry, &#38; or &#x26; in <b> tags; R&D is plain."
    md = _plain(text)
    assert md == "Write Tom \\&amp; Jerry, \\&#38; or \\&#x26; in \\<b> tags; R&D is plain."
    assert (
        MarkdownIt("commonmark").render(md)
        == "<p>Write Tom &amp;amp; Jerry, &amp;#38; or &amp;#x26; in &lt;b&gt; tags; R&amp;D is plain.</p>\n"
    )


def test_a_numbered_list_is_numbered_in_markdown_and_marked_in_xml(tmp_path: Path):
    """New-user trial of stop 35: a recipe's <ol> steps came out as "- " items in markdown and
    a plain <list> in xml. Its items are numbered now, an item nested in one indented past
    its "1. " (CommonMark nests only so); the text output keeps "- " as for every list."""
    from markdown_it import MarkdownIt

    page = tmp_path / "steps.html"
    page.write_text(
        f"<html><body><article><p>{DEEP_FIRST}</p><ol><li>Chop the onions.<ul><li>or leeks</li></ul></li>"
        f"<li>Fry them gently.</li><li>Add the stock.</li></ol><p>{DEEP_LAST}</p></article></body></html>"
    )
    args = ("clean", str(page), "--profile", "none", "--no-heuristics")
    md = run(*args, "--format", "markdown").stdout
    steps = "1. Chop the onions.\n   - or leeks\n2. Fry them gently.\n3. Add the stock.\n"
    assert md == f"{DEEP_FIRST}\n\n{steps}\n{DEEP_LAST}\n"
    tokens = MarkdownIt("commonmark").parse(md)
    assert [t.type for t in tokens if t.type.endswith("list_open")] == ["ordered_list_open", "bullet_list_open"]
    assert (
        run(*args).stdout
        == f"{DEEP_FIRST}\n\n- Chop the onions.\n- or leeks\n- Fry them gently.\n- Add the stock.\n\n{DEEP_LAST}\n"
    )
    main = ET.fromstring(run(*args, "--format", "xml").stdout).find("main")
    assert main is not None and [(e.tag, e.get("rend")) for e in main] == [("p", None), ("list", "ol"), ("p", None)]


ANCHOR_PAGE = """<html><head><title>Harbour fees rise</title></head><body><article>
<h1>Harbour fees rise</h1>
<p>The new fees were announced by the harbour master, Theresa Quill, who said they would pay for the dredging.</p>
<p>Boat owners have until the end of the month to object, and the council will hear them in public.</p>
<p>To send the council your view, click <a href="mailto:council@example.org">here</a>.</p>
<p>The last rise came in 2018 and was criticised widely<a href="#note1">1</a> by the sailing clubs of the bay.</p>
</article></body></html>"""


@pytest.mark.parametrize("fmt", ["markdown", "xml"])
def test_a_link_goes_on_its_anchor_not_on_the_same_letters_inside_a_word(tmp_path: Path, fmt: str):
    """Attacker trial of stop 49: without --links, "here" was linked inside "Theresa" and a
    footnote's "1" inside "2018", the first place the letters occur."""
    page = tmp_path / "anchors.html"
    page.write_text(ANCHOR_PAGE)
    out = CliRunner().invoke(main, ["clean", str(page), "--format", fmt]).output
    if fmt == "markdown":
        assert "Theresa Quill" in out and "click [here](mailto:council@example.org)." in out
        assert "in 2018 and was criticised widely[1](#note1) by" in out
    else:
        assert "Theresa Quill" in out and 'click <ref target="mailto:council@example.org">here</ref>.' in out
        assert 'in 2018 and was criticised widely<ref target="#note1">1</ref> by' in out


def test_a_quoted_stanza_broken_by_br_stays_one_quote_in_markdown():
    """New-user trial of stop 60: a <blockquote> whose paragraph a <br> breaks came out as two
    plain paragraphs, no quote mark (its block matched no one line of the text)."""
    from markdown_it import MarkdownIt

    page = (
        "<html><head><title>T</title></head><body><article><h1>Song story</h1>"
        "<p>He said this in the long paragraph of an article about many things that happen in town.</p>"
        "<blockquote><p>Oh the water runs and the wheel goes round,<br>\n"
        "and the looms they sing in the old mill town.</p></blockquote>"
        "<p>After the quote there is more text in this paragraph for the article body.</p>"
        "</article></body></html>"
    )
    out = run("clean", "-", "--format", "markdown", stdin=page.encode()).stdout
    assert "> Oh the water runs and the wheel goes round,\n>\n> and the looms they sing in the old mill town." in out
    tokens = MarkdownIt("commonmark").parse(out)
    assert [t.type for t in tokens].count("blockquote_open") == 1
