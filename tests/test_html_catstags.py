"""html_catstags.categories_and_tags reads the categories and tags trafilatura's
extract_catstags reads, on pages built to tell the two apart: which expression's containers
come first, links under nested containers once, addresses that name another kind, the meta
tag fallback, fragments."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml.html import fromstring
from trafilatura.metadata import extract_catstags

from cleaner.stages.html_catstags import categories_and_tags
from cleaner.stages.html_meta import mirror_off
from cleaner.stages.html_parse import parse

pytestmark = pytest.mark.skipif(mirror_off() is not None, reason="trafilatura is not the version copied")

BLOCKS = {
    # the first expression (a div whose class starts "entry-meta") before the fourth (cat-links)
    "first-expression-wins": '<span class="cat-links"><a href="/category/b/">B</a></span>'
    '<div class="entry-meta"><a href="/category/a/">A</a></div>',
    # links of the first expression name no category: the next expression's are read
    "falls-through": '<div class="meta"><a href="/author/x/">X</a></div>'
    '<footer class="entry-footer"><a href="/categories/c/">C</a></footer>',
    "nested-containers-once": '<div class="post-meta"><div class="meta-inner"><a href="/category/a/">A</a>'
    '</div><a href="/category/b/">B</a></div>',
    "row-and-tags": '<div class="row"><a href="/tag/t/">T</a><a href="/category/r/">R</a></div>',
    "postpath-id": '<div id="postpath-1"><a href="/category/p/">P</a></div>',
    "paragraph": '<p id="filedunder"><a href="/category/f/">F</a> <a href="/tags/g/">G</a></p>',
    "header": '<header class="entry-header"><a href="/category/h/">H</a></header>',
    "topics-any-tag": '<section class="story-topics"><a href="/tags/s/">S</a></section>',
    "tag-starts": '<div class="tagcloud"><a href="/tag/u/">U</a></div><div class="tags"><a href="/tag/v/">V</a></div>',
    "entry-tags": '<p class="entry-tags"><a href="/tag/w/">W</a></p>',
    "link-without-address": '<div class="meta"><a>No address</a><a href="">Empty</a><a href="/category/k/">K</a></div>',
    "block-text": '<div class="meta"><a href="/category/z/"><span>Zed</span><span>Arts</span></a></div>',
    "duplicates": '<div class="meta"><a href="/category/d/">D</a><a href="/category/d/">D</a></div>',
    "none": '<div class="sidebar"><a href="/category/n/">N</a></div>',
}


@pytest.mark.parametrize("body", BLOCKS.values(), ids=BLOCKS)
def test_same_categories_and_tags_as_trafilatura(body: str):
    page = f"<html><head><title>t</title></head><body><article><p>Story.</p>{body}</article></body></html>"
    tree = parse(page)
    assert categories_and_tags(tree) == (extract_catstags("category", tree), extract_catstags("tag", tree))


def test_the_cases_find_something():
    tree = parse(f"<html><body>{BLOCKS['first-expression-wins']}{BLOCKS['nested-containers-once']}</body></html>")
    assert categories_and_tags(tree) == (["A", "B"], [])


def test_the_meta_tag_when_no_link_names_a_category():
    page = '<html><head><meta property="article:section" content="Harbour"></head><body><p>x</p></body></html>'
    tree = parse(page)
    assert categories_and_tags(tree) == (extract_catstags("category", tree), []) == (["Harbour"], [])
    assert categories_and_tags(tree, categories=False) == ([], [])


def test_a_fragment_searches_its_whole_document():
    tree = fromstring('<div class="entry-meta"><a href="/category/a/">A</a></div><p>x</p>')
    assert categories_and_tags(tree) == (extract_catstags("category", tree), extract_catstags("tag", tree))


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "html").glob("*.html")), ids=lambda p: p.stem)
def test_fixture_pages(path: Path):
    tree = parse(path.read_text(encoding="utf-8"))
    assert categories_and_tags(tree) == (extract_catstags("category", tree), extract_catstags("tag", tree))
