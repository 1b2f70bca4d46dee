"""On real sites, does a profile learned from five scrapes clean the site's other pages better
than the generic stage alone?

Usage: python benchmarks/learn_sites.py [--corpus DIR] [--split FILE] [--train K] [--show-profile SITE]
       [--tune] [--title] [--site HOST] [--jobs N]

The corpus is ../shared/corpus (see its README): DIR/dragnet/{html,text,gold}/<id>.*, unpacked
(default $CORPUS, else /tmp/cleaner-corpus), and split.json (default ../shared/corpus/split.json
beside the repository). Pages are grouped by site: the host of the HTML's canonical link or
og:url. For each site with >= K train pages and >= 1 val page, a profile is learned
(cleaner.learn.learn_site) from the text scrapes of its first K train pages (in id order) and
the site's val text scrapes are cleaned twice: with the unedited draft (profile=<draft>, the
generic setting the draft writes) and with the generic stage alone (profile="none"). Prints per
site the 4-gram shingle F1 of both (score.py's metric over the site's val pages: P and R
averaged over pages, F1 of the means), and the mean over sites. Only train pages are learned
from; val pages are only cleaned and scored.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import os
import sys
import tempfile
from pathlib import Path
from statistics import mean

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cleaner  # noqa: E402
from cleaner.check import check  # noqa: E402
from cleaner.learn.site import draft_site  # noqa: E402
from cleaner.model.sites import canonical_site  # noqa: E402

NOISE = 0.005  # a per-site difference below this is noise
SHARED = ROOT.parent / "shared" / "corpus"


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _report(result: tuple[list[str], tuple[float, float]]) -> tuple[float, float]:
    """Print one site's lines as they come (in site order); its (generic F1, draft F1)."""
    lines, row = result
    print("\n".join(lines), flush=True)
    return row


def _scored(doc: cleaner.Document, title: bool) -> str:
    """The text scored: the body, or with --title the title line above it (unless the body
    already has that line), since dragnet's gold often starts with the headline while our
    conventions move it to the title."""
    if not title or not doc.metadata.title or doc.metadata.title in doc.text.splitlines():
        return doc.text
    return f"{doc.metadata.title}\n\n{doc.text}"


def _one_site(job) -> tuple[list[str], tuple[float, float]]:
    """Learn one site's draft and score it: (the lines to print, (generic F1, draft F1))."""
    args, base, site, group = job
    score = load_score(args.split.with_name("score.py"))
    out: list[str] = []
    train = sorted(group["train"], key=lambda i: (len(i), i))[: args.train]
    val = sorted(group["val"], key=lambda i: (len(i), i))
    name = "learned-" + regex.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-")
    sources = [f"samples/{i}.txt" for i in train]
    draft = draft_site([read(base / "text" / f"{i}.txt") for i in train], name, sources=sources)
    toml = draft.toml
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "samples").mkdir()
            for i in train:
                Path(tmp, "samples", f"{i}.txt").write_text(read(base / "text" / f"{i}.txt"), encoding="utf-8")
            Path(tmp, f"{name}.toml").write_text(toml, encoding="utf-8")
            problems = check([Path(tmp, f"{name}.toml")])
        out.append(f"    cleaner check: {len(problems)} problems" + "".join(f"\n      {p}" for p in problems[:3]))
    if args.generic != "draft":
        toml = regex.sub(r"(?m)^generic = '\w+'", f"generic = '{args.generic}'", toml)
    if args.show_profile == site:
        out.append(toml)
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, f"{name}.toml").write_text(toml, encoding="utf-8")
        profiles = cleaner.load_profiles([tmp])
    gold = {i: read(base / "gold" / f"{i}.txt") for i in val}
    generic, cleaned = {}, {}
    for i in val:
        text = read(base / "text" / f"{i}.txt")
        generic[i] = _scored(cleaner.clean(text, profile="none"), args.title)
        cleaned[i] = _scored(cleaner.clean(text, profiles=profiles, profile=name), args.title)
    f_generic, f_draft = score.score(gold, generic)["F1"], score.score(gold, cleaned)["F1"]
    setting = regex.search(r"(?m)^generic = '(\w+)'", toml)
    out.append(
        f"{site[:32]:32s} {len(val):4d} {f_generic:8.3f} {f_draft:8.3f} {f_draft - f_generic:+7.3f}  "
        f"{setting.group(1) if setting else '?'}"
    )
    if args.estimates:
        out.append(f"    leave-one-out: {draft.estimate}")
    return out, (f_generic, f_draft)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("CORPUS", "/tmp/cleaner-corpus")))
    ap.add_argument("--split", type=Path, default=SHARED / "split.json")
    ap.add_argument("--set", default="dragnet")
    ap.add_argument("--train", type=int, default=5, help="train scrapes to learn from per site")
    ap.add_argument(
        "--generic",
        choices=["draft", "full", "page", "metadata", "off"],
        default="draft",
        help="the draft's generic setting (draft: as learned; else overridden, to compare)",
    )
    ap.add_argument(
        "--tune",
        action="store_true",
        help="measure on the site's other train pages instead of val (for tuning: never tune on val)",
    )
    ap.add_argument(
        "--title",
        action="store_true",
        help="score the title line above the text, both arms alike (dragnet's gold keeps the headline)",
    )
    ap.add_argument("--check", action="store_true", help="also run cleaner check on each draft with its samples")
    ap.add_argument("--estimates", action="store_true", help="print each draft's leave-one-out estimate")
    ap.add_argument("--site", default=None, help="only sites whose host contains this")
    ap.add_argument("--show-profile", default=None, help="print the draft learned for this site")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="sites learned in parallel")
    args = ap.parse_args()
    split = json.loads(args.split.read_text())[args.set]
    base = args.corpus / args.set
    groups: dict[str, dict[str, list[str]]] = {}
    for part in ("train", "val"):
        for doc_id in split[part]:
            site = canonical_site((base / "html" / f"{doc_id}.html").read_bytes())
            if site:
                groups.setdefault(site, {"train": [], "val": []})[part].append(doc_id)
    if args.tune:  # the train pages after the first K stand in for val
        for g in groups.values():
            g["train"].sort(key=lambda i: (len(i), i))
            g["val"] = g["train"][args.train :]
    sites = sorted(s for s, g in groups.items() if len(g["train"]) >= args.train and g["val"])
    if args.site:
        sites = [s for s in sites if args.site in s]
    part = "other train" if args.tune else "val"
    print(f"{args.set} ({part} pages): {len(sites)} sites with >= {args.train} train and >= 1 {part} pages")
    print(f"{'site':32s} {'val':>4s} {'generic':>8s} {'draft':>8s} {'diff':>7s}  generic setting")
    jobs = [(args, base, site, groups[site]) for site in sites]
    if args.jobs > 1 and len(jobs) > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = pool.imap(_one_site, jobs)
            rows = [_report(r) for r in results]
    else:
        rows = [_report(_one_site(job)) for job in jobs]
    if rows:
        g, d = mean(r[0] for r in rows), mean(r[1] for r in rows)
        worse = sum(r[1] < r[0] - 1e-9 for r in rows)
        noticeably = sum(r[1] < r[0] - NOISE for r in rows)
        print(f"{'mean':32s} {'':4s} {g:8.3f} {d:8.3f} {d - g:+7.3f}  worse than generic on {worse} of {len(rows)}")
        print(
            f"worse by more than {NOISE}: {noticeably} of {len(rows)}; "
            f"worst difference {min(r[1] - r[0] for r in rows):+.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
