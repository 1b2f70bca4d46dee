"""trafilatura's extract_catstags (2.3) for categories and tags in one walk over the page.

trafilatura runs up to six XPath expressions for the categories and four for the tags
(CATEGORIES_XPATHS, TAGS_XPATHS: "the links inside a <div class="entry-meta">" and the like),
each a scan of the whole page, until one finds links whose address names the kind
("/category/", "/tags/"): 7 ms a page on the dev set. Here one pass finds every expression's
containers, and each expression's links are read from its own, in the same order.
html_meta uses it only for the trafilatura it mirrors; tests/test_html_catstags.py checks it
against extract_catstags.
"""

from __future__ import annotations

import re

from trafilatura.metadata import block_text, line_processing

META_START = re.compile("^(?:post-?info|post-?meta|meta|entry-meta|entry-info|entry-utility)")
TAG_START = re.compile("^(?:tag|postmeta|meta)")


def _category_containers(tag: str, cls: str, ident: str) -> list[int]:
    """Which of CATEGORIES_XPATHS take this element as a container of links."""
    found = []
    if tag == "div" and (META_START.search(cls) or ident.startswith("postpath")):
        found.append(0)
    if tag == "p" and (cls.startswith(("postmeta", "entry-categories")) or cls == "postinfo" or ident == "filedunder"):
        found.append(1)
    if tag == "footer" and cls.startswith(("entry-meta", "entry-footer")):
        found.append(2)
    if tag in ("li", "span") and (cls in ("post-category", "postcategory", "entry-category") or "cat-links" in cls):
        found.append(3)
    if tag == "header" and cls == "entry-header":
        found.append(4)
    if tag == "div" and cls in ("row", "tags"):
        found.append(5)
    return found


def _tag_containers(tag: str, cls: str) -> list[int]:
    """Which of TAGS_XPATHS take this element as a container of links."""
    found = []
    if tag == "div" and cls == "tags":
        found.append(0)
    if tag == "p" and cls.startswith("entry-tags"):
        found.append(1)
    if tag == "div" and (cls in ("row", "jp-relatedposts", "entry-utility") or TAG_START.search(cls)):
        found.append(2)
    if cls == "entry-meta" or "topics" in cls or "tags-links" in cls:
        found.append(3)
    return found


def categories_and_tags(tree, categories: bool = True, tags: bool = True) -> tuple[list[str], list[str]]:
    """(extract_catstags("category", tree) if `categories`, extract_catstags("tag", tree) if `tags`)."""
    # the expressions start with "//": the whole document the tree is in
    root = tree.getroottree().getroot()
    by_category: list[list] = [[] for _ in range(6)]
    by_tag: list[list] = [[] for _ in range(4)]
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or not element.attrib:  # every container has a class or an id
            continue
        cls = element.get("class", "")
        ident = element.get("id", "")
        if categories:
            for k in _category_containers(tag, cls, ident):
                by_category[k].append(element)
        if tags:
            for k in _tag_containers(tag, cls):
                by_tag[k].append(element)
    found_categories = _first_links(by_category, "category") if categories else []
    if categories and not found_categories:
        found_categories = [
            element.attrib["content"]
            for element in tree.xpath(
                './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
            )
        ]
    return (
        _processed(found_categories) if categories else [],
        _processed(_first_links(by_tag, "tag")) if tags else [],
    )


def _first_links(containers: list[list], kind: str) -> list[str]:
    """The texts of the links under the first expression's containers whose address names the kind."""
    address = re.compile("/" + kind.rstrip("y") + "(?:y|ies|s)?/")
    for found in containers:
        results = [block_text(a) for a in _links_under(found) if address.search(a.attrib["href"])]
        if results:
            return results
    return []


def _links_under(containers: list) -> list:
    """`container//a[@href]` of every container, each link once, in the page's order."""
    outer = set()
    links: list = []
    for container in containers:  # in the page's order: one inside another adds nothing
        if any(parent in outer for parent in container.iterancestors()):
            continue
        outer.add(container)
        links.extend(a for a in container.iterdescendants("a") if "href" in a.attrib)
    return links


def _processed(results: list[str]) -> list[str]:
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]
