"""learn_site: a draft site profile from several scrapes of one site.

What repeats across the scrapes while the article differs is the site's template.
lines.Alignment finds the template lines (slots), cuts.find_cuts the headline and cut
points; this module turns them into ordered rules, checks the rules against the scrapes
(check.simulate) and renders the profile (toml_out).
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

import cleaner
from cleaner.heuristics.phrases import generic_line
from cleaner.learn.check import productive, simulate
from cleaner.learn.cuts import CATEGORIES, LABEL, Cuts, find_cuts, neighbour
from cleaner.learn.lines import Alignment, Slot, prepare
from cleaner.learn.meta import is_list_line, is_paragraph, is_title_like, meta_fields, name_groups
from cleaner.learn.shapes import FINGERPRINT_CHARS, year_free
from cleaner.toml_out import render
from cleaner.urls import host

MAX_FINGERPRINTS = 3
# What a draft says about generic cleaning when the leave-one-out check cannot measure it
# (fewer than three scrapes): the site default.
GENERIC_DRAFT = "metadata"
GENERIC_SETTINGS = ("page", "full", "metadata")
# "page" is the safe setting: the generic stage removes at least what it removes with no
# profile, so the draft keeps at most what generic cleaning alone keeps. Another setting is
# written only when the leave-one-out check measures it better by this much (F1).
GENERIC_MARGIN = 0.03
# A rule that, on a scrape left out of learning, removes prose the generic stage keeps and
# no other scrape has, amounting to this share of that scrape's kept words, eats article text.
MAX_HARM = 0.15
REGION_WHY = {"header": "header/navigation", "inline": "inside the article", "footer": "below the article"}


def min_docs_for(n: int) -> int:
    """How many scrapes a line must be in to count as template: all of two or three,
    60% of more (an optional line of the template still counts; a shared quote does not)."""
    return n if n <= 3 else max(3, math.ceil(0.6 * n))


@dataclass
class Draft:
    """A drafted site profile and what its leave-one-out check found."""

    toml: str
    generic: str
    estimate: str  # one line per generic setting measured, "" when not measured
    hosts: list[str] = field(default_factory=list)  # from the scrapes' URLs (canonical link, og:url)
    fingerprints: list[str] = field(default_factory=list)
    recall: float | None = None  # leave-one-out recall of article text with the written setting


def learn_site(texts: list[str], name: str, sources: list[str] | None = None) -> str:
    """The TOML text of a site profile learned from 2+ scrapes of one site."""
    return draft_site(texts, name, sources).toml


def draft_site(
    texts: list[str], name: str, sources: list[str] | None = None, step: Callable[[str], None] | None = None
) -> Draft:
    """A site profile learned from 2+ scrapes of one site, checked by leave-one-out when
    there are 3+: learned from all but one scrape, the draft cleans the one left out; rules
    that remove its article text (prose the generic stage keeps and no other scrape has)
    are dropped from the draft, and the generic setting that keeps the most of that text
    with the least template is written when it beats "page" (at most what generic cleaning
    alone keeps) clearly; else "page"."""
    if len(texts) < 2:
        raise ValueError("learn_site needs at least two scrapes of the site")
    say = step or (lambda _: None)
    docs = [prepare(t) for t in texts]
    generic_docs = []
    for n, t in enumerate(texts, 1):
        say(f"generic cleaning {n}/{len(texts)}")
        generic_docs.append(cleaner.clean(t, profile="none"))
    kept = [_lines(doc) for doc in generic_docs]
    entries, al, cuts = _draft(docs, kept)
    generic, estimate, why, recall = GENERIC_DRAFT, "", GENERIC_NOTE, None
    if len(docs) >= 3:
        harmful, scores = _leave_one_out(docs, kept, say)
        entries = _without(entries, harmful | _harm(entries, docs, kept, range(len(docs))))
        entries = productive(entries, al.docs)
        generic = _choose_generic(scores)
        recall = scores[generic][1] if generic in scores else None
        estimate = "; ".join(f'generic = "{g}": P {p:.2f} R {r:.2f} F1 {f:.2f}' for g, (p, r, f) in scores.items())
        why = (
            f"leave-one-out over the {len(docs)} scrapes (learn from {len(docs) - 1}, clean the one left out;\n"
            "article text = lines no other scrape has that the generic stage keeps, and prose among them):\n"
            f"{estimate}\n{_generic_why(generic)}; "
            f"{len(harmful)} rule value(s) that removed article text of a left-out scrape dropped."
        )
    hosts = list(dict.fromkeys(h.removeprefix("www.") for doc in generic_docs if (h := host(doc.metadata.url))))
    fingerprints = _fingerprints(al)
    head = {
        "name": name,
        "description": f"{name}: drafted by cleaner learn from {len(docs)} scrapes; review before use",
        "hosts": hosts or None,
        "fingerprints": fingerprints,
        "samples": list(sources) if sources else None,
        "generic": generic,
    }
    expect = _expect(texts, head, entries, _keep(al, cuts), _drop_examples(al, cuts, entries))
    note = (
        f"Drafted by `cleaner learn` from {len(docs)} scrapes of one site.\nEach rule's why says what was found.\n"
        + why
    )
    return Draft(render(head, entries, expect, note), generic, estimate, hosts, fingerprints, recall)


def _choose_generic(scores: dict[str, tuple[float, float, float]]) -> str:
    """ "page" unless another setting measured better by GENERIC_MARGIN (F1)."""
    best = max(GENERIC_SETTINGS, key=lambda g: (scores[g][2], g == "page"))
    return best if scores[best][2] >= scores["page"][2] + GENERIC_MARGIN else "page"


def _generic_why(generic: str) -> str:
    if generic == "page":
        return (
            'generic = "page": the draft keeps at most what generic cleaning alone keeps '
            f"(no other setting measured better by {GENERIC_MARGIN})"
        )
    return f'generic = "{generic}" measured best by {GENERIC_MARGIN}+'


GENERIC_NOTE = (
    'generic = "metadata": the generic stage only fills empty metadata on these pages (the site default);\n'
    'not measured (fewer than three scrapes): try "full" if generic cleaning removes what the rules miss.'
)


def _draft(docs: list[list[str]], kept: list[set[str]]) -> tuple[list[dict[str, Any]], Alignment, Cuts]:
    al = Alignment(docs, min_docs_for(len(docs)))
    _release_related(al)
    cuts = find_cuts(al)
    if _release_inline(al, cuts, kept):
        cuts = find_cuts(al)
    entries = _rules(al, cuts)
    return productive(_checked(entries, al, cuts), al.docs), al, cuts


# ---- leave-one-out ---------------------------------------------------------------------------


Key = tuple[str, str, str]


def _leave_one_out(
    docs: list[list[str]], kept: list[set[str]], say: Callable[[str], None]
) -> tuple[set[Key], dict[str, tuple[float, float, float]]]:
    """Learn from all scrapes but k, clean k: the rule values that removed k's article text,
    and per generic setting (precision, recall, F1) of the cleaned scrapes against their
    article text (means over the scrapes)."""
    harmful: set[Key] = set()
    found: dict[str, list[tuple[float, float]]] = {g: [] for g in GENERIC_SETTINGS}
    for k in range(len(docs)):
        say(f"leave-one-out {k + 1}/{len(docs)}")
        rest = [d for d in range(len(docs)) if d != k]
        entries, _, _ = _draft([docs[d] for d in rest], [kept[d] for d in rest])
        bad = _harm(entries, docs, kept, [k])
        harmful |= bad
        entries = _without(entries, bad)
        article = _reference(docs, kept, k)
        text = "\n".join(docs[k]) + "\n"
        for g in GENERIC_SETTINGS:
            out = _clean_with(entries, g, text)
            found[g].append(_overlap(out, article))
    scores = {}
    for g, pairs in found.items():
        p = sum(x for x, _ in pairs) / len(pairs)
        r = sum(y for _, y in pairs) / len(pairs)
        scores[g] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return harmful, scores


def _others(docs: list[list[str]], k: int) -> set[str]:
    return {t for d, texts in enumerate(docs) if d != k for t in texts if t}


def _harm(entries: list[dict[str, Any]], docs: list[list[str]], kept: list[set[str]], which) -> set[Key]:
    """The rule values that, on scrapes `which`, remove prose the generic stage keeps and
    no other scrape has: MAX_HARM of the scrape's kept words or more."""
    bad: set[Key] = set()
    for k in which:
        texts, others = docs[k], _others(docs, k)
        total = sum(len(t.split()) for t in texts if t in kept[k]) or 1
        dropped, _ = simulate(entries, texts)
        for r, positions in enumerate(dropped):
            lost = [texts[i] for i in positions if texts[i] in kept[k] and texts[i] not in others]
            words = sum(len(t.split()) for t in lost if is_paragraph(t))
            if words >= MAX_HARM * total:
                bad |= _keys(entries[r], [texts[i] for i in positions], lost)
    return bad


def _keys(entry: dict[str, Any], removed: list[str], lost: list[str]) -> set[Key]:
    """What to take out of `entry`: the values that matched the lines it removed wrongly
    (drop rules), the marker that fired (cuts), or the whole rule."""
    kind = entry["kind"]
    field = "text" if "text" in entry else "pattern" if "pattern" in entry else ""
    if kind in ("drop_line", "drop_matching", "cut_after", "cut_before") and isinstance(entry.get(field), list):
        lines = lost if kind.startswith("drop") else removed[:1] if kind == "cut_after" else removed[-1:]
        hit = {v for v in entry[field] for t in lines if _matches(field, v, t)}
        if hit:
            return {(kind, field, v) for v in hit}
    return {(kind, "", _identity(entry))}


def _matches(field: str, value: str, text: str) -> bool:
    return value == text if field == "text" else bool(regex.search(value, text))


def _identity(entry: dict[str, Any]) -> str:
    return repr(sorted((k, repr(v)) for k, v in entry.items() if k != "why"))


def _without(entries: list[dict[str, Any]], bad: set[Key]) -> list[dict[str, Any]]:
    out = []
    for entry in entries:
        kind = entry["kind"]
        if (kind, "", _identity(entry)) in bad:
            continue
        field = "text" if "text" in entry else "pattern"
        if isinstance(entry.get(field), list):
            values = [v for v in entry[field] if (kind, field, v) not in bad]
            if not values:
                continue
            entry = {**entry, field: values}
        out.append(entry)
    return out


def _reference(docs: list[list[str]], kept: list[set[str]], k: int) -> set[str]:
    """Scrape k's article text as far as the scrapes tell: the lines no other scrape has
    that the generic stage keeps, and the prose between the first and last of those."""
    texts, others = docs[k], _others(docs, k)
    article = {t for t in texts if t and t in kept[k] and t not in others}
    span = [i for i, t in enumerate(texts) if t in article]
    if span:
        article |= {t for t in texts[span[0] : span[-1] + 1] if is_paragraph(t) and t not in others}
    return article


def _overlap(out: list[str], article: set[str]) -> tuple[float, float]:
    """(precision, recall) in words of a cleaned scrape's lines against its article text:
    any other line kept is noise (template, or varying boxes and comments)."""
    words = {t: len(t.split()) for t in out}
    hit = sum(n for t, n in words.items() if t in article)
    noise = sum(n for t, n in words.items() if t not in article)
    total = sum(len(t.split()) for t in article)
    return (hit / (hit + noise) if hit + noise else 1.0), (hit / total if total else 1.0)


def _clean_with(entries: list[dict[str, Any]], generic: str, text: str) -> list[str]:
    """The lines of `text` cleaned with a profile of `entries` and that generic setting."""
    head = {"name": "loo", "generic": generic}
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "loo.toml").write_text(render(head, entries, {}), encoding="utf-8")
        profiles = cleaner.load_profiles([tmp], builtin=False)
    doc = cleaner.clean(text, profiles=profiles, profile="loo")
    return [line.strip() for line in doc.text.splitlines() if line.strip()]


# ---- template lines that are article text ------------------------------------------------


def _generic_kept(text: str) -> set[str]:
    """The lines the generic stage alone keeps of a scrape (no profile)."""
    return _lines(cleaner.clean(text, profile="none"))


def _lines(doc: cleaner.Document) -> set[str]:
    return {line.strip() for line in doc.text.splitlines() if line.strip()}


def _header_end(al: Alignment, cuts: Cuts, d: int) -> int:
    """The last line of scrape d's article head: the headline, then the byline and date
    lines (template lines with metadata) above the first paragraph."""
    head = cuts.headline[d]
    first = next((i for i in al.content(d) if is_paragraph(al.docs[d][i])), len(al.docs[d]))
    end = head
    for i in range(head + 1, first):
        label = al.labels[d][i]
        if label is not None and meta_fields(al.slots[label].shape):
            end = i
    return end


def _inside_body(al: Alignment, cuts: Cuts, d: int, p: int, start: int) -> bool:
    """Position p of scrape d is inside the article: below its head (`start`), above a
    later paragraph and any cut."""
    if not start < p < cuts.after_at.get(d, len(al.docs[d])):
        return False
    return any(i > p and is_paragraph(al.docs[d][i]) for i in al.content(d))


def _paragraphs(al: Alignment, d: int) -> list[int]:
    return [i for i, t in enumerate(al.docs[d]) if t and al.labels[d][i] is None and is_paragraph(t)]


def _link_title(text: str) -> bool:
    """Reads as a headline or a related article's link title: several words, no sentence end."""
    return is_title_like(text) and not is_paragraph(text) and len(text.split()) >= 4


def _related_link(al: Alignment, slot: Slot) -> str | None:
    """A headline-like line in several scrapes that is no template line: "headline" when it
    is one scrape's headline and another's related link (above the article in one scrape,
    below it in another), "link" when it is a popular story every related list links to (in
    some scrape right below another varying link title, below the article); else None."""
    if slot.source != "line" or not _link_title(slot.shape.variants[0]):
        return None
    above = below = after_link = False
    for d, positions in slot.occ.items():
        paras = _paragraphs(al, d)
        for p in positions:
            above |= bool(paras) and p < paras[0] and _heads_byline(al, d, p)
            below |= bool(paras) and p > paras[-1]
            j = neighbour(al.docs[d], p, -1)
            if j is not None and al.labels[d][j] is None and paras and j > paras[-1]:  # a list below the article
                after_link |= _link_title(al.docs[d][j]) and not is_list_line(al.docs[d][j])
    if above and below:
        return "headline"
    # a heading below the article ("You might also like") has fewer words than a headline
    return "link" if after_link and len(slot.shape.variants[0].split()) >= 5 else None


def _heads_byline(al: Alignment, d: int, p: int, reach: int = 3) -> bool:
    """Line p of scrape d sits where a headline does: a byline or dateline (a template line
    with metadata) follows within `reach` lines (a standfirst may come between)."""
    j: int | None = p
    for _ in range(reach):
        j = neighbour(al.docs[d], j, 1) if j is not None else None
        if j is None:
            return False
        label = al.labels[d][j]
        if label is not None and meta_fields(al.slots[label].shape):
            return True
    return False


def _release_related(al: Alignment) -> None:
    """Related-article links that repeat across the scrapes (lists change from page to
    page): one scrape's headline is article text, no template line; a link every list has
    may be dropped below the article, but is no fingerprint or cut marker."""
    for s, slot in enumerate(al.slots):
        found = _related_link(al, slot) if slot.occ else None
        if found == "headline":
            al.release(s)
        elif found == "link":
            al.links.add(s)


def _introduces(al: Alignment, slot: Slot) -> bool:
    """Every occurrence ends with a colon and is followed by an article paragraph: a lead-in
    ("To the editor:", "Ingredients:"), not a call to action ("Share this:" is followed by links)."""
    for d, positions in slot.occ.items():
        for p in positions:
            j = neighbour(al.docs[d], p, 1)
            if not al.docs[d][p].endswith(":") or j is None or al.labels[d][j] is not None:
                return False
            if not is_paragraph(al.docs[d][j]):
                return False
    return True


# A fixed line inside the body that is article text is a heading ("To the editor:", "Key
# facts"): a longer one in every scrape is the site's ("GAZETTE PLUS • Unlock unlimited local
# journalism for less than a coffee a week": new-user trial of stop 35, released and kept).
HEADING_WORDS = 6


def _release_inline(al: Alignment, cuts: Cuts, kept: list[set[str]]) -> bool:
    """A fixed line found in every scrape inside the body, below the headline and byline
    ("To the editor:", a recurring subheading), that the generic stage keeps in at least
    half of the scrapes, or that introduces a paragraph, is article text: no drop rule.
    Not a paragraph printed word for word in every scrape (a donation appeal between the
    article's paragraphs), nor a line longer than a heading (HEADING_WORDS) that introduces
    nothing: articles do not share their prose."""
    if len(cuts.headline) < len(al.docs):
        return False
    released = False
    starts = [_header_end(al, cuts, d) for d in range(len(al.docs))]
    boxed = _boxed(al)
    for s, slot in enumerate(al.slots):
        if not slot.occ or slot.source not in ("line", "aligned") or meta_fields(slot.shape):
            continue
        if s in boxed:
            continue
        if max(len(v.split()) for v in slot.shape.variants) > HEADING_WORDS and not _introduces(al, slot):
            continue
        inside = all(_inside_body(al, cuts, d, p, starts[d]) for d, ps in slot.occ.items() for p in ps)
        keeps = sum(al.docs[d][ps[0]] in kept[d] for d, ps in slot.occ.items())
        # the generic stage trims the article's edges: kept in half the scrapes is enough
        if inside and (2 * keeps >= slot.docs or _introduces(al, slot)):
            al.release(s)
            released = True
    return released


def _verbatim_paragraph(slot: Slot) -> bool:
    """The same paragraph, word for word, wherever the slot occurs (a figure in it too: the
    shape generalises "$5", the text does not vary)."""
    return bool(slot.occ) and len(set(slot.shape.variants)) == 1 and is_paragraph(slot.shape.variants[0])


def _boxed(al: Alignment) -> set[int]:
    """Slots of a verbatim paragraph, and the slots printed next to it in every scrape (a
    run of template lines, blank lines aside): one box ("SUPPORT LOCAL JOURNALISM" / "The
    Ledger is reader-funded. ..." / "Join now": new-user trial, the heading and the button
    were released as article text, so the box stayed in the clean text)."""
    verbatim = {s for s, slot in enumerate(al.slots) if _verbatim_paragraph(slot)}
    if not verbatim:
        return set()
    beside: dict[int, int] = {}  # slot -> in how many scrapes it sits in a run with a verbatim paragraph
    for d, labels in enumerate(al.labels):
        seen: set[int] = set()
        run: list[int] = []
        for i, label in enumerate([*labels, None]):
            if i < len(labels) and not al.docs[d][i]:
                continue  # a blank line neither ends a run nor joins one
            if label is not None:
                run.append(label)
                continue
            if verbatim & set(run):
                seen |= set(run)
            run = []
        for s in seen:
            beside[s] = beside.get(s, 0) + 1
    return verbatim | {s for s, n in beside.items() if n >= al.slots[s].docs}


# ---- rules -------------------------------------------------------------------------


def _count(al: Alignment, slot: Slot) -> str:
    return f"{slot.docs} of {len(al.docs)} scrapes"


def _example(al: Alignment, slot: Slot) -> str:
    variants = slot.shape.variants[:2]
    return " / ".join(f'"{v}"' for v in variants)


def _region(al: Alignment, cuts: Cuts, slot: Slot) -> str:
    d = next(iter(slot.occ))
    content = [i for i in al.content(d) if i != cuts.headline.get(d)]
    p = slot.first(d)
    if p is None or not content or p < content[0]:
        return "header"
    return "footer" if p > content[-1] else "inline"


def _above_body(al: Alignment, cuts: Cuts, slot: Slot) -> bool:
    """Every occurrence of the slot is above the article's body: its first paragraph, or
    its first line other than the headline when no line reads as prose."""
    for d, positions in slot.occ.items():
        content = [i for i in al.content(d) if i != cuts.headline.get(d)]
        start = next((i for i in content if is_paragraph(al.docs[d][i])), content[0] if content else None)
        if start is None or max(positions) > start:
            return False
    return True


def _ungroup(slot: Slot, name: str) -> list[str]:
    for item in slot.shape.items:
        if item.group == name:
            item.group = None
    return slot.shape.groups()


def _needed(al: Alignment, cuts: Cuts, slot: Slot) -> bool:
    """A slot needs a rule when it occurs where no cut_after removes it."""
    return any(p < cuts.after_at.get(d, len(al.docs[d])) for d, ps in slot.occ.items() for p in ps)


def _rules(al: Alignment, cuts: Cuts) -> list[dict[str, Any]]:
    n = len(al.docs)
    meta: list[dict[str, Any]] = []
    repeats: list[dict[str, Any]] = []
    drops: dict[tuple[str, str], list[tuple[Slot, str]]] = {}
    if cuts.title:
        neighbour = "next" if cuts.title.step == 1 else "prev"
        where = "above" if cuts.title.step == 1 else "below"
        meta.append(
            {
                "kind": "meta_field",
                "pattern": cuts.title.own,
                neighbour: cuts.title.pattern,
                "why": f"headline: the varying line directly {where} the same template line in {n} of {n} scrapes",
            }
        )
    if cuts.label:  # after the headline rule: the byline is then the label's next line
        values = list(dict.fromkeys(f'"{al.docs[d][j]}"' for d, j in cuts.label.positions.items()))
        meta.append(
            {
                "kind": "meta_field",
                "pattern": LABEL,
                "next": cuts.label.pattern,
                "why": f"section label directly above the headline in {n} of {n} scrapes "
                f"({' / '.join(values[:3])}): categories",
            }
        )
    if cuts.crumbs:
        meta.append(
            {
                "kind": "meta_field",
                "pattern": cuts.crumb_pattern,
                ("next" if cuts.crumbs.step == 1 else "prev"): cuts.crumbs.pattern,
                "split": cuts.crumb_sep,
                "why": f"breadcrumb of varying depth directly above the headline in {n} of {n} scrapes: categories",
            }
        )
    order = sorted(
        (s for s in range(len(al.slots)) if al.slots[s].occ),
        key=lambda s: (next(iter(al.slots[s].occ)), al.slots[s].first(next(iter(al.slots[s].occ)))),
    )
    for s in order:
        slot = al.slots[s]
        if slot.source == "repeat":
            if _needed(al, cuts, slot):
                repeats.append(
                    {
                        "kind": "drop_repeated",
                        "start": slot.shape.regex(),
                        "why": f"block printed several times in a row in {_count(al, slot)}, "
                        f"starting {_example(al, slot)}: promo table or carousel",
                    }
                )
            continue
        fields = name_groups(slot.shape) if slot.source != "repeat" else []
        if "date" in fields and not _above_body(al, cuts, slot):
            fields = _ungroup(slot, "date")  # a related post's date, not the article's
        if fields:
            field: dict[str, Any] = {
                "kind": "meta_field",
                "pattern": slot.shape.regex(),
                "why": f"line found in {_count(al, slot)} with varying {', '.join(fields)}: "
                f"metadata, e.g. {_example(al, slot)}",
            }
            if sep := _list_separator(slot.shape):
                field["split"] = sep
            meta.append(field)
            if any(len(ps) > 1 for ps in slot.occ.values()) and _needed(al, cuts, slot):
                drops.setdefault(("pattern", _region(al, cuts, slot)), []).append((slot, slot.shape.regex()))
            continue
        if not _needed(al, cuts, slot) or s in cuts.after:
            continue
        if slot.shape.is_literal():
            drops.setdefault(("text", _region(al, cuts, slot)), []).append((slot, slot.shape.variants[0]))
        else:
            drops.setdefault(("pattern", _region(al, cuts, slot)), []).append((slot, slot.shape.regex()))
    if cuts.categories:
        meta.append(
            {
                "kind": "meta_field",
                "pattern": CATEGORIES,
                "next": cuts.categories.pattern,
                "why": f"comma-separated list directly above the cut line in {n} of {n} scrapes: categories",
            }
        )
    entries = meta + repeats
    for (what, region), found in sorted(
        drops.items(), key=lambda kv: (list(REGION_WHY).index(kv[0][1]), kv[0][0] == "pattern")
    ):
        # a menu's items: dropped only where they stand together, so that an article's subheading
        # of a menu word stays (new-user trial of stop 38: "Politics", "Business", "Sport" went)
        menu = _menu(al, [slot for slot, _ in found]) if what == "text" and region == "header" else set()
        for group in ([f for f in found if id(f[0]) in menu], [f for f in found if id(f[0]) not in menu]):
            if not group:
                continue
            least = min(slot.docs for slot, _ in group)
            plural = "lines" if len(group) > 1 else "line"
            varying = " with varying numbers, dates or names" if what == "pattern" else ""
            together = id(group[0][0]) in menu
            entry: dict[str, Any] = {
                "kind": "drop_line" if what == "text" else "drop_matching",
                what: list(dict.fromkeys(v for _, v in group)),
                "why": f"{plural} repeated in {least}+ of {n} scrapes{varying}: {REGION_WHY[region]}"
                + (", a menu: two or more together" if together else ""),
            }
            if together:
                entry["together"] = 2
            entries.append(entry)
    if cuts.before is not None:
        slot = al.slots[cuts.before]
        entries.append(
            {
                "kind": "cut_before",
                "text": slot.shape.variants[0],
                "why": f"fixed line found once in {n} of {n} scrapes; only template lines above it",
            }
        )
    if cuts.after:
        markers = [al.slots[s] for s in cuts.after]
        literal = all(m.shape.is_literal() for m in markers)
        entries.append(
            {
                "kind": "cut_after",
                ("text" if literal else "pattern"): [
                    m.shape.variants[0] if literal else m.shape.regex(named=False) for m in markers
                ],
                "why": f"line found in all {n} scrapes after the article ({_example(al, markers[0])}); "
                "after it every scrape has only template lines or short varying lines (link titles)",
            }
        )
    return entries


def _menu(al: Alignment, slots: list[Slot]) -> set[int]:
    """The ids of the slots (two or more) whose lines stand, in every scrape, next to another
    of them, blank lines between allowed: a menu's items, as drop_line's `together` reads them."""
    menu = {id(slot): slot for slot in slots}
    while len(menu) >= 2:
        alone: set[int] = set()
        for d, texts in enumerate(al.docs):
            at = sorted((i, key) for key, slot in menu.items() for i in slot.occ.get(d, []))
            runs: list[list[tuple[int, int]]] = []
            for i, key in at:
                if runs and all(not texts[j] for j in range(runs[-1][-1][0] + 1, i)):
                    runs[-1].append((i, key))
                else:
                    runs.append([(i, key)])
            alone |= {run[0][1] for run in runs if len(run) == 1}
        if not alone:
            return set(menu)
        menu = {key: slot for key, slot in menu.items() if key not in alone}
    return set()


# ---- check against the scrapes ---------------------------------------------------------


def _allowed(al: Alignment, cuts: Cuts, d: int) -> set[int]:
    """Positions of scrape d a rule may remove: template lines, the headline (and its repeats)."""
    texts = al.docs[d]
    ok = {i for i, label in enumerate(al.labels[d]) if label is not None or not texts[i]}
    head = cuts.headline.get(d)
    if head is not None:
        ok |= {i for i, t in enumerate(texts) if t == texts[head]}
    if d in cuts.after_at:
        ok |= set(range(cuts.after_at[d], len(texts)))
    for pin in (cuts.categories, cuts.crumbs, cuts.label):
        if pin and d in pin.positions:
            ok.add(pin.positions[d])
    return ok


def _checked(entries: list[dict[str, Any]], al: Alignment, cuts: Cuts) -> list[dict[str, Any]]:
    """Drop the rules (or the list elements) that remove article lines in some scrape."""
    for _ in range(len(entries) + 1):
        bad: dict[int, set[str] | None] = {}
        for d, texts in enumerate(al.docs):
            allowed = _allowed(al, cuts, d)
            dropped, _ = simulate(entries, texts)
            for r, positions in enumerate(dropped):
                wrong = [i for i in positions if i not in allowed]
                if not wrong:
                    continue
                known = bad.setdefault(r, set())
                if entries[r]["kind"] in ("drop_line", "drop_matching") and known is not None:
                    known.update(texts[i] for i in wrong)
                else:
                    bad[r] = None
        if not bad:
            return entries
        entries = [e for r, e in enumerate(entries) if (r not in bad or _prune(e, bad[r]))]
    return entries


def _prune(entry: dict[str, Any], texts: set[str] | None) -> bool:
    """Remove from a drop rule the values that hit `texts`; False when nothing is left."""
    if texts is None:
        return False
    key = "text" if entry["kind"] == "drop_line" else "pattern"
    if key == "text":
        entry[key] = [v for v in entry[key] if v not in texts]
    else:
        entry[key] = [p for p in entry[key] if not any(regex.search(p, t) for t in texts)]
    return bool(entry[key])


# ---- profile head and expectations ---------------------------------------------------------------


def _fingerprints(al: Alignment) -> list[str]:
    """The most distinctive fixed lines found in every scrape: the longest, escaped and anchored.
    Not a section's name ("Politics"), nor a line of boilerplate labels alone, which any site
    prints (attacker trial of stop 55: a draft's "Privacy | Terms | Contact us" took another
    site's page, whose headline and section it then took as metadata)."""
    n = len(al.docs)
    fixed = [
        slot.shape.variants[0]
        for s, slot in enumerate(al.slots)
        if slot.docs == n and slot.source == "line" and slot.shape.is_literal() and s not in al.links
    ]
    fixed = [line for line in fixed if len(line) >= FINGERPRINT_CHARS and not generic_line(line)]
    fixed.sort(key=lambda t: (-len(t.split()), -len(t)))
    prints = [year_free(t) for t in fixed[:MAX_FINGERPRINTS]]
    if not prints:  # lines of a shape ("© 2024 {name}"), chosen the same way (second attacker trial)
        patterns = [
            slot.shape.regex()
            for s, slot in enumerate(al.slots)
            if slot.docs == n
            and slot.shape.literal_letters() >= 6
            and s not in al.links
            and len(slot.shape.variants[0]) >= FINGERPRINT_CHARS
            and not generic_line(slot.shape.variants[0])
        ]
        prints = patterns[:MAX_FINGERPRINTS]
    return prints


def _keep(al: Alignment, cuts: Cuts) -> list[str]:
    """The start of the first paragraphs of the scrapes: article text, different in each."""
    paras = [[al.docs[d][i] for i in al.content(d) if is_paragraph(al.docs[d][i])][:2] for d in range(len(al.docs))]
    found = [" ".join(ps[k].split()[:8]) for k in range(2) for ps in paras if len(ps) > k]  # firsts, then seconds
    return list(dict.fromkeys(found))


def _expect(
    texts: list[str], head: dict[str, Any], entries: list[dict[str, Any]], keep: list[str], drop: list[str]
) -> dict[str, list[str]]:
    """Up to three keep and three drop examples that hold on every scrape cleaned with the
    draft as `cleaner check` cleans its samples (generic setting included): a keep example is
    in the output of every scrape that has it, a drop example in none."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "draft.toml").write_text(render({**head, "name": "draft"}, entries, {}), encoding="utf-8")
        profiles = cleaner.load_profiles([tmp], builtin=False)
    pairs = [(_squash(t), _squash(cleaner.clean(t, profiles=profiles, profile="draft").text)) for t in texts]

    def holds(snippet: str, wanted: bool) -> bool:
        relevant = [out for raw, out in pairs if _squash(snippet) in raw]
        return bool(relevant) and all((_squash(snippet) in out) == wanted for out in relevant)

    picked_keep: list[str] = []
    for snippet in keep:  # one per scrape first, then more
        if len(picked_keep) < 3 and holds(snippet, True):
            picked_keep.append(snippet)
    return {"keep": picked_keep, "drop": [s for s in drop if holds(s, False)][:3]}


def _squash(text: str) -> str:
    return " ".join(text.split())


def _drop_examples(al: Alignment, cuts: Cuts, entries: list[dict[str, Any]]) -> list[str]:
    """A few fixed lines found in every scrape that the rules drop in every scrape."""
    n = len(al.docs)
    fixed = [s.shape.variants[0] for s in al.slots if s.docs == n and s.source == "line" and s.shape.is_literal()]
    for texts in al.docs:
        dropped, _ = simulate(entries, texts)
        gone = {texts[i] for positions in dropped for i in positions}
        fixed = [t for t in fixed if t in gone]
    return fixed


# ---- for cleaner new -------------------------------------------------------------------------


# What a list of categories or tags is printed with, when not commas (meta_field's default)
LIST_SEPARATORS = (" / ", " | ", " · ", " • ", " › ", " > ", "; ")


def _list_separator(shape: Any) -> str | None:
    """The separator the shape's category or tag values are printed with, when no value has a
    comma and every value that holds several has this one ("Town / Council / Heritage"; new-user
    trial of stop 52: one category "Schools / Arts")."""
    values = [v for item in shape.items if item.group in ("categories", "tags") for v in item.values]
    if not values or any("," in v for v in values):
        return None
    found = [sep for sep in LIST_SEPARATORS if any(sep in v for v in values)]
    return found[0] if len(found) == 1 else None  # with its spaces: "AC/DC" is one name


def metadata_drafts(texts: list[str]) -> tuple[list[dict[str, Any]], set[str]]:
    """For `cleaner new` on 2+ text samples: the meta_field rules learn drafts from their
    template lines by shape (bylines, datelines, the headline's pin), and the lines that are
    metadata or related-article links rather than template (no drop rule may name them:
    a literal byline drop would take the author of the next page by the same writer)."""
    if len(texts) < 2:
        return [], set()
    docs = [prepare(t) for t in texts]
    entries, al, cuts = _draft(docs, [_generic_kept(t) for t in texts])
    meta = [e for e in entries if e["kind"] == "meta_field"]
    spared = {al.docs[d][i] for d, i in cuts.headline.items()}
    for d, texts_d in enumerate(al.docs):
        spared |= {texts_d[i] for i in al.content(d) if _link_title(texts_d[i])}
        for s in {label for label in al.labels[d] if label is not None}:
            if meta_fields(al.slots[s].shape) or s in al.links:
                spared |= {texts_d[i] for i in al.slots[s].occ.get(d, [])}
    return meta, spared
