"""Page metadata from trafilatura's own extractors, without its licence search.

trafilatura.metadata.extract_metadata runs its extractors in a fixed order, each one
filling what the ones before left empty, and last searches every footer link for a
licence, which cleaner does not report: 3% of the HTML path's time on the dev set. This
is that order (trafilatura 2.x) without the licence, and with the canonical link before og:url
for the url. tests/test_html_meta.py checks that
every field cleaner reports comes out as trafilatura's function gives it (with the helper
in tests/trafilatura_meta.py), so an upgrade that changes the order shows there. Two of the
extractors are read in one walk over the page instead of a scan per XPath expression (the
author: cleaner.stages.html_author; categories and tags: cleaner.stages.html_catstags), each
checked against trafilatura's own function in its tests.

That check runs on the trafilatura the tests ran with (MIRRORS: its major and minor
version). With another one installed, its own extract_metadata runs instead (mirror_off
says so, and explain shows it): slower by its licence search, but never out of step with it.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import takewhile
from typing import Any

import regex
from htmldate import find_date
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    examine_title_element,
    extract_meta_json,
    extract_metadata,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

from cleaner.stages.html_author import element_author
from cleaner.stages.html_catstags import categories_and_tags
from cleaner.urls import url_problem

CANONICAL = './/head//link[@rel="canonical"][@href]'
MIRRORS = "2.3"  # the trafilatura (major.minor) whose extract_metadata order _extract copies


@cache
def mirror_off() -> str | None:
    """Why the copied order is not used, or None."""
    import trafilatura

    installed = trafilatura.__version__
    if ".".join(installed.split(".")[:2]) == MIRRORS:
        return None
    return (
        f"metadata by trafilatura's extract_metadata: trafilatura {installed} is installed, cleaner copies {MIRRORS}'s"
    )


FIELDS = ("title", "author", "date", "sitename", "url", "categories", "tags")


def page_metadata(
    tree, url: str | None, date_params: dict[str, Any], sources: dict[str, str] | None = None
) -> Document:
    """extract_metadata(tree, url, date_params) but for the licence (and the hostname).
    No metadata when an extractor fails on the page, as bare_extraction would give.
    `sources`, when given, gets "author": "element" when the author is no meta tag's or
    JSON-LD's but an element's text that trafilatura's extract_author read (a byline class)."""
    try:
        if mirror_off():
            return extract_metadata(tree, default_url=url, date_config=date_params)
        return _extract(tree, url, date_params, sources)
    except (TypeError, ValueError):  # what bare_extraction catches around extract_metadata
        return Document()


def _extract(tree, url: str | None, date_params: dict[str, Any], sources: dict[str, str] | None = None) -> Document:
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # a single word is a handle, not a name
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # trafilatura guards its JSON-LD parser the same way
        pass
    _strings_only(meta)
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.author:
        meta.author = element_author(tree)  # extract_author's, without copying the page
        if meta.author and sources is not None:
            sources["author"] = "element"
    # The canonical link names the page before og:url does (trafilatura takes og:url first):
    # the same URL chooses the site profile (cleaner.stages.html_site) and fills the url field.
    if (link := tree.find(CANONICAL)) is not None or not meta.url:
        if link is not None and (href := link.get("href")) != href.strip():
            # a URL's surrounding spaces are no part of it (the HTML standard): trafilatura
            # quoted them, "https://ex.com/x%20" (attacker trial of stop 37)
            link.set("href", href.strip())
        meta.url = extract_url(tree, None) or meta.url or url
    meta.date = find_date(tree, **{**date_params, "url": meta.url}) or _time_element_date(tree)
    if meta.date:
        meta.date = _either_order(tree, meta.date)
    if not meta.sitename:
        meta.sitename = _sitename_in_title(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")  # a Twitter handle
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (host := META_URL.match(meta.url)) and url_problem(meta.url) is None:
        # a URL no page can have (spaces in its host) is dropped after: no site's name from it
        # either (attacker trial of stop 52: url null, sitename "exa mple.com")
        meta.sitename = host[1]
    if meta.author and not meta.author.isascii() and MARKED_SCRIPTS.search(meta.author):
        meta.author = _marks_kept(tree, meta.author)
    if not meta.categories or not meta.tags:  # extract_catstags' two searches in one walk
        categories, tags = categories_and_tags(tree, not meta.categories, not meta.tags)
        meta.categories = meta.categories or categories or _category_links(tree)
        meta.tags = meta.tags or tags
    meta.clean_and_trim()
    return meta


# Scripts that write vowels as marks after a letter, which a name may end on (only these pages
# pay for serialising the tree in _marks_kept)
MARKED_SCRIPTS = regex.compile(
    r"[\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Oriya}\p{Tamil}\p{Telugu}\p{Kannada}"
    r"\p{Malayalam}\p{Sinhala}\p{Thai}\p{Lao}\p{Tibetan}\p{Myanmar}\p{Khmer}]"
)


def _marks_kept(tree, author: str) -> str:
    """`author` with the combining marks the page prints at the end of its names: trafilatura
    strips a name's trailing non-word characters, and a vowel sign ("ा", U+093E) is one, so
    "अनिल शर्मा" came out "अनिल शर्म" (new-user trial of stop 52)."""
    from lxml import etree

    page = etree.tostring(tree, encoding="unicode")
    names = []
    for name in author.split("; "):
        found = regex.search(regex.escape(name) + r"(\p{M}+)", page)
        names.append(name + found[1] if found else name)
    return "; ".join(names)


def _either_order(tree, date: str) -> str | None:
    """htmldate's `date`, unless it was read from figures that go either way round ("Posted
    04/05/2024": 4 May or April 5) and the page prints it nowhere in a form that tells (year
    first, as meta tags, JSON-LD and <time datetime> give it): then the other reading where
    the page tells that one, else None, as the text path leaves such a date (attacker trial
    of stop 51: 2024-05-04 for a US page's April 5, a <time datetime="2024-04-05"> beside it)."""
    found = ISO_DAY.match(date)
    if found is None:
        return date
    year, month, day = found[1], int(found[2]), int(found[3])
    if month == day or month > 12 or day > 12:
        return date
    from lxml import etree

    page = etree.tostring(tree, encoding="unicode")
    if _told(page, year, month, day):
        return date
    # the year in four figures or two ("04/05/24": attacker trial 2 of stop 51)
    either = rf"(?<![\d/.-])(?:0?{day}[/-]0?{month}|0?{month}[/-]0?{day})[/-](?:{year}|{year[2:]})(?![\d/])"
    if re.search(either, page) is None:
        return date
    return date[:5] + f"{day:02d}-{month:02d}" + date[10:] if _told(page, year, day, month) else None


def _told(page: str, year: str, month: int, day: int) -> bool:
    return re.search(rf"(?<!\d){year}[-/.]0?{month}[-/.]0?{day}(?!\d)", page) is not None


ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


TEXT_FIELDS = ("title", "author", "sitename", "description", "url", "date")


def _strings_only(meta: Document) -> None:
    """The text fields as strings: JSON-LD may give a list or an object where schema.org has a
    text ("headline": ["...", "..."], {"@value": "..."}), which trafilatura passes on and the
    title's checks crashed on (attacker trial of stop 41). A list's first text is the field."""
    for name in TEXT_FIELDS:
        value = getattr(meta, name, None)
        if value is None or isinstance(value, str):
            continue
        if isinstance(value, dict):
            value = value.get("@value")
        elif isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        setattr(meta, name, value if isinstance(value, str) else None)


TIME_ELEMENTS = 3  # the first few: an article's own stands above its teasers' and comments'
NOT_THE_ARTICLES = ("nav", "aside", "footer")
# The elements that print a post's date: <time>, and the date heading of Blogger's templates
# (<h2 class="date-header"><span>martes, 16 de enero de 2024</span></h2>: a new-user trial of
# stop 39, no date)
DATE_ELEMENTS = "//time|//*[contains(concat(' ', normalize-space(@class), ' '), ' date-header ')]"


def _time_element_date(tree) -> str | None:
    """The date the page's first <time> elements (DATE_ELEMENTS) print in words, where htmldate reads none:
    it reads month names in English, and "22 gennaio 2024", "1 de febrero de 2024" in a
    <time> without a datetime attribute gave no date (new-user trial of stop 38; the text
    path read them). None outside the article's part of the page (a menu, a sidebar, a footer)."""
    from cleaner.heuristics import meta  # the language data's month names: only when needed

    for n, element in enumerate(tree.xpath(DATE_ELEMENTS)):
        if n == TIME_ELEMENTS:
            break
        if any(parent.tag in NOT_THE_ARTICLES for parent in element.iterancestors()):
            continue
        found = meta.when(" ".join(element.text_content().split()))
        if found:
            return found[0]
    return None


# WordPress marks a post's category links rel="category tag" whatever their address (trafilatura
# reads links under /category/ only: a German blog's "/grundlagen/" gave none, new-user trial of
# stop 40). Only the post's own: those in the <article> of its headline, not in a sidebar, a
# related-posts block or another post's <article> inside it (attacker trial of stop 40).
CATEGORY_LINKS = ".//a[contains(concat(' ', normalize-space(@rel), ' '), ' category ')]"
HEADLINE_ARTICLE = "(//article[.//h1])[1]"
NOT_THE_POSTS = ("aside", "nav", "article")
RELATED = re.compile(r"related|yarpp|widget", re.I)
MAX_CATEGORIES = 10
BLOCKS = frozenset({"p", "div", "ul", "ol", "dl", "footer", "header", "section", "td", "aside", "nav"})


def _category_links(tree) -> list[str]:
    post = next(iter(tree.xpath(HEADLINE_ARTICLE)), None)
    if post is not None:
        links = []
        for a in post.xpath(CATEGORY_LINKS):
            between = list(takewhile(lambda e: e is not post, a.iterancestors()))
            if not any(e.tag in NOT_THE_POSTS or RELATED.search(e.get("class", "")) for e in between):
                links.append(a)
    else:
        # no <article> around the headline (older themes): the links of one block only, a
        # post's meta line; links in several blocks are a front page's or a sidebar's
        links = tree.xpath("/" + CATEGORY_LINKS[1:])
        blocks = {next((e for e in a.iterancestors() if e.tag in BLOCKS), None) for a in links}
        if len(blocks) != 1 or any(e.tag in NOT_THE_POSTS for a in links[:1] for e in a.iterancestors()):
            return []
    found = [text for a in links if (text := " ".join(a.text_content().split()))]
    return list(dict.fromkeys(found))[:MAX_CATEGORIES]


# A site's name in the title as its address ("Slate.com", "news.example.org"): a dot between
# letters. trafilatura's extract_sitename takes any part with a dot, and a headline's "3.9%"
# made the headline the site's name (new-user trial of stop 38).
DOMAIN_DOT = re.compile(r"[^\W\d_]\.[^\W\d_]")


def _sitename_in_title(tree) -> str | None:
    """The part of the <title> ("Headline | Site") that reads as the site's address."""
    _, *parts = examine_title_element(tree)
    return next((part for part in parts if part and DOMAIN_DOT.search(part)), None)
