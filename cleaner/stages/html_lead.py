"""The standfirst and the byline: what trafilatura left out between the headline and the body.

Pages print the lead ("standfirst", "deck", "chapô", "excerpt") between the headline
and the body, often outside the element that holds the body; trafilatura then drops it,
though it is article text (gold/README.md keeps it). So: find the headline and the
first body block among the page's blocks (`head`), and take the prose blocks between them
that are not page furniture (captions, bylines, share bars: by element and class name).

The byline ("By Jane Doe | 3 March 2024") sits there too, and trafilatura drops it with the
rest; without an author meta tag, JSON-LD or byline class its metadata then has no author,
though the page prints one. `byline` reads it from the same blocks, as the text path reads
a scrape's byline (cleaner.heuristics.meta.byline): only there, under the headline and above
the body, never further down, where comments and footers print "Posted by" and "By" lines.
"""

from __future__ import annotations

import re

from trafilatura.metadata import examine_title_element

from cleaner import urls
from cleaner.heuristics import body, meta
from cleaner.heuristics.lines import WORD, describe
from cleaner.heuristics.phrases import boilerplate_label
from cleaner.stages.html_blocks import Block, blocks, collapse, collapse_lines
from cleaner.stages.html_second import INVISIBLE

# How far above the body a lead may sit, in text blocks that are not furniture or links
# (bylines, dates, credits come between), and how many blocks of it at most.
REACH = 12
MAX_LEAD = 3
MIN_HEADLINE = 12  # characters of an <h1> found inside a longer title, to take it as the headline
MAX_SEARCH = 100  # blocks after the headline to look for the body in (dev set: at most 73)
# How far under the headline a byline may sit, in blocks: a deck, a date line, a share bar or
# an image and its caption may come first
BYLINE_REACH = 6


def page_title(tree, title: str | None, h1s=(), url: str | None = None) -> str | None:
    """The page's `title` (trafilatura's metadata), or the headline part of its `<title>`
    element ("Harbour Reopens | Example News"), in two cases:
    - the title shares no word with the `<title>`: without a title meta tag trafilatura
      takes any h1-h3 whose class says "title", and a sidebar's "widget-title" ("Newsletter
      subscription status") then named the article. The headline part is the one of more
      words that is no domain name (on dragnet train, where 61 titles change, it is in the
      gold text on 50 pages, the first part on 48: "TED Blog | <headline>"; a site's name
      longer than the headline loses).
    - the title is what a masthead's `<h1>` prints (a logo's, the site's or a section's
      name: `<h1 class="site-title">`, one inside `<header>`, or one that is a link to the
      site's front page), a part of the `<title>` too: another `<h1>` that prints another
      part (attacker trials: "The Ellery Gazette", "Business & Finance" were titles), else
      the `<title>`'s other part ("Healthy Dose of Fear « Rand's Blog": blogs print their
      name in the only `<h1>` and the post's title in an `<h2>`; dragnet train: 162 titles
      change, in the gold text on 20 pages before, on 151 after).
    Only a `<title>` with a part to cut off says which part is the headline."""
    if not title:
        return title
    whole, first, second = examine_title_element(tree)
    if not _words(title) & _words(whole):
        # a <title> of one part is the headline or the site's name: the headline where an
        # article's <h1> prints it too (a "Leave a Reply Cancel reply" heading was the title),
        # or where the title is the site's name from its <h1> (a blog's, over every post)
        headline = any(text_of(h1) == collapse(whole) and not _masthead(h1, url) for h1 in h1s)
        site = any(text_of(h1) == collapse(title) and _names_site(h1, url) for h1 in h1s)
        alone = (whole,) if headline or site else ()
        named = [part for part in ((first, second) if first or second else alone) if part and not DOMAIN.match(part)]
        # the page's address names the site: a part whose words it spells is the site's name
        # ("The Northern Valley Chronicle" on northernvalleychronicle.co.uk)
        host = urls.host(url).casefold()
        named = [part for part in named if not _spelled_in(part, host)] or named
        return max(named, key=lambda part: len(part.split()), default=title)
    whole, title = collapse(whole), collapse(title)
    parts = {collapse(part) for part in TITLE_PARTS.split(whole)}
    printed = [(h1, text_of(h1), _masthead(h1, url)) for h1 in h1s]
    # the masthead the title is, or (the title being the whole <title>) one the <title> starts or ends with
    site = next(
        (
            (h1, text)
            for h1, text, masthead in printed
            if masthead and (text == title or (title == whole and rest(whole, text)))
        ),
        None,
    )
    if site is None:
        return title
    others = [text for _, text, masthead in printed if text in parts and text != site[1] and not masthead]
    if others:
        return max(others, key=lambda text: len(text.split()))
    # No <h1> prints the headline: the <title> less the site's name, unless that is a site's
    # name too. Only for an <h1> that names itself the site's or links to its front page:
    # the article's <h1> stands inside the page's <header> on some sites (dev set).
    if not _names_site(site[0], url):
        return title
    # of what is left, the part of most words: a section's name may come between
    # ("Headline | Section | Site", "Site » Blog Archive » Headline")
    host = urls.host(url).casefold()
    # a <title> that does not print the site's name at all is the page's own title
    # ("Integrated Marketing: What Does It Really Mean?" under the blog's name)
    alone = whole if site[1].casefold() not in whole.casefold() else None
    left = [part for part in TITLE_PARTS.split(rest(whole, site[1]) or alone or "") if part]
    left = [part for part in left if not DOMAIN.match(part) and not _spelled_in(part, host)]
    return max(left, key=lambda part: len(part.split()), default=title)


def rest(whole: str, part: str) -> str | None:
    """The <title> `whole` less `part` at its start or end and the separator between them:
    "Healthy Dose of Fear « Rand's Blog" less "Rand's Blog"; None where it is not so."""
    if len(part) >= len(whole):
        return None
    # compared with dashes and quotes alike: an <h1> prints "Site – Motto", the <title> "Site - Motto"
    folded, part = whole.translate(FOLD), part.translate(FOLD)
    if folded.startswith(part) and (sep := SEPARATOR.match(whole, len(part))):
        return whole[sep.end() :] or None
    if folded.endswith(part) and (sep := SEPARATOR_BEFORE.search(whole[: len(whole) - len(part)])):
        return whole[: sep.start()] or None
    return None


FOLD = str.maketrans("–—‘’“”", "--''\"\"")  # one character for one: offsets stay


# A class or id that names the site's name or logo; a masthead's may name a section above the article too
SITE_NAME = re.compile(r"logo|brand|banner|masthead|site[-_]?(?:title|name|header)", re.I)
MASTHEAD = re.compile(SITE_NAME.pattern + "|section", re.I)


def _masthead(h1, url: str | None = None) -> bool:
    """Whether the `<h1>` is a masthead's: named so, inside the page's `<header>` (not an
    article's own header inside `<article>`), or all of it a link to the site's front page."""
    if _links_home(h1, url):
        return True
    for el in (h1, *h1.iterancestors()):
        if el.tag == "article":
            return False
        if el.tag == "header" or MASTHEAD.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return True
    return False


def _names_site(h1, url: str | None) -> bool:
    """Whether the `<h1>` itself says it prints the site's name: by its class or id (or its
    link's), or as a link to the site's front page."""
    named = [h1, *h1.findall("a")]
    return _links_home(h1, url) or any(SITE_NAME.search(f"{el.get('class', '')} {el.get('id', '')}") for el in named)


def _links_home(h1, url: str | None) -> bool:
    """Whether the `<h1>` prints one link, to the front page of the site (its root) or of the
    part of it the page is in (a path the page's address goes on from: ".../blog" on
    ".../blog/164/post"). A headline links to its own address or to none."""
    from urllib.parse import urlsplit

    links = h1.findall(".//a[@href]")
    if len(links) != 1 or text_of(links[0]) != text_of(h1):
        return False
    if links[0].get("accesskey", "").strip() == "1":  # the access key of the home page (a convention)
        return True
    try:
        href = urlsplit(links[0].get("href").strip())
        page = urlsplit(url or "")
    except ValueError:
        return False
    if href.query or href.fragment or (href.netloc and page.netloc and href.netloc != page.netloc):
        return False
    path = href.path.rstrip("/")
    if not path:
        return bool(href.netloc or href.path)  # "/" or "https://example.com": the root; "" is no link
    # a part of the site: only where the page's address shows it goes on from there
    return bool(page.path) and page.path.rstrip("/") != path and page.path.startswith(path + "/")


# What separates the parts of a <title> (trafilatura's HTMLTITLE_REGEX's, all of them, and
# doubled: "Site :: Headline")
TITLE_PARTS = re.compile(r"\s+[–•·—|⁄*⋆~‹«<›»>:-]{1,2}\s+")
# The same where a site's name is known to end or start, and a colon right after it ("Blog: Headline")
SEPARATOR = re.compile(r"\s+[–•·—|⁄*⋆~‹«<›»>:-]{1,2}\s+|:\s+")
SEPARATOR_BEFORE = re.compile(r"(?:\s+[–•·—|⁄*⋆~‹«<›»>:-]{1,2}|:)\s+$")
DOMAIN = re.compile(r"\S+\.\w{2,}$")  # "example.com": a site's name, not a headline


def _spelled_in(part: str, host: str) -> bool:
    """Whether most of the part's words (of 3 letters or more) are spelled in the host name."""
    words = _words(part)
    return bool(host and words) and sum(w in host for w in words) * 2 > len(words)


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.casefold()) if len(w) >= 3}


def headline(h1s, title: str | None):
    """The <h1> (of the page's `h1s`) that prints the page's title; the page's head may
    add the site, section or date to it ("03.03.2024 | Harbour Reopens - Example News")."""
    if not title:
        return None
    title = collapse(title)
    inside = []
    for h1 in h1s:
        text = text_of(h1)
        if text == title:
            return h1
        if len(text) >= MIN_HEADLINE and f" {text} " in f" {title} ":
            inside.append((not _masthead(h1), len(text), h1))
    # of those inside the title, not a masthead's, then the longest: a logo's or section's <h1>
    # comes first on some pages ("Harbour Reopens - Business & Finance" took "Business &
    # Finance": attacker trials)
    return max(inside, key=lambda found: found[:2])[2] if inside else None


def head(tree, extracted: str, headline) -> list[tuple[Block, bool]]:
    """The blocks of the page `tree` between the `headline` element and the start of the body
    of the `extracted` text (its first prose block: captions and subheadings may come first),
    each with whether that text holds it; none without a headline, or when the body does not
    start within MAX_SEARCH blocks under it."""
    text = INVISIBLE.sub("", collapse_lines(extracted))
    if not text or headline is None:
        return []
    # held as words: "By Jane Doe" is not in "By Jane Doe's own account" (attacker trial: the
    # byline was taken for one the text keeps, and the author stayed null)
    spaced = f" {text} "
    above: list[tuple[Block, bool]] = []
    for n, block in enumerate(blocks(tree, after=headline)):
        if n >= MAX_SEARCH:
            break
        seen = INVISIBLE.sub("", block.text)
        kept = f" {seen} " in spaced or _cut_short(seen, text)
        if kept and _is_prose(block.text):
            return above
        above.append((block, kept))
    return []


# Characters of a block, without its end, that the text must hold for it to be a copy cut short
MIN_CUT = 40


def _cut_short(block: str, text: str) -> bool:
    """Whether `block` is a paragraph of `text` cut short, with a full stop or an ellipsis
    put at the cut ("... and a long argument." over "... and a long argument between the
    council and ..."): a teaser of the first paragraph printed as the standfirst, which came
    back above the paragraph it copies (attacker trial: the lede nearly twice)."""
    cut = block.rstrip(" .…!?")
    return cut != block and len(cut) >= MIN_CUT and f"{cut} " in text


def lead(tree, extracted: str, headline) -> list[str]:
    """Blocks of the page `tree` that read as the standfirst of the `extracted` text, found
    between the `headline` element and the body."""
    return standfirst(head(tree, extracted, headline))


def standfirst(above: list[tuple[Block, bool]]) -> list[str]:
    """The blocks of a page's `head` that read as its standfirst: prose the extracted text
    left out, neither furniture nor links."""
    # a paragraph that <br>s split in one group: judged whole (its first part may end in a
    # comma), printed as the page breaks its lines
    groups: list[list[Block]] = []
    joined = False  # whether the block before was taken into `groups`
    for block, kept in above:
        if not kept and not block.furniture and block.link_chars * 3 <= len(block.text):
            if block.broken and joined:
                groups[-1].append(block)
            else:
                groups.append([block])
            joined = True
        else:
            joined = False
    leads = [group for group in groups[-REACH:] if _is_lead(" ".join(b.text for b in group))]
    return [b.text for group in leads[:MAX_LEAD] for b in group]


def byline(above: list[tuple[Block, bool]]) -> tuple[str, str | None] | None:
    """The author, and the date (with its time when printed) if the line gives one, of the
    first byline among the first BYLINE_REACH blocks of a page's `head` that the extracted
    text left out. Furniture and links count: templates name a byline's element "meta" or
    "author", and link the name. Its name must read as a person's (cleaner.heuristics.meta.person:
    no handle, no comment counter). None when the text kept a byline there: the text's own
    byline names who wrote it (a blog reposting a guest's text: "by <owner>" in the page's
    head, "by <guest>" atop the text), and the generic stage reads it."""
    found = None
    for block, kept in above[:BYLINE_REACH]:
        text = INVISIBLE.sub("", block.text)  # a soft hyphen or a bidi mark in the name hid it (attacker)
        if (line := meta.byline(text)) is None or (name := meta.person(line[0])) is None:
            continue
        if _credit_or_sentence(text, line):
            continue
        if kept:
            return None
        if found is None:
            dated = meta.when(text) if line[1] else None
            found = name, dated[0] if dated else None
    return found


# A credit for other work than the article's text: "Edited by", "Reviewed by", "Photos by"
ROLE_BY = re.compile(
    r"\b(?:edited|reviewed|checked|sponsored|photos?|photographs?|illustrations?|illustrated|translated"
    r"|produced|presented|powered|brought to you)\s+by\b",
    re.I,
)


def element_author(above: list[tuple[Block, bool]], author: str) -> str | None:
    """The `author` trafilatura read from a byline element's text as it stands (attacker
    trial: "Edited by Jane Doe" -> "Jane Doe"), checked against that element's block in the
    page's head (the first of BYLINE_REACH blocks that holds its first word): None for
    another role's credit ("Edited by", "Sponsored by", "Medically reviewed by"); the
    byline's person (cleaner.heuristics.meta.person) where that is `author` with a role, an
    outlet or a label cut off ("Jane Doe • Follow", "Jane Doe; IDG News Service" -> "Jane
    Doe"), or where `author` is one word; else `author` as trafilatura gave it."""
    first = author.split()[0].casefold() if author.split() else ""
    for block, _ in above[:BYLINE_REACH]:
        text = INVISIBLE.sub("", block.text)
        if not first or first not in text.casefold():
            continue
        if ROLE_BY.search(text):
            return None
        if len(author.split()) == 1 and _no_name(author, text):
            return None
        line = meta.byline(text)
        if line is None or _credit_or_sentence(text, line):
            break
        name = meta.person(line[0])
        if name is None:
            return author
        # what follows the name in `author` is no part of it: a role, an outlet, a label
        rest = author[len(name) :] if author.casefold().startswith(name.casefold()) else ""
        cleans = rest[:1] in (" ", ";", ",", "|", "•", "·")
        return name if cleans or len(author.split()) == 1 else author
    return author


def _no_name(word: str, text: str) -> bool:
    """Whether the one-word author as the element prints it is no person's name: a handle
    in lower case ("Posted by admin", trafilatura gives "Admin") or a word in capitals ("By
    LONDON (Reuters)": a dateline's city). "By John" is a name."""
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I)
    printed = found.group(0) if found else ""
    return printed.islower() or (len(printed) > 1 and printed.isupper())


def _credit_or_sentence(text: str, line: tuple[str, str | None]) -> bool:
    """A byline-shaped block that names no author (attacker trial): a photo credit ("By Jane
    Doe/Getty Images", in a caption or not), or a sentence that starts with "By" ("By
    Christmas Eve, it was over."): a byline without a date ends on no full stop."""
    return meta.photo_credit(text, line[0]) or (line[1] is None and text.rstrip().endswith((".", "!", "?")))


def _is_prose(text: str) -> bool:
    info = describe(0, text)
    return body.classify(info, boilerplate_label(info.text, info.words) is not None) == body.GOOD


def _is_lead(text: str) -> bool:
    return _is_prose(text) and meta.date_line(text) is None and meta.byline(text) is None and not _labelled(text)


# Words of a label before a colon ("Most read:", "Read more:", "Related:")
LABEL_WORDS = 4


def _labelled(text: str) -> bool:
    """A teaser under a label that names itself as boilerplate ("Most read: <another
    headline>"): prose after the colon, but a link to another article, not this one's lead
    (trial: such a line came back as the standfirst). The label alone is what the phrase
    lists know, so only the part before the colon is read."""
    label, colon, _ = text.partition(":")
    words = len(label.split())
    return bool(colon) and 0 < words <= LABEL_WORDS and boilerplate_label(label.strip(), words) is not None


def text_of(element) -> str:
    return collapse("".join(element.itertext()))
