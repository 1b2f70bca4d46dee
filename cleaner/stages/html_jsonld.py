"""What a page's structured data (JSON-LD, schema.org) says that trafilatura does not read.

- The maker of a recipe, a how-to or a review: the page's author (trafilatura reads an
  article's author only).
- The article's text (`articleBody`), for a page whose HTML does not print it: pages built
  in the browser from a script's data (a news site's app shell) hold the article in their
  structured data and, in their HTML, little more than a caption and the author's bio,
  which is what the extractors then return.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

LD_JSON = './/script[@type="application/ld+json"]'
MAX_LD_CHARS = 1_000_000  # a page's structured data; a bigger script is not read

# Structured data whose author trafilatura does not read (it reads an article's): the maker
# of a recipe, a how-to or a review is the page's author too (new-user trial of stop 35: a
# recipe page named "Agnieszka Wróbel" in its JSON-LD and the author was null).
WORKS = frozenset({"Recipe", "HowTo", "Review", "CreativeWork"})

# The article text from the structured data replaces the extracted text when that holds less
# than this share of its characters, and it is an article's length. Measured, not tuned: of
# the 2,186 dev and corpus pages, 14 (all dev pages) have an articleBody; the extracted text
# is 0.85 to 1.2 times its length on 11, longer on two (a teaser of 85 words, a fragment of
# 12), and a tenth of it on one, an app shell.
BODY_SHARE = 0.5
MIN_BODY_CHARS = 500
# An articleBody written as HTML (some publishers put the article's markup in it)
MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|span|a|strong|em|b|i)\b[^>]*>", re.I)
BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr")


def items(tree) -> Iterator[dict[str, Any]]:
    """The top-level objects of the page's JSON-LD scripts: each script's object, a list's,
    a @graph's. Scripts that are no JSON, or bigger than MAX_LD_CHARS, are skipped."""
    for script in tree.iterfind(LD_JSON):
        text = script.text or ""
        if len(text) > MAX_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                yield from (g for g in graph if isinstance(g, dict)) if isinstance(graph, list) else ()


def work_author(tree) -> str | None:
    """The author's name of the page's top-level JSON-LD object of a WORKS type (or one in
    its @graph), or None."""
    for item in items(tree):
        types = item.get("@type")
        if WORKS.isdisjoint(types if isinstance(types, list) else [types]):
            continue
        if name := _name(item.get("author")):
            return name
    return None


def _name(author: Any) -> str | None:
    """A person's name as JSON-LD gives it: a string, an object with a name, or a list of those."""
    names: list[str] = []
    for a in author if isinstance(author, list) else [author]:
        name = a.get("name") if isinstance(a, dict) else a
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return "; ".join(names) or None


def article_body(tree, extracted: str) -> list[str] | None:
    """The paragraphs of the page's articleBody when `extracted` (the text the extractors
    found) holds too little of it (BODY_SHARE) or is that body in one line, else None. None too when the page's objects
    give several different bodies (a listing of articles: which one is the page's?)."""
    bodies = {body.strip() for item in items(tree) if isinstance(body := item.get("articleBody"), str)}
    bodies.discard("")
    if len(bodies) != 1:
        return None
    (body,) = bodies
    paragraphs = _paragraphs(body)
    size = sum(len(p) for p in paragraphs)
    if size < MIN_BODY_CHARS:
        return None
    if len(extracted) < BODY_SHARE * size:
        return paragraphs
    # trafilatura's last fallback reads the articleBody too, but prints it as one line
    flat = " ".join(extracted.split())
    same = flat in (" ".join(body.split()), " ".join(paragraphs))
    return paragraphs if same and len(paragraphs) > 1 else None


def _paragraphs(body: str) -> list[str]:
    """`body`'s paragraphs, one per line, spaces collapsed: its markup's blocks when it is HTML,
    else its lines (entities decoded: publishers escape quotes and ampersands)."""
    if MARKUP.search(body):
        from lxml import html as lxml_html

        try:
            root = lxml_html.fragment_fromstring(body, create_parent="div")
        except Exception:  # lxml's parser errors: the text without its tags is still the article
            return _lines(html.unescape(re.sub(r"<[^>]*>", " ", body)))
        for element in root.iter(*BLOCKS):
            element.tail = "\n" + (element.tail or "")
            if element.tag != "br":
                element.text = "\n" + (element.text or "")
        return _lines(root.text_content())
    return _lines(html.unescape(body))


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
