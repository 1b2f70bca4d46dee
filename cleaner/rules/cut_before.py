from __future__ import annotations

from cleaner.rules.base import Hit, LineView, MarkerRule


class CutBefore(MarkerRule):
    """Drop everything before the first marker line, and the marker too unless `keep_marker`.

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
        at = self.marker(view)
        if at is None:
            return Hit()
        return Hit(drop=list(range(at + (not self.options.keep_marker))))
