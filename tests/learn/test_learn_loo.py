"""learn_site's leave-one-out check (issue 17, item 3): rule values that remove a left-out
scrape's article text are dropped or narrowed; no cut on a date-only line."""

from __future__ import annotations

from cleaner.learn.cuts import _marker_shape
from cleaner.learn.lines import Slot
from cleaner.learn.shapes import generalise
from cleaner.learn.site import _harm, _without

PROSE = [
    "The harbour board met on Tuesday and agreed to repair the old sea wall before winter.",
    "Fishermen had asked for the work for years after storms damaged the northern end.",
    "The ferry company said crossings would run as normal while the repairs went ahead.",
    "A public meeting about the new timetable will take place in the library next month.",
]


def scrapes() -> tuple[list[list[str]], list[set[str]]]:
    docs = [
        ["Menu", "Advertisement", PROSE[0], "Read more", "Other news"],
        ["Menu", "Advertisement", PROSE[1], "Read more", "Other news"],
        ["Menu", PROSE[2], "Read more", PROSE[3], "Advertisement"],  # "Read more" inside the body
    ]
    kept = [{PROSE[0]}, {PROSE[1]}, {PROSE[2], "Read more", PROSE[3]}]  # what the generic stage keeps
    return docs, kept


def test_cut_that_removes_a_left_out_scrapes_article_text_is_dropped():
    docs, kept = scrapes()
    entries = [{"kind": "cut_after", "text": ["Read more"], "why": "w"}]
    bad = _harm(entries, docs, kept, [2])
    assert bad == {("cut_after", "text", "Read more")}
    assert _harm(entries, docs, kept, [0, 1]) == set()
    assert _without(entries, bad) == []


def test_drop_pattern_that_removes_prose_is_narrowed():
    docs, kept = scrapes()
    entries = [{"kind": "drop_matching", "pattern": ["^Advertisement$", "^A public .+$"], "why": "w"}]
    bad = _harm(entries, docs, kept, [2])
    assert bad == {("drop_matching", "pattern", "^A public .+$")}
    assert _without(entries, bad) == [{"kind": "drop_matching", "pattern": ["^Advertisement$"], "why": "w"}]


def test_no_cut_marker_on_a_date_only_line():
    def slot(variants: list[str]) -> Slot:
        return Slot(generalise(variants), "line")

    assert not _marker_shape(slot(["June 8, 2024", "May 3, 2023", "July 19, 2021"]))
    assert not _marker_shape(slot(["8 Jun 2024", "3 May 2023"]))
    assert _marker_shape(slot(["Related stories"]))
    assert _marker_shape(slot(["© 2024 Northside Gazette", "© 2021 Northside Gazette"]))
    assert _marker_shape(slot(["12 comments", "3 comments"]))
