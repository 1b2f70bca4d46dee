"""The line model's decisions mended where its smoothing takes article lines with the page
around them: the lead and the close of the article, its last sentences above the tail, a list
it kept part of or that a kept sentence introduces, a hole of short lines or verses, a heading
beside a caption. Each rescue is one function over the page's rows (`positions` into the
document, `keep` per row), named for what it keeps, with the trial or the corpus figures that
asked for it."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import islice

from cleaner.document import Document
from cleaner.heuristics import edges
from cleaner.heuristics.lines import BULLET, CJK, CLOSERS, HIGH, item_number
from cleaner.heuristics.phrases import boilerplate_label

# The lead's rescue: prose lines (LEAD_WORDS+ words, a sentence's end) right above the body's
# first kept prose line, which the model doubts no more than this (p(content) >= LEAD_P)
LEAD_P = 0.2
LEAD_WORDS = 15
# (German and Czech close a quote with “ and ‘, Japanese with 」 and 』: a German paragraph ending
# in a quote was no sentence, new-user trial of stop 52)
SENTENCE_END = (".", "!", "?", "…", '"', "”", "“", "’", "‘", "»", "«", "。", "！", "？", "」", "』", "।", "؟")
STOPS = ".!?…。！？।؟"


def sentence(text: str) -> bool:
    """Whether the stripped line ends as a sentence does: a stop, or a closing quote or bracket
    (SENTENCE_END), or a stop before closing marks of any kind: a Dutch interview's answers
    end "... hoop.'" and its last answer went as a footer (new-user trial of stop 54)."""
    last = text.rstrip(CLOSERS)[-1:]
    return text.endswith(SENTENCE_END) or (last != "" and last in STOPS)


def prose_line(doc: Document, pos: int, words: int) -> bool:
    """Whether doc.lines[pos] is a sentence of `words` words (or their characters: _long)."""
    text = doc.lines[pos].text.strip()
    return _long(text, words) and sentence(text)


def lead_rescued(doc: Document, positions: list[int], keep: list[bool], probs: list[float]) -> list[bool]:
    """`keep` with the prose lines right above the body's first kept prose line kept too. New-
    user trial of stop 36: in a Turkish and a Greek scrape with no blank lines, the 30-word
    lead paragraph right under a share bar went with the header (p(content) 0.43 and 0.30,
    the smoothing taking the header's side), exit 0. On the 2,191 real text documents (dev,
    seeds, the corpus's train and val scrapes) it changes nothing: their leads are kept."""

    def prose(n: int) -> bool:
        return prose_line(doc, positions[n], LEAD_WORDS)

    start = next((n for n, k in enumerate(keep) if k and prose(n)), None)
    if start is None:
        return keep
    keep = list(keep)
    n = start - 1
    while n >= 0 and not keep[n] and prose(n) and probs[n] >= LEAD_P:
        keep[n] = True
        n -= 1
    return keep


# Characters that count as a word in _long: Turkish, Finnish or Hungarian say in 14 long words
# what English says in 20 (new-user trial of stop 52: a Turkish lead of 14 words, 112 characters)
CHARS_PER_WORD = 7


def _long(text: str, words: int) -> bool:
    """Whether the stripped line has `words` words, or the characters of that many; in Chinese,
    Japanese or Korean, written without spaces, a word is two characters, as for the line's
    shape (heuristics.lines): a Japanese article's closing paragraph of 71 characters was no
    sentence to rescue, and went with the related links below it (new-user trial of stop 55)."""
    if len(text) >= words * CHARS_PER_WORD or len(text.split()) >= words:
        return True
    if text.isascii() or not HIGH.search(text):
        return False
    cjk = len(CJK.findall(text))
    return cjk > len(text) / 3 and cjk // 2 >= words


# The close's rescue: sentences (CLOSE_WORDS+ words, a sentence's end) right below the body's
# last kept prose line, in the same block (no blank line between), which the model doubts no
# more than this (p(content) >= CLOSE_P). Chosen on the corpus's train scrapes: 4-10 words and
# floors 0.05-0.15 are level (F1 +0.0003 dragnet, +0.0005 cleaneval; val unchanged). Across a
# blank line too, F1 fell (-0.0004 dragnet): there the rescued lines were reader comments and
# author bios (a stop-35 trial of that rescue: 7 lines on the train scrapes, none a closing line).
# Stop 52, with the rescue going on past captions: 0.05 rather than 0.1 kept 6 more article
# lines and 4 others on cleaneval:train (dragnet:train unchanged).
CLOSE_P = 0.05
CLOSE_WORDS = 6


def close_rescued(
    doc: Document,
    positions: list[int],
    keep: list[bool],
    probs: list[float],
    captions: Collection[int] = (),
    threshold: float = 1.0,
) -> list[bool]:
    """`keep` with the sentences below the body's last kept prose line, in its block, kept too,
    past the photo captions among them (rows in `captions`, which stay out). Attacker trial of
    stop 45: in a German news scrape with a paragraph to a line, the article's closing sentence
    (11 words) went with the "Mehr zum Thema" block under it (p(content) 0.20, its neighbours'
    side taken), exit 0. New-user trial of stop 52: below a caption ("... Foto: Rheinblick/
    Schmitz") the last paragraphs of German, Polish and Portuguese scrapes went so. And a
    heading in the block with a paragraph under it that the model scores over its `threshold`
    (the decision's, the smoothing aside)."""

    def prose(n: int, words: int) -> bool:
        return prose_line(doc, positions[n], words)

    last = next((n for n in range(len(keep) - 1, -1, -1) if keep[n] and prose(n, LEAD_WORDS)), None)
    if last is None:
        return keep
    keep = list(keep)
    n = last + 1
    # through the block's kept lines too: a short line the model kept ("Here is what I learned.")
    # does not end the article's close (train: dragnet F1 +0.0002 of the +0.0003); a numbered
    # list's next items are items_rescued's
    while n < len(keep) and positions[n] == positions[n - 1] + 1:
        if not keep[n] and n not in captions:
            if _question(doc, positions, keep, n) and prose(n + 1, CLOSE_WORDS) and probs[n + 1] >= CLOSE_P:
                keep[n] = True  # an interview's question, its answer below (new-user trial of stop 54)
            elif (
                _headed(doc, positions, keep, n)
                and prose(n + 1, LEAD_WORDS)
                and probs[n + 1] >= threshold
                # one such pair, not one of a list of them (teasers with their standfirsts,
                # comments under their authors' names: corpus train and val, the dev set)
                and not (n + 3 < len(keep) and _heading(line_text(doc, positions, n + 2)) and prose(n + 3, CLOSE_WORDS))
                and not (n >= 2 and _heading(line_text(doc, positions, n - 2)) and prose(n - 1, CLOSE_WORDS))
            ):
                keep[n] = True  # a last section's heading, its paragraph below (new-user trial of stop 55)
            elif not (prose(n, CLOSE_WORDS) and probs[n] >= CLOSE_P):
                break
            keep[n] = True
        n += 1
    return keep


# The tail's rescue: sentences of this many words ("Teraz ustawą zajmie się Senat.")
TAIL_WORDS = 4
TAIL_SENTENCES = 3
TAIL_P = 0.12
# ("us" in lower case: "the US" is a country)
READER = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Oo]ur|us)\b")


def tail_rescued(
    doc: Document,
    positions: list[int],
    keep: list[bool],
    probs: list[float],
    captions: Collection[int] = (),
    labelled: Collection[int] = (),
) -> list[bool]:
    """`keep` with the article's last sentences kept where they stand right above its tail: the
    removed sentences (TAIL_WORDS+ words, p(content) >= TAIL_P, no label) below the last kept
    sentence, past captions and blank lines, TAIL_SENTENCES at most, when a labelled line (a
    related heading, a newsletter promo, comments) comes right below them; not the page's end
    (corpus train: references and sign-offs end pages there). New-user trial of
    stop 57: in short news scrapes of 10 languages, sentences of 8-14 words, the last one to
    three (p(content) 0.13-0.58) went with the caption and the related block under them, exit 0:
    no line was long enough for the close's rescue to start from."""

    def sentence(n: int) -> bool:
        # not an exclamation, not a line to the reader: calls and notices ("Watch our channel!",
        # "Catch our live blog ...", "Your reply has been submitted ...": corpus train; "Please
        # consider supporting us today.": second attacker trial of stop 57)
        text = line_text(doc, positions, n)
        return (
            n not in labelled
            and n not in captions
            and prose_line(doc, positions[n], TAIL_WORDS)
            and not text.endswith(("!", "！"))
            and READER.search(text) is None
            # nor an author's bio ("Thomas Müller ist Redakteur und schreibt über ...": second
            # attacker trial of stop 57)
            and not edges.author_bio(text, len(text.split()))
        )

    # the last two kept sentences, read from the end (one kept sentence is no body to go on from)
    kept = list(islice((n for n in range(len(keep) - 1, -1, -1) if keep[n] and sentence(n)), 2))
    if len(kept) < 2:
        return keep
    run, n = [], kept[0] + 1
    while n < len(keep) and (keep[n] or n in captions or (sentence(n) and probs[n] >= TAIL_P)):
        if not keep[n] and n not in captions:
            run.append(n)
        n += 1
    if not run or len(run) > TAIL_SENTENCES or n == len(keep) or n not in labelled:
        return keep
    return [k or n in run for n, k in enumerate(keep)]


def line_text(doc: Document, positions: list[int], n: int) -> str:
    return doc.lines[positions[n]].text.strip()


def _headed(doc: Document, positions: list[int], keep: list[bool], n: int) -> bool:
    """Whether row n is a heading (_heading) with a line removed under it in its block: a
    German scrape's last section ("Was Kunden tun können" and its paragraph, p(content) 0.57)
    went with the "Mehr zum Thema" block below it, the smoothing taking the block's side."""
    text = line_text(doc, positions, n)
    return (
        _heading(text)
        and not text.endswith(":")  # a list's label ("Great Schools:" and what it is: cleaneval:train)
        and n + 1 < len(keep)
        and not keep[n + 1]
        and positions[n + 1] == positions[n] + 1
    )


def _question(doc: Document, positions: list[int], keep: list[bool], n: int) -> bool:
    """Whether row n is a question asked in a line of its own ("Bent u optimistisch?") with a
    line removed under it in its block, which may be its answer."""
    text = doc.lines[positions[n]].text.strip()
    return (
        text.endswith(("?", "？", "؟"))
        and n + 1 < len(keep)
        and not keep[n + 1]
        and positions[n + 1] == positions[n] + 1
    )


# A section heading beside a caption: at most this many words
CAPTION_HEADING_WORDS = 8


def beside_captions(doc: Document, positions: list[int], keep: list[bool], captions: Collection[int]) -> list[bool]:
    """`keep` with the short headings kept that the model removed with a photo caption between
    two kept lines: a run of removed lines between kept ones, holding a caption (a row in
    `captions`) and one line besides, of a heading's shape (_heading). New-user trial
    of stop 53: a review's "Noise cancelling" heading under "The Drift 2 in sage green. (Image
    credit: GadgetBench)" went with the caption, exit 0. On the corpus's train scrapes: 2
    article lines kept ("Samsung Galaxy Tab"), 1 other; with any number of short lines besides
    the caption, 8 and 44 (a gallery's numbers, "Facebook Like")."""
    keep = list(keep)
    n = 0
    while n < len(keep):
        if keep[n]:
            n += 1
            continue
        end = n
        while end < len(keep) and not keep[end]:
            end += 1
        run = range(n, end)
        if n > 0 and end < len(keep) and any(k in captions for k in run):
            others = [k for k in run if k not in captions]
            if len(others) == 1 and _heading(doc.lines[positions[others[0]]].text.strip()):
                keep[others[0]] = True
        n = end
    return keep


def _heading(text: str) -> bool:
    """A section heading's shape: 2 to CAPTION_HEADING_WORDS words, the first a capitalised
    word, no sentence's end, no label."""
    words = text.split()
    return (
        2 <= len(words) <= CAPTION_HEADING_WORDS
        and words[0][:1].isupper()
        and not sentence(text)
        and boilerplate_label(text, len(words)) is None
    )


def items_rescued(doc: Document, positions: list[int], keep: list[bool]) -> list[bool]:
    """`keep` with the rest of the last numbered list the model kept items of: the last kept
    item's sentences below it in its block (a blank line or a line that is no sentence ends
    them), then, past kept lines, the item numbered one more, and so on. New-user trial of
    stop 50: a list article's last item, "7. ..." and its one-sentence paragraph, went with
    the share line and the footer under them (p(content) 0.22)."""
    texts = [doc.lines[pos].text.strip() for pos in positions]
    numbers = [item_number(text) for text in texts]
    at = next((n for n in range(len(keep) - 1, -1, -1) if keep[n] and numbers[n] is not None), None)
    keep = list(keep)
    while at is not None:
        n = at + 1
        while n < len(keep) and positions[n] == positions[n - 1] + 1 and numbers[n] is None:
            if not sentence(texts[n]):
                break
            keep[n] = True
            n += 1
        while n < len(keep) and keep[n] and numbers[n] is None:
            n += 1
        number = numbers[at]
        at = n if n < len(keep) and number is not None and numbers[n] == number + 1 else None
        if at is not None:
            keep[at] = True
    return keep


# An introduced list's items: at most this many (a packing list, a listicle's short items)
INTRODUCED_ITEMS = 40


def introduced_list(
    doc: Document, positions: list[int], keep: list[bool], labelled: Collection[int] = ()
) -> list[bool]:
    """`keep` with the bulleted items a kept line introduces ("Before any winter hike, check that
    you have everything on this list:"), right below it or after a blank line, kept whole: the
    article announces its own list. None of them may be labelled ("Share this:" introduces a
    share bar, and is labelled itself). Attacker trial of stop 60: 21 of a packing list's 24
    items went (p(content) 0.32 at most), exit 0."""
    texts = [line_text(doc, positions, n) for n in range(len(keep))]
    keep = list(keep)
    for n in range(len(keep) - 1):
        # a sentence's clause, not a list item or a label of its own ("1. Jane says:" over a
        # thread of comments, "Autor:": dev pages, measured)
        if not keep[n] or n in labelled or not texts[n].endswith(":") or not _introduces(texts[n]):
            continue
        if positions[n + 1] > positions[n] + 2 or not BULLET.match(texts[n + 1]):
            continue
        end = n + 2
        while end < len(keep) and BULLET.match(texts[end]) and positions[end] - positions[end - 1] == 1:
            end += 1
        run = range(n + 1, end)
        if len(run) <= INTRODUCED_ITEMS and all(
            k not in labelled and boilerplate_label(texts[k], len(texts[k].split())) is None for k in run
        ):
            for k in run:
                keep[k] = True
    return keep


INTRO_WORDS = 4


def _introduces(text: str) -> bool:
    return len(text.split()) >= INTRO_WORDS and not BULLET.match(text)


# A list's heading above its items ("Ingredients", "What you need:"): at most this many words
LIST_HEADING_WORDS = 6


def list_rescued(doc: Document, positions: list[int], keep: list[bool], labelled: Collection[int] = ()) -> list[bool]:
    """`keep` with the whole of a list the model kept part of inside the article: a block of
    two or more bulleted or numbered items, some kept and some not, with a kept sentence
    above it and below it and no label among its items or right above them (rows in
    `labelled`, or a phrase label), is kept whole, with the short heading right above it.
    New-user trial of stop 58: a recipe's "Ingredients" and its first two items (p(content)
    0.33, over the threshold) went with the smoothing, the last two stayed. Under "Related
    stories", "Trending now", "Topics" the list is the page's (second attacker trial)."""
    texts = [line_text(doc, positions, n) for n in range(len(keep))]
    bullets = [BULLET.match(text) is not None for text in texts]
    sentences = [n for n, (k, text) in enumerate(zip(keep, texts, strict=True)) if k and sentence(text)]
    if not sentences:
        return keep
    first, last = sentences[0], sentences[-1]  # the kept sentences the list must stand between
    keep = list(keep)
    n = 0
    while n < len(keep):
        end = n + 1
        while bullets[n] and end < len(keep) and bullets[end] and positions[end] == positions[end - 1] + 1:
            end += 1
        run = range(n, end)
        if (
            len(run) >= 2
            and any(keep[k] for k in run)
            and not all(keep[k] for k in run)
            and first < n
            and last >= end
            and all(boilerplate_label(texts[k], len(texts[k].split())) is None for k in run)
            and n - 1 not in labelled
            and boilerplate_label(texts[n - 1], len(texts[n - 1].split())) is None
        ):
            for k in run:
                keep[k] = True
            head = n - 1
            if positions[head] == positions[n] - 1 and _list_heading(texts[head]):
                keep[head] = True
        n = end
    return keep


# A hole's lines: short ones, an unbulleted list's items and its heading ("Ingredientes",
# "6 huevos", "Preparación")
HOLE_WORDS = 6
HOLE_LINES = 12


def hole_filled(
    doc: Document,
    positions: list[int],
    keep: list[bool],
    probs: list[float],
    labelled: Collection[int] = (),
    threshold: float = 1.0,
) -> list[bool]:
    """`keep` with a hole in the article filled: a run of removed short lines (HOLE_WORDS words
    at most, HOLE_LINES lines at most, no label, none a sentence) in one block with kept
    sentences right above and right below it, which the model scored as content over its
    `threshold` (the smoothing took them with the page around). New-user trial of stop 59: a
    Spanish recipe's ingredients, unbulleted, went with their heading and the next one
    (p(content) 0.57), exit 0; bulleted lists are list_rescued's."""
    texts = [line_text(doc, positions, n) for n in range(len(keep))]
    keep = list(keep)
    n = 1
    while n < len(keep):
        if keep[n] or not (keep[n - 1] and _hole_side(texts[n - 1]) and positions[n] == positions[n - 1] + 1):
            n += 1
            continue
        end = n
        while end < len(keep) and not keep[end] and positions[end] == positions[end - 1] + 1:
            end += 1
        run = range(n, end)
        # between kept verses (short lines, no sentence): verses of their own, which may end a
        # sentence ("dell'ultimo orizzonte il guardo esclude."); new-user trial of stop 60: four
        # lines of a quoted poem went from the middle of its stanza, exit 0
        verse = end < len(keep) and not (sentence(texts[n - 1]) and sentence(texts[end]))
        if verse and not all(_verse(texts[k]) for k in range(n - 1, end + 1)):
            n = end
            continue
        words = VERSE_WORDS if verse else HOLE_WORDS
        if (
            end < len(keep)
            and positions[end] == positions[end - 1] + 1
            and _hole_side(texts[end])
            # between the article's sentences, not a notice's: a cookie panel's "Necessary /
            # Always Enabled" under "This website uses cookies ..." (a dev page: kept so)
            and n - 1 not in labelled
            and end not in labelled
            and len(run) <= HOLE_LINES
            and max(probs[k] for k in run) >= threshold
            and all(
                k not in labelled
                and len(texts[k].split()) <= words
                and (verse or not sentence(texts[k]))
                and boilerplate_label(texts[k], len(texts[k].split())) is None
                for k in run
            )
        ):
            for k in run:
                keep[k] = True
        n = end
    return keep


# A verse: a line of a few words, no sentence's end needed
VERSE_WORDS = 10
VERSE_MIN_WORDS = 3


def _hole_side(text: str) -> bool:
    """Whether a kept line may border a hole: a sentence, or a verse."""
    return sentence(text) or _verse(text)


def _verse(text: str) -> bool:
    """A line of verse: VERSE_MIN_WORDS to VERSE_WORDS words, not in title case as the items of
    a menu or a table of contents are ("Effective Meetings", "Writing Style Guides": corpus
    train pages, kept between two kept headings)."""
    words = text.split()
    return VERSE_MIN_WORDS <= len(words) <= VERSE_WORDS and sum(w[:1].isupper() for w in words) * 2 <= len(words)


def _list_heading(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= LIST_HEADING_WORDS
        and words[0][:1].isupper()
        and not text.rstrip(":").endswith((".", "!", "?"))
        and boilerplate_label(text, len(words)) is None
    )
