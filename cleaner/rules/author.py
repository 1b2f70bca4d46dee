from __future__ import annotations

from cleaner.rules.page import MetaSelector


class Author(MetaSelector):
    """Set the author from the page: the text of the first element (or attribute value) a
    selector (XPath, or CSS) finds, selectors tried in order. Read from the whole page,
    before any `strip` rule removes its element, so stripping the box it sits in is fine.
    It fills the field before the page's own metadata does, and before line rules.
    Why: the site's markup says which element holds the author where generic metadata
    extraction guesses.

    Profile entry:
        [[rules]]
        kind   = "author"
        select = ['//meta[@name="author"]/@content']
        why    = "the byline's name"

    >>> from lxml.html import fromstring
    >>> from cleaner.rules.base import Selectors
    >>> from cleaner.rules.page import EXAMPLE_PAGE, Selector
    >>> page = fromstring(EXAMPLE_PAGE)
    >>> Author(Author.Options(select=Selectors([Selector('//meta[@name="author"]/@content')]))).apply_page(page).meta
    {'author': 'Ann Lee'}
    """

    kind = "author"
