"""Where the article starts and ends in every scrape: the headline, cut points, categories.

The article is the lines no slot explains. A cut_after marker is a template line that
every scrape has after its last paragraph, with only template lines or short varying
lines (link titles) after it; a cut_before marker is a template line found once in every
scrape above the first article line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from cleaner.heuristics.phrases import boilerplate_label
from cleaner.learn.lines import Alignment, Slot
from cleaner.learn.meta import SENTENCE_END, has_date, is_list_line, is_paragraph, is_title_like, meta_fields

MAX_CUT_MARKERS = 3
# Possessive: the items cannot contain the comma, so giving back never helps, and
# `cleaner check` flags nested quantifiers that can backtrack.
CATEGORIES = r"^(?P<categories>[^,.!?]++(?:, ?[^,.!?]++)++)$"


def slot_regex(slot: Slot) -> regex.Pattern:
    return regex.compile(slot.shape.regex(named=False))


def first_match(texts: list[str], rx: regex.Pattern) -> int | None:
    return next((i for i, t in enumerate(texts) if t and rx.search(t)), None)


def neighbour(texts: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(texts):
        if texts[j]:
            return j
        j += step
    return None


@dataclass
class Pin:
    """A varying line pinned by the template line next to it (meta_field next/prev)."""

    positions: dict[int, int]  # scrape -> position of the pinned line
    pattern: str  # the neighbour's pattern
    step: int  # 1: the neighbour is after the line (next), -1: before (prev)
    example: str
    own: str = r"^(?P<title>.+)$"  # the pinned line's own pattern


@dataclass
class Cuts:
    headline: dict[int, int] = field(default_factory=dict)  # scrape -> position of the headline
    title: Pin | None = None
    after: list[int] = field(default_factory=list)  # slot indices of cut_after markers
    after_at: dict[int, int] = field(default_factory=dict)  # scrape -> where the cut happens
    before: int | None = None  # slot index of the cut_before marker
    before_at: dict[int, int] = field(default_factory=dict)
    categories: Pin | None = None
    crumbs: Pin | None = None  # a breadcrumb above the headline: categories
    crumb_sep: str = ""
    crumb_pattern: str = ""
    label: Pin | None = None  # a section label above the headline ("Local News"): categories


def find_cuts(al: Alignment) -> Cuts:
    cuts = Cuts()
    _headline(al, cuts)
    if cuts.headline:
        _breadcrumb(al, cuts)
        if cuts.crumbs is None:
            _section_label(al, cuts)
    _cut_after(al, cuts)
    _categories(al, cuts)
    _cut_before(al, cuts)
    return cuts


def _pinned(al: Alignment, positions: dict[int, int], line_rx: str) -> Pin | None:
    """Pin the lines at `positions` by a neighbour that is the same slot in every scrape,
    checked the way meta_field applies it: the first line matching with that neighbour."""
    own = regex.compile(line_rx)
    for step in (1, -1):
        near = {d: neighbour(al.docs[d], i, step) for d, i in positions.items()}
        labels = {al.labels[d][j] if j is not None else None for d, j in near.items()}
        only = labels.pop() if len(labels) == 1 else None
        if only is None:
            continue
        slot = al.slots[only]
        rx = slot_regex(slot)
        if all(_first_pinned(al.docs[d], own, rx, step) == i for d, i in positions.items()):
            return Pin(
                positions,
                slot.shape.regex(named=False),
                step,
                al.docs[0][positions[0]] if 0 in positions else "",
                line_rx,
            )
    return None


def _first_pinned(texts: list[str], own: regex.Pattern, rx: regex.Pattern, step: int) -> int | None:
    for i, text in enumerate(texts):
        if text and own.search(text):
            j = neighbour(texts, i, step)
            if j is not None and rx.search(texts[j]):
                return i
    return None


def _meta_slots(al: Alignment) -> list[int]:
    """Template lines in every scrape with an author, a date or a reading time, above the
    first paragraph (bylines, datelines), in the order of the first scrape."""
    n = len(al.docs)
    found = []
    for s, slot in enumerate(al.slots):
        if slot.docs < n or slot.source == "repeat" or any(len(p) != 1 for p in slot.occ.values()):
            continue
        if not {"author", "date", "reading_time"} & set(meta_fields(slot.shape)):
            continue
        if all(_above_first_paragraph(al, d, slot.occ[d][0]) for d in range(n)):
            found.append(s)
    return sorted(found, key=lambda s: al.slots[s].occ[0][0])


def _above_first_paragraph(al: Alignment, d: int, i: int) -> bool:
    texts = al.docs[d]
    first = next((j for j in al.content(d) if is_paragraph(texts[j]) and not _standfirst(texts, j)), None)
    return first is not None and i < first


# Lines below a standfirst its byline or date line may be on
STANDFIRST_REACH = 2


def _standfirst(texts: list[str], j: int) -> bool:
    """Paragraph j is a standfirst: a byline or date line follows it within STANDFIRST_REACH
    lines (new-user trial of stop 37: "Headline / lead sentence / Words: X / Filed <date>"
    made the lead the body's start, the date line no head line, the section label the title)."""
    k: int | None = j
    for _ in range(STANDFIRST_REACH):
        k = neighbour(texts, k, 1) if k is not None else None
        if k is None:
            return False
        if _meta_line(texts[k]):
            return True
    return False


def _meta_line(text: str) -> bool:
    from cleaner.heuristics import meta  # the generic stage's readings of a byline and a date line

    return meta.byline(text) is not None or meta.date_line(text) is not None or meta.dated_label(text)


def _headline(al: Alignment, cuts: Cuts) -> None:
    """The headline is the line a byline or dateline follows; else the first article line
    of every scrape, when it reads as a headline."""
    for s in _meta_slots(al):
        near = {d: _above_meta(al.docs[d], al.slots[s].occ[d][0]) for d in range(len(al.docs))}
        heads = {d: j for d, j in near.items() if j is not None}
        # a standfirst between headline and byline: a lead sentence reads as no headline (new-
        # user trial of stop 37: the section label above took the headline's place)
        if len(heads) == len(near):
            heads = _above_standfirst(al, heads)
        if len(heads) == len(near) and all(_headline_like(al, d, j) for d, j in heads.items()):
            for slot in {al.labels[d][j] for d, j in heads.items()}:
                if slot is not None:
                    al.release(slot)  # "Things to do: <headline>" shares a prefix, it is no template
            cuts.headline = heads
            cuts.title = _title(al, cuts.headline)
            return
    for d in range(len(al.docs)):
        content = al.content(d)
        if not content or not is_title_like(al.docs[d][content[0]]) or is_paragraph(al.docs[d][content[0]]):
            cuts.headline = {}
            return
        cuts.headline[d] = content[0]
    cuts.title = _title(al, cuts.headline)


def _title(al: Alignment, heads: dict[int, int]) -> Pin | None:
    """The title rule for the headline lines: without the site name when they are the page's
    <title> ("<headline> | Section - Site", "Site - <headline>", the headline a line of its
    own further down), so the title is the headline and its repeat leaves the body."""
    affixed = _affix_pattern([al.docs[d][j:] for d, j in heads.items()])
    return (affixed and _pinned(al, heads, affixed)) or _pinned(al, heads, r"^(?P<title>.+)$")


MIN_AFFIX = 3  # characters of site name shared by every scrape's <title>


def _affix_pattern(scrapes: list[list[str]]) -> str | None:
    """A pattern taking the headline out of each scrape's first line, when that line is a
    later line of three or more words plus the same kind of site affix in every scrape."""
    for side in ("suffix", "prefix"):
        affixes = []
        for texts in scrapes:
            line = texts[0]
            for later in texts[1:]:
                if len(later.split()) < 3 or later == line:
                    continue
                if side == "suffix" and line.startswith(later) and line[len(later) :].lstrip()[:1] in TITLE_SEPS:
                    affixes.append(line[len(later) :])
                    break
                if side == "prefix" and line.endswith(later) and line[: -len(later)].rstrip()[-1:] in TITLE_SEPS:
                    affixes.append(line[: -len(later)])
                    break
            else:
                break
        if len(affixes) < len(scrapes) or len(affixes) < 2:
            continue
        if side == "suffix":
            parts = _affix_parts(affixes)
            if parts:
                near, far = regex.escape(parts[0]), regex.escape(parts[1])
                middle = f"(?:{near}.*?)?" if parts[2] else (f"{near}.*?" if near else "")
                return f"^(?P<title>.+?){middle}{far}$"
        else:
            parts = _affix_parts([a[::-1] for a in affixes])
            if parts:
                near, far = regex.escape(parts[0][::-1]), regex.escape(parts[1][::-1])
                middle = f"(?:.*?{near})?" if parts[2] else (f".*?{near}" if near else "")
                return f"^{far}{middle}(?P<title>.+)$"
    return None


SEP_START = regex.compile(r"\s*[-|–—:·«»]")


def _affix_parts(affixes: list[str]) -> tuple[str, str, bool] | None:
    """Site affixes after a headline, e.g. " - ABC News" and " | Photos - ABC News", as
    (near, far, optional): the separator the varying part starts with (" | "), the part
    every affix ends with (" - ABC News"), and whether some affixes lack the varying part."""
    if len(set(affixes)) == 1:
        return "", affixes[0], False
    far = _shared([a[::-1] for a in affixes])[::-1]
    cut = next((k for k in range(len(far)) if SEP_START.match(far, k)), None)
    if cut is not None and len(far[cut:].strip()) >= MIN_AFFIX:
        far = far[cut:]
        rests = [a[: len(a) - len(far)] for a in affixes]
        varying = [r for r in rests if r]
        near = _shared(varying)
        if SEP_START.match(near) and all(SEP_START.match(r) for r in varying):
            return near, far, len(varying) < len(rests)
    near = _shared(affixes)  # " - " then varying site names: "BBC News", "BBC Sport"
    if SEP_START.match(near) and len(far.strip()) >= MIN_AFFIX:
        return near, far, False
    return None


def _shared(texts: list[str]) -> str:
    """The longest common prefix of texts."""
    first = texts[0]
    n = 0
    while n < len(first) and all(len(t) > n and t[n] == first[n] for t in texts):
        n += 1
    return first[:n]


MIN_STANDFIRST_WORDS = 8


def _above_meta(texts: list[str], i: int) -> int | None:
    """The line above line i (a byline or date line) and the other byline or date lines right
    above it ("Words: X" above "Filed <date>")."""
    j = neighbour(texts, i, -1)
    for _ in range(STANDFIRST_REACH):
        if j is None or not _meta_line(texts[j]):
            break
        j = neighbour(texts, j, -1)
    return j


def _above_standfirst(al: Alignment, heads: dict[int, int]) -> dict[int, int]:
    """The lines above a byline are the headline and, between them, a standfirst: a longer
    varying line (a lead sentence, kept as article text) below a shorter headline-like one.
    The headline is then the line above the standfirst, in every scrape."""
    near = {d: neighbour(al.docs[d], j, -1) for d, j in heads.items()}
    above = {d: k for d, k in near.items() if k is not None}
    if len(above) < len(near) or any(al.labels[d][k] is not None for d, k in above.items()):
        return heads
    if not all(_headline_like(al, d, k) and len(al.docs[d][k].split()) >= 3 for d, k in above.items()):
        return heads
    if crumb_separator([al.docs[d][k] for d, k in above.items()]) is not None:
        return heads  # a breadcrumb above the headline ("Opinion › Letters"), not a headline
    if sum(len(al.docs[d][j].split()) for d, j in heads.items()) < MIN_STANDFIRST_WORDS * len(heads):
        return heads  # a standfirst is a lead sentence

    def words(d: int, i: int) -> int:
        return len(al.docs[d][i].split())

    if sum(words(d, k) for d, k in above.items()) >= sum(words(d, j) for d, j in heads.items()):
        return heads
    return above


def _headline_like(al: Alignment, d: int, j: int) -> bool:
    """Line j of scrape d can be the headline: it reads as one and is article text, or a
    template line only by a shared prefix (aligned, no metadata in it)."""
    text = al.docs[d][j]
    if not is_title_like(text) or is_paragraph(text) or len(text.split()) < 2:
        return False
    label = al.labels[d][j]
    if label is None:
        return True
    slot = al.slots[label]
    return slot.source == "aligned" and not meta_fields(slot.shape)


TITLE_SEPS = ("-", "|", "–", "—", ":", "·", "«", "»")
CRUMB_SEPS = ("›", "»", ">", "→", "/", "|", "·")
MAX_CRUMB_WORDS = 4
CRUMB_ONLY = ("›", "»", ">", "→", "/")  # separators menus rarely use
MAX_FIXED_CRUMB = 3


def crumb_separator(texts: list[str]) -> str | None:
    """The separator of breadcrumbs ("News › Local › Schools", "News"): short items, one
    separator, at least one of the lines with more than one item."""
    for sep in CRUMB_SEPS:
        if any(f" {sep} " in t for t in texts) and all(_crumb_items(t, sep) for t in texts):
            return sep
    return None


def _crumb_items(text: str, sep: str) -> bool:
    items = [i.strip() for i in text.split(f" {sep} ")]
    return 0 < len(items) <= 6 and all(
        i and sep not in i and len(i.split()) <= MAX_CRUMB_WORDS and i[0].isupper() and not SENTENCE_END.search(i)
        for i in items
    )


def _breadcrumb(al: Alignment, cuts: Cuts) -> None:
    """A breadcrumb directly above the headline: the categories (the same in every scrape
    too: the next page may be in another section)."""
    near = {d: neighbour(al.docs[d], h, -1) for d, h in cuts.headline.items()}
    above = {d: j for d, j in near.items() if j is not None}
    if len(above) < len(near):
        return
    texts = [al.docs[d][j] for d, j in above.items()]
    sep = crumb_separator(texts)
    if sep is None:
        return
    if len(set(texts)) == 1 and (sep not in CRUMB_ONLY or len(texts[0].split(f" {sep} ")) > MAX_FIXED_CRUMB):
        return  # the same line everywhere with "|" or many items: a menu, not a section path
    s = regex.escape(sep)
    pattern = rf"^(?P<categories>[^{s}]++(?:{s}[^{s}]++)*+)$"
    pin = _pinned(al, above, pattern)
    if pin is None:
        return
    for slot in {al.labels[d][j] for d, j in above.items()}:
        if slot is not None and all(j == above.get(d) for d, ps in al.slots[slot].occ.items() for j in ps):
            al.release(slot)  # "News": a breadcrumb one item deep, not a template line
    cuts.crumbs, cuts.crumb_sep, cuts.crumb_pattern = pin, sep, pattern


# A section label: one item of up to three words, no sentence, no separator, no digit.
LABEL = r"^(?P<categories>\p{Lu}[^\s\d.!?|,:;›»>/·]*+(?: [^\s\d.!?|,:;›»>/·]++){0,2})$"
MENU_SEPS = ("|", "·", "•", "/")


def _section_label(al: Alignment, cuts: Cuts) -> None:
    """A short line directly above the headline in every scrape, that varies with the
    article ("Local News", "Business") or, the same in every scrape, is an item of a menu
    line (the scrapes were of one section): the categories. The next page may be in
    another section, so no drop rule may name it. Pinned by the line below the headline
    (the byline), which is its neighbour once the headline rule has taken the headline."""
    if cuts.title is None or cuts.title.step != 1:
        return
    near = {d: neighbour(al.docs[d], h, -1) for d, h in cuts.headline.items()}
    above = {d: j for d, j in near.items() if j is not None}
    if len(above) < len(near) or len(above) < len(al.docs):
        return
    texts = [al.docs[d][j] for d, j in above.items()]
    label_rx = regex.compile(LABEL)
    if not all(label_rx.search(t) for t in texts):
        return
    slots = {s for d, j in above.items() if (s := al.labels[d][j]) is not None}
    for slot in slots:  # a line found elsewhere too ("Home"), or a date: template, not a label
        if meta_fields(al.slots[slot].shape) or any(
            j != above.get(d) for d, ps in al.slots[slot].occ.items() for j in ps
        ):
            return
    if len(set(texts)) == 1 and not _menu_item(al, texts[0]):
        return  # the same line everywhere: a fixed heading ("What's On"), left to the template rules
    if not _pins(al, cuts, above):
        return
    for slot in slots:
        al.release(slot)
    cuts.label = Pin(above, cuts.title.pattern, 1, texts[0])


def _menu_item(al: Alignment, text: str) -> bool:
    """`text` is an item of a template line of several items ("Home | Local News | Business")."""
    for slot in al.slots:
        if not slot.occ or slot.source != "line" or not slot.shape.is_literal():
            continue
        line = slot.shape.variants[0]
        for sep in MENU_SEPS:
            items = [i.strip() for i in line.split(f" {sep} ")]
            if len(items) >= 3 and text in items:
                return True
    return False


def _pins(al: Alignment, cuts: Cuts, above: dict[int, int]) -> bool:
    """The label rule, run after the headline rule, takes the label in every scrape."""
    assert cuts.title is not None
    title_rx, own, next_rx = regex.compile(r"^(?P<title>.+)$"), regex.compile(LABEL), regex.compile(cuts.title.pattern)
    for d, j in above.items():
        head = cuts.headline[d]
        texts = [t if i != head else "" for i, t in enumerate(al.docs[d])]
        if _first_pinned(al.docs[d], title_rx, next_rx, 1) != head or _first_pinned(texts, own, next_rx, 1) != j:
            return False
    return True


def _after_headline(al: Alignment, cuts: Cuts, d: int) -> list[int]:
    """Article lines of scrape d other than the headline and its repeats."""
    head = cuts.headline.get(d)
    title = al.docs[d][head] if head is not None else None
    return [i for i in al.content(d) if al.docs[d][i] != title]


def _cut_after(al: Alignment, cuts: Cuts) -> None:
    n = len(al.docs)
    found: list[tuple[int, int, dict[int, int]]] = []
    for s, slot in enumerate(al.slots):
        if slot.docs < n or slot.source == "repeat" or not _marker_shape(slot) or s in al.links:
            continue
        rx = slot_regex(slot)
        maybe = {d: first_match(al.docs[d], rx) for d in range(n)}
        at = {d: p for d, p in maybe.items() if p is not None}
        if len(at) == n and all(_only_titles_after(al, cuts, d, p) for d, p in at.items()):
            found.append((at[0], s, at))
    found.sort()
    for _, s, at in found[:MAX_CUT_MARKERS]:
        cuts.after.append(s)
        for d, p in at.items():
            cuts.after_at[d] = min(p, cuts.after_at.get(d, p))


def _marker_shape(slot: Slot) -> bool:
    """A cut marker must not have a shape article bodies also have: a date-only line
    ("June 8, 2024", a related post's date) opens an events list or a diary entry as well,
    and a line of no letters ("—", "* * *") is an article's section break as well (new-user
    trial of stop 55: a draft cut an unseen page at its own "—", three of six paragraphs lost)."""
    if slot.shape.literal_letters() == 0:
        return False
    # nor a photo caption: a site's captions stand anywhere in its articles (new-user trial of
    # stop 59: "Ledger Lens: ... Photo: Tom Evans" closed 5 of 5 scrapes; an unseen page with
    # one mid-article lost 4 of its 6 paragraphs, exit 0)
    if any(boilerplate_label(v, len(v.split())) == "credit" for v in slot.shape.variants):
        return False
    return not (has_date(slot.shape) and slot.shape.literal_letters() < 3)


def _only_titles_after(al: Alignment, cuts: Cuts, d: int, p: int) -> bool:
    content = _after_headline(al, cuts, d)
    if not content or p < content[0] or p <= cuts.headline.get(d, -1):
        return False
    return all(is_title_like(al.docs[d][i]) for i in content if i > p)


def _categories(al: Alignment, cuts: Cuts) -> None:
    """A comma-separated list after the article, directly above the same template line in
    every scrape (often the cut line): the categories."""
    n = len(al.docs)
    for slot in sorted((s for s in al.slots if s.docs == n and s.source != "repeat"), key=lambda s: s.occ[0][0]):
        rx = slot_regex(slot)
        above = {}
        for d in range(n):
            at = first_match(al.docs[d], rx)
            j = neighbour(al.docs[d], at, -1) if at is not None else None
            if j is None or al.labels[d][j] is not None or not is_list_line(al.docs[d][j]):
                break
            if any(is_paragraph(al.docs[d][i]) for i in al.content(d) if i > j):
                break
            prev = neighbour(al.docs[d], j, -1)
            if prev is not None and al.labels[d][prev] is None and is_paragraph(al.docs[d][prev]):
                break  # a line of its own after the last paragraph: a letter's signature ("Name, Town")
            above[d] = j
        else:
            pin = _pinned(al, above, CATEGORIES)
            if pin and pin.step == 1:
                cuts.categories = pin
                return


def _cut_before(al: Alignment, cuts: Cuts) -> None:
    """The last fixed line found once in every scrape above the headline (or first article line)."""
    n = len(al.docs)
    best = None
    for s, slot in enumerate(al.slots):
        if slot.docs < n or slot.source != "line" or not slot.shape.is_literal():
            continue
        if any(len(p) != 1 for p in slot.occ.values()):
            continue
        at = {d: slot.occ[d][0] for d in range(n)}
        starts = {d: cuts.headline.get(d, (al.content(d) or [len(al.docs[d])])[0]) for d in range(n)}
        if all(at[d] < starts[d] for d in range(n)) and (best is None or at[0] > best[0]):
            best = (at[0], s, at)
    if best:
        cuts.before, cuts.before_at = best[1], best[2]
