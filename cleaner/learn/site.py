"""learn_site: a draft site profile from several scrapes of one site.

What repeats across the scrapes while the article differs is the site's template.
lines.Alignment finds the template lines (slots), cuts.find_cuts the headline and cut
points; this module turns them into ordered rules, checks the rules against the scrapes
(check.simulate) and renders the profile (toml_out).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import regex

from cleaner.learn.check import productive, simulate
from cleaner.learn.cuts import CATEGORIES, Cuts, find_cuts
from cleaner.learn.lines import Alignment, Slot, prepare
from cleaner.learn.meta import is_paragraph, name_groups
from cleaner.toml_out import render

MAX_FINGERPRINTS = 3
# What a draft says about generic cleaning. No leave-one-out check measures yet which
# setting suits the site, so drafts take the site default and say so.
GENERIC_DRAFT = "metadata"
GENERIC_NOTE = (
    'generic = "metadata": the generic stage only fills empty metadata on these pages (the site default);\n'
    'not measured on the scrapes: try "full" if generic cleaning removes what the rules miss.'
)
REGION_WHY = {"header": "header/navigation", "inline": "inside the article", "footer": "below the article"}


def min_docs_for(n: int) -> int:
    """How many scrapes a line must be in to count as template: all of two or three,
    60% of more (an optional line of the template still counts; a shared quote does not)."""
    return n if n <= 3 else max(3, math.ceil(0.6 * n))


def learn_site(texts: Sequence[str | list[str]], name: str, sources: list[str] | None = None) -> str:
    """The TOML text of a site profile learned from 2+ scrapes of one site (each its text, or
    its lines already prepared by cleaner.learn.lines.prepare)."""
    if len(texts) < 2:
        raise ValueError("learn_site needs at least two scrapes of the site")
    docs = [t if isinstance(t, list) else prepare(t) for t in texts]
    al = Alignment(docs, min_docs_for(len(docs)))
    cuts = find_cuts(al)
    entries = _rules(al, cuts)
    entries = productive(_checked(entries, al, cuts), al.docs)
    head = {
        "name": name,
        "description": f"{name}: drafted by cleaner learn from {len(docs)} scrapes; review before use",
        "fingerprints": _fingerprints(al),
        "samples": list(sources) if sources else None,
        "generic": GENERIC_DRAFT,
    }
    expect = {"keep": _keep(al, cuts), "drop": _drop_examples(al, cuts)}
    note = (
        f"Drafted by `cleaner learn` from {len(docs)} scrapes of one site.\nEach rule's why says what was found.\n"
        + GENERIC_NOTE
    )
    return render(head, entries, expect, note)


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
                "pattern": r"^(?P<title>.+)$",
                neighbour: cuts.title.pattern,
                "why": f"headline: the first varying line, directly "
                f"{where} the same template line in {n} of {n} scrapes",
            }
        )
    order = sorted(
        range(len(al.slots)),
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
            meta.append(
                {
                    "kind": "meta_field",
                    "pattern": slot.shape.regex(),
                    "why": f"line found in {_count(al, slot)} with varying {', '.join(fields)}: "
                    f"metadata, e.g. {_example(al, slot)}",
                }
            )
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
        least = min(slot.docs for slot, _ in found)
        plural = "lines" if len(found) > 1 else "line"
        varying = " with varying numbers, dates or names" if what == "pattern" else ""
        entries.append(
            {
                "kind": "drop_line" if what == "text" else "drop_matching",
                what: list(dict.fromkeys(v for _, v in found)),
                "why": f"{plural} repeated in {least}+ of {n} scrapes{varying}: {REGION_WHY[region]}",
            }
        )
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
    if cuts.categories and d in cuts.categories.positions:
        ok.add(cuts.categories.positions[d])
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
    """The most distinctive fixed lines found in every scrape: the longest, escaped and anchored."""
    n = len(al.docs)
    fixed = [s.shape.variants[0] for s in al.slots if s.docs == n and s.source == "line" and s.shape.is_literal()]
    fixed.sort(key=lambda t: (-len(t.split()), -len(t)))
    prints = ["^" + regex.escape(t, special_only=True, literal_spaces=True) + "$" for t in fixed[:MAX_FINGERPRINTS]]
    if not prints:
        patterns = [s.shape.regex() for s in al.slots if s.docs == n and s.shape.literal_letters() >= 6]
        prints = patterns[:MAX_FINGERPRINTS]
    return prints


def _keep(al: Alignment, cuts: Cuts) -> list[str]:
    """The start of the first paragraph of a few scrapes: article text, different in each."""
    found = []
    for d in range(min(3, len(al.docs))):
        para = next((al.docs[d][i] for i in al.content(d) if is_paragraph(al.docs[d][i])), None)
        if para:
            found.append(" ".join(para.split()[:8]))
    return found


def _drop_examples(al: Alignment, cuts: Cuts) -> list[str]:
    n = len(al.docs)
    fixed = [s.shape.variants[0] for s in al.slots if s.docs == n and s.source == "line" and s.shape.is_literal()]
    return fixed[:3]
