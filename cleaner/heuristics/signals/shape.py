"""Shape: what a line looks like on its own: length, bullet, sentence end, punctuation."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from cleaner.heuristics.lines import LineInfo, describe_all
from cleaner.heuristics.signals.base import Page, Signal

FAMILY = "shape"
# Teaser excerpts are cut off with one of these.
TRUNCATED_ENDS = ("...", "…", "[…]", "[...]")
PUNCTUATION = re.compile(r"[^\w\s]|_")  # \w is isalnum() or "_"
# The ASCII characters PUNCTUATION matches, and the ASCII digits: an ASCII line's counts are
# two bytes.translate calls (in C) rather than a list of matches and a call per character
PUNCTUATION_ASCII = bytes(c for c in range(128) if PUNCTUATION.match(chr(c)))
DIGITS_ASCII = b"0123456789"


def _lines(page: Page) -> list[LineInfo]:
    return describe_all(page.texts, page.positions)


LINES = Signal(
    "lines",
    FAMILY,
    "each line parsed once: its stripped text, bullet, words, characters, stop-word density and "
    "sentence end (cleaner.heuristics.lines); the other shape signals read it",
    _lines,
)


def _text(page: Page) -> list[str]:
    return [info.text for info in page[LINES]]


def _words(page: Page) -> list[int]:
    return [info.words for info in page[LINES]]


def _chars(page: Page) -> list[int]:
    return [info.chars for info in page[LINES]]


def _bullet(page: Page) -> list[bool]:
    return [info.bullet for info in page[LINES]]


def _sentence(page: Page) -> list[bool]:
    return [info.sentence for info in page[LINES]]


def _truncated(page: Page) -> list[bool]:
    return [text.endswith(TRUNCATED_ENDS) for text in page[TEXT]]


TEXT = Signal("text", FAMILY, "the line without surrounding whitespace: what phrases and patterns read", _text)
WORDS = Signal("words", FAMILY, "how many words: labels and menus are short, prose is long", _words)
CHARS = Signal("chars", FAMILY, "length in characters without the bullet: what the body region weighs", _chars)
BULLET = Signal("bullet", FAMILY, "a list item: menus and teaser lists are bulleted", _bullet)
SENTENCE = Signal("sentence", FAMILY, "ends like a sentence: prose does, labels and headlines do not", _sentence)
TRUNCATED = Signal("truncated", FAMILY, 'ends with "..." or "[…]": a teaser excerpt cut off', _truncated)


def capitalised(words: list[str]) -> int:
    """How many of the words (non-empty, as str.split gives them) start with a capital."""
    return sum(map(str.isupper, map(itemgetter(0), words)))  # in C, no frame per word


@lru_cache(maxsize=1 << 16)  # the same lines come back in every pass of the stage
def text_shape(text: str) -> tuple[float, ...]:
    """Punctuation and digit shares, capitalised words, lower case only, "|", ":" and "..." ends."""
    chars = max(len(text), 1)
    words = text.split()
    if text.isascii():
        raw = text.encode("ascii")
        punctuation = len(raw) - len(raw.translate(None, PUNCTUATION_ASCII))
        digits = len(raw) - len(raw.translate(None, DIGITS_ASCII))
        lower_only = text.islower()  # in ASCII: no capital and a letter
    else:
        punctuation = len(PUNCTUATION.findall(text))
        digits = sum(map(str.isdigit, text))
        lower_only = text.lower() == text and any(map(str.isalpha, text))
    return (
        punctuation / chars,
        digits / chars,
        capitalised(words) / max(len(words), 1),
        float(lower_only),
        float("|" in text),
        float(text.endswith(":")),
        float(text.endswith(TRUNCATED_ENDS)),
    )


def _text_shape(page: Page) -> list[tuple[float, ...]]:
    return [text_shape(text) for text in page[TEXT]]


TEXT_SHAPE = Signal(
    "text-shape",
    FAMILY,
    "share of punctuation and of digits, share of capitalised words, lower case only, a pipe, a colon "
    "at the end, cut off with '...': menus, counters and labels differ from prose in these",
    _text_shape,
)
SIGNALS = (LINES, TEXT, WORDS, CHARS, BULLET, SENTENCE, TRUNCATED, TEXT_SHAPE)
