"""Generic cleaning from the signals plain text has, for what no profile describes.

`analyse(lines)` decides which lines go and why (a heuristic name per line) and what
metadata the page prints (byline, date); cleaner.heuristics.apply turns the
decisions into `heuristic:<name>` removals. The per-line signals it reads are named and
computed once per document, a column each (cleaner.heuristics.signals); the decisions
are an ordered table of named steps (STEPS). One module per family of logic:

  language   data files (data/<code>.toml): stop words, phrases, bylines, months
  lines      per-line shape: words, stop-word density, bullet, sentence end
  phrases    boilerplate phrases: share, cookie, related, navigation, ... (data)
  counters   "6 views", "12 comments"
  repeats    short lines printed more than once
  body       jusText-style classes, neighbour smoothing, densest body region
  ends       where the article ends: end-of-article headings, teaser lists
  edges      calls to action and author bios at the body's edges
  top        headline, byline and date line above the body
  meta       parsing bylines and dates
  signals    the named per-line signals over a page, by family

Order of decisions: lines that name themselves as boilerplate (phrases, counters) go
wherever they are. Then the densest body region is chosen; everything above it (header
zone) and below it (footer zone) goes, except the headline just above it, which the
metadata stage takes as the title. Inside the region, a line goes when its neighbours
class it as boilerplate, and calls to action go at its edges.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from cleaner.document import Line
from cleaner.heuristics import body, edges, ends, top
from cleaner.heuristics.about import about
from cleaner.heuristics.alt_text import WHY as ALT_TEXT_WHY
from cleaner.heuristics.language import page_language, stop_density
from cleaner.heuristics.lines import WORD, LineInfo, item_number, list_runs
from cleaner.heuristics.phrases import GENERIC_WHY, MAX_STARTS_WORDS, boilerplate_label, categories
from cleaner.heuristics.signals import Page
from cleaner.heuristics.signals.classes import CLASS, LABELLED_CLASS
from cleaner.heuristics.signals.phrases import LABEL, LABELLED
from cleaner.heuristics.signals.repeats import REPEATED
from cleaner.heuristics.signals.shape import LINES

__all__ = ["HEURISTICS", "STEPS", "Verdict", "analyse", "boilerplate_label", "why"]

# The heuristics that are not phrase categories: each name (the rule is "heuristic:<name>")
# and why it removes a line. The phrase categories and their whys are data (phrases.categories).
HEURISTICS = {
    "alt-text": ALT_TEXT_WHY,
    "counter": "view, comment, share and reading-time counters",
    "repeated": "a short line the page prints more than once (menus, teasers)",
    # true whether or not its name or date fills the field: a byline far below the body (an
    # author box, another article's) is no body either (new-user trial: "Written by" went as
    # "metadata (author)" and the author stayed empty)
    "byline": "a byline: who wrote it is metadata (the author, when it is the article's), not body",
    "date": "a date line: when is metadata (the date, when it is the article's), not body",
    "call-to-action": "a call to action, notice or disclosure at the edge of the body",
    "author-bio": "an author bio after the body",
    "header": "above the main body: navigation, banners, teasers",
    "footer": "below the main body: related links, comments, site footer",
    "boilerplate": "inside the body region but classed as boilerplate with its neighbours",
    "not-a-comment": "--comments: in the comment section but no comment's text (a sentence of 5 words or more): "
    "the comment form after the last comment, a short reply, or a section with no comment in it",
}


def why(name: str) -> str:
    """Why heuristic `name` removes a line: never a KeyError, as phrase categories are data."""
    return HEURISTICS.get(name) or categories().get(name) or GENERIC_WHY.format(name)


# --precision: a short or weak line inside the region of at most this many words, not a sentence, goes
PRECISION_WORDS = 8


@dataclass
class Verdict:
    drop: dict[int, str] = field(default_factory=dict)  # position in lines -> heuristic name
    author: str | None = None
    date: str | None = None


@dataclass
class Analysis:
    """The page analysis under way: the page's signals, and what the steps decided so far.
    Indexes n are rows of the page (its non-blank lines); `lines[n].pos` is the position."""

    page: Page
    extracted: bool
    lines: list[LineInfo]
    labels: list[str | None]  # the page's labels, then the edges' (call-to-action, author-bio)
    verdict: Verdict = field(default_factory=Verdict)
    first: int = 0  # the body region, rows first..last
    last: int = -1
    keep: int | None = None  # the headline, kept for the metadata stage
    headings: list[int] = field(default_factory=list)  # title-like lines the region started on: kept
    good: list[bool] = field(default_factory=list)  # body text after smoothing inside the region
    prose_after: set[int] = field(default_factory=set)  # extracted text: prose below the region that stays
    focus: str | None = None  # "precision", "recall" or None: see analyse()
    writer: str | None = None  # the author the page's metadata names already (HTML): see analyse()
    named_headline: bool = False  # see analyse()
    remains: bool = False  # see analyse()


@dataclass(frozen=True)
class Step:
    name: str
    why: str
    run: Callable[[Analysis], bool]  # False: the analysis ends here


# A short text (a snippet, or the line model's output judged again): a short line of VERSE_WORDS
# words or more with a prose share of stop words may be the article (verse, one-line sentences),
# so it counts for the body region as a neargood line, not against it as a short one. New-user
# trial of stop 47: a poem of 12 short lines went as the header above its author's bio. Only
# below SNIPPET_LINES lines: on a whole page such lines are teasers and headlines as often.
# (The line model's stage leaves texts this short to the heuristics: cleaner.model.stage.MIN_LINES.)
VERSE_WORDS = 4
VERSE_RUN = 3
LIST_RUN = 3
SNIPPET_LINES = 20
BROKEN = (",", ";")  # a line that ends so goes on in the next
# Labels that stand inside an article rather than introduce a list of links: a photo credit, an
# advertisement's label
INTERRUPTIONS = frozenset({"credit", "advertisement"})


def _region_classes(a: Analysis) -> list[str]:
    classes = a.page[CLASS]
    if a.extracted or len(a.lines) >= SNIPPET_LINES:
        return classes
    verse = [
        c == body.SHORT
        and info.words >= VERSE_WORDS
        and not _title_case(info.text)
        and stop_density(WORD.findall(info.text.lower())) >= body.TUNING.stop_high
        for c, info in zip(classes, a.lines, strict=True)
    ]
    # a line that reads as a headline is one ("Island ferry to sail three times a day", a kicker
    # above it), unless VERSE_RUN such lines run together (one other short line between two of
    # them does not end the run): a stanza's lines need no end stop
    run = _runs(verse, [c == body.SHORT for c in classes])
    # and a numbered list's items (1., 2., 3. ...), which a short line's class alone took for
    # a footer's links (new-user trial of stop 49: a list article's 12 items and closing paragraph)
    items = list_runs([info.text for info in a.lines])
    # and a bulleted list a line introduces ("Pack these items before you go:"), no item labelled
    # (attacker trial of stop 60: a packing list went as header, and its headline)
    introduced = _introduced_items(a)
    return [
        body.NEARGOOD
        if (v and (run[n] >= VERSE_RUN or not top.reads_as_title(a.lines[n].text)))
        or (c == body.SHORT and items[n] >= LIST_RUN)
        or (c in (body.SHORT, body.BAD) and n in introduced)
        else c
        for n, (c, v) in enumerate(zip(classes, verse, strict=True))
    ]


def _introduced_items(a: Analysis) -> set[int]:
    """The rows of bulleted lists of LIST_RUN+ items, none labelled, right under a line ending
    in a colon that is no label (blank lines between lines are not rows)."""
    found: set[int] = set()
    for n, info in enumerate(a.lines[:-1]):
        if not info.text.endswith(":") or a.labels[n] is not None or not a.lines[n + 1].bullet:
            continue
        end = n + 1
        while end < len(a.lines) and a.lines[end].bullet and a.labels[end] is None:
            end += 1
        if end - n - 1 >= LIST_RUN:
            found.update(range(n + 1, end))
    return found


def _runs(marked: list[bool], gap: list[bool]) -> list[int]:
    """For each marked line, how many marked lines its run holds: marked lines one after
    another, or with one `gap` line between two of them."""
    runs = [0] * len(marked)
    start = None
    for n in range(len(marked) + 1):
        if n < len(marked) and marked[n]:
            start = n if start is None else start
            continue
        if n < len(marked) - 1 and start is not None and gap[n] and marked[n + 1]:
            continue  # one short line inside the run
        if start is not None:
            size = sum(marked[start:n])
            for m in range(start, n):
                runs[m] = size if marked[m] else 0
        start = None
    return runs


def _title_case(text: str) -> bool:
    """Whether most words start with a capital: a teaser's headline ("Naked Man Arrested in
    Grayson County"), not verse or a sentence."""
    words = text.split()
    return sum(w[:1].isupper() for w in words) * 2 > len(words)


def _short(a: Analysis) -> bool:
    """Whether the lines are a short text as written: not an extractor's text, not what the line
    model left of a page (`remains`), fewer than SNIPPET_LINES lines."""
    return not a.extracted and len(a.lines) < SNIPPET_LINES and not a.remains


def _region(a: Analysis) -> bool:
    classes = _region_classes(a)
    region = body.densest_region(a.lines, classes)
    if region is None:
        a.verdict.drop = {info.pos: label for info, label in zip(a.lines, a.labels, strict=True) if label}
        return False
    a.first, a.last = region
    if _short(a) or a.remains:
        # a sentence broken over lines goes on into the region: verse's first line ("Two roads
        # diverged in a yellow wood," above "And sorry I could not travel both": attacker trial
        # of stop 60, the poem's first line went as header)
        while (
            a.first > 0
            and a.lines[a.first - 1].text.endswith(BROKEN)
            and a.lines[a.first - 1].pos == a.lines[a.first].pos - 1
            and a.labels[a.first - 1] is None
        ):
            a.first -= 1
    return True


def _headline(a: Analysis) -> bool:
    if not a.named_headline:
        a.keep = top.headline(a.lines, a.labels, a.first)
        return True
    # The nearest heading-like line the article's words name (the metadata stage's test for a
    # title), and the nearer ones stay too, as the nearest did: the headline is kept besides,
    # never a line fewer. Nearest alone, a short page's "Headline / What we know / paragraphs" lost
    # its headline as header (attacker trial of stop 45: 6 of 18 such pages). The nearer ones
    # dropped as header instead: text F1 level, but "Key points", "Serves 4" and an article's
    # opening quote went on the trial's pages.
    found = list(top.heading_like(a.lines, a.labels, a.first))
    body = [a.lines[n].text for n in range(a.first, a.last + 1)]
    a.keep = next((n for n in found if about(a.lines[n].text, body)), found[0] if found else None)
    a.headings += [n for n in found if a.keep is not None and n > a.keep]
    return True


def _past_headings(a: Analysis) -> bool:
    """The metadata stage takes the text's first line as the title when it reads as one. If
    such a line anchored the region, the weak lines after it (a section label, a photo
    credit) stayed as body only while it was there: cleaning the output again, without
    it, takes them as header (clean(clean(x)) != clean(x)). So they go now."""
    if a.extracted:
        return True
    classes, first, last = a.page[CLASS], a.first, a.last
    while top.reads_as_title(a.lines[first].text):
        rest = body.densest_region(a.lines[first + 1 : last + 1], classes[first + 1 : last + 1])
        if rest is None:
            break
        a.headings.append(first)
        first += 1 + rest[0]
    a.first = first
    return True


def _end(a: Analysis) -> bool:
    last = ends.trim(a.lines, a.labels, a.page[CLASS], a.first, a.last, a.extracted)
    a.last = ends.extend(a.lines, a.labels, a.page[REPEATED], last)
    if a.extracted:
        a.last = ends.introduced(a.lines, a.labels, a.page[REPEATED], a.last)
        a.prose_after = ends.prose_after(a.lines, a.labels, a.page[LABELLED_CLASS], a.page[REPEATED], a.last)
    if a.extracted or _short(a):
        a.prose_after |= ends.continued(a.lines, a.labels, a.page[REPEATED], a.last)
    return True


def _inside(a: Analysis) -> bool:
    classes, hard, first, last = a.page[LABELLED_CLASS], a.page[LABELLED], a.first, a.last
    # a weak line (BAD by its shape, no label) takes its neighbours' class
    weak = [classes[n] == body.BAD and not hard[n] for n in range(first, last + 1)]
    # and a short text's verse and list items count as they did for the region (_region_classes):
    # a recipe's intro and numbered steps, every line short, went with a "Print recipe" label
    # below them (attacker trial of stop 55)
    region = _region_classes(a)
    inner = [
        body.NEARGOOD if w or (classes[n] == body.SHORT and region[n] == body.NEARGOOD) else classes[n]
        for n, w in zip(range(first, last + 1), weak, strict=True)
    ]
    # In a short text as written, a credit or an advertisement label between two paragraphs
    # interrupts the body: the lines around it take the class of the lines beyond it (attacker
    # trial of stop 55: "Photo: Reuters" under a short story's first paragraph took its three
    # short sentences with it). Not on whole pages: the line model reads this verdict as it
    # learned it (there, six dev pages changed, none for the better).
    # So too in what the model left of a page (`remains`), its article: a subheading under an
    # in-article caption ("Will the cost rise?") went with it (new-user trial of stop 59).
    short = _short(a) or a.remains
    seen = [k for k, n in enumerate(range(first, last + 1)) if not (short and a.labels[n] in INTERRUPTIONS)]
    smoothed = body.smooth([inner[k] for k in seen], edge=body.GOOD)
    for k, c in zip(seen, smoothed, strict=True):
        inner[k] = c
    if a.focus == "precision":  # short lines that are no sentence go whatever their neighbours
        inner = [
            body.BAD
            if classes[n] in (body.BAD, body.SHORT) and a.lines[n].words <= PRECISION_WORDS and not a.lines[n].sentence
            else c
            for n, c in zip(range(first, last + 1), inner, strict=True)
        ]
    a.good = [first <= n <= last and inner[n - first] == body.GOOD for n in range(len(a.lines))]
    return True


def _metadata(a: Analysis) -> bool:
    v = a.verdict
    v.author, v.date, v.drop = top.metadata(a.lines, a.first, a.last)
    return True


# A bio's name is the writer's, printed once or twice more (a byline); the article's subject
# recurs in its body ("Dezuka Suisan is a great place ..." in a review of Dezuka Suisan)
SUBJECT_MENTIONS = 3
SURNAME_MENTIONS = 2  # such lines, one of them quoting the person by surname: a writer's bio has none


def _subject(a: Analysis, at: int) -> bool:
    """Whether the name that line `at` (read as a bio) opens with is the article's subject:
    named in SUBJECT_MENTIONS other lines of the body, or in SURNAME_MENTIONS when one of them
    quotes the person by surname; or someone other than the byline's writer."""
    name = edges.bio_name(a.lines[at].text)
    # the byline's writer is the bio's, however often an interview names them (attacker trial)
    authors = [author.casefold() for author in (a.verdict.author, a.writer) if author]  # "By CHARLES LYONS"
    if not name or any(name.casefold() in author for author in authors):
        return False
    # a byline names the writer, and this is someone else, by surname too: a person of the
    # story ("John Smith is a farmer in Iowa who ...", the article's last paragraphs went as
    # bios: attacker trial of stop 52)
    if authors and not any(name.split()[-1].casefold() in author.split() for author in authors):
        return True
    # named whole, or quoted by surname as a story names its people after the first mention
    # ("Maria Costa is a fisherman who ..." with "Costa said" above: attacker trial of stop 53;
    # a surname alone, "the old Fraser croft" in a travel writer's family story, kept her bio:
    # second attacker trial)
    surname = regex.compile(rf"(?<!\w){regex.escape(name.split()[-1])}(?!\w)") if len(name.split()) > 1 else None
    named = 0  # lines naming them whole, or quoting them by surname
    quoted = False
    for n in range(a.first, a.last + 1):
        text = a.lines[n].text
        by_surname = surname is not None and surname.search(text) is not None and edges.reports_speech(text)
        if n == at or not (name in text or by_surname):
            continue
        named += 1
        quoted |= by_surname
        if named >= SUBJECT_MENTIONS or (quoted and named >= SURNAME_MENTIONS):
            return True
    return False


def _edges(a: Analysis) -> bool:
    head_end, tail_start = edges.zones(a.lines, a.good, a.first, a.last)
    language: str | None = None  # the page's: read when a line first needs it
    read = False

    def call_to_action(info: LineInfo) -> bool:
        # A page in English reads English calls to action, any other page all languages'
        # (edges.OWN_ONLY). So the page's language (a stop-word tally over every line, most
        # of this step's time) is needed only for a line that another language's phrase
        # alone reads as one.
        nonlocal language, read
        if not edges.call_to_action(info.text, info.words):
            return False
        if edges.call_to_action(info.text, info.words, edges.OWN_ONLY):
            return True
        if not read:
            language, read = page_language([info.text for info in a.lines]), True
        return edges.call_to_action(info.text, info.words, language)

    calls = []
    for n in [*range(a.first, head_end), *range(tail_start, a.last + 1), *sorted(a.prose_after)]:
        info = a.lines[n]
        if a.labels[n] or info.pos in a.verdict.drop:
            continue
        if call_to_action(info):
            calls.append(n)
        # a bio follows an article: the body's first line is none (a one-line text went whole)
        elif n >= tail_start and n > a.first and edges.author_bio(info.text, info.words) and not _subject(a, n):
            a.labels[n] = "author-bio"
    # calls to action are a small part of a page: where they would be most of the body's text,
    # the phrases are its subject (an article about newsletters lost its whole body: attacker
    # trial of stop 40)
    body = sum(a.lines[n].chars for n in range(a.first, a.last + 1) if a.good[n])
    if sum(a.lines[n].chars for n in calls) <= edges.CTA_MAX_SHARE * body:
        for n in calls:
            a.labels[n] = "call-to-action"
    return True


def _zones(a: Analysis) -> bool:
    drop, first, last, again = a.verdict.drop, a.first, a.last, a.page[REPEATED]
    # The headline and its repeats are the metadata stage's to take (title, title-repeat).
    headline = a.lines[a.keep].text if a.keep is not None else None
    # A short text as written in which no line names itself as boilerplate, and whose lines below
    # the region are all sentences or a few words (a recipe's ingredients and steps, a score box)
    # down to a last sentence, has no footer: nothing marks where its article would end (attacker
    # trial of stop 57: a recipe of 19 lines kept its first sentence; its ingredients and steps
    # went as footer, exit 0). A rail of link lines or teaser headlines below it still goes, and
    # a last line of a few words ("Labels: frost, tomatoes").
    below = a.lines[last + 1 :]
    footer = not (
        _short(a)
        and not any(a.labels)
        and bool(below)
        and below[-1].sentence
        and all(info.sentence or info.words <= FEW_WORDS for info in below)
    )
    for n, (info, label) in enumerate(zip(a.lines, a.labels, strict=True)):
        if info.pos in drop or n == a.keep or n in a.headings or (n < first and info.text == headline):
            continue
        if label and _amid_prose(a, n):
            continue
        if label:
            drop[info.pos] = label
        elif n not in a.prose_after and (
            footer if n > last else not a.extracted and (n < first or (not a.good[n] and a.focus != "recall"))
        ):
            zone = "header" if n < first else "footer" if n > last else "boilerplate"
            drop[info.pos] = "repeated" if again[n] else zone
    _keep_opening_sentence(a)
    return True


OPENING_WORDS = 3
TICKER = regex.compile(r"\d{1,3}(?:\+\d{1,2})?(?:\.|'|:\d\d)\s")  # "90+3. ", "88' ", "14:32 "
FEW_WORDS = 5  # an ingredient, a list item, a heading, a score line


def _amid_prose(a: Analysis, n: int) -> bool:
    """Whether line n is a sentence of the article that only names boilerplate: a phrase
    found inside a line longer than a label ("Cookie settings and consent banners have cut
    ..."), between two lines of body prose."""
    if a.extracted or not a.first < n < a.last or a.labels[n] not in categories():
        return False
    info = a.lines[n]
    # longer than a label, not 8 words: in short texts 8 kept "Click here to read ...", share
    # bars and notices too (second attacker trial of stop 55)
    if info.words <= MAX_STARTS_WORDS or not info.sentence:
        return False
    return all(a.good[m] and not a.labels[m] and a.lines[m].sentence for m in (n - 1, n + 1))


def _keep_opening_sentence(a: Analysis) -> None:
    """A short sentence right above the region ("The vote was close.", "Nobody saw it
    coming.") opens the article: the region's density left it out, and it went as header
    (second attacker trial of stop 40). Not a label or a line printed again. (Leaving out
    lines that end in "...", a teaser cut short, lost more article text than teasers on the
    corpus's train scrapes.) In a short text as written (as for ends.continued), the sentences
    and table rows above it too, up to the first line of another shape (a byline, a headline,
    a label): attacker trial of stop 55, a lead and its table, an interview's first question
    and answer went as header, the region being the longest paragraph below them."""
    if a.extracted:
        return
    short = _short(a)
    rows: list[int] = []  # table rows go with the sentence above them (a tag row under a byline does not)
    for n in range(a.first - 1, -1, -1):
        info = a.lines[n]
        text = info.text
        if a.verdict.drop.get(info.pos) != "header" or a.labels[n]:
            return
        if short and ends.table_row(text):
            rows.append(info.pos)
            continue
        # a ticker's minute or time opens one too: "90+3. Minute: Abpfiff! Dortmund gewinnt 2:1."
        # (new-user trial of stop 59: the newest entry went as header); not a numbered item
        # ("2. Indifference is as important as passion.", a teaser list's: corpus train), nor a
        # meter's or a time's figure ("2 of 3 free articles left", "12 min ago.": second attacker trial)
        opens = text[:1].isupper() or (TICKER.match(text) is not None and item_number(text) is None)
        if not (info.words >= OPENING_WORDS and text.endswith((".", "!", "?")) and opens):
            return
        for pos in [*rows, info.pos]:
            del a.verdict.drop[pos]
        rows = []
        if not short:
            return


# The decisions in order. Each reads the page's signals and what the steps before it decided.
STEPS = (
    Step(
        "region",
        "the densest region of body text (prose net of labelled and weak lines) is the article; "
        "a page without one loses only its labelled lines",
        _region,
    ),
    Step(
        "headline",
        "the nearest heading-like line above the region stays: the metadata stage's title (when the "
        "heuristics decide, the nearest the article's words name, and the lines below it stay too)",
        _headline,
    ),
    Step(
        "past-headings",
        "whole-page scrapes: title-like lines the region starts on stay as headings but are not body, "
        "so that cleaning the output again removes nothing more",
        _past_headings,
    ),
    Step(
        "end",
        "the article ends before an end-of-article heading or a teaser list, and takes in the short "
        "closing sentences right after the region",
        _end,
    ),
    Step(
        "inside",
        "inside the region only a label is boilerplate by itself; prose-poor lines (code, tables, "
        "lists) take the class of their neighbours",
        _inside,
    ),
    Step("metadata", "bylines and date lines are metadata (author, date), wherever they stand", _metadata),
    Step("edges", "calls to action and author bios go at the edges of the body", _edges),
    Step(
        "zones",
        "labelled lines go anywhere; above and below the region by position (header, footer), and "
        "inside it what smoothing classed as boilerplate (extractors' text: the footer zone only, "
        "less its prose up to an end-of-article heading)",
        _zones,
    ),
)


def analyse(
    lines: Sequence[Line],
    extracted: bool = False,
    focus: str | None = None,
    writer: str | None = None,
    named_headline: bool = False,
    remains: bool = False,
) -> Verdict:
    """`extracted`: the lines are an extractor's main text (HTML through trafilatura). The
    extractor chose the body already, so only the footer zone (teasers and rails it let
    through after the article) goes by position, and not its prose (ends.prose_after) unless
    an end-of-article heading comes first; above and inside the body, only lines that name
    themselves as boilerplate do. On a page in English, calls to action are read in English
    only (edges.OWN_ONLY).
    Measured on the dev set's HTML (footer zone by position): F1 0.936 -> 0.937, pages
    all-ok 0.713 -> 0.720; dropping no zone at all lost precision (0.929).

    `focus` (--precision / --recall) moves the decision inside the body region of a text
    scrape. "precision": a line there of at most PRECISION_WORDS words that is no sentence
    and short or boilerplate by its shape (a subheading, a caption, a label) goes, even
    where its neighbours' class would keep it. "recall": the lines there that only smoothing (their neighbours' class)
    would drop stay. The header and footer zones, labelled lines and metadata lines go as by
    default. On the dev set's text scrapes (benchmarks/devset_text.py): default P 0.878 /
    R 0.944 / F1 0.910, precision 0.884 / 0.896 / 0.890, recall 0.851 / 0.953 / 0.899.

    `writer`: the author the page's metadata names already (an HTML page's): a bio that names
    them stays a bio, however often the article does (an interview's questions).

    `named_headline`: the headline kept for the metadata stage is the nearest heading-like line
    above the body whose words the article uses (else the nearest), and the heading-like lines
    between it and the body stay too; without it, the nearest. For the decisions of this
    analysis (apply()), not for the line model's features (features.heuristic_pass): the
    model learned the verdict as it was (tried in the features too, the choice changed the
    text or title of 48 of the corpus's 1,625 train scrapes, the titles mixed: "Schneier on
    Security" for a headline).

    `remains`: the lines are what the line model left of a whole page (its later passes), not
    a short text as written: the lines after the body region are its footer still (a short
    text's may go on with the article: ends.continued)."""
    page = Page.of(lines)
    if not page:
        return Verdict()
    a = Analysis(
        page,
        extracted,
        page[LINES],
        list(page[LABEL]),
        focus=focus,
        writer=writer,
        named_headline=named_headline,
        remains=remains,
    )
    for step in STEPS:
        if not step.run(a):
            break
    return a.verdict
