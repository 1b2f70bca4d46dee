"""Re-encode UTF-8 text pages in legacy charsets and count how many clean byte-identical to
the UTF-8 original: how well decoding tells the charset.

Usage: python benchmarks/charsets.py [DIR ...] [--charsets cp1252,latin-1,...] [--list] [--short]

DIR defaults to the dev set's text pages (../shared/devset/text). A page counts for a
charset only if it can be encoded in it and the bytes differ from its UTF-8 (pure ASCII
tells nothing). For each charset: pages, identical, share, and the decodings chosen.

--short: lines instead of pages, where detectors have least to go on: SHORT_LINES lines of
15 to 80 characters with a non-ASCII one (a fixed sample), each re-encoded alone and
decoded (cleaner.stages.decode.decode_bytes); how many come back as they were.
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
    ap.add_argument("--short", action="store_true", help="short lines, not pages")
    args = ap.parse_args()
    pages = [p for d in args.dirs for p in sorted(d.glob("*.txt"))]
    if args.short:
        return short_lines(pages, args.charsets.split(","))
    profiles = cleaner.load_profiles()
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


SHORT_LINES = 3000


def short_lines(pages: list[Path], charsets: list[str]) -> int:
    import random

    from cleaner.errors import InputError
    from cleaner.stages.decode import decode_bytes

    lines = [
        line.strip()
        for path in pages
        for line in path.read_text(encoding="utf-8").splitlines()
        if 15 <= len(line.strip()) <= 80 and not line.strip().isascii()
    ]
    random.Random(5).shuffle(lines)
    for charset in charsets:
        n = same = 0
        for line in lines[:SHORT_LINES]:
            try:
                data = (line + "\n").encode(charset)
            except UnicodeEncodeError:
                continue
            n += 1
            try:
                same += decode_bytes(data)[0] == line + "\n"
            except InputError:
                pass
        if n:
            print(f"{charset:12} {n:5} lines  {same:5} read right  {same / n:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
