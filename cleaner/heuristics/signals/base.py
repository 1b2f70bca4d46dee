"""What every signal shares: the `Signal` (a name, a family, a why and a function over a
page's lines) and the `Page` (a document's non-blank lines as a table, a column per signal).

A signal is computed for the whole page at once: its function takes the page and returns
one value per non-blank line, in order (list in, list out), reading the columns of the
signals it builds on. The page computes each column when first asked for and keeps it,
so every signal is computed once per document, and only the signals asked for are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress, count
from typing import Any, Generic, TypeVar, cast

from cleaner.document import Line

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Signal(Generic[T]):
    name: str  # unique, kebab-case
    family: str  # the module it is defined in: shape, language, phrases, ...
    why: str  # what it tells about a line, and why that matters
    compute: Callable[[Page], list[T]]  # one value per non-blank line of the page


# Pages kept for Page.of (the heuristics' and the model's view of one document)
RECENT_PAGES = 2
_RECENT: dict[tuple[str, ...], Page] = {}


class Page:
    """One document's lines: the non-blank ones are the table's rows (`positions`), and
    `page[signal]` is that signal's column, one value per row (typed by the signal)."""

    __slots__ = ("_columns", "positions", "texts")

    def __init__(self, lines: Sequence[Line] | Sequence[str]):
        if lines and isinstance(lines[0], str):
            self.texts: list[str] = list(cast(Sequence[str], lines))
        else:
            self.texts = [line.text for line in cast(Sequence[Line], lines)]
        self.positions: list[int] = list(compress(count(), map(str.strip, self.texts)))  # the non-blank, in C
        self._columns: dict[str, list[Any]] = {}

    @classmethod
    def of(cls, lines: Sequence[Line] | Sequence[str]) -> Page:
        """The page of these lines, shared with the last few callers that asked for the same
        texts: the line model reads the signals the heuristics' analysis of the same page
        computed (a column is a function of the texts alone)."""
        page = cls(lines)
        key = tuple(page.texts)
        shared = _RECENT.get(key)
        if shared is not None:
            return shared
        if len(_RECENT) >= RECENT_PAGES:
            del _RECENT[next(iter(_RECENT))]
        _RECENT[key] = page
        return page

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, signal: Signal[T]) -> list[T]:
        column = self._columns.get(signal.name)
        if column is None:
            column = self._columns[signal.name] = signal.compute(self)
        return column
