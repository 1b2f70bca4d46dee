"""The article's head as the line model leaves it: the headline right above the first byline
kept for the metadata stage (with a standfirst under it), and the byline and date the passes
removed near the body filling empty metadata."""

from __future__ import annotations

from cleaner.document import Document, Line
from cleaner.heuristics import ends
from cleaner.heuristics.lines import describe as line_info
from cleaner.heuristics.phrases import boilerplate_label
from cleaner.heuristics.signals.shape import capitalised
from cleaner.heuristics.top import named, reads_as_title, when
from cleaner.model.rescues import line_text, sentence

# A headline's words: a line kept above the byline for the metadata stage
HEADLINE_WORDS = (3, 30)

# Lines above and below the article's first kept line (often its headline) its byline and
# date line may stand on, as the heuristics look around the body's first line
HEAD_META_LINES = (10, 8)


def head_metadata(start: Document, done: Document) -> Document:
    """`done` with an empty author or date filled from the byline or date line the passes
    removed nearest the article's first kept line (HEAD_META_LINES of `start`'s non-blank
    lines above and below it): those lines go as metadata in any case (`also`), and the
    heuristics read the author only near where they find the body. New-user trial of stop 37:
    a live blog's "By Priya Nandakumar and Owen Blake" and "Last updated 3 May 2024, 14:52 BST"
    went as metadata and both fields were null, the heuristics' body set further down by a
    cookie notice above the headline."""
    meta = done.metadata
    if meta.author and meta.date:
        return done
    kept = {line.no for line in done.lines if line.text.strip()}
    lines = [line for line in start.lines if line.text.strip()]
    first = next((n for n, line in enumerate(lines) if line.no in kept), None)
    if first is None:
        return done
    rules = {no: r.rule for r in done.removals[len(start.removals) :] for no in range(r.lines[0], r.lines[1] + 1)}
    author, date = meta.author, meta.date
    above, below = HEAD_META_LINES
    end = min(first + below + 1, len(lines))
    # not past a comments heading: the bylines below it are readers' (a short page's first
    # commenter was the author; stopping at any label, "Share this:", "Topics:", lost 4 real
    # text documents' authors)
    end = next((n for n in range(first + 1, end) if _comments_heading(lines[n])), end)
    around = range(max(first - above, 0), end)
    for n in sorted(around, key=lambda n: abs(n - first)):
        rule, text = rules.get(lines[n].no), lines[n].text.strip()
        if rule == "heuristic:byline" and author is None:
            author, date = named(text, date)
        elif rule == "heuristic:date" and date is None:
            date = when(text)
    if (author, date) == (meta.author, meta.date):
        return done
    return done.replace(metadata=meta.fill(author=author, date=date))


def _comments_heading(line: Line) -> bool:
    info = line_info(line.no, line.text.strip())
    return ends.comments_heading(info, boilerplate_label(info.text, info.words))


def headline_above_byline(
    doc: Document, positions: list[int], keep: list[bool], verdict: dict[int, str]
) -> tuple[list[bool], frozenset[int]]:
    """`keep` with the line right above the first byline kept when it reads as a headline
    (HEADLINE_WORDS, no closing full stop, no label, a title's shape), and that line's number
    for the later passes to leave: the metadata stage then takes it as the title, or out as no
    title when the article uses none of its words. The model, trained on golds that keep or
    drop the headline with the page's header, often drops it (trial: a news page's headline
    went with the menu and the title was null); kept, the heuristics' turn on the short page
    left took it for the header (dragnet:train; a new user's local news page, stop 36)."""
    at = next((n for n, pos in enumerate(positions) if verdict.get(pos) == "byline"), None)
    if not at:
        return keep, frozenset()
    above = at - 1
    # "Headline / 22 March 2024 / By X" (new-user trial), "Headline / Medically reviewed by Y / By X"
    # (new-user trial of stop 53: the reviewer's credit was the title)
    while above and verdict.get(positions[above]) in ("date", "reviewer"):
        above -= 1
    # "Headline / Live coverage / By X": a removed kicker of a word or two between them, the
    # headline right above it (new-user trial of stop 60, English and Russian: the title was
    # null); a word or two, not a figure ("14 mins" read under the headline: learn's drafts
    # changed on a generated site's pages)
    if (
        above
        and not keep[above]
        and _kicker(line_text(doc, positions, above))
        and positions[above - 1] == positions[above] - 1
        and _reads_as_headline(above - 1, line_text(doc, positions, above - 1))
    ):
        above -= 1
    # "Headline / standfirst / By X": a kept sentence right under a removed line of its block
    # is the standfirst, the headline above it (new-user trial of stop 58: a Spanish page's
    # headline went with the section label above it, and the title was null)
    # A standfirst need not end as a sentence: "Headline / The crossing has been closed since
    # storm damage in February / By X", the kept line longer than the removed headline over it
    # (new-user trial of stop 59: the standfirst was the title, in English and German)
    standfirst = (
        above
        and keep[above]
        and not keep[above - 1]
        and positions[above - 1] == positions[above] - 1
        and _standfirst_text(line_text(doc, positions, above), line_text(doc, positions, above - 1))
    )
    if (
        above
        and not keep[above]
        and not keep[above - 1]
        and positions[above - 1] == positions[above] - 1
        and not any(keep[:above])
        and _standfirst_under(doc, positions, above)
    ):
        # both removed: the headline for the metadata stage, the standfirst for the body
        # (the gold's conventions keep it), both for the later passes to leave
        lines = [doc.lines[positions[above - 1]].no, doc.lines[positions[above]].no]
        return [*keep[: above - 1], True, True, *keep[above + 1 :]], frozenset(lines)
    for at in (above - 1, above) if standfirst else (above,):
        # kept with a kept line above it, it is no first line for the metadata stage to take; it
        # would stay in the body, and cleaning that output again (no byline left to protect it)
        # took it for the footer (the property test: a kept bullet above "Headline / By X")
        if any(keep[:at]):
            continue
        if _reads_as_headline(at, line_text(doc, positions, at)):
            return [*keep[:at], True, *keep[at + 1 :]], frozenset([doc.lines[positions[at]].no])
    return keep, frozenset()


def _kicker(text: str) -> bool:
    """A label of a word or two over a story ("Live coverage", "Analysis"): no figure, no label."""
    words = text.split()
    return (
        0 < len(words) < HEADLINE_WORDS[0]
        and not any(map(str.isdigit, text))
        and boilerplate_label(text, len(words)) is None
    )


STANDFIRST_WORDS = 8
STANDFIRST_CAPITALS = 0.5  # a German standfirst capitalises its nouns: a third of its words


def _standfirst_under(doc: Document, positions: list[int], at: int) -> bool:
    """Whether the line at `at` is a standfirst under the headline right above it, no label,
    the line above a headline's."""
    text, head = line_text(doc, positions, at), line_text(doc, positions, at - 1)
    return (
        _standfirst_text(text, head)
        and boilerplate_label(text, len(text.split())) is None
        and _reads_as_headline(at - 1, head)
    )


def _standfirst_text(text: str, head: str) -> bool:
    """Whether `text`, under `head`, reads as a standfirst: STANDFIRST_WORDS or more, a
    sentence, or longer than the headline and written as a sentence is, not in title case
    ("Council Approves New Bike Lanes on Main Street" under a weather line is the headline:
    the tests' generated gazette)."""
    words = text.split()
    if len(words) < STANDFIRST_WORDS:
        return False
    return sentence(text) or (capitalised(words) < len(words) * STANDFIRST_CAPITALS and _longer(text, head))


def _longer(text: str, than: str) -> bool:
    return len(text.split()) > len(than.split())


def _reads_as_headline(at: int, text: str) -> bool:
    """Whether a line kept through the later passes as the headline reads as one: its words
    (HEADLINE_WORDS; a CJK headline's characters count, halved), no closing full stop, no label
    ("Share on Facebook" above a byline stayed, the property test found), a title's shape."""
    low, high = HEADLINE_WORDS
    words = line_info(at, text).words
    if not low <= words <= high or text.endswith((".", ":", ";", ",", "。")):
        return False
    return boilerplate_label(text, len(text.split())) is None and reads_as_title(text)
