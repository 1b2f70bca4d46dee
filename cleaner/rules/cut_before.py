from __future__ import annotations

from dataclasses import dataclass

from cleaner.rules.base import Hit, LineView, Patterns, Rule, Texts, find_first, require_marker


class CutBefore(Rule):
    """Drop everything before the first marker line, and the marker too unless `keep_marker`.

    Why: page headers (navigation, image captions, breadcrumbs) above a line that
    reliably opens the article.

    Profile entry:
        [[rules]]
        kind        = "cut_before"
        pattern     = '^Getting your Trinity Audio player ready'
        keep_marker = true
        why         = "header above the audio player"

    >>> from cleaner.rules.base import numbered
    >>> rule = CutBefore(CutBefore.Options(text=Texts(["Start"]), keep_marker=True))
    >>> rule.apply(numbered("Menu\\nStart\\nBody")).drop
    [0]
    """

    kind = "cut_before"

    @dataclass(frozen=True)
    class Options:
        text: Texts | None = None
        pattern: Patterns | None = None
        keep_marker: bool = False

    @classmethod
    def validate(cls, options: Options) -> list:
        return require_marker(options)

    def apply(self, view: LineView) -> Hit:
        o = self.options
        at = find_first(view, o.text or (), o.pattern or ())
        if at is None:
            return Hit()
        return Hit(drop=list(range(0, at + (not o.keep_marker))))
