"""The generic stage with the line model deciding: each removal is `model:boilerplate`.

Today's heuristics still run first: their verdict on each line is one of the model's
features, and their byline and date fill the metadata. `also` names the heuristics whose
removals stand whatever the model says (as `heuristic:<name>`): byline and date lines, which
the corpus golds keep and our conventions make metadata (BYLINE_DATE), and share and follow
lines of a few words (SOCIAL). The other lines that name themselves as boilerplate (PHRASES)
are the model's to judge: as removals that stand they cost text F1 on the corpus.
"""

from __future__ import annotations

from typing import Any

from cleaner.document import Context, Document, Removal, removals_at
from cleaner.heuristics import SNIPPET_LINES, why
from cleaner.heuristics.apply import apply, heuristic_removals
from cleaner.heuristics.lines import more_words
from cleaner.heuristics.phrases import categories
from cleaner.heuristics.signals import Page
from cleaner.heuristics.signals.phrases import LABEL
from cleaner.model import titles
from cleaner.model.features import heuristic_pass, page_features
from cleaner.model.glossary import describe
from cleaner.model.head import head_metadata, headline_above_byline
from cleaner.model.predict import LineModel, load, load_words
from cleaner.model.rescues import (
    LEAD_WORDS,
    beside_captions,
    close_rescued,
    hole_filled,
    introduced_list,
    items_rescued,
    lead_rescued,
    list_rescued,
    prose_line,
    tail_rescued,
)
from cleaner.stages.metadata import repeats_title

# Passes to the fixed point: a pass only removes lines, so the loop ends; this bounds the
# cost of a page the model peels a few lines off per pass (a comment thread: on the 2,186
# dev and corpus text scrapes, 42 took 5 passes or more, one 23; with 4, cleaning the output
# again went on peeling, 16 of them not idempotent).
MAX_PASSES = 32
# ... and at most this many lines read over all passes, but MIN_PASSES: a pass costs about a
# second a megabyte, and a 4.6 MB scrape of 44,000 lines took 17 passes, 40 s, where 2 MB took
# one (attacker trial of stop 53). Real pages stay far under it (the longest of the 2,191 dev
# and corpus text scrapes: 4,270 lines), so their output is as before; a bigger one may be
# cleaned again with more to remove.
PASS_LINES = 400_000
MIN_PASSES = 4
# Fewer lines than this is no whole-page scrape (a snippet, text cleaned already): the model
# learned pages with their header and footer, so the heuristics judge these. 1.4% of the
# corpus's train pages are this short.
MIN_LINES = SNIPPET_LINES
# The lines that name themselves as boilerplate: the phrase categories of the data files, counters
PHRASES = frozenset([*categories(), "counter"])
# the reviewer's credit beside a byline ("Medically reviewed by Dr. Jane Roe, MD") is one too
BYLINE_DATE = frozenset({"byline", "date", "reviewer"})
# ... and the share buttons and follow-us calls the heuristics find: the corpus golds keep no
# such line ("Pin it for later!", "Did you make this recipe? Tag @... on Instagram!" stayed in a
# new user's recipe, trial of stop 60); the other phrase categories stay the model's to judge
# (all of them as removals that stand: text F1 dragnet:train 0.920 -> 0.896)
SOCIAL = frozenset({"share", "follow"})
# ... of this many words or more: a platform's name alone may be an item of the article's list
# (a dragnet:train gold keeps "X"; on a val page, measured, "2. Twitter" in a list of networks)
SOCIAL_WORDS = 3
STANDING = BYLINE_DATE | SOCIAL
# The heuristics' verdicts that name a line's boilerplate by what it says, not where it stands
NAMED = PHRASES | {"call-to-action", "author-bio"}
# --precision / --recall: the threshold on p(content) moved up (fewer lines kept) or down
FOCUS = {"precision": 0.2, "recall": -0.15}
AD_LABEL_WORDS = 5
HEADLINE_WORDS = (3, 30)
WHY_TITLE = "the headline is metadata (title), not body"
WHY_MODEL = "scored as boilerplate by the line model with its neighbours"


def run(
    doc: Document,
    ctx: Context,
    model: LineModel | None = None,
    also: frozenset[str] = STANDING,
    keep_headline: bool = True,
) -> Document:
    """`keep_headline`: when the title model takes no headline, the line right above the
    first byline that reads as one stays for the metadata stage (see headline_above_byline);
    False where another stage judges the article's head (generic = "page")."""
    if not ctx.heuristics:
        return doc
    # As the heuristics do: run to a fixed point, so that cleaning the output again finds
    # nothing more to remove. The model's output may be short enough for the heuristics
    # to judge next: the loop takes that turn too. A headline the first pass kept for the
    # metadata stage stays through the later ones (dragnet:train: the heuristics' turn on a
    # short page took it for the header, and the title was null).
    protect: frozenset[int] = frozenset()
    start = doc
    passes = max(MIN_PASSES, min(MAX_PASSES, PASS_LINES // max(len(doc.lines), 1)))
    # whether the model has removed lines: a short text the heuristics alone cleaned in the
    # passes before is still a text as written (attacker trial of stop 54: a short article's
    # closing table, kept by the first pass as going on with it, went as footer in the second)
    modelled = False
    for n in range(passes):
        before = len(doc.lines)
        doc, kept = _once(
            doc,
            model or _model_for(doc),
            also,
            headline=n == 0,
            focus=ctx.focus,
            keep_headline=keep_headline,
            protect=protect,
            remains=modelled,
        )
        protect |= kept
        modelled = modelled or any(r.rule == "model:boilerplate" for r in doc.removals)
        if len(doc.lines) == before:
            break
    return head_metadata(start, doc)


def _model_for(doc: Document) -> LineModel:
    """The line model with the words' vote where its vocabulary knows the page's words (an
    English page: the corpus it learned from is English), the one without it elsewhere. On
    the corpus's val pages the vote adds 0.004-0.013 F1, on the pages of sites the train part
    has none of too; on pages in other languages it cost paragraphs."""
    words = load_words()
    return words if words.knows([line.text for line in doc.lines]) else load()


def _once(
    doc: Document,
    model: LineModel,
    also: frozenset[str],
    headline: bool = False,
    focus: str | None = None,
    keep_headline: bool = False,
    protect: frozenset[int] = frozenset(),
    remains: bool = False,
) -> tuple[Document, frozenset[int]]:
    """One pass: the model's removals, or the heuristics' on a snippet or where the model
    finds no article; and the line (its number) kept as the headline. The lines numbered in
    `protect` stay. `remains`: an earlier pass's model removed lines, so `doc` is what it left
    of a page (the heuristics then read no short text as written: analyse's `remains`)."""
    if _page_lines(doc) < MIN_LINES:
        return apply(doc, focus=focus, protect=protect, remains=remains), frozenset()
    titled: dict[int, Removal] = {}
    ads = _ad_labels(doc)
    if headline and doc.metadata.title is None and ads:
        # the title model reads the page as it learned pages: ad labels and all
        verdict, _ = heuristic_pass(doc)
        doc, titled = _headline(doc, *page_features(doc.lines, verdict))
    doc = doc.without(ads)
    # held here: the heuristics' passes make pages of their own and Page.of keeps only the
    # last few, and the features read the columns their first pass computed on this one
    page = Page.of(doc.lines)
    verdict, (author, date) = heuristic_pass(doc)
    doc = doc.replace(metadata=doc.metadata.fill(author=author, date=date))
    positions, rows = page_features(doc.lines, verdict, page=page)
    inputs = model.inputs([doc.lines[pos].text for pos in positions], rows)
    probs = model.probabilities(inputs)
    shift = FOCUS.get(focus or "", 0.0)
    keep = model.decide(probs, shift)
    if shift > 0 and not any(k and prose_line(doc, pos, LEAD_WORDS) for pos, k in zip(positions, keep, strict=True)):
        # --precision keeps fewer lines, never no article where the default keeps one: over
        # the higher threshold, the smoothing took a short article's four paragraphs (p(content)
        # 0.6-0.7) for the page around it and only the headline stayed (new-user trial of stop 54)
        keep = model.decide(probs)
    keep = [k or doc.lines[pos].no in protect for pos, k in zip(positions, keep, strict=True)]
    captions = {n for n, pos in enumerate(positions) if verdict.get(pos) == "credit"}
    threshold = min(max(model.threshold + FOCUS.get(focus or "", 0.0), 0.01), 0.99)  # as model.decide
    keep = lead_rescued(doc, positions, keep, probs)
    keep = close_rescued(doc, positions, keep, probs, captions, threshold)
    label_at = dict(zip(page.positions, page[LABEL], strict=True))
    # lines that name themselves as boilerplate, and those the heuristics name so (a call to
    # action, an author's bio): none is the article's close
    labelled = {n for n, pos in enumerate(positions) if label_at.get(pos) is not None or verdict.get(pos) in NAMED}
    keep = tail_rescued(doc, positions, keep, probs, captions, labelled)
    keep = items_rescued(doc, positions, keep)
    keep = list_rescued(doc, positions, keep, labelled)
    keep = introduced_list(doc, positions, keep, labelled)
    keep = hole_filled(doc, positions, keep, probs, labelled, threshold)
    keep = beside_captions(doc, positions, keep, captions)
    if not any(keep):
        return apply(doc, focus=focus, protect=protect, remains=remains), frozenset()
    headline_kept: frozenset[int] = frozenset()
    drop: dict[int, Removal] = {}
    if headline and doc.metadata.title is None:
        doc, drop = _headline(doc, positions, rows, whole=all(keep))
        if not drop and not titled and keep_headline:
            keep, headline_kept = headline_above_byline(doc, positions, keep, verdict)
    for removal in titled.values():  # the headline taken before the ad labels went
        drop |= {i: removal for i, line in enumerate(doc.lines) if line.no == removal.lines[0]}
    drop |= heuristic_removals(
        doc.lines,
        {
            pos: verdict[pos]
            for pos in positions
            if verdict.get(pos) in also
            and pos not in drop
            and doc.lines[pos].no not in protect
            and (verdict[pos] not in SOCIAL or more_words(doc.lines[pos].text, SOCIAL_WORDS - 1))
        },
    )
    # Blocks of lines the model removes (runs between kept lines, split at blank lines: a
    # new-user trial found one record for "Share this story" and the footer below it), each
    # recorded with its least doubtful line's score and the signals that weighed most against it.
    row_at = {pos: n for n, pos in enumerate(positions)}
    runs: list[list[int]] = [[]]
    for pos, k in zip(positions, keep, strict=True):
        if runs[-1] and pos > runs[-1][-1] + 1:  # a blank line ends a block
            runs.append([])
        if not k and pos not in drop:
            runs[-1].append(pos)
        elif runs[-1]:
            runs.append([])
    runs = [r for r in runs if r]
    doubtful = [max(r, key=lambda pos: probs[row_at[pos]]) for r in runs]
    signals = model.strongest([inputs[row_at[pos]] for pos in doubtful])
    for run_, pos, strongest in zip(runs, doubtful, signals, strict=True):
        p = probs[row_at[pos]]
        because = f"{WHY_MODEL}: {score_text(p, threshold)}"
        if strongest:
            because += "; strongest signals " + ", ".join(f"{describe(name)} {v:+.2f}" for name, v in strongest)
        drop |= removals_at(doc.lines, run_, rule="model:boilerplate", kind="model", why=because)
    return doc.without(drop), headline_kept


def score_text(p: float, threshold: float) -> str:
    """A removal's score beside the threshold: "p(content) 0.12 at most, under 0.30"."""
    # as many decimals as tell it from the threshold ("0.30 at most, under 0.30" read as a
    # contradiction: new-user trial of stop 56)
    digits = next((d for d in range(2, 7) if round(p, d) != round(threshold, d)), 6)
    shown = f"{p:.{digits}f}"
    # above the threshold, removed all the same: the smoothing over the page took the
    # neighbours' side (a new user read "p(content) 0.57" on a removal as a contradiction)
    beside = f"under {threshold:.2f}" if p < threshold else f"over {threshold:.2f} but outweighed by its neighbours"
    return f"p(content) {shown} at most, {beside}"


def _page_lines(doc: Document) -> int:
    """The non-blank lines, but the title's repeats: the metadata stage takes those out after,
    so counted, they put a text over MIN_LINES on its first cleaning and under on its second
    (the property test: six repeats of the headline, the model kept a last "Key points" line
    that the heuristics, judging the output, took for the footer)."""
    if not doc.metadata.title:
        return sum(1 for line in doc.lines if line.text.strip())
    title = " ".join(doc.metadata.title.split())
    texts = (" ".join(line.text.split()) for line in doc.lines)
    return sum(1 for text in texts if text and not repeats_title(text, title))


def _ad_labels(doc: Document) -> dict[int, Removal]:
    """The ad slots' labels ("Advertisement", "Anzeige": a line of at most AD_LABEL_WORDS
    words the phrase lists call an advertisement), to go before the line model reads the page.
    Such a line between paragraphs made the model take the paragraphs after it for the page's
    footer (the line before it labelled, the body "ended"); without it they are read as the
    body they are. The label itself is boilerplate wherever it stands."""
    page = Page.of(doc.lines)
    at = [
        pos
        for pos, label in zip(page.positions, page[LABEL], strict=True)
        if label == "advertisement" and len(doc.lines[pos].text.split()) <= AD_LABEL_WORDS
    ]
    return removals_at(doc.lines, at, rule="heuristic:advertisement", kind="heuristic", why=why("advertisement"))


def _headline(
    doc: Document, positions: list[int], rows: Any, whole: bool = False
) -> tuple[Document, dict[int, Removal]]:
    """The title model's headline (cleaner.model.titles) as the title, out of the body. When
    no line is likely enough, the metadata stage judges the first line left, as without it.

    `whole`: the model keeps every line of the page, which reads as clean text already
    (cleaner's own output, cleaned again, among them): its headline is its first line, if
    any, not a section heading, a credit or a short paragraph further down. Without this, a
    second cleaning took such a line for the title on 30 of dragnet:train's 1,076 pages and 91
    of cleaneval:train's 549 (`benchmarks/idempotence.py`, pages whose text changes); with
    the candidates cut to the lines above the first paragraph 18 and 64, to the first line 11
    and 31 (the rest: the lines a first cleaning left above the body, "6:06pm, EDT", a
    photographer's name, a dek, taken by the second). Titles of first cleanings: 1 of 1,356
    train pages changes (cleaneval, match -> near); text F1 level."""
    texts = [doc.lines[p].text.strip() for p in positions]
    # the first line, unless it is the first paragraph already
    before = (0 if texts and more_words(texts[0], titles.BODY_WORDS - 1) else 1) if whole else None
    found = titles.choose(texts, rows, before=before)
    if found is None:
        return doc, {}
    at, score = found
    line = doc.lines[positions[at]]
    why = f"{WHY_TITLE} (title model score {score:.2f})"
    doc = doc.replace(
        metadata=doc.metadata.fill(title=line.text.strip()),
        meta_sources=(*doc.meta_sources, ("title", "model:title")),
    )
    return doc, removals_at(doc.lines, [positions[at]], rule="model:title", kind="metadata", why=why)
