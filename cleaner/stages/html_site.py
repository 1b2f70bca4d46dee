"""Site rules on the parsed page (cleaner.rules.page): the site profile's metadata selectors,
strips and body, applied before trafilatura reads the page.

The order is FiveFilters': metadata from the whole page first (the byline may sit in a box
a strip removes), then the strips, then the body, chosen from what the strips left.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from typing import Any

from cleaner.document import RULE_BUDGET, PageRemoval
from cleaner.profiles import Profile, Profiles
from cleaner.rules.page import PageHit, SelectorFailed, element_name, text_of
from cleaner.stages.html_jsonld import LD_JSON
from cleaner.urls import host as url_host


@dataclass
class SiteResult:
    """What the site rules did to one page."""

    body: list = field(default_factory=list)  # the article's elements; empty: trafilatura chooses
    body_rule: tuple[str, str] | None = None  # the rule and its selector: ("example#1", "//article")
    removals: list[PageRemoval] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (field, rule)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (field, note): a value not used, and why
    timeouts: list[str] = field(default_factory=list)  # rules that ran past their budget


def site_profile(profiles: Profiles | None, choice: str, url: str | None) -> Profile | None:
    """The site profile for the page, as the profile stage will choose it by host (or the
    one named with --profile); None for "none", or when no site profile claims the host."""
    if profiles is None or choice == "none":
        return None
    if choice != "auto":
        return profiles.get(choice)
    found = profiles.site_by_host(url_host(url))
    return found[0] if found else None


def apply(tree: Any, profile: Profile, rule_budget: float = RULE_BUDGET) -> SiteResult:
    """Run the profile's page rules on `tree`, removing what the strips find from it. A
    selector that fails on the page (SelectorFailed) fails the page, naming the rule.

    Each rule gets `rule_budget` seconds on the page, as line rules do; but lxml cannot stop
    an XPath evaluation once started, so a rule is timed, and one that ran past its budget
    has its result thrown away (the page is cleaned as without it) and is reported
    (`timeout:` step). `cleaner check` flags the selector shapes that take that long."""
    result = SiteResult()
    run = functools.partial(_run, budget=rule_budget, timeouts=result.timeouts)
    rules = profile.page_rules
    for prule in rules:
        if prule.kind in ("title", "author", "date"):
            hit = run(prule, tree)
            for name, value in hit.meta.items():
                if name in result.meta:
                    continue
                if name == "date" and (unread := _unread_date(value)):
                    # text that reads as no date must not take the page's own date's place
                    result.notes.append(("date", f'{prule.ref} found "{value}"; not used: {unread}'))
                    continue
                result.meta[name] = value
                result.sources.append((name, f"{prule.ref} {hit.selector}"))
    for prule in rules:
        if prule.kind in ("strip", "strip_id_or_class"):
            hit = run(prule, tree)
            for element, selector in hit.strip:
                why = f"{prule.why} ({selector})"
                result.removals.append(PageRemoval(element_name(element), prule.ref, prule.kind, why, text_of(element)))
                if element.getparent() is None:  # the root: the strip removes the whole page
                    _empty(element)
                else:
                    drop_keeping_tail(element)
    for prule in rules:
        if prule.kind == "body":
            hit = run(prule, tree)
            if hit.body:
                result.body, result.body_rule = hit.body, (prule.ref, hit.selector)
                break
    return result


def _unread_date(text: str) -> str | None:
    """Why `text` gives no date (cleaner.dates), or None when it reads as one."""
    from cleaner.dates import iso_date

    found, why = iso_date(text)
    return None if found else (why or "not a date")


def _run(prule: Any, tree: Any, budget: float, timeouts: list[str]) -> Any:
    start = time.monotonic()
    try:
        hit = prule.rule.apply_page(tree)
    except SelectorFailed as err:
        raise SelectorFailed(f"page rule {prule.ref} ({prule.kind}): {err}") from None
    if time.monotonic() - start > budget:
        timeouts.append(prule.ref)
        return PageHit()
    return hit


def _empty(root: Any) -> None:
    """What stripping the root leaves: an empty page."""
    for child in list(root):
        root.remove(child)
    root.text = None


def drop_keeping_tail(element: Any) -> None:
    """Remove the element but keep its tail, the text that follows it in its parent."""
    parent = element.getparent()
    if parent is None:
        return
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
        head = deepcopy(head)
        # without its structured data: trafilatura's last fallback prints the articleBody
        # there in place of a short body the rule chose (attacker trial of stop 41)
        for script in head.iterfind(LD_JSON):
            script.getparent().remove(script)
        root.append(head)
    page_body = Element("body")
    root.append(page_body)
    for element in body:
        copy = deepcopy(element)
        copy.tail = None
        page_body.append(copy)
    return root
