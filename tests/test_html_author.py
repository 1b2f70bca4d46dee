"""html_author.element_author reads the author trafilatura's extract_author reads, on pages
built to tell the two apart: what the copy deletes (comment sections, dates, figures) and
the text it leaves, each of the three expressions in turn, nesting, fragments."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml.html import fromstring
from trafilatura.metadata import extract_author

from cleaner.stages.html_author import element_author
from cleaner.stages.html_meta import mirror_off
from cleaner.stages.html_parse import parse

# with another trafilatura, html_meta runs its own extract_metadata and this copy is not used
pytestmark = pytest.mark.skipif(mirror_off() is not None, reason="trafilatura is not the version copied")

BYLINES = {
    # a deleted date's tail joins the text before it: "Ana Ruiz", not "Ana Rui z"
    "time-tail": '<div class="author">Ana Rui<time>May 4</time>z</div>',
    "time-first-child": '<div class="author"><time>May 4</time>Ana Ruiz</div>',
    "figure-then-date": '<span class="byline-x"><b>Ana</b> x<figure>img</figure> y<time>1</time>z Ruiz</span>',
    "date-then-figure": '<p class="author"><time>1</time>a<figure>f</figure>b<i>Ana Ruiz</i></p>',
    "deleted-between-kept": '<p class="author"><i>Ana</i><span class="date">May</span> Ruiz</p>',
    "candidate-inside-comments": '<div id="comments"><span class="author">Reader Joe</span></div>'
    '<span class="author">Ana Ruiz</span>',
    "candidate-is-deleted": '<span class="author quote">Quoted Person</span><a rel="author">Ana Ruiz</a>',
    "first-expression-first": '<div class="writer">Second Choice</div><p class="author-name">Ana Ruiz</p>',
    "second-expression": '<h4 class="posted-by">Ana Ruiz</h4><em class="Byline">Not This</em>',
    "third-expression-any-tag": '<em class="PostByline">Ana Ruiz</em>',
    "author-element": "<author>Ana Ruiz</author>",
    "rel-me-child": "<p><rel>me</rel>Ana Ruiz</p>",
    "too-short-then-long": '<span class="author">AR</span><span class="author">Ana Ruiz</span>',
    "too-long": '<span class="author">' + "Ana Ruiz " * 20 + "</span>",
    "nested-deleted": '<div class="sidebar"><div class="comments"><a rel="author">X Y</a></div>'
    '</div><div class="author">Ana <time>t</time>Ruiz</div>',
    "itemprop": '<span itemprop="author"><span itemprop="name">Ana Ruiz</span></span>',
    "data-component": '<div data-component="Byline">By Ana Ruiz<figure data-x="1">cap</figure></div>',
    "none": '<p class="lead">No author named here.</p>',
    "url-author": '<a rel="author">https://example.com/ana</a>',
}


@pytest.mark.parametrize("body", BYLINES.values(), ids=BYLINES)
def test_same_author_as_trafilatura(body: str):
    page = f"<html><head><title>t</title></head><body><article>{body}<p>Text of the story.</p></article></body></html>"
    tree = parse(page)
    assert element_author(tree) == extract_author(tree)


def test_the_cases_tell_the_two_ways_apart():
    # the join of a deleted element's tail: reading the page as it stands gives another author
    tree = parse(f"<html><body>{BYLINES['time-tail']}</body></html>")
    assert extract_author(tree) == element_author(tree) == "Ana Ruiz"
    tree = parse(f"<html><body>{BYLINES['candidate-inside-comments']}</body></html>")
    assert element_author(tree) == "Ana Ruiz"


def test_a_fragment_is_its_own_page():
    # fromstring of a fragment gives its element, not <html>: trafilatura's copy starts there
    tree = fromstring('<div class="comments"><span class="author">Ana Ruiz</span></div>')
    assert tree.tag == "div"
    assert element_author(tree) == extract_author(tree) == "Ana Ruiz"


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "html").glob("*.html")), ids=lambda p: p.stem)
def test_fixture_pages(path: Path):
    tree = parse(path.read_text(encoding="utf-8"))
    assert element_author(tree) == extract_author(tree)


def test_a_rel_child_with_a_date_inside():
    # second attacker trial of stop 54: `rel='me'` reads the <rel> child as the pruned copy has it
    page = (
        '<html><body><p><rel>me<time>May 4</time></rel>Jane Doe</p><span class="author">Bob Roe</span>'
        "<p>Text of the story.</p></body></html>"
    )
    tree = parse(page)
    assert element_author(tree) == extract_author(tree)
