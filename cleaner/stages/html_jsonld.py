"""What a page's structured data (JSON-LD, schema.org) says that trafilatura does not read.

- The maker of a recipe, a how-to or a review: the page's author (trafilatura reads an
  article's author only).
- The article's text (`articleBody`), for a page whose HTML does not print it: pages built
  in the browser from a script's data (a news site's app shell) hold the article in their
  structured data and, in their HTML, little more than a caption and the author's bio,
  which is what the extractors then return.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urljoin

LD_JSON = './/script[@type="application/ld+json"]'
# a page's structured data; a bigger script is not read (trafilatura's fallback reads any, so
# with a smaller bound a related story's body it printed went unseen: second attacker trial)
MAX_LD_CHARS = 64_000_000

# Structured data whose author trafilatura does not read (it reads an article's): the maker
# of a recipe, a how-to or a review is the page's author too (new-user trial of stop 35: a
# recipe page named "Agnieszka Wróbel" in its JSON-LD and the author was null).
WORKS = frozenset({"Recipe", "HowTo", "Review", "CreativeWork"})

# The article text from the structured data replaces the extracted text when that holds less
# than this share of its characters, and it is an article's length. Measured, not tuned: of
# the 2,186 dev and corpus pages, 14 (all dev pages) have an articleBody; the extracted text
# is 0.85 to 1.2 times its length on 11, longer on two (a teaser of 85 words, a fragment of
# 12), and a tenth of it on one, an app shell.
BODY_SHARE = 0.5
MIN_BODY_CHARS = 500
# The object must be the page's article (attacker trial of stop 41: a related story's object
# in the page's @graph replaced a printed brief; a section page became its lead story; a
# "Comment" object's text was taken): an article's type, and its headline the page's title or
# heading, or its address the page's.
ARTICLE_TYPES = ("Article", "Posting", "Report")
NAMES = ("headline", "name", "url", "@id", "mainEntityOfPage")  # what says which page's article it is
MIN_TITLE_CHARS = 12  # a headline shorter than this inside a title says nothing ("News")
ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
PATH = re.compile(r"^/(?!/)")
# An articleBody written as HTML (some publishers put the article's markup in it)
MARKUP = re.compile(r"</(?:p|div|h[1-6]|li|ul|ol|blockquote|span|a|strong|em|b|i|section|figure)\s*>|<(?:br|p)\b", re.I)
BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr", "section", "figure")
NO_TEXT = ("script", "style", "noscript", "iframe", "template", "object", "svg")  # markup no reader sees
# The comment or CDATA wrapper of an old page's script, which JSON does not read
WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
ELLIPSIS = ("...", "…")
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def items(tree) -> Iterator[dict[str, Any]]:
    """The top-level objects of the page's JSON-LD scripts: each script's object, a list's,
    a @graph's, and each one's mainEntity. Scripts that are no JSON (once a comment or CDATA
    wrapper is off), or bigger than MAX_LD_CHARS, are skipped."""
    for script in tree.iterfind(LD_JSON):
        text = script.text or ""
        if len(text) > MAX_LD_CHARS:
            continue
        text = WRAPPER.sub("", text)
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # no JSON, or nested deeper than the parser goes
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            for found in [item, *(g for g in graph if isinstance(g, dict))] if isinstance(graph, list) else [item]:
                yield found
                # a WebPage's article: its main entity
                if isinstance(entity := found.get("mainEntity"), dict):
                    yield entity


def work_author(tree) -> str | None:
    """The author's name of the page's top-level JSON-LD object of a WORKS type (or one in
    its @graph), or None."""
    for item in items(tree):
        types = item.get("@type")
        if WORKS.isdisjoint(types if isinstance(types, list) else [types]):
            continue
        if name := _name(item.get("author")):
            return name
    return None


def _name(author: Any) -> str | None:
    """A person's name as JSON-LD gives it: a string, an object with a name, or a list of those."""
    names: list[str] = []
    for a in author if isinstance(author, list) else [author]:
        name = a.get("name") if isinstance(a, dict) else a
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return "; ".join(names) or None


def article_body(
    objects: list[dict[str, Any]], extracted: str, titles: Sequence[str | None], url: str | None
) -> list[str] | None:
    """The paragraphs of the page's article as its structured data (`objects`: items()) gives it, when `extracted`
    (the text the extractors found) holds too little of it (BODY_SHARE) or is that body in
    one line (trafilatura's last fallback reads it too), else None. The article (_own): one
    object of an ARTICLE_TYPES type whose headline is one of `titles` (the page's title, its
    <h1>) or whose address is `url`; a shorter body that opens the same text is its teaser.
    None when half its sentences or more are calls to action."""
    bodies = _own(objects, titles, url)
    if len(bodies) != 1:
        return None
    paragraphs = _paragraphs(bodies[0])
    size = sum(len(p) for p in paragraphs)
    if size < MIN_BODY_CHARS or _promotion(paragraphs):
        return None
    if len(extracted) < BODY_SHARE * size:
        return paragraphs
    # trafilatura's last fallback printed it, in one line: its paragraphs, and explain says where from
    return paragraphs if printed(objects, extracted) else None


def foreign(objects: list[dict[str, Any]], extracted: str, titles: Sequence[str | None], url: str | None) -> bool:
    """Whether `extracted` is articleBody text trafilatura's last fallback printed (printed)
    of which one is not this page's article (see article_body), or is a promotion (a related
    story's body beside the page's own teaser: second attacker trial of stop 41)."""
    if not printed(objects, extracted):
        return False
    own = [b for b in _own(objects, titles, url, teasers=True) if not _promotion(_paragraphs(b))]
    return any(body not in own for body in _bodies(objects, teasers=True))


def _own(
    objects: list[dict[str, Any]], titles: Sequence[str | None], url: str | None, teasers: bool = False
) -> list[str]:
    """The bodies of the page's objects that are its article (see article_body): an article
    that names itself as the page's, or the page's only article, naming nothing."""
    articles = [item for item in objects if _article(item)]
    if len(articles) == 1 and not any(articles[0].get(key) for key in NAMES):
        return _bodies(articles, teasers)
    return _bodies([item for item in articles if _this_page(item, titles, url)], teasers)


def printed(objects: list[dict[str, Any]], extracted: str) -> bool:
    """Whether `extracted` is the page's articleBody texts, as trafilatura's last fallback
    prints them (each in one line)."""
    if not extracted.strip():
        return False
    bodies = _bodies(objects, teasers=True)
    if len([line for line in extracted.splitlines() if line.strip()]) != len(bodies):
        return False  # a line each
    # compared without white space: its text of markup glues the blocks ("end.Next"), and
    # keeps the scripts' text
    return bool(bodies) and "".join(extracted.split()) == "".join("".join(_printed(body).split()) for body in bodies)


def _printed(body: str) -> str:
    """`body` as trafilatura's fallback prints it: the text of its markup, scripts and all."""
    if not MARKUP.search(body):
        return body
    from lxml import html as lxml_html

    try:
        return lxml_html.fragment_fromstring(body, create_parent="div").text_content()
    except Exception:  # lxml's parser errors
        return body


def page_heads(tree, headings: list[str]) -> list[str]:
    """The page's own names for its article: its <title>, og:title and `headings`. Not
    trafilatura's title, which takes the structured data's headline first."""
    heads = [*headings]
    if (title := tree.find(".//title")) is not None:
        heads.append(title.text_content())
    for meta in tree.iterfind(".//meta[@property='og:title']"):
        heads.append(meta.get("content") or "")
    return [head for head in heads if head.strip()]


def _article(item: dict[str, Any]) -> bool:
    types = item.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t.endswith(ARTICLE_TYPES) for t in types)


def _this_page(item: dict[str, Any], titles: Sequence[str | None], url: str | None) -> bool:
    """Whether the object is the page's: by its address when it gives one and the page's is
    known (a related story's object may carry a headline like the page's: second attacker
    trial of stop 41), else by its headline, which must be the page's title or heading or most
    of one ("Headline | Site"; not the site's name inside the title)."""
    entity = item.get("mainEntityOfPage")
    ids = [item.get("url"), item.get("@id"), entity.get("@id") if isinstance(entity, dict) else entity]
    # an address of its own: absolute, or a path on the page's site ("/news/x": second attacker
    # trial of stop 41), not a fragment of this page's ("#article")
    addresses = [_address(i.strip()) for i in ids if isinstance(i, str) and ABSOLUTE.match(i.strip())]
    if url:
        addresses += [_address(urljoin(url, i.strip())) for i in ids if isinstance(i, str) and PATH.match(i.strip())]
    if url and addresses:
        return _address(url) in addresses
    headline = next((h for key in ("headline", "name") if isinstance(h := item.get(key), str) and h.strip()), None)
    if headline is None:
        return False
    mine = _norm(headline)
    for title in titles:
        theirs = _norm(title or "")
        if mine and (
            mine == theirs or (len(mine) >= MIN_TITLE_CHARS and mine in theirs and 2 * len(mine) >= len(theirs))
        ):
            return True
    return False


def _bodies(objects: list[dict[str, Any]], teasers: bool = False) -> list[str]:
    """The objects' different articleBody texts in page order, without those that open
    another (a teaser, "..." and all) unless `teasers`."""
    found = list(dict.fromkeys(b.strip() for o in objects if isinstance(b := o.get("articleBody"), str) and b.strip()))
    if teasers:
        return found
    flat = [" ".join(b.split()) for b in found]
    opening = [short.removesuffix(ELLIPSIS[0]).removesuffix(ELLIPSIS[1]).rstrip() for short in flat]
    return [
        body
        for body, short, start in zip(found, flat, opening, strict=True)
        if not any(other != short and other.startswith(start) for other in flat)
    ]


def _promotion(paragraphs: list[str]) -> bool:
    """Whether half the body's sentences or more are calls to action, or repeats: a paywall's promotion in the
    article's place (attacker trial of stop 41; a metered site's real article is marked
    isAccessibleForFree false too, so that says nothing)."""
    from cleaner.heuristics import edges

    sentences = [s for p in paragraphs for s in SENTENCE.split(p) if s.strip()]
    calls = sum(edges.call_to_action(s, len(s.split())) for s in sentences)
    # an article does not say the same thing over and over; a promotion filled out does
    return 2 * calls >= len(sentences) or 2 * len(set(sentences)) < len(sentences)


def _norm(text: str) -> str:
    return " ".join(html.unescape(text).casefold().split())


def _address(url: str) -> str:
    """A URL without its scheme, "www.", query, fragment and closing slash."""
    url = url.strip().split("#")[0].split("?")[0]
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.I)
    return url.removeprefix("www.").rstrip("/").casefold()


def _paragraphs(body: str) -> list[str]:
    """`body`'s paragraphs, one per line, spaces collapsed: its markup's blocks when it is HTML,
    else its lines (entities decoded: publishers escape quotes and ampersands)."""
    if MARKUP.search(body):
        from lxml import html as lxml_html

        try:
            root = lxml_html.fragment_fromstring(body, create_parent="div")
        except Exception:  # lxml's parser errors: the text without its tags is still the article
            return _lines(html.unescape(re.sub(r"<[^>]*>", " ", body)))
        for element in list(root.iter(*NO_TEXT)):
            element.drop_tree()
        for element in root.iter(*BLOCKS):
            element.tail = "\n" + (element.tail or "")
            if element.tag != "br":
                element.text = "\n" + (element.text or "")
        return [" ".join(line.split()) for line in root.text_content().split("\n") if line.strip()]
    return _lines(html.unescape(body))


def _lines(text: str) -> list[str]:
    """Paragraphs: at blank lines when the text has them (a body wrapped at a fixed width
    breaks its paragraphs' lines too), else at line breaks."""
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text.strip()) else text.split("\n")
    return [" ".join(part.split()) for part in parts if part.strip()]
