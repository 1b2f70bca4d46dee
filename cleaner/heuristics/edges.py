"""The edges of the body: calls to action, notices and author bios that pages print just
before or after the article, in sentences that would pass for prose.

Only the edge zones are searched: the lines before the first tenth and after the last
fifth of the body's text. "Subscribe" in the middle of an article is its subject.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from cleaner.heuristics.language import languages
from cleaner.heuristics.lines import LineInfo
from cleaner.heuristics.phrases import trie_pattern

HEAD_SHARE, TAIL_SHARE = 0.1, 0.2  # of the body's text characters
MAX_WORDS = 60
# In an extractor's text, where the extractor chose the lines as article: a longer line
# naming a call to action is a sentence of the article ("... follow the debate on Twitter,
# where ..."), not the notice. On the corpus's train pages (dragnet, cleaneval) the calls
# to action of 25 words and more that went were 3:1 and 4:3 article text (shingles).
EXTRACTED_MAX_WORDS = 24
# A name of two to four capitalised words at the start of the line. One word is more often
# the subject of the article's last sentence ("Windows is ...") than a first name alone.
NAME = r"^\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}\s+"


# The language whose calls to action apply on a page of any language: sites print English
# notices ("Follow us on Twitter", "Newsletter") in other languages too
ALWAYS = "en"


@lru_cache(maxsize=1)
def _bio_pattern() -> regex.Pattern:
    bio = sorted({p for lang in languages() for p in lang.bio}, key=len, reverse=True)
    verbs = "|".join(regex.escape(b) for b in bio)
    return regex.compile(NAME + f"(?:{verbs})\\b")


@lru_cache(maxsize=16)
def _edge_pattern(language: str | None) -> re.Pattern:
    """The calls to action of the page's language and English. A phrase of another language
    is a word of this one: German "app " in "app store", French "application", Polish
    "cookie" in an English sentence about cookies."""
    edge = {p for lang in languages() if lang.code in (language, ALWAYS) for p in lang.edge}
    return re.compile(r"(?<!\w)" + trie_pattern(edge))


def zones(infos: list[LineInfo], good: list[bool], first: int, last: int) -> tuple[int, int]:
    """(head_end, tail_start): indexes such that lines first..head_end-1 are the head zone
    and tail_start..last the tail zone of the body region."""
    total = sum(infos[n].chars for n in range(first, last + 1) if good[n])
    seen, head_end = 0, first
    for n in range(first, last + 1):
        if seen >= total * HEAD_SHARE:
            break
        if good[n]:
            seen += infos[n].chars
        head_end = n + 1
    seen, tail_start = 0, last + 1
    for n in range(last, first - 1, -1):
        if seen >= total * TAIL_SHARE:
            break
        if good[n]:
            seen += infos[n].chars
        tail_start = n
    return head_end, tail_start


def call_to_action(text: str, words: int, language: str | None = ALWAYS, extracted: bool = False) -> bool:
    """A call to action or notice in the page's `language` (or English); `extracted`: in an
    extractor's text, shorter ones only."""
    most = EXTRACTED_MAX_WORDS if extracted else MAX_WORDS
    return words <= most and _edge_pattern(language).search(text.lower()) is not None


def author_bio(text: str, words: int) -> bool:
    """ "Jane Doe is a reporter who covers ...": a name, then a verb of the bio list."""
    return words <= MAX_WORDS and _bio_pattern().match(text) is not None
