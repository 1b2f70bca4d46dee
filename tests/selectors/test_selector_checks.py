"""Selectors that compile but cannot work: run-time XPath errors, selectors that can only find
text where elements are needed, strips of the root element; and what happens at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import ProfileError, clean, load_profiles
from cleaner.check import check
from cleaner.rules.base import Selectors
from cleaner.rules.page import Selector, SelectorFailed
from cleaner.rules.strip import Strip

PAGE = (
    '<html><head><link rel="canonical" href="https://example.com/a"></head><body>'
    "<h1>Rates rise</h1><article><p>The bank raised its rates again on Monday, the third time this year.</p>"
    '<div class="ad">Buy now</div></article></body></html>'
)

NOT_EVALUATED = [
    ("//x:div", "XPath cannot be evaluated: Undefined namespace prefix"),
    ("//div[nofunc()]", 'XPath cannot be evaluated: unknown function "nofunc()"'),
    ("//div[@class=$v]", 'XPath cannot be evaluated: undefined variable "$v"'),
    ('//div[re:test(@class,"ad")]', 'XPath cannot be evaluated: unknown function "re:test()"'),
]


@pytest.mark.parametrize(("xpath", "message"), NOT_EVALUATED)
def test_site_config_selectors_that_fail_at_run_time_are_problems(tmp_path, xpath, message):
    path = tmp_path / "example.com.txt"
    path.write_text(f"body: //article\nstrip: {xpath}\n", encoding="utf-8")
    assert [str(p) for p in check([path])] == [f"{path}:2:8: strip: {message}"]
    with pytest.raises(ProfileError) as err:
        clean(PAGE, profiles=load_profiles([tmp_path]))
    assert str(err.value) == f"{path}:2:8: strip: {message}"


@pytest.mark.parametrize(("xpath", "message"), NOT_EVALUATED)
def test_toml_selectors_that_fail_at_run_time_are_problems_in_a_list(tmp_path, xpath, message):
    path = tmp_path / "ex.toml"
    path.write_text(
        '[profile]\nname = "ex"\nhosts = ["example.com"]\n\n[[rules]]\nkind = "body"\n'
        f"select = ['{xpath}', '#article']\nwhy = \"the article\"\n",
        encoding="utf-8",
    )
    with pytest.raises(ProfileError) as err:
        load_profiles([tmp_path])
    assert str(err.value) == f"{path}:7:11: rules[1].select[0]: {message}"


@pytest.mark.parametrize(
    ("kind", "xpath", "message"),
    [
        ("strip", "//html", "finds the root element <html>: stripping it would remove the whole page"),
        ("strip", "/*", "finds the root element <html>: stripping it would remove the whole page"),
        ("strip", "//*", "finds the root element <html>: stripping it would remove the whole page"),
        ("strip", "/", "finds the document, not an element"),
        ("strip", "//text()", "finds text, attributes or comments, not elements"),
        ("strip", "//comment()", "finds text, attributes or comments, not elements"),
        ("body", "//body/text()", "finds text, attributes or comments, not elements"),
        ("body", "//section/@class", "finds text, attributes or comments, not elements"),
        ("body", "string(//article)", "finds a string, not elements"),
        ("title", "count(//h1)", "finds a number, not text"),
        ("author", "//p = 1", "finds a boolean, not text"),
    ],
)
def test_selectors_that_cannot_find_what_the_kind_needs(tmp_path, kind, xpath, message):
    path = tmp_path / "example.com.txt"
    path.write_text(f"{kind}: {xpath}\n", encoding="utf-8")
    col = len(kind) + 3
    assert [str(p) for p in check([path])] == [f"{path}:1:{col}: {kind}: {message}"]


@pytest.mark.parametrize("xpath", ["string(//h1)", "//h1/text()", "normalize-space(//h1)"])
def test_title_may_take_a_string(tmp_path, xpath):
    (tmp_path / "example.com.txt").write_text(f"title: {xpath}\n", encoding="utf-8")
    assert check([tmp_path]) == []
    doc = clean(PAGE, profiles=load_profiles([tmp_path]))
    assert doc.metadata.title == "Rates rise"
    assert dict(doc.meta_sources)["title"] == f"example.com.txt:1 {xpath}"


def test_a_strip_that_finds_the_root_on_a_page_empties_the_page(tmp_path):
    # [@lang] is on this page's root only, so the load-time probe cannot see it coming
    (tmp_path / "example.com.txt").write_text("strip: //*[@lang='fr']\n", encoding="utf-8")
    page = PAGE.replace("<html>", '<html lang="fr">')
    doc = clean(page, profiles=load_profiles([tmp_path]))
    assert doc.text == ""
    assert [(r.element, r.rule) for r in doc.page_removals] == [("html", "example.com.txt:1")]


def test_a_selector_failing_on_a_page_fails_it_by_rule_name(tmp_path):
    strip = Strip(Strip.Options(select=Selectors([Selector("//section[@x=$v]")])))
    from lxml.html import fromstring

    with pytest.raises(SelectorFailed) as err:
        strip.apply_page(fromstring("<html><body><section x='1'></section></body></html>"))
    assert str(err.value) == "//section[@x=$v]: XPath cannot be evaluated: Undefined variable"


def test_check_names_an_unknown_function_only_predicates_reach(tmp_path: Path):
    path = tmp_path / "example.com.txt"
    path.write_text("strip: //section[frob(@class)]\n", encoding="utf-8")
    assert [str(p) for p in check([path])] == [
        f'{path}:1:8: strip: XPath cannot be evaluated: unknown function "frob()"'
    ]
