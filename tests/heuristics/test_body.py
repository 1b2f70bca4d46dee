"""Line classes, neighbour smoothing and the densest body region."""

from __future__ import annotations

import pytest

from cleaner.heuristics import body
from cleaner.heuristics.body import BAD, GOOD, NEARGOOD, SHORT
from cleaner.heuristics.lines import describe

PROSE = "The committee met on Tuesday and decided that the new rules will apply to all of the members from next year."
LONG_PROSE = PROSE + " " + PROSE


@pytest.mark.parametrize(
    ("line", "hard_bad", "expected"),
    [
        pytest.param(LONG_PROSE, False, GOOD, id="long-prose"),
        pytest.param(PROSE, False, GOOD, id="one-sentence"),
        pytest.param("Home", False, SHORT, id="short"),
        pytest.param(PROSE, True, BAD, id="labelled-boilerplate"),
        pytest.param(
            "Quarterly Revenue Growth Figures For European Technology Companies In Twenty Twenty",
            False,
            BAD,
            id="title-case-no-stop-words",
        ),
        pytest.param(
            "Revenue, growth, margins, Europe, technology, companies, figures, quarters, markets.",
            False,
            NEARGOOD,
            id="list-ending-like-a-sentence",
        ),
    ],
)
def test_classify(line: str, hard_bad: bool, expected: str):
    assert body.classify(describe(0, line), hard_bad) == expected


@pytest.mark.parametrize(
    ("classes", "edge", "expected"),
    [
        pytest.param([GOOD, SHORT, GOOD], BAD, [GOOD, GOOD, GOOD], id="heading-between-paragraphs"),
        pytest.param([BAD, SHORT, SHORT, BAD], BAD, [BAD, BAD, BAD, BAD], id="menu-between-boilerplate"),
        pytest.param([SHORT, GOOD], BAD, [BAD, GOOD], id="page-edge-is-boilerplate"),
        pytest.param([SHORT, GOOD], GOOD, [GOOD, GOOD], id="region-edge-is-body"),
        pytest.param([BAD, NEARGOOD, BAD], BAD, [BAD, BAD, BAD], id="neargood-among-boilerplate"),
        pytest.param([GOOD, NEARGOOD, BAD], BAD, [GOOD, GOOD, BAD], id="neargood-next-to-body"),
    ],
)
def test_smooth(classes: list[str], edge: str, expected: list[str]):
    assert body.smooth(classes, edge=edge) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(["Home", "News", PROSE, PROSE, "Share", "Contact"], (2, 3), id="body-between-menus"),
        pytest.param([PROSE, "Heading", PROSE], (0, 2), id="heading-inside"),
        pytest.param(["Home", "News"], None, id="no-body"),
    ],
)
def test_densest_region(lines: list[str], expected):
    infos = [describe(i, t) for i, t in enumerate(lines)]
    classes = [body.classify(info, info.text in ("Share", "Contact")) for info in infos]
    assert body.densest_region(infos, classes) == expected
