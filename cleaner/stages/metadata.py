"""Metadata the profiles did not give (the headline as title, taken out of the body), and
every field tidied like the text.

Taking the headline (and the later lines that repeat the title) is generic cleaning that
moves text into metadata rather than losing it: it happens under a site profile's
`generic = "full"` and `"metadata"`, not under `"off"`. Tidying always happens."""

from __future__ import annotations

import dataclasses
from typing import Any

import regex

from cleaner.document import INT_FIELDS, LIST_FIELDS, META_FIELDS, Context, Document, Metadata, removals_at
from cleaner.heuristics.about import about
from cleaner.heuristics.top import not_a_headline, reads_as_title, row_text
from cleaner.stages.metadata_lines import dateline_date, kicker
from cleaner.stages.normalise import collapse_spaces
from cleaner.stages.unicode import fix_lines

TEXT_FIELDS = [f for f in META_FIELDS if f not in LIST_FIELDS and f not in INT_FIELDS]


def _headline(doc: Document) -> int | None:
    """Position of the first line if it reads as a headline and the body goes on after it."""
    content = [i for i, line in enumerate(doc.lines) if line.text]
    if len(content) < 2:
        return None
    return content[0] if reads_as_title(doc.lines[content[0]].text) else None


# The rule under a table's header row as the HTML path prints it: "|---|---|"
ROW_RULE = regex.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")


def _line_title(text: str) -> str:
    """The title a headline line gives: of a table row, its one cell without the row's bars."""
    return row_text(text) or text


def _headline_above_byline(doc: Document) -> int | None:
    """Position of the first kept line if it reads as a headline about the article and the
    page's next line is a byline or date line a stage took as metadata."""
    at = _headline(doc)
    if at is None or not about(doc.lines[at].text, [line.text for line in doc.lines[at + 1 :]]):
        return None
    no = doc.lines[at].no
    after = _next_line(doc, no)
    return at if after in _taken_as_metadata(doc) else None


NOT_HEADLINES = 3  # such lines at the top: a date, the previous post's link, the next one's


def _over_its_byline(doc: Document, at: int) -> bool:
    """Whether the line at `at`, of HEADLINE_WORDS words or more, stands right above a byline or
    date line a stage took as metadata: the headline, whatever words the article uses ("Markets
    Rally as Inflation Cools" / "By Adam Ruiz" over a story of prices and rates went as no
    title, and out of the text: second attacker trial of stop 60)."""
    line = doc.lines[at]
    return len(line.text.split()) >= HEADLINE_WORDS and _next_line(doc, line.no) in _taken_as_metadata(doc)


LABEL_WORDS = 4
HEADLINE_WORDS = 4  # shorter, the line under a label is as likely the publication's name


def _label_above_headline(doc: Document) -> int | None:
    """Position of the first kept line when it is a short label (LABEL_WORDS words at most, no
    sentence) that reads as no headline, and the line under it does (HEADLINE_WORDS words or
    more), about the article, with a byline a stage took as metadata right below (new-user
    trial of stop 41: a short scrape's masthead above the headline, and the title was null)."""
    content = [i for i, line in enumerate(doc.lines) if line.text.strip()]
    if len(content) < 3:
        return None
    first, second = (doc.lines[i].text.strip() for i in content[:2])
    if len(first.split()) > LABEL_WORDS or first.endswith((".", "!", "?", ":")) or reads_as_title(first):
        return None
    if len(second.split()) < HEADLINE_WORDS or not reads_as_title(second):
        return None
    body = [doc.lines[i].text for i in content[2:]]
    # the first line is the article's subject, not a masthead: an obituary's or a profile's
    # name over its subheading (second attacker trial of stop 41)
    if not about(second, body) or about(first, body):
        return None
    no = doc.lines[content[1]].no
    after = _next_line(doc, no)
    # a byline, not a date line: "Jane Doe / The Daily Example / Jan. 9, 2005" is no headline
    bylines = [r for r in doc.removals if r.kind == "meta_field" or r.rule == "heuristic:byline"]
    return content[0] if any(r.lines[0] <= (after or -1) <= r.lines[1] for r in bylines) else None


def _taken_as_metadata(doc: Document) -> set[int]:
    """Line numbers of the bylines and date lines a stage took as metadata."""
    taken = [r for r in doc.removals if r.kind == "meta_field" or r.rule in BYLINE_RULES]
    return {no for r in taken for no in range(r.lines[0], r.lines[1] + 1)}


BYLINE_RULES = ("heuristic:byline", "heuristic:date")


SITE_SUFFIX = regex.compile(r"^(?P<head>.+?)\s+[|–—-]\s+(?P<site>[^|–—-]{2,40})$")


def _headline_with_site_name(doc: Document) -> str | None:
    """The headline of a line "<headline> | Site" right above the byline or date line a stage
    took, when the site's name is printed elsewhere on the page too ("More from Site",
    "© Site"): the heuristics take such a line for a menu and remove it."""
    lines = _all_lines(doc)
    marks = _taken_as_metadata(doc)
    for k, (no, _) in enumerate(lines):
        if no in marks:
            above = next((text for _, text in reversed(lines[:k]) if text.strip()), None)
            m = SITE_SUFFIX.match(above) if above else None
            if m is None or len(m["head"].split()) < 3 or not reads_as_title(m["head"]):
                return None
            site = m["site"].casefold()
            others = (text.casefold() for _, text in lines if text != above)
            return m["head"] if any(site in text for text in others) else None
    return None


def _next_line(doc: Document, no: int) -> int | None:
    """The number of the page's next non-blank line after line `no`, kept or removed."""
    return next((n for n, text in _all_lines(doc) if n > no and text.strip()), None)


def _all_lines(doc: Document) -> list[tuple[int, str]]:
    """The page's lines, kept and removed, as (line number, text) in page order."""
    lines = [(line.no, line.text) for line in doc.lines]
    for removal in doc.removals:
        first, last = removal.lines
        lines += zip(range(first, last + 1), removal.text.split("\n"), strict=False)
    return sorted(lines)


def _named_headline(doc: Document) -> str | None:
    """The headline the page's <title> names: a scrape that starts with the <title> (as
    html-text and many scrapers write it) has the headline as a line of its own further
    down, the <title> being it alone or with the site's name ("<headline> | Site"). That
    line, kept or not, is the title; the lines repeating it go as title repeats."""
    lines = _all_lines(doc)
    top_no, top = min(((no, text) for no, text in lines if text.strip()), default=(None, ""))
    # cheap first: the <title> holds the line
    held = sorted((no, text) for no, text in lines if no != top_no and text and text in top)
    named = [
        text
        for _, text in held
        if ((text == top and len(text.split()) >= MIN_BARE_WORDS) or _titled(top, text)) and reads_as_title(text)
    ]
    # "<headline> - Blog Name" names both when the page prints the blog's name as a line too:
    # the headline is the longer
    return max(named, key=lambda text: len(text.split()), default=None)


MIN_BARE_WORDS = 4  # a <title> of three words or fewer that a line repeats is as often the site's name

# The titles a text scrape's own lines gave (the title model's pick, the first line)
LINE_TITLES = frozenset({"model:title", "metadata:title"})
# What separates the parts of a <title> (trafilatura's HTMLTITLE_REGEX's, all of them, and
# doubled: "Site :: Headline"): a mark with a space each side ("Post - Blog", "Post | Section |
# Site", "Post : Site"); a colon right after a word starts a subtitle ("Think Like a Doctor: ...")
TITLE_PARTS = regex.compile(r"\s+[–•·—|⁄*⋆~‹«<›»>:-]{1,2}\s+")
TOKEN = regex.compile(r"\w+")


def _printed_part(doc: Document, title: str) -> str | None:
    """The part of a title of parts ("<headline> - Blog", "<headline> | Section | Site") that
    the page prints as a line of its own, when the title is the line a scrape wrote the
    <title> as: the headline, the rest being the site's name and sections. Of several, the
    one of most words, and of more words than the rest."""
    parts = []
    for _, line in _all_lines(doc):
        part = line.strip()
        # cheap first: only a line the title starts or ends with is read as a title
        rest = _affix(title, part) if part and part != title else None
        if rest is None or not reads_as_title(part):
            continue
        # the headline says more than the site's name and sections: "The AWS Report -
        # <headline>" printing its series' name alone is no title of "The AWS Report"
        if TITLE_PARTS.match(rest) and len(TOKEN.findall(part)) > len(TOKEN.findall(rest)):
            parts.append(part)
    return max(parts, key=lambda part: len(part.split()), default=None)


def _tidy(meta: Metadata) -> tuple[Metadata, list[str]]:
    """Metadata gets the text's Unicode repair and space rules: a page's meta tags carry
    entities and mojibake as often as its text ("Science &amp; Health"). The url is left
    as it is. A list item that only joins others with commas (a keywords tag next to the
    article:tag ones) and repeated items go. Also returns the names of the fixes applied."""
    fixes: dict[str, None] = {}

    def clean(value: str) -> str:
        value = value.replace("\n", " ")
        if not (value.isascii() and value.isprintable() and "&" not in value):  # else ftfy has nothing to fix
            (value,), applied = fix_lines([value])
            fixes.update(dict.fromkeys(applied))
        return collapse_spaces(value)

    changes: dict[str, Any] = {
        name: clean(getattr(meta, name)) for name in TEXT_FIELDS if name != "url" and getattr(meta, name)
    }
    for name in LIST_FIELDS:
        items = dict.fromkeys(v for v in map(clean, getattr(meta, name)) if v)
        changes[name] = tuple(v for v in items if not _joins_others(v, items))
    return dataclasses.replace(meta, **changes), list(fixes)


def _joins_others(item: str, items: dict[str, None]) -> bool:
    parts = [p.strip() for p in item.split(",")]
    return len(parts) > 1 and all(p in items for p in parts if p)


def _date(meta: Metadata) -> tuple[Metadata, tuple[tuple[str, str], ...]]:
    """The date as ISO 8601 (cleaner.dates), whatever source gave it; the printed text,
    and why it was dropped if it was, as a note for `cleaner explain`."""
    if not meta.date:
        return meta, ()
    from cleaner.dates import iso_date  # only pages with a date need it

    found, why = iso_date(meta.date)
    if found == meta.date:
        return meta, ()
    note = f'printed "{meta.date}"' + (f"; dropped: {why}" if found is None else "")
    return dataclasses.replace(meta, date=found), (("date", note),)


def run(doc: Document, ctx: Context) -> Document:
    meta, fixes = _tidy(doc.metadata)
    if not meta.date and (printed := dateline_date(doc)):
        meta = meta.fill(date=printed)
        doc = doc.replace(meta_sources=(*doc.meta_sources, ("date", "metadata:dateline")))
    meta, notes = _date(meta)
    if notes:
        doc = doc.replace(meta_notes=doc.meta_notes + notes)
    if fixes:
        doc = doc.replace(steps=doc.steps + tuple(f"ftfy:{f} (metadata)" for f in fixes))
    if doc.generic[0] == "off":  # the site profile wants nothing generic: no headline taken, no repeats
        return doc.replace(metadata=meta)
    if meta.title is None and doc.generic[0] != "metadata":
        # a time, a month and year or links to the previous and next posts first: no headline,
        # and the line under them may be (dragnet:train 473 without its <title> line: "10:48 AM
        # EDT" was the title; second attacker trial of stop 60: "Dec 2003", "« Older post")
        why = "a time, a month and year, or a link to the previous or next post, above the body: not the title"
        for _ in range(NOT_HEADLINES):
            content = [i for i, line in enumerate(doc.lines) if line.text]
            # the body goes on after it: a text of such a line alone is left as it is
            if len(content) < 2 or not not_a_headline(doc.lines[content[0]].text):
                break
            doc = doc.without(removals_at(doc.lines, content[:1], rule="metadata:not-title", kind="metadata", why=why))
    at = _headline(doc) if meta.title is None else None
    if at is None and meta.title is None and (label := _label_above_headline(doc)) is not None:
        # a masthead or section label above the headline ("Bayside Weekly"): no body, no title
        why = "a short line above the headline and its byline (a site's name, a section): not the title, not body"
        doc = doc.without(removals_at(doc.lines, [label], rule="metadata:not-title", kind="metadata", why=why))
        at = _headline(doc)
    named = _named_headline(doc) if meta.title is None else None
    if named is not None and (at is None or doc.lines[at].text != named):
        meta = meta.fill(title=named)
        doc = doc.replace(meta_sources=(*doc.meta_sources, ("title", "metadata:page-title")))
        at = next((i for i, line in enumerate(doc.lines) if line.text == named), None)
        why = "the headline (the line the page's <title> names) is metadata (title), not body"
    elif at is not None and (
        doc.generic[0] == "metadata"
        or about(doc.lines[at].text, [line.text for line in doc.lines[at + 1 :]])
        or _over_its_byline(doc, at)
    ):  # under "metadata" no line may go but into metadata
        meta = meta.fill(title=_line_title(doc.lines[at].text))
        doc = doc.replace(meta_sources=(*doc.meta_sources, ("title", "metadata:title")))
        why = "the headline is metadata (title), not body"
    elif at is not None:  # better no title than a site name, a section label ("Tech & science")
        why = "reads as a headline above the body, but the article uses none of its words: not the title, not body"
        doc = doc.without(removals_at(doc.lines, [at], rule="metadata:not-title", kind="metadata", why=why))
        # the headline proper may follow it, when a byline or date line does: not any next line
        # (attacker trial 3 of stop 36: judging line after line took a poem's verses out as "no
        # title", 9 lines to 1; cleaning the output again may take one more: known)
        at = _headline_above_byline(doc)
        if at is not None:
            meta = meta.fill(title=_line_title(doc.lines[at].text))
            doc = doc.replace(meta_sources=(*doc.meta_sources, ("title", "metadata:title")))
            why = "the headline (the line a byline or date line follows) is metadata (title), not body"
    if at is not None:
        # a table's header row as the headline: the row of dashes under it goes with it
        below = next((i for i in range(at + 1, len(doc.lines)) if doc.lines[i].text.strip()), None)
        rows = [at, below] if below is not None and ROW_RULE.fullmatch(doc.lines[below].text.strip()) else [at]
        doc = doc.without(removals_at(doc.lines, rows, rule="metadata:title", kind="metadata", why=why))
    if meta.title is None and (suffixed := _headline_with_site_name(doc)) is not None:
        meta = meta.fill(title=suffixed)  # the line went as a header; its headline part is the title
        doc = doc.replace(meta_sources=(*doc.meta_sources, ("title", "metadata:headline-with-site-name")))
    if meta.title and dict(doc.meta_sources).get("title") in LINE_TITLES and (part := _printed_part(doc, meta.title)):
        meta = dataclasses.replace(meta, title=part)
        doc = doc.replace(meta_sources=(*doc.meta_sources, ("title", "metadata:printed-part")))
    if meta.title:
        repeats = [i for i, line in enumerate(doc.lines) if repeats_title(line.text, meta.title)]
        first = next((i for i, line in enumerate(doc.lines) if line.text.strip()), None)
        if first is not None and first not in repeats and _titled(doc.lines[first].text, meta.title):
            repeats.insert(0, first)
        why = "the scrape repeats the headline"
        doc = doc.without(removals_at(doc.lines, repeats, rule="metadata:title-repeat", kind="metadata", why=why))
        if repeats and doc.extracted_by is not None and doc.generic[0] != "metadata":
            doc = kicker(doc, repeats[0])
    return doc.replace(metadata=meta)


# What a documentation page's heading ends (or starts) with: a link to itself, "¶" (Sphinx),
# "#" (furo, MkDocs), "§", "🔗"; no part of the title (attacker trial, stop 31)
PERMALINK = frozenset(["¶", "#", "§", "🔗"])


def repeats_title(line: str, title: str) -> bool:
    """The line is the title, perhaps with the permalink mark its heading printed after it, or
    but for an end mark ("What Can We Learn from NAFTA?" printed, the title taken from a line
    without the mark: the headline stayed in the body, and cleaning the output again took it
    for the title; cleaneval:train). Titles of 3+ words: "News!" is no repeat of "News"."""
    if line == title or any(line.removesuffix(mark).rstrip() == title for mark in PERMALINK if line.endswith(mark)):
        return True
    return len(title.split()) >= 3 and line.rstrip(END_MARKS) == title.rstrip(END_MARKS)


END_MARKS = "?!.…"


# What a <title> puts between the headline and the site's name; ">" and "›": a breadcrumb
# printed first that ends in the headline ("Home > Science > <headline>") names it as a <title>
# does (attacker trial of stop 45: title null, both lines in the text). On the corpus's 2,036
# text scrapes one page changes: its breadcrumb goes as a title repeat.
TITLE_AFFIX = regex.compile(r"\s*[-|–—:·«»>›]\s*\S.{0,60}")
MAX_AFFIX_WORDS = 8


def _titled(line: str, title: str) -> bool:
    """`line` is the page's <title> as scraped: the headline with the site's name before or
    after it ("<headline> | Section - Site", "Site: <headline>")."""
    rest = _affix(line, title)
    return rest is not None and len(rest.split()) <= MAX_AFFIX_WORDS and TITLE_AFFIX.fullmatch(rest) is not None


def _affix(line: str, title: str) -> str | None:
    """What `line` adds to `title` at its end, or at its start reversed (so the separator
    comes first); None where the line does not start or end with a title of 3 words or more
    (too short to tell a headline from a menu item)."""
    if len(title.split()) < 3:
        return None
    if line.startswith(title):
        return line[len(title) :]
    if line.endswith(title):
        return line[: -len(title)][::-1]
    return None
