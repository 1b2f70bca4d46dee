from __future__ import annotations

from cleaner.rules.page import MetaSelector


class Title(MetaSelector):
    """Set the title from the page: the text of the first element (or attribute value) a
    selector (XPath, or CSS) finds, selectors tried in order. Read from the whole page,
    before any `strip` rule removes its element, so stripping the box it sits in is fine.
    It fills the field before the page's own metadata does, and before line rules.
    Why: the site's markup says which element holds the title where generic metadata
    extraction guesses.

    Profile entry:
        [[rules]]
        kind   = "title"
        select = ['//h1[@class="headline"]']
        why    = "the headline, without the site name the <title> adds"

    >>> from lxml.html import fromstring
    >>> from cleaner.rules.base import Selectors
    >>> from cleaner.rules.page import EXAMPLE_PAGE, Selector
    >>> page = fromstring(EXAMPLE_PAGE)
    >>> Title(Title.Options(select=Selectors([Selector('//h1[@class="headline"]')]))).apply_page(page).meta
    {'title': 'Rates rise'}
    """

    kind = "title"
