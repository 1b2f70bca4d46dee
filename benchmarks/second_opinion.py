"""The HTML path's second opinion (cleaner.stages.html_second): F1 with and without it, and with
its constants set otherwise, on a part of the corpus (train, to choose; val, to measure).

Usage: python benchmarks/second_opinion.py [--parts dragnet:train,cleaneval:train] [--corpus DIR]
                                           [--set NAME=VALUE ...]

Per part, one process cleans each page (cleaner.clean(page_bytes, html=True), profiles as the
CLI loads them) three ways and prints score.py's P, R, F1 and how many lines were added:

  off      the second opinion turned off (html_second.merge keeps trafilatura's lines)
  shipped  the constants as they ship
  variant  with --set: the module's constants overridden (MIN_WORDS=15 EDGE_SHARE=1.0
           NEW_SHARE=0.5 NOT_ADDED="[id*=comment i]" ...), each parsed as the shipped
           value's type
The variant is what `--set` changes were chosen with on the train parts (see CHANGELOG).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import cleaner
from cleaner.stages import html_second

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_CORPUS = Path("/tmp/cleaner-corpus")


def score(part: str, out: Path, corpus: Path) -> str:
    gold = corpus / part.split(":")[0] / "gold"
    cmd = [sys.executable, str(SHARED / "score.py"), str(out), "--gold", str(gold), "--split", part]
    line = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    found = dict(re.findall(r"(\w+)=([\d.]+)", line))
    return f"P {found['P']}  R {found['R']}  F1 {found['F1']}"


def settings(pairs: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if not hasattr(html_second, name) or not name.isupper():
            raise SystemExit(f"--set {pair}: html_second has no constant {name}")
        out[name] = type(getattr(html_second, name))(value)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="dragnet:train,cleaneval:train")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    variant = settings(args.set)
    shipped = {name: getattr(html_second, name) for name in variant}
    merge = html_second.merge
    arms = {"off": None, "shipped": shipped} | ({"variant": variant} if variant else {})
    profiles = cleaner.load_profiles()
    split = json.loads((SHARED / "split.json").read_text())
    with tempfile.TemporaryDirectory(prefix="second-opinion-") as tmp:
        for part in args.parts.split(","):
            name, which = part.split(":")
            ids = sorted(split[name][which])
            print(f"{part}: {len(ids)} pages", flush=True)
            for arm, constants in arms.items():
                out = Path(tmp) / part.replace(":", "-") / arm
                out.mkdir(parents=True)
                if constants is None:
                    html_second.merge = lambda lines, *_a, **_k: html_second.Merged(list(lines), [])
                else:
                    html_second.merge = merge
                    for constant, value in constants.items():
                        setattr(html_second, constant, value)
                added = 0
                for stem in ids:
                    data = (args.corpus / name / "html" / f"{stem}.html").read_bytes()
                    try:
                        doc = cleaner.clean(data, html=True, profiles=profiles)
                    except cleaner.CleanerError:
                        (out / f"{stem}.txt").write_text("", encoding="utf-8")
                        continue
                    added += len(doc.added)
                    (out / f"{stem}.txt").write_text(doc.text, encoding="utf-8")
                print(f"  {arm:<8} {score(part, out, args.corpus)}  {added} lines added", flush=True)
            html_second.merge = merge
            for constant, value in shipped.items():
                setattr(html_second, constant, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
