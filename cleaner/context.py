"""What every stage receives besides the document: the run's settings, fixed for a run."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from cleaner.rules.base import RULE_BUDGET

if TYPE_CHECKING:
    from collections.abc import Callable

    from cleaner.document import Document
    from cleaner.profiles import Profiles


class Context(NamedTuple):
    """What the stages need besides the document."""

    profiles: Profiles
    profile: str = "auto"  # "auto", "none" or a profile name
    url: str | None = None
    heuristics: bool = True
    html: bool | None = None  # None: recognise HTML by its content
    rule_budget: float = RULE_BUDGET  # seconds each profile rule may take on one document


if TYPE_CHECKING:
    # Every stage: `run(doc, ctx) -> Document`, a new Document, the old one untouched.
    Stage = Callable[[Document, Context], Document]
