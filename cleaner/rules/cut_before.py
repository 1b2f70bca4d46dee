from __future__ import annotations

from itertools import chain

from cleaner.rules.base import Hit, LineView, MarkerRule, prose_span


class CutBefore(MarkerRule):
    """Drop everything before the first marker line, and the marker too unless `keep_marker`.
    On a page with prose, the first marker above some of it: one below all of it would take
    the article.

    Why: page headers (navigation, image captions, breadcrumbs) above a line that
    reliably opens the article.

    Profile entry:
        [[rules]]
        kind        = "cut_before"
        pattern     = '^Getting your Trinity Audio player ready'
        keep_marker = true
        why         = "header above the audio player"

    >>> from cleaner.rules.base import Texts, numbered
    >>> rule = CutBefore(CutBefore.Options(text=Texts(["Start"]), keep_marker=True))
    >>> rule.apply(numbered("Menu\\nStart\\nBody")).drop
    [0]
    """

    kind = "cut_before"

    def apply(self, view: LineView) -> Hit:
        """At the first marker with prose below it (or kept with it) on a page with prose."""
        found = self.markers(view)
        at = next(found, None)
        if at is not None and (span := prose_span(view)) is not None:
            last = span[1] + self.options.keep_marker  # a kept marker may be the last prose line
            at = next((m for m in chain([at], found) if m < last), None)
        if at is None:
            return Hit()
        return Hit(drop=list(range(at + (not self.options.keep_marker))))
