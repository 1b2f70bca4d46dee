from __future__ import annotations

from cleaner.rules.base import Hit, LineView, MarkerRule


class CutAfter(MarkerRule):
    """Drop the first marker line (equal to `text` or matching `pattern`) and everything after.

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
        at = self.marker(view)
        if at is None:
            return Hit()
        return Hit(drop=list(range(at + self.options.keep_marker, len(view))))
