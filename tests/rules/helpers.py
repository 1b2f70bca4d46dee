"""Shared helpers for the rule tables: build a rule from raw profile options and run it."""

from __future__ import annotations

from typing import Any

from cleaner.rules.base import Rule, build_options, numbered

# Keys every [[rules]] table may have besides the kind's own options (see cleaner.profiles).
RULE_COMMON = ("kind", "why", "id")


def make_rule(rule_cls: type[Rule], options: dict[str, Any]) -> Rule:
    """The rule as a profile would load it; fails the test if the options have issues."""
    built, issues = build_options(rule_cls.Options, options)
    assert issues == [], f"unexpected option issues: {issues}"
    assert rule_cls.validate(built) == [], "unexpected validation issues"
    return rule_cls(built)


def apply_rule(rule_cls: type[Rule], text: str, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Run the rule over `text`: the kept lines joined with "\\n", and the metadata it set."""
    view = numbered(text)
    hit = make_rule(rule_cls, options).apply(view)
    assert all(0 <= i < len(view) for i in hit.drop), f"position out of range in {hit.drop}"
    assert len(set(hit.drop)) == len(hit.drop), f"duplicate positions in {hit.drop}"
    gone = set(hit.drop)
    kept = "\n".join(line.text for i, line in enumerate(view.lines) if i not in gone)
    return kept, hit.meta


def check_rule(rule_cls: type[Rule], text: str, options: dict[str, Any], kept: str, meta: dict | None) -> None:
    """Assert the kept text exactly; `meta=None` means the rule sets no metadata."""
    got_kept, got_meta = apply_rule(rule_cls, text, options)
    assert got_kept == kept
    assert got_meta == (meta if meta is not None else {})


def option_issues(rule_cls: type[Rule], raw: dict[str, Any]) -> list[str]:
    """The issue messages a profile loader would report for one [[rules]] table, in order:
    the common keys (kind, why, id) set aside, build_options first, then the rule's own
    validate once the options are built."""
    specific = {key: value for key, value in raw.items() if key not in RULE_COMMON}
    built, issues = build_options(rule_cls.Options, specific, also=RULE_COMMON)
    if built is not None:
        issues = rule_cls.validate(built)
    return [issue.message for issue in issues]


def page_hit(rule_cls: type[Rule], html: str, options: dict[str, Any]):
    """Run a page rule (cleaner.rules.page) on `html`: what it found, elements named as
    `removed` names them ("div#id.class")."""
    from lxml.html import fromstring

    from cleaner.rules.page import element_name

    hit = make_rule(rule_cls, options).apply_page(fromstring(html))  # type: ignore[attr-defined]
    return {
        "body": [element_name(e) for e in hit.body],
        "strip": [(element_name(e), selector) for e, selector in hit.strip],
        "meta": hit.meta,
        "selector": hit.selector,
    }
