"""Align lines across scrapes of one site and generalise the template lines into slots.

A *slot* is one template line (or repeated block) of the site: the positions where it
occurs in each scrape and its Shape over all of them. Slots are found in three passes,
each over the lines the earlier passes left:

1. blocks printed several times in a row (promo tables, carousels);
2. lines whose skeleton (numbers, months, weekdays abstracted) occurs in most scrapes:
   fixed lines, counters, dates, copyright years — hashed, so linear;
3. lines that vary in words (bylines with the author's name): the lines found once in
   every scrape are anchors, and the short lines between the same two anchors are
   aligned pairwise with the first scrape's — a handful of scrapes, so this is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

import regex

from cleaner import pipeline
from cleaner.document import Context, Document
from cleaner.learn.blocks import repeated_runs
from cleaner.learn.meta import MAX_META_WORDS, has_date, is_list_line, is_paragraph
from cleaner.learn.shapes import BYLINE_CUES, NAME_RE, Item, Shape, generalise, skeleton
from cleaner.profiles import Profiles
from cleaner.stages import profile as profile_stage
from cleaner.stages.normalise import collapse_spaces

MIN_ALIGN_RATIO = 0.5  # share of tokens two variants of a template line have in common
MAX_VAR_WORDS = 5  # a varying part longer than this is text, not a name or a number
MAX_LIST_WORDS = 12  # ... unless it is a comma-separated list (tags)


def prepare(text: str | bytes) -> list[str]:
    """The lines as profile rules see them (stripped, runs of spaces one space: a tab copied
    into a fingerprint could never match, attacker trial of stop 36), "" for blank: the
    pipeline's stages before the profile stage (decoding, Unicode repair) run as clean() runs them."""
    doc = pipeline.run_before(profile_stage.run, Document(raw=text), Context(profiles=Profiles()))
    return [collapse_spaces(line.text) for line in doc.lines]


@dataclass
class Slot:
    shape: Shape
    source: str  # "repeat", "line" (same skeleton) or "aligned" (varying words)
    occ: dict[int, list[int]] = field(default_factory=dict)  # scrape -> positions (all lines of a repeat)
    starts: dict[int, list[int]] = field(default_factory=dict)  # scrape -> first line of each occurrence

    @property
    def docs(self) -> int:
        return len(self.occ)

    def first(self, d: int) -> int | None:
        return self.starts[d][0] if self.starts.get(d) else None


class Alignment:
    """The scrapes' lines, the slots found and, per scrape and position, the slot it belongs to."""

    def __init__(self, docs: list[list[str]], min_docs: int):
        self.docs = docs
        self.min_docs = min_docs
        self.slots: list[Slot] = []
        self.labels: list[list[int | None]] = [[None] * len(texts) for texts in docs]
        # link titles found in several scrapes (a related list's popular story, a sidebar
        # teaser): template enough to drop, never a fingerprint or cut marker
        self.links: set[int] = set()
        self._repeats()
        self._captions()
        self._skeletons()
        self._aligned()

    def release(self, s: int) -> None:
        """Slot s is article text after all: its lines become content, the slot stays empty."""
        for d, positions in self.slots[s].occ.items():
            for i in positions:
                self.labels[d][i] = None
        self.slots[s].occ, self.slots[s].starts = {}, {}

    def content(self, d: int) -> list[int]:
        """Positions of the non-blank lines of scrape d that belong to no slot: the article."""
        return [i for i, t in enumerate(self.docs[d]) if t and self.labels[d][i] is None]

    def _add(self, slot: Slot, lines: dict[int, list[int]]) -> None:
        index = len(self.slots)
        self.slots.append(slot)
        for d, positions in lines.items():
            slot.occ.setdefault(d, []).extend(positions)
            for i in positions:
                self.labels[d][i] = index

    def _repeats(self) -> None:
        by_skeleton: dict[tuple, dict[int, list[tuple[int, int]]]] = {}
        for d, texts in enumerate(self.docs):
            for start, end in repeated_runs(texts):
                by_skeleton.setdefault(skeleton(texts[start]), {}).setdefault(d, []).append((start, end))
        for runs in by_skeleton.values():
            if len(runs) < self.min_docs:
                continue
            starts = {d: [s for s, _ in rs] for d, rs in runs.items()}
            variants = list(dict.fromkeys(self.docs[d][s] for d, ss in starts.items() for s in ss))
            slot = Slot(generalise(variants), "repeat", starts=starts)
            self._add(slot, {d: [i for s, e in rs for i in range(s, e)] for d, rs in runs.items()})

    def _captions(self) -> None:
        """Photo captions: lines ending in a credit ("... Photo: Jane Roe / Riverside Post"),
        above the article or between its paragraphs, in most scrapes: furniture by shape, with
        the caption's words varying and the credit's cue and agency fixed."""
        found: dict[str, dict[int, list[int]]] = {}
        for d, texts in enumerate(self.docs):
            for i, text in enumerate(texts):
                short = len(text) <= MAX_CAPTION_CHARS  # CAPTION.search takes time quadratic in the line
                m = CAPTION.search(text) if text and short and self.labels[d][i] is None else None
                if m:
                    found.setdefault(m.group("cue").lower(), {}).setdefault(d, []).append(i)
        for lines in found.values():
            if len(lines) < self.min_docs:
                continue
            matches = [CAPTION.search(self.docs[d][i]) for d, pos in lines.items() for i in pos]
            heads = [m.string[: m.start("cue")] for m in matches if m]
            tail = generalise([m.string[m.start("cue") :] for m in matches if m])
            shape = Shape([Item("var", heads), *tail.items], [m.string for m in matches if m])
            self._add(Slot(shape, "caption", starts={d: list(p) for d, p in lines.items()}), lines)

    def _skeletons(self) -> None:
        found: dict[tuple, dict[int, list[int]]] = {}
        for d, texts in enumerate(self.docs):
            for i, text in enumerate(texts):
                if text and self.labels[d][i] is None:
                    found.setdefault(skeleton(text), {}).setdefault(d, []).append(i)
        for lines in found.values():
            if len(lines) < self.min_docs:
                continue
            variants = list(dict.fromkeys(self.docs[d][i] for d, pos in lines.items() for i in pos))
            self._add(Slot(generalise(variants), "line", starts={d: list(p) for d, p in lines.items()}), lines)

    def anchors(self) -> list[int]:
        """Slots found exactly once in every scrape, in an order every scrape agrees with."""
        n = len(self.docs)
        once = [
            s
            for s, slot in enumerate(self.slots)
            if slot.source == "line" and slot.docs == n and all(len(p) == 1 for p in slot.occ.values())
        ]
        once.sort(key=lambda s: self.slots[s].occ[0][0])
        # Longest chain increasing in every scrape (O(m²) over a page's few dozen anchors).
        best: list[list[int]] = []
        for k, s in enumerate(once):
            chain = [s]
            for j in range(k):
                prev = once[j]
                increasing = all(self.slots[prev].occ[d][0] < self.slots[s].occ[d][0] for d in range(n))
                if increasing and len(best[j]) + 1 > len(chain):
                    chain = [*best[j], s]
            best.append(chain)
        return max(best, key=len, default=[])

    def _aligned(self) -> None:
        """Pass 3: short lines between the same anchors that share most of their tokens."""
        n = len(self.docs)
        if n < 2 or self.min_docs > n:
            return
        anchors = self.anchors()
        bounds = [(-1, len(t)) for t in self.docs]
        edges = [[self.slots[a].occ[d][0] for a in anchors] for d in range(n)]
        self._extend_partial(edges)
        for g in range(len(anchors) + 1):
            gaps = []
            for d in range(n):
                lo = edges[d][g - 1] if g > 0 else bounds[d][0]
                hi = edges[d][g] if g < len(anchors) else bounds[d][1]
                gaps.append([i for i in range(lo + 1, hi) if self._candidate(d, i)])
            self._align_gap(gaps)

    def _gap(self, edges: list[list[int]], d: int, g: int) -> range:
        lo = edges[d][g - 1] if g > 0 else -1
        hi = edges[d][g] if g < len(edges[d]) else len(self.docs[d])
        return range(lo + 1, hi)

    def _extend_partial(self, edges: list[list[int]]) -> None:
        """A line found in most scrapes but worded differently in the others (a section name
        that three of four pages share): find it between the same anchors there too."""
        n = len(self.docs)
        for s, slot in enumerate(self.slots):
            if slot.source != "line" or slot.docs == n or any(len(p) != 1 for p in slot.occ.values()):
                continue
            d0 = next(iter(slot.occ))
            p0 = slot.occ[d0][0]
            g = sum(e < p0 for e in edges[d0])
            base = self.docs[d0][p0]
            add = {}
            for d in range(n):
                if d in slot.occ:
                    continue
                cands = [i for i in self._gap(edges, d, g) if self._candidate(d, i) and not self._inside_article(d, i)]
                best = max(((_similarity(base, skeleton(base), self.docs[d][i]), i) for i in cands), default=None)
                if best is None or best[0] < MIN_ALIGN_RATIO:
                    break
                add[d] = best[1]
            else:
                shape = generalise(slot.shape.variants + [self.docs[d][i] for d, i in add.items()])
                if _usable(shape):
                    slot.shape = shape
                    for d, i in add.items():
                        slot.occ[d], slot.starts[d] = [i], [i]
                        self.labels[d][i] = s

    def _candidate(self, d: int, i: int) -> bool:
        text = self.docs[d][i]
        return (
            bool(text) and self.labels[d][i] is None and not is_paragraph(text) and len(text.split()) <= MAX_META_WORDS
        )

    def _inside_article(self, d: int, i: int) -> bool:
        """Between two paragraphs: a line varying in words there is article text
        (a bullet point, a subheading), even when it looks like its peers elsewhere."""
        texts, labels = self.docs[d], self.labels[d]
        paras = [j for j, t in enumerate(texts) if t and labels[j] is None and is_paragraph(t)]
        return bool(paras) and paras[0] < i < paras[-1]

    def _byline_with_role(self, chosen: dict[int, int]) -> bool:
        """ "Jane Roe, Staff Writer" / "Ali Khan, Staff Writer" above the article: a name and
        a role in every scrape, not a list of categories. The role may vary from page to page
        ("Senior Reporter", "Photographer") when the line is the one right below the headline
        or above the dateline: a person's name (two or more words) and a short role."""
        variants = [self.docs[d][j] for d, j in chosen.items()]
        if not all(v.count(",") == 1 and NAME.fullmatch(v.split(",", 1)[0].strip()) for v in variants):
            return False
        firsts = {v.split(",", 1)[0].strip() for v in variants}
        roles = {v.rsplit(",", 1)[1].strip() for v in variants}
        if len(firsts) < 2 or not all(self._above_article(d, j) for d, j in chosen.items()):
            return False
        if len(roles) == 1:
            return True
        return all(
            len(v.split(",", 1)[0].split()) >= 2 and ROLE.fullmatch(v.split(",", 1)[1].strip()) for v in variants
        ) and all(self._next_is_dateline(d, j) for d, j in chosen.items())

    def _next_is_dateline(self, d: int, i: int) -> bool:
        """The next line of scrape d after i is a template line with a full date."""
        texts = self.docs[d]
        j = next((k for k in range(i + 1, len(texts)) if texts[k]), None)
        if j is None:
            return False
        label = self.labels[d][j]
        if label is None:  # not aligned yet (the gap is aligned top down): the line itself
            return _usable(generalise([texts[j]])) and has_date(generalise([texts[j]]))
        return has_date(self.slots[label].shape)

    def _above_article(self, d: int, i: int) -> bool:
        texts, labels = self.docs[d], self.labels[d]
        first = next((j for j, t in enumerate(texts) if t and labels[j] is None and is_paragraph(t)), None)
        return first is not None and i < first

    def _align_gap(self, gaps: list[list[int]]) -> None:
        for i in gaps[0]:
            base = skeleton(self.docs[0][i])
            chosen = {0: i}
            for d in range(1, len(gaps)):
                scored = [
                    (_similarity(self.docs[0][i], base, self.docs[d][j]), j)
                    for j in gaps[d]
                    if self.labels[d][j] is None
                ]
                best = max(scored, default=None)
                if best is None or best[0] < MIN_ALIGN_RATIO:
                    break
                chosen[d] = best[1]
            if len(chosen) < len(gaps) or any(self._inside_article(d, j) for d, j in chosen.items()):
                continue
            variants = [self.docs[d][j] for d, j in chosen.items()]
            shape = generalise(variants)
            if all(is_list_line(v) and ":" not in v for v in variants):
                if not self._byline_with_role(chosen):
                    continue  # a bare list ("Drinks, City Guides") is the article's categories, not template
                if not _usable(shape):
                    shape = _byline_shape(variants)
            if _usable(shape) or shape.groups():
                self._add(
                    Slot(shape, "aligned", starts={d: [j] for d, j in chosen.items()}),
                    {d: [j] for d, j in chosen.items()},
                )


NAME = regex.compile(NAME_RE)
# A caption: some words, then a credit to the end of the line: "Photo: Jane Roe / Site",
# "(Photo by Jane Roe)", "Image: Getty Images".
CAPTION = regex.compile(
    r"\S.*?(?:[.!?]\s+|\s[(\[]|\s[-–—|]\s)(?P<cue>(?i:photo|photograph|picture|image|illustration|credit|foto)s?"
    r"(?:\s+by|\s*:))\s+" + NAME_RE + r"(?:\s*[/|,]\s*\p{L}[\p{L} .&'-]{0,40})?[)\]]?$"
)
MAX_CAPTION_CHARS = 400  # a caption is a sentence or two and its credit
ROLE = regex.compile(r"\p{Lu}\p{L}*(?: \p{L}+){0,3}")  # "Staff Writer", "Local News Editor"
NAME_ROLE = regex.compile(NAME_RE + ", " + ROLE.pattern)
LABEL = regex.compile(r"^\p{L}[\p{L} ]{0,20}:")


def _byline_shape(variants: list[str]) -> Shape:
    """ "Jane Roe, Staff Writer" / "Ali Khan, Photographer": the name is the author, the role varies."""
    names = [v.split(",", 1)[0] for v in variants]
    rest = [v.split(",", 1)[1] for v in variants]
    roles = [r.lstrip() for r in rest]
    spaces = [r[: len(r) - len(r.lstrip())] for r in rest]
    items = []
    cue = names[0].split(" ", 1)[0]
    if cue.lower() in BYLINE_CUES and all(n.startswith(cue + " ") for n in names):  # "By Jane Roe, ..."
        items = [Item("lit", [cue] * len(variants)), Item("ws", [" "] * len(variants))]
        names = [n[len(cue) + 1 :] for n in names]
    items += [Item("var", names, group="author"), Item("lit", [","] * len(variants))]
    if all(spaces):
        items.append(Item("ws", spaces))
    items.append(Item("var", roles))
    return Shape(items, list(variants))


def _similarity(text: str, skel: tuple, other: str) -> float:
    """Share of tokens in common; lines opening with the same label ("Tags:") are one line."""
    label = LABEL.match(text)
    if label and other.startswith(label.group()):
        return 1.0
    if NAME_ROLE.fullmatch(text) and NAME_ROLE.fullmatch(other):
        return 1.0  # "Jane Roe, Staff Writer" / "Ali Khan, Photographer": one shape, all words varying
    return SequenceMatcher(None, skel, skeleton(other), autojunk=False).ratio()


def _usable(shape: Shape) -> bool:
    """Enough of the line is fixed text, and what varies is short (a name, a number)."""
    parts = shape.vars()
    classes = sum(i.kind in ("num", "mon", "day") for i in shape.items)
    anchored = shape.literal_letters() >= 2 or (classes >= 2 and len(parts) <= 1)  # "Food | 4 Mar 2024"
    short = all(v.words() <= (MAX_LIST_WORDS if any("," in x for x in v.values) else MAX_VAR_WORDS) for v in parts)
    return anchored and len(parts) <= 3 and short
