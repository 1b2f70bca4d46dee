from __future__ import annotations

from dataclasses import dataclass

from cleaner.document import INT_FIELDS, LIST_FIELDS, META_FIELDS
from cleaner.rules.base import Hit, LineView, OptionIssue, Pattern, Rule, suggest
from cleaner.urls import url_problem

MAX_MINUTES = 10_000  # a reading time longer than a week is no reading time


class MetaField(Rule):
    """Take metadata from the first line the pattern matches, then drop that line.

    Each named group sets the metadata field of its name (title, author, date,
    sitename, url, categories, tags, reading_time). `next` / `prev` require the
    nearest non-blank line after / before to match too, which pins down lines known
    only by position (the headline above the byline). List fields are split on
    `split`; `keep_line = true` leaves the line in the text.
    Why: bylines, reading times and category lists that are metadata, not body.

    Profile entry:
        [[rules]]
        kind    = "meta_field"
        pattern = '^UTC by (?P<author>.+?) · (?P<reading_time>\\d+) min read$'
        why     = "byline: author and reading time"

    >>> from cleaner.rules.base import compile_pattern, numbered
    >>> rule = MetaField(MetaField.Options(pattern=compile_pattern(r"^By (?P<author>.+)$")))
    >>> hit = rule.apply(numbered("Title\\nBy Ann Lee\\nBody"))
    >>> hit.drop, hit.meta
    ([1], {'author': 'Ann Lee'})
    """

    kind = "meta_field"

    @dataclass(frozen=True)
    class Options:
        pattern: Pattern
        next: Pattern | None = None
        prev: Pattern | None = None
        split: str = ","
        keep_line: bool = False

    @classmethod
    def validate(cls, options: MetaField.Options) -> list[OptionIssue]:
        groups = list(options.pattern.groupindex)
        if not options.split:
            return [OptionIssue("split", "expected a non-empty separator")]
        if not groups:
            fields = ", ".join(META_FIELDS)
            return [OptionIssue("pattern", f"needs a named group (?P<field>...) for one of: {fields}")]
        return [
            OptionIssue("pattern", f'unknown metadata field "{g}"{suggest(g, META_FIELDS)}')
            for g in groups
            if g not in META_FIELDS
        ]

    def apply(self, view: LineView) -> Hit:
        o = self.options
        for i, text in enumerate(view.texts):
            match = o.pattern.search(text) if text else None
            if match and self._neighbours_match(view, i):
                meta = {k: v for k, raw in match.groupdict().items() if (v := self._value(k, raw)) is not None}
                return Hit(drop=[] if o.keep_line else [i], meta=meta)
        return Hit()

    def _neighbours_match(self, view: LineView, i: int) -> bool:
        for pattern, step in ((self.options.next, 1), (self.options.prev, -1)):
            if pattern is not None:
                j = view.neighbour(i, step)
                if j is None or not pattern.search(view.texts[j]):
                    return False
        return True

    def _value(self, name: str, raw: str | None) -> object:
        value = (raw or "").strip()
        if not value:
            return None
        if name in LIST_FIELDS:
            return tuple(part.strip() for part in value.split(self.options.split) if part.strip())
        if name in INT_FIELDS:  # a reading time of minutes, not of 23 digits (attacker trial of stop 37)
            # its length first: int() refuses more than 4,300 digits (attacker trial: a traceback)
            return int(value) if value.isdecimal() and len(value) <= 5 and int(value) <= MAX_MINUTES else None
        if name == "url" and url_problem(value) is not None:
            # the url field is a page's address: "javascript:alert(1)" filled it, and the
            # output failed as an input (attacker trial of stop 37)
            return None
        return value
