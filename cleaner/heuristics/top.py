"""What sits just above the body: the headline (kept for the metadata stage, which takes
it as the title), the byline and the date line (taken as metadata here)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from itertools import compress, count

import regex

from cleaner.document import is_list_item
from cleaner.heuristics import edges, meta
from cleaner.heuristics.language import page_language
from cleaner.heuristics.lines import CJK, LineInfo
from cleaner.heuristics.phrases import boilerplate_label, label_phrase, menu_line
from cleaner.stages.normalise import normalise_line

HEADLINE_LOOKBACK = 6  # non-blank lines above the body searched for the headline
HEADLINE_WORDS = (2, 25)
META_LOOKBACK, META_LOOKAHEAD = 10, 4  # where bylines and date lines are looked for
LABEL_WORDS = 2  # "Published on:" above a date line

NOT_A_TITLE_END = regex.compile(r"[.,;:。，；：．、।؛]$")  # ends a sentence or clause, in CJK too
# An interview's question or answer ("Q: How much is too much?"): cleaned again, the text's
# first question was taken for the title and its answer for the header (attacker trial of stop 55)
INTERVIEW = regex.compile(r"^(?:[QA]\s?[:.)–—-]|(?:Question|Answer|Frage|Antwort|Pregunta|Respuesta)\s?:)\s")
NAVIGATION = regex.compile(r"\s[|·•»›/>]\s")  # "Home | News | Sport", "Home > News": menus and breadcrumbs
# Titles run 3 to 25 words; one or two words are a section label ("In Brief", "Conclusion")
TITLE_WORDS = range(3, 26)


def title_words(text: str) -> int:
    """Words as a title is measured: split at spaces, or for a line mostly in a script
    written without them (Chinese, Japanese) two characters a word, as the line shape counts."""
    words = len(text.split())
    if not text.isascii():
        cjk = len(CJK.findall(text))
        if cjk > len(text) / 3:
            words = max(words, cjk // 2)
    return words


# A table row as the HTML path prints one ("| Cell | Cell |", "\\|" a pipe inside a cell)
CELL_SEP = regex.compile(r"(?<!\\)\|")


def row_text(text: str) -> str | None:
    """The line as a title reads it: a one-cell table row's cell (a layout table's banner, "| KAILA
    DEVI FAIR |"), None for a row of several cells, empty ones too (a menu, a layout grid's row);
    other lines as they are."""
    row = _row_cells(text.strip())
    if row is None:
        return text
    return None if CELL_SEP.search(row) else row.strip().replace("\\|", "|")


def _row_cells(text: str) -> str | None:
    """The cells of a row "| ... |": group 1 of the pattern "|", a space, anything, a space, "|"
    matched as the whole line, read without a regex, whose fullmatch took quadratic time on a
    long line of cells with no closing "|" (attacker trial of stop 55: 640 KB, 27 s)."""
    if len(text) < 4 or text[0] != "|" or text[-1] != "|" or not text[1].isspace() or not text[-2].isspace():
        return None
    inner = text[2:-2]
    return None if "\n" in inner else inner


# A clock time ("10:48 AM EDT", "12.43am"), and the tokens a dateline prints around one: a
# figure, an ordinal, a time zone's capitals
CLOCK = regex.compile(r"(?<!\d)[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?!\d)", regex.I)
WHEN_WORD = regex.compile(r"[\p{L}\p{N}]+")
WHEN_TOKEN = regex.compile(r"\d+(?:st|nd|rd|th)?|[ap]\.?m\.?|\p{Lu}{2,4}", regex.I)
# A link to the previous or next post, printed beside the article by blog themes: "« Title",
# "Title »" (a headline quoted whole, «Titre» or »Titel«, has both marks)
PREV_NEXT = regex.compile(r"^\s*«(?!.*»)|^(?!.*«).*»\s*$")


def not_a_headline(text: str) -> bool:
    """A line the title model may score high that no headline is: a time or a month and year
    alone ("10:48 AM EDT", "Wednesday 27th December 12.43am GMT", "Dec 2003"), or a
    previous/next post link (dragnet:train scrapes without their <title> line: the title of
    6 pages, by the title model or as the first line kept). Not reads_as_title's test: a line
    that reads as no title stays in the body, and the heuristics read the head of the page by
    it (second attacker trial of stop 60: "« Older post" links stayed, the headline with them)."""
    if PREV_NEXT.search(text):
        return True
    clock = bool(CLOCK.search(text))
    months = meta.patterns().months
    words = WHEN_WORD.findall(CLOCK.sub(" ", text))  # "Sept." read as "Sept"
    month = any(w.casefold() in months for w in words)
    rest = [w for w in words if w.casefold() not in months and not _when_token(w)]
    return (clock or month) and len(rest) <= (1 if clock else 0)


def _when_token(word: str) -> bool:
    # an all-capitals token is a time zone only beside a time or date: "EDT", "GMT", "MEZ";
    # lower-case "am"/"pm" only as such
    return bool(WHEN_TOKEN.fullmatch(word)) and (
        not word.isalpha() or word.isupper() or word.casefold() in ("am", "pm")
    )


def reads_as_title(text: str) -> bool:
    """Whether the metadata stage takes this line as the title when it comes first in the text
    (it sees the line normalised, so judge it so); of a table row, its one cell."""
    cell = row_text(normalise_line(text))
    if cell is None:
        return False
    text = cell
    return not (
        is_list_item(text)
        or NOT_A_TITLE_END.search(text)
        or NAVIGATION.search(text)
        or INTERVIEW.match(text)
        or title_words(text) not in TITLE_WORDS
        or meta.byline(text)
        or meta.date_line(text)
        or meta.undated_line(text)
        or meta.labelled_line(text)
        or meta.facts_label(text)
        or label_phrase(text)  # "Skip to main content" (attacker trial of stop 47: the title with --no-heuristics)
        or menu_line(text)
    )


def headline(infos: list[LineInfo], labels: list[str | None], first: int) -> int | None:
    """The nearest heading-like line above the body, skipping labels, bylines and dates."""
    return next(heading_like(infos, labels, first), None)


def heading_like(infos: list[LineInfo], labels: list[str | None], first: int) -> Iterator[int]:
    """The heading-like lines above the body, nearest first, skipping labels, bylines and dates."""
    low, high = HEADLINE_WORDS
    for n in range(first - 1, max(first - 1 - HEADLINE_LOOKBACK, -1), -1):
        info = infos[n]
        if labels[n] or info.bullet or meta.byline(info.text) or meta.date_line(info.text):
            continue
        if NAVIGATION.search(info.text):  # "Home | News | Sport": a menu or breadcrumb, never the headline
            continue
        if meta.undated_line(info.text) or meta.labelled_line(info.text) or meta.facts_label(info.text):
            continue
        if low <= info.words <= high and not info.text.endswith((".", ",", ";", ":", ")")):
            yield n


def metadata(infos: list[LineInfo], first: int, last: int) -> tuple[str | None, str | None, dict[int, str]]:
    """Author and date from the first byline and date line around the top of the body, and
    the lines to remove (position -> "byline"/"date"): every line that is only a byline
    or only a date (never prose; pages print them twice, above and beside or below the
    article), and date lines with other labels near the top."""
    author = date = None
    dated_at = -2  # the window's last date line
    drop: dict[int, str] = {}
    window = range(max(first - META_LOOKBACK, 0), min(first + META_LOOKAHEAD, last + 1))
    # Only bylines, date lines and the window's lines do anything below: the others are
    # passed over in C (map), not in the loop
    texts = [info.text for info in infos]
    if any(map(meta.capitalised_lead, texts)):  # "Door Pieter de Vries" on a Dutch page (new-user trial of stop 50)
        language = page_language(texts)
        infos = [dataclasses.replace(info, text=meta.as_byline_in(info.text, language)) for info in infos]
        texts = [info.text for info in infos]
    marked = list(compress(count(), map(bool, map(meta.byline, texts))))
    dated = compress(count(), map(bool, map(meta.date_line, texts)))
    for n in sorted({*marked, *dated, *window}):
        info = infos[n]
        if n in window and n < first and meta.desk_line(info.text):
            drop[info.pos] = "byline"  # a desk's credit above the body: no author
            continue
        found = meta.byline(info.text)
        if found:
            if author is None and n in window and not meta.desk(found[0].split()):
                author, on = found
                date = date or (when(info.text) if on else None) or _date_below(infos, n)
            drop[info.pos] = "byline"
            continue
        # a line that is only a date is metadata wherever it stands; "date | section" only up top
        on = meta.date_line(info.text) or (meta.dateline(info.text) if n in window else None)
        if on:
            here = when(info.text) if n in window else None
            # of date lines one under the other ("Updated 15 March 2024" / "Published 14 March
            # 2024"), the earliest, as of one line's dates (second attacker trial of stop 38)
            if date is None or (here is not None and dated_at == n - 1 and here[:10] < date[:10]):
                date = here
            dated_at = n if here is not None else dated_at
            drop[info.pos] = "date"
            # its label on the line above ("Published:", "Veröffentlichung:") goes with it
            if n and infos[n - 1].words <= LABEL_WORDS and infos[n - 1].text.endswith(":") and not infos[n - 1].bullet:
                drop[infos[n - 1].pos] = "date"
    if author is None:
        author, date = _byline_above_prose(infos, first, marked, date)
    if author is None:
        author, date = _byline_below(infos, last, set(marked), date)
    return author, date, drop


PROSE_WORDS = 8  # a sentence of this many words or more: the body's text has begun
MAX_OWN_BYLINES = 2  # an article prints its byline once or twice (above, below or beside)


def _byline_above_prose(
    infos: list[LineInfo], first: int, marked: list[int], date: str | None
) -> tuple[str | None, str | None]:
    """None in the window: the last byline of the region's head, above its first sentence
    of prose, names the author (a short page's region starts on the headline, and a deck or
    two sit between it and the byline: attacker trial, stop 32, where the byline went as
    metadata and the author was lost); (author, date)."""
    if len(marked) > MAX_OWN_BYLINES:  # comments' or teasers' bylines ("by jo on Aug 9 reply")
        return None, date
    # a notice is no article prose ("When you purchase through links on our site, we may earn
    # an affiliate commission.": the region of a new-user trial's review began on it, and the
    # byline below it gave no author)
    prose = next(
        (
            n
            for n in range(first, len(infos))
            if infos[n].sentence
            and infos[n].words >= PROSE_WORDS
            and not edges.call_to_action(infos[n].text, infos[n].words)
        ),
        None,
    )
    above = [n for n in marked if first <= n < (prose if prose is not None else first)]
    if not above:
        return None, date
    author, date = named(infos[above[-1]].text, date)
    return author, date if date is not None or author is None else _date_below(infos, above[-1])


DATE_BELOW_BYLINE = 2  # lines under a byline its date line may be on


def _date_below(infos: list[LineInfo], byline: int) -> str | None:
    """The date of a date line right under the author's byline, a role between them (new-user
    trial of stop 36: "By Tom Whitaker / Local Democracy Reporter / Published: 10:32 AM, 7
    March 2024" gave the author, and the date line, past the window, went unread)."""
    below = range(byline + 1, min(byline + 1 + DATE_BELOW_BYLINE, len(infos)))
    return next((when(infos[n].text) for n in below if meta.date_line(infos[n].text)), None)


def _byline_below(
    infos: list[LineInfo], last: int, marked: set[int], date: str | None
) -> tuple[str | None, str | None]:
    """None above the body: the first byline in the META_LOOKAHEAD lines below it names the
    author (sites that print it at the article's end), as it goes as metadata; (author, date).
    Not one under a line that names itself as boilerplate ("Comments", "2 Responses",
    "Related") or ends in a colon ("John Smith says:"): a reader's or another article's
    (attacker trial). Read as the HTML path reads one (meta.person): a one-word handle or a
    site's name ("By admin", "Posted by Blogsdna") names no one, nor a photo credit ("By Jane
    Doe/Getty Images")."""
    for n in range(last + 1, min(last + 1 + META_LOOKAHEAD, len(infos))):
        info = infos[n]
        if n in marked:
            return named(info.text, date)
        if info.text.endswith(":") or boilerplate_label(info.text, info.words) is not None:
            return None, date
    return None, date


def named(byline: str, date: str | None) -> tuple[str | None, str | None]:
    """(author, date) from a byline line read as the HTML path reads one (meta.person): a
    one-word handle or a site's name names no one, nor a photo credit; `date` unless none."""
    found = meta.byline(byline)
    if found and not meta.photo_credit(byline, found[0]) and (name := meta.person(found[0])):
        return name, date or (when(byline) if found[1] else None)
    return None, date


def when(text: str) -> str | None:
    """The date of a byline or date line as the metadata takes it: with the time when printed."""
    found = meta.when(text)
    return found[0] if found else None
