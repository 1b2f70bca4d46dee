"""Which varying parts of a template line are metadata, and what lines look like.

A byline, date line or tag line is a template line whose varying parts are metadata;
naming those parts turns the line's pattern into a meta_field rule.
"""

from __future__ import annotations

import regex

from cleaner.heuristics.lines import CJK
from cleaner.heuristics.top import title_words
from cleaner.learn.shapes import DAYS, MONTHS, Item, Shape, role_after

READING_UNITS = frozenset({"min", "mins", "minute", "minutes"})
AUTHOR_CUES = frozenset({"by", "author", "written", "words", "posted", "reporter", "reporting"})
CATEGORY_CUES = frozenset({"category", "categories", "filed", "topics", "topic", "section", "sections"})
TAG_CUES = frozenset({"tags", "tagged"})
DATE_GLUE = frozenset({",", ".", "/", "-"})
SENTENCE_END = regex.compile(r"[.!?…:;。！？；：]['\"’”)」』]*$")
WORD = regex.compile(r"\w+")
PROSE_WORD = regex.compile(r"\p{L}{2,}")  # not a number, not "p" of "p.m."
CALENDAR_WORDS = frozenset(MONTHS + DAYS)
TIME_GLUE = frozenset({"at", ",", "-", "–", "·", "@"})
MAX_TITLE_WORDS = 25
MAX_META_WORDS = 20


def is_paragraph(text: str) -> bool:
    """Running prose: several words ending like a sentence (never a template candidate).

    Numbers and month or weekday names are not words here: "Published June 16, 2020 at
    3:30 p.m. | Updated June 17, 2020 at 1:45 a.m." is a dateline, not a sentence."""
    words = [w for w in PROSE_WORD.findall(text) if w not in CALENDAR_WORDS]
    # scripts written without spaces: two characters a word, as the line shape counts them
    return max(len(words), len(CJK.findall(text)) // 2) >= 8 and bool(SENTENCE_END.search(text))


def is_title_like(text: str) -> bool:
    """Reads as a headline or link title: short, not ending like a clause."""
    return 0 < title_words(text) <= MAX_TITLE_WORDS and not regex.search(r"[.,;:。，；：]$", text)


def is_list_line(text: str) -> bool:
    """A comma-separated list of short items: "Bitcoin News, Fintech, News"."""
    parts = [p.strip() for p in text.split(",")]
    short = all(p and len(p.split()) <= 3 and not any(c.isdigit() for c in p) for p in parts)
    return len(parts) >= 2 and short and not SENTENCE_END.search(text)


def _words_before(items: list[Item], i: int, n: int = 3) -> list[str]:
    """The last literal words before item i, lower-cased, nearest last."""
    found: list[str] = []
    for item in reversed(items[:i]):
        if item.kind == "var" or len(found) >= n:
            break
        if item.kind == "lit" and item.values[0].isalpha():
            found.insert(0, item.values[0].lower())
    return found


def _word_after(items: list[Item], i: int) -> str:
    for item in items[i + 1 :]:
        if item.kind == "ws":
            continue
        return item.values[0].lower() if item.kind == "lit" else ""
    return ""


def _mark_dates(items: list[Item]) -> bool:
    """Name a run of month/day/number pieces as the date when it is a full date.

    "March 4, 2024", "4 Mar 2024", "2024-03-04" are dates; "March 2025" (a promo's month)
    is not: a date needs a day number (at most 31) or three numbers.
    """
    i = 0
    while i < len(items):
        if items[i].kind not in ("num", "mon", "day") or items[i].group:
            i += 1
            continue
        j = last = i
        while j < len(items):
            it = items[j]
            if _is_clock(items, j):
                break  # "3 May 2024, 09:10": the hour starts the time, not part of the date
            if it.kind in ("num", "mon", "day") and not it.group:
                last = j
            elif not (it.kind == "ws" or (it.kind == "lit" and it.values[0] in DATE_GLUE)):
                break
            j += 1
        run = items[i : last + 1]
        nums = [it for it in run if it.kind == "num"]
        has_month = any(it.kind == "mon" for it in run)
        day = any(all(int(v) <= 31 for v in it.values) for it in nums)
        if (has_month and day) or len(nums) >= 3:
            for it in run + _time_after(items, last + 1):
                it.group = "date"
            return True
        i = last + 1
    return False


def has_date(shape: Shape) -> bool:
    """The shape holds a full date (see _mark_dates); the shape itself is left as it is."""
    return _mark_dates([Item(it.kind, it.values) for it in shape.items])


def _time_after(items: list[Item], i: int) -> list[Item]:
    """The clock time right after a date, with its glue and zone: " at 3:30 p.m.", ", 15:30 BST"; [] if none.

    The first date of a line is the published date: "Published ... | Updated ..." keeps
    the update out of the group."""
    j = i
    while j < len(items) and (items[j].kind == "ws" or (items[j].kind == "lit" and items[j].values[0] in TIME_GLUE)):
        j += 1
    if j == i or not _is_clock(items, j):
        return []
    end = j + 3
    for kind in ("mer", "tz"):  # "3:30 p.m. ET", "09:10 BST": the zone belongs to the time
        if end + 1 < len(items) and items[end].kind == "ws" and items[end + 1].kind == kind:
            end += 2
        elif end < len(items) and items[end].kind == kind:
            end += 1
    return items[i:end]


def _is_clock(items: list[Item], j: int) -> bool:
    """items[j:j+3] read as hours:minutes."""
    if j + 3 > len(items):
        return False
    h, colon, m = items[j : j + 3]
    return (
        h.kind == "num"
        and colon.kind == "lit"
        and colon.values[0] == ":"
        and m.kind == "num"
        and all(len(v) == 2 for v in m.values)
    )


def _list_after_cue(shape: Shape) -> None:
    """ "Tags: a, b" — everything after a tag or category cue is the list, whatever the
    variants happened to share; after the label's colon where the label goes on past the cue
    ("Filed under: a, b": the list was "under: a, b", and the rule's pattern "^Filed (.+?)$"
    took an article's "Filed in provincial court on Tuesday, ..." for one: new-user trial of
    stop 47)."""
    items = shape.items
    for c, item in enumerate(items):
        if item.kind == "lit" and item.values[0].lower() in CATEGORY_CUES | TAG_CUES:
            start = c + 1
            first_var = next((k for k in range(start, len(items)) if items[k].kind not in ("lit", "ws")), start)
            colon = next((k for k in range(start, first_var) if items[k].values[0] == ":"), None)
            if colon is not None:
                start = colon + 1
            while start < len(items) and items[start].kind in ("ws", "lit") and not items[start].values[0].isalnum():
                start += 1
            if any(it.kind == "var" for it in items[start:]):
                joined = ["".join(parts) for parts in zip(*(it.values for it in items[start:]), strict=True)]
                items[start:] = [Item("var", joined)]
            return


def meta_fields(shape: Shape) -> list[str]:
    """The fields name_groups would find in the shape, without naming them on it."""
    copy = Shape([Item(it.kind, list(it.values), it.group) for it in shape.items], list(shape.variants))
    return name_groups(copy)


def name_groups(shape: Shape) -> list[str]:
    """Set `group` on the shape's items that are metadata; the fields found, in line order."""
    _list_after_cue(shape)
    items = shape.items
    for i, item in enumerate(items):
        if item.kind == "num" and _word_after(items, i) in READING_UNITS:
            item.group = "reading_time"
            break
    _mark_dates(items)
    with_meta = any(it.group for it in items)
    for i, item in enumerate(items):
        if item.kind != "var" or item.group:
            continue
        cues = set(_words_before(items, i))
        if cues & CATEGORY_CUES:
            item.group = "categories"
        elif cues & TAG_CUES:
            item.group = "tags"
        elif (
            item.is_name()
            and (cues & AUTHOR_CUES or (with_meta and min(len(v.split()) for v in item.values) >= 2))
            and "author" not in shape.groups()
        ):
            item.group = "author"
    if "author" not in shape.groups():
        for i, item in enumerate(items):
            if item.kind == "var" and not item.group and role_after(items, i):
                item.group = "author"  # "Jane Roe, Staff Writer": a byline without "By"
                break
    return shape.groups()
