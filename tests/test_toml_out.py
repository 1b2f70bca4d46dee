"""Patterns in every quoting TOML allows round-trip, and the profile loader accepts them."""

from __future__ import annotations

import tomllib

import pytest

from cleaner.profiles import load_file
from cleaner.toml_out import render, string

STRINGS = [
    (r"^By (?P<author>.+?) \| (?P<reading_time>\d+) min read$", "'"),
    (r"^Writer's picture(?P<author>.+)$", "'''"),
    ("It's '", '"'),
    ("tab\there", "'"),
    ("bell\x07", '"'),
    ('back\\slash "quoted"', "'"),
]


@pytest.mark.parametrize("value, opening", STRINGS)
def test_string_round_trips(value, opening):
    text = string(value)
    assert text.startswith(opening)
    assert tomllib.loads(f"v = {text}")["v"] == value


def test_rendered_profile_loads(tmp_path):
    rules = [
        {"kind": "meta_field", "pattern": r"^Writer's picture(?P<author>.+)$", "why": "writer"},
        {"kind": "drop_line", "text": ["Share", "Subscribe"], "why": "calls to action"},
        {"kind": "cut_after", "pattern": [r"^Related$"], "why": "footer"},
    ]
    text = render({"name": "t", "description": "d", "fingerprints": [r"^Share$"]}, rules, {"drop": ["Share"]})
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    profile, problems = load_file(path)
    assert problems == [] and [r.kind for r in profile.rules] == ["meta_field", "drop_line", "cut_after"]
