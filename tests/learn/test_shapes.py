"""Variants of one template line generalised to a pattern, and their metadata parts named."""

from __future__ import annotations

import pytest
import regex

from cleaner.learn.meta import name_groups
from cleaner.learn.shapes import generalise

CASES = [
    (
        ["By Jane Roe | 4 min read", "By Ali Khan | 12 min read"],
        ["author", "reading_time"],
        "By Mary Ann Lee | 7 min read",
        {"author": "Mary Ann Lee", "reading_time": "7"},
    ),
    (
        ["Published March 4, 2024", "Published April 12, 2023"],
        ["date"],
        "Published May 30, 2025",
        {"date": "May 30, 2025"},
    ),
    (["12 Comments", "3 Comments"], [], "140 Comments", {}),
    (["Top picks for March 2025", "Top picks for April 2025"], [], "Top picks for June 2026", {}),  # no day: not a date
    (["Tags: Pruning, Soil", "Tags: Pruning, Roses, Herbs"], ["tags"], "Tags: Compost", {"tags": "Compost"}),
    (["© 2023 Site Media.", "© 2021 Site Media."], [], "© 2026 Site Media.", {}),
    # the label goes on past its cue: the list starts after its colon, and a line of the
    # article that opens with the cue is no match (new-user trial of stop 47)
    (
        ["Filed under: ferries, Kestrel Island", "Filed under: schools, robotics, Port Aldous High"],
        ["categories"],
        "Filed under: courts",
        {"categories": "courts"},
    ),
    (
        ["Jane Roe · Mar 4, 2024 · 3 min read", "Ana de Souza · Nov 12, 2023 · 10 min read"],
        ["author", "date", "reading_time"],
        "Li Wei · Jan 1, 2025 · 2 min read",
        {"author": "Li Wei", "date": "Jan 1, 2025", "reading_time": "2"},
    ),
]


@pytest.mark.parametrize("variants, fields, unseen, groups", CASES, ids=[c[0][0] for c in CASES])
def test_generalise_and_name(variants, fields, unseen, groups):
    shape = generalise(variants)
    assert name_groups(shape) == fields
    pattern = regex.compile(shape.regex())
    for v in variants:
        assert pattern.fullmatch(v)
    match = pattern.fullmatch(unseen)
    assert match and match.groupdict() == groups


def test_unnamed_pattern_has_no_groups():
    shape = generalise(["By Jane Roe | 4 min read", "By Ali Khan | 12 min read"])
    name_groups(shape)
    assert "(?P<" not in shape.regex(named=False)


def test_name_shared_by_chance_stays_variable():
    shape = generalise(["By Mary Ann Lee", "By Ann Smith", "By Ann Okafor"])
    assert regex.fullmatch(shape.regex(), "By Grace Moreau")


def test_a_label_past_its_cue_is_no_part_of_the_pattern_s_list():
    shape = generalise(["Filed under: ferries, Kestrel Island", "Filed under: schools, robotics"])
    name_groups(shape)
    assert not regex.fullmatch(shape.regex(), "Filed in provincial court on Tuesday, the lawsuit argues it.")
