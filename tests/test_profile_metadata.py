"""Profiles are authoritative for metadata: what a matching profile gives (its sitename,
its metadata rules) replaces what an HTML page's own meta tags say; explain says where
each field came from."""

from __future__ import annotations

from pathlib import Path

import pytest

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


SCRAPE = """Harbour festival draws record crowds | Town - The Harbour Times

The Harbour Times
Home | Town | Harbour

Harbour festival draws record crowds
Ellen Okafor, March 3, 2024

More than forty thousand people came to the harbour festival over the weekend, the largest crowd since it began.

Stallholders said they had sold out of food by Sunday afternoon, and the organisers want more space next year.
"""
HEADLINE_RULE = """[[rules]]
kind = "meta_field"
pattern = '^(?P<title>.+)$'
next = '^Ellen Okafor, '
why = "the headline, above the byline"
"""


def test_the_pages_title_line_goes_with_the_headline_a_profile_took(tmp_path: Path):
    """The scrape's first line is the page's <title>, the headline with the site's name:
    when a profile rule takes the headline as title, that line is the headline repeated."""
    doc = clean(SCRAPE, profiles=profiles(tmp_path, HEADLINE_RULE), profile="harbour")
    assert doc.metadata.title == "Harbour festival draws record crowds"
    assert "| Town -" not in doc.text
    assert [r.rule for r in doc.removals if r.text.startswith("Harbour festival draws record crowds |")] == [
        "metadata:title-repeat"
    ]


def test_a_first_line_that_only_starts_like_the_title_stays(tmp_path: Path):
    scrape = SCRAPE.replace("| Town - The Harbour Times", "draws calls for a second weekend next summer in town")
    doc = clean(scrape, profiles=profiles(tmp_path, HEADLINE_RULE), profile="harbour", heuristics=False)
    assert doc.text.startswith("Harbour festival draws record crowds draws calls for a second weekend")


@pytest.mark.parametrize(
    ("title", "printed"),
    [
        ("Will the harbour festival move to the park", "Will the harbour festival move to the park?"),
        ("Harbour festival draws record crowds!", "Harbour festival draws record crowds"),
    ],
)
def test_the_headline_printed_with_an_end_mark_the_title_lacks_or_has_is_a_repeat(title: str, printed: str):
    """cleaneval:train: the title model took a line naming the headline without its question
    mark; the printed headline stayed in the body, and cleaning the output again took it."""
    from cleaner.document import Context, Document, Line, Metadata
    from cleaner.profiles import Profiles
    from cleaner.stages import metadata

    texts = [printed, "", *SCRAPE.split("\n")[-4:]]
    doc = Document(lines=tuple(Line(n, t) for n, t in enumerate(texts, 1)), metadata=Metadata(title=title))
    doc = metadata.run(doc, Context(profiles=Profiles()))
    assert doc.metadata.title == title
    assert [r.rule for r in doc.removals] == ["metadata:title-repeat"]
    assert printed not in doc.text


def test_two_rules_giving_categories_give_both_lists(tmp_path: Path):
    """A section label and a "Topics:" line are both categories: the second rule's line goes,
    so its values must not be lost (new-user trial of stop 51: a learned draft kept only the
    first). Other fields keep the first rule's value."""
    rules = """[[rules]]
kind = "meta_field"
pattern = '^Section: (?P<categories>.+)$'
why = "the section label"

[[rules]]
kind = "meta_field"
pattern = '^Topics: (?P<categories>.+)$'
why = "the topics line"

[[rules]]
kind = "meta_field"
pattern = '^Filed by (?P<author>.+)$'
keep_line = true
why = "a byline"

[[rules]]
kind = "meta_field"
pattern = '^Filed by (?P<author>.+) at'
why = "the same byline read again"
"""
    scrape = SCRAPE.replace(
        "Ellen Okafor, March 3, 2024",
        "Section: Town\nTopics: Festivals, Town, Roads\nFiled by Ellen Okafor at the quay",
    )
    doc = clean(scrape, profiles=profiles(tmp_path, rules), profile="harbour")
    assert doc.metadata.categories == ("Town", "Festivals", "Roads")
    assert doc.metadata.author == "Ellen Okafor at the quay"
    assert "Topics:" not in doc.text and "Section:" not in doc.text and "Filed by" not in doc.text
    assert [rule for field, rule in doc.meta_sources if field == "categories"] == ["harbour#1", "harbour#2"]
