"""Metadata the text's own lines print where the page gave none: a wire or press release's
dateline opening the text (the date), an extractor's text opening on a section label right
above the headline (a kicker: the page's head, no body). The metadata stage (cleaner.stages.metadata)
calls these."""

from __future__ import annotations

import datetime

import regex

from cleaner.document import Document, is_list_item, removals_at
from cleaner.heuristics import meta
from cleaner.heuristics.top import reads_as_title

# A wire or press-release dateline opening the article: the place in capitals (a region
# perhaps), the date, an agency perhaps, a dash, the text ("PITTSBURGH, Feb. 27, 2024
# /PRNewswire/ -- ...": a new-user trial of stop 40's press release gave no date). Nothing
# else: an obituary's "JANE ROE, May 1, 1931 - Feb. 20, 2024", "COVID-19, March 11, 2020 --",
# "CHAPTER ONE, MAY 1, 1945 --" gave dates (attacker trial of stop 40).
DATELINE = regex.compile(
    r"(?P<place>\p{Lu}[\p{Lu}'’. -]{2,40}?)(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30}?)?,\s*(?P<date>[^()/–—]{4,40}?)"
    r"\s*(?:\([^()]{2,40}\)|/[^/]{2,40}/)?\s*(?:-{1,2}|–|—)\s+(?P<rest>\S.{0,30})"
)
NOT_PLACES = frozenset({"CHAPTER", "CORRECTION", "CLARIFICATION", "UPDATE", "UPDATED", "EDITOR'S NOTE", "PART", "DEAR"})
PLACE_WORDS = 3  # "SALT LAKE CITY"; "JOHN SMITH AND MARY BROWN, June 15, 2024 -" is a wedding's


def dateline_date(doc: Document) -> str | None:
    """The date of a dateline opening the text's first line; not a date to come."""
    # the first line, or the second under a headline (the title is taken later)
    lines = [line.text.strip() for line in doc.lines if line.text.strip()][:2]
    if len(lines) == 2 and reads_as_title(lines[0]):
        lines = lines[1:] if not DATELINE.match(lines[0]) else lines[:1]
    m = DATELINE.match(lines[0]) if lines else None
    if m is None or m.group("rest")[0].isdigit():
        return None
    place = m.group("place").split()
    if len(place) > PLACE_WORDS or " ".join(place) in NOT_PLACES or place[0] in NOT_PLACES:
        return None
    printed = m.group("date")
    found = meta.find_date(printed)
    if found is None or meta.find_date(m.group("rest")) is not None:  # a span of dates: a life, a reign
        return None
    start, end = found[1]
    leftover = printed[:start] + printed[end:]
    # only a date ("le 27 février 2024"); "MAY 1" in capitals is a heading's
    if regex.search(r"\d|\p{L}{4,}", leftover) or printed.isupper():
        return None
    dated = meta.when(printed)
    if dated is None or dated[0][:10] > datetime.date.today().isoformat():
        return None
    return dated[0]


KICKER_WORDS = 3


def _label(text: str) -> bool:
    """A section's name: a few capitalised words, no figure, no sentence, list item or date."""
    words = text.split()
    return (
        len(words) <= KICKER_WORDS
        and text[:1].isupper()
        and not any(c.isdigit() for c in text)
        and not text.endswith((".", "!", "?", ":", ",", ";"))
        and not is_list_item(text)
        and not meta.WEEKDAYS & {w.casefold() for w in words}
        and not meta.byline(text)
    )


def kicker(doc: Document, title_at: int) -> Document:
    """An extractor's text that opens on a section label right above the headline ("Science",
    "Eat & Drink": the page's kicker over its <h1>; two new-user trials read it as the first
    line of the text): the label is the page's head, not body. Not the categories: such a
    line is a badge or a button as often ("Premium", "Exclusive", "Listen": attacker trial of
    stop 40)."""
    above = [i for i, line in enumerate(doc.lines[:title_at]) if line.text.strip()]
    if len(above) != 1 or not _label(doc.lines[above[0]].text.strip()):
        return doc
    why = "a section label or badge above the headline: the page's head, not body"
    return doc.without(removals_at(doc.lines, above, rule="metadata:section", kind="metadata", why=why))
