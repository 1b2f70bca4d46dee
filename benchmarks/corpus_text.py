"""Clean the corpus's text scrapes of one split part and score them with the corpus's score.py.

Usage: python benchmarks/corpus_text.py [--corpus DIR] [--parts dragnet:val,cleaneval:val]
                                        [--keep OUTDIR] [--no-heuristics]
                                        [--variant VARIANT] [--model FILE] [--precision | --recall]

DIR is the unpacked corpus (<set>/{text,gold}/<id>.txt; /work/shared/corpus/README.md).
Each part's pages are cleaned in-process with profile "auto", as the CLI does, written as
OUTDIR/<set>/<id>.txt and scored; the script prints score.py's line per part and the
cleaning throughput. Measurement only: val is never tuned on.

--variant swaps the generic stage: clean() as shipped (the default: the line model with the
heuristics' byline and date lines, share and follow lines, as model+standing), the hand-written
heuristics alone (cleaner.heuristics.apply, the generic stage before the model), the line model
alone (cleaner.model.stage, parameters from --model or the shipped file), or the model plus the
heuristics' phrase-category removals (+phrases), byline and date lines (+meta), those and the
share and follow lines (+standing) or phrases and meta both (+both).
--corpus may name another scrape of the same pages (<set>/{text,gold}, e.g. made with inscriptis).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cleaner
from cleaner.document import Context, Document
from cleaner.heuristics.apply import apply
from cleaner.model import predict
from cleaner.model import stage as model_stage
from cleaner.pipeline import STAGES
from cleaner.stages import heuristics

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_CORPUS = Path("/tmp/cleaner-corpus")


VARIANTS = ("shipped", "heuristics", "model", "model+phrases", "model+meta", "model+standing", "model+both")


def split_ids(name: str, part: str, shared: Path = SHARED) -> list[str]:
    return sorted(json.loads((shared / "split.json").read_text())[name][part])


def cleaner_for(variant: str, model_file: Path | None, heuristics_on: bool, focus: str | None = None):
    """clean(data, profiles) with the generic stage of the variant; `focus`: "precision",
    "recall" or None, as clean()'s switches."""
    if variant == "shipped":
        return lambda data, profiles: cleaner.clean(
            data,
            profiles=profiles,
            heuristics=heuristics_on,
            precision=focus == "precision",
            recall=focus == "recall",
        )
    model = predict.LineModel(json.loads(model_file.read_text())) if model_file else predict.load()
    also = {
        "heuristics": frozenset(),
        "model": frozenset(),
        "model+phrases": model_stage.PHRASES,
        "model+meta": model_stage.BYLINE_DATE,
        "model+standing": model_stage.STANDING,
        "model+both": model_stage.PHRASES | model_stage.BYLINE_DATE,
    }[variant]

    def generic(doc: Document, ctx: Context) -> Document:
        if variant == "heuristics":
            return apply(doc, focus=ctx.focus) if ctx.heuristics else doc
        return model_stage.run(doc, ctx, model=model, also=also)

    stages = [generic if s is heuristics.run else s for s in STAGES]

    def clean(data, profiles):
        ctx = Context(profiles=profiles, heuristics=heuristics_on, focus=focus)
        doc = Document(raw=data)
        for s in stages:
            doc = s(doc, ctx)
        return doc

    return clean


def focus_of(args) -> str | None:
    return "precision" if args.precision else "recall" if args.recall else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--parts", default="dragnet:val,cleaneval:val")
    ap.add_argument("--keep", type=Path, help="write outputs here instead of a temporary directory")
    ap.add_argument("--no-heuristics", action="store_true")
    ap.add_argument("--variant", choices=VARIANTS, default="shipped")
    ap.add_argument("--model", type=Path, help="line model parameters (default: the shipped file)")
    focus = ap.add_mutually_exclusive_group()
    focus.add_argument("--precision", action="store_true", help="as clean(precision=True)")
    focus.add_argument("--recall", action="store_true", help="as clean(recall=True)")
    args = ap.parse_args()
    profiles = cleaner.load_profiles()
    clean = cleaner_for(args.variant, args.model, not args.no_heuristics, focus_of(args))
    with tempfile.TemporaryDirectory(prefix="corpus-text-") as tmp:
        out_root = args.keep or Path(tmp)
        for spec in args.parts.split(","):
            name, part = spec.split(":")
            out = out_root / name
            out.mkdir(parents=True, exist_ok=True)
            elapsed, size = 0.0, 0
            for doc_id in split_ids(name, part):
                data = (args.corpus / name / "text" / f"{doc_id}.txt").read_bytes()
                start = time.perf_counter()
                doc = clean(data, profiles)
                elapsed += time.perf_counter() - start
                size += len(data)
                (out / f"{doc_id}.txt").write_text(doc.text, encoding="utf-8")
            cmd = [sys.executable, str(SHARED / "score.py"), str(out), "--gold", str(args.corpus / name / "gold")]
            scored = subprocess.run([*cmd, "--split", spec], capture_output=True, text=True, check=True)
            print(f"{spec:<16} {scored.stdout.strip()}  {size / 1e6 / elapsed:.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
