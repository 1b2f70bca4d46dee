from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleaner.rules.base import OptionIssue, Texts
from cleaner.rules.page import PageHit, PageRule, not_xml, outermost


class StripIdOrClass(PageRule):
    """Remove every page element whose id or class attribute contains one of the strings
    (as a substring, as FiveFilters site configs mean it: "share" also strips
    class="share-bar"), before the article is chosen.
    Why: the shorthand for the common case of `strip`, the one most site configs use.

    Profile entry:
        [[rules]]
        kind = "strip_id_or_class"
        text = ["share-bar", "newsletter"]
        why  = "share bar and newsletter sign-up inside the article"

    >>> from lxml.html import fromstring
    >>> from cleaner.rules.page import EXAMPLE_PAGE
    >>> page = fromstring(EXAMPLE_PAGE)
    >>> hit = StripIdOrClass(StripIdOrClass.Options(text=Texts(["newsletter"]))).apply_page(page)
    >>> [(e.get("id"), s) for e, s in hit.strip]
    [('x-newsletter-box', 'id or class contains "newsletter"')]
    """

    kind = "strip_id_or_class"

    @dataclass(frozen=True)
    class Options:
        text: Texts

    @classmethod
    def validate(cls, options: Any) -> list[OptionIssue]:
        return [
            OptionIssue("text", f"the control character {bad} cannot be in an id or class", n)
            for n, text in enumerate(options.text)
            if (bad := not_xml(text))
        ]

    def apply_page(self, tree: Any) -> PageHit:
        from lxml import etree

        # the string goes in as an XPath variable: no quoting to get wrong
        find = etree.XPath("//*[contains(@class, $s) or contains(@id, $s)]")
        found: list[tuple[Any, str]] = []
        for text in self.options.text:
            found += [(e, f'id or class contains "{text}"') for e in find(tree, s=text)]  # type: ignore[union-attr]
        by_element = {id(e): s for e, s in found}
        return PageHit(strip=[(e, by_element[id(e)]) for e in outermost([e for e, _ in found])])
