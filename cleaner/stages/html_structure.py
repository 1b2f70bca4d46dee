"""The structure of an extracted page's lines, for `--format markdown`.

trafilatura's extraction is an XML tree (`head rend="h2"`, `list`/`item`, `quote`, `table`/
`row`/`cell`, `ref target=...`) that its text output flattens into lines. The lines stay as
they are (the rules and heuristics read them as before); each gets a Structure, found by
walking the tree's blocks in order and matching each to the next line with the same words; link targets come from
a second extraction with links (extracting with them changes the text's line breaks), each
anchor looked for in the lines in order.
A block that matches no line gives none: its line renders as a paragraph. Only asked for
by --format markdown: the other outputs never read it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import regex

from cleaner.document import Structure

if TYPE_CHECKING:
    from lxml.etree import _Element

# A link or image as trafilatura's text writes them with --links and --images: the label's
# brackets escaped, a target holding " <>()" in angle brackets (its "\\", "<" and ">" escaped)
MARKDOWN_INLINE = regex.compile(
    r"(?P<image>!?)\[(?P<label>(?:\\.|[^\\\]\n])*)\]"
    r"\((?:<(?P<angled>(?:\\.|[^\\<>\n])*)>|(?P<bare>[^\s()<>]*))\)"
)
ESCAPED = regex.compile(r"\\([\\\[\]<>])")


class Inline(NamedTuple):
    """A link or image of a line written as Markdown: its label (an image's alt) and target."""

    image: bool
    label: str
    target: str


def inline_parts(text: str) -> list[str | Inline]:
    """The text split into plain text and the links and images it writes as Markdown."""
    parts: list[str | Inline] = []
    at = 0
    for m in MARKDOWN_INLINE.finditer(text):
        parts.append(text[at : m.start()])
        angled = m["angled"]
        target = ESCAPED.sub(r"\1", angled) if angled is not None else m["bare"]
        parts.append(Inline(bool(m["image"]), ESCAPED.sub(r"\1", m["label"]), target))
        at = m.end()
    parts.append(text[at:])
    return [part for part in parts if part != ""]


def plain(text: str, alt: bool = False) -> str:
    """The text as the page prints it: a link's label for the link, an image's alt text for
    the image with `alt` (else nothing, as the tree's text has it)."""
    return "".join(p if isinstance(p, str) else p.label if alt or not p.image else "" for p in inline_parts(text))


# How far ahead of the last matched line a block's line is looked for (text the tree does
# not hold as a block, or a block xmltotxt renders on several lines, comes in between)
LOOKAHEAD = 40
LIST_MARKER = regex.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
HEADING = regex.compile(r"^h([1-6])$")


def _all_text(element: _Element) -> str:
    return "".join(str(t) for t in element.itertext())


def _words(text: str) -> str:
    """The text's words, the cell separators of a table row left out (a "|" in a cell too)."""
    return " ".join(text.replace("|", " ").split())


def _line_words(text: str) -> str:
    """_words of a line of trafilatura's text, whose table cells escape their "|" as "\\|"."""
    return _words(text.replace("\\|", "|"))


def _own_text(element: _Element) -> str:
    """An element's text, less its nested lists (an item's sub-items are lines of their own)."""
    parts: list[str] = []

    def walk(node: _Element, top: bool) -> None:
        if not top and node.tag == "list":
            return
        parts.append(node.text or "")
        for child in node:
            walk(child, False)
            parts.append(child.tail or "")

    walk(element, True)
    return "".join(parts)


def _links(body: _Element) -> list[tuple[str, str]]:
    """The tree's links, (anchor text, target), in order."""
    found = []
    for ref in body.iter("ref"):
        anchor, target = _words(_all_text(ref)), (ref.get("target") or "").strip()
        if anchor and target:
            found.append((anchor, target))
    return found


def _blocks(body: _Element) -> list[tuple[str, Structure]]:
    """The tree's blocks in order: their words, and what they are."""
    out: list[tuple[str, Structure]] = []
    for element in body.iter("head", "item", "p", "row", "quote", "code"):
        tag = element.tag
        in_quote = any(a.tag == "quote" for a in element.iterancestors())
        if tag == "row":
            cells = element.findall("cell")
            table = element.getparent()
            header = any(c.get("role") == "head" for c in cells) or (table is not None and table.find("row") is element)
            out.append((_words(" ".join(_all_text(c) for c in cells)), Structure("row", int(header))))
            continue
        inline = ("cell", "item", "p", "head") if tag == "code" else ("cell", "item")
        if tag != "item" and any(a.tag in inline for a in element.iterancestors()):
            continue  # rendered inside its row or item's line (or, code, inside its paragraph)
        if tag == "quote" and element.find(".//p") is not None:
            continue  # its paragraphs are the lines
        text = _own_text(element) if tag == "item" else _all_text(element)
        if tag == "head":
            level = HEADING.match(element.get("rend") or "")
            structure = Structure("heading", int(level[1]) if level else 2)
        elif tag == "item":
            depth = sum(1 for a in element.iterancestors() if a.tag == "list")
            parent = element.getparent()
            ordered = parent is not None and parent.tag == "list" and parent.get("rend") == "ol"
            structure = Structure("item", max(depth, 1), ordered=ordered)
        elif tag == "code":
            structure = Structure("code")
        elif in_quote or tag == "quote":
            structure = Structure("quote")
        else:
            continue
        out.append((_words(text), structure))
    return out


def annotate(body: _Element | None, lines: list[str], links: _Element | None = None) -> list[Structure | None]:
    """A Structure for each of the text's `lines` (None: a paragraph, or not found), from
    the tree its text was made of; `links`: the tree of the same page extracted with its
    links, whose anchors are looked for in the lines, in order."""
    marks: list[Structure | None] = [None] * len(lines)
    if body is None:
        return marks
    words = [_line_words(LIST_MARKER.sub("", line)) for line in lines]
    whole = [_line_words(line) for line in lines]
    at = 0
    for text, structure in _blocks(body):
        if not text:
            continue
        for j in range(at, min(at + LOOKAHEAD, len(lines))):
            if marks[j] is None and text in (words[j], whole[j]):
                marks[j] = structure
                at = j + 1
                break
            end = _spanned(text, words, marks, j)
            if end is not None:  # a block the text breaks over lines: a quote's <br>, verse
                marks[j:end] = [structure] * (end - j)
                at = end
                break
    if links is not None:
        _add_links(marks, lines, _links(links))
    return marks


SPAN_LINES = 20


def _spanned(text: str, words: list[str], marks: list[Structure | None], j: int) -> int | None:
    """The end of the run of 2 to SPAN_LINES unmarked lines from line j whose words, joined,
    are the block's `text` (a quote with a <br> in its paragraph came out as paragraphs with
    no quote mark: new-user trial of stop 60); None if there is none."""
    if not words[j] or not text.startswith(words[j] + " "):
        return None
    joined = words[j]
    for k in range(j + 1, min(j + SPAN_LINES, len(words))):
        if marks[k] is not None or not words[k]:
            return None
        joined += " " + words[k]
        if joined == text:
            return k + 1
        if not text.startswith(joined + " "):
            return None
    return None


def _add_links(marks: list[Structure | None], lines: list[str], links: list[tuple[str, str]]) -> None:
    """Each link to the first line at or after the previous link's that holds its anchor (a
    link whose anchor is in none of the next LOOKAHEAD lines, in text the extraction without
    links left out, is passed over)."""
    found: dict[int, list[tuple[str, str]]] = {}
    line, col = 0, 0
    for anchor, target in links:
        # as a word of its own first: "here" is not the "here" of "Theresa" two lines up
        # (attacker trial of stop 49), but a footnote's "1" may be glued to its word
        for free in (2, 1, 0):
            at = next(
                (
                    (j, pos)
                    for j in range(line, min(line + LOOKAHEAD, len(lines)))
                    if (pos := find_anchor(lines[j], anchor, col if j == line else 0, free)) >= 0
                ),
                None,
            )
            if at is not None:
                found.setdefault(at[0], []).append((anchor, target))
                line, col = at[0], at[1] + len(anchor)
                break
    for j, pairs in found.items():
        marks[j] = (marks[j] or Structure("text"))._replace(links=tuple(pairs))


def find_anchor(text: str, anchor: str, start: int = 0, free: int | None = None) -> int:
    """Where `anchor` is in `text` from `start` (-1: nowhere), at the first place where at
    least `free` of its two ends no letter or digit runs on into; None: the first place with
    the most such ends ("here" alone, not in "Theresa"; a footnote's "1" glued to "widely1"
    before the "1" inside "2018")."""
    best, best_free = -1, -1
    pos = text.find(anchor, start)
    while pos >= 0:
        before, after = text[pos - 1 : pos], text[pos + len(anchor) : pos + len(anchor) + 1]
        ends = (not (anchor[:1].isalnum() and before.isalnum())) + (not (anchor[-1:].isalnum() and after.isalnum()))
        if free is not None and ends >= free:
            return pos
        if free is None and ends > best_free:
            best, best_free = pos, ends
            if ends == 2:
                break
        pos = text.find(anchor, pos + 1)
    return best
