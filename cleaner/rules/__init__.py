"""Rule kinds usable from profile files, registered by hand so the list is easy to read."""

from __future__ import annotations

from cleaner.rules.author import Author
from cleaner.rules.base import Rule, suggest
from cleaner.rules.body import Body
from cleaner.rules.cut_after import CutAfter
from cleaner.rules.cut_before import CutBefore
from cleaner.rules.date import Date
from cleaner.rules.drop_between import DropBetween
from cleaner.rules.drop_block import DropBlock
from cleaner.rules.drop_line import DropLine
from cleaner.rules.drop_matching import DropMatching
from cleaner.rules.drop_repeated import DropRepeated
from cleaner.rules.meta_field import MetaField
from cleaner.rules.strip import Strip
from cleaner.rules.strip_id_or_class import StripIdOrClass
from cleaner.rules.title import Title

LINE_RULES = (DropLine, DropMatching, DropBlock, DropBetween, DropRepeated, CutAfter, CutBefore, MetaField)
# These act on the parsed HTML page before extraction (cleaner.rules.page); on text scrapes they find nothing.
PAGE_RULES = (Body, Strip, StripIdOrClass, Title, Author, Date)
RULES: dict[str, type[Rule]] = {cls.kind: cls for cls in (*LINE_RULES, *PAGE_RULES)}


def get(kind: str) -> type[Rule]:
    """The rule class for `kind`; KeyError with a did-you-mean message otherwise."""
    try:
        return RULES[kind]
    except KeyError:
        raise KeyError(f'unknown rule kind "{kind}"{suggest(kind, list(RULES))}') from None
