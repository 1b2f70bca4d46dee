"""The per-language data files (data/<code>.toml) and stop-word density.

Stop words and phrases are data, not code: adding a language is adding a file.
"""

from __future__ import annotations

import operator
import tomllib
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import NamedTuple

DATA_DIR = Path(__file__).resolve().parent / "data"


class Language(NamedTuple):
    code: str
    stop_words: frozenset[str]
    byline: tuple[str, ...]
    date_words: tuple[str, ...]
    months: tuple[str, ...]
    counters: tuple[str, ...]
    phrases: dict[str, dict[str, tuple[str, ...]]]  # category -> mode (lines/starts/contains) -> phrases
    max_words: dict[str, int]  # category -> longest line its "contains" phrases apply to, if set
    why: dict[str, str]  # category -> why its lines go, where this file says
    edge: tuple[str, ...]  # calls to action and notices, dropped at the body's edges
    # words by which a call to action speaks to the reader or as the site ("you", "our"): where
    # a file lists them, its edge phrases other than `notices` call only in such a line, one
    # that opens with the phrase, or a short one (edges.py); a story's sentence does neither
    edge_address: tuple[str, ...]
    # ... and words that do so only as written, not opening a sentence: German's "Sie", "Ihr"
    # (the reader; "sie", "ihr" are "she", "they", "her" as well)
    edge_address_cased: tuple[str, ...]
    edge_notices: tuple[str, ...]  # edge phrases that are a notice whoever speaks ("privacy policy")
    edge_imperatives: tuple[str, ...]  # a line opening with one of these verbs asks the reader ("Follow ...")
    # ... unless one of these follows it closely: the word was a noun, the line's subject
    # ("Email newsletters were ...", "Watch parties are ...")
    edge_finite: tuple[str, ...]
    bio: tuple[str, ...]  # what follows the name in an author bio
    reported: tuple[str, ...]  # words of reported speech ("says"): a person of the story, not a bio
    not_names: tuple[str, ...]  # words a bio's name never starts with: articles, possessives, honorifics
    tag_labels: tuple[str, ...]  # "Tags:", "Etiquetas:": a line of the article's tags
    category_labels: tuple[str, ...]  # "Categories:", "Filed under": a line of its categories
    inflected: bool  # nouns change their endings: a title's words are looked for by stem in the body
    reading_time: tuple[str, ...]  # "tempo di lettura: {n} minuti": a reading time, {n} its minutes
    byline_lower: tuple[str, ...]  # "di", "door": a byline's word only in lower case ("Di Maio" is a name)
    byline_full_name: tuple[str, ...]  # words a byline's name after them has two words or more after
    byline_roles: tuple[str, ...]  # "reporter": a line "Jane Doe, Senior Reporter" is a byline


def in_capitals(word: str) -> tuple[str, ...]:
    """`word` and the forms it takes, lowered, where a page prints it in capitals without its
    accents: Greek drops the tonos and keeps the dialytika ("ΜΑΪΟΥ" for "Μαΐου", "ΛΕΠΤΑ" for
    "λεπτά"), other pages drop every mark ("FEVRIER"). A new user's Greek page in capitals had
    neither its reading time nor its date read."""
    decomposed = unicodedata.normalize("NFD", word)
    no_acute = unicodedata.normalize("NFC", decomposed.replace("\u0301", ""))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(dict.fromkeys((word, no_acute, bare)))


# Keys of a [phrases.<category>] table that are settings, not lists of phrases.
SETTINGS = ("max_words", "why")


def _load(path: Path) -> Language:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tables = data.get("phrases", {})
    phrases = {
        category: {mode: tuple(p.lower() for p in items) for mode, items in modes.items() if mode not in SETTINGS}
        for category, modes in tables.items()
    }
    max_words = {c: modes["max_words"] for c, modes in tables.items() if "max_words" in modes}
    edge = data.get("edge", {})
    return Language(
        code=data["language"],
        stop_words=frozenset(w.lower() for w in data["stop_words"].split()),
        byline=tuple(data.get("byline", ())),
        date_words=tuple(data.get("date_words", ())),
        months=tuple(data.get("months", ())),
        counters=tuple(data.get("counters", ())),
        phrases=phrases,
        max_words=max_words,
        why={c: modes["why"] for c, modes in tables.items() if "why" in modes},
        edge=tuple(p.lower() for p in edge.get("contains", ())),
        edge_address=tuple(w.lower() for w in edge.get("address", ())),
        edge_address_cased=tuple(edge.get("address_cased", ())),
        edge_notices=tuple(p.lower() for p in edge.get("notices", ())),
        edge_imperatives=tuple(w.lower() for w in edge.get("imperatives", ())),
        edge_finite=tuple(w.lower() for w in edge.get("finite", ())),
        bio=tuple(edge.get("bio", ())),
        reported=tuple(w.casefold() for w in edge.get("reported", ())),
        not_names=tuple(edge.get("not_names", ())),
        tag_labels=tuple(data.get("tag_labels", ())),
        category_labels=tuple(data.get("category_labels", ())),
        inflected=bool(data.get("inflected", False)),
        reading_time=tuple(p.lower() for p in data.get("reading_time", ())),
        byline_lower=tuple(data.get("byline_lower", ())),
        byline_full_name=tuple(w.casefold() for w in data.get("byline_full_name", ())),
        byline_roles=tuple(w.casefold() for w in data.get("byline_roles", ())),
    )


@lru_cache(maxsize=1)
def languages() -> tuple[Language, ...]:
    return tuple(_load(p) for p in sorted(DATA_DIR.glob("*.toml")))


@lru_cache(maxsize=1)
def stop_word_languages() -> dict[str, tuple[int, ...]]:
    """Each stop word and the indexes (in languages()) of the languages it belongs to."""
    table: dict[str, list[int]] = {}
    for n, lang in enumerate(languages()):
        for word in lang.stop_words:
            table.setdefault(word, []).append(n)
    return {word: tuple(ns) for word, ns in table.items()}


def stop_density(tokens: list[str], lowered: bool = False) -> float:
    """The share of stop words among the tokens (`lowered`: in lower case already), in the
    language that gives the most.

    Per line rather than per page: pages mix languages (an English menu or warning on a
    German page), and a line's own language is what tells its prose from its labels.
    """
    if not tokens:
        return 0.0
    table = stop_word_languages()
    counts = [0] * len(languages())
    # Only the stop words (filtered in C) are tallied, one by one: half the time of a Counter
    for word in filter(table.__contains__, tokens if lowered else map(str.lower, tokens)):
        for n in table[word]:
            counts[n] += 1
    return max(counts) / len(tokens)


def page_language(texts: list[str]) -> str | None:
    """The code of the language whose stop words the page's lines hold the most of (None:
    none of any): the language its phrases are read in."""
    counts = [0] * len(languages())
    # a line's tally is kept per text: the analysis runs on every pass, each time over
    # the same lines less the ones taken out
    for tally in map(_line_languages, texts):
        for n, k in tally:
            counts[n] += k
    best = max(range(len(counts)), key=counts.__getitem__, default=None)
    return languages()[best].code if best is not None and counts[best] else None


PUNCTUATION = ".,;:!?\"'()«»“”‘’"  # around a token, not part of the word
_bare = operator.methodcaller("strip", PUNCTUATION)


@lru_cache(maxsize=1 << 16)
def _line_languages(text: str) -> tuple[tuple[int, int], ...]:
    """(language index, how many of the line's tokens are its stop words), where not 0."""
    table = stop_word_languages()
    # tokens stripped, filtered to stop words, their languages chained and tallied: all in C
    stop = filter(table.__contains__, map(_bare, text.lower().split()))
    return tuple(Counter(chain.from_iterable(map(table.__getitem__, stop))).items())
