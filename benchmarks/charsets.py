"""Re-encode UTF-8 text pages in legacy charsets and count how many clean byte-identical to
the UTF-8 original: how well decoding tells the charset.

Usage: python benchmarks/charsets.py [DIR ...] [--charsets cp1252,latin-1,...] [--list]

DIR defaults to the dev set's text pages (../shared/devset/text). A page counts for a
charset only if it can be encoded in it and the bytes differ from its UTF-8 (pure ASCII
tells nothing). For each charset: pages, identical, share, and the decodings chosen.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import cleaner

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "devset" / "text"
CHARSETS = "cp1252,latin-1,iso-8859-15,cp1250,iso-8859-2,cp1251,koi8-r,iso-8859-7,shift_jis,euc-jp,gb18030,big5"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT_DIR])
    ap.add_argument("--charsets", default=CHARSETS)
    ap.add_argument("--list", action="store_true", help="list the pages that clean differently")
    args = ap.parse_args()
    profiles = cleaner.load_profiles()
    pages = [p for d in args.dirs for p in sorted(d.glob("*.txt"))]
    originals = {}
    for path in pages:
        text = path.read_bytes().decode("utf-8", errors="strict")
        originals[path] = (text, cleaner.clean(text.encode("utf-8"), profiles=profiles).text)
    total = same_total = 0
    for charset in args.charsets.split(","):
        n = same = 0
        chosen: Counter[str] = Counter()
        for path, (text, clean_utf8) in originals.items():
            try:
                data = text.encode(charset)
            except UnicodeEncodeError:
                continue
            if data == text.encode("utf-8"):
                continue
            doc = cleaner.clean(data, profiles=profiles)
            chosen.update(s.split(":", 1)[1].split(" ")[0] for s in doc.steps if s.startswith("decode:"))
            n += 1
            if doc.text == clean_utf8:
                same += 1
            elif args.list:
                print(f"  {charset} {path.name}: {', '.join(doc.steps_of('decode'))}")
        total, same_total = total + n, same_total + same
        if n:
            top = ", ".join(f"{k} {v}" for k, v in chosen.most_common(3))
            print(f"{charset:12} {n:5} pages  {same:5} identical  {same / n:6.1%}   decoded as: {top}")
    if total:
        print(f"{'all':12} {total:5} pages  {same_total:5} identical  {same_total / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
