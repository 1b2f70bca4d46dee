"""The named line signals of the generic stage, by family, registered by hand so the list
is easy to read (as cleaner.rules does with its rule kinds).

Each signal (cleaner.heuristics.signals.base.Signal) has a name, a family and a why, and
computes one column over a document's non-blank lines in one pass; `Page(lines)[signal]`
computes it (and the signals it reads) once per document. The page analysis
(cleaner.heuristics.analyse) and the line model's features (cleaner.model.features) read
the same columns.

  shape       text, words, characters, bullet, sentence end, truncated, text shape
  language    stop-word density
  phrases     phrase-category and counter labels (the data files), related lists
  repeats     short lines printed more than once
  meta        date lines, bylines, datelines
  position    blank lines around a line
  classes     jusText classes, alone and smoothed with the neighbours
  neighbours  (for the model) any signal at an offset or averaged over a window
"""

from __future__ import annotations

from typing import Any

from cleaner.heuristics.signals import classes, language, meta, phrases, position, repeats, shape
from cleaner.heuristics.signals.base import Page, Signal

__all__ = ["SIGNALS", "Page", "Signal"]

SIGNALS: tuple[Signal[Any], ...] = (
    *shape.SIGNALS,
    *language.SIGNALS,
    *phrases.SIGNALS,
    *repeats.SIGNALS,
    *meta.SIGNALS,
    *position.SIGNALS,
    *classes.SIGNALS,
)
