"""The csv, xml and markdown outputs of a Document (text, json and jsonl are cleaner.report's).

csv: one row per document, the columns CSV_FIELDS, RFC 4180 as Python's csv module writes it
(comma, double quotes, CRLF after each row; a text's own line breaks stay LF inside its
quoted field); list fields joined with "; ", a ";" inside an item escaped "\\;" and a backslash
"\\\\" (join_list; split_list reads them back). The header row is the output's first line
(cleaner.outputs writes it once per output).

xml: one <doc> element per document, its metadata as attributes (those the page gives),
its text as blocks in <main>:

    <doc source="..." url="..." title="..." author="..." date="..." sitename="..."
         categories="a; b" tags="..." reading_time="5" profile="site; platform">
      <main>
        <head rend="h2">A heading</head>          headings (rend: h1-h6)
        <p>A paragraph, <ref target="https://...">a link</ref></p>  paragraphs, one per block (a text
                                                    scrape's: one per line); links as <ref>
        <list><item>One</item><item rend="2">Nested</item></list>   list items (rend: depth > 1)
        <list rend="ol">...</list>                 the items of a numbered list (HTML <ol>)
        <quote>Quoted</quote>
        <table><row role="head"><cell>A</cell></row><row><cell>1</cell></row></table>
      </main>
    </doc>

as trafilatura's xml output names its elements; with --images, images as
<graphic src="..." alt="..."/> (with --links and --images the text holds them as Markdown,
which xml reads back into elements). Characters XML 1.0 cannot carry (control
characters other than tab and line feed) are left out.

markdown: the title as "# title", then the text: headings, list items (nested by depth, 8
levels at most: renderers stop nesting lists past 9; a numbered list's numbered),
quotes and table rows as Markdown, and links as [anchor](target) where the page gave them
(HTML only: a text scrape knows its list items and its title). What Markdown would read in
the text, not show, is escaped: block syntax a line, a list item or a quote starts with
("# ", "> ", "1. ", "[x]: url"), raw HTML ("<script>", "<!--"), backslashes before
punctuation, "|" in a table cell; inline emphasis characters are not.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import regex

from cleaner.document import LIST_ITEM_PREFIX, Line, Structure, is_list_item

if TYPE_CHECKING:
    from collections.abc import Iterator

    from cleaner.document import Document
    from cleaner.stages.html_structure import Inline

CSV_FIELDS = ("source", "url", "title", "author", "date", "sitename", "categories", "text")
LIST_SEPARATOR = "; "
NOT_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
MARKDOWN_LIST_DEPTH = 8  # list items deeper are items of the 8th level
CELL_SEPARATOR = regex.compile(r"(?<!\\)\|")  # a "|" in a cell is escaped: "\|"
TABLE_RULE = regex.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")


def join_list(values: tuple[str, ...] | list[str]) -> str:
    """A list field (categories, tags, profiles) as one csv cell or xml attribute: the items
    joined with "; ", a ";" inside an item escaped as "\\;" (and a backslash as "\\\\"), so that
    split_list gives the items back: "News; World" is one category, "News\\; World"."""
    return LIST_SEPARATOR.join(v.replace("\\", "\\\\").replace(";", "\\;") for v in values)


ITEM = regex.compile(r"(?:\\.|[^\\;])+")


def split_list(cell: str) -> list[str]:
    """The items of a list field join_list wrote."""
    return [regex.sub(r"\\(.)", r"\1", m[0].strip()) for m in ITEM.finditer(cell) if m[0].strip()]


def _source(doc: Document) -> str:
    from cleaner.report import as_text

    return as_text(doc.source) if doc.source is not None else ""


def csv_header() -> str:
    return _csv_line(CSV_FIELDS)


def _csv_line(values: tuple[str, ...] | list[str]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(values)
    return out.getvalue()


def csv_row(doc: Document) -> str:
    """The document's row, as csv.writer writes it (no header)."""
    meta = doc.metadata
    values = {
        "source": _source(doc),
        "url": meta.url or "",
        "title": meta.title or "",
        "author": meta.author or "",
        "date": meta.date or "",
        "sitename": meta.sitename or "",
        "categories": join_list(meta.categories),
        "text": doc.text,
    }
    return _csv_line([values[name] for name in CSV_FIELDS])


def csv_sources(text: str) -> list[str]:
    """The source of each row of a csv output (its header row passed over), for --resume."""
    rows = csv.reader(io.StringIO(text, newline=""))
    next(rows, None)
    return [row[0] for row in rows]


def _pieces(text: str, structure: Structure | None) -> Iterator[str | Inline]:
    """The line as plain text and links: a line that writes its links and images as Markdown
    (--links, --images) gives them as they are; otherwise each link of its structure where
    the line still holds its anchor, after the previous one (an anchor not in this part of
    the line is looked for in the next)."""
    from cleaner.stages.html_structure import Inline, find_anchor, inline_parts

    links = list(structure.links) if structure is not None else []
    parts: list[str | Inline] = inline_parts(text) if structure is not None and structure.markdown else [text]
    for part in parts:
        if not isinstance(part, str):
            yield part
            continue
        at, missing = 0, []
        for anchor, target in links:
            found = find_anchor(part, anchor, at)
            if found < 0:
                missing.append((anchor, target))
                continue
            yield part[at:found]
            yield Inline(False, anchor, target)
            at = found + len(anchor)
        yield part[at:]
        links = missing


# --- xml


def _xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def _fill(element: ET.Element, text: str, structure: Structure | None) -> None:
    """The element's text, its links as <ref target="...">anchor</ref> and, on a line that
    writes its images as Markdown (--images), its images as <graphic src="..." alt="..."/>."""
    last: ET.Element | None = None
    element.text = ""
    for piece in _pieces(text, structure):
        if isinstance(piece, str):
            plain = _xml_text(piece)
            if last is None:
                element.text += plain
            else:
                last.tail = (last.tail or "") + plain
        elif piece.image:
            attributes = {"src": _xml_text(piece.target)}
            if piece.label:
                attributes["alt"] = _xml_text(piece.label)
            last = ET.SubElement(element, "graphic", attributes)
        else:
            last = ET.SubElement(element, "ref", {"target": _xml_text(piece.target)})
            last.text = _xml_text(piece.label)


def xml_element(doc: Document) -> ET.Element:
    meta = doc.metadata
    attributes = {"source": _source(doc)} if doc.source is not None else {}
    for name, value in meta.as_dict().items():
        if isinstance(value, list):
            value = join_list(value)
        if value not in (None, ""):
            attributes[name] = _xml_text(str(value))
    if doc.profiles:
        attributes["profile"] = join_list(doc.profiles)
    root = ET.Element("doc", {k: _xml_text(v) for k, v in attributes.items()})
    main = ET.SubElement(root, "main")
    parent: ET.Element | None = None  # the open <list> or <table>
    for block in _blocks(doc.lines, paragraph_lines=doc.extracted_by is None):
        first = block[0]
        kind = _kind(first)
        if kind == "item":
            if parent is None or parent.tag != "list":
                parent = ET.SubElement(main, "list")
                if _ordered(first):  # as trafilatura's XML marks a numbered list
                    parent.set("rend", "ol")
            for line in block:
                item = ET.SubElement(parent, "item")
                depth = _depth(line)
                if depth > 1:
                    item.set("rend", str(depth))
                _fill(item, _item_text(line.text), line.structure)
            continue
        if kind == "row":
            if parent is None or parent.tag != "table":
                parent = ET.SubElement(main, "table")
            for line in block:
                if TABLE_RULE.match(line.text):
                    continue
                row = ET.SubElement(parent, "row")
                if line.structure is not None and line.structure.level:
                    row.set("role", "head")
                # a cell's links and images as elements where the row writes them as Markdown
                inline = Structure("text", markdown=True) if line.structure and line.structure.markdown else None
                for cell in _cells(line.text):
                    _fill(ET.SubElement(row, "cell"), _cell_text(cell), inline)
            continue
        parent = None
        text = "\n".join(line.text for line in block)
        # links are the line's: a block of one line (all blocks from HTML) keeps them
        structure = first.structure if len(block) == 1 else None
        if kind == "heading":
            assert first.structure is not None
            element = ET.SubElement(main, "head", {"rend": f"h{first.structure.level}"})
        else:
            element = ET.SubElement(main, {"quote": "quote", "code": "code"}.get(kind, "p"))
        _fill(element, text, structure)
    return root


CONTAINERS = ("doc", "main", "list", "table", "row")


def _indent(element: ET.Element, level: int = 0) -> None:
    """ET.indent for the elements that hold only elements: the others (<p>, <item>, <cell>...)
    hold text, which white space around a <ref> or <graphic> would change."""
    if element.tag not in CONTAINERS or not len(element):
        return
    element.text = "\n" + "  " * (level + 1)
    for child in element:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    element[-1].tail = "\n" + "  " * level


def xml_doc(doc: Document) -> str:
    """The document as an XML file: a declaration, then its <doc> element."""
    root = xml_element(doc)
    _indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- markdown


def _kind(line: Line) -> str:
    if line.structure is not None:
        return line.structure.kind
    if TABLE_RULE.match(line.text):  # the line under a table's header row
        return "row"
    return "item" if is_list_item(line.text) else "text"


def _depth(line: Line) -> int:
    return line.structure.level if line.structure is not None and line.structure.kind == "item" else 1


def _ordered(line: Line) -> bool:
    return line.structure is not None and line.structure.kind == "item" and line.structure.ordered


def _item_text(text: str) -> str:
    return text.removeprefix(LIST_ITEM_PREFIX)


def _cells(text: str) -> list[str]:
    """A row's cells as the row writes them: a "|" in a cell stays escaped ("\\|", as a
    Markdown table needs it); _cell_text unescapes it."""
    inner = text.strip()
    inner = inner.removeprefix("|")
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [cell.strip() for cell in CELL_SEPARATOR.split(inner)]


def _cell_text(cell: str) -> str:
    return cell.replace("\\|", "|")


def _blocks(lines: tuple[Line, ...], paragraph_lines: bool = False) -> Iterator[list[Line]]:
    """The text's blocks as document.render lays them out (a blank line ends one, except
    between list items and a quote's lines), with these apart too: table rows stay one table across blank
    lines, each heading is a block of its own, and lines of another kind start a new block.
    `paragraph_lines`: each line of text is a paragraph of its own, as a text scrape writes
    them (one a line, no blank line between); an extractor's lines without a blank line
    between are one paragraph's (a <br>)."""
    block: list[Line] = []
    blank = False
    for line in lines:
        if not line.text.strip():
            blank = True
            continue
        kind = _kind(line)
        if block:
            previous = _kind(block[-1])
            apart = blank or (paragraph_lines and kind == "text")
            # a quote's lines stay one quote across blank lines: its paragraphs, its verses (a
            # <br> in a quoted stanza made quotes of a line each: new-user trial of stop 60)
            if kind != previous or kind == "heading" or (apart and kind not in ("item", "row", "quote")):
                yield block
                block = []
        blank = False
        block.append(line)
    if block:
        yield block


BLOCK_START = regex.compile(
    r"^ {0,3}(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+|-{3,}|`{3,}|~{3,}"
    r"|\[(?:\\.|[^\\\]])+\]:)"  # a link reference definition: "[x]: url"
)
# A backslash Markdown would read as an escape (before ASCII punctuation), a "<" that opens
# raw HTML (a tag, a comment "<!--", a declaration, "<?"), and an "&" that starts an entity
# reference ("&amp;", "&#38;": a renderer shows "&"; attacker trial): escaped, shown as they are
INLINE_SPECIAL = regex.compile(
    r"\\(?=[!-/:-@\[-`{-~])|<(?=[A-Za-z/!?])|&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)"
)
HEADING_CLOSE = regex.compile(r"(?<=\s)(#+)(\s*)$")  # "## Issue #": Markdown's closing sequence


def _escape(text: str) -> str:
    """A line starting with what Markdown reads as block syntax (a heading, quote, list,
    rule, fence or link reference definition): the syntax escaped."""
    m = BLOCK_START.match(text)
    if not m:
        return text
    at = len(m[0]) - len(m[0].lstrip(" "))
    if m[0][at].isdigit():
        return f"{m[0]}\\{text[m.end() :]}"
    return text[:at] + "\\" + text[at:]


def _plain(text: str) -> str:
    """Text that Markdown shows as it is (inline emphasis characters left be): its escaping
    backslashes and raw HTML escaped."""
    return INLINE_SPECIAL.sub(lambda m: "\\" + m[0], text)


def _md_link(label: str, target: str, image: bool = False) -> str:
    """A link or image as trafilatura writes them (a target holding " <>()" in angle brackets)."""
    label = _plain(label).replace("[", "\\[").replace("]", "\\]")
    if any(c in target for c in " ()<>"):
        target = "<" + target.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>") + ">"
    return f"{'!' if image else ''}[{label}]({target})"


def _linked(text: str, structure: Structure | None) -> str:
    """The line as Markdown that shows its text: its links as [anchor](target) and, on a
    line that writes them as Markdown (--links, --images), its links and images as such."""
    return "".join(
        _plain(piece) if isinstance(piece, str) else _md_link(piece.label, piece.target, piece.image)
        for piece in _pieces(text, structure)
    )


def _cell(text: str, structure: Structure | None) -> str:
    return _linked(_cell_text(text), structure).replace("|", "\\|")


def _heading(text: str) -> str:
    return HEADING_CLOSE.sub(lambda m: "\\#" * len(m[1]) + m[2], text)


def markdown(doc: Document) -> str:
    out: list[str] = []
    if doc.metadata.title:
        out.append("# " + _heading(_plain(doc.metadata.title)))
    for block in _blocks(doc.lines, paragraph_lines=doc.extracted_by is None):
        kind = _kind(block[0])
        if out:
            out.append("")
        if kind == "item":
            depth = 0
            # per depth: the indent its items start at, and the last number given there (an
            # <ol>'s items are numbered; a nested item is indented past its parent's marker,
            # "1. " being wider than "- ")
            indent, numbers = [""], [0]
            for line in block:
                text = _escape(_linked(_item_text(line.text), line.structure))
                # one level deeper than the item before at most (deeper would be a code block),
                # and MARKDOWN_LIST_DEPTH at most: renderers stop nesting (markdown-it after 9)
                depth = min(_depth(line), depth + 1, MARKDOWN_LIST_DEPTH)
                del indent[depth:], numbers[depth:]  # a deeper list ended: its numbering too
                numbers[-1] = numbers[-1] + 1 if _ordered(line) else 0
                marker = f"{numbers[-1]}. " if numbers[-1] else "- "
                out.append(indent[-1] + marker + text)
                indent.append(indent[-1] + " " * len(marker))
                numbers.append(0)
        elif kind == "row":
            rows = [
                [_cell(c, line.structure) for c in _cells(line.text)]
                for line in block
                if not TABLE_RULE.match(line.text)
            ]
            if not rows:
                out.pop()
                continue
            width = max(len(r) for r in rows)
            for n, cells in enumerate(rows):
                out.append("| " + " | ".join(cells + [""] * (width - len(cells))) + " |")
                if n == 0:
                    out.append("|" + "---|" * width)
        elif kind == "heading":
            line = block[0]
            level = line.structure.level if line.structure is not None else 2
            out.append("#" * level + " " + _heading(_linked(line.text, line.structure)))
        elif kind == "quote":
            for n, line in enumerate(block):
                out += [">"] if n else []  # a paragraph of its own inside the quote
                out.append("> " + _escape(_linked(line.text, line.structure)))
        elif kind == "code":
            out += ["```", *(line.text for line in block), "```"]
        else:
            out.extend(_escape(_linked(line.text, line.structure)) for line in block)
    return "\n".join(out) + "\n" if out else ""
