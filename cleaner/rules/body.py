from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleaner.rules.base import Selectors
from cleaner.rules.page import PageHit, PageRule, outermost


class Body(PageRule):
    """Take the article from the page element the first matching selector finds.

    Selectors (XPath, or CSS) are tried in order; the first that finds an element gives the
    article (several elements it finds are joined, in page order), and trafilatura extracts
    the text from that element alone. When none matches, trafilatura reads the whole page as
    it does without the rule. Runs after the `strip` rules, so a box stripped inside the
    body stays out.
    Why: trafilatura guesses the main container and sometimes takes the wrong one (a teaser
    list, the comments) where the site's markup names the article plainly.

    Profile entry:
        [[rules]]
        kind   = "body"
        select = ['//div[@itemprop="articleBody"]', "article .entry-content"]
        why    = "the article body, as the site's markup marks it"

    >>> from lxml.html import fromstring
    >>> page = fromstring('<html><body><div class="teaser">More</div><article><p>Text</p></article></body></html>')
    >>> from cleaner.rules.page import Selector
    >>> hit = Body(Body.Options(select=Selectors([Selector(".story"), Selector("//article")]))).apply_page(page)
    >>> [e.tag for e in hit.body], hit.selector
    (['article'], '//article')
    """

    kind = "body"

    @dataclass(frozen=True)
    class Options:
        select: Selectors

    def apply_page(self, tree: Any) -> PageHit:
        for selector in self.options.select:
            found = outermost([e for e in selector.select(tree) if not isinstance(e, str)])
            if found:
                return PageHit(body=found, selector=selector.source)
        return PageHit()
