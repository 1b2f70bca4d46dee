"""What plain text tells about one line: its shape, words and stop-word density."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleaner.heuristics.language import stop_density

WORD = re.compile(r"[^\W_][\w'’.-]*")
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
HIGH = re.compile("[\u2e80-\U0010ffff]")  # CJK starts at U+2E80: a cheap test before CJK
# A scrape marks list items with a glyph or "*", "+", "-", "o" and a space.
BULLET = re.compile(r"^(?:[-*+]\s+|[•◦▪▫‣⁃●○■□∙·]\s*|\d{1,2}[.)]\s+)")
BULLET_FIRST = "-*+•◦▪▫‣⁃●○■□∙·"  # or a digit (re's \d is str.isdecimal): the match is tried only then
NUMBER = re.compile(r"(\d{1,3})[.)]\s")  # a numbered list item's number
# Latin and CJK (full and half width), Devanagari danda, Arabic and Urdu, Armenian,
# Ethiopic and Myanmar full stops. Thai, Lao and Khmer mark no sentence end.
SENTENCE_ENDS = ".!?…:;。！？：；．｡।॥؟؛۔։።။"
CLOSERS = "'\"’”»«)]」』）】》〉"  # quotes and brackets after the sentence's end
# Shorter lines are classed by their length alone (body.Tuning.length_low is above this),
# so their stop-word density is not worth computing.
STOP_MIN_CHARS = 40
# What a character of a script written without spaces (Chinese, Japanese) weighs against a
# Latin one in a line's length: a word is about two such characters, against five letters
# and a space. Counted one to one, a 40-character Japanese paragraph was a "short" line, and
# a page of such paragraphs had no body: its date and reporter lines stayed (new-user trials
# of stops 49 and 50).
CJK_WIDTH = 3
# Scripts that mark no sentence end (words run together, a space ends a clause or a
# sentence): where a line ends tells nothing, so each line counts as ending a sentence.
UNPUNCTUATED = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}]")


@dataclass(slots=True)
class LineInfo:
    pos: int  # index in doc.lines
    text: str  # stripped
    bullet: bool
    words: int
    chars: int  # length without the bullet, CJK characters weighing CJK_WIDTH
    stop: float  # share of words that are stop words of the page's language
    sentence: bool  # ends like a sentence


def more_words(text: str, n: int) -> bool:
    """len(text.split()) > n, splitting no further than that tells: a paragraph is not cut
    into all its words to learn that it is longer than a date line."""
    return len(text.split(None, n)) > n


def item_number(text: str) -> int | None:
    """The number a numbered list item opens with ("3. Ice Lake Basin" -> 3), else None."""
    found = NUMBER.match(text.lstrip())
    return int(found[1]) if found else None


def next_item(above: str, text: str) -> bool:
    """Whether `text` is the numbered list item after `above` ("4. ..." after "3. ...")."""
    number, before = item_number(text), item_number(above)
    return number is not None and before is not None and number == before + 1


def list_runs(texts: Sequence[str]) -> list[int]:
    """For each line, how many items its numbered list holds: lines one after another whose
    numbers count up by one (1, 2, 3 ...); 0 for a line that opens with no number. An
    article's list counts its items so; a menu or a teaser list seldom does."""
    runs = [0] * len(texts)
    start = 0
    for n in range(1, len(texts) + 1):
        if n < len(texts) and next_item(texts[n - 1], texts[n]):
            continue
        if item_number(texts[start]) is not None:
            runs[start:n] = [n - start] * (n - start)
        start = n
    return runs


def describe(pos: int, raw: str) -> LineInfo:
    return LineInfo(pos, *_shape(raw))


def describe_all(texts: list[str], positions: list[int]) -> list[LineInfo]:
    """describe() of the lines at `positions`, without a call of its own per line."""
    return [LineInfo(pos, *_shape(texts[pos])) for pos in positions]


@lru_cache(maxsize=1 << 16)  # lines recur: across the stage's passes, and boilerplate across pages
def _shape(raw: str) -> tuple[str, bool, int, int, float, bool]:
    text = raw.strip()
    first = text[:1]
    bullet = BULLET.match(text) if first and (first in BULLET_FIRST or first.isdecimal()) else None
    body = text[bullet.end() :] if bullet else text
    is_ascii = body.isascii()
    # An ASCII line is lowered whole: the same words, lowered, without a lower() call each
    tokens = WORD.findall(body.lower() if is_ascii else body)
    words = len(tokens)
    cjk = len(CJK.findall(body)) if not is_ascii and HIGH.search(body) else 0
    chars = len(body)
    if cjk > len(body) / 3:
        # No spaces between words: count characters as half-words; prose density is unknown,
        # so a long CJK line counts as prose-like.
        words = max(words, cjk // 2)
        chars += (CJK_WIDTH - 1) * cjk
        stop = 0.4
    else:
        # 0 for a language no data file has stop words for (Cyrillic, Arabic, Hebrew,
        # Indic...): its sentence end alone then tells prose from menus and teasers
        # (body.classify); counting it prose-like, as CJK is, kept teaser lists (dev set).
        stop = stop_density(tokens, lowered=is_ascii) if len(body) >= STOP_MIN_CHARS else 0.0
    last = body.rstrip(CLOSERS)[-1:]  # the character before any closing quotes and brackets
    sentence = (last != "" and last in SENTENCE_ENDS) or (not is_ascii and _unpunctuated(body))
    return text, bool(bullet), words, chars, stop, sentence


def _unpunctuated(body: str) -> bool:
    """Whether the line is mostly in a script that marks no sentence end (Thai, Lao, Khmer)."""
    return not body.isascii() and len(UNPUNCTUATED.findall(body)) > len(body) / 2
