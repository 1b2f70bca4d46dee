"""HTML to text with trafilatura, its options pinned; metadata from the page.

The extracted text then goes through the same stages as a text scrape, so site and
platform profiles apply to HTML too. Line numbers in removals refer to the
extracted text. trafilatura is imported here only, when HTML is seen: it takes a
quarter of a second to import.
"""

from __future__ import annotations

import regex

from cleaner.document import Document, Line

SNIFF = regex.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", regex.I | regex.S)

OPTIONS = dict(
    output_format="python",  # a Document with text and metadata, parsed once
    with_metadata=True,  # title, author, date, sitename, url (canonical / og:url), categories, tags
    include_comments=False,  # reader comments are not the article
    include_tables=True,  # tables in articles are content (figures, results)
    include_images=False,  # alt text and captions are boilerplate by the gold conventions
    include_links=False,  # link targets are not text
    include_formatting=False,  # plain text out; bullets are handled by the normaliser
    favor_precision=False,  # the balanced default; our profiles and heuristics add precision after
    favor_recall=False,
    deduplicate=False,  # dedup across documents would make output depend on run order
    fast=False,  # keep trafilatura's fallback extractors: they rescue odd layouts
)


def looks_like_html(text: str) -> bool:
    return bool(SNIFF.match(text[:2048]))


def extract(html: str, url: str | None) -> tuple[str, dict]:
    """The main text (paragraphs one per line) and the page's metadata."""
    from trafilatura import bare_extraction

    result = bare_extraction(html, url=url, **OPTIONS)
    if result is None:
        return "", {}
    meta = {
        "title": result.title,
        "author": result.author,
        "date": result.date,
        "sitename": result.sitename,
        "url": result.url,
        "categories": tuple(result.categories or ()),
        "tags": tuple(result.tags or ()),
    }
    return result.text or "", meta


def run(doc: Document, ctx) -> Document:
    if not isinstance(doc.raw, str):
        return doc
    text, meta = extract(doc.raw, ctx.url)
    # trafilatura puts one paragraph per line; a blank line between them makes each its own block
    lines = []
    for no, line in enumerate(text.split("\n"), 1):
        lines += [Line(no, line), Line(no, "")]
    return doc.replace(lines=tuple(lines[:-1]), raw=None, metadata=doc.metadata.fill(**meta), steps=doc.steps + ("html:trafilatura",))
