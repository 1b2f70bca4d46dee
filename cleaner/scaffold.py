"""A starter profile from sample scrapes: what looks like boilerplate, as rules to review.

Suspects come from two places: what the generic heuristics remove from each sample,
and lines every sample shares although their articles differ. Each becomes a
`drop_line` rule whose `why` says where the suspicion came from.

A heuristic's suspicion alone is weak for a line found in only one sample (with one
sample, every line): it becomes a rule only if it is short and does not end like a
sentence, the shape of a menu, share bar or counter. Prose found once (an article's
closing appeal, a letter's "To the editor:") is the article's own text, never a rule.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex

from cleaner.errors import CleanerError
from cleaner.heuristics.body import TUNING
from cleaner.heuristics.lines import describe
from cleaner.pipeline import clean
from cleaner.profiles import GENERIC_DEFAULT, Profiles
from cleaner.toml_out import render

MAX_FINGERPRINTS = 3
# The heuristics that remove a line because it holds the page's metadata: its author, its date.
METADATA_HEURISTICS = frozenset({"heuristic:byline", "heuristic:date"})
SENTENCE_END = regex.compile(r"[.!?]['\"’”)]*$")
MIN_KEEP_WORDS = 8
# What a draft says about generic cleaning: the site default, which the drafted rules stand in for.
GENERIC_NOTE = (
    f'generic = "{GENERIC_DEFAULT}" (the site default): the generic stage removes no line here; the rules below do.'
)


def starter_profile(
    name: str,
    samples: list[Path],
    out_dir: Path,
    profiles: Profiles,
    skipped: Callable[[Path, Exception], None] | None = None,
) -> str | None:
    """The TOML text of a starter profile for the site the samples come from; for HTML
    samples, `body` and `strip` page rules first (cleaner.page_draft). A sample that cannot
    be cleaned (binary, HTML nested too deep) is left out and passed to `skipped`, or raises
    without it; None when no sample is left."""
    docs = []
    kept = []
    for s in samples:
        try:
            docs.append(clean(s.read_bytes(), profile="none", profiles=profiles, source=str(s)))
            kept.append(s)
        except (CleanerError, OSError) as err:
            if skipped is None:
                raise
            skipped(s, err)
    if not kept:
        return None
    samples = kept
    html = [d for d in docs if d.extracted_by is not None]
    if html and len(html) == len(docs):
        # the lines of HTML samples are those trafilatura extracts, not the markup's
        plain = [clean(s.read_bytes(), profile="none", profiles=profiles, heuristics=False) for s in samples]
        texts = [[line.text.strip() for line in d.lines] for d in plain]
    else:
        texts = [
            [line.strip() for line in s.read_text(encoding="utf-8", errors="replace").split("\n")] for s in samples
        ]

    meta_entries: list[dict] = []
    spared: set[str] = set()
    if not html and len(samples) > 1:
        from cleaner.learn.site import metadata_drafts

        meta_entries, spared = metadata_drafts(["\n".join(lines) for lines in texts])
    spared |= {d.metadata.title for d in docs if d.metadata.title}
    by_heuristic: dict[str, list[str]] = {}
    for doc in docs:
        for removal in doc.removals:
            if removal.rule.startswith("metadata:") or removal.rule in METADATA_HEURISTICS:
                continue  # the headline, byline and date line are metadata, not boilerplate
            for line in removal.text.split("\n"):
                if line.strip() and line.strip() not in by_heuristic.setdefault(removal.rule, []):
                    by_heuristic[removal.rule].append(line.strip())
    counts = Counter(line for lines in texts for line in set(lines) if line)  # samples each line is in
    shared: list[str] = []
    if len(samples) > 1:
        shared = [line for line in dict.fromkeys(texts[0]) if line and counts[line] == len(samples)]
        shared = [line for line in shared if line not in spared]
    for lines in by_heuristic.values():
        lines[:] = [line for line in lines if (counts[line] > 1 or _template_shaped(line)) and line not in spared]
    suspects = list(dict.fromkeys(shared + [line for lines in by_heuristic.values() for line in lines]))

    fingerprints = _fingerprints(shared or suspects)
    rules = []
    if shared:
        rules.append(
            (
                "drop_line",
                shared,
                f"in all {len(samples)} samples although the articles differ: site template? (review)",
            )
        )
    for rule, lines in by_heuristic.items():
        lines = [line for line in lines if line not in shared]
        if lines:
            rules.append(("drop_line", lines, f"suspected by {rule} (review)"))
    keep = _keep_snippets(docs)
    rel = [os.path.relpath(s.resolve(), out_dir.resolve()) for s in samples]

    comment = (
        f"Starter profile for {name}, written by `cleaner new`. Review every rule:\n"
        "delete what is article text, turn varying lines into drop_matching patterns,\n"
        "add the site's hosts = [...] when scrapes come with URLs,\n"
        'then run `cleaner check` until it says "no problems".\n' + GENERIC_NOTE
    )
    head = {
        "name": name,
        "description": f"{name} articles",
        "fingerprints": fingerprints,
        "samples": rel,
        "generic": GENERIC_DEFAULT,
    }
    if html and len(html) == len(docs):
        page_entries, hosts = _page_rules(samples, [d.text for d in docs], docs)
        if page_entries:
            # the line rules see the text the page rules leave: a line the body or a strip
            # rule takes away already would be a rule that matches nothing in any sample
            seen = _lines_after(page_entries, samples)
            rules = [(kind, [line for line in lines if line in seen], why) for kind, lines, why in rules]
            rules = [rule for rule in rules if rule[1]]
        entries = page_entries + [{"kind": kind, "text": lines, "why": why} for kind, lines, why in rules]
        if hosts:  # after the description, where a profile names its hosts
            head = {"name": name, "description": head["description"], "hosts": hosts} | head
    else:
        entries = meta_entries + [{"kind": kind, "text": lines, "why": why} for kind, lines, why in rules]
    return render(head, entries, {"keep": keep, "drop": suspects[:5]}, comment)


def _lines_after(page_entries: list[dict], samples: list[Path]) -> set[str]:
    """The lines of the samples' text with the drafted page rules applied (what line rules
    after them see), from a profile of those rules alone."""
    import tempfile

    from cleaner.profiles import load_profiles

    with tempfile.TemporaryDirectory() as folder:
        head = {"name": "draft", "description": "page rules of a draft", "generic": "off"}
        Path(folder, "draft.toml").write_text(render(head, page_entries, {}), encoding="utf-8")
        profiles = load_profiles([folder], builtin=False)
        docs = [clean(s.read_bytes(), profile="draft", profiles=profiles, heuristics=False) for s in samples]
    return {line.strip() for d in docs for line in d.text.split("\n")}


def _page_rules(samples: list[Path], articles: list[str], docs) -> tuple[list[dict], list[str]]:
    """`body` and `strip` rules for HTML samples, from what trafilatura takes as the article
    on each (cleaner.page_draft), and the hosts their canonical URLs name."""
    from cleaner.page_draft import draft
    from cleaner.stages.html_parse import parse
    from cleaner.urls import host

    trees = [parse(s.read_bytes().decode("utf-8", "replace")) for s in samples]
    hosts = list(dict.fromkeys(host(d.metadata.url).removeprefix("www.") for d in docs if host(d.metadata.url)))
    if any(t is None for t in trees):
        return [], hosts
    found = draft(trees, articles)
    if found.body is None:
        return [], hosts
    share = f"{round(found.body_cover * 100)}%"
    entries = [
        {
            "kind": "body",
            "select": [found.body],
            "why": f"holds at least {share} of the article trafilatura finds on each sample (review)",
        }
    ]
    if found.strip:
        why = "boxes inside the body, alike on every sample, without article text (review)"
        entries.append({"kind": "strip", "select": found.strip, "why": why})
    if found.alike:
        why = (
            f"boxes inside the body with the same text on all {len(samples)} samples although the articles"
            " differ: site template, not article text (review)"
        )
        entries.append({"kind": "strip", "select": list(found.alike), "why": why})
    return entries, hosts


def _template_shaped(line: str) -> bool:
    """Short and not ending like a sentence (the generic stage's own measures): a menu,
    share bar or counter, which one sample may show as boilerplate; prose it may not."""
    info = describe(0, line)
    return info.chars < TUNING.length_low and not info.sentence


def _fingerprints(lines: list[str]) -> list[str]:
    """The longest suspect lines, anchored: long template lines are the most distinctive."""
    ranked = sorted((line for line in lines if len(line) >= 12), key=len, reverse=True)[:MAX_FINGERPRINTS]
    return [f"^{regex.escape(line, literal_spaces=True)}$" for line in ranked]


def _keep_snippets(docs) -> list[str]:
    """The start of the first paragraph of prose in each sample's cleaned text."""
    snippets = []
    for doc in docs:
        for line in doc.lines:
            if len(line.text.split()) >= MIN_KEEP_WORDS and SENTENCE_END.search(line.text):
                snippets.append(" ".join(line.text.split()[:MIN_KEEP_WORDS]))
                break
    return list(dict.fromkeys(snippets))
