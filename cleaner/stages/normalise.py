"""Whitespace and bullets: NBSP and other odd spaces to one space, lines stripped,
bullet items as "- item". Block layout (blank lines) is done by document.render."""

from __future__ import annotations

import re

import regex

from cleaner.document import LIST_ITEM_PREFIX, Context, Document

# Runs of horizontal space, NBSP included: "separate\xa0 post" is one space in the text.
SPACES = regex.compile(r"[\t\p{Zs}]+")
# Whitespace other than the space and line breaks: every \p{Zs} but the space is in it, so a
# line without it (and without "  ") has nothing SPACES would change. A fast stdlib check.
ODD_SPACE = re.compile(r"[^\S \n\r\v\f\x1c-\x1f\x85\u2028\u2029]|  ")
# A bullet glyph, or "-"/"*" followed by a space, at the start of a stripped line.
BULLET_GLYPHS = "•◦▪▫‣⁃●○■□∙"
BULLET = regex.compile(rf"^(?:[{BULLET_GLYPHS}]\s*|[-*]\s+)(?=\S)")


def collapse_spaces(text: str) -> str:
    # The common case, without the regex: only the stripped text is searched, as scrapes
    # indent most lines with spaces that strip() takes off either way.
    stripped = text.strip()
    if stripped.isascii():  # its only odd space is the tab: plain `in` tests
        if "\t" not in stripped and "  " not in stripped:
            return stripped
    elif not ODD_SPACE.search(stripped):
        return stripped
    return SPACES.sub(" ", text).strip()


BULLET_FIRST = BULLET_GLYPHS + "-*"


def normalise_line(text: str) -> str:
    text = collapse_spaces(text)
    bullet = BULLET.match(text) if text[:1] in BULLET_FIRST else None
    return LIST_ITEM_PREFIX + text[bullet.end() :] if bullet else text


def run(doc: Document, ctx: Context) -> Document:
    # A line already clean (ASCII, stripped, no tab, "  " or bullet first) is kept after a
    # few C tests, without the two calls
    lines = tuple(
        line
        if (
            (t := line.text).isascii()
            and t == t.strip()
            and "\t" not in t
            and "  " not in t
            and t[:1] not in BULLET_FIRST
        )
        or (text := normalise_line(t)) == t
        else line._replace(text=text)
        for line in doc.lines
    )
    return doc.replace(lines=lines)
