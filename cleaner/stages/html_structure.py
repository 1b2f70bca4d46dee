"""The structure of an extracted page's lines, for `--format markdown`.

trafilatura's extraction is an XML tree (`head rend="h2"`, `list`/`item`, `quote`, `table`/
`row`/`cell`, `ref target=...`) that its text output flattens into lines. The lines stay as
they are (the rules and heuristics read them as before); each gets a Structure, found by
walking the tree's blocks in order and matching each to the next line with the same words.
A block that matches no line gives none: its line renders as a paragraph. Only asked for
by --format markdown: the other outputs never read it.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

import regex

from cleaner.document import Structure

if TYPE_CHECKING:
    from lxml.etree import _Element

# How far ahead of the last matched line a block's line is looked for (text the tree does
# not hold as a block, or a block xmltotxt renders on several lines, comes in between)
LOOKAHEAD = 40
LIST_MARKER = regex.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
HEADING = regex.compile(r"^h([1-6])$")


def plain_text(body: _Element | None, keep_links: bool) -> str:
    """The tree's text as trafilatura's text output has it, without link targets unless
    `keep_links` (what --links gives)."""
    from trafilatura.xml import xmltotxt

    if body is None:
        return ""
    if not keep_links:
        from lxml.etree import strip_tags

        body = copy.deepcopy(body)
        strip_tags(body, "ref")
    return xmltotxt(body, False) or ""


def _all_text(element: _Element) -> str:
    return "".join(str(t) for t in element.itertext())


def _words(text: str) -> str:
    return " ".join(text.replace("|", " ").split())


def _own_text(element: _Element) -> tuple[str, list[_Element]]:
    """An element's text and links, less its nested lists (an item's sub-items are lines of their own)."""
    parts: list[str] = []
    refs: list[_Element] = []

    def walk(node: _Element, top: bool) -> None:
        if not top and node.tag == "list":
            return
        if node.tag == "ref":
            refs.append(node)
        parts.append(node.text or "")
        for child in node:
            walk(child, False)
            parts.append(child.tail or "")

    walk(element, True)
    return "".join(parts), refs


def _links(refs: list[_Element]) -> tuple[tuple[str, str], ...]:
    found = []
    for ref in refs:
        anchor, target = _words(_all_text(ref)), (ref.get("target") or "").strip()
        if anchor and target:
            found.append((anchor, target))
    return tuple(found)


def _blocks(body: _Element, with_links: bool) -> list[tuple[str, Structure]]:
    """The tree's blocks in order: their words, and what they are."""
    out: list[tuple[str, Structure]] = []
    for element in body.iter("head", "item", "p", "row", "quote", "code"):
        tag = element.tag
        in_quote = any(a.tag == "quote" for a in element.iterancestors())
        if tag == "row":
            cells = element.findall("cell")
            table = element.getparent()
            header = any(c.get("role") == "head" for c in cells) or (table is not None and table.find("row") is element)
            refs = list(element.iter("ref"))
            out.append((" ".join(_words(_all_text(c)) for c in cells), Structure("row", int(header))))
            if with_links and refs:
                out[-1] = (out[-1][0], out[-1][1]._replace(links=_links(refs)))
            continue
        if any(a.tag in ("cell", "item") for a in element.iterancestors()) and tag != "item":
            continue  # rendered inside its row or item's line
        if tag == "quote" and element.find(".//p") is not None:
            continue  # its paragraphs are the lines
        text, refs = _own_text(element) if tag == "item" else (_all_text(element), list(element.iter("ref")))
        links = _links(refs) if with_links else ()
        if tag == "head":
            level = HEADING.match(element.get("rend") or "")
            structure = Structure("heading", int(level[1]) if level else 2, links)
        elif tag == "item":
            depth = sum(1 for a in element.iterancestors() if a.tag == "list")
            structure = Structure("item", max(depth, 1), links)
        elif tag == "code":
            structure = Structure("code")
        elif in_quote or tag == "quote":
            structure = Structure("quote", 0, links)
        elif links:
            structure = Structure("text", 0, links)
        else:
            continue
        out.append((_words(text), structure))
    return out


def annotate(body: _Element | None, lines: list[str], with_links: bool = True) -> list[Structure | None]:
    """A Structure for each of the text's `lines` (None: a paragraph, or not found), from
    the tree its text was made of."""
    marks: list[Structure | None] = [None] * len(lines)
    if body is None:
        return marks
    words = [_words(LIST_MARKER.sub("", line)) for line in lines]
    whole = [_words(line) for line in lines]
    at = 0
    for text, structure in _blocks(body, with_links):
        if not text:
            continue
        for j in range(at, min(at + LOOKAHEAD, len(lines))):
            if marks[j] is None and text in (words[j], whole[j]):
                marks[j] = structure
                at = j + 1
                break
    return marks
