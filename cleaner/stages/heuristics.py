"""Generic cleaning for what no profile describes, on the lines the profiles kept.

On a text scrape the line model decides (cleaner.model.stage: boosted trees over the named
signals of each line and its neighbours, trained on the corpus's train pages; removals
`model:boilerplate`, `model:title`), with the heuristics' byline and date lines as metadata
(`heuristic:byline`, `heuristic:date`) and the heuristics alone on snippets of under 20
lines. On an extractor's text (HTML through trafilatura) the hand-written heuristics decide
(cleaner.heuristics.apply, removals `heuristic:<name>`): the extractor chose the body, and
the model learned whole pages. Why the model: on pages neither was tuned on it is ahead
(corpus val, html-text scrapes: dragnet F1 0.900 against 0.847, cleaneval 0.884 against
0.882; the same val pages scraped by inscriptis, as the dev set is: 0.902 against 0.851 and
0.873 against 0.874), behind on the dev set the heuristics were written against (0.886
against 0.904); benchmarks/corpus_text.py and devset_text.py, --variant heuristics.
What a profile decided stays: its removals are done, and this stage only fills metadata
fields that are still empty. --no-heuristics turns it off.

The matching site profile's `generic` setting (doc.generic, set by the profile stage)
bounds this stage: "full" removes lines as above; "page" removes the lines it removes from
the whole page (the lines the profile removed put back), as with no profile, whatever the
profile's removals would do to its view of the page (the article's head a profile's byline
or dateline rule marks stays); "metadata" removes nothing and only
fills empty author/date from the page analysis; "off" skips the stage.

Where each field it fills came from is recorded (`explain`'s metadata_from: the rule of
the line it was read from, "heuristic:byline", "heuristic:date"), with a date's printed
text as a note. The lines it removes as labels of article facts fill empty fields too:
"Tags: a, b" (tags), "Categories: x" / "Filed under x" (categories) and "5 min read"
(reading_time).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from cleaner.document import Context, Document, Line, Removal, removals_at
from cleaner.heuristics import analyse, ends, meta
from cleaner.heuristics.apply import apply, heuristic_removals
from cleaner.heuristics.language import languages
from cleaner.heuristics.signals import Page
from cleaner.heuristics.signals.classes import CLASS
from cleaner.heuristics.signals.phrases import LABEL
from cleaner.heuristics.signals.shape import LINES


def run(doc: Document, ctx: Context) -> Document:
    if not ctx.heuristics or doc.generic[0] == "off":
        return doc
    if doc.generic[0] == "metadata":
        verdict = analyse(doc.lines, extracted=doc.extracted_by is not None)
        done = doc.replace(metadata=doc.metadata.fill(author=verdict.author, date=verdict.date))
        found = sorted(verdict.drop.items())  # in the page's order, as below
        return record(doc, done, [(doc.lines[pos].text, f"heuristic:{name}") for pos, name in found])
    # --precision / --recall move the decisions on a text scrape; on HTML they went to trafilatura
    if doc.comments_from is not None:  # --comments asked for the reader comments: kept, after the article
        # a profile's rules may have taken every line of them
        first = next((i for i, line in enumerate(doc.lines) if line.no >= doc.comments_from), len(doc.lines))
        done = _with_comments(doc, first, len(doc.lines), heading=False)
    elif ctx.comments and doc.extracted_by is not None and (section := _comments_in_text(doc)) is not None:
        done = _with_comments(doc, *section, heading=True)
    elif doc.generic[0] == "page":
        done = _as_on_page(doc, ctx)
    else:
        done = judge(doc, ctx)
    # in the page's order: the first reading time, tag line... is the article's, not a teaser's
    # below it (new-user trial: a Medium post's "5 min read" of a "More from" teaser)
    added = sorted(done.removals[len(doc.removals) :], key=lambda r: r.lines[0])
    removed = [(text, r.rule) for r in added for text in r.text.split("\n")]
    return record(doc, done, removed)


def _comments_in_text(doc: Document) -> tuple[int, int] | None:
    """Positions first..end (end excluded) of the reader comments the extractor left in its
    main text (ends.comment_section), or None."""
    page = Page.of(doc.lines)
    rows = ends.comment_section(page[LINES], page[LABEL], page[CLASS]) if page else None
    if rows is None:
        return None
    first, end = rows
    return page.positions[first], page.positions[end] if end < len(page) else len(doc.lines)


def _with_comments(doc: Document, first: int, end: int, heading: bool) -> Document:
    """The article (lines before `first`) cleaned as always, then the comments (up to `end`)
    as ends.comment_keep keeps them: the section's heading (`heading`: line `first` is one;
    else a first line that names itself a comments heading, as trafilatura prints one) and
    the comments; what follows them goes as the footer."""
    done = apply(doc.replace(lines=doc.lines[:first]))
    start = len(done.lines)
    done = done.replace(lines=done.lines + doc.lines[first:])
    page = Page.of(done.lines[start : start + end - first])
    labels = page[LABEL]
    titled = heading or (bool(labels) and labels[0] == "comments" and page[LINES][0].words <= ends.MAX_HEADING_WORDS)
    keep = ends.comment_keep(page[LINES], labels, titled)
    found = {start + pos: labels[n] or "not-a-comment" for n, pos in enumerate(page.positions) if not keep[n]}
    found |= dict.fromkeys(range(start + end - first, len(done.lines)), "footer")
    return done.without(heuristic_removals(done.lines, found))


def judge(doc: Document, ctx: Context, keep_headline: bool = True) -> Document:
    """`doc` without what generic cleaning removes: on a text scrape the line model decides
    (cleaner.model.stage, snippets aside; with --fast the heuristics), on an extractor's text
    the heuristics, which judge only what the extractor let through (its focus took
    --precision / --recall)."""
    if doc.extracted_by is not None:
        return apply(doc)
    if ctx.fast:  # --fast: the heuristics, at 2.5 times the speed (dragnet:val F1 0.847 against 0.900)
        return apply(doc, focus=ctx.focus)
    from cleaner.model import stage as model_stage  # numpy and the model's parameters: text scrapes only

    return model_stage.run(doc, ctx, keep_headline=keep_headline)


def _as_on_page(before: Document, ctx: Context) -> Document:
    """`before` (the lines the profile kept) without the lines the generic stage removes
    from the page as a whole (the lines the profile removed put back): the profile's
    removals could move where the generic stage finds the body (a related list or teasers
    no longer set apart by template lines), so it judges the page as with no profile, and
    the profile's rules remove the template lines on top. Except the article's head as the
    profile found it: the lines from just above the first byline or dateline a profile rule
    took as metadata (HEAD_REACH lines: a headline, a standfirst) down to the body."""
    lines = {line.no: line for line in before.lines}
    for removal in before.removals:
        first, last = removal.lines
        for no, text in zip(range(first, last + 1), removal.text.split("\n"), strict=False):
            lines.setdefault(no, Line(no, text))
    # the head is _head's where a profile rule marked it (a byline, a dateline); where none
    # did, the headline above the first byline stays as with no profile (new-user trial of
    # stop 57: a draft of `new` with no byline rule made the title null on 4 of 9 pages)
    marked = any(r.kind == "meta_field" for r in before.removals)
    whole = judge(
        before.replace(lines=tuple(lines[no] for no in sorted(lines)), removals=()), ctx, keep_headline=not marked
    )
    rules = {no: r for r in whole.removals for no in range(r.lines[0], r.lines[1] + 1)}
    head = _head(before, rules)
    drop: dict[int, Removal] = {}
    for i, line in enumerate(before.lines):
        if line.no in rules and i not in head:
            r = rules[line.no]
            drop |= removals_at(before.lines, [i], rule=r.rule, kind=r.kind, why=r.why)
    return before.without(drop).replace(
        metadata=before.metadata.fill(author=whole.metadata.author, date=whole.metadata.date)
    )


HEAD_REACH = 2
STANDFIRST_WORDS = 8  # a standfirst is a lead sentence (as learn reads one); menu items and link titles are shorter


def _head(before: Document, rules: dict[int, Removal]) -> set[int]:
    """Positions in `before` of the article's head a profile marked: from HEAD_REACH
    non-blank lines above its first metadata line (a byline, a dateline) to the first line
    the generic stage keeps on the page as a whole."""
    done = before
    marks = [r.lines[0] for r in before.removals if r.kind == "meta_field"]
    both = [i for i, line in enumerate(done.lines) if line.text.strip() and line.no not in rules]
    if not marks or not both:
        return set()
    mark = min(marks)
    if done.lines[both[0]].no < mark:
        # the generic stage keeps a line of the head itself (a standfirst): the lines right
        # above the mark it drops (a headline above that standfirst) stay with it
        above = [i for i, line in enumerate(done.lines) if line.no < mark and line.text.strip()]
        return {i for i in above[-HEAD_REACH:] if i < both[0]} if both[0] in above[-HEAD_REACH:] else set()
    if any(r.lines[0] == mark and r.kind == "meta_field" for r in _title_removals(before)):
        # the profile took the headline itself: the head is a standfirst between it and the
        # byline or dateline below (right above that, blank lines between aside), never the
        # lines above the headline, a share bar below the byline, or a menu or a list of
        # links when the "headline" is a <title> on top
        end = min([m for m in marks if m > mark], default=mark)
        between = [i for i, line in enumerate(done.lines[: both[0]]) if mark < line.no < end and line.text.strip()]
        return {
            i
            for i in between[-HEAD_REACH:]
            if len(done.lines[i].text.split()) >= STANDFIRST_WORDS and end - done.lines[i].no <= 2 * HEAD_REACH
        }
    above = [i for i, line in enumerate(done.lines) if line.no < mark and line.text.strip()]
    start = above[-HEAD_REACH:][0] if above else both[0]
    below = [i for i in range(start, both[0]) if done.lines[i].no > mark and done.lines[i].text.strip()]
    if len(below) > HEAD_REACH:  # the body starts far below the byline: what lies between is no head
        return {i for i in range(start, both[0]) if done.lines[i].no <= mark}
    return set(range(start, both[0]))


def _title_removals(doc: Document) -> list[Removal]:
    """The removals of the rule that gave the title."""
    rule = dict(doc.meta_sources).get("title")
    return [r for r in doc.removals if r.rule == rule] if rule else []


# Labels of article facts the page prints as a line of their own: the data files' tag_labels
# and category_labels ("Tags: a, b", "Etiquetas: a, b", "Filed under a"), then a colon or a space


class Facts(NamedTuple):
    tags: regex.Pattern
    categories: regex.Pattern
    # a label of either inside a line, after a space: "Filed Under: a, b   Tagged: c, d"
    # (WordPress's Genesis themes print both on one line)
    inside: regex.Pattern
    tags_inside: regex.Pattern
    tag_words: tuple[str, ...]  # what a line TAGS or CATEGORIES matches starts with, casefolded (see record)
    category_words: tuple[str, ...]


@lru_cache(maxsize=1)
def facts() -> Facts:
    def alternation(labels: list[str]) -> str:
        # the longest label first: "Tagged as: a" is the tag "a", not "as: a"
        return "|".join(regex.escape(label).replace(r"\ ", r"\s+") for label in sorted(labels, key=len, reverse=True))

    def labelled(labels: list[str]) -> regex.Pattern:
        return regex.compile(rf"^(?:{alternation(labels)})(?:\s*:\s*|\s+)(?P<items>.+)$", regex.I)

    def inside(labels: list[str]) -> regex.Pattern:
        return regex.compile(rf"(?<=\S)\s+(?:{alternation(labels)})\s*:\s*(?P<items>.*)$", regex.I)

    tags = list(dict.fromkeys(label for lang in languages() for label in lang.tag_labels))
    categories = list(dict.fromkeys(label for lang in languages() for label in lang.category_labels))
    return Facts(
        labelled(tags),
        labelled(categories),
        inside(tags + categories),
        inside(tags),
        tuple(label.casefold() for label in tags),
        tuple(label.casefold() for label in categories),
    )


DIGIT = regex.compile(r"\d")
ITEMS = regex.compile(r"\s*[,;|·•]\s*")
MAX_ITEM_WORDS = 5


def _items(m: regex.Match | None) -> tuple[str, ...]:
    if m is None:
        return ()
    # "Filed Under: a, b   Tagged: c, d": this label's items end where the next label starts
    text = m.group("items")
    if (after := facts().inside.search(text)) is not None:
        text = text[: after.start()]
    items = [item.strip(" .#") for item in ITEMS.split(text.strip())]
    if any(len(item.split()) > MAX_ITEM_WORDS for item in items):  # a sentence, not a list of labels
        return ()
    # "Categories: a, b Tags: c, d": the next label's items are not these
    items = items[: next((n for n, item in enumerate(items) if ":" in item), len(items))]
    return tuple(dict.fromkeys(item for item in items if item))


def record(before: Document, after: Document, lines: list[tuple[str, str]]) -> Document:
    """`after` with where the fields this stage filled came from (`lines`: the text and rule
    of each line the stage removed, or would have), and the empty fields those lines fill."""
    old, new = before.metadata, after.metadata
    sources: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    if new.author and not old.author:
        rule = next((rule for text, rule in lines if (b := meta.byline(text)) and b[0] == new.author), None)
        sources.append(("author", rule or "heuristic:byline"))
    if new.date and not old.date:
        found = next(((rule, w[1]) for text, rule in lines if (w := meta.when(text)) and w[0] == new.date), None)
        sources.append(("date", found[0] if found else "heuristic:date"))
        if found and found[1] != new.date:
            notes.append(("date", f'printed "{found[1]}"'))
    fill: dict[str, object] = {}
    labels = facts()
    starts = labels.tag_words + labels.category_words
    for text, rule in lines:
        text = text.strip().lstrip("*+-•· ")
        # The patterns only on lines with their words: casefolded as regex.I matches them ("İ" as "i")
        low = text.replace("İ", "i").casefold()
        # most lines: no pattern can match (a reading time has a figure: "4 λεπτά", "3 dk")
        digits = DIGIT.search(low) is not None
        if not (digits or low.startswith(starts)):
            continue
        for name, value in (
            (
                "tags",
                _items(labels.tags.match(text) if low.startswith(labels.tag_words) else labels.tags_inside.search(text))
                if low.startswith(starts)
                else (),
            ),
            ("categories", _items(labels.categories.match(text)) if low.startswith(labels.category_words) else ()),
            ("reading_time", meta.reading_minutes(text) if digits else None),
        ):
            if value and not getattr(new, name) and name not in fill:
                fill[name] = value
                sources.append((name, rule))
    if not (sources or notes):
        return after
    return after.replace(
        metadata=new.fill(**fill),
        meta_sources=after.meta_sources + tuple(sources),
        meta_notes=after.meta_notes + tuple(notes),
    )
