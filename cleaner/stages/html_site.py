"""Site rules on the parsed page (cleaner.rules.page): the site profile's metadata selectors,
strips and body, applied before trafilatura reads the page.

The order is FiveFilters': metadata from the whole page first (the byline may sit in a box
a strip removes), then the strips, then the body, chosen from what the strips left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleaner.document import PageRemoval
from cleaner.profiles import Profile, Profiles
from cleaner.rules.page import element_name, text_of
from cleaner.urls import host as url_host


@dataclass
class SiteResult:
    """What the site rules did to one page."""

    body: list = field(default_factory=list)  # the article's elements; empty: trafilatura chooses
    body_rule: str | None = None  # "example#1 //article"
    removals: list[PageRemoval] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (field, rule)


def site_profile(profiles: Profiles | None, choice: str, url: str | None) -> Profile | None:
    """The site profile for the page, as the profile stage will choose it by host (or the
    one named with --profile); None for "none", or when no site profile claims the host."""
    if profiles is None or choice == "none":
        return None
    if choice != "auto":
        return profiles.get(choice)
    found = profiles.site_by_host(url_host(url))
    return found[0] if found else None


def apply(tree: Any, profile: Profile) -> SiteResult:
    """Run the profile's page rules on `tree`, removing what the strips find from it."""
    result = SiteResult()
    rules = profile.page_rules
    for prule in rules:
        if prule.kind in ("title", "author", "date"):
            hit = prule.rule.apply_page(tree)  # type: ignore[attr-defined]
            for name, value in hit.meta.items():
                if name not in result.meta:
                    result.meta[name] = value
                    result.sources.append((name, f"{prule.ref} {hit.selector}"))
    for prule in rules:
        if prule.kind in ("strip", "strip_id_or_class"):
            hit = prule.rule.apply_page(tree)  # type: ignore[attr-defined]
            for element, selector in hit.strip:
                parent = element.getparent()
                if parent is None:  # the root: stripping the whole page is no strip
                    continue
                why = f"{prule.why} ({selector})"
                result.removals.append(PageRemoval(element_name(element), prule.ref, prule.kind, why, text_of(element)))
                _drop(element)
    for prule in rules:
        if prule.kind == "body":
            hit = prule.rule.apply_page(tree)  # type: ignore[attr-defined]
            if hit.body:
                result.body, result.body_rule = hit.body, f"{prule.ref} {hit.selector}"
                break
    return result


def _drop(element: Any) -> None:
    """Remove the element but keep its tail, the text that follows it in its parent."""
    parent = element.getparent()
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def body_page(tree: Any, body: list) -> Any:
    """A page holding only the body's elements (and the page's head, for trafilatura's
    language and metadata reading), for trafilatura to extract from."""
    from copy import deepcopy

    from lxml.html import Element

    root = Element("html")
    head = tree.find("head")
    if head is not None:
        root.append(deepcopy(head))
    page_body = Element("body")
    root.append(page_body)
    for element in body:
        copy = deepcopy(element)
        copy.tail = None
        page_body.append(copy)
    return root
