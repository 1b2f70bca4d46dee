"""The hand-written heuristics applied to a document: each removal is `heuristic:<name>`.

Alt text first (on a whole-page scrape), then the page analysis (`analyse`) to a fixed
point. On a text scrape the line model (cleaner.model) reads this pass's verdict as one of
its features; on an extractor's text it is the generic cleaning itself.
"""

from __future__ import annotations

from cleaner.document import Document, Removal, removals_at
from cleaner.heuristics import analyse, why
from cleaner.heuristics.alt_text import WHY as ALT_TEXT_WHY
from cleaner.heuristics.alt_text import alt_text

MAX_PASSES = 4


def apply(doc: Document, focus: str | None = None) -> Document:
    """`focus`: "precision", "recall" or None, as analyse() takes it."""
    # Alt text is a whole-page scrape's: an extractor prints none (with --images, an image the
    # user asked for, "![alt](src)"). On trafilatura's text of the corpus's train pages the
    # lines it took were fragments of hard-wrapped text and form labels (43-63% of their words
    # article text).
    positions = alt_text(doc.lines) if doc.extracted_by is None else []
    if positions:
        alt = removals_at(doc.lines, positions, rule="heuristic:alt-text", kind="heuristic", why=ALT_TEXT_WHY)
        doc = doc.without(alt)
    # The page analysis depends on context (where the body is, what repeats), so taking
    # lines out can change its verdict on the rest. Run it to a fixed point: then
    # cleaning the output again finds nothing more to remove.
    for _ in range(MAX_PASSES):
        verdict = analyse(doc.lines, extracted=doc.extracted_by is not None, focus=focus)
        if not verdict.drop:
            break
        by_name: dict[str, list[int]] = {}
        for pos, name in verdict.drop.items():
            by_name.setdefault(name, []).append(pos)
        drop: dict[int, Removal] = {}
        for name, positions in by_name.items():
            drop |= removals_at(doc.lines, positions, rule=f"heuristic:{name}", kind="heuristic", why=why(name))
        if not drop:  # only blank lines were flagged
            break
        doc = doc.without(drop).replace(metadata=doc.metadata.fill(author=verdict.author, date=verdict.date))
    return doc
