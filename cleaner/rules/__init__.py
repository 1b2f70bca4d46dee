"""Rule kinds usable from profile files, registered by hand so the list is easy to read."""

from __future__ import annotations

from cleaner.rules.base import Rule, suggest
from cleaner.rules.cut_after import CutAfter
from cleaner.rules.cut_before import CutBefore
from cleaner.rules.drop_between import DropBetween
from cleaner.rules.drop_block import DropBlock
from cleaner.rules.drop_line import DropLine
from cleaner.rules.drop_matching import DropMatching
from cleaner.rules.drop_repeated import DropRepeated
from cleaner.rules.meta_field import MetaField

RULES: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (DropLine, DropMatching, DropBlock, DropBetween, DropRepeated, CutAfter, CutBefore, MetaField)
}


def get(kind: str) -> type[Rule]:
    """The rule class for `kind`; KeyError with a did-you-mean message otherwise."""
    try:
        return RULES[kind]
    except KeyError:
        raise KeyError(f'unknown rule kind "{kind}"{suggest(kind, list(RULES))}') from None
