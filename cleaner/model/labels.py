"""Line labels from a gold text: which lines of a scrape are article content.

A line is content when most of its tokens are aligned to the gold's tokens in order. The
alignment runs on the whole page's token sequence against the gold's (difflib's matching
blocks, the way the scorer's shingles see text: \\w+ tokens, case kept), so a word that
boilerplate shares with the article ("Share", "Comments") does not make it content unless
it sits in a run the gold has in the same order.

    python -m cleaner.model.labels --corpus /tmp/cleaner-corpus --split train [--oracle OUT]

prints, per set, how many lines are content, and with --oracle writes the content lines of
each page as OUT/<set>/<id>.txt and scores them with the corpus's score.py (the labels'
ceiling: a model can at best keep exactly these lines).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

TOKEN = re.compile(r"\w+")  # the scorer's tokens
MIN_SHARE = 0.5  # share of a line's tokens that must be aligned for it to be content
# A match this short is kept only inside a longer run: single common words ("the", "and")
# would otherwise pair boilerplate with whatever gold word is left over.
MIN_BLOCK = 2
SETS = ("dragnet", "cleaneval")
SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def label_lines(lines: list[str], gold: str) -> list[bool]:
    """Per line, whether it is content: at least MIN_SHARE of its tokens aligned to `gold`.
    Lines without tokens (blank, punctuation) carry nothing the scorer counts: False.

    >>> label_lines(["Home | News", "The cat sat on the mat.", "Share this"], "The cat sat on the mat.")
    [False, True, False]
    """
    ids: dict[str, int] = {}
    page: list[int] = []
    owner: list[int] = []  # line index of each page token
    for n, line in enumerate(lines):
        for tok in TOKEN.findall(line):
            page.append(ids.setdefault(tok, len(ids)))
            owner.append(n)
    ref = [ids.setdefault(tok, len(ids)) for tok in TOKEN.findall(gold)]
    matched = [0] * len(lines)
    total = [len(TOKEN.findall(line)) for line in lines]
    matcher = SequenceMatcher(None, page, ref, autojunk=False)
    for a, _, size in matcher.get_matching_blocks():
        if not size:  # the closing sentinel
            continue
        if size < MIN_BLOCK and not _whole_line(owner, total, a, size):
            continue
        for i in range(a, a + size):
            matched[owner[i]] += 1
    return [t > 0 and m / t >= MIN_SHARE for m, t in zip(matched, total, strict=True)]


def _whole_line(owner: list[int], total: list[int], a: int, size: int) -> bool:
    """A short match that is a whole one-token line ("Conclusion") counts."""
    return size == total[owner[a]] and (a == 0 or owner[a - 1] != owner[a])


def page_lines(data: bytes | str) -> list[str]:
    """The scrape's stripped lines as the generic stage sees them (the stages before the
    profiles: decoding, Unicode repair), "" for blank."""
    from cleaner.learn.lines import prepare  # imported only when labelling

    return prepare(data)


def labelled_pages(corpus: Path, name: str, ids: list[str]):
    """(id, lines, labels) for each page of one set."""
    for doc_id in ids:
        raw = (corpus / name / "text" / f"{doc_id}.txt").read_bytes()
        gold = (corpus / name / "gold" / f"{doc_id}.txt").read_text(encoding="utf-8")
        lines = page_lines(raw)
        yield doc_id, lines, label_lines(lines, gold)


def split_ids(name: str, part: str, shared: Path = SHARED) -> list[str]:
    return sorted(json.loads((shared / "split.json").read_text())[name][part])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--split", default="train", help="the split part: train (val is for measuring only)")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the folder with split.json and score.py")
    ap.add_argument("--oracle", type=Path, help="write the content lines here and score them")
    args = ap.parse_args(argv)
    for name in SETS:
        ids = split_ids(name, args.split, args.shared)
        lines_n = content_n = 0
        for doc_id, lines, labels in labelled_pages(args.corpus, name, ids):
            lines_n += sum(1 for t in lines if t)
            content_n += sum(labels)
            if args.oracle:
                out = args.oracle / name
                out.mkdir(parents=True, exist_ok=True)
                kept = [t for t, keep in zip(lines, labels, strict=True) if keep]
                (out / f"{doc_id}.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
        print(f"{name}:{args.split}: {len(ids)} pages, {lines_n} lines, {content_n} content")
        if args.oracle:
            cmd = [sys.executable, str(args.shared / "score.py"), str(args.oracle / name)]
            cmd += ["--gold", str(args.corpus / name / "gold"), "--split", f"{name}:{args.split}"]
            print("  oracle", subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
