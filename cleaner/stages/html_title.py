"""The page's title on the HTML path: trafilatura's, corrected where the page says otherwise.

trafilatura takes the page's title meta tag, else an <h1>-<h3> whose class says "title", else
the only <h1>, else the <title> element's headline part. Checked against the <title> element
("Harbour Reopens | Example News") and the page's headings, three things go wrong:

- a blog's name: blog themes print it in the only <h1> (a link to the front page, or classed
  logo, brand or banner) and each post's title in an <h2>, so every post was titled with the
  blog's name. The title is the <title> less that name, the part a heading prints where a
  section comes between, else the post's own heading (`entry-title`) (dragnet train: 182
  titles change, in the gold text on 23 pages before and 167 after);
- a sidebar's heading: without a title meta tag a "widget-title" ("Newsletter subscription
  status") named the article; when it shares no word with the <title>, the <title>'s headline
  part is the title;
- a masthead's <h1> (a logo's, site's or section's, so classed or inside the page's
  <header>) before the article's: the <h1> or headline heading printing another part of the
  <title> wins (attacker trials: "The Ellery Gazette", "Business & Finance").

`headline` then finds the <h1> that prints the title (`cleaner explain`: `from html:h1`).
A title meta tag (og:title) is no proof: blogs set theirs to the blog's name on every post
(dragnet train: the National Football League's blog, 16 posts), others to the whole <title>.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

from trafilatura.metadata import examine_title_element

from cleaner import urls
from cleaner.heuristics import meta
from cleaner.heuristics.language import stop_word_languages
from cleaner.heuristics.lines import WORD
from cleaner.stages.html_blocks import collapse
from cleaner.stages.html_lead import text_of
from cleaner.stages.html_second import INVISIBLE
from cleaner.stages.metadata import PERMALINK, TITLE_PARTS

MIN_HEADLINE = 12  # characters of an <h1> found inside a longer title, to take it as the headline

# ... and where the address spells the part: also a bar without spaces, as CJK titles print
# it ("桟橋が再開｜Example News"; attacker trial, stop 31)
SITE_PARTS = re.compile(rf"{TITLE_PARTS.pattern}|\s*[｜|]\s*")
# Where a site's name is known to end or start, more: a colon right after it ("Blog: Headline"),
# a slash, and the unspaced separators of CJK titles ("标题｜博客", "标题——博客", "标题_博客")
_SEP = r"\s+[–•·—|⁄*⋆~‹«<›»>:/-]{1,2}\s+|\s*(?:[｜|_]|—{1,2})\s*"
SEPARATOR = re.compile(rf"{_SEP}|:\s+")
SEPARATOR_BEFORE = re.compile(rf"(?:{_SEP}|:\s+)$")
DOMAIN = re.compile(r"\S+\.\w{2,}$")  # "example.com": a site's name, not a headline
# typography aside, one character for one (offsets stay): dashes and the minus sign, single
# and double quotes of several languages, an acute accent typed as an apostrophe
FOLD = str.maketrans("–—−‘’‚´“”„«»", '---\'\'\'\'"""""')

# A class or id that names the site's name or logo; a masthead's may name a section too
SITE_NAME = re.compile(r"logo|brand|banner|masthead|site[-_]?(?:title|name|header)", re.I)
MASTHEAD = re.compile(SITE_NAME.pattern + "|section", re.I)
# A class or id token that says "the article's headline" ("entry-title", "hero-banner__title",
# "headline--brand-news"); "title" alone does not (Blogger's blog name is an <h1 class="title">)
HEADLINE_TOKEN = re.compile(r"headline|(?:entry|post|article|story|page|hero|single)[\w-]*title", re.I)
# A post's own heading on a blog page (WordPress and most themes)
ENTRY = re.compile(r"entry[-_]?title|post[-_]?title|article[-_]?title|story[-_]?title|headline", re.I)


def page_title(tree, title: str | None, h1s=(), url: str | None = None) -> str | None:
    """The page's `title` (trafilatura's metadata), or what the module's cases make it."""
    if not title:
        return title
    whole, first, second = examine_title_element(tree)
    whole = trim(INVISIBLE.sub("", whole or ""))
    found = _corrected(tree, title, whole, first, second, h1s, url)
    found = _before_byline(found) or found
    found = (
        _slug_part(found, whole, url) or _cjk_headline(found) or _past_label(found) or _past_sections(found) or found
    )
    return _unglued(found, h1s, whole)


def _corrected(tree, title: str, whole: str, first, second, h1s, url: str | None) -> str:
    # on the site's front page its name is the page's title
    front = front_page(url)
    site = None if front else next((h1 for h1 in h1s if _prints_site(h1, title, whole, url)), None)
    if site is not None:
        return _post_title(tree, whole, text_of(site), url) or title
    if front and fold(collapse(title)) in HOME:
        # "Home | Site": the front page's title is the site's name (attacker trial, stop 31)
        names = [p for p in TITLE_PARTS.split(whole) if p and fold(p) not in HOME]
        return max(names, key=word_count, default=title)
    host = urls.host(url).casefold()
    if not front and _spelled_in(title, host):
        # the title meta tags or structured data give the site's name (the address spells
        # it): the post's title is in the <title>'s rest (attacker trial, round 2), or where
        # the <title> has nothing else, the page's one article <h1> (attacker trial, stop 31)
        if rest(whole, title)[0]:
            return _post_title(tree, whole, title, url) or title
        if (article := _one_article_h1(h1s, url)) is not None:
            return heading_text(article) or title
    if not front and (named := _site_part(title, host)):
        # ... or the whole of "Headline | Section | Site", the site's part at an end
        return _less_site(tree, collapse(title), named) or title
    if not _content_words(title) & _content_words(whole):
        return _widget_title(tree, title, whole, first, second, h1s, url)
    return _past_masthead(tree, title, whole, h1s, url)


def _prints_site(h1, title: str, whole: str, url: str | None) -> bool:
    """Whether `h1` names the site and the title is its text (or the whole <title>, which it
    starts or ends)."""
    text = text_of(h1)
    if not text or not _names_site(h1, url):
        return False
    return text == collapse(title) or (trim(title) == whole and rest(whole, text)[0] is not None)


def _post_title(tree, whole: str, site: str, url: str | None) -> str | None:
    """The post's title on a page whose site's name the title was: the <title> less the name
    (all of it where it does not print the name), the part of it a heading prints, else the
    post's own heading, else the part of most words; None when nothing is left."""
    left, sep = rest(whole, site)
    if left is None and (named := _naming_part(whole, site)):
        left, sep = rest(whole, named)
    if left is None:
        left = _joined(whole, site)
    if left is None and whole and fold(site) not in fold(whole):
        left = whole
    host = urls.host(url).casefold()
    # split where the <title> separates the site's name: "Headline | Section | Site" has a
    # section to cut, "Nest Notes | Before and After - Our Kitchen" a headline with a dash
    parts = [left, *(left.split(f" {sep} ") if sep else TITLE_PARTS.split(left))] if left else []
    parts = [p for p in parts if p and fold(p) != fold(site) and not DOMAIN.match(p) and not _spelled_in(p, host)]
    # the longest printed: the whole of "Dune – Part Two is a triumph" rather than "Dune"
    return _printed(tree, parts) or _own_heading(tree) or max(parts[1:] or parts, key=word_count, default=None)


# What a site's name gains in its <title>: "Studio Notes" -> "The Studio Notes Blog"
NAME_EXTRAS = frozenset({"the", "blog", "weblog", "official", "online", "news", "magazine", "website", "site"})


def _naming_part(whole: str, site: str) -> str | None:
    """The part at the <title>'s end or start that is the site's name with words of
    NAME_EXTRAS added ("Post | Studio Notes Blog", "The Studio Notes Blog: Post" where the
    blog's <h1> prints "Studio Notes": attacker trial, stop 30); None otherwise. Another
    word added makes a headline ("Studio Notes Turns Ten")."""
    parts = [p.strip() for p in SEPARATOR.split(whole)]
    if len(parts) < 2:
        return None
    name = fold(site).removeprefix("the ")  # "The Crumb Diaries" in "The Official Crumb Diaries Blog"
    for part in (parts[-1], parts[0]):
        folded = fold(part)
        # "Kevin's Blog" for "Kevin": the name's possessive goes with it
        if name in folded and set(folded.replace(f"{name}'s", " ").replace(name, " ").split()) <= NAME_EXTRAS:
            return part
    return None


def _printed(tree, texts: list[str]) -> str | None:
    """The text of most words among `texts` that a heading of the page prints, if any."""
    headings = {fold(text_of(h)) for h in tree.iter("h1", "h2", "h3")}
    return max((t for t in texts if fold(t) in headings), key=word_count, default=None)


def _own_heading(tree) -> str | None:
    """The post's own heading: the one on the page (a listing, a related-posts box or
    comments print several, or another post's: attacker trials), outside such furniture."""
    entries = [h for h in tree.iter("h1", "h2", "h3") if _entry(h)]
    if len(entries) == 1 and not in_furniture(entries[0]):
        return text_of(entries[0]) or None
    return None


def word_count(text: str) -> int:
    return len(text.split())


def _widget_title(tree, title: str, whole: str, first, second, h1s, url: str | None) -> str:
    """The title shares no word with the <title>: its headline part, the one of more words
    that is no domain name (dragnet train, 61 titles: in the gold text on 50 pages after, 1
    before; "TED Blog | <headline>"), less a part the page's address spells. A <title> of
    one part is the headline or the site's name: the headline where an article's <h1> prints
    it too (a "Leave a Reply Cancel reply" heading was the title)."""
    article = _one_article_h1(h1s, url)
    if article is not None and text_of(article) == collapse(title) and meta.date_line(collapse(title)) is None:
        # the page's one article <h1> prints it: no sidebar's heading (attacker: "Opinion |
        # Site", "Section | Site"); several are a teaser list ("aidanews2_title", train), a
        # date is a blog's date header
        return title
    alone = (whole,) if any(text_of(h1) == whole and not masthead(h1, url) for h1 in h1s) else ()
    named = [part for part in ((first, second) if first or second else alone) if part and not DOMAIN.match(part)]
    host = urls.host(url).casefold()
    named = [part for part in named if not _spelled_in(part, host)] or named
    if not named and (own := _own_heading(tree)) and fold(own) in fold(whole):
        # the post's own heading printing a part of the <title>, which trafilatura did not
        # split ("Letters of Note: For your first Christmas", the title a sidebar's "About")
        return own
    return max(named, key=word_count, default=title)


def _past_masthead(tree, title: str, whole: str, h1s, url: str | None) -> str:
    """A masthead's <h1> that prints the title and a part of the <title>: the article's <h1>
    or headline heading printing another part wins, whatever the lengths."""
    parts = {collapse(part) for part in TITLE_PARTS.split(whole)}
    title = collapse(title)
    if title not in parts or not any(text_of(h1) == title and masthead(h1, url) for h1 in h1s):
        return title
    heads = [h1 for h1 in h1s if not masthead(h1, url)]
    heads += [h for h in tree.iter("h2", "h3") if _says_headline(h)]
    others = [text for h in heads if (text := text_of(h)) in parts and text != title]
    return max(others, key=word_count, default=title)


def rest(whole: str, part: str) -> tuple[str | None, str]:
    """The <title> `whole` less `part` at its start or end and the separator between them
    ("Healthy Dose of Fear « Rand's Blog" less "Rand's Blog"), or what comes before `part`
    between separators ("Post | Blog - Motto"), with that separator stripped ("«"); (None, "")
    where it is not so."""
    if not part or len(part) >= len(whole):
        return None, ""
    # compared with dashes, quotes and (where that keeps the lengths) case alike
    folded, part = fold(whole), fold(part)
    if folded.startswith(part) and (sep := SEPARATOR.match(whole, len(part))):
        return whole[sep.end() :].strip() or None, sep.group().strip()
    if folded.endswith(part) and (sep := SEPARATOR_BEFORE.search(whole[: len(whole) - len(part)])):
        return whole[: sep.start()].strip() or None, sep.group().strip()
    at = folded.find(part, 1)
    while at > 0:
        before = SEPARATOR_BEFORE.search(whole[:at])
        if before and SEPARATOR.match(whole, at + len(part)):
            return whole[: before.start()].strip() or None, before.group().strip()
        at = folded.find(part, at + 1)
    return None, ""


def _joined(whole: str, site: str) -> str | None:
    """The <title> less the site's name at its end or start where no separator of the usual
    kind sets it apart but a word, a comma or a symbol joins them: "Post at Site", "Post,
    Site", "Post-Site", "Post 🚀 Site" (attacker trial); None where nothing joins them
    ("Kiln Notes" is a name, not "Kiln" on a site "Notes") or nothing is left."""
    folded, name = fold(whole), fold(site)
    if not name or len(folded) != len(whole) or len(name) != len(site) or len(name) >= len(whole):
        return None
    if folded.endswith(name) and (m := JOINER_BEFORE.search(whole, 0, len(whole) - len(site))):
        left = whole[: m.start()]
    elif folded.startswith(name) and (m := JOINER_AFTER.match(whole, len(site))):
        left = whole[m.end() :]
    else:
        return None
    return left.strip() or None


# What joins a <title>'s post and site name where no separator does: a word ("at", "on",
# "by"), a comma, or symbols (a dash without spaces, an emoji); never a plain space alone, and
# never the headline's own closing "?", "!", "." or quote
JOINER = r"(?:\s*(?:,|@|[^\w\s?!.)\]\"'’”]+)\s*|\s+(?:at|on|by|from|via)\s+)"
JOINER_BEFORE = re.compile(JOINER + "$")
JOINER_AFTER = re.compile(JOINER)


def _less_site(tree, title: str, site: str) -> str | None:
    """`title` less the site's name at its end or start: of what is left, the longest run of
    its parts a heading prints ("Headline | Section": the headline), else the post's own
    heading, else all of it (the parts may be the headline's own: "Review - SXSW, Star")."""
    left = rest(title, site)[0]
    if left is None:
        return None
    return _printed(tree, title_runs(left)) or _own_heading(tree) or left


def title_runs(title: str) -> list[str]:
    """Every run of the title's consecutive parts (TITLE_PARTS separate them), the whole too."""
    parts = TITLE_PARTS.split(title)
    seps = TITLE_PARTS.findall(title)
    return [
        "".join(p + s for p, s in zip(parts[i:j], [*seps[i : j - 1], ""], strict=True))
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
    ]


def _before_byline(title: str) -> str | None:
    """A title of parts up to a part that is a byline ("<headline> | by Jane Doe | Publication",
    Medium's: attacker trial, stop 32): what follows a byline is the publication's and the
    site's names. None where no part after the first reads as a byline."""
    title = collapse(title)
    for sep in TITLE_PARTS.finditer(title):
        after = TITLE_PARTS.split(title[sep.end() :], maxsplit=1)[0]
        if (found := meta.byline(after)) and meta.person(found[0]):
            return title[: sep.start()].strip() or None
    return None


MIN_LABELLED_WORDS = 4  # a headline after (or before) a one-word section label


def _past_label(title: str) -> str | None:
    """The headline of a title of two parts, one of them a section's one-word label
    ("Opinion | <headline>", "<headline> | Politics") or a tag in lower case before it:
    trafilatura leaves such a <title> whole where no heading prints the headline (attacker
    trial, stop 32). None otherwise."""
    title = collapse(title)
    parts, seps = TITLE_PARTS.split(title), TITLE_PARTS.findall(title)
    if len(parts) != 2:
        return None
    # a tag in lower case before the question ("java - Why is ...", Stack Overflow's)
    if len(parts[0].split()) == 1 and parts[0].islower() and word_count(parts[1]) >= MIN_LABELLED_WORDS:
        return parts[1]
    # otherwise at a bar only: at a dash the one word is as often the headline's own
    # ("Melaka – Why It's Worth A Visit", "'Quote' - Speaker": dragnet train)
    label, headline = sorted(parts, key=word_count)
    if seps[0].strip() != "|" or len(label.split()) != 1 or not label[:1].isupper():
        return None
    return headline if word_count(headline) >= MIN_LABELLED_WORDS else None


MAX_SECTION_WORDS = 2


def _past_sections(title: str) -> str | None:
    """The headline before two or more sections' short names ("<headline> : Shots - Health
    News", NPR's once the site's name is cut: attacker trial, stop 32): the first part, of
    MIN_LABELLED_WORDS words or more, where every part after it has at most
    MAX_SECTION_WORDS. Not one section alone: "'<quote>' - Speaker" (dragnet train)."""
    parts = TITLE_PARTS.split(collapse(title))
    if len(parts) < 3 or word_count(parts[0]) < MIN_LABELLED_WORDS:
        return None
    return parts[0] if all(word_count(p) <= MAX_SECTION_WORDS for p in parts[1:]) else None


# Two labels glued where one element ends and the next begins: "Bahnstreik|GDL", "Exclusive|Council"
GLUED = re.compile(r"[^\W_][\W_]*$")


def _unglued(title: str, h1s, whole: str) -> str:
    """The title as the <title> spells it where the title is an <h1>'s text that glued a
    kicker or label in an element of its own to the headline, no space between them in the
    page ("<span>Exclusive</span>Council members ..." gave "ExclusiveCouncil members ...":
    attacker trial, stop 32) and the <title>, whole or a part of it, prints the same words
    apart ("Bahnstreik: GDL kündigt ...")."""
    for h1 in h1s:
        if text_of(h1) != title:
            continue
        pieces = [t for t in h1.itertext() if t]
        spaced = pieces[:1]
        for piece in pieces[1:]:
            glued = GLUED.search(spaced[-1]) and piece[:1].isupper()
            spaced.append((" " if glued else "") + piece)
        unglued = collapse("".join(spaced))
        if unglued == title:
            return title
        words = WORD.findall(unglued.casefold())
        same = [p for p in (whole, *TITLE_PARTS.split(whole)) if WORD.findall(p.casefold()) == words]
        # only where the <title> prints them apart: a logo's spans may spell one name
        # ("BreakfastandBrunch.Com", "News-Medical.Net": cleaneval train)
        return collapse(same[-1]) if same else title
    return title


# What CJK titles part the headline from site and section names with, spaced or not
# ("headline丨Site", "headline_Section_Site"), and a column's or site's name in brackets at
# either end ("【Column】headline", "headline【Site】")
CJK_PARTS = re.compile(r"\s*[丨｜|_]\s*")
CJK_BRACKETS = re.compile(r"^\s*【[^】]{1,12}】|【[^】]{1,12}】\s*$")
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
LATIN_WORD = re.compile(r"[^\W\d_]+|\d+", re.ASCII)
CJK_SHARE = 1.5  # the headline weighs this many times each other part, or more


def _cjk_headline(title: str) -> str | None:
    """The headline part of a CJK title of parts, the site's and sections' names cut off:
    the address cannot spell a CJK site name (attacker trial, stop 32: "…丨央视新闻",
    "…_新闻频道_央视网(cctv.com)", "【速报】…｜日刊スポーツ"). The part that weighs (CJK
    characters and Latin words) CJK_SHARE times as much as each other part, when it is
    written in CJK; None otherwise."""
    bare = CJK_BRACKETS.sub("", title)
    parts = [p.strip() for p in CJK_PARTS.split(bare) if p.strip()]
    if not parts or (len(parts) < 2 and bare == title):
        return None
    weights = [len(CJK_CHAR.findall(p)) + len(LATIN_WORD.findall(p)) for p in parts]
    top = max(range(len(parts)), key=weights.__getitem__)
    others = [w for n, w in enumerate(weights) if n != top]
    if not CJK_CHAR.search(parts[top]) or any(weights[top] < CJK_SHARE * w for w in others):
        return None
    return parts[top]


# The words of an address's last segment: "why-the-pier-matters.html", "pier_reopens"
SLUG_WORD = re.compile(r"[^\W\d_]+")
SLUG_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cfm)$", re.I)
MIN_SLUG_WORDS = 3
SLUG_SHARE = 0.75  # of a part's words (3 letters or more) the slug spells


def _slug_part(title: str, whole: str, url: str | None) -> str | None:
    """The one part of the <title> that the address's last segment spells, where the title
    is another part of that <title> that it does not spell (trafilatura takes "Opinion" of
    "Opinion | Why the pier matters": attacker trial, stop 31). None otherwise."""
    slug, parts, spelled = spelled_parts(whole, url)
    title = collapse(title)
    if len(slug) < MIN_SLUG_WORDS or len(parts) < 2 or len(spelled) != 1:
        return None
    # never a run of parts: a headline's own dashes part it too ("Dog sees off burglar –
    # police appeal"), and a slug often spells only one of its parts
    if title not in parts or slug_spells(slug, title):
        return None
    return spelled[0]


def spelled_parts(whole: str, url: str | None) -> tuple[set[str], list[str], list[str]]:
    """The address's slug words, the <title>'s parts, and the parts the slug spells."""
    slug, parts = slug_words(url), TITLE_PARTS.split(collapse(whole))
    return slug, parts, [part for part in parts if slug_spells(slug, part)]


def slug_words(url: str | None) -> set[str]:
    path = urls.path(url).rstrip("/")  # "" for a page's own broken link ("http://[x/...")
    last = SLUG_EXTENSION.sub("", path.rpartition("/")[2])
    return {w for w in SLUG_WORD.findall(last.casefold()) if len(w) >= 3}


def slug_spells(slug: set[str], part: str) -> bool:
    words = _words(part)
    return len(words) >= 2 and sum(w in slug for w in words) >= SLUG_SHARE * len(words)


def _site_part(title: str, host: str) -> str | None:
    """The part at the start or end of a title of parts that the address spells (the site's
    name), when another part is left; None otherwise."""
    parts = SITE_PARTS.split(collapse(title))
    if len(parts) < 2:
        return None
    # not where every part is the site's name (not "the title's words mostly spelled": a CJK
    # headline is one "word" beside the site's two)
    if all(_spelled_in(part, host) for part in parts):
        return None
    return next((p for p in (parts[-1], parts[0]) if _spelled_in(p, host)), None)


def heading_text(heading) -> str:
    """The heading's text without the permalink mark a documentation page adds to it."""
    text = text_of(heading)
    for link in heading.iter("a"):
        mark = text_of(link)
        if mark in PERMALINK and (link.get("href") or "").startswith("#"):
            # after the heading's text, or else before it: one mark, not one of the text's own
            text = (text.removesuffix(mark) if text.endswith(mark) else text.removeprefix(mark)).strip()
    return text


# A front page's own name for itself, not the site's: "Home | Northfold Outfitters"
HOME = frozenset(["home", "homepage", "home page", "start", "startseite", "accueil", "inicio", "início", "welcome"])


def front_page(url: str | None) -> bool:
    """Whether the address is a site's front page: no path, no query but tracking parameters
    ("?p=412" is a WordPress post). Not "/index.html" or "/default.aspx": pages give their
    front page's address as their own (dragnet train: a canonical link to "/default.aspx" on
    an article, whose title then stayed the site's name)."""
    try:
        page = urlsplit(url or "")
    except ValueError:
        return False
    return bool(url) and page.path.strip("/") == "" and _tracking_only(page.query)


def _tracking_only(query: str) -> bool:
    """Whether a query holds tracking parameters alone ("utm_source=...", "ref=logo") or none."""
    return all(key.casefold().startswith(TRACKING) for key, _ in parse_qsl(query, keep_blank_values=True))


INDEX = re.compile(r"index\.\w{2,5}|default\.aspx?")
HOME_PATH = re.compile(r"home(?:\.\w{2,5})?")  # at the root only: "/blog/home" is a part's
TRACKING = ("utm_", "ref", "fbclid", "gclid", "mc_", "source")
FURNITURE = re.compile(r"comment|related|sidebar|widget|footer|recent|popular|featured|slider", re.I)


def _one_article_h1(h1s, url: str | None):
    """The page's one `<h1>` besides a masthead's and furniture's, when it says it is the
    article's (classed as the headline, or inside `<article>` or `<main>`: an unmarked `<h1>`
    printing a site's name is common, "KHN: Kaiser Health News", train); else None."""
    others = [h1 for h1 in h1s if not masthead(h1, url) and not in_furniture(h1)]
    return others[0] if len(others) == 1 and _article_h1(others[0]) else None


def _article_h1(h1) -> bool:
    return _says_headline(h1) or any(el.tag in ("article", "main") for el in h1.iterancestors())


def in_furniture(el) -> bool:
    """Whether the element stands in a comments, related-posts, sidebar or slider box."""
    return any(
        e.tag in ("aside", "footer", "nav") or (FURNITURE.search(_names(e)) and not _blogger_posts(e))
        for e in (el, *el.iterancestors())
    )


def _blogger_posts(el) -> bool:
    """Blogger's widget of the blog's posts ("widget Blog", id "Blog1"): the main column, no
    sidebar box (its post's "post-title entry-title" heading was furniture: corpus train)."""
    classes = el.get("class", "").split()
    return "Blog" in classes and "widget" in classes


def trim(text: str) -> str:
    """Collapsed, without separators at its ends (a <title> of " - Site - Headline")."""
    return collapse(text).strip(EDGES).strip()


EDGES = " –•·—|⁄*⋆~‹«<›»>:-｜_"


def fold(text: str) -> str:
    text = text.translate(FOLD)
    low = text.lower()
    return low if len(low) == len(text) else text


def _names(el) -> str:
    """The element's class and id, what names it in the page's markup."""
    return f"{el.get('class', '')} {el.get('id', '')}"


def _tokens(el) -> list[str]:
    return _names(el).split()


def _says_headline(el) -> bool:
    """Whether the element's (or its link's) class or id names it the article's headline."""
    for e in (el, *el.findall("a")):
        for token in _tokens(e):
            if HEADLINE_TOKEN.search(token):
                return True
    return False


def _entry(heading) -> bool:
    """A post's own heading: classed so, or a link to the post's permanent address."""
    return any(ENTRY.search(t) for t in _tokens(heading)) or heading.find(".//a[@rel='bookmark']") is not None


def masthead(h1, url: str | None = None) -> bool:
    """Whether the `<h1>` is a masthead's: named so, inside the page's `<header>` (not an
    article's own header inside `<article>`), or all of it a link to the site's front page;
    never one classed as the headline."""
    if _says_headline(h1):
        return False
    if _links_home(h1, url):
        return True
    for el in (h1, *h1.iterancestors()):
        if el.tag == "article":
            return False
        if el.tag == "header" or MASTHEAD.search(_names(el)):
            return True
    return False


def _names_site(h1, url: str | None) -> bool:
    """Whether the `<h1>` itself says it prints the site's name: by its class or id (or its
    link's), or as a link to the site's front page; never one classed as the headline (an
    id made from a post about a logo, "post-logo-redesign", is no site's name)."""
    if _says_headline(h1):
        return False
    return _links_home(h1, url) or any(SITE_NAME.search(_names(el)) for el in (h1, *h1.findall("a")))


def _links_home(h1, url: str | None) -> bool:
    """Whether the `<h1>` prints one link, to the front page of the site (its root, or by the
    home access key) or of the part of it the page is in (a path the page's address goes on
    from: ".../blog" on ".../blog/164/post"). A headline links to its own address or to
    none; on the front page itself a link to it is no sign."""
    links = h1.findall(".//a[@href]")
    if len(links) != 1 or text_of(links[0]) != text_of(h1):
        return False
    raw = (links[0].get("href") or "").strip()
    if not raw or raw.startswith(("#", "javascript:", "mailto:")):
        return False
    if front_page(url):
        return False  # the page is the front page
    # the home page's access key, or rel="home" (conventions that say it outright)
    if links[0].get("accesskey", "").strip() == "1" or "home" in links[0].get("rel", "").casefold().split():
        return True
    # relative links read against the page's <base> and address ("./", "../../", "index.html")
    base = next((b.get("href") for b in h1.getroottree().iter("base") if b.get("href")), "")
    try:
        href = urlsplit(urljoin(urljoin(url or "", base.strip()), raw))
        page = urlsplit(url or "")
        hosts = (href.hostname or "", page.hostname or "")  # lower case, no port or user
    except ValueError:
        return False
    if not _tracking_only(href.query):
        return False
    if all(hosts) and hosts[0].removeprefix("www.") != hosts[1].removeprefix("www."):
        return False
    path = href.path.strip("/")
    if INDEX.fullmatch(path.rpartition("/")[2].casefold()):  # "/index.html" is "/"
        path = path.rpartition("/")[0]
    if HOME_PATH.fullmatch(path.casefold()):  # "/home/", "/home.html": the root by another name
        path = ""
    if not path:
        return bool(href.netloc or href.path)  # "/" or "https://example.com": the root; "" is no link
    # a part of the site: only where the page's address shows it goes on from there, and
    # not to an item of it: a path ending in an id ("/questions/1234") or the page less a
    # trailing number (an answer's, a post's in a thread, a page 2: attacker trial, stop 31)
    here = page.path.strip("/")
    if not (here and here != path and here.startswith(path + "/")):
        return False
    return not (path.rpartition("/")[2].isdigit() or here[len(path) + 1 :].isdigit())


def _spelled_in(part: str, host: str) -> bool:
    """Whether most of the part's words (of 3 letters or more) are spelled in the host name,
    or a label of the host abbreviates the part ("The New York Times" on nytimes.com)."""
    words = _words(part)
    if not (host and words):
        return False
    return sum(w in host for w in words) * 2 > len(words) or _abbreviates(host, part)


# Words a site's name abbreviated in its address leaves out ("The Wall Street Journal": wsj)
UNSPELLED = frozenset({"the", "of", "and", "&"})
MAX_ABBREVIATED_WORDS = 6
ABBREVIATED_WORD = re.compile(r"[^\W_]+|&")
# Labels of an address that name no site: a headline's initials may spell them ("Chinese
# Officials Meet": com). Two letters are too few to tell ("Fresh Tomatoes": ft).
GENERIC_LABELS = frozenset({"www", "com", "org", "net", "gov", "edu"})


def _abbreviates(host: str, part: str) -> bool:
    """Whether a label of the host is the part's words in order, each spelled whole or by its
    first letter, at least one by its letter ("New York Times": nytimes, "Los Angeles Times":
    latimes, "Wall Street Journal": wsj); "the", "of", "and" may go unspelled. Every other
    word is spelled: a headline that starts with the site's name is no abbreviation of it."""
    words = ABBREVIATED_WORD.findall(part.casefold())
    if not 2 <= len(words) <= MAX_ABBREVIATED_WORDS:
        return False

    def spells(label: str, at: int, n: int, initials: bool) -> bool:
        if n == len(words):
            return at == len(label) and initials
        word = words[n]
        return (
            (word in UNSPELLED and spells(label, at, n + 1, initials))
            or (label.startswith(word, at) and spells(label, at + len(word), n + 1, initials))
            or (label.startswith(word[0], at) and spells(label, at + 1, n + 1, True))
        )

    labels = host.split(".")[:-1]  # not the top-level domain
    return any(spells(label, 0, 0, False) for label in labels if len(label) >= 3 and label not in GENERIC_LABELS)


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.casefold()) if len(w) >= 3}


def _content_words(text: str) -> set[str]:
    """_words less the stop words of any language: a sidebar's "Join the Newsletter" shares
    only "the" with "The Fall of the Sea Wall" (attacker trial, round 2)."""
    return {w for w in _words(text) if w not in stop_word_languages()}


def headline(h1s, title: str | None, url: str | None = None):
    """The <h1> (of the page's `h1s`) that prints the page's title; the page's head may
    add the site, section or date to it ("03.03.2024 | Harbour Reopens - Example News")."""
    if not title:
        return None
    # typography aside: a <title> often gives straight quotes and hyphens where the <h1>
    # prints curly ones and dashes ("Let's Make Soup" over "Let’s Make Soup"; corpus train)
    title = collapse(title).translate(FOLD)
    inside = []
    for h1 in h1s:
        text = text_of(h1).translate(FOLD)
        if text == title:
            return h1
        # a blog's name is no headline inside a longer title ("The Crumb Diaries Turns Ten")
        if len(text) >= MIN_HEADLINE and f" {text} " in f" {title} " and not _names_site(h1, url):
            inside.append((not masthead(h1, url), len(text), h1))
    # of those inside the title, not a masthead's, then the longest: a logo's or section's <h1>
    # comes first on some pages ("Harbour Reopens - Business & Finance" took "Business &
    # Finance": attacker trials)
    return max(inside, key=lambda found: found[:2])[2] if inside else None


def printed_heading(tree, title: str | None):
    """The heading (<h1> to <h3>) that prints the title, outside comment, related-post and
    sidebar boxes: where the standfirst and byline sit under when no <h1> prints it (a blog's
    <h1> is its name, the post's title an <h2>)."""
    if not title:
        return None
    title = collapse(title).translate(FOLD)
    return next(
        (h for h in tree.iter("h1", "h2", "h3") if text_of(h).translate(FOLD) == title and not in_furniture(h)),
        None,
    )
