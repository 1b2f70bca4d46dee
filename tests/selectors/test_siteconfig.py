"""FiveFilters site config files as profiles: names, lazy loading, directives, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import ProfileError, clean, load_profiles, siteconfig
from cleaner.check import check

PAGE = """<html><head><title>Harbour reopens | Example</title>
<link rel="canonical" href="{url}"></head><body>
<div class="teaser"><p>Another story entirely, long enough to be read as text by an extractor that likes it.</p></div>
<h1 class="headline">Harbour reopens</h1><span class="byline">Ann Lee</span>
<div itemprop="articleBody"><p>The harbour reopened on Monday after three days of storms kept the fleet in port.</p>
<aside><p>Related: a story about boats that is not this story at all but reads like text.</p></aside>
<div class="share-bar">Share on Facebook</div>
<p>Fishermen said the catch was smaller than usual, but prices at the market were high.</p></div>
</body></html>"""

CONFIG = """# example.com
title: //h1[@class="headline"]
author: //span[@class="byline"]
body: //div[@class="story"]
body: //div[@itemprop="articleBody"]
strip: //aside
strip_id_or_class: share
find_string: <br /><br />
replace_string: <p>
find_string: <hr>
replace_string(<hr>): <p>
prune: no
test_url: https://example.com/news/harbour.html
test_contains: The harbour reopened on Monday
test_contains: Fishermen said the catch
"""

ARTICLE = (
    "The harbour reopened on Monday after three days of storms kept the fleet in port.\n\n"
    "Fishermen said the catch was smaller than usual, but prices at the market were high.\n"
)

UNSUPPORTED = "not supported by cleaner, so pages of this site are cleaned without it"


@pytest.mark.parametrize(
    ("host", "names"),
    [
        ("example.com", ["example.com.txt"]),  # no ".com.txt": a wildcard names a domain, not a TLD
        ("www.example.com", ["www.example.com.txt", "example.com.txt", ".example.com.txt"]),
        ("news.example.com", ["news.example.com.txt", ".example.com.txt"]),
        ("a.b.example.co.uk", ["a.b.example.co.uk.txt", ".b.example.co.uk.txt", ".example.co.uk.txt", ".co.uk.txt"]),
        ("WWW.Example.COM.", ["www.example.com.txt", "example.com.txt", ".example.com.txt"]),
        ("", []),
    ],
)
def test_candidate_names(host, names):
    assert siteconfig.candidates(host) == names


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("files", "host", "chosen"),
    [
        (["example.com.txt"], "www.example.com", "example.com.txt"),
        (["example.com.txt"], "news.example.com", None),  # an exact name serves that host only
        ([".example.com.txt"], "news.example.com", ".example.com.txt"),
        ([".example.com.txt"], "a.news.example.com", ".example.com.txt"),
        ([".example.com.txt"], "example.com", None),  # a wildcard serves subdomains
        ([".example.com.txt", "news.example.com.txt"], "news.example.com", "news.example.com.txt"),
        ([".example.com.txt", ".news.example.com.txt"], "a.news.example.com", ".news.example.com.txt"),
        (["example.org.txt"], "example.com", None),
    ],
)
def test_host_naming_rules(tmp_path, files, host, chosen):
    for name in files:
        write(tmp_path, name, "body: //article\n")
    found = siteconfig.find([tmp_path], host)
    assert (found.name if found else None) == chosen


def test_later_folder_wins(tmp_path):
    first = write(tmp_path / "a", "example.com.txt", "body: //article\n")
    second = write(tmp_path / "b", "example.com.txt", "body: //main\n")
    assert siteconfig.find([first.parent, second.parent], "example.com") == second


def test_page_cleaned_with_a_site_config(tmp_path):
    write(tmp_path, "example.com.txt", CONFIG)
    profiles = load_profiles([tmp_path])
    doc = clean(PAGE.format(url="https://www.example.com/news/harbour.html"), profiles=profiles)
    assert doc.text == ARTICLE
    assert doc.profiles == ("example.com",)
    assert doc.metadata.title == "Harbour reopens"
    assert doc.metadata.author == "Ann Lee"
    assert [r.as_dict() for r in doc.page_removals] == [
        {
            "lines": None,
            "element": "aside",
            "rule": "example.com.txt:6",
            "kind": "strip",
            "why": "from the site config example.com.txt (//aside)",
        },
        {
            "lines": None,
            "element": "div.share-bar",
            "rule": "example.com.txt:7",
            "kind": "strip_id_or_class",
            "why": 'from the site config example.com.txt (id or class contains "share")',
        },
    ]
    assert 'html:body:example.com.txt:5 //div[@itemprop="articleBody"]' in doc.steps
    assert doc.body_rule == ("example.com.txt:5", '//div[@itemprop="articleBody"]')
    assert doc.ignored == (
        ("example.com.txt", "find_string (lines 8, 10), replace_string (lines 9, 11), prune (line 12)"),
    )
    assert (
        "ignored:example.com.txt: find_string (lines 8, 10), replace_string (lines 9, 11), prune (line 12)" in doc.steps
    )


def test_without_the_config_the_teaser_gets_in(tmp_path):
    """The same page without the site config: what the rules change."""
    doc = clean(PAGE.format(url="https://www.example.com/news/harbour.html"), profiles=load_profiles())
    assert (
        doc.text
        == ARTICLE + "\nAnother story entirely, long enough to be read as text by an extractor that likes it.\n"
    )
    assert doc.page_removals == ()


def test_only_the_hosts_file_is_parsed(tmp_path, monkeypatch):
    write(tmp_path, "example.com.txt", CONFIG)
    for i in range(50):
        write(tmp_path, f"site{i}.example.org.txt", "this is not a site config line\n")  # broken: never read
    parsed = []
    load = siteconfig.load
    monkeypatch.setattr(siteconfig, "load", lambda path: parsed.append(path.name) or load(path))
    profiles = load_profiles([tmp_path])
    assert parsed == []  # loading profiles reads no site config
    for _ in range(3):
        doc = clean(PAGE.format(url="https://example.com/news/harbour.html"), profiles=profiles)
        assert doc.text == ARTICLE
    assert parsed == ["example.com.txt"]  # once, however many pages


def test_site_configs_from_the_environment(tmp_path, monkeypatch):
    write(tmp_path, "example.com.txt", CONFIG)
    monkeypatch.setenv("CLEANER_PROFILES", str(tmp_path))
    doc = clean(PAGE.format(url="https://example.com/news/harbour.html"), profiles=load_profiles())
    assert doc.text == ARTICLE


def test_a_toml_site_profile_for_the_host_wins(tmp_path):
    write(tmp_path, "example.com.txt", CONFIG)
    write(tmp_path, "example.toml", '[profile]\nname = "example"\nhosts = ["example.com"]\n')
    doc = clean(PAGE.format(url="https://example.com/x"), profiles=load_profiles([tmp_path]))
    assert doc.profiles == ("example",)
    assert doc.page_removals == ()


def test_a_bad_file_fails_its_pages_naming_file_and_line(tmp_path):
    path = write(tmp_path, ".example.com.txt", "body: //article\nstrip: //div[@id='x'\nno colon here\nbody:\n")
    profiles = load_profiles([tmp_path])
    with pytest.raises(ProfileError) as err:
        clean(PAGE.format(url="https://news.example.com/x"), profiles=profiles)
    assert str(err.value) == (
        f"{path}:2:8: strip: bad XPath: Invalid predicate\n"
        f'{path}:3:1: expected "directive: value" (a "#" starts a comment)\n'
        f"{path}:4:6: body: expected a value"
    )
    # pages of other hosts are not concerned
    assert clean(PAGE.format(url="https://example.org/x"), profiles=profiles).profiles == ()


def test_check_reports_unsupported_directives_once_and_verifies_test_pages(tmp_path):
    path = write(tmp_path / "configs", "example.com.txt", CONFIG)
    saved = tmp_path / "configs" / "test_pages" / "example.com" / "news" / "harbour.html"
    write(saved.parent, saved.name, PAGE.format(url="https://example.com/news/harbour.html"))
    assert [str(p) for p in check([path])] == [
        f"{path}:8:1: find_string: {UNSUPPORTED} (lines 8, 10)",
        f"{path}:9:1: replace_string: {UNSUPPORTED} (lines 9, 11)",
        f"{path}:12:1: note: prune: only tunes Full-Text RSS's own extraction; not needed by cleaner, "
        "ignored (line 12)",
    ]


def test_directives_that_only_tune_full_text_rss_are_notes_and_check_passes(tmp_path):
    from click.testing import CliRunner

    from cleaner.cli import main

    config = "body: //article\nprune: no\ntidy: no\nautodetect_on_failure: no\nparser: html5php\nprune: yes\n"
    path = write(tmp_path, "example.org.txt", config)
    result = CliRunner().invoke(main, ["check", str(path)])
    note = "note: {}: only tunes Full-Text RSS's own extraction; not needed by cleaner, ignored ({})"
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"{path}:2:1: {note.format('prune', 'lines 2, 6')}\n"
        f"{path}:3:1: {note.format('tidy', 'line 3')}\n"
        f"{path}:4:1: {note.format('autodetect_on_failure', 'line 4')}\n"
        f"{path}:5:1: {note.format('parser', 'line 5')}\n",
        "no problems (4 notes)\n",
    )
    with_paging = write(tmp_path, "example.net.txt", config + "single_page_link: //a[@rel='print']\n")
    result = CliRunner().invoke(main, ["check", str(with_paging)])
    assert result.exit_code == 1
    assert result.stdout.endswith(f"{with_paging}:7:1: single_page_link: {UNSUPPORTED} (line 7)\n")
    assert result.stderr == "1 problem (4 notes)\n"


def test_check_reports_failed_and_unverifiable_test_contains(tmp_path):
    folder = tmp_path / "configs"
    config = "body: //div[@itemprop='articleBody']\ntest_url: https://example.com/a\ntest_contains: Another story\n"
    config += "test_contains: The harbour reopened\ntest_url: https://example.com/b/\ntest_contains: x\n"
    path = write(folder, "example.com.txt", config)
    write(folder / "test_pages" / "example.com", "a", PAGE.format(url="https://example.com/a"))
    pages = folder / "test_pages"
    assert [str(p) for p in check([folder])] == [
        f'{path}:3:1: test_contains: "Another story" is not in the text cleaned from the test_url of line 2',
        f"{path}:5:1: test_url: no saved copy of the page at {pages}/example.com/b/index.html; "
        f'save it with wget -x -P {pages} "https://example.com/b/"',
    ]


def test_check_a_bad_site_config_names_file_and_line(tmp_path):
    path = write(tmp_path, "example.com.txt", "title: //h1[\ntest_contains: x\n")
    assert [str(p) for p in check([path])] == [
        f"{path}:1:8: title: bad XPath: Invalid expression",
        f"{path}:2:1: test_contains: no test_url before it",
    ]
