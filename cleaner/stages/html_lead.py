"""The standfirst: lead text between the headline and the body that trafilatura left out.

Pages print the lead ("standfirst", "deck", "chapô", "excerpt") between the headline
and the body, often outside the element that holds the body; trafilatura then drops it,
though it is article text (gold/README.md keeps it). So: find the headline and the
first body block among the page's blocks, and take the prose blocks between them that
are not page furniture (captions, bylines, share bars: by element and class name).
"""

from __future__ import annotations

from cleaner.heuristics import _label, body, meta
from cleaner.heuristics.lines import describe
from cleaner.stages.html_blocks import SPACE, Block, blocks

# How far above the body a lead may sit, in blocks (bylines, dates, share bars, images
# come between), and how many blocks of it at most.
REACH = 12
MAX_LEAD = 3
MIN_MATCH = 20  # characters a block needs to be recognised in the extracted text
MAX_SEARCH = 400  # blocks after the headline to look for the body in, at most


def _norm(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def lead(tree, extracted: str, title: str | None) -> list[str]:
    """Blocks of the page `tree` that read as the standfirst of the `extracted` text."""
    text = _norm(extracted)
    if not text or not title:
        return []
    title = _norm(title)
    headline = next((h for h in tree.iter("h1") if _norm(h.text_content()) == title), None)
    if headline is None:
        return []
    above: list[Block] = []  # the blocks between the headline and the body, the last REACH
    for n, block in enumerate(blocks(tree, after=headline)):
        if len(block.text) >= MIN_MATCH and block.text in text:
            return [b.text for b in above[-REACH:] if _is_lead(b, text)][:MAX_LEAD]
        if n >= MAX_SEARCH:
            break
        above.append(block)
    return []


def _is_lead(block: Block, extracted: str) -> bool:
    if block.furniture or block.link_chars * 3 > len(block.text) or block.text in extracted:
        return False
    info = describe(0, block.text)
    hard = _label(info.text, info.words) is not None
    if body.classify(info, hard) != body.GOOD:
        return False
    return meta.date_line(info.text) is None and meta.byline(info.text) is None
