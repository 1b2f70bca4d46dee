from __future__ import annotations

from dataclasses import dataclass

from cleaner.rules.base import Hit, LineView, Patterns, Rule, Texts, find_first, require_marker


class CutAfter(Rule):
    """Drop the first marker line (equal to `text` or matching `pattern`) and everything after.

    Why: related-article rails, comment sections and footers that scrapes append.
    With `keep_marker = true` the marker line itself stays.

    Profile entry:
        [[rules]]
        kind = "cut_after"
        text = "Related Articles"
        why  = "related-articles rail and footer"

    >>> from cleaner.rules.base import numbered
    >>> rule = CutAfter(CutAfter.Options(text=Texts(["Related Articles"])))
    >>> rule.apply(numbered("Body\\nRelated Articles\\nOther story")).drop
    [1, 2]
    """

    kind = "cut_after"

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
        return Hit(drop=list(range(at + o.keep_marker, len(view))))
