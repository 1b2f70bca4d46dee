"""The data that flows through the stages: every stage takes the run's Context and a
Document, and returns a new Document with what it did recorded on it.

A Document carries its text (`lines`), its metadata and provenance, and typed fields the
stages set for the stages after them (`html`, `extracted_by`, `body_rule`, `standfirst`, `added`,
`timeouts`); `steps` is the human-readable log of the same, for the JSON record and
`explain`, never read back to decide anything.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

    from cleaner.profiles import Profiles

# Metadata fields, in output order. Names follow trafilatura's where it has one.
META_FIELDS = ("title", "author", "date", "sitename", "url", "categories", "tags", "reading_time")
LIST_FIELDS = frozenset({"categories", "tags"})
INT_FIELDS = frozenset({"reading_time"})

# Bullet items are rendered as "- item"; the renderer keeps consecutive items together.
LIST_ITEM_PREFIX = "- "

# Seconds a profile rule may take on one document (cleaner.rules.base enforces it)
RULE_BUDGET = 2.0


class Structure(NamedTuple):
    """What a line is in the page's structure, for `--format markdown` and `xml`: the rules,
    heuristics and the text, json and jsonl outputs never read it. Set by the html stage from
    trafilatura's XML (headings, list items with their depth, quotes, table rows, link
    targets: cleaner.stages.html_structure). A text scrape's lines have none: cleaner.formats
    reads its "- item" lines as list items and takes its title from the metadata."""

    kind: str  # "heading", "item", "quote", "row" (a table row, cells "| a | b |"), "code" or "text"
    level: int = 0  # heading: 1-6; item: list depth, 1 for a top-level item; row: 1 for a header row
    # link (anchor text, target) pairs in the line, in order: markdown wraps the anchor's first
    # occurrence after the previous link's, while the line still holds it
    links: tuple[tuple[str, str], ...] = ()
    # the text holds its links and images as trafilatura writes them with --links and --images,
    # Markdown ("[anchor](target)", "![alt](src)"): xml makes them <ref> and <graphic> elements
    markdown: bool = False
    ordered: bool = False  # item: of a numbered list (<ol>): markdown numbers it, xml says rend="ol"


class Line(NamedTuple):
    """One line of the input: its 1-based number in the input file, its current text and,
    from an HTML page, where it stood in the page's structure (None: a plain paragraph, or
    unknown). A named tuple: pages have tens of thousands of lines, and a tuple is made 3x
    faster than a frozen dataclass. Stages that change the text use `line._replace(text=...)`
    so that the structure stays."""

    no: int
    text: str
    structure: Structure | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """A run of input lines removed by one rule, and why."""

    lines: tuple[int, int]  # 1-based, inclusive, in the input file
    rule: str  # "coinspeaker#2", "heuristic:alt-text", "metadata:title"
    kind: str  # the rule kind, e.g. "cut_after"
    why: str
    text: str  # the removed lines as they were when removed

    def as_dict(self) -> dict[str, Any]:
        return {"lines": list(self.lines), "rule": self.rule, "kind": self.kind, "why": self.why}


@dataclass(frozen=True, slots=True)
class PageRemoval:
    """A page element a site rule (`strip`, `strip_id_or_class`) removed before extraction:
    it has no lines in the extracted text, so it is named by its tag, id and classes."""

    element: str  # "div#related.related-links"
    rule: str  # "example#2", or "example.com.txt:7" for a line of a site config file
    kind: str
    why: str
    text: str  # the element's text, white space collapsed

    def as_dict(self) -> dict[str, Any]:
        return {"lines": None, "element": self.element, "rule": self.rule, "kind": self.kind, "why": self.why}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about the article. Every field may be empty (None or ()): a field is
    only set from what the page itself gives. `date` is ISO 8601 ("2024-04-21", or with a time
    "2024-04-21T16:45:00-04:00" when the page gives one); `categories` and `tags` keep the
    page's order; `reading_time` is minutes, as printed ("5 min read"), never estimated."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    reading_time: int | None = None

    def fill(self, **values: Any) -> Metadata:
        """Set the fields that are still empty; the first source to give a field wins."""
        new = {k: v for k, v in values.items() if v not in (None, (), "") and not getattr(self, k)}
        return dataclasses.replace(self, **new) if new else self

    def as_dict(self) -> dict[str, Any]:
        return {
            name: list(value) if name in LIST_FIELDS else value
            for name in META_FIELDS
            for value in [getattr(self, name)]
        }


@dataclass(frozen=True)
class Document:
    """One scrape after cleaning (what cleaner.clean() returns), immutable.

    Read `text` (the clean article text, blocks separated by one blank line, ending in a
    newline, or "" when nothing is left), `metadata` (Metadata), `profiles` (names of the
    profiles that matched, site profile first) and the provenance: `removals` (Removal: which
    rule removed which input lines, and why), `page_removals` (HTML elements site rules
    removed before extraction), `meta_sources` and `meta_notes` (where each metadata field was
    read, how a date was printed) and `steps` (a log of what was done: "decode:utf-8",
    "ftfy:fix_encoding"...). `to_dict()` / `to_json()` give the record `--format json` writes.
    The stages build it with `replace()` and `without()`; `lines` are the kept input lines
    with their input line numbers.
    """

    lines: tuple[Line, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    source: str | None = None
    matches: tuple[tuple[str, str], ...] = ()  # (profile, why it matched), site first
    removals: tuple[Removal, ...] = ()
    page_removals: tuple[PageRemoval, ...] = ()  # elements site rules removed from an HTML page
    meta_sources: tuple[tuple[str, str], ...] = ()  # (field, rule) for metadata that rules found
    # (field, note) on how a value was read: ("date", 'printed "Mar 3"; dropped: no year')
    meta_notes: tuple[tuple[str, str], ...] = ()
    steps: tuple[str, ...] = ()  # what was done, e.g. "decode:utf-8", "ftfy:fix_encoding"
    # How much generic cleaning the page gets ("full", "metadata" or "off") and the site
    # profile that decided it (None: no site profile matched, so "full"; "--no-heuristics":
    # the caller turned the heuristics off, so at most the headline is taken as title)
    generic: tuple[str, str | None] = ("full", None)
    raw: bytes | str | None = field(default=None, repr=False)  # the input, until decoded
    # The decoded page when the input is HTML, until the html stage extracts its text
    html: str | None = field(default=None, repr=False)
    # What made `lines` from an HTML page ("trafilatura"); None: the input was a text scrape
    extracted_by: str | None = None
    # The first line of the reader comments (HTML, --comments): the generic stage leaves them be
    comments_from: int | None = None
    # The site rule and selector that chose the article's element: ("example#1", "//article")
    body_rule: tuple[str, str] | None = None
    # How many of the first lines are the standfirst the extractor had left out, put back
    standfirst: int = 0
    # Lines (numbers) a second extractor found that the first had left out, put where the page has them
    added: tuple[int, ...] = ()
    # The profile rules that ran past their budget (their removals not made), in order
    timeouts: tuple[str, ...] = ()
    # Directives of matched site configs that cleaner does not apply: (config file, which and where)
    ignored: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        return render(self.lines)

    @property
    def profiles(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.matches)

    def to_dict(self) -> dict[str, Any]:
        """The record `cleaner clean --format json` writes for this document (text, metadata
        fields, profiles, source, decoding, Unicode fixes, removals); JSON-serialisable."""
        from cleaner.report import record

        return record(self)

    def to_json(self, indent: int | None = None) -> str:
        """to_dict() as JSON text (UTF-8 characters as they are, not escaped)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def steps_of(self, stage: str) -> list[str]:
        """What one stage recorded: steps_of("decode") -> ["utf-8"], steps_of("ftfy") -> the fixes."""
        return [s.removeprefix(f"{stage}:") for s in self.steps if s.startswith(f"{stage}:")]

    def replace(self, **changes: Any) -> Document:
        return dataclasses.replace(self, **changes)

    def without(self, drop: dict[int, Removal]) -> Document:
        """Remove the lines at the given positions, recording each removal."""
        if not drop:
            return self
        kept = tuple(line for i, line in enumerate(self.lines) if i not in drop)
        removals = self.removals + tuple(dict.fromkeys(drop.values()))
        return self.replace(lines=kept, removals=removals)


class Context(NamedTuple):
    """What every stage receives besides the document: the run's settings, fixed for a run."""

    profiles: Profiles
    profile: str = "auto"  # "auto", "none" or a profile name
    url: str | None = None
    heuristics: bool = True
    html: bool | None = None  # None: recognise HTML by its content
    rule_budget: float = RULE_BUDGET  # seconds each profile rule may take on one document
    # HTML: trafilatura's fast mode, its fallbacks only for a nearly empty extraction; text
    # scrapes: the heuristics instead of the line model
    fast: bool = False
    # The extractor's switches (trafilatura's names): what of an HTML page counts as main text
    tables: bool = True
    comments: bool = False
    links: bool = False  # link targets kept inline, "[text](target)", as trafilatura's text output has them
    images: bool = False
    # "precision", "recall" or None (balanced): trafilatura's focus on HTML, and on a text
    # scrape the generic stage's (cleaner.heuristics.analyse's `focus`)
    focus: str | None = None
    target_language: str | None = None  # ISO 639-1: an HTML page detected in another language is emptied
    structure: bool = False  # fill Line.structure (HTML) for --format markdown and xml


if TYPE_CHECKING:
    # Every stage: `run(doc, ctx) -> Document`, a new Document, the old one untouched.
    Stage = Callable[[Document, Context], Document]


def is_list_item(text: str) -> bool:
    return text.startswith(LIST_ITEM_PREFIX)


def render(lines: tuple[Line, ...] | list[Line]) -> str:
    """Lay out lines as blocks: one blank line between blocks, list items kept together.

    The input's blank lines mark block boundaries; a run of them counts as one, and the
    blank lines between two list items are dropped (a scrape often spaces items out).
    """
    out: list[str] = []
    pending_blank = False
    for line in lines:
        text = line.text
        if not text.strip():
            pending_blank = bool(out)
            continue
        if pending_blank and not (is_list_item(text) and is_list_item(out[-1])):
            out.append("")
        pending_blank = False
        out.append(text)
    return "\n".join(out) + "\n" if out else ""


def removals_at(lines: tuple[Line, ...], positions: list[int], *, rule: str, kind: str, why: str) -> dict[int, Removal]:
    """Group the positions into runs of consecutive input lines, one Removal per run.

    A run of blank lines alone is not a removal: blank lines only separate blocks,
    so they stay and the renderer collapses them.
    """
    result: dict[int, Removal] = {}
    run: list[int] = []

    def close() -> None:
        if run and any(lines[i].text.strip() for i in run):
            first, last = lines[run[0]], lines[run[-1]]
            text = "\n".join(lines[i].text for i in run)
            removal = Removal((first.no, last.no), rule, kind, why, text)
            result.update(dict.fromkeys(run, removal))
        run.clear()

    for pos in sorted(set(positions)):
        if run and lines[pos].no != lines[run[-1]].no + 1:
            close()
        run.append(pos)
    close()
    return result
