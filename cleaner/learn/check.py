"""Run draft rules over the scrapes they were learned from, exactly as the profile stage would,
so a rule that would eat article text is caught before it is written out."""

from __future__ import annotations

from typing import Any

from cleaner import rules as rule_kinds
from cleaner.document import Line
from cleaner.rules.base import LineView, Rule, build_options

COMMON = ("kind", "why", "id")


def compile_rule(entry: dict[str, Any]) -> Rule:
    """A rule from its profile entry; ValueError if the profile loader would reject it."""
    cls = rule_kinds.get(entry["kind"])
    options, issues = build_options(cls.Options, {k: v for k, v in entry.items() if k not in COMMON})
    issues = issues or cls.validate(options)
    if issues:
        raise ValueError(f"{entry['kind']}: {issues[0].message}")
    return cls(options)


def simulate(entries: list[dict[str, Any]], texts: list[str]) -> tuple[list[list[int]], dict[str, Any]]:
    """Per rule, the positions (in `texts`) it drops; and the metadata set (first wins)."""
    dropped, meta, _ = _run(entries, texts)
    return dropped, meta


def productive(entries: list[dict[str, Any]], docs: list[list[str]]) -> list[dict[str, Any]]:
    """The rules that drop a line or find metadata in at least one scrape; the others are
    redundant (an earlier rule already took their lines) and `cleaner check` would flag them."""
    fired: set[int] = set()
    for texts in docs:
        dropped, _, found = _run(entries, texts)
        fired |= {r for r, positions in enumerate(dropped) if positions or found[r]}
    return [e for r, e in enumerate(entries) if r in fired]


def _run(entries: list[dict[str, Any]], texts: list[str]) -> tuple[list[list[int]], dict[str, Any], list[bool]]:
    view = LineView([Line(i, t) for i, t in enumerate(texts)], list(texts))
    dropped: list[list[int]] = []
    found: list[bool] = []
    meta: dict[str, Any] = {}
    for entry in entries:
        hit = compile_rule(entry).apply(view)
        for name, value in hit.meta.items():
            meta.setdefault(name, value)
        dropped.append([view.lines[i].no for i in hit.drop])
        found.append(bool(hit.meta))
        view = view.without(hit.drop)
    return dropped, meta, found
