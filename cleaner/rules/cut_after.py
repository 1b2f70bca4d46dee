from __future__ import annotations

from itertools import chain

from cleaner.rules.base import Hit, LineView, MarkerRule, prose_span


class CutAfter(MarkerRule):
    """Drop the first marker line (equal to `text` or matching `pattern`) and everything after.
    On a page with prose, the first marker below some of it: one above all of it (a footer's
    section name printed as the page's section label above the headline) would take the
    article.

    Why: related-article rails, comment sections and footers that scrapes append.
    With `keep_marker = true` the marker line itself stays.

    Profile entry:
        [[rules]]
        kind = "cut_after"
        text = "Related Articles"
        why  = "related-articles rail and footer"

    >>> from cleaner.rules.base import Texts, numbered
    >>> rule = CutAfter(CutAfter.Options(text=Texts(["Related Articles"])))
    >>> rule.apply(numbered("Body\\nRelated Articles\\nOther story")).drop
    [1, 2]
    """

    kind = "cut_after"

    def apply(self, view: LineView) -> Hit:
        """At the first marker with prose above it (or kept with it) on a page with prose."""
        found = self.markers(view)
        at = next(found, None)
        if at is not None and (span := prose_span(view)) is not None:
            first = span[0] - self.options.keep_marker  # a kept marker may be the first prose line
            at = next((m for m in chain([at], found) if m > first), None)
        if at is None:
            return Hit()
        return Hit(drop=list(range(at + self.options.keep_marker, len(view))))
