"""Where things are in a TOML file, so profile errors can name a line and column.

tomllib reports positions only for syntax errors; this quick scan of the raw text
records the header of every table and the key and string literals of every value.
It runs only on files that already parsed, so it can be forgiving.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import regex

KEY = regex.compile(
    r"""\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*"""
)
HEADER = regex.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]")

Where = tuple  # (table name or "", array index or None, key or None)


@dataclass(frozen=True)
class Spot:
    line: int
    col: int
    quote: str = ""  # opening quote of a string literal found here


@dataclass
class _Value:
    key: Spot
    literals: list[Spot] = field(default_factory=list)


class Locator:
    def __init__(self, source: str):
        self.lines = source.split("\n")
        self.tables: dict[Where, Spot] = {}
        self.values: dict[Where, _Value] = {}
        self._scan()

    def table(self, table: str, index: int | None = None) -> Spot:
        return self.tables.get((table, index), Spot(1, 1))

    def first(self, name: str) -> Spot | None:
        """Where a top-level name first appears: its table (or a subtable's, "[rule.sub]"), or a
        key at the top that holds it ("profile.name = ...", "profile = {...}")."""
        spots = [spot for (table, _), spot in self.tables.items() if table == name or table.startswith(f"{name}.")]
        spots += [
            value.key
            for (table, _, key), value in self.values.items()
            if table == "" and (key == name or key.startswith(f"{name}."))
        ]
        return min(spots, key=lambda spot: (spot.line, spot.col), default=None)

    def key(self, table: str, index: int | None, key: str) -> Spot:
        value = self.values.get((table, index, key))
        return value.key if value else self.table(table, index)

    def literal(self, table: str, index: int | None, key: str, element: int | None, offset: int | None) -> Spot:
        """The string literal of a value (or of one list element), moved to `offset` inside it
        when it is a literal string ('...'), where characters map one to one."""
        value = self.values.get((table, index, key))
        if value is None:
            return self.table(table, index)
        literals = value.literals
        at = element or 0
        if at >= len(literals):
            return value.key
        spot = literals[at]
        if offset is not None and spot.quote == "'":
            return Spot(spot.line, spot.col + 1 + offset, spot.quote)
        return spot

    def _scan(self) -> None:
        counts: dict[str, int] = defaultdict(int)
        current: tuple[str, int | None] = ("", None)
        row = 0
        while row < len(self.lines):
            text = self.lines[row]
            stripped = text.lstrip()
            if not stripped or stripped.startswith("#"):
                row += 1
                continue
            header = HEADER.match(text)
            if header and stripped.startswith("["):
                name = header.group(2).strip().strip("\"'")
                index = None
                if header.group(1) == "[[":
                    index = counts[name]
                    counts[name] += 1
                current = (name, index)
                self.tables[current] = Spot(row + 1, header.start(1) + 1)
                row += 1
                continue
            key = KEY.match(text)
            if not key:
                row += 1
                continue
            name = key.group(1).strip("\"'")
            value = _Value(Spot(row + 1, key.start(1) + 1))
            self.values[(*current, name)] = value
            # an array of inline tables at the top ("rules = [{kind = ...}, ...]") is an array
            # of tables, [[rules]]: its tables and their keys are found by the same names
            row = self._scan_value(row, key.end(), value, name if current == ("", None) else None)
            row += 1

    def _scan_value(self, row: int, col: int, value: _Value, tables: str | None = None) -> int:
        """Walk a value (possibly spanning lines); return the row where it ends. `tables`: the
        name its array's inline tables are found by (attacker trial of stop 51: at 1:1)."""
        depth = 0
        inner: _Value | None = None  # the inline table's key whose literals come now
        index = -1
        while row < len(self.lines):
            text = self.lines[row]
            while col < len(text):
                ch = text[col]
                if ch == "#":
                    break
                if ch in "[{":
                    depth += 1
                    if ch == "{" and depth == 2 and tables is not None:
                        index += 1
                        self.tables[(tables, index)] = Spot(row + 1, col + 1)
                elif ch in "]}":
                    depth -= 1
                    inner = inner if depth >= 2 else None
                elif ch in "'\"":
                    quote = text[col : col + 3] if text[col : col + 3] in ("'''", '"""') else ch
                    if depth <= 1:
                        value.literals.append(Spot(row + 1, col + 1, quote))
                    elif depth == 2 and inner is not None:
                        inner.literals.append(Spot(row + 1, col + 1, quote))
                    row, col = self._skip_string(row, col, quote)
                    text = self.lines[row]
                    continue
                if depth == 2 and tables is not None and index >= 0 and ch in "{,":
                    found = KEY.match(text, col + 1)
                    if found:
                        inner = _Value(Spot(row + 1, found.start(1) + 1))
                        self.values[(tables, index, found.group(1).strip("\"'"))] = inner
                        col = found.end()
                        continue
                col += 1
            if depth <= 0:
                return row
            row, col = row + 1, 0
        return row

    def _skip_string(self, row: int, col: int, quote: str) -> tuple[int, int]:
        col += len(quote)
        while row < len(self.lines):
            text = self.lines[row]
            while col < len(text):
                if quote[0] == '"' and text[col] == "\\":
                    col += 2
                    continue
                if text.startswith(quote, col):
                    return row, col + len(quote)
                col += 1
            if len(quote) == 1:  # single-line strings end at the line's end
                return row, col
            row, col = row + 1, 0
        return len(self.lines) - 1, 0


def deepest(source: str) -> Spot:
    """Where the most deeply nested value starts (its outermost bracket), for a file too
    deep for tomllib; a rough scan: quotes toggle, comments end at the line's end."""
    best = start = Spot(1, 1)
    depth = most = 0
    for row, text in enumerate(source.split("\n"), 1):
        quote = ""
        for col, ch in enumerate(text, 1):
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "'\"":
                quote = ch
            elif ch == "#":
                break
            elif ch in "[{":
                depth += 1
                start = Spot(row, col) if depth == 1 else start
                if depth > most:
                    most, best = depth, start
            elif ch in "]}":
                depth -= 1
    return best
