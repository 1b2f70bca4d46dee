"""An HTML page as the text blocks a reader sees, each with where it sits.

trafilatura keeps only what it takes for the article; to look at what it left out
around the article (cleaner.stages.html_lead) we need the rest of the page too, in
reading order and split where the layout breaks lines. One pass over the parsed tree
(trafilatura's parser, the same tree), no recursion: pages nest thousands deep.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex
from lxml import etree  # trafilatura's own parser library, installed with it

# Elements that start a new line in a browser.
BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
# Never shown as text.
SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "head",
    ]
)
# Page furniture by element: a block inside one of these is not article prose.
FURNITURE = frozenset(["figure", "figcaption", "nav", "aside", "footer", "form", "label"])
# ... or by the class and id names templates give it.
FURNITURE_NAME = regex.compile(
    r"caption|credit|byline|author|share|social|related|breadcrumb|comment|\bmeta\b|tags?\b|newsletter|"
    r"promo|advert|\bads?\b|sidebar|widget|teaser-list|cookie|consent|hidden|sr-only|visually-hidden",
    regex.I,
)


def collapse(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (str.split is 10x a regex here)."""
    return " ".join(text.split())


def collapse_lines(text: str) -> str:
    """collapse(text), a line at a time: the same string, without the list of every word
    of the text that str.split makes (on a page's whole extracted text, several times the
    text's size in memory)."""
    return " ".join(filter(None, map(collapse, text.split("\n"))))


@dataclass(frozen=True, slots=True)
class Block:
    text: str  # whitespace collapsed
    furniture: bool  # inside figure/nav/aside/... or a container named like furniture
    link_chars: int  # characters inside links
    broken: bool = False  # the paragraph goes on after a <br>: this block and the one before are one


def blocks(tree, after=None) -> Iterator[Block]:
    """The blocks of `tree` in reading order; with `after` (an element of it), only those
    that follow that element: what comes before is skipped, not walked."""
    out: list[Block] = []
    ancestors = set(after.iterancestors()) if after is not None else set()
    recording = after is None
    parts: list[str] = []
    link_chars = 0
    # Per open element: its tag, whether it is furniture, whether it is a link.
    stack: list[tuple[str, bool, bool]] = []
    furniture = 0
    links = 0
    after_br = False  # the last break was a <br>, not the start or end of an element

    def flush() -> None:
        nonlocal link_chars, after_br
        text = collapse("".join(parts))
        if text and recording:
            out.append(Block(text, furniture > 0, link_chars, after_br))
            after_br = False
        parts.clear()
        link_chars = 0

    def add(text: str | None) -> None:
        nonlocal link_chars
        if text:
            parts.append(text)
            if links:
                link_chars += len(text.strip())

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            tag = el.tag if isinstance(el.tag, str) else ""  # "": comments, processing instructions
            if not tag or tag in SKIP or not (recording or el in ancestors):
                walker.skip_subtree()  # its "end" still comes, and adds its tail
                stack.append(("", False, False))
                continue
            name = f"{el.get('class', '')} {el.get('id', '')}"
            is_furniture = tag in FURNITURE or (len(name) > 1 and FURNITURE_NAME.search(name) is not None)
            if tag in BLOCK:
                flush()
                after_br = tag == "br"
            stack.append((tag, is_furniture, tag == "a"))
            furniture += is_furniture
            links += tag == "a"
            add(el.text)
        else:
            tag, is_furniture, is_link = stack.pop()
            if tag in BLOCK:
                flush()
                after_br = after_br and tag == "br"
            furniture -= is_furniture
            links -= is_link
            if el is after:
                parts.clear()
                recording = True
            if el is not tree:
                add(el.tail)
            yield from out
            out.clear()
    flush()
    yield from out
