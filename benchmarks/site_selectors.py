"""Site page rules (body, strip) on the dragnet corpus: HTML F1 without and with them, per site.

Usage: python benchmarks/site_selectors.py [--corpus DIR] [--draft] [--rules DIR]

Several dragnet sites have pages in both train and val (the site is read from each page's
canonical URL, og:url or <base>). With --draft, a profile with `body` and `strip` rules is
drafted for each such site from its TRAIN pages only (cleaner.page_draft, given the train
pages' gold text as the article), and kept only if it raises the site's F1 on all its train
pages by MIN_GAIN with no train page losing more than MAX_PAGE_LOSS; the profiles are written
to benchmarks/site_rules/ (reviewable, committed).
Without --draft, those files are used as they are. Then every site's VAL pages are cleaned
through the HTML path without and with the site rules, and scored with the corpus's shingle
F1 (../shared/corpus/score.py), per site side by side. Val is never used to draft or keep.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import cleaner
from cleaner.page_draft import draft
from cleaner.stages.html_parse import parse
from cleaner.toml_out import render

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
RULES = Path(__file__).resolve().parent / "site_rules"
DEFAULT_CORPUS = Path("/tmp/cleaner-corpus")
URL = re.compile(
    r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)"""
    r"""|<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)"""
    r"""|<base[^>]+href=["']([^"']+)""",
    re.I,
)
MAX_DRAFT_PAGES = 5  # train pages a site's rules are drafted from (the first, by id)
MIN_GAIN = 0.005  # F1 a site's rules must add on its train pages to be kept: a rule earns its place
MAX_PAGE_LOSS = 0.005  # F1 any one train page may lose: a rule that helps most pages but hurts some is not kept


def scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", SHARED / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_of(html: str) -> str | None:
    match = URL.search(html)
    if not match:
        return None
    url = next(g for g in match.groups() if g)
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def sites(corpus: Path) -> dict[str, dict[str, list[str]]]:
    """{site: {"train": ids, "val": ids}} for the sites with 2+ train pages and 1+ val page."""
    split = json.loads((SHARED / "split.json").read_text())["dragnet"]
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"train": [], "val": []})
    for part in ("train", "val"):
        for page in sorted(split[part]):
            html = (corpus / "html" / f"{page}.html").read_text(encoding="utf-8", errors="replace")
            if site := site_of(html):
                found[site][part].append(page)
    return {s: parts for s, parts in sorted(found.items()) if len(parts["train"]) >= 2 and parts["val"]}


def clean_pages(corpus: Path, pages: list[str], profiles) -> dict[str, str]:
    out = {}
    for page in pages:
        data = (corpus / "html" / f"{page}.html").read_bytes()
        try:
            out[page] = cleaner.clean(data, profiles=profiles, html=True).text
        except cleaner.CleanerError:
            out[page] = ""
    return out


def gold(corpus: Path, pages: list[str]) -> dict[str, str]:
    return {p: (corpus / "gold" / f"{p}.txt").read_text(encoding="utf-8") for p in pages}


def profile_name(site: str) -> str:
    return "bench-" + re.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-")


def draft_site(corpus: Path, site: str, train: list[str], plain, score) -> str | None:
    """The TOML of the site's profile drafted from its train pages, if it helps there."""
    pages = train[:MAX_DRAFT_PAGES]
    trees = [parse((corpus / "html" / f"{p}.html").read_bytes().decode("utf-8", "replace")) for p in pages]
    golds = gold(corpus, pages)
    if any(t is None for t in trees):
        return None
    found = draft(trees, [golds[p] for p in pages])
    if found.body is None:
        return None
    head = {
        "name": profile_name(site),
        "description": f"{site}: body and strip rules drafted from dragnet train pages",
        "hosts": [site],
        "generic": "full",  # as without a profile: only the page rules differ
    }
    entries = [{"kind": "body", "select": [found.body], "why": "the article's element on the train pages"}]
    if found.strip:
        entries.append({"kind": "strip", "select": found.strip, "why": "boxes without article text on the train pages"})
    text = render(head, entries, {}, f"Drafted by benchmarks/site_selectors.py --draft from {len(pages)} train pages.")
    # kept only if the site's train pages get better together and none of them worse
    with_rules = _profiles_with(text, site)
    all_train = gold(corpus, train)
    without, ruled = clean_pages(corpus, train, plain), clean_pages(corpus, train, with_rules)
    before, after = score.score(all_train, without)["F1"], score.score(all_train, ruled)["F1"]
    worst = min(
        score.score({p: all_train[p]}, {p: ruled[p]})["F1"] - score.score({p: all_train[p]}, {p: without[p]})["F1"]
        for p in train
    )
    print(
        f"  {site}: body {found.body} strip {found.strip}: train F1 {before:.3f} -> {after:.3f}, "
        f"worst page {worst:+.3f}",
        file=sys.stderr,
    )
    return text if after >= before + MIN_GAIN and worst >= -MAX_PAGE_LOSS else None


def _profiles_with(text: str, site: str):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"{profile_name(site)}.toml").write_text(text, encoding="utf-8")
        return cleaner.load_profiles([tmp])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS / "dragnet")
    ap.add_argument("--draft", action="store_true", help="draft the site rules from train pages first")
    ap.add_argument("--rules", type=Path, default=RULES)
    args = ap.parse_args()
    score = scorer()
    found = sites(args.corpus)
    plain = cleaner.load_profiles()
    if args.draft:
        args.rules.mkdir(exist_ok=True)
        for old in args.rules.glob("*.toml"):
            old.unlink()
        for site, parts in found.items():
            if text := draft_site(args.corpus, site, parts["train"], plain, score):
                (args.rules / f"{profile_name(site)}.toml").write_text(text, encoding="utf-8")
    ruled = cleaner.load_profiles([args.rules])
    with_rules = {p.hosts[0] for p in ruled if p.name.startswith("bench-")}
    print(f"{len(found)} sites with train and val pages; {len(with_rules)} with a body rule from train pages")
    print(f"{'site':32} {'val':>4} {'F1 without':>10} {'F1 with':>8} {'change':>7}")
    all_gold, all_plain, all_ruled = {}, {}, {}
    worse = []
    for site, parts in found.items():
        if site not in with_rules:
            continue
        val = parts["val"]
        golds = gold(args.corpus, val)
        before, after = clean_pages(args.corpus, val, plain), clean_pages(args.corpus, val, ruled)
        f_before, f_after = score.score(golds, before)["F1"], score.score(golds, after)["F1"]
        all_gold |= golds
        all_plain |= before
        all_ruled |= after
        worse += [site] if f_after < f_before - 1e-9 else []
        print(f"{site:32} {len(val):>4} {f_before:>10.3f} {f_after:>8.3f} {f_after - f_before:>+7.3f}")
    total_before, total_after = score.score(all_gold, all_plain), score.score(all_gold, all_ruled)
    print(
        f"{'all these val pages':32} {len(all_gold):>4} {total_before['F1']:>10.3f} {total_after['F1']:>8.3f} "
        f"{total_after['F1'] - total_before['F1']:>+7.3f}"
    )
    print(f"sites worse with the rules: {', '.join(worse) or 'none'}")


if __name__ == "__main__":
    main()
