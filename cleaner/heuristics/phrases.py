"""Boilerplate phrases from the data files: which category, if any, a line belongs to.

A line is compared in a normalised form (`key`): lower case, bullets, counts and
decoration stripped, so "  * Share on Facebook (12) »" and "share on facebook" meet.
Phrases of every language are matched on every page: boilerplate is often left in
English on a page in another language.

The categories are data: a `[phrases.<category>]` table in a data file adds one, named
`heuristic:<category>` in removals, with the table's `why` (`categories()`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from cleaner.heuristics.counters import is_counter
from cleaner.heuristics.language import languages

# Decoration around a phrase: bullets, arrows, separators, brackets, counts.
EDGE = re.compile(r"[\W\d_]*")
# A toolbar prints several labels on one line: "Share / Tweet / Email", "Home | About".
# The same as r"\s+[/|·•]\s+|\s*\|\s*", but linear: a leftmost match never starts inside a run
# of spaces, so one is tried only where a run starts, and its spaces are never given back
# (a line of 1,600 spaces took 54 ms; tests/heuristics/test_phrases.py checks the equivalence)
SEPARATORS = re.compile(r"(?<!\s)\s++[/|·•]\s+|(?<!\s)\s++\|\s*|\|\s*")
MAX_STARTS_WORDS = 12  # a label-like line; longer lines that start with "Share on" are prose
MAX_CONTAINS_WORDS = 60  # notices (cookie, copyright) are a sentence or two, not an article
# A toolbar of one-word labels: three to eight of them (two, "Go home", is a sentence too), each
# of three characters or more
BAR_WORDS = (3, 8)
BAR_KEY_CHARS = 3
BARE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # a word of letters, "e-mail" too


# The why of a category no data file gives one for.
GENERIC_WHY = 'a line matching the "{}" boilerplate phrases of the language data files'


def key(text: str) -> str:
    """The line as phrases are compared with it."""
    return _key(text.lower()) or ""


TAIL = 32  # the decoration at a line's end is short: its reversed tail is read, not all of it


def _key(low: str, most: int = -1) -> str | None:
    """key() of the lowered line. With `most` >= 0, None for a key of more than `most` words
    (none of the phrases is that long): a prose line is not split into all its words."""
    # EDGE matches the empty string too, so it always matches; a letter is no decoration
    start = 0 if low[:1].isalpha() else EDGE.match(low).end()  # type: ignore[union-attr]
    run = 0
    if not low[-1:].isalpha():
        tail = low[-TAIL:][::-1]  # reversed: linear, unlike a "[...]+$" search
        run = EDGE.match(tail).end()  # type: ignore[union-attr]
        if run == len(tail):  # decoration all along the tail: the whole line reversed
            run = EDGE.match(low[::-1]).end()  # type: ignore[union-attr]
    end = len(low) - run
    if start >= end:
        return ""
    words = low[start:end].split(None, most)
    return None if 0 <= most < len(words) else " ".join(words)


# "ends" phrases: found among a line's last ENDS_WORDS words, what follows them no longer than a
# name ("... in Carsby. Photo: Jane Holt/NEP", "... (Valley Tribune file photo)"), in a line that
# does not end as a sentence does ("... offered the whole picture: a bridge for everyone." is one)
ENDS_WORDS = 6
PROSE_ENDS = (".", "!", "?", "…", '"', "”", "“", "»", "。", "！", "？")
# The categories whose "contains" phrases label a line, as "ends" ones do (see _labelled)
LABEL_SHAPED = frozenset({"credit"})
# The categories whose "starts" phrases label no line that ends as a sentence: a credit line
# names a person ("Medically reviewed by Dr. Jane Roe, MD"); "Fact-checked by Reuters, the
# viral claim proved false." is the article's (second attacker trial of stop 53)
NO_SENTENCE = frozenset({"reviewer"})


class Matcher(NamedTuple):
    lines: dict[str, str]  # key -> category
    starts: re.Pattern | None
    starts_category: dict[str, str]
    contains: re.Pattern | None
    contains_category: dict[str, str]
    max_words: dict[str, int]  # per category, for "contains"; MAX_CONTAINS_WORDS otherwise
    key_words: int  # the most words of a key in `lines`
    ends: re.Pattern | None
    ends_category: dict[str, str]

    def category(self, text: str, words: int) -> str | None:
        """The boilerplate category of a stripped line, or None."""
        lower = text.lower()  # once, for the key and the patterns
        k = _key(lower, self.key_words)  # None: longer than every key
        if k == "":
            return None
        hit = self.lines.get(k) if k else None
        if hit:
            return hit
        if words <= MAX_STARTS_WORDS and ("/" in text or "|" in text or "·" in text or "•" in text):
            parts = [key(part) for part in SEPARATORS.split(text)] if SEPARATORS.search(text) else []
            hits = [self.lines.get(part) for part in parts if part]
            if hits and all(hits):
                return hits[0]
        low = lower.lstrip("*+-•·|>»› \t")
        if self.starts and words <= MAX_STARTS_WORDS:
            m = self.starts.match(low)
            if m and not _part_of_a_word(low, m):
                category = self.starts_category[m.group(0)]
                if (
                    (category not in NO_SENTENCE or not low.rstrip().endswith(PROSE_ENDS))
                    and not (category in NOUN_SENTENCE and _noun_of_a_sentence(text, m.group(0), words))
                    and not _reports_speech(text, words)
                ):
                    return category
        if self.contains and words <= MAX_CONTAINS_WORDS:
            m = self.contains.search(low)
            if m:
                category = self.contains_category[m.group(0)]
                if (
                    words <= self.max_words.get(category, MAX_CONTAINS_WORDS)
                    and (category not in LABEL_SHAPED or _labelled(low, m))
                    # "We use cookies ..., the banner says, and most people click Accept ..."
                    # (attacker trial of stop 59): a notice quoted in the story
                    and not _reports_speech(text, words)
                ):
                    return category
        if self.ends and words <= MAX_CONTAINS_WORDS:
            split = low.split()
            tail = " ".join(split[-ENDS_WORDS:])
            for m in self.ends.finditer(tail):
                # the tail's first word opens the line only when the line is no longer than it
                if _labelled(tail, m, opens=len(split) <= ENDS_WORDS):
                    return self.ends_category[m.group(0)]
        return None


# The categories whose "starts" phrases label no sentence that opens with the phrase as its
# subject's noun: "Advertisement boards were torn from the seafront, police say.", "Reklama w
# internecie stanowi już ponad połowę rynku." (attacker trial of stop 58: story sentences went
# in five languages). A label's next word is capitalised ("Advertisement Feature", "Reklama
# Koniec reklamy", "Реклама ООО ...") or a mark, and the line is seldom a sentence (second
# attacker trial: a mark required after the label kept such lines and took paragraphs with them).
NOUN_SENTENCE = frozenset({"advertisement"})
NOUN_SENTENCE_WORDS = 6


def _noun_of_a_sentence(text: str, phrase: str, words: int) -> bool:
    """Whether the line is a sentence of NOUN_SENTENCE_WORDS+ words that opens with the one-word
    `phrase` and goes on with a word in lower case."""
    if words < NOUN_SENTENCE_WORDS or " " in phrase.strip() or not text.rstrip().endswith(PROSE_ENDS):
        return False
    tokens = text.lstrip("*+-•·|>»› \t").split(None, 2)
    return len(tokens) > 1 and tokens[1][:1].islower()


# A line opening on a `starts` phrase that is a sentence reporting speech after a comma is a
# person's words in the story: "Lesen Sie auch den Bericht selbst, raten die Autoren.",
# "Читайте также сам доклад, советуют авторы." (attacker trial of stop 59: the line went as a
# related heading, and in a short text every sentence below it as footer), "Follow me on
# Instagram, she jokes, ..." A pointer goes on without one ("Lesen Sie auch unser Interview
# mit ...": second attacker trial; a lower-case word after the phrase let such lines stay).
SPEECH_WORDS = 6


def _reports_speech(text: str, words: int) -> bool:
    """Whether the line is a sentence of SPEECH_WORDS+ words that reports speech after a comma."""
    if words < SPEECH_WORDS or not text.rstrip().endswith(PROSE_ENDS):
        return False
    from cleaner.heuristics.edges import said  # edges reads this module's trie_pattern

    return said(text)


def _part_of_a_word(low: str, m: re.Match) -> bool:
    """Whether the `starts` phrase `m` ends inside a longer word of the line: "advertisement"
    in "Advertisements for the new flats appeared in March." (attacker trial of stop 53: the
    line went as a label). A sentence that opens on the phrase itself ("Sponsored by the
    state, the study found ...") stays a label: telling it from a notice in words ("You must
    be logged in to post a comment.", "Copyright of all photos belongs to ...") by the case of
    the next word kept a recipe page's comment form and copyright (second attacker trial)."""
    end = m.end()
    return end < len(low) and low[end - 1].isalpha() and low[end].isalpha()


def _labelled(low: str, m: re.Match, opens: bool = True) -> bool:
    """Whether the phrase `m` found in the lowered line labels it (a credit: "Photo: Jane Holt",
    "(foto X)", "(name/iStock)"): a whole word after a space, a bracket or a slash, at the
    line's start or in a line that does not end as a sentence does. These are prose: "Self-
    image:", "(photographs", "자료사진을", "... the whole picture: a bridge for everyone." (second
    attacker trial of stop 52: article lines went as credits)."""
    start, end = m.start(), m.end()
    # a full-width bracket too: a Chinese caption's "（资料图片）" (file photo); a phrase that
    # starts or ends on a mark is whole at that end ("/afp" in "clarke/afp/getty", "reuters/")
    phrase = m.group(0)
    whole = (start == 0 or low[start - 1] in " ([/（" or not phrase[:1].isalnum()) and (
        end == len(low) or not low[end].isalnum() or not phrase[-1:].isalnum()
    )
    # a line that opens on the label is one whatever its end ("Photo: Jewish National Fund.")
    return whole and ((start == 0 and opens) or not low.rstrip().endswith(PROSE_ENDS))


def trie_pattern(phrases) -> str:
    """One regular expression for many literal phrases, as a trie: the engine tries each
    first character once instead of every phrase in turn. Longer matches win.

    >>> trie_pattern(["share", "shared", "shop"])
    'sh(?:are(?:d)?|op)'
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body  # a phrase ends here; a longer one may go on

    return build(trie)


def _alternation(phrases: dict[str, str]) -> re.Pattern | None:
    # A phrase starts a word: "ap photo" is not inside "snap photo".
    return re.compile(r"(?<!\w)" + trie_pattern(phrases)) if phrases else None


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    lines: dict[str, str] = {}
    starts: dict[str, str] = {}
    contains: dict[str, str] = {}
    ends: dict[str, str] = {}
    max_words: dict[str, int] = {}
    for lang in languages():
        max_words |= lang.max_words
        for category, modes in lang.phrases.items():
            for phrase in modes.get("lines", ()):
                lines.setdefault(key(phrase), category)
            for phrase in modes.get("starts", ()):
                starts.setdefault(phrase, category)
            for phrase in modes.get("contains", ()):
                contains.setdefault(phrase, category)
            for phrase in modes.get("ends", ()):
                ends.setdefault(phrase, category)
    lines.pop("", None)
    key_words = max((len(k.split()) for k in lines), default=0)
    return Matcher(
        lines,
        _alternation(starts),
        starts,
        _alternation(contains),
        contains,
        max_words,
        key_words,
        _alternation(ends),
        ends,
    )


@lru_cache(maxsize=1)
def categories() -> dict[str, str]:
    """Every phrase category of the data files and why its lines go, in the order the files
    (sorted by name) first list them: the first `why` a file gives, GENERIC_WHY otherwise."""
    found: dict[str, str | None] = {}
    for lang in languages():
        for category in lang.phrases:
            if found.get(category) is None:
                found[category] = lang.why.get(category)
    return {category: why or GENERIC_WHY.format(category) for category, why in found.items()}


@lru_cache(maxsize=1 << 16)
def toolbar(text: str, words: int) -> str | None:
    """The category of a toolbar printed with spaces only ("Facebook  Twitter  Email  Print"):
    every word a whole-line phrase of one category, bare (a list in prose has commas, code
    colons, "#facebook" is a hashtag: attacker trial of stop 40), none shorter than a word
    ("... print x", a line of code, is no share bar for X). The same words may be a list the
    article introduces: the page decides (cleaner.heuristics.signals.phrases)."""
    if not BAR_WORDS[0] <= words <= BAR_WORDS[1]:
        return None
    lines = matcher().lines
    parts = text.lower().split()
    found = None
    for part in parts:  # most lines stop at their first word
        hit = lines.get(part) if len(part) >= BAR_KEY_CHARS and BARE.fullmatch(part) else None
        if hit is None or found not in (None, hit):
            return _labels_in_a_row(parts, lines)
        found = hit
    return found


def _labels_in_a_row(parts: list[str], lines: dict[str, str]) -> str | None:
    """The category of a toolbar of labels of several words printed with spaces only ("Share
    this page Pin It", "Pin It Share this page": corpus train pages, where such a bar was read
    as the headline): two or more whole-line phrases of one category back to back, every word
    bare. The first label is the longest phrase the line opens with (of them, the one that
    lets the rest split too), so a line whose opening words are no label stops there."""
    if not all(BARE.fullmatch(part) for part in parts):
        return None
    most = matcher().key_words

    def split(start: int, category: str | None) -> str | None:
        if start == len(parts):
            return category
        for end in range(min(len(parts), start + most), start, -1):
            hit = lines.get(" ".join(parts[start:end]))
            if hit is not None and category in (None, hit) and (whole := split(end, hit)):
                return whole
        return None

    category = split(0, None)
    # one label of several words is label_phrase's; a toolbar is two or more
    return category if category and lines.get(" ".join(parts)) is None else None


MENU_ENDS = frozenset({"navigation", "newsletter"})
MENU_WORDS = 4


@lru_cache(maxsize=1 << 16)
def menu_line(text: str) -> bool:
    """Whether the line is a menu printed with spaces only: it opens and closes on navigation
    or sign-up labels ("Home Press Releases Industries Submit a Release Log in"). A headline
    may start with "Home" or end with "Search", seldom both (new-user trial of stop 51: such a
    menu read as the page's heading, and the headline under it went as header)."""
    words = [w.strip(".,:;!?\"'()[]") for w in text.lower().split()]
    if len(words) < MENU_WORDS or text.rstrip()[-1:] in ".!?":
        return False
    m = matcher()
    most = min(m.key_words, len(words) // 2)
    ends = ([" ".join(words[:k]) for k in range(1, most + 1)], [" ".join(words[-k:]) for k in range(1, most + 1)])
    return all(any(m.lines.get(part) in MENU_ENDS for part in side) for side in ends)


def label_phrase(text: str) -> str | None:
    """The category of a line that is a boilerplate label as a whole ("Skip to main content",
    "Share"), not of one that starts or contains such a phrase: "Back to the Garden" (the
    starts phrase "back to ") is a headline."""
    m = matcher()
    k = _key(text.lower(), m.key_words)
    return m.lines.get(k) if k else None


def generic_line(text: str) -> bool:
    """Whether the line is made of boilerplate labels alone, as any site prints it ("Skip to
    content", "Privacy | Terms | Contact us", "Facebook Twitter Email"): no sign of one site.
    ("Subscribe to The Riverside Post" names its site.)"""
    if label_phrase(text) or toolbar(text, len(text.split())):
        return True
    parts = [part for part in SEPARATORS.split(text) if part.strip()] if SEPARATORS.search(text) else []
    return len(parts) > 1 and all(map(label_phrase, parts))


@lru_cache(maxsize=1 << 16)  # the same lines come back in every pass and across pages
def boilerplate_label(text: str, words: int) -> str | None:
    """The boilerplate a line names itself as: a phrase category or a counter."""
    return matcher().category(text, words) or ("counter" if is_counter(text) else None)
