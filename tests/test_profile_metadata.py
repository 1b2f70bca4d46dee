"""Profiles are authoritative for metadata: what a matching profile gives (its sitename,
its metadata rules) replaces what an HTML page's own meta tags say; explain says where
each field came from."""

from __future__ import annotations

from pathlib import Path

from cleaner import clean, load_profiles

PAGE = """<html><head><title>Harbour festival | harbourtimes.example</title>
<meta property="og:site_name" content="harbourtimes.example">
<meta name="author" content="Mark Ellis">
<link rel="canonical" href="https://harbourtimes.example/news/festival"></head>
<body><article><h1>Harbour festival draws record crowds</h1>
<p>More than forty thousand people came to the harbour festival over the weekend, the largest crowd since it began.</p>
<p>Stallholders said they had sold out of food by Sunday afternoon, and the organisers want more space next year.</p>
<p class="who">Reporting: Ellen Okafor</p>
<p>The council will review the road closures, which caused long queues on the coast road on Saturday morning.</p>
</article></body></html>
"""


def profiles(tmp_path: Path, rules: str = "") -> object:
    (tmp_path / "harbour.toml").write_text(
        '[profile]\nname = "harbour"\nsitename = "The Harbour Times"\nhosts = ["harbourtimes.example"]\n' + rules,
        encoding="utf-8",
    )
    return load_profiles([tmp_path])


def test_a_profile_sitename_wins_over_the_pages_meta_tags(tmp_path: Path):
    doc = clean(PAGE, profiles=profiles(tmp_path))
    assert doc.profiles == ("harbour",)
    assert doc.metadata.sitename == "The Harbour Times"
    assert dict(doc.meta_sources)["sitename"] == "harbour"


def test_a_profile_text_rule_wins_over_the_pages_meta_tags(tmp_path: Path):
    rules = '[[rules]]\nkind = "meta_field"\npattern = \'^Reporting: (?P<author>.+)$\'\nwhy = "the reporter"\n'
    doc = clean(PAGE, profiles=profiles(tmp_path, rules))
    assert doc.metadata.author == "Ellen Okafor"
    assert dict(doc.meta_sources)["author"] == "harbour#1"


def test_without_a_profile_the_pages_meta_tags_stand_and_say_so():
    doc = clean(PAGE, profile="none")
    assert (doc.metadata.sitename, doc.metadata.author) == ("harbourtimes.example", "Mark Ellis")
    assert dict(doc.meta_sources) == {
        "title": "html:h1",
        "author": "html:meta",
        "sitename": "html:meta",
        "url": "html:meta",
    }
