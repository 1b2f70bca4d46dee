"""Another text of the corpus's pages, for training.

    pip install -e '.[train]'
    python -m cleaner.model.scrape --corpus /tmp/cleaner-corpus --out /tmp/corpus-inscriptis
    python -m cleaner.model.scrape --corpus /tmp/cleaner-corpus --out /tmp/corpus-extracted --tool extracted

--tool inscriptis (the default): a whole-page scrape by inscriptis, the scraper of the dev
set's text, so that the line model also learns that scraper's line breaks and bullets; the
bytes are read as UTF-8, else cp1252, as the dev set's were. --tool extracted: the lines
cleaner's generic stage reads on the page's HTML (trafilatura's main text after the stages
before it, no profile): scored as it is (score.py), what the HTML path gets with no generic
cleaning; labelled (cleaner.model.labels --oracle), the ceiling of any cleaning after it.

Writes OUT/<set>/text/<id>.txt for every <set>/html/<id>.html of the corpus (train and val
alike: val is for measuring the trained model on this text too) and links OUT/<set>/gold
to the corpus's gold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.model.labels import SETS


def decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def extracted(data: bytes) -> str:
    """What the generic stage reads on this HTML page: its lines after the stages before it."""
    from cleaner.document import Context, Document
    from cleaner.pipeline import builtin_profiles, run_before
    from cleaner.stages import heuristics

    ctx = Context(profiles=builtin_profiles(), profile="none", html=True)
    doc = run_before(heuristics.run, Document(raw=data), ctx)
    return "\n".join(line.text for line in doc.lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="the unpacked corpus (<set>/{html,gold})")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--tool", choices=("inscriptis", "extracted"), default="inscriptis")
    args = ap.parse_args(argv)
    if args.tool == "inscriptis":
        from inscriptis import get_text  # the train extra

        def scrape(data: bytes) -> str:
            return get_text(decoded(data))
    else:
        scrape = extracted

    for name in SETS:
        text = args.out / name / "text"
        text.mkdir(parents=True, exist_ok=True)
        gold = args.out / name / "gold"
        if not gold.exists():
            gold.symlink_to((args.corpus / name / "gold").resolve(), target_is_directory=True)
        pages = sorted((args.corpus / name / "html").glob("*.html"))
        for page in pages:
            (text / f"{page.stem}.txt").write_text(scrape(page.read_bytes()), encoding="utf-8")
        print(f"{name}: {len(pages)} pages scraped into {text}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
