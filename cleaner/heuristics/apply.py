"""The hand-written heuristics applied to a document: each removal is `heuristic:<name>`.

Alt text first (on a whole-page scrape), then the page analysis (`analyse`) to a fixed
point. On a text scrape the line model (cleaner.model) reads this pass's verdict as one of
its features (`passes`, without building the removals); on an extractor's text it is the
generic cleaning itself (`apply`).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import Document, Line, Removal, removals_at
from cleaner.heuristics import analyse, why
from cleaner.heuristics.alt_text import alt_text

MAX_PASSES = 4


def passes(
    doc: Document,
    focus: str | None = None,
    protect: frozenset[int] = frozenset(),
    named_headline: bool = False,
    remains: bool = False,
) -> Iterator[tuple[dict[int, str], str | None, str | None]]:
    """Each pass's verdict: the positions (in doc.lines) it removes -> heuristic name, and the
    author and date it found. The later passes read the lines the earlier ones left, taken by
    index: no Document is built between passes. `focus`: as analyse() takes it. The lines
    numbered in `protect` stay (a headline the line model's stage kept for the metadata).
    `named_headline`, `remains`: as analyse() takes them."""
    lines = doc.lines
    rows = list(range(len(lines)))
    # Alt text is a whole-page scrape's: an extractor prints none (with --images, an image the
    # user asked for, "![alt](src)"). On trafilatura's text of the corpus's train pages the
    # lines it took were fragments of hard-wrapped text and form labels (43-63% of their words
    # article text).
    alt = [i for i in alt_text(lines) if lines[i].no not in protect] if doc.extracted_by is None else []
    if alt:
        yield dict.fromkeys(alt, "alt-text"), None, None
        gone = set(alt)
        rows = [i for i in rows if i not in gone]
    # The page analysis depends on context (where the body is, what repeats), so taking
    # lines out can change its verdict on the rest. Run it to a fixed point: then
    # cleaning the output again finds nothing more to remove.
    # the byline an earlier pass took names the writer for the later ones (second attacker
    # trial of stop 52: with the byline gone, a person of the story went as the writer's bio)
    writer = doc.metadata.author
    for _ in range(MAX_PASSES):
        page = [lines[i] for i in rows]
        verdict = analyse(
            page,
            extracted=doc.extracted_by is not None,
            focus=focus,
            writer=writer,
            named_headline=named_headline,
            remains=remains,
        )
        writer = writer or verdict.author
        # a blank line only separates blocks: flagged alone, it stays (removals_at)
        found = {
            rows[n]: name for n, name in verdict.drop.items() if page[n].text.strip() and page[n].no not in protect
        }
        if not found:
            break
        yield found, verdict.author, verdict.date
        rows = [i for i in rows if i not in found]


def apply(
    doc: Document, focus: str | None = None, protect: frozenset[int] = frozenset(), remains: bool = False
) -> Document:
    """`focus`: "precision", "recall" or None, as analyse() takes it; `protect`, `remains`: as passes()."""
    removals: list[Removal] = []
    gone: set[int] = set()
    metadata = doc.metadata
    for found, author, date in passes(doc, focus, protect, named_headline=True, remains=remains):
        drop = heuristic_removals(doc.lines, found)
        removals += dict.fromkeys(drop.values())
        gone |= drop.keys()
        metadata = metadata.fill(author=author, date=date)
    if not gone:
        return doc
    lines = tuple(line for i, line in enumerate(doc.lines) if i not in gone)
    return doc.replace(lines=lines, removals=doc.removals + tuple(removals), metadata=metadata)


def heuristic_removals(lines: tuple[Line, ...], found: dict[int, str]) -> dict[int, Removal]:
    """The removals (`heuristic:<name>`, with its why) of the lines at the positions in
    `found` (position -> heuristic name), a record per run of lines of one name."""
    by_name: dict[str, list[int]] = {}
    for pos, name in found.items():
        by_name.setdefault(name, []).append(pos)
    drop: dict[int, Removal] = {}
    for name, positions in by_name.items():
        drop |= removals_at(lines, positions, rule=f"heuristic:{name}", kind="heuristic", why=why(name))
    return drop
