"""Render a profile (from `cleaner learn` or `cleaner new`) as TOML, checked by parsing it back.

Patterns are written as literal strings ('...') so backslashes stay readable; a pattern
with a single quote falls back to '''...''', and one that cannot be either (a quote at
its end, control characters) to an escaped basic string.
"""

from __future__ import annotations

import tomllib
from typing import Any


def string(value: str) -> str:
    controls = any((ord(c) < 0x20 and c != "\t") or ord(c) == 0x7F for c in value)
    if not controls and "'" not in value:
        return f"'{value}'"
    if not controls and "'''" not in value and not value.endswith("'"):
        return f"'''{value}'''"
    out = []
    for c in value:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return string(v)
    if isinstance(v, list | tuple):
        if len(v) <= 1 and sum(len(x) for x in v) < 80:
            return "[" + ", ".join(value(x) for x in v) + "]"
        return "[\n" + "".join(f"    {value(x)},\n" for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def table(entries: dict[str, Any]) -> list[str]:
    return [f"{k} = {value(v)}" for k, v in entries.items() if v is not None]


def render(head: dict[str, Any], rules: list[dict[str, Any]], expect: dict[str, Any], comment: str = "") -> str:
    """The profile file; raises ValueError if it does not parse back to the same data."""
    parts = [f"# {line}".rstrip() for line in comment.splitlines()] + ["[profile]", *table(head)]
    for rule in rules:
        parts += ["", "[[rules]]", *table(rule)]
    expect = {k: v for k, v in expect.items() if v}
    if expect:
        parts += ["", "[expect]", *table(expect)]
    text = "\n".join(parts) + "\n"
    data = tomllib.loads(text)
    wanted: dict[str, Any] = {"profile": {k: _plain(v) for k, v in head.items() if v is not None}}
    if rules:
        wanted["rules"] = [{k: _plain(v) for k, v in r.items() if v is not None} for r in rules]
    if expect:
        wanted["expect"] = {k: _plain(v) for k, v in expect.items()}
    if data != wanted:
        raise ValueError("rendered TOML does not round-trip")
    return text


def _plain(v: Any) -> Any:
    return list(v) if isinstance(v, tuple) else v
