"""`cleaner new`: a starter profile that loads, passes check and cleans its samples."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner

from cleaner import clean, load_profiles
from cleaner.check import check
from cleaner.cli import main

TEMPLATE = """Home | News | Sport | Contact

{title}

{body}

Follow us on Twitter for more stories like this
Copyright 2024 The Daily Example. All rights reserved.
"""

BODIES = [
    (
        "Harbour Reopens After Storm",
        "The harbour reopened on Monday after three days of storms kept the fishing fleet in port.",
    ),
    (
        "Library Extends Opening Hours",
        "The town library will stay open until nine in the evening from next month, the council said.",
    ),
]


def write_samples(tmp_path: Path) -> list[Path]:
    paths = []
    for i, (title, body) in enumerate(BODIES):
        path = tmp_path / f"scrape{i}.txt"
        path.write_text(TEMPLATE.format(title=title, body=body), encoding="utf-8")
        paths.append(path)
    return paths


def test_new_writes_a_profile_that_check_accepts(tmp_path: Path):
    samples = write_samples(tmp_path)
    out = tmp_path / "profiles" / "daily-example.toml"
    args = ["new", "daily-example", *[a for s in samples for a in ("--sample", str(s))], "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out}; next: cleaner check {out}\n"
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert data["profile"]["samples"] == ["../scrape0.txt", "../scrape1.txt"]
    assert data["profile"]["generic"] == "metadata"
    assert data["rules"][0] == {  # drafted by shape, as learn does
        "kind": "meta_field",
        "pattern": "^(?P<title>.+)$",
        "prev": r"^Home \| News \| Sport \| Contact$",
        "why": "headline: the varying line directly below the same template line in 2 of 2 scrapes",
    }
    assert data["rules"][1]["text"] == [
        "Home | News | Sport | Contact",
        "Follow us on Twitter for more stories like this",
        "Copyright 2024 The Daily Example. All rights reserved.",
    ]
    assert all(rule["why"] for rule in data["rules"])
    assert check([out]) == []
    doc = clean(samples[0].read_bytes(), profiles=load_profiles([out.parent]))
    assert doc.profiles[0] == "daily-example"
    assert doc.text == BODIES[0][1] + "\n"


def test_new_refuses_to_overwrite(tmp_path: Path):
    samples = write_samples(tmp_path)
    out = tmp_path / "exists.toml"
    out.write_text("keep me")
    result = CliRunner().invoke(main, ["new", "x", "--sample", str(samples[0]), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: {out} exists; not overwritten\n")
    assert out.read_text() == "keep me"


def test_new_checks_the_name(tmp_path: Path):
    samples = write_samples(tmp_path)
    result = CliRunner().invoke(main, ["new", "Daily Example", "--sample", str(samples[0])])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for 'NAME': \"Daily Example\" must be lower-case letters, digits and dashes\n"
    )


def test_new_drafts_say_generic_metadata_and_why(tmp_path: Path):
    samples = write_samples(tmp_path)
    result = CliRunner().invoke(main, ["new", "daily-example", "--sample", str(samples[0])])
    assert result.exit_code == 0, result.output
    comments = [line for line in result.stdout.splitlines() if line.startswith("#")]
    assert comments[-1] == (
        '# generic = "metadata" (the site default): the generic stage removes no line here; the rules below do.'
    )
    assert tomllib.loads(result.stdout)["profile"]["generic"] == "metadata"


# A scrape of a made-up coastal paper: the template around the article, a closing appeal that
# is the article's own (only this story asks for donations) and a newsletter line that the
# site adds to some stories.
COAST = """Home | News | Sport | Contact

{title}

{body}

{tail}Share | Tweet | Email

{count} comments

Copyright 2024 The Coast Courier. All rights reserved.
"""
APPEAL = "If you want to help the fishing families affected, click here to donate to the harbour relief fund today."
NEWSLETTER = "Sign up for our morning newsletter to get the coast's top stories before breakfast."
COAST_PAGES = [
    COAST.format(
        title="Harbour Reopens After Storm",
        body="The harbour reopened on Monday after three days of storms kept the fishing fleet in port.\n\n"
        "Skippers said the delay had cost them most of a week's catch, and several boats needed repairs.",
        tail=f"{APPEAL}\n\n{NEWSLETTER}\n\n",
        count=12,
    ),
    COAST.format(
        title="Library Extends Opening Hours",
        body="The town library will stay open until nine in the evening from next month, the council said.\n\n"
        "Librarians welcomed the change, saying students had asked for somewhere quiet to work for years.",
        tail=f"{NEWSLETTER}\n\n",
        count=3,
    ),
    COAST.format(
        title="Ferry Timetable Changes",
        body="The island ferry will run two extra crossings on Saturdays through the summer, the operator said.\n\n"
        "The first boat will now leave at six in the morning, an hour earlier than before.",
        tail="",
        count=7,
    ),
]
LETTER = """Letters

To the editor:

I was dismayed to read that the council plans to close the swimming pool on Sundays from next month.

The pool is the only place many older residents can exercise safely, and Sunday suits their families.

Please sign the petition at the library and tell your councillor what you think before Thursday's vote.

Margaret Hill
Northgate

Share this letter
Print
"""


def draft(tmp_path: Path, *pages: str) -> dict:
    """The profile `cleaner new` drafts from these scrapes, after checking that it passes check."""
    args = ["new", "site"]
    for i, page in enumerate(pages):
        (tmp_path / f"page{i}.txt").write_text(page, encoding="utf-8")
        args += ["--sample", str(tmp_path / f"page{i}.txt")]
    out = tmp_path / "profiles" / "site.toml"
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert check([out]) == []
    return tomllib.loads(out.read_text(encoding="utf-8"))


def rules(data: dict) -> list[tuple[list[str], str]]:
    return [(rule["text"], rule["why"]) for rule in data["rules"] if rule["kind"] == "drop_line"]


def test_new_from_one_sample_proposes_only_short_lines_that_are_not_sentences(tmp_path: Path):
    # The generic stage removes the closing appeal and the newsletter line (call to action) and
    # the copyright line; each ends like a sentence, so one sample cannot tell them from the article.
    data = draft(tmp_path, COAST_PAGES[0])
    assert rules(data) == [
        (["Home | News | Sport | Contact"], "suspected by heuristic:header (review)"),
        (["Share | Tweet | Email"], "suspected by heuristic:share (review)"),
        (["12 comments"], "suspected by heuristic:comments (review)"),
    ]
    assert data["profile"]["fingerprints"] == [r"^Home \| News \| Sport \| Contact$", r"^Share \| Tweet \| Email$"]
    assert data["expect"]["drop"] == ["Home | News | Sport | Contact", "Share | Tweet | Email", "12 comments"]


def test_new_never_proposes_a_letters_own_lines_that_read_as_sentences(tmp_path: Path):
    # The generic stage takes "To the editor:" for a header line; it ends like a clause, so it stays.
    # The signature is short and not a sentence: its shape is a menu's, so it is proposed for review.
    data = draft(tmp_path, LETTER)
    assert rules(data) == [
        (["Letters"], "suspected by heuristic:header (review)"),
        (["Margaret Hill", "Northgate", "Share this letter"], "suspected by heuristic:footer (review)"),
        (["Print"], "suspected by heuristic:share (review)"),
    ]
    assert "To the editor:" not in data["expect"]["drop"]


def test_new_from_several_samples_drops_prose_only_when_more_than_one_sample_has_it(tmp_path: Path):
    # The appeal is in one sample only: never a rule. The newsletter line is in two of the three,
    # the copyright line in all: both stay rules, as do the comment counters (short, not sentences).
    data = draft(tmp_path, *COAST_PAGES)
    assert rules(data) == [
        (
            [
                "Home | News | Sport | Contact",
                "Share | Tweet | Email",
                "Copyright 2024 The Coast Courier. All rights reserved.",
            ],
            "in all 3 samples although the articles differ: site template? (review)",
        ),
        ([NEWSLETTER], "suspected by heuristic:call-to-action (review)"),
        (["12 comments", "3 comments", "7 comments"], "suspected by heuristic:comments (review)"),
    ]
    assert APPEAL not in data["expect"]["drop"]


def test_new_drafts_metadata_rules_not_literal_drops_of_bylines_dates_headlines(tmp_path: Path):
    """`new` on two scrapes of a news site: the byline and dateline become meta_field
    rules by shape (no literal drop_line of one sample's byline, date or headline, nor of
    the related links two pages share); on an unseen scrape by the same writer the author
    and date are read and neither line stays in the body."""
    from tests.learn.coastal import ARTICLES, SCRAPES

    folder = tmp_path / "my-profiles"
    (folder / "samples").mkdir(parents=True)
    samples = []
    for k in range(2):
        samples.append(folder / "samples" / f"s{k + 1}.txt")
        samples[-1].write_text(SCRAPES[k], encoding="utf-8")
    out = folder / "coastal-herald2.toml"
    args = ["new", "coastal-herald2", *[a for s in samples for a in ("--sample", str(s))], "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    metas = [r["pattern"] for r in data["rules"] if r["kind"] == "meta_field"]
    assert [m[:19] for m in metas] == ["^By (?P<author>\\p{L", "^Published (?P<date"]
    dropped = {t for r in data["rules"] if r["kind"] == "drop_line" for t in r["text"]}
    for a in ARTICLES[:2]:
        assert {a["title"], f"By {a['author']}, {a['role']}", a["dateline"], *a["related"]} & dropped == set()
    assert check([out]) == []
    unseen = ARTICLES[3]  # Margaret Ellison again, as in the first sample
    doc = clean(SCRAPES[3].encode(), profiles=load_profiles([folder]), profile="coastal-herald2")
    meta = doc.metadata.as_dict()
    assert (meta["author"], meta["date"]) == ("Margaret Ellison", "2024-08-05T18:05:00+01:00")
    assert "By Margaret Ellison" not in doc.text
    assert unseen["dateline"] not in doc.text
    assert unseen["standfirst"] in doc.text
