"""HTML to text with trafilatura, its options pinned (its fallback extractors included, unless
the run asks for --fast); metadata from the page.

The extracted text then goes through the same stages as a text scrape, so site and
platform profiles apply to HTML too. Line numbers in removals refer to the
extracted text. trafilatura is imported here only, when HTML is seen: it takes a
quarter of a second to import. The reading time, which trafilatura does not give,
comes from the Twitter-card labels SEO plugins print in the head.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from cleaner.document import Context, Document, Line, Structure
from cleaner.errors import MissingDependency
from cleaner.stages.html_parse import drop_control_references, fix_surrogates, parse
from cleaner.urls import url_problem

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from cleaner.profiles import Profiles
    from cleaner.stages.html_site import SiteResult

TAG = regex.compile(r"<[A-Za-z!/?]")
PAGE_TAG = regex.compile(r"<(?:html|body)\b", regex.I)
# A page: its doctype, <html>, <head> or <body> first, after an XML declaration (XHTML) and
# comments; or another element first when a body element follows (SNIFF_BODY, in the first
# MB): pages saved without their <html> (<meta>, <style>, <noscript>, <svg> first), fragments
# (<div class="post">), and exports that wrap a page in an element of their own (CleanEval's
# <text id="URL">). Read as text, such a page printed its scripts and lost its structure.
# That element is one HTML has, a custom element (a hyphen in its name) or one with an
# attribute: a chat log's "<Jane Doe> wrote: use <p> ..." is text.
ELEMENTS = (
    "a|abbr|address|article|aside|audio|b|base|bdi|bdo|big|blockquote|br|button|canvas|caption|center|cite|"
    "code|col|colgroup|data|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|font|"
    "footer|form|frame|frameset|h[1-6]|header|hgroup|hr|i|iframe|img|input|ins|kbd|label|legend|li|link|main|"
    "map|mark|math|menu|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|picture|pre|progress|q|s|"
    "samp|script|section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|"
    "textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr"
)
SNIFF = regex.compile(
    r"^\s*(?:<\?xml\b[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:(?P<page>!doctype\s+html|html|head|body)\b"
    rf"|(?:{ELEMENTS}|[a-z][\w.]*-[\w.-]*)(?=[\s/>])|[a-z][\w:-]*\s+[\w:-]+\s*=)",
    regex.I | regex.S,
)
SNIFF_REACH = 1 << 20  # characters: a regex over them takes a few milliseconds at most
SNIFF_BODY = regex.compile(r"<(?:body|div|p|article|main|section|table|ul)\b", regex.I)
# and a fragment closes an element, or writes text right against a tag ("<p>Hello<p>World",
# "<br>Residents ..."): a text about markup names its tags between spaces, unclosed (attacker
# trial of stop 55: an article opening "<table> or <div>?" was read as HTML, its tag words and
# last paragraph lost)
SNIFF_CLOSE = regex.compile(r"</[a-z][\w-]*\s*>|<(?:p|br|div|li|td|h[1-6])\b[^<>]*>\w", regex.I)

# htmldate's extensive search scans the whole page for date-like strings: on the dev set
# it was a third of the HTML path's time. The page's structured data and meta tags still
# give the date; the original (publication) date is the one an article means.
# A fixed latest date, not htmldate's default (today): the output never depends on the day
# it is made, and a page dated today in a zone ahead of the machine's keeps its date.
DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}
OPTIONS: dict[str, Any] = {
    "output_format": "python",  # a Document with the text
    # The metadata comes from trafilatura's own extractors in its order, minus the licence
    # search it would also do (cleaner.stages.html_meta), run on the same parsed page.
    "with_metadata": False,
    # Reader comments are not the article, but trafilatura extracts them all the same and
    # leaves them out of the text after (_main_text adds them only for --comments): told not
    # to, it prunes every element whose class or id names comments from the page before it
    # looks for the article, and with them an article whose own container is so named
    # ("comment-body" on a forum or blog). Measured with trafilatura alone on the corpus's
    # train pages (F1 of the main text): cleaneval 0.868 -> 0.871; dragnet (200 pages,
    # balanced mode) 0.847 -> 0.851.
    "include_comments": True,
    "include_tables": True,  # tables in articles are content (figures, results)
    "include_images": False,  # alt text and captions are boilerplate by the gold conventions
    "include_links": False,  # link targets are not text
    "include_formatting": False,  # plain text out; bullets are handled by the normaliser
    # Measured on the dev set's 150 pages (F1 / pages all-ok of the whole HTML path; "WIP" is
    # with the heuristics stage being rewritten at the time): balanced default 0.923/0.680
    # (WIP 0.933/0.700); favor_recall 0.922/0.687 (WIP 0.937/0.720); favor_precision
    # 0.922/0.673; include_comments 0.923/0.680 (no change); include_tables=False 0.912/0.660.
    # Recall it is: text trafilatura drops is lost for good, while the boilerplate it keeps
    # is what our profiles and heuristics remove after.
    "favor_precision": False,
    "favor_recall": True,
    "deduplicate": False,  # dedup across documents would make output depend on run order
    "date_extraction_params": DATE_PARAMS,
    # fast=False: trafilatura's fallback extractors (readability, jusText) run too, and its
    # comparison keeps theirs where its own main container was misjudged. Measured with
    # benchmarks/html_quality.py on the corpus's train pages (F1, time per page as a ratio to
    # plain trafilatura.extract): dragnet 0.830 at 1.04x against fast mode's 0.827 at 0.98x,
    # cleaneval 0.868 at 1.44x against 0.856 at 1.37x. --fast (Context.fast) sets it True.
    "fast": False,
}
# --fast: a main extraction shorter than this (2 x trafilatura's min_extracted_size) missed
# the article: the page is extracted again with the fallbacks. Fast mode alone lost three
# dev-set pages whose main extraction came out nearly empty (F1 0.948 / all-ok 0.793); with
# this rescue (7 of the 150 pages) it is level with the fallbacks on the dev set (0.955 / 0.800).
RESCUE_BELOW = 500
# A byline's full stop after the name ("By Emily Temple."), not an abbreviation's ("Jr.")
SENTENCE_STOP = re.compile(r"(?<=\w{3})\.$")


# SEO plugins (Yoast, Rank Math) print the reading time as a Twitter-card label/data pair:
# <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="3 minutes">
READING_TIME_LABEL = regex.compile(r"\b(?:reading|read) time\b|\btime to read\b", regex.I)
MINUTES = regex.compile(r"^\s*(\d+)\s*min", regex.I)


# A response saved with its HTTP head (curl -i, a proxy's dump): the page follows the blank line
HTTP_HEAD = regex.compile(r"HTTP/\d(?:\.\d)? \d{3}\b[^\n]*\n(?:[^\s:]+:[^\n]*\n)*\r?\n")


def looks_like_html(text: str) -> bool:
    if head := HTTP_HEAD.match(text, 0, SNIFF_REACH):
        text = text[head.end() : head.end() + SNIFF_REACH]  # what is sniffed, not a copy of the whole input
    # comments, scripts and styles first (licence headers, build stamps, inlined code) can be long
    m = SNIFF.match(text[:SNIFF_REACH])
    if m is None:
        return False
    if m.group("page") is not None:
        return True
    return bool(SNIFF_BODY.search(text, 0, SNIFF_REACH)) and bool(SNIFF_CLOSE.search(text, 0, SNIFF_REACH))


def has_markup(text: str) -> bool:
    """Whether there is any tag at all: a page saved as .html may hold plain text, which
    trafilatura would reduce to nothing."""
    return bool(TAG.search(text, 0, 1 << 16))


class Scan(NamedTuple):
    """What one pass over the parsed page finds: its <h1>s and Twitter-card metas."""

    h1s: list
    cards: list


def scan(tree) -> Scan:
    """One pass over the page (each pass over a large tree costs): collects the <h1>s and
    Twitter-card metas, puts images' alt and title text on one line, and empties the scripts,
    styles and templates. Those are no text, and trafilatura copies the whole tree several times and
    searches it with XPath (emptying them: 8% less time on the dev set, same output). JSON-LD
    and scripts that name a date stay, for the metadata: htmldate reads dates from them."""
    found = Scan([], [])
    for element in tree.iter("h1", "meta", "script", "style", "img", "template"):
        tag = element.tag
        if tag == "h1":
            found.h1s.append(element)
        elif tag == "template":  # inert markup for scripts, never shown (a paywall's text, say)
            element.clear(keep_tail=True)
        elif tag == "img":  # --images prints the alt text inside Markdown on one line: no breaks in it
            for name in ("alt", "title"):
                if (value := element.get(name)) and ("\n" in value or "\r" in value):
                    element.set(name, " ".join(value.split()))
        elif tag == "meta":
            if element.get("name", "").startswith(("twitter:label", "twitter:data")):
                found.cards.append(element)
        elif (code := element.text) and not (
            tag == "script" and ("ld+json" in element.get("type", "").lower() or "date" in code.lower())
        ):
            element.text = None
    return found


# Lists nested deeper than this are flattened into their list at this depth before extraction:
# trafilatura converts nested lists recursively, and a page of 600 nested <ul><li> (well under
# the parser's 2,048 levels) exhausted Python's stack. No article nests its lists this deep.
MAX_LIST_DEPTH = 20
LIST_TAGS = ("ul", "ol", "dl", "menu")


def flatten_deep_lists(tree, most: int = MAX_LIST_DEPTH) -> int:
    """Each list nested `most` deep gets the items of all the lists inside it as items of
    its own, in document order (their text stays, one item each: their depth is lost); how
    many lists were flattened. Iterative: the tree may nest two thousand deep."""
    from cleaner.stages.html_site import drop_keeping_tail

    depth: dict = {}
    tops = []
    for element in tree.iter(*LIST_TAGS):
        outer = next(element.iterancestors(*LIST_TAGS), None)
        depth[element] = level = (depth.get(outer, 0) if outer is not None else 0) + 1
        if level == most:
            tops.append(element)
    for top in tops:
        nested = list(top.iterdescendants(*LIST_TAGS))
        if not nested:
            continue
        inside = set(nested)
        for lst in nested:  # text loose in a nested list: an item of its own, so it stays
            if lst.text and lst.text.strip():
                lst.insert(0, _item(lst, lst.text))
                lst.text = None
            if lst.tail and lst.tail.strip() and (lst.getparent() is top or lst.getparent() in inside):
                tail, lst.tail = lst.tail, None
                lst.addnext(_item(lst, tail))
        for child in list(top):  # and text loose between its items too
            if isinstance(child.tag, str) and child.tail and child.tail.strip():
                tail, child.tail = child.tail, None
                child.addnext(_item(top, tail))
        entries = [
            e
            for e in top.iterdescendants()
            if e not in inside and isinstance(e.tag, str) and (e.getparent() is top or e.getparent() in inside)
        ]
        for lst in nested:
            drop_keeping_tail(lst)
        top[:] = entries
    return len(tops)


def _item(near, text: str):
    item = near.makeelement("li", {})
    item.text = text
    return item


# A comma between two items, not inside a number ("1,000 days")
ITEM_COMMA = regex.compile(r"\s*(?<!\d),\s*|\s*,(?!\d)\s*")


def list_items(values: list[str] | None) -> tuple[str, ...]:
    """A list field as separate items. SEO plugins write a post's categories into JSON-LD as
    one string joined by commas ("articleSection": "Cake Recipes,Cupcake Recipe") and keywords
    meta tags are one such string, which trafilatura keeps whole: 10 of the 70 dev pages with
    categories, 29 with tags, got a single item holding the whole list. Empty and repeated
    items go, the first of each kept in order."""
    items = (item.strip() for value in values or () for item in ITEM_COMMA.split(value))
    return tuple(dict.fromkeys(item for item in items if item))


def reading_time(cards) -> int | None:
    """Minutes from a Twitter-card "reading time" label (`cards`: the page's
    twitter:label* and twitter:data* metas), if any."""
    labels: dict[str, str] = {}
    data: dict[str, str] = {}
    for meta in cards:
        name, content = meta.get("name"), meta.get("content", "")
        if name.startswith("twitter:label"):
            labels[name.removeprefix("twitter:label")] = content
        else:
            data[name.removeprefix("twitter:data")] = content
    for key, label in labels.items():
        if READING_TIME_LABEL.search(label) and (minutes := MINUTES.match(data.get(key, ""))):
            return int(minutes[1])
    return None


# Where a page gives its publication time in machine-readable form
TIMESTAMPS = (
    '//meta[@property="article:published_time" or @name="article:published_time" or @itemprop="datePublished"'
    ' or @property="og:published_time" or @name="pubdate" or @name="date"]/@content'
    " | //time/@datetime"
)
LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{11,40})"')


def with_time(tree: HtmlElement, date: str | None) -> str | None:
    """htmldate's date (YYYY-MM-DD, as trafilatura's metadata gives it) with its time and
    zone when the page states one for that same day in a published-time meta tag, a
    <time datetime> or its JSON-LD datePublished; else the date alone."""
    if not date or len(date) != 10:
        return date
    values = [str(v) for v in tree.xpath(TIMESTAMPS)]
    values += [
        m for script in tree.xpath('//script[@type="application/ld+json"]/text()') for m in LD_DATE.findall(script)
    ]
    for value in values:
        value = value.strip()
        if value[:10] != date or len(value) < 16 or value[10] not in "T ":
            continue
        try:
            stamp = dt.datetime.fromisoformat(value)
        except ValueError:
            continue
        return stamp.isoformat(timespec="seconds")
    return date


class Switches(NamedTuple):
    """The extractor's switches a run sets (trafilatura's CLI names them alike): --tables,
    --comments, --links, --images, --precision / --recall, --target-language; `structure`:
    --format markdown wants the page's structure (headings, list depth, quotes, table rows,
    link targets) on the lines."""

    tables: bool = True
    comments: bool = False
    links: bool = False
    images: bool = False
    focus: str | None = None  # "precision", "recall" or None
    target_language: str | None = None
    structure: bool = False

    @classmethod
    def of(cls, ctx: Context) -> Switches:
        return cls(ctx.tables, ctx.comments, ctx.links, ctx.images, ctx.focus, ctx.target_language, ctx.structure)

    def options(self) -> dict[str, Any]:
        """trafilatura's options for these switches. Recall is the default here (see
        OPTIONS), so --recall changes nothing on HTML; --precision turns to favor_precision."""
        if self == DEFAULT_SWITCHES:
            return OPTIONS
        return {
            **OPTIONS,
            "include_tables": self.tables,
            "include_links": self.links,
            "include_images": self.images,
            "favor_precision": self.focus == "precision",
            "favor_recall": self.focus != "precision",
            "target_language": self.target_language,
        }


DEFAULT_SWITCHES = Switches()


class Main(NamedTuple):
    """The main text, and the structure of each of its lines (None: no structure asked for)."""

    text: str
    structure: list[Structure | None] | None = None
    comments: int = 0  # how many of the text's last lines are reader comments (--comments)
    reader_comments: str = ""  # the reader comments trafilatura found, in the text or not


# trafilatura takes a main text shorter than its min_extracted_size (250 characters) for a
# miss and turns to its fallbacks, the last of which joins every paragraph into one line. A
# character of Chinese or Japanese says what two or three of a Latin script do: a short CJK
# article (three paragraphs, 150 characters) came out as one line with its headline, byline
# and share links (new-user trial of stop 37). On a page mostly in those scripts the bar is
# this many characters.
CJK_MIN_EXTRACTED = 100
# runs, not characters: a list of 20,000 one-character strings cost a third of a second
# over the 150 dev pages
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
LATIN = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]+")
SAMPLE = 20_000  # characters of the page's text the script share is read from


def _cjk_page(tree: HtmlElement) -> bool:
    """Whether the page's text is mostly Chinese, Japanese or Korean (a sample of it)."""
    body = tree.find("body")
    # one C call (walking itertext in Python took 5 times as long); linear in the page
    text = (body if body is not None else tree).xpath("string()")[:SAMPLE]
    cjk = sum(map(len, CJK.findall(text)))
    return cjk > 0 and cjk > sum(map(len, LATIN.findall(text)))


@lru_cache(maxsize=2)
def _bar_config(bar: int = CJK_MIN_EXTRACTED):
    """trafilatura's settings with `bar` as its min_extracted_size."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(bar))
    return config


# A main text of one line this long or longer, from a page whose article has several blocks, is
# the last fallback's join: trafilatura's own extraction, kept whatever its length, printed the
# headline, paragraphs, verse, table rows and code as lines (attacker trial of stop 55: 8 of 17
# short HTML articles came out as one line, the byline in it)
JOINED_WORDS = 12
SHORT_BAR = 1  # min_extracted_size for the retry: any length


def _unjoined(tree: HtmlElement, url: str | None, options: dict[str, Any], main: Main, switches: Switches) -> Main:
    """`main`, or trafilatura's own extraction of the page kept whatever its length, where
    `main` is one line joining what that prints as several lines of the same words."""
    text = main.text.strip()
    if "\n" in text or len(text.split()) < JOINED_WORDS:
        return main
    retry = _main_text(tree, url, {**options, "config": _bar_config(SHORT_BAR)}, switches)
    lines = [line for line in retry.text.split("\n") if line.strip()]
    if len(lines) < 2:
        return main
    joined = text.split()
    known = set(joined)
    # the same text in lines: all but a few of its words in the joined line (a list's "-", a
    # table's "|" and other marks aside), and half the joined line's words or more (less a
    # headline, a byline, a share bar: a one-cell layout table's 1,729 words were swapped for a
    # tenth of them, second attacker trial of stop 55; the corpus's train pages that changed
    # kept 0.73 and 0.79 of theirs, and one whose joined line was mostly a rail's 0.19)
    words = [w for w in retry.text.split() if any(map(str.isalnum, w))]
    same = sum(w in known for w in words) >= JOINED_SHARE * len(words)
    return retry if same and len(words) >= JOINED_COVER * len(joined) else main


JOINED_SHARE = 0.9
JOINED_COVER = 0.5


def _main_text(
    tree: HtmlElement, url: str | None, options: dict[str, Any], switches: Switches = DEFAULT_SWITCHES
) -> Main:
    from trafilatura import bare_extraction
    from trafilatura.settings import Document as Extracted

    if _cjk_page(tree) and "config" not in options:
        options = {**options, "config": _bar_config()}
    result = bare_extraction(tree, url=url, **options)
    # with output_format="python" a trafilatura Document (a dict only with as_dict=True), or None
    if not isinstance(result, Extracted):
        return Main("")
    text = result.text or ""
    found = (result.comments or "").strip()
    comments = 0
    if switches.comments and found:
        comments = len(found.split("\n"))
        text = f"{text}\n{found}" if text else found
    if not switches.structure:
        return Main(text, None, comments, found)
    from cleaner.stages import html_structure

    # The link targets: from a second extraction with links, as extracting with them changes the
    # text's line breaks; --links has them in the text already
    linked = None if switches.links else bare_extraction(tree, url=url, **{**options, "include_links": True})
    links = linked.body if isinstance(linked, Extracted) else None
    lines = text.split("\n")
    if not switches.links and not switches.images:
        return Main(text, html_structure.annotate(result.body, lines, links), comments, found)
    # the lines hold their links and images as Markdown: matched to the tree as the page prints
    # them, and marked so that xml makes them elements
    marks = html_structure.annotate(result.body, [html_structure.plain(line) for line in lines], links)
    for n, line in enumerate(lines):
        if html_structure.MARKDOWN_INLINE.search(line):
            marks[n] = (marks[n] or Structure("text"))._replace(markdown=True)
    return Main(text, marks, comments, found)


def extract(
    html: str,
    url: str | None,
    profiles: Profiles | None = None,
    choice: str = "auto",
    rule_budget: float = 2.0,
    fast: bool = False,
    switches: Switches = DEFAULT_SWITCHES,
) -> tuple[str, dict, int, SiteResult | None]:
    """The main text (paragraphs one per line), the page's metadata (with "origin": the
    source of each field, for explain's metadata_from; the author, when the page's meta
    tags name none, from the byline under the headline: cleaner.stages.html_lead), how many of the
    text's first lines are the standfirst trafilatura left out (cleaner.stages.html_lead),
    and what the site profile's page rules did (cleaner.stages.html_site), if it has any."""
    try:
        import resiliparse  # noqa: F401
        import trafilatura  # noqa: F401  # a broken install fails here, not inside the steps below

        from cleaner.stages import (  # lxml, like trafilatura: only when HTML is seen
            html_lead,
            html_printed,
            html_site,
            html_title,
        )
        from cleaner.stages.html_jsonld import work_author
        from cleaner.stages.html_meta import page_metadata
    except ImportError as err:  # lxml_html_clean missing, say: this input fails, the others go on
        raise MissingDependency(
            f"cannot read HTML, a module it needs is missing: {' '.join(str(err).split())}"
        ) from None

    html = _as_page(html)  # resiliparse reads the same page below
    tree = parse(html)  # parsed once: trafilatura works on a copy, the lead search on this
    if tree is None:
        return "", {}, 0, None
    page = scan(tree)
    flatten_deep_lists(tree)
    sources: dict[str, str] = {}
    found = page_metadata(tree, url, DATE_PARAMS, sources)
    site = html_site.site_profile(profiles, choice, url or found.url)
    ruled = html_site.apply(tree, site, rule_budget) if site is not None and site.page_rules else None
    # A body rule names the article: trafilatura reads that element alone
    source = html_site.body_page(tree, ruled.body) if ruled and ruled.body else tree
    options = switches.options()
    main = _main_text(source, url, {**options, "fast": True} if fast else options, switches)
    if fast and len(main.text) < RESCUE_BELOW:  # the main extractor missed the article: the whole cascade
        main = _main_text(source, url, {**options, "fast": False}, switches)
    main = _unjoined(source, url, {**options, "fast": True} if fast else options, main, switches)
    extracted_by = "trafilatura"
    # the site's page rules and --target-language (the page's language) say what the text is
    if ruled is None and not switches.target_language:
        main, extracted_by = _structured(tree, source, main, url, found.url, page.h1s, options, switches)
    # no text under --target-language: the page is in another language, nothing was missed
    if (
        extracted_by == "trafilatura"
        and not fast
        and switches.focus != "precision"
        and ruled is None
        and (main.text or not switches.target_language)
    ):
        main, added = _second_opinion(html, main, switches)
    else:
        added = []
    title = html_title.page_title(tree, found.title, page.h1s, url or found.url)
    title = html_printed.printed_title(tree, title, page.h1s, url or found.url)
    # The <h1> prints the headline without the site or section the <title> tag adds to it.
    headline = html_title.headline(page.h1s, title, url or found.url)
    text = main.text
    meta: dict[str, Any] = {
        "title": html_printed.bare(html_title.heading_text(headline) if headline is not None else title),
        "author": found.author,
        "date": with_time(tree, found.date),
        "sitename": found.sitename,
        # the caller's URL (--url, a record's url) is the page's address; the page's own only if it is one
        "url": url or (found.url if found.url and not url_problem(found.url) else None),
        "categories": list_items(found.categories),
        "tags": list_items(found.tags),
        "reading_time": reading_time(page.cards),
    }
    # where each field came from (explain's metadata_from): the <h1>, else the page's meta
    # tags and structured data as trafilatura reads them (and "html:byline", below)
    origin = {name: "html:meta" for name, value in meta.items() if value not in (None, ())}
    if meta["title"] is not None and headline is not None:
        origin["title"] = "html:h1"
    elif meta["title"] not in (None, found.title):
        origin["title"] = "html:title"
    if ruled:  # the site's selectors say where its metadata is: they come first
        meta.update(ruled.meta)
        for name in ruled.meta:
            origin.pop(name, None)
    meta["origin"] = origin
    meta["extracted_by"] = extracted_by
    if not text:
        return "", meta, 0, ruled
    # with a body rule too: sites print the standfirst between the headline and the body's element
    # compared as the page prints it: without the [text](target) of --links and --images
    if switches.links or switches.images:
        from cleaner.stages.html_structure import plain as printed

        # as the tree has it: alt text is no text there; and as extracted too, for a paragraph
        # whose own words hold link syntax ("[the docs](https://...)" typed as text), which came
        # back above itself as the standfirst (attacker trial of stop 50)
        plain = f"{printed(text)}\n{text}"
    else:
        plain = text
    head = html_lead.head(tree, plain, headline if headline is not None else html_title.printed_heading(tree, title))
    standfirst = html_lead.standfirst(head)
    # the byline printed under the headline, which trafilatura left out, when the page's meta tags
    # and structured data (and the site's page rules) name no author
    if meta["author"] and sources.get("author") == "element" and origin.get("author") == "html:meta":
        # trafilatura read the author from a byline element's text as it stands ("Edited by
        # Jane Doe" -> "Jane Doe", "Jane Doe Updated"): that line read as a byline instead
        checked = html_lead.element_author(head, meta["author"])
        # a byline under the headline that names someone else: trafilatura's element was
        # another article's (a related card's "By Thomas Brandt": second attacker trial of stop 40)
        if (
            checked
            and checked == meta["author"]
            and (own := html_lead.byline(head))
            and not html_lead.names(head, checked)
        ):
            checked = SENTENCE_STOP.sub("", own[0])
        if checked is None:
            meta["author"] = None
            origin.pop("author")
        else:
            meta["author"], origin["author"] = checked, "html:author-element"
    if meta["author"] and _desk(meta["author"]):
        # a desk's credit names no author ("Staff Report" in a byline element: second attacker
        # trial of stop 54), as in a text scrape's byline; nor does a date ("Updated")
        meta["author"] = None
        origin.pop("author", None)
    if meta["reading_time"] is None and (minutes := html_lead.reading_time(head)):
        meta["reading_time"], origin["reading_time"] = minutes, "html:byline"
    if not meta["author"] and (byline := html_lead.byline(head)):
        meta["author"], origin["author"] = byline[0], "html:byline"
        if byline[1] and not meta["date"]:
            meta["date"], origin["date"] = byline[1], "html:byline"
    if not meta["author"] and (maker := work_author(tree)):
        meta["author"], origin["author"] = maker, "html:json-ld-work"
    if main.structure is not None:  # for run(), which pops them as it does "origin"
        meta["structure"] = [None] * len(standfirst) + main.structure
    if main.comments:
        meta["comments"] = main.comments
    if added:  # as line numbers of the text returned
        meta["added"] = tuple(len(standfirst) + n + 1 for n in added)
    return "\n".join([*standfirst, text]) if standfirst else text, meta, len(standfirst), ruled


def _as_page(html: str) -> str:
    """`html` as a whole page, which trafilatura reads (it reads no fragments)."""
    if not PAGE_TAG.search(html, 0, 1 << 16):  # a fragment ("<p>Hi</p>")
        return f"<html><body>{html}</body></html>"
    if "html" not in html[:50].lower():
        # a page from <body> on: with one element in it, the parser's "is it HTML at all?" test
        # (trafilatura's) said no, and its paragraph was lost with exit 0 (attacker trial)
        return f"<html>{html}</html>"
    return html


def _structured(
    tree: HtmlElement,
    source: HtmlElement,
    main: Main,
    url: str | None,
    page_url: str | None,
    h1s: list,
    options: dict[str, Any],
    switches: Switches,
) -> tuple[Main, str]:
    """`main`, or the article's text from the page's structured data when the page prints next
    to none of it (built in the browser from its data: cleaner.stages.html_jsonld), and the
    name of the text's source. When trafilatura's last fallback printed structured data that
    is not this page's article (a related story's body in place of a printed brief, attacker
    trial of stop 41), trafilatura's text of the page without it."""
    from copy import deepcopy

    from cleaner.stages import html_jsonld, html_title

    objects = list(html_jsonld.items(tree))  # each script parsed once
    if not objects:
        return main, "trafilatura"
    heads = html_jsonld.page_heads(tree, [html_title.heading_text(h1) for h1 in h1s])
    body = html_jsonld.article_body(objects, main.text, heads, url or page_url)
    if body is not None:
        return Main("\n".join(body)), "json-ld"
    if html_jsonld.foreign(objects, main.text, heads, url or page_url):
        bare = deepcopy(source)
        for script in bare.iterfind(html_jsonld.LD_JSON):
            script.getparent().remove(script)
        main = _main_text(bare, url, options, switches)
    return main, "trafilatura"


def _second_opinion(html: str, main: Main, switches: Switches) -> tuple[Main, list[int]]:
    """`main` with the article text trafilatura left out that resiliparse found
    (cleaner.stages.html_second), and where those lines are in its text."""
    from cleaner.stages import html_second

    lines = main.text.split("\n") if main.text else []  # nothing: resiliparse may still find the article
    body = lines[: len(lines) - main.comments]
    printed = None
    if switches.links or switches.images:
        from cleaner.stages.html_structure import plain

        printed = [plain(line) for line in body]
    reader = main.reader_comments.split("\n") if main.reader_comments else []
    merged = html_second.merge(body, html_second.other_lines(html, switches.tables), reader, printed)
    if not merged.added:
        return main, []
    structure = None
    if main.structure is not None:
        added = set(merged.added)
        marks = iter(main.structure)
        structure = [None if n in added else next(marks) for n in range(len(merged.lines))]
        structure += list(marks)  # the comments'
    text = "\n".join(merged.lines + lines[len(body) :])
    return main._replace(text=text, structure=structure), merged.added


def _desk(author: str) -> bool:
    from cleaner.heuristics import meta

    return meta.desk_line(author) or meta.desk(author.split()) or meta.dated_not_named(author)


def _metadata_mirror_off() -> str | None:
    from cleaner.stages.html_meta import mirror_off

    return mirror_off()


def _table_row(text: str) -> bool:
    """A row of a table as trafilatura writes it in text: "| cell | cell |"."""
    text = text.strip()
    return len(text) > 1 and text.startswith("|") and text.endswith("|")


@lru_cache(maxsize=64)  # clean() asks once per document
def unknown_language(lang: str) -> str | None:
    """Why py3langid can never detect `lang` (an ISO 639-1 code), or None; None too when
    py3langid is not installed (the run says so when it first needs it)."""
    if importlib.util.find_spec("py3langid") is None:
        return None
    from py3langid import langid

    langid.classify("")  # loads the model, whose labels are the languages it tells apart
    known = langid.IDENTIFIER.nb_classes if langid.IDENTIFIER is not None else ()
    if lang.lower() in known:
        return None
    return f"{lang!r} is not a language py3langid detects (it knows {len(known)}, e.g. en, de, fr)"


def run(doc: Document, ctx: Context) -> Document:
    if doc.html is None:
        return doc
    page, repaired = fix_surrogates(doc.html)
    page = drop_control_references(page)
    switches = Switches.of(ctx)
    if switches.target_language and importlib.util.find_spec("py3langid") is None:
        raise MissingDependency(
            "--target-language needs py3langid, in the language extra: pip install 'cleaner[language]' "
            "(in a clone: pip install '.[language]')"
        )
    text, meta, lead, ruled = extract(
        page, ctx.url, ctx.profiles, ctx.profile, ctx.rule_budget, ctx.fast, switches=switches
    )
    origin = meta.pop("origin", {})
    extracted_by: str = meta.pop("extracted_by", "trafilatura")
    structure: list[Structure | None] = meta.pop("structure", None) or []
    comments: int = meta.pop("comments", 0)
    added: tuple[int, ...] = meta.pop("added", ())
    filled = doc.metadata.fill(**meta)
    html_sources = tuple(
        (name, rule) for name, rule in origin.items() if getattr(filled, name) != getattr(doc.metadata, name)
    )
    # trafilatura puts one paragraph per line; a blank line between them makes each its own
    # block, but the rows of a table stay together, a row per line
    pars = text.split("\n")
    marks = structure or [None] * len(pars)
    lines = []
    for no, (par, mark) in enumerate(zip(pars, marks, strict=True), 1):
        lines.append(Line(no, par, mark) if mark is not None else Line(no, par))
        if not (_table_row(par) and no < len(pars) and _table_row(pars[no])):
            lines.append(Line(no, ""))
    body_rule = ruled.body_rule if ruled else None
    timeouts = tuple(ruled.timeouts) if ruled else ()
    return doc.replace(
        lines=tuple(lines[:-1]),
        html=None,
        extracted_by=extracted_by,
        comments_from=len(text.split("\n")) - comments + 1 if comments else None,
        body_rule=body_rule,
        standfirst=lead,
        added=added,
        timeouts=doc.timeouts + timeouts,
        metadata=filled,
        # the log of the same, for the JSON record and explain
        steps=doc.steps
        + (("ftfy:fix_surrogates",) if repaired else ())
        + ((f"html:body:{' '.join(body_rule)}",) if body_rule else ())
        + tuple(f"timeout:{ref}" for ref in timeouts)
        + (f"html:{extracted_by}",)
        + ((f"html:resiliparse:{len(added)}",) if added else ())
        + ((f"html:{off}",) if (off := _metadata_mirror_off()) else ())
        + ((f"html:standfirst:{lead}",) if lead else ()),
        page_removals=tuple(ruled.removals) if ruled else (),
        meta_sources=doc.meta_sources + html_sources + (tuple(ruled.sources) if ruled else ()),
        meta_notes=doc.meta_notes + (tuple(ruled.notes) if ruled else ()),
    )
