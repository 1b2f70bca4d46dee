"""learn_site on small hand-written scrapes: datelines with a time, dates below the
article, bylines without "By" (issue 17, item 3)."""

from __future__ import annotations

from pathlib import Path

import regex

import cleaner
from cleaner.learn import learn_site
from cleaner.learn.meta import is_paragraph, name_groups
from cleaner.learn.shapes import generalise

BODIES = [
    [
        "The ferry timetable changes next week after a long consultation with passengers.",
        "Morning crossings move earlier by ten minutes and the last boat leaves at nine.",
    ],
    [
        "A new cycle shelter opened beside the station with room for sixty bikes.",
        "Commuters asked for lockers as well and the council says it will look at costs.",
    ],
    [
        "The allotment society held its autumn show in the parish hall on Saturday.",
        "Judges praised the onions and a record number of children entered the vegetable art class.",
    ],
    [
        "Volunteers repainted the bandstand in the park over two sunny weekends in May.",
        "The work was paid for by a raffle and donations from neighbouring businesses.",
    ],
]
TITLES = ["Ferry Times Change", "Station Gets Bike Shelter", "Allotment Show Returns", "Bandstand Repainted"]
NAMES = ["Oskar Brandt", "Nadia Osei", "Ines van Loon", "Tobias Reyes"]


def page(k: int, byline: str, dateline: str, footer: list[str]) -> str:
    lines = [
        "The Quayside Bulletin",
        "Home | Town | Harbour | Letters",
        "",
        TITLES[k],
        byline,
        dateline,
        "",
        BODIES[k][0],
        "",
        BODIES[k][1],
        "",
        "Share this story",
        "More stories",
        *footer,
        "",
        "© The Quayside Bulletin",
    ]
    return "\n".join(lines) + "\n"


def clean_unseen(tmp_path: Path, pages: list[str]) -> tuple[cleaner.Document, str]:
    toml = learn_site(pages[:3], "quayside")
    (tmp_path / "quayside.toml").write_text(toml, encoding="utf-8")
    doc = cleaner.clean(pages[3], profiles=cleaner.load_profiles([tmp_path]), profile="quayside", heuristics=False)
    return doc, toml


def body(k: int) -> str:
    return "\n\n".join(BODIES[k]) + "\n"


# ---- (a) a dateline with a time and an "Updated ..." tail ------------------------------------

DATELINES = [
    "Posted March 3, 2021 at 9:15 a.m. | Updated March 4, 2021 at 6:40 p.m.",
    "Posted July 21, 2022 at 4:05 p.m. | Updated July 21, 2022 at 8:30 p.m.",
    "Posted October 9, 2020 at 11:50 a.m. | Updated October 12, 2020 at 7:10 a.m.",
    "Posted January 30, 2023 at 2:25 p.m. | Updated February 1, 2023 at 10:00 a.m.",
]


def test_dateline_is_not_prose():
    assert not is_paragraph(DATELINES[0])
    assert is_paragraph(BODIES[0][0])


def test_dateline_date_group_has_the_time_and_meridiem_varies():
    # all three variants print "a.m." in the published time: still a class, not a literal
    shape = generalise(
        [
            "Posted May 2, 2021 at 9:15 a.m. | Updated May 2, 2021 at 10:40 a.m.",
            "Posted June 8, 2022 at 7:05 a.m. | Updated June 9, 2022 at 8:30 a.m.",
            "Posted July 19, 2020 at 11:50 a.m. | Updated July 19, 2020 at 11:55 a.m.",
        ]
    )
    assert name_groups(shape) == ["date"]
    match = regex.fullmatch(shape.regex(), DATELINES[1])
    assert match and match.group("date") == "July 21, 2022 at 4:05 p.m."


def test_dateline_with_time_learned_as_published_date(tmp_path):
    pages = [page(k, f"By {NAMES[k]}", DATELINES[k], []) for k in range(4)]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == body(3)
    meta = doc.metadata.as_dict()
    assert meta["date"] == "2023-01-30T14:25:00"
    assert meta["author"] == "Tobias Reyes"
    assert "a\\.m\\." not in toml  # a.m./p.m. a varying part, never a literal


# ---- (b) dates after the article are never the page's date -------------------------------

RELATED = [
    ["Harbour Wall Repairs Begin", "April 2, 2019", "Market Moves Indoors", "May 14, 2018"],
    ["Pier Lights Restored", "June 30, 2019", "School Choir Tours", "August 8, 2017"],
    ["Lifeboat Day Planned", "September 5, 2018", "Museum Extends Hours", "December 1, 2019"],
    ["Tide Gauge Replaced", "November 11, 2017", "Fish Market Reopens", "March 19, 2018"],
]


def test_date_only_from_lines_above_the_article(tmp_path):
    # No dateline above the article: the related posts' dates must not become the date.
    pages = [page(k, f"By {NAMES[k]}", "", RELATED[k]) for k in range(4)]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == body(3)
    assert doc.metadata.as_dict().get("date") is None
    assert "(?P<date>" not in toml


def test_dateline_above_wins_over_related_dates(tmp_path):
    pages = [page(k, f"By {NAMES[k]}", DATELINES[k], RELATED[k]) for k in range(4)]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == body(3)
    assert doc.metadata.as_dict()["date"] == "2023-01-30T14:25:00"
    assert toml.count("(?P<date>") == 1


# ---- (c) a byline without "By": "Name, Role" ---------------------------------------------------


def test_byline_name_with_fixed_role_is_author(tmp_path):
    dates = ["March 3, 2021", "July 21, 2022", "October 9, 2020", "January 30, 2023"]
    pages = [page(k, f"{NAMES[k]}, Harbour Correspondent", dates[k], []) for k in range(4)]
    doc, _ = clean_unseen(tmp_path, pages)
    assert doc.text == body(3)
    meta = doc.metadata.as_dict()
    assert meta["author"] == "Tobias Reyes"
    assert meta["date"] == "2023-01-30"


def test_name_role_shape_names_author():
    shape = generalise(["Oskar Brandt, Harbour Correspondent", "Nadia Osei, Harbour Correspondent"])
    assert name_groups(shape) == ["author"]
    match = regex.fullmatch(shape.regex(), "Ines van Loon, Harbour Correspondent")
    assert match and match.group("author") == "Ines van Loon"


# ---- a section label, the headline, a standfirst, then the byline and the date line ---------

SECTIONS = ["Harbour", "Town", "Letters", "Sport"]
STANDFIRSTS = [
    "Passengers say the new times suit shift workers better than the old ones did.",
    "The shelter is the first of three the council plans to build this year.",
    "Entries were up by a third on last year, the society's secretary said.",
    "The bandstand will host a brass concert on the first Sunday of June.",
]


def headed(k: int) -> str:
    lines = [
        "The Quayside Bulletin",
        "Home | Town | Harbour | Letters | Sport",
        "Accept cookies",
        SECTIONS[k],
        TITLES[k],
        STANDFIRSTS[k],
        f"Words: {NAMES[k]}",
        f"Filed 1{k}.06.2024 at 09:30",
        *BODIES[k],
        "Share this story",
        "© The Quayside Bulletin",
    ]
    return "\n".join(lines) + "\n"


def test_the_headline_above_a_standfirst_byline_and_date_line_is_no_section_label(tmp_path):
    """New-user trial of stop 37: "Section / Headline / lead sentence / Words: X / Filed date":
    the lead sentence read as the body's start, so the date line was no head line, and learn
    took the first line under the cookie banner, the section label, for the headline: the title
    of every page was its section ("Harbour"), the headline left in the text."""
    pages = [headed(k) for k in range(4)]
    doc, toml = clean_unseen(tmp_path, pages)
    assert "prev = '^Accept cookies$'" not in toml, toml
    assert doc.metadata.title != SECTIONS[3]
