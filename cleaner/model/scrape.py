"""Another text scrape of the corpus's pages, for training: inscriptis, the scraper of the
dev set's text, so that the line model also learns that scraper's line breaks and bullets.

    pip install -e '.[train]'
    python -m cleaner.model.scrape --corpus /tmp/cleaner-corpus --out /tmp/corpus-inscriptis

Writes OUT/<set>/text/<id>.txt for every <set>/html/<id>.html of the corpus (train and val
alike: val is for measuring the trained model on this scrape too) and links OUT/<set>/gold
to the corpus's gold. The bytes are read as UTF-8, else cp1252, as the dev set's were.
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="the unpacked corpus (<set>/{html,gold})")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    from inscriptis import get_text  # the train extra

    for name in SETS:
        text = args.out / name / "text"
        text.mkdir(parents=True, exist_ok=True)
        gold = args.out / name / "gold"
        if not gold.exists():
            gold.symlink_to((args.corpus / name / "gold").resolve(), target_is_directory=True)
        pages = sorted((args.corpus / name / "html").glob("*.html"))
        for page in pages:
            (text / f"{page.stem}.txt").write_text(get_text(decoded(page.read_bytes())), encoding="utf-8")
        print(f"{name}: {len(pages)} pages scraped into {text}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
