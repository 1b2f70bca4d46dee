"""The edges of the body: calls to action, notices and author bios that pages print just
before or after the article, in sentences that would pass for prose.

Only the edge zones are searched: the lines before the first tenth and after the last
fifth of the body's text. "Subscribe" in the middle of an article is its subject.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from cleaner.heuristics.language import languages
from cleaner.heuristics.lines import CLOSERS, LineInfo
from cleaner.heuristics.phrases import trie_pattern

HEAD_SHARE, TAIL_SHARE = 0.1, 0.2  # of the body's text characters
# A call to action or notice is a sentence or two. In a longer line the phrase is the prose's
# own ("... the largest advertising groups ...", "... post on Facebook to share ..."): on the
# corpus's train pages, of the words in lines of 41-60 words read as calls to action, 79%
# (trafilatura's text) and 85% (whole-page scrapes) were article text; of 16-40, about half.
CTA_MAX_WORDS = 40
# A bio of 60-80 words is common (a role, a former post, what else they wrote): 80 rather
# than 60 takes a real author bio on 6 corpus train HTML pages and 2 text scrapes and nothing
# else (the corpus golds keep 4 of those bios; dev HTML F1 0.954 -> 0.955); 100 took an
# article's definition too ("X is a research technique used to ...")
BIO_MAX_WORDS = 80
CTA_MAX_SHARE = 0.5  # of the body's text: more is no call to action, but what the article is about
# A name of two to four capitalised words at the start of the line. One word is more often
# the subject of the article's last sentence ("Windows is ...") than a first name alone.
NAME = r"^\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}\s+"


@lru_cache(maxsize=1)
def _bio_pattern() -> regex.Pattern:
    bio = sorted({p for lang in languages() for p in lang.bio}, key=len, reverse=True)
    verbs = "|".join(regex.escape(b) for b in bio)
    not_names = sorted({w for lang in languages() for w in lang.not_names}, key=len, reverse=True)
    unless = f"(?!(?:{'|'.join(regex.escape(w) for w in not_names)})\\b)" if not_names else ""
    return regex.compile(unless + NAME + f"(?:{verbs})\\b")


# A page in this language reads only its own calls to action; a page in any other, those of
# all the data files (sites print English notices on pages in other languages too)
OWN_ONLY = "en"


# A line of this many words or fewer is a call to action by its phrase alone ("Sign up",
# "Newsletter", "Sponsored content"): no sentence of a story
CTA_BARE_WORDS = 5


class EdgePatterns(NamedTuple):
    plain: re.Pattern | None  # phrases that call as they are
    addressed: re.Pattern | None  # phrases that call where the line speaks to the reader
    address: re.Pattern | None  # the words by which it does
    address_cased: re.Pattern | None  # ... those matched as written, inside a sentence
    imperatives: frozenset[str]  # the verbs a call opens with
    finite: frozenset[str]  # the verbs that show such a word was a noun (the subject) instead


@lru_cache(maxsize=16)
def _edge_patterns(language: str | None) -> EdgePatterns:
    """The calls to action read on a page in `language`. The other languages' lists hold
    English loan words that are prose in an English sentence (German "app ", French
    "application", "provision", Polish "cookie"), so an English page reads English ones only."""
    own = language == OWN_ONLY
    plain: set[str] = set()
    addressed: set[str] = set()
    address: set[str] = set()
    cased: set[str] = set()
    imperatives: set[str] = set()
    finite: set[str] = set()
    for lang in languages():
        if own and lang.code != OWN_ONLY:
            continue
        if lang.edge_address:
            plain |= {p for p in lang.edge if p in lang.edge_notices}
            addressed |= {p for p in lang.edge if p not in lang.edge_notices}
            address |= set(lang.edge_address)
            cased |= set(lang.edge_address_cased)
            imperatives |= set(lang.edge_imperatives)
            finite |= set(lang.edge_finite)
        else:
            plain |= set(lang.edge)

    def compiled(phrases: set[str], after: str = "") -> re.Pattern | None:
        return re.compile(r"(?<!\w)" + trie_pattern(phrases) + after) if phrases else None

    return EdgePatterns(
        compiled(plain),
        compiled(addressed - plain),
        compiled(address, r"(?!\w)"),
        # after a word and a space, not a sentence's first word ("Sie sagte ...": she said)
        re.compile(r"(?<=[^\s.!?:;\"„“«»(] )" + trie_pattern(cased) + r"(?!\w)") if cased else None,
        frozenset(imperatives),
        frozenset(finite),
    )


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


def call_to_action(text: str, words: int, language: str | None = None) -> bool:
    """A call to action or notice, as read on a page in `language` (None: not known)."""
    return words <= CTA_MAX_WORDS and _edge_phrase(text, language, words)


def author_bio(text: str, words: int) -> bool:
    """ "Jane Doe is a reporter who covers ...": a name, then a verb of the bio list."""
    return words <= BIO_MAX_WORDS and _bio(text)


# Cached: the stage's later passes look at the same edge lines again
@lru_cache(maxsize=1 << 12)
def _edge_phrase(text: str, language: str | None, words: int) -> bool:
    patterns = _edge_patterns(language)
    lower = text.lower()
    if patterns.plain is not None and patterns.plain.search(lower):
        return True
    if patterns.addressed is None or patterns.addressed.search(lower) is None:
        return False
    # a line that quotes someone by name is the story's ("Follow the money, Holt said: ...":
    # attacker trial of stop 55); "... to see what the stars said" still calls (second trial)
    if _speech().search(text) or said(text):
        return False
    clauses = [clause.lstrip(OPENING_MARKS) for clause in CLAUSES.split(lower)]
    return (
        words <= CTA_BARE_WORDS
        or lower.rstrip(CLOSERS)[-1:] not in STOPS  # no sentence: a menu's "... Log in", a button
        # it opens the line, a sentence or a clause: "Sign up for ...", "... template. Powered by Blogger."
        or any(_opens(patterns, clause) for clause in clauses)
        # "US" is a country, not the reader ("The US advertising market ...")
        or (patterns.address is not None and patterns.address.search(US.sub("", text).lower()) is not None)
        or (patterns.address_cased is not None and patterns.address_cased.search(text) is not None)
        or any(_imperative(patterns, clause) for clause in clauses)
    )


# how far after an imperative a finite verb shows it was the subject's noun: "Email newsletters
# were ...", "Watch parties across the city are ..."; "Email us if you have a tip" asks
FINITE_AFTER = 3


def _imperative(patterns: EdgePatterns, clause: str) -> bool:
    """Whether the lowered clause opens with a verb that asks the reader, not with a noun of the
    same spelling as its subject (attacker trial of stop 59: "Email newsletters were supposed
    to be the lifeboat for local journalism." went as a call, a story's lead)."""
    words = clause.split(None, FINITE_AFTER + 1)
    if not words or words[0].rstrip(",:") not in patterns.imperatives:
        return False
    return patterns.finite.isdisjoint(w.strip(",;:.!?") for w in words[1 : FINITE_AFTER + 1])


def _opens(patterns: EdgePatterns, clause: str) -> bool:
    """Whether the lowered clause opens as a call does: with a verb that asks the reader
    ("Sign up for ...", "Subscribe to ..."), or with a noun as a label ("Newsletter: ...",
    "Sponsored content", "Powered by Blogger"), not as the subject of a sentence of the story:
    "Advertising pays for part of the stations, the company said.", "Newsletters were the only
    bright spot." went (attacker trial of stop 57)."""
    found = patterns.addressed.match(clause) if patterns.addressed is not None else None
    if found is None:
        return False
    if found[0].split(None, 1)[0].rstrip(",:") in patterns.imperatives:
        return _imperative(patterns, clause)
    if EMAIL.search(clause):  # a contact notice: "Advertising inquiries to ads@example.com."
        return True
    rest = clause[found.end() :]
    # or a short sentence of its own ("... template. Powered by Blogger."), not a clause of one
    # ("On Twitter, the minister wrote ...")
    short = len(clause.split()) <= CTA_BARE_WORDS and not clause.rstrip().endswith(",")
    return rest.lstrip()[:1] in LABEL_MARKS or short


EMAIL = re.compile(r"\S@\w[\w.-]*\.\w")
# what follows a label's noun ("Disclosure: ...", "Sponsored | ..."), or nothing
LABEL_MARKS = ":|-–—"


# where a line's sentences and clauses start: "Something to say? Choose one of these options to
# log in.", "This is a preview of subscription content, log in to check access."
CLAUSES = re.compile(r"(?<=[.!?…,;:|•·])\s+")
OPENING_MARKS = " -–—•*\"'“‘(["  # before a clause's first word
US = re.compile(r"\bU\.?S\.?(?!\w)")
STOPS = ".!?…"


def bio_name(text: str) -> str | None:
    """The name a line read as a bio opens with."""
    found = regex.match(NAME, text)
    return found[0].strip() if found else None


@lru_cache(maxsize=1 << 12)
def _bio(text: str) -> bool:
    # a person of the story is quoted ("..., and he says ..."); a bio does not report speech
    # (attacker trial of stop 52: an article's last paragraphs went as bios)
    return _bio_pattern().match(text) is not None and _reported().isdisjoint(WORDS.findall(text.casefold()))


WORDS = regex.compile(r"\w+")


def reports_speech(text: str) -> bool:
    """Whether the line reports what someone says ("Costa said the fight was not over.")."""
    return not _reported().isdisjoint(WORDS.findall(text.casefold()))


@lru_cache(maxsize=1)
def _speech() -> regex.Pattern:
    """A named speaker's verb: "Holt said", "Mayor Reyes told", "said Holt"."""
    verbs = "|".join(sorted(map(regex.escape, _reported()), key=len, reverse=True))
    return regex.compile(rf"\b\p{{Lu}}[\p{{L}}'’-]+,?\s+(?:{verbs})\b|\b(?:{verbs})\s+\p{{Lu}}")


SPEAKER_WORDS = 3  # "Nowak", "the head librarian", "I": who speaks, in a clause of its own


@lru_cache(maxsize=1)
def _said() -> regex.Pattern:
    """A clause that reports speech after a comma or a dash: "Nous vivons la fin d'un modèle, résume le
    président du syndicat." (second attacker trial of stop 58: its "nous" read as the site's);
    or its speaker first, in a few words, the clause closed by a mark or the line's end:
    "Subscribe to the library newsletter, Nowak urges, because ...", "Sign up for my
    newsletter, I tell readers, and ..." (new-user trial of stop 59: both went as calls)."""
    verbs = "|".join(sorted(map(regex.escape, _reported()), key=len, reverse=True))
    # not "as one reader says: ..." (a call quoting a reader: second attacker trial of stop 59)
    speaker = rf"(?!as\s)(?:[\w'’.-]+\s+){{1,{SPEAKER_WORDS}}}"
    # the first person's present ("I tell readers"): "tell", "say" alone are imperatives ("...,
    # tell us on WhatsApp": second attacker trial)
    first = r"i\s+(?:tell|say)"
    # after a comma, or a dash as Russian and Polish set off the speaker ("«...», — сказала
    # архитектор", "Wszelkie prawa zastrzeżone – głosi pieczątka ...": attacker trial of stop 60)
    return regex.compile(
        rf"(?:,|\s[—–-])\s+(?:(?:{verbs})\b|(?:{speaker}(?:{verbs})|{first})(?:\s+[\w'’-]+)?\s*(?:[,;:.!?]|$))"
    )


def said(text: str) -> bool:
    """Whether the line reports speech in a clause after a comma ("..., Nowak urges, ...")."""
    return _said().search(text.casefold()) is not None


@lru_cache(maxsize=1)
def _reported() -> frozenset[str]:
    return frozenset(w for lang in languages() for w in lang.reported)
