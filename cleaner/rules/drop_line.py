from __future__ import annotations

from dataclasses import dataclass

from cleaner.rules.base import Hit, LineView, Rule, Texts


class DropLine(Rule):
    """Drop every line equal to one of the given texts (surrounding whitespace ignored).

    Why: fixed boilerplate lines such as "See More" or "Scroll to Top".

    Profile entry:
        [[rules]]
        kind = "drop_line"
        text = ["top of page", "bottom of page"]
        why  = "Wix page anchors"

    >>> from cleaner.rules.base import numbered
    >>> DropLine(DropLine.Options(text=Texts(["See More"]))).apply(numbered("See More\\nBody\\n  See More ")).drop
    [0, 2]
    """

    kind = "drop_line"

    @dataclass(frozen=True)
    class Options:
        text: Texts

    def apply(self, view: LineView) -> Hit:
        wanted = set(self.options.text)
        return Hit(drop=[i for i, text in enumerate(view.texts) if text in wanted])
