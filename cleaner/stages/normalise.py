"""Whitespace and bullets: NBSP and other odd spaces to one space, lines stripped,
bullet items as "- item". Block layout (blank lines) is done by document.render."""

from __future__ import annotations

import regex

from cleaner.document import LIST_ITEM_PREFIX, Document, Line

# Runs of horizontal space, NBSP included: "separate\xa0 post" is one space in the text.
SPACES = regex.compile(r"[\t\p{Zs}]+")
# A bullet glyph, or "-"/"*" followed by a space, at the start of a stripped line.
BULLET = regex.compile(r"^(?:[•◦▪▫‣⁃●○■□∙]\s*|[-*]\s+)(?=\S)")


def collapse_spaces(text: str) -> str:
    if text.isascii() and "  " not in text and "\t" not in text:  # the common case, without the regex
        return text.strip()
    return SPACES.sub(" ", text).strip()


def normalise_line(text: str) -> str:
    text = collapse_spaces(text)
    bullet = BULLET.match(text)
    return LIST_ITEM_PREFIX + text[bullet.end() :] if bullet else text


def run(doc: Document, ctx) -> Document:
    lines = tuple(line if (text := normalise_line(line.text)) == line.text else Line(line.no, text) for line in doc.lines)
    return doc.replace(lines=lines)
