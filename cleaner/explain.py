"""Show a cleaned document line by line: kept or removed, by which rule and why.

Every input line is either still in the document or inside exactly one Removal, so
the two together give back the whole input in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import click

from cleaner.document import Document, Removal
from cleaner.errors import timeout_warning


@dataclass(frozen=True)
class Row:
    no: int
    text: str
    removal: Removal | None  # None: kept


def rows(doc: Document) -> list[Row]:
    found: dict[int, Row] = {}
    for line in doc.lines:
        # HTML text gets a blank separator after each line, under the same number
        if line.text or line.no not in found:
            found[line.no] = Row(line.no, line.text, None)
    for removal in doc.removals:
        first, _ = removal.lines
        for offset, text in enumerate(removal.text.split("\n")):
            found[first + offset] = Row(first + offset, text, removal)
    return [found[no] for no in sorted(found)]


def as_dict(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source,
        "profiles": [{"name": name, "matched_by": why} for name, why in doc.matches],
        "generic": {"setting": doc.generic[0], "decided_by": doc.generic[1]},
        "steps": list(doc.steps),
        "timed_out": [timeout_warning(ref) for ref in doc.timeouts],
        "metadata": doc.metadata.as_dict(),
        "metadata_from": dict(doc.meta_sources),
        "metadata_notes": dict(doc.meta_notes),
        "page": {
            "body": body_rule(doc),
            "removed": [r.as_dict() | {"text": r.text} for r in doc.page_removals],
        },
        "lines": [
            {"line": r.no, "text": r.text, "kept": r.removal is None}
            | ({"rule": r.removal.rule, "kind": r.removal.kind, "why": r.removal.why} if r.removal else {})
            for r in rows(doc)
        ],
    }


def body_rule(doc: Document) -> str | None:
    """The site rule and selector that chose the article's element ("example#1 //article")."""
    return " ".join(doc.body_rule) if doc.body_rule else None


EXTRACTORS = {"json-ld": "the page's structured data (its JSON-LD articleBody)"}
SNIPPET = 100  # characters of a stripped element's text that explain shows


def page_lines(doc: Document, profiles: Any = None) -> list[str]:
    """What the site rules did to the HTML page: the body's selector, each strip."""
    out = []
    if chosen := body_rule(doc):
        out.append(f"html: article body chosen by {chosen}")
    for r in doc.page_removals:
        text = r.text if len(r.text) <= SNIPPET else r.text[: SNIPPET - 1] + "…"
        out.append(f'html: stripped {r.element} by {r.rule} ({r.kind}): {r.why}: "{text}"')
    return out


def spans(numbers: tuple[int, ...]) -> str:
    """Line numbers as runs: (4, 5, 6, 9) -> "4-6, 9"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in runs)


GENERIC_WORDS = {
    "full": "full",
    # the setting's own name first: a user read "full" for a profile that says "page" (new-user
    # trial of stop 40)
    "page": '"page": judged on the whole page as with no profile',
    "metadata": "metadata only",
    "off": "off",
}


def generic_line(doc: Document) -> str:
    """How much generic cleaning the page got and who decided: "metadata only (profile coinspeaker)"."""
    setting, by = doc.generic
    if by == "--no-heuristics":
        return "metadata only, no heuristics (--no-heuristics)"
    return f"{GENERIC_WORDS[setting]} ({f'profile {by}' if by else 'no site profile matched'})"


# Lines that went as metadata and the field they would fill
METADATA_LINES = (("author", "heuristic:byline", "byline"), ("date", "heuristic:date", "date line"))


def _unread_metadata(doc: Document, notes: dict[str, str]) -> list[str]:
    """A field left empty although a byline or date line went as metadata: a new user read the
    removal and the empty field as a contradiction (new-user trial of stop 40)."""
    out = []
    for name, rule, what in METADATA_LINES:
        if getattr(doc.metadata, name) is None and name not in notes:
            numbers = tuple(no for r in doc.removals if r.rule == rule for no in range(r.lines[0], r.lines[1] + 1))
            if len(numbers) == 1:
                out.append(
                    f"{name}: none (the {what} at line {numbers[0]} went as metadata, "
                    "but was not read as the article's)"
                )
            elif numbers:
                out.append(
                    f"{name}: none ({len(numbers)} {what}s went as metadata, from line {numbers[0]}; "
                    "none was read as the article's)"
                )
    return out


def render(doc: Document, color: bool | None = None) -> str:
    """Human-readable explanation; `color` styles it (click strips styles when not a terminal)."""

    def style(text: str, **kw: Any) -> str:
        return click.style(text, **kw) if color is not False else text

    out = [style(doc.source or "<input>", bold=True)]
    if doc.matches:
        out += [f"profile {style(name, bold=True)}: {why}" for name, why in doc.matches]
    else:
        out.append("profile: none matched")
    out.append(f"generic cleaning: {generic_line(doc)}")
    # a rule or fingerprint stopped by its time budget (attacker trial 2 of stop 36: explain
    # said "none matched" and nothing of the fingerprint that timed out)
    out += [style(timeout_warning(ref), fg="yellow") for ref in doc.timeouts]
    out += [f"site config {config}: not applied: {what}" for config, what in doc.ignored]
    decoding = doc.steps_of("decode")
    fixes = doc.steps_of("ftfy")
    out.append(f"decoded as: {', '.join(decoding) or 'text (already decoded)'}")
    out.append(f"unicode fixes: {', '.join(fixes) or 'none'}")
    out += [f"unicode: {step}" for step in doc.steps_of("unicode")]
    if doc.extracted_by is not None:
        lead = doc.standfirst
        added = f", plus {lead} standfirst line{'s' * (lead != 1)} it had left out, put first" if lead else ""
        if doc.added:
            more = len(doc.added)
            added += (
                f", plus {more} line{'s' * (more != 1)} of prose by resiliparse it had left out, put in place"
                f" ({'line' if more == 1 else 'lines'} {spans(doc.added)})"
            )
        out += page_lines(doc)
        by = EXTRACTORS.get(doc.extracted_by, doc.extracted_by)
        out.append(f"html: main text by {by}{added}")
        out += [f"html: {s}" for s in doc.steps_of("html") if s.startswith("metadata by")]
    sources, notes = dict(doc.meta_sources), dict(doc.meta_notes)
    for name, value in doc.metadata.as_dict().items():
        if value not in (None, []) or name in notes:
            about = [notes[name]] if name in notes else []
            about += [f"from {sources[name]}"] if name in sources else []
            origin = f"  ({', '.join(about)})" if about else ""
            out.append(f"{name}: {'none' if value is None else value}{origin}")
    out += _unread_metadata(doc, notes)
    out.append("")
    table = rows(doc)
    width = len(str(max((r.no for r in table), default=1)))
    current = None
    for row in table:
        if row.removal is not None and row.removal is not current:
            r = row.removal
            out.append(style(f"{'':>{width}}   ┌ {r.rule} ({r.kind}): {r.why}", fg="yellow"))
        current = row.removal
        if row.removal is None:
            out.append(f"{row.no:>{width}}   {row.text}".rstrip())
        else:
            out.append(style(f"{row.no:>{width}} - {row.text}".rstrip(), fg="red"))
    removed = sum(1 for r in table if r.removal is not None and r.text.strip())
    out.append("")
    matches = len(doc.removals)
    out.append(
        f"{removed} line{'s' * (removed != 1)} removed by {matches} rule match{'es' * (matches != 1)}; "
        "kept lines are shown normalised"
    )
    return "\n".join(out) + "\n"
