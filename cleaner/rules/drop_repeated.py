from __future__ import annotations

from dataclasses import dataclass

from cleaner.rules.base import Hit, LineView, Pattern, Rule


class DropRepeated(Rule):
    """Drop a block that is printed several times in a row, starting at a line matching `start`.

    The block runs from a `start` line to the next line with the same text; it must be
    printed again in full at least once. Every copy goes, including a last partial copy
    (a carousel often ends on its header). A block printed only once stays, even if its
    first line recurs: repetition of the whole block is the evidence.
    Why: promo tables and carousels that a scrape captures once per slide.

    Profile entry:
        [[rules]]
        kind  = "drop_repeated"
        start = '^Top crypto projects in .+ \\| \\p{L}+ \\d{4}$'
        why   = "promo table printed once per carousel slide"

    >>> from cleaner.rules.base import compile_pattern, numbered
    >>> rule = DropRepeated(DropRepeated.Options(start=compile_pattern("^Top")))
    >>> rule.apply(numbered("Body\\nTop\\na\\nb\\nTop\\na\\nb\\nTop\\n\\nEnd")).drop
    [1, 2, 3, 4, 5, 6, 7]
    >>> rule.apply(numbered("Top\\nonly once")).drop
    []
    """

    kind = "drop_repeated"

    @dataclass(frozen=True)
    class Options:
        start: Pattern

    def apply(self, view: LineView) -> Hit:
        texts, n = view.texts, len(view)
        drop: list[int] = []
        i = 0
        while i < n:
            if not (texts[i] and self.options.start.search(texts[i])):
                i += 1
                continue
            again = next((k for k in range(i + 1, n) if texts[k] == texts[i]), None)
            if again is None:
                i += 1
                continue
            unit = texts[i:again]
            if texts[again : again + len(unit)] != unit:  # one line recurring is not a repeated block
                i += 1
                continue
            end = again
            while end < n and texts[end] == unit[(end - again) % len(unit)]:
                end += 1
            drop.extend(range(i, end))
            i = end
        return Hit(drop=drop)
