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

from cleaner.heuristics import body, meta
from cleaner.heuristics.lines import describe
from cleaner.heuristics.phrases import boilerplate_label
from cleaner.stages.html_blocks import Block, blocks, collapse, collapse_lines
from cleaner.stages.html_second import INVISIBLE

# How far above the body a lead may sit, in text blocks that are not furniture or links
# (bylines, dates, credits come between), and how many blocks of it at most.
REACH = 12
MAX_LEAD = 3
MAX_SEARCH = 100  # blocks after the headline to look for the body in (dev set: at most 73)
# How far under the headline a byline may sit, in blocks: a deck, a date line, a share bar or
# an image and its caption may come first
BYLINE_REACH = 6


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
            return []
        seen = INVISIBLE.sub("", block.text)
        kept = f" {seen} " in spaced or _cut_short(seen, text)
        if kept and _is_prose(block.text):
            return above
        above.append((block, kept))
    # an article of short blocks alone (a recipe's intro, items and steps): its body starts at
    # the first block the text holds (attacker trial of stop 55: "By Sam Patel | Jan 5, 2024"
    # under the headline was never read, and the author kept trafilatura's "; Jan 5")
    first = next((n for n, (_, kept) in enumerate(above) if kept), None)
    return above[:first] if first else []


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


def reading_time(above: list[tuple[Block, bool]]) -> int | None:
    """The reading time a line under the headline prints ("Jane Doe · 18 September 2023 · 3
    min read"), which trafilatura leaves out of the text and reads from meta tags only."""
    return next((minutes for block, _ in above if (minutes := meta.reading_minutes(block.text))), None)


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


def names(above: list[tuple[Block, bool]], author: str) -> bool:
    """Whether one of the first BYLINE_REACH blocks of the page's head holds `author`."""
    wanted = author.casefold()
    return any(wanted in INVISIBLE.sub("", block.text).casefold() for block, _ in above[:BYLINE_REACH])


# A credit for other work than the article's text: "Edited by", "Reviewed by", "Photos by"
ROLE_BY = re.compile(
    r"\b(?:edited|reviewed|checked|sponsored|photos?|photographs?|illustrations?|illustrated|translated"
    r"|produced|presented|powered|brought to you)\s+by\b",
    re.I,
)


# Not "; ": trafilatura joins an article's several authors so ("Ross Tucker; Jonathan Dugas")
AFTER_MARK = re.compile(r"\s+[·•|]\s+")


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
        # another role's credit for this name ("Edited by Jane Doe"); a photo credit in a part
        # of its own beside the byline ("By Ben Bowers | Photo by Google") is not
        if any(ROLE_BY.search(part) for part in AFTER_MARK.split(text) if first in part.casefold()):
            return None
        if len(author.split()) == 1 and _no_name(author, text):
            return None
        line = meta.byline(text)
        if line is None and first in text.casefold().split()[1:]:
            continue  # its first word inside a sentence ("di" in a standfirst: new-user trial of stop 38)
        if line is None or _credit_or_sentence(text, line):
            break
        name = meta.person(line[0])
        if name is None:
            return author
        # `author` a byline itself, its label before the name ("記者 高橋美咲": new-user trial of stop 37)
        if (own := meta.byline(author)) is not None and meta.person(own[0]) == name:
            return name
        # or the byline's label recased ("di Elena Bianchi" given as "Di Elena Bianchi": new-user
        # trial of stop 38; "Di Maio" alone is a name, so the label is known by the element's text)
        label = author[: len(author) - len(name)] if author.casefold().endswith(name.casefold()) else ""
        if label.strip() and text.casefold().lstrip().startswith(label.strip().casefold()):
            return name
        # what follows the name in `author` is no part of it: a role, an outlet, a label
        rest = author[len(name) :] if author.casefold().startswith(name.casefold()) else ""
        cleans = rest[:1] in (" ", ";", ",", "|", "•", "·")
        return name if cleans or len(author.split()) == 1 else author
    # no block of the head reads as its byline (a page with no headline element has no head):
    # the author as given, less what follows a spaced bullet or bar, which no name holds
    # ("Maria Lopez · Published June": attacker trial, stop 32), and its label ("記者 山田花子")
    author = AFTER_MARK.split(author, maxsplit=1)[0].strip() or author
    own = meta.byline(author)
    return (meta.person(own[0]) if own is not None else None) or author


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
    return (
        _is_prose(text)
        and meta.date_line(text) is None
        and meta.byline(text) is None
        and not meta.dated_label(text)
        and not _labelled(text)
    )


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
