"""A second opinion on the main text: the article text trafilatura left out, from resiliparse.

trafilatura loses recall where it misjudges the article's container: a paragraph in a sibling
element, a page of several text containers, a body it cut to its first part. resiliparse
(Apache-2.0; lexbor's parser and main-content rules of its own, not one of trafilatura's
fallbacks, which are a readability port and jusText) reads the page independently. Its lines
that trafilatura's text does not hold are put in where the page has them, when they read as
prose; the profiles and the generic stage then see them like any extracted line.

Chosen on the corpus's train pages (whole HTML path, shingle F1, off -> on:
`python benchmarks/second_opinion.py`; val and the dev set only measured, see CHANGELOG):
cleaneval 0.894 -> 0.904, dragnet 0.845 -> 0.846. Adding every line resiliparse has and
trafilatura lacks lost precision (dragnet 0.936 -> 0.906, comments aside): what it takes
beyond trafilatura's bounds is mostly author bios, disclaimers, teasers and reader comments. So:

- only prose: a line of MIN_WORDS+ words that ends as a sentence (not an excerpt cut off
  with an ellipsis), or of twice that;
- never reader comments: not those trafilatura found, nor any element named for comments
  (dragnet's gold keeps comments: with them, dragnet train read 0.851; our conventions
  drop them, gold/README.md);
- only lines trafilatura has next to nothing of (NEW_SHARE): a paragraph it printed without
  an element inside it would otherwise come twice;
- between two lines trafilatura kept, always; above its first or below its last, only when
  there is a lot of it (EDGE_SHARE of trafilatura's words): then trafilatura took too small
  a part of the page, not too little of the article's edge; all of it when trafilatura
  found no text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import regex

# Train F1 cleaneval/dragnet of the first version (comments still added): 15 and 30 words a
# line level or lower (0.906/0.852, 0.903/0.852); edge share 0 took the bios (dragnet 0.843),
# 1 and 2 less of the article (0.849, 0.847); asking for 2 or 3 lines of it too, less again
# (0.904/0.848, 0.904/0.847). Re-checked on the final rules: edge share 1, 2, none:
# 0.904/0.844, 0.902/0.845, 0.899/0.845.
MIN_WORDS = 20
EDGE_SHARE = 0.5
# a line is new when at most this share of its shingles is in the text already (train: 0.5
# read 0.905 on cleaneval, and printed a paragraph twice when trafilatura cut a span from it)
NEW_SHARE = 0.2
SHINGLE = 4  # words, as the corpus's scorer counts overlap
STRONG_SHARE = 0.25  # of a matched line's shingles, for a line of trafilatura's to hold part of it

# What is never added: elements whose class or id names comments (trafilatura finds reader
# comments by such names, but not all: "user-comments", "CommentStream"; without this, what
# resiliparse added on dragnet's train pages beyond trafilatura's text was mostly reader
# comments), in other languages and by other names too (train F1 level), and templates (inert
# markup no browser shows). resiliparse leaves out <figure>, <figcaption> and <aside> itself;
# leaving out elements named for captions too ("wp-caption") cost train F1 (dragnet 0.845 ->
# 0.843, P and R both: such names also wrap article text).
COMMENT_NAMES = ("comment", "kommentar", "comentario", "disqus", "replies")
NOT_ADDED = ", ".join(
    [f"[{attr}*={name} i]" for name in COMMENT_NAMES for attr in ("class", "id")]
    + ["[class~=responses i]", "template"]  # Medium's responses
)
MAX_NOT_ADDED = 200  # outermost elements (the dev set's pages: 21 comment ones at most)
WORD = regex.compile(r"\w+")
# Characters one extractor keeps and the other drops (soft hyphens, zero-width spaces and joiners,
# bidi marks, controls, private use, noncharacters): inside a word they split it, and a paragraph
# with a soft hyphen in every long word read as new and came twice (attacker trial)
INVISIBLE = regex.compile(r"[\p{Cf}\p{Cc}\p{Co}\p{Noncharacter_Code_Point}]")
SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
CUT_OFF = regex.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")


class Merged(NamedTuple):
    """The main text's lines with the additions in place, and the positions of the additions."""

    lines: list[str]
    added: list[int]  # indexes into `lines`


ASCII_WORD = re.compile(r"\w+", re.ASCII)


def _words(text: str) -> list[str]:
    if text.isascii() and text.isprintable():  # most lines: nothing invisible, \w the same (a third faster)
        return ASCII_WORD.findall(text.lower())
    return WORD.findall(INVISIBLE.sub("", text).lower())


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    """The SHINGLE-word runs of `words`; fewer words: themselves, one shingle."""
    if len(words) <= SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(words, words[1:], words[2:], words[3:], strict=False))


def _shingles(text: str) -> set[tuple[str, ...]]:
    return _grams(_words(text))


def _prose(line: str) -> bool:
    words = len(line.split())
    if CUT_OFF.search(line):  # a teaser's excerpt ("... the council said [...]"), not the article's text
        return False
    return words >= 2 * MIN_WORDS or (words >= MIN_WORDS and SENTENCE_END.search(line) is not None)


def other_lines(html: str, tables: bool = True) -> list[str]:
    """resiliparse's main content of the page, a block per line: no alt texts, form fields,
    link targets or bullets (trafilatura's text has none either); `tables`: False for
    --no-tables, which leaves tables out of trafilatura's text."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    # Set to None before returning, in the thread that made them: resiliparse's objects refuse
    # to be dropped on another (a traceback), and a sampling profiler that holds this frame
    # (Dask's workers sample their tasks' stacks) keeps its locals until it lets go of it, on
    # its own thread (attacker trial of stop 54)
    tree = element = None
    try:
        tree = HTMLTree.parse(html)
        if tree.document is None:
            return []
        # NOT_ADDED out, the outermost first, one query each: walking query_selector_all's
        # collection is quadratic (603 matches: 1.3 s)
        for _ in range(MAX_NOT_ADDED):
            element = tree.document.query_selector(NOT_ADDED if tables else f"{NOT_ADDED}, table")
            if element is None or element.parent is None:
                break
            element.parent.remove_child(element)
        else:  # a page of hundreds of comment elements: no second opinion
            return []
        text = extract_plain_text(
            tree,
            preserve_formatting=True,
            main_content=True,
            list_bullets=False,
            alt_texts=False,
            links=False,
            form_fields=False,
            noscript=False,
        )
    finally:
        element = tree = None
    return [line.strip() for line in text.split("\n") if line.strip()]


def merge(
    lines: Sequence[str], other: Sequence[str], comments: Sequence[str] = (), printed: Sequence[str] | None = None
) -> Merged:
    """`lines` (trafilatura's, in page order) with the prose of `other` (resiliparse's, in
    page order) that they lack put in where it sits: after the last line both have before
    it. Lines are matched by their word shingles, so the two extractors' different line
    breaks and spacing do not matter; `printed`: `lines` as the page prints them, to match
    on (without the Markdown of --links and --images). `comments`: reader comments, never
    added. Linear in the lines (one pass each, dictionaries): pages run to tens of megabytes."""
    spots: dict[tuple[str, ...], list[int]] = {}  # shingle -> the lines that have it, in order
    carry: list[str] = []  # the words before: trafilatura may print a paragraph in several lines
    for n, line in enumerate(lines if printed is None else printed):
        words = _words(line)
        if not words:
            continue
        run = carry + words
        carry = run[1 - SHINGLE :]
        for shingle in _grams(run):
            where = spots.setdefault(shingle, [])
            if not where or where[-1] != n:
                where.append(n)
    known = set(spots)
    for line in comments:
        known |= _shingles(line)
    # runs of new prose, each with where it goes: (insert before lines[at], lines, between two kept)
    runs: list[tuple[int, list[str], bool]] = []
    pending: list[str] = []
    last = -1  # the line of `lines` the previous matched line of `other` is
    for line in other:
        shingles = _shingles(line)
        seen = shingles & known
        if 2 * len(seen) >= len(shingles):  # a line trafilatura has: where is it?
            # each shingle's first place after the last matched line (a paragraph the page repeats)
            at = Counter(ns[bisect_right(ns, last)] for sh in seen if (ns := spots.get(sh)) and ns[-1] > last)
            if not at:  # a comment, or a line repeated from further up: no anchor
                continue
            # the lines that hold a good part of it (trafilatura may print it in two lines, split
            # at a quote); not those that share a phrase with it ("said in a statement")
            held = [n for n, count in at.items() if count >= STRONG_SHARE * len(shingles)]
            if not held:
                held = [max(at, key=lambda n: (at[n], -n))]
            if pending:
                runs.append((last + 1 if last >= 0 else min(held), pending, last >= 0))
                pending = []
            last = max(held)
        elif len(seen) <= NEW_SHARE * len(shingles) and _prose(line):
            pending.append(line)
            known |= shingles  # the same paragraph twice in `other` is added once
        # else partly there: trafilatura's line lacks an element of it (a span it took for a
        # sidebar): adding it would print the rest twice
    if pending:
        runs.append((len(lines) if last >= 0 else 0, pending, False))
    edge_words = sum(len(line.split()) for _, run, inner in runs if not inner for line in run)
    edges = edge_words > EDGE_SHARE * sum(len(line.split()) for line in lines)
    out: list[str] = []
    added: list[int] = []
    runs = [run for run in runs if run[2] or edges]
    k = 0
    for n in range(len(lines) + 1):
        while k < len(runs) and runs[k][0] == n:
            added.extend(range(len(out), len(out) + len(runs[k][1])))
            out.extend(runs[k][1])
            k += 1
        if n < len(lines):
            out.append(lines[n])
    return Merged(out, added)
