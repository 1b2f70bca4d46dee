"""Generic cleaning for what no profile describes; each removal is `heuristic:<name>`.

The signals live in cleaner.heuristics, one module per family; this stage runs them on
the lines the profiles kept, in order (alt text first, then the page analysis), and
records each removal with its reason. What a profile decided stays: its removals are
done, and the heuristics only fill metadata fields that are still empty.

The matching site profile's `generic` setting (doc.generic, set by the profile stage)
bounds this stage: "full" removes lines as above; "metadata" removes nothing and only
fills empty author/date from the page analysis; "off" skips the stage.
"""

from __future__ import annotations

from cleaner.context import Context
from cleaner.document import Document, Removal, removals_at
from cleaner.heuristics import WHY, analyse
from cleaner.heuristics.alt_text import WHY as ALT_TEXT_WHY
from cleaner.heuristics.alt_text import alt_text

MAX_PASSES = 4


def run(doc: Document, ctx: Context) -> Document:
    if not ctx.heuristics or doc.generic[0] == "off":
        return doc
    if doc.generic[0] == "metadata":
        verdict = analyse(doc.lines, extracted="html:trafilatura" in doc.steps)
        return doc.replace(metadata=doc.metadata.fill(author=verdict.author, date=verdict.date))
    positions = alt_text(doc.lines)
    if positions:
        alt = removals_at(doc.lines, positions, rule="heuristic:alt-text", kind="heuristic", why=ALT_TEXT_WHY)
        doc = doc.without(alt)
    # The page analysis depends on context (where the body is, what repeats), so taking
    # lines out can change its verdict on the rest. Run it to a fixed point: then
    # cleaning the output again finds nothing more to remove.
    for _ in range(MAX_PASSES):
        verdict = analyse(doc.lines, extracted="html:trafilatura" in doc.steps)
        if not verdict.drop:
            break
        by_name: dict[str, list[int]] = {}
        for pos, name in verdict.drop.items():
            by_name.setdefault(name, []).append(pos)
        drop: dict[int, Removal] = {}
        for name, positions in by_name.items():
            drop |= removals_at(doc.lines, positions, rule=f"heuristic:{name}", kind="heuristic", why=WHY[name])
        if not drop:  # only blank lines were flagged
            break
        doc = doc.without(drop).replace(metadata=doc.metadata.fill(author=verdict.author, date=verdict.date))
    return doc
