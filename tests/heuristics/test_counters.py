"""Counters a page prints: views, comments, shares, reading time."""

from __future__ import annotations

import pytest

from cleaner.heuristics.counters import is_counter


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("6 views", True, id="views"),
        pytest.param("12 comments", True, id="comments"),
        pytest.param("6 views0 comments", True, id="glued-counters"),
        pytest.param("1.2k shares", True, id="thousands"),
        pytest.param("4 min read", True, id="reading-time"),
        pytest.param("3 Kommentare", True, id="comments-de"),
        pytest.param("15 comentarios", True, id="comments-es"),
        pytest.param("* 845 shares", True, id="bullet"),
        pytest.param("12 comments on the new budget", False, id="more-words"),
        pytest.param("views", False, id="no-number"),
        pytest.param("In 2019 there were 6 views of the comet", False, id="prose"),
        # a reading time labelled or hyphenated, the line whole (new-user trial, stop 34)
        pytest.param("Reading time: 6 min", True, id="reading-time-label"),
        pytest.param("Read time 6 minutes.", True, id="read-time"),
        pytest.param("6-minute read", True, id="hyphenated"),
        pytest.param("Reading time: 6 min, then a quiz", False, id="label-and-more"),
        pytest.param("Reading time matters more than length", False, id="label-prose"),
        pytest.param("6 minutes from the station", False, id="minutes-prose"),
        # a dash before it (new-user trial, stop 36: Ghost prints "— 4 min read" under the byline)
        pytest.param("— 4 min read", True, id="em-dash"),
        pytest.param("– 12 comments", True, id="en-dash"),
        # the data files' reading times (new-user trial of stop 36: these stayed in the text)
        pytest.param("Tempo di lettura: 4 minuti", True, id="reading-time-it"),
        pytest.param("Leestijd 3 minuten", True, id="reading-time-nl"),
        pytest.param("Okuma süresi: 3 dk", True, id="reading-time-tr"),
        pytest.param("Χρόνος ανάγνωσης: 4 λεπτά", True, id="reading-time-el"),
        pytest.param("Lesezeit: 5 Min.", True, id="reading-time-de"),
        pytest.param("Lettura: 6 min", True, id="reading-time-it-short"),
        pytest.param("Διάρκεια ανάγνωσης: 5 λεπτά", True, id="reading-time-el-duration"),
        pytest.param("ΧΡΟΝΟΣ ΑΝΑΓΝΩΣΗΣ: 4 ΛΕΠΤΑ", True, id="reading-time-el-capitals"),  # no tonos in capitals
        pytest.param("4 ΛΕΠΤΑ ΑΝΑΓΝΩΣΗΣ", True, id="reading-time-el-capitals-figure-first"),
        pytest.param("Tempo di lettura: 4 minuti, poi il resto", False, id="reading-time-and-more"),
    ],
)
def test_is_counter(line: str, expected: bool):
    assert is_counter(line) is expected


def test_a_sentence_with_minutes_is_no_reading_time():
    """Attacker trial 3 of stop 36: "Hij kon 10 minuten lezen" (he could read for 10 minutes) read as 10."""
    from cleaner.heuristics.meta import reading_minutes

    assert reading_minutes("Hij kon 10 minuten lezen") is None
    assert reading_minutes("Leestijd 3 minuten") == 3


def test_the_reading_time_of_a_long_line_of_facts_is_its_parts():
    """New-user trial of stop 41: a byline of 13 words with its reading time last gave none."""
    from cleaner.heuristics.meta import reading_minutes

    assert reading_minutes("By Margaret Okafor | Published 12 March 2024, 09:15 GMT | 5 min read") == 5
    assert reading_minutes("Ana Ruiz · 14. März 2024, 10:00 Uhr · Lesezeit: 4 Min.") == 4
    long_sentence = "The guide says it is a 5 min read but this sentence runs on for many more words than facts do"
    assert reading_minutes(long_sentence) is None
