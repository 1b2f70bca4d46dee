from __future__ import annotations

from cleaner.rules.page import MetaSelector


class Date(MetaSelector):
    """Set the date from the page: the text of the first element (or attribute value) a
    selector (XPath, or CSS) finds, selectors tried in order. Read from the whole page,
    before any `strip` rule removes its element, so stripping the box it sits in is fine.
    It fills the field before the page's own metadata does, and before line rules.
    Why: the site's markup says which element holds the date where generic metadata
    extraction guesses.

    Profile entry:
        [[rules]]
        kind   = "date"
        select = ['//time[@itemprop="datePublished"]/@datetime']
        why    = "the publication date in the article header"

    >>> from lxml.html import fromstring
    >>> from cleaner.rules.base import Selectors
    >>> from cleaner.rules.page import EXAMPLE_PAGE, Selector
    >>> page = fromstring(EXAMPLE_PAGE)
    >>> rule = Date(Date.Options(select=Selectors([Selector('//time[@itemprop="datePublished"]/@datetime')])))
    >>> rule.apply_page(page).meta
    {'date': '2024-03-01'}
    """

    kind = "date"
