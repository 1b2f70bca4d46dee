"""The generic stage with the line model deciding: each removal is `model:boilerplate`.

Today's heuristics still run first: their verdict on each line is one of the model's
features, and their byline and date fill the metadata. With `phrases`, the lines that
name themselves as boilerplate (a phrase family or a counter) also go whatever the model
says, as `heuristic:<name>`.
"""

from __future__ import annotations

from cleaner.context import Context
from cleaner.document import Document, Removal, removals_at
from cleaner.heuristics import WHY
from cleaner.model.features import CATEGORIES, heuristic_pass, page_features
from cleaner.model.predict import LineModel, load

MAX_PASSES = 4
WHY_MODEL = "scored as boilerplate by the line model with its neighbours"


def run(doc: Document, ctx: Context, model: LineModel | None = None, phrases: bool = False) -> Document:
    if not ctx.heuristics:
        return doc
    model = model or load()
    # As the heuristics do: run to a fixed point, so that cleaning the output again
    # finds nothing more to remove.
    for _ in range(MAX_PASSES):
        verdict, metadata = heuristic_pass(doc)
        positions, rows = page_features(doc.lines, verdict)
        if not rows:
            break
        probs = model.probabilities(rows)
        keep = model.decide(probs)
        drop: dict[int, Removal] = {}
        if phrases:
            for pos in positions:
                name = verdict.get(pos)
                if name in CATEGORIES:
                    drop |= removals_at(doc.lines, [pos], rule=f"heuristic:{name}", kind="heuristic", why=WHY[name])
        prob_at = dict(zip(positions, probs, strict=True))
        run_: list[int] = []
        for pos, k in [*zip(positions, keep, strict=True), (-1, True)]:
            if not k and pos not in drop:
                run_.append(pos)
                continue
            if run_:
                top = max(prob_at[i] for i in run_)
                why = f"{WHY_MODEL} (p(content) {top:.2f} at most)"
                drop |= removals_at(doc.lines, run_, rule="model:boilerplate", kind="heuristic", why=why)
                run_ = []
        if not drop:
            break
        doc = doc.without(drop).replace(metadata=doc.metadata.fill(author=metadata[0], date=metadata[1]))
    return doc
