"""learn_site on five scrapes of a regional news site (new-user findings, issue 17b):
a dateline with a clock time and a time zone, a byline with a varying role, a standfirst
below the headline, and related-article lists where one scrape's headline is another's
related link."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import cleaner
from cleaner.learn import learn_site
from cleaner.learn.meta import name_groups
from cleaner.learn.shapes import generalise

from .coastal import ARTICLES, SCRAPES, body


def _learned(tmp_path: Path, k: int) -> tuple[str, cleaner.Profiles]:
    toml = learn_site(SCRAPES[:k], "coastal-herald")
    Path(tmp_path, "coastal-herald.toml").write_text(toml, encoding="utf-8")
    return toml, cleaner.load_profiles([tmp_path])


def test_dateline_date_group_takes_date_time_and_zone():
    shape = generalise(["Published 3 May 2024, 09:10 BST", "Published 14 January 2024, 16:45 GMT"])
    assert name_groups(shape) == ["date"]
    rx = shape.regex()
    assert rx.startswith("^Published (?P<date>") and rx.endswith("))$")
    m = regex.search(rx, "Published 5 August 2024, 18:05 BST")
    assert m and m.group("date") == "5 August 2024, 18:05 BST"
    # a zone the scrapes did not show is the same token class, not a name
    assert regex.search(rx, "Published 5 August 2024, 18:05 UTC").group("date") == "5 August 2024, 18:05 UTC"


def test_zone_is_not_a_name_when_constant():
    shape = generalise(["Published 3 May 2024, 09:10 BST", "Published 22 July 2024, 07:30 BST"])
    assert name_groups(shape) == ["date"]
    assert "BST|CDT" in shape.regex()
    assert (
        regex.search(shape.regex(), "Published 9 December 2024, 12:20 GMT").group("date")
        == "9 December 2024, 12:20 GMT"
    )


@pytest.mark.parametrize("k", [3, 4])
def test_learned_profile_cleans_unseen_scrape_exactly(tmp_path, k):
    _, profiles = _learned(tmp_path, k)
    doc = cleaner.clean(SCRAPES[4], profiles=profiles, profile="coastal-herald")
    assert doc.text == body(ARTICLES[4])  # standfirst kept, byline, dateline, section label, share bar gone


@pytest.mark.parametrize("k", [3, 4])
def test_learned_profile_reads_unseen_scrapes_metadata(tmp_path, k):
    _, profiles = _learned(tmp_path, k)
    want = ARTICLES[4]
    doc = cleaner.clean(SCRAPES[4], profiles=profiles, profile="coastal-herald")
    kept = doc.text.strip().split("\n\n")
    assert len(kept) >= 3 and kept == body(want).strip().split("\n\n")[: len(kept)]  # the body from its start
    meta = doc.metadata.as_dict()
    assert meta["title"] == want["title"] == "Town football club unveils plans for new stand"
    assert meta["author"] == "Dan Hollis"
    assert meta["date"] == want["date"] == "2024-12-09T12:20:00+00:00"


def test_learned_date_equals_generic_date(tmp_path):
    _, profiles = _learned(tmp_path, 3)
    for text, a in zip(SCRAPES, ARTICLES, strict=True):
        generic = cleaner.clean(text, profile="none").metadata.as_dict()["date"]
        learned = cleaner.clean(text, profiles=profiles, profile="coastal-herald").metadata.as_dict()["date"]
        assert learned == generic == a["date"]


def test_byline_with_varying_role_is_author(tmp_path):
    toml, profiles = _learned(tmp_path, 3)
    assert "pattern = '''^By (?P<author>" in toml
    for text, a in zip(SCRAPES, ARTICLES, strict=True):
        doc = cleaner.clean(text, profiles=profiles, profile="coastal-herald")
        assert doc.metadata.as_dict()["author"] == a["author"]
        assert f"By {a['author']}" not in doc.text


def test_standfirst_is_body_not_title(tmp_path):
    _, profiles = _learned(tmp_path, 3)
    for text, a in zip(SCRAPES, ARTICLES, strict=True):
        doc = cleaner.clean(text, profiles=profiles, profile="coastal-herald")
        assert doc.metadata.as_dict()["title"] == a["title"]
        assert doc.text.startswith(a["standfirst"] + "\n\n")
        assert a["section"] not in doc.text.splitlines()


@pytest.mark.parametrize("k", [2, 3, 4])
def test_related_links_are_no_fingerprints_or_cut_markers(tmp_path, k):
    toml, _ = _learned(tmp_path, k)
    prints = toml.split("fingerprints = [", 1)[1].split("]", 1)[0]
    # "Skip to main content" and "Related articles" are any site's labels, "Politics" a section's
    # name: no fingerprints (attacker trial of stop 55)
    assert [p.strip().strip(",'") for p in prints.strip().splitlines()] == ["^The Coastal Herald$"]
    rules = toml.split("[expect]")[0]
    assert [link for a in ARTICLES for link in [a["title"], *a["related"]] if link[:12] in rules] == []
