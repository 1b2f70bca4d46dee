from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import chain

from cleaner.rules.base import Hit, LineView, MarkerRule, prose_lines


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
        """At the first marker with prose above it (or kept with it) on a page with prose, not
        one under the standfirst alone when a later marker follows (_under_standfirst)."""
        found = self.markers(view)
        at = next(found, None)
        if at is not None and (prose := prose_lines(view)):
            first = prose[0] - self.options.keep_marker  # a kept marker may be the first prose line
            after = [m for m in chain([at], found) if m > first]
            # the first that is not under the standfirst alone with the article below it, else the first
            at = next((m for m in after if not _under_standfirst(prose, m)), after[0] if after else None)
        if at is None:
            return Hit()
        return Hit(drop=list(range(at + self.options.keep_marker, len(view))))


# A marker with one line of prose above it and more below stands under the standfirst, not at
# the article's end: a share bar there (attacker trial of stop 55: a learned draft's cut took an
# unseen page's five paragraphs). A later marker is the article's end; with none, the first
# stays the cut. With two lines above, the prose below is as often a comment section as the
# article's rest (second attacker trial: comments kept where a later marker followed them),
# so an inline box after the second paragraph still cuts.
PASSED_ABOVE = 1


def _under_standfirst(prose: list[int], at: int) -> bool:
    above = _above(prose, at)
    return above <= PASSED_ABOVE and _below(prose, at) > above


def _above(prose: list[int], at: int) -> int:
    return bisect_left(prose, at)


def _below(prose: list[int], at: int) -> int:
    return len(prose) - bisect_right(prose, at)
