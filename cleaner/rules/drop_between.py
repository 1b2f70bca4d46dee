from __future__ import annotations

from dataclasses import dataclass

from cleaner.rules.base import Hit, LineView, Pattern, Rule


class DropBetween(Rule):
    """Drop each block from a line matching `start` through the next line matching `end`.

    Both marker lines go too. A start with no end after it drops nothing, so a
    missing end marker never eats the rest of the article; of two starts before an end, the
    block begins at the later (attacker trial of stop 47: WordPress's comment rule, from a
    comment's date line to its Reply link, took a post dated the same way, from its date on).
    Why: inline widgets with a fixed header and footer (newsletter boxes, comment forms).

    Profile entry:
        [[rules]]
        kind  = "drop_between"
        start = '^Leave a Reply$'
        end   = '^Post Comment$'
        why   = "comment form"

    >>> from cleaner.rules.base import compile_pattern, numbered
    >>> rule = DropBetween(DropBetween.Options(start=compile_pattern("^<<"), end=compile_pattern(">>$")))
    >>> rule.apply(numbered("Body\\n<<\\nad\\n>>\\nMore\\n<<\\nunclosed")).drop
    [1, 2, 3]
    >>> rule.apply(numbered("<< a dated post\\nits text\\n<< a dated comment\\n>>")).drop
    [2, 3]
    """

    kind = "drop_between"

    @dataclass(frozen=True)
    class Options:
        start: Pattern
        end: Pattern

    def apply(self, view: LineView) -> Hit:
        drop: list[int] = []
        i = 0
        while i < len(view):
            if view.texts[i] and self.options.start.search(view.texts[i]):
                end = None
                for j in range(i + 1, len(view)):
                    if not view.texts[j]:
                        continue
                    if self.options.end.search(view.texts[j]):
                        end = j
                        break
                    if self.options.start.search(view.texts[j]):
                        i = j  # a later start: the block begins there
                if end is None:
                    break
                drop.extend(range(i, end + 1))
                i = end
            i += 1
        return Hit(drop=drop)
