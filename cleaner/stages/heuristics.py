"""Generic cleaning for what no profile describes, on the lines the profiles kept.

A text scrape goes to the line model (cleaner.model.stage): removals `model:boilerplate`,
plus the heuristics' byline and date lines (metadata) and image alt text. An extractor's
text (HTML through trafilatura) keeps the hand-written heuristics (cleaner.heuristics.apply,
removals `heuristic:<name>`): the model learned whole-page scrapes, where the header and
footer are still in. What a profile decided stays: its removals are done, and this stage
only fills metadata fields that are still empty. --no-heuristics turns both off.

The matching site profile's `generic` setting (doc.generic, set by the profile stage)
bounds this stage: "full" removes lines as above; "metadata" removes nothing and only
fills empty author/date from the page analysis; "off" skips the stage.
"""

from __future__ import annotations

from cleaner.context import Context
from cleaner.document import Document
from cleaner.heuristics import analyse
from cleaner.heuristics.apply import apply
from cleaner.model import stage as model_stage


def run(doc: Document, ctx: Context) -> Document:
    if not ctx.heuristics or doc.generic[0] == "off":
        return doc
    if doc.generic[0] == "metadata":
        verdict = analyse(doc.lines, extracted="html:trafilatura" in doc.steps)
        return doc.replace(metadata=doc.metadata.fill(author=verdict.author, date=verdict.date))
    if "html:trafilatura" in doc.steps:
        return apply(doc)
    return model_stage.run(doc, ctx, also=model_stage.BYLINE_DATE | model_stage.ALT_TEXT)
