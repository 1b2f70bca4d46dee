"""The title the page prints, where the page's meta tags (trafilatura's title, as
cleaner.stages.html_title corrects it) give another: a social headline of og:title the page
prints nowhere, a blog's name over its post, a site's motto, sections and site names a
<title> adds to the headline a heading prints. Run after html_title.page_title; not on a
site's front page, where the site's name, its motto and its sections are what it prints."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

import regex
from trafilatura.metadata import examine_title_element

from cleaner.stages.html_blocks import collapse
from cleaner.stages.html_lead import text_of
from cleaner.stages.html_second import INVISIBLE
from cleaner.stages.html_title import (
    MIN_SLUG_WORDS,
    fold,
    front_page,
    heading_text,
    headline,
    in_furniture,
    masthead,
    rest,
    slug_spells,
    spelled_parts,
    title_runs,
    trim,
    word_count,
)
from cleaner.stages.metadata import TITLE_PARTS


def printed_title(tree, title: str | None, h1s=(), url: str | None = None) -> str | None:
    """`title` (html_title.page_title's), or the headline the page prints in its place."""
    if not title:
        return title
    whole = trim(INVISIBLE.sub("", examine_title_element(tree)[0] or ""))
    heads = Headings(tree)
    found = _printed_over_social(heads, title, whole, h1s, url) or title
    if front_page(url):
        return found
    found = _post_under_name(heads, found, whole) or found
    found = _slugs_part_over_unprinted(heads, found, whole, url) or found
    return _printed_run(heads, found) or found


class Headings:
    """The page's <h1>-<h3> in order, each read once and only when a rule asks: (element,
    text, text folded)."""

    def __init__(self, tree):
        self.tree = tree

    @cached_property
    def all(self) -> list[tuple[Any, str, str]]:
        return [(h, text, fold(text)) for h in self.tree.iter("h1", "h2", "h3") for text in (text_of(h),)]

    @cached_property
    def texts(self) -> set[str]:
        return {folded for _, _, folded in self.all}

    def prints(self, text: str) -> bool:
        """Whether a heading outside furniture prints `text` (typography and case aside)."""
        folded = fold(collapse(text))
        return folded in self.texts and any(f == folded and not in_furniture(h) for h, _, f in self.all)


def _slugs_part_over_unprinted(heads: Headings, title: str, whole: str, url: str | None) -> str | None:
    """The one part of the <title> the address's last segment spells, where the title is no
    part of the <title>, no heading prints it and the address does not spell it: the meta
    tags give the site's motto or a box's name ("Official Blog of the National Football
    League" over "Fantasy football: Percy Harvin could be unavailable - NFL.com" and its
    address ".../fantasy-football-percy-harvin-could-be-unavailable/"; corpus train pages),
    and a heading prints that part."""
    slug, parts, spelled = spelled_parts(whole, url)
    if len(slug) < MIN_SLUG_WORDS or len(parts) < 2:
        return None
    folded = fold(collapse(title))
    if folded in {fold(part) for part in parts} or slug_spells(slug, title):
        return None
    # the part printed as a heading, the title by none
    if len(spelled) != 1 or heads.prints(title) or not heads.prints(spelled[0]):
        return None
    return spelled[0]


def _post_under_name(heads: Headings, title: str, whole: str) -> str | None:
    """The rest of the <title> where the title is an <h1>'s text at the <title>'s start or
    end and a heading prints that rest: a blog's name over its post ("Schneier on Security:
    How Terrorist Groups Disband", the <h1> the blog's name, an <h3> the post's; corpus
    train pages)."""
    title = collapse(title)
    left = rest(whole, title)[0]
    # a site's name is seldom longer than the post's headline
    if not left or word_count(left) < max(MIN_PRINTED_WORDS - 1, word_count(title)):
        return None
    # the name's <h1> above the post's heading, as a masthead stands: a site's name printed
    # above the headline's <h1> is the other way round ("Yahoo! Sports" over the story)
    named, folded = False, fold(left)
    for h, text, heading in heads.all:
        if h.tag == "h1" and text == title:
            named = True
        elif named and heading == folded and not in_furniture(h):
            return left
        elif heading == folded:
            return None
    return None


def _printed_run(heads: Headings, title: str) -> str | None:
    """The longest run of the title's parts that a heading prints, where no heading prints
    the whole: the headline without the sections, dates and site names the <title> adds to
    it and the address does not spell ("<headline> - Politics - Politics News - ibnlive",
    "Press Announcements - <headline>": corpus train pages). None where a heading prints
    the title, or none prints a run of MIN_PRINTED_WORDS words or more. (Asking the run to be
    the longest part, as of an <h1> over og:title, kept a section's label printed as a
    heading out in an attacker trial, and a post's short title on 3 train pages: "how YOU
    doin'?" under "Family and Wedding Photography, Temecula, CA - ...".)"""
    if not TITLE_PARTS.search(title) or heads.prints(title):
        return None
    printed = [r for r in title_runs(title) if word_count(r) >= MIN_PRINTED_WORDS and heads.prints(r)]
    return max(printed, key=word_count, default=None)


# A separator at a title's edge, with a space on its inner side ("- Millbrook Gazette")
EDGE_SEPARATOR = re.compile(r"^[–•·—|⁄*⋆~‹«<›»>:/-]+\s+|\s+[–•·—|⁄*⋆~‹«<›»>:/-]+$")
HAS_WORD = re.compile(r"\w")


def bare(title: str | None) -> str | None:
    """The title without a separator left at an edge (a <title> of " - Site"), None where no
    letter or digit is left ("-", "|": attacker trial of stop 42)."""
    if not title:
        return title
    title = EDGE_SEPARATOR.sub("", collapse(title))
    return title if HAS_WORD.search(title) else None


def _printed_over_social(heads: Headings, title: str, whole: str, h1s, url: str | None) -> str | None:
    """The article's <h1> (or <h2>, where no <h1> does) that prints the <title> (or its
    longest part) where no <h1> prints `title`: the meta tags give a social headline of their
    own ("Fred Willard on 'Lewd Conduct' Charge" over the printed "Fred Willard Describes
    Incident ...": corpus train pages), the headline is what the page prints."""
    if not whole or headline(h1s, title, url) is not None:
        return None
    parts = {fold(collapse(part)) for part in (whole, *TITLE_PARTS.split(whole), *SOCIAL_PARTS.split(whole))}
    if fold(collapse(title)) in parts:
        return None
    for level in (h1s, [h for h, _, _ in heads.all if h.tag == "h2"]):
        printed = [
            text
            for h in level
            if not masthead(h, url)
            and not in_furniture(h)
            and word_count(text := heading_text(h)) >= MIN_PRINTED_WORDS
            and fold(text) in parts
            and _longest_part(whole, text)
        ]
        if printed:
            return printed[0] if len(set(printed)) == 1 else None
    return None


def _longest_part(whole: str, text: str) -> bool:
    """Whether `text` (the <title>, or a run of its parts) has more words than each of the
    <title>'s other parts: a headline is the longest; a site's name or a section's label
    printed as a heading is seldom longer than it (attacker trial of stop 42: "The
    Millbrook Daily Gazette", "Local Politics Desk" took the title from og:title)."""
    inside = fold(collapse(text))
    others = [p for p in SOCIAL_PARTS.split(collapse(whole)) if fold(p) not in inside]
    return all(word_count(text) > word_count(p) for p in others)


# The parts of a <title> an <h1> may print over og:title: its separators' and, as a site's
# name before a colon, "Site: Headline" (attacker trial of stop 42); the <h1> must be the
# longest part, so a headline's own "Review: ..." is not cut for a shorter one
SOCIAL_PARTS = regex.compile(rf"{TITLE_PARTS.pattern}|(?<=\w):\s+")
MIN_PRINTED_WORDS = 3  # an <h1> of fewer words printing a <title>'s part is a section's or site's name
