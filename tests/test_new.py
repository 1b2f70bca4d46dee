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
    assert data["rules"][0]["text"] == [
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
