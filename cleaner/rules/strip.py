from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleaner.rules.base import Selectors
from cleaner.rules.page import PageHit, PageRule, outermost


class Strip(PageRule):
    """Remove every page element a selector (XPath, or CSS) finds, before the article is
    chosen, so neither trafilatura nor a `body` rule sees it. Each removed element is named
    in `removed` ("div#related.related-links") with the rule.
    Why: boxes the site marks in its markup (related links, share bars, newsletter forms,
    author bios) that trafilatura keeps as text when they sit inside the article.

    Profile entry:
        [[rules]]
        kind   = "strip"
        select = [".related-links", '//div[@id="newsletter"]']
        why    = "related-links box and newsletter form inside the article"

    >>> from lxml.html import fromstring
    >>> from cleaner.rules.page import EXAMPLE_PAGE, Selector, element_name
    >>> page = fromstring(EXAMPLE_PAGE)
    >>> hit = Strip(Strip.Options(select=Selectors([Selector(".related-links")]))).apply_page(page)
    >>> [(element_name(e), s) for e, s in hit.strip]
    [('ul.related-links', '.related-links')]
    """

    kind = "strip"

    @dataclass(frozen=True)
    class Options:
        select: Selectors

    def apply_page(self, tree: Any) -> PageHit:
        found: list[tuple[Any, str]] = []
        for selector in self.options.select:
            found += [(e, selector.source) for e in selector.select(tree) if not isinstance(e, str)]
        by_element = {id(e): s for e, s in found}
        return PageHit(strip=[(e, by_element[id(e)]) for e in outermost([e for e, _ in found])])
