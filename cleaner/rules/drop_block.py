from __future__ import annotations

from dataclasses import dataclass

from cleaner.rules.base import Hit, LineView, Patterns, Rule


class DropBlock(Rule):
    """Drop every block (run of non-blank lines) whose whole text a pattern matches.

    The block's stripped lines are joined with "\\n" and the pattern must match all of it.
    Why: things only recognisable by shape, e.g. an image's alt text line directly
    followed by its caption line on a site that prints paragraphs as single lines.

    Profile entry:
        [[rules]]
        kind    = "drop_block"
        pattern = '[^\\n]+\\n[^\\n]{1,100}'
        why     = "figure: alt text line followed by its caption"

    >>> from cleaner.rules.base import compile_pattern, numbered
    >>> rule = DropBlock(DropBlock.Options(pattern=Patterns([compile_pattern(r"[^\\n]+\\n[^\\n]{1,20}")])))
    >>> rule.apply(numbered("A paragraph.\\n\\nA chart of things.\\nA chart\\n\\nMore.")).drop
    [2, 3]
    """

    kind = "drop_block"

    @dataclass(frozen=True)
    class Options:
        pattern: Patterns

    def apply(self, view: LineView) -> Hit:
        drop: list[int] = []
        for block in view.blocks():
            text = "\n".join(view.texts[i] for i in block)
            if any(p.fullmatch(text) for p in self.options.pattern):
                drop.extend(block)
        return Hit(drop=drop)
