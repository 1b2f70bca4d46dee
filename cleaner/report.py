"""Render a Document: clean text, a JSON record, the removal report.

Used by the CLI and by the snapshot tests, so what is tested is what users see.
"""

from __future__ import annotations

import json
from typing import Any

from cleaner.document import Document

# txt is text's other name (trafilatura's); jsonl and csv go to one shared output, the
# others to a file per input (stdout for one input). cleaner.formats has csv, xml and markdown.
FORMATS = ("text", "txt", "json", "jsonl", "csv", "xml", "markdown")
SHARED = ("jsonl", "csv")
EXTENSIONS = {"text": ".txt", "txt": ".txt", "json": ".json", "xml": ".xml", "markdown": ".md"}
# The format an output's name asks for when --format is not given
NAMED = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".json": "json", ".xml": "xml", ".md": "markdown"}


def format_named_by(name: str) -> str | None:
    """The format an -o name's extension names (".gz" after it aside), or None."""
    base = name[:-3] if name.lower().endswith(".gz") else name
    dot = base.rfind(".")
    return NAMED.get(base[dot:].lower()) if dot > base.rfind("/") else None


def as_text(name: str) -> str:
    """A file name as text that JSON and UTF-8 can carry: bytes of a name that are not UTF-8
    (Python keeps them as lone surrogates) become U+FFFD."""
    return name if name.isascii() else name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def record(doc: Document) -> dict[str, Any]:
    """The JSON record of a document: text, metadata fields, profiles, source, how the
    bytes were decoded and which Unicode fixes were applied, removals."""
    return {
        "text": doc.text,
        **doc.metadata.as_dict(),
        "profile": list(doc.profiles),
        "source": as_text(doc.source) if doc.source is not None else None,
        "decoded": next(iter(doc.steps_of("decode")), None),
        "unicode_fixes": doc.steps_of("ftfy"),
        # page elements site rules removed before extraction ("lines": null) come first
        "removed": [r.as_dict() for r in doc.page_removals]
        + [r.as_dict() for r in sorted(doc.removals, key=lambda r: r.lines)],
    }


def header(fmt: str) -> str:
    """What a shared output starts with, once: the csv header row."""
    if fmt == "csv":
        from cleaner.formats import csv_header

        return csv_header()
    return ""


def render(doc: Document, fmt: str) -> str:
    if fmt in ("text", "txt"):
        return doc.text
    if fmt == "json":
        return json.dumps(record(doc), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(record(doc), ensure_ascii=False) + "\n"
    if fmt in ("csv", "xml", "markdown"):
        from cleaner import formats

        return {"csv": formats.csv_row, "xml": formats.xml_doc, "markdown": formats.markdown}[fmt](doc)
    raise ValueError(f"unknown format {fmt!r}")


def removal_report(doc: Document) -> str:
    """Each removal: input lines, rule and why, then the removed text, one `|` line each."""
    out = []
    for p in doc.page_removals:
        out.append(f"element {p.element}: {p.rule} ({p.kind}): {p.why}")
        out.append(f"    | {p.text}".rstrip())
    for r in sorted(doc.removals, key=lambda r: r.lines):
        first, last = r.lines
        span = f"line {first}" if first == last else f"lines {first}-{last}"
        out.append(f"{span}: {r.rule} ({r.kind}): {r.why}")
        out += [f"    | {line}".rstrip() for line in r.text.split("\n")]
    return "\n".join(out) + "\n" if out else ""


def metadata_report(doc: Document) -> str:
    """Metadata, matched profiles and processing steps as stable, readable JSON."""
    data = {
        **doc.metadata.as_dict(),
        "profile": [f"{name} ({why})" for name, why in doc.matches],
        "metadata_from": dict(doc.meta_sources),
        "steps": list(doc.steps),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
