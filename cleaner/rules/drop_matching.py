from __future__ import annotations

from dataclasses import dataclass

from cleaner.rules.base import Hit, LineView, Patterns, Rule, matches_any


class DropMatching(Rule):
    """Drop every line that a pattern matches (searched in the stripped line; anchor with ^ $).

    Why: boilerplate lines that vary: counters, bylines, calls to action with a topic in them.

    Profile entry:
        [[rules]]
        kind    = "drop_matching"
        pattern = '^\\d+ views?\\s*\\d+ comments?$'
        why     = "view and comment counters"

    >>> from cleaner.rules.base import compile_pattern, numbered
    >>> rule = DropMatching(DropMatching.Options(pattern=Patterns([compile_pattern(r"^\\d+ views")])))
    >>> rule.apply(numbered("6 views0 comments\\nBody")).drop
    [0]
    """

    kind = "drop_matching"

    @dataclass(frozen=True)
    class Options:
        pattern: Patterns

    def apply(self, view: LineView) -> Hit:
        patterns = self.options.pattern
        return Hit(drop=[i for i, text in enumerate(view.texts) if text and matches_any(patterns, text)])
