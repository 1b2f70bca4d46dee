"""A starter profile from sample scrapes: what looks like boilerplate, as rules to review.

Suspects come from two places: what the generic heuristics remove from each sample,
and lines every sample shares although their articles differ. Each becomes a
`drop_line` rule whose `why` says where the suspicion came from.

A heuristic's suspicion alone is weak for a line found in only one sample (with one
sample, every line): it becomes a rule only if it is short and does not end like a
sentence, the shape of a menu, share bar or counter. Prose found once (an article's
closing appeal, a letter's "To the editor:") is the article's own text, never a rule.

A list of teasers under a "Related posts" heading holds other articles' headlines: a
`drop_line` of one would take that article's own headline, so the list becomes one cut
(`cut_after`, or `drop_between` up to the next template line) on its heading, or no rule.

The draft is tried on its samples before it is written: rules that match nothing go, the
`[expect]` snippets are those the draft keeps and removes, and `generic` stays the site
default ("metadata") only when the rules remove all that the generic stage removes, short of
prose found in one sample of several; else it is "full", so that the draft cleans the site's
other articles no worse than no profile does.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex

from cleaner.errors import CleanerError, InputError
from cleaner.heuristics.body import TUNING
from cleaner.heuristics.lines import describe
from cleaner.heuristics.phrases import boilerplate_label, generic_line
from cleaner.learn.shapes import FINGERPRINT_CHARS, year_free
from cleaner.pipeline import clean
from cleaner.profiles import GENERIC_DEFAULT, Profiles
from cleaner.stages.decode import text_of
from cleaner.stages.normalise import collapse_spaces
from cleaner.toml_out import render

MAX_FINGERPRINTS = 3
# The heuristics that remove a line because it holds the page's metadata: its author, its date.
METADATA_HEURISTICS = frozenset({"heuristic:byline", "heuristic:date"})
SENTENCE_END = regex.compile(r"[.!?]['\"’”)]*$")
MIN_KEEP_WORDS = 8
# The heuristics that remove the lines of a teaser list under a "Related" heading.
TEASER_RULES = frozenset({"heuristic:related", "heuristic:footer"})
MODEL_RULE = "model:boilerplate"
MAX_HEADING_WORDS = 8
# The heuristics that remove a line for its place alone, above or below the article.
POSITIONAL = frozenset({"heuristic:header", "heuristic:footer"})
MIN_HEADLINE_WORDS = 4
SEPARATOR = regex.compile(r"[|·•›»/]|\s[-–—]\s")
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
            data = s.read_bytes()
            if not text_of(data).strip():
                raise InputError("empty: no text")
            docs.append(clean(data, profile="none", profiles=profiles, source=str(s)))
            kept.append(s)
        except (CleanerError, OSError) as err:
            if skipped is None:
                raise
            skipped(s, err)
    if not kept:
        return None
    samples = kept
    html = [d for d in docs if d.extracted_by is not None]
    all_html = bool(html) and len(html) == len(docs)
    if all_html:
        # the lines of HTML samples are those trafilatura extracts, not the markup's
        plain = [clean(s.read_bytes(), profile="none", profiles=profiles, heuristics=False) for s in samples]
        texts = [[collapse_spaces(line.text) for line in d.lines] for d in plain]  # as rules see them
    else:
        texts = [[collapse_spaces(line) for line in text_of(s.read_bytes()).split("\n")] for s in samples]

    meta_entries: list[dict] = []
    spared: set[str] = set()
    if not html and len(samples) > 1:
        from cleaner.learn.site import metadata_drafts

        meta_entries, spared = metadata_drafts(["\n".join(lines) for lines in texts])
    spared |= {d.metadata.title for d in docs if d.metadata.title}
    # other articles' headlines in teaser lists: never a rule, a fingerprint or an expect.drop
    teasers = _teasers(docs)
    spared |= {line for found in teasers.values() for items, _ in found for line in items}
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
    for rule, lines in by_heuristic.items():
        once = [line for line in lines if counts[line] <= 1]  # one sample's: short, no sentence, no headline
        once = [line for line in once if _template_shaped(line) and not _headline_shaped(line, rule)]
        lines[:] = [line for line in lines if (counts[line] > 1 or line in once) and line not in spared]

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
        # lines that differ in their figures only ("Listen to this story · 3:12" / "· 4:05") are
        # one pattern, which another article's line matches too (new-user trial of stop 52: the
        # literal lines matched nothing on the site's next page)
        by_shape: dict[str, list[str]] = {}
        for line in lines:
            by_shape.setdefault(_figures_pattern(line), []).append(line)
        # a pattern of figures alone ("^\d+$" from share counts) would take a year heading or a
        # score too (second attacker trial of stop 52): words must be left to name the line
        worded = {pattern for pattern in by_shape if regex.search(r"\p{L}", pattern.replace(r"\d", ""))}
        by_shape = {pattern: alike for pattern, alike in by_shape.items() if pattern in worded or len(alike) < 2}
        literal = [line for line in lines if len(by_shape.get(_figures_pattern(line), [])) < 2]
        if literal:
            rules.append(("drop_line", literal, f"suspected by {rule} (review)"))
        for pattern, alike in by_shape.items():
            if len(alike) >= 2:
                rules.append(("drop_matching", [pattern], f"suspected by {rule}, its figures varying (review)"))
    rel = [os.path.relpath(os.path.abspath(s), out_dir.resolve()) for s in samples]  # a symlink by its own name

    head: dict = {"name": name, "description": f"{name} articles"}
    page_entries: list[dict] = []
    if all_html:
        page_entries, hosts = _page_rules(samples, [d.text for d in docs], docs)
        if page_entries:
            # the line rules see the text the page rules leave: a line the body or a strip
            # rule takes away already would be a rule that matches nothing in any sample
            seen = _lines_after(page_entries, samples)
            rules = [(kind, [x for x in lines if x in seen or kind != "drop_line"], why) for kind, lines, why in rules]
            rules = [rule for rule in rules if rule[1]]
        if hosts:  # after the description, where a profile names its hosts
            head["hosts"] = hosts
    else:
        page_entries = meta_entries
    dropped = {line for _, lines, _ in rules for line in lines}
    before, after, cut_at = _teaser_rules(teasers, dropped)
    # a teaser list's heading is no drop_line: a rule cutting there needs it, and without one
    # the generic stage needs it to see the list
    rules = [(kind, [line for line in lines if line not in teasers], why) for kind, lines, why in rules]
    rules = [rule for rule in rules if rule[1]]
    field = {"drop_matching": "pattern"}  # the other kinds drafted here name their lines
    lines_entries = [{"kind": kind, field.get(kind, "text"): lines, "why": why} for kind, lines, why in rules]
    entries = page_entries + before + lines_entries + after
    head |= {"fingerprints": fingerprints, "samples": rel, "generic": GENERIC_DEFAULT}

    # tried on its samples: rules that match nothing go, generic is decided, [expect] is what it does
    note = GENERIC_NOTE
    trial = _trial(name, head, entries, samples, profiles)
    if trial is None:  # a draft that does not load: written as drafted, for check to report
        expect = {"keep": _keep_snippets(docs), "drop": [*cut_at, *suspects][:5]}
        return render(head, entries, expect, _comment(name, note))
    entries = [entry for entry, fires in zip(entries, _fired(name, entries, trial), strict=True) if fires]
    protected = {line for line in counts if len(samples) > 1 and counts[line] == 1 and not _template_shaped(line)}
    left = _left_over(docs, trial, protected)
    # a line of one sample's, drafted as it reads ("Harbourton 13°C Sunny"), covers that sample
    # only: the site's next page prints another, which the generic stage must still find
    # (new-user trial of stop 54: a "metadata" draft kept more boilerplate than no profile)
    # (one sample tells no template line from one of its own: left to the check above)
    one_page = [line for kind, lines, _ in rules if kind == "drop_line" for line in lines if counts[line] < 2]
    one_page = one_page if len(samples) > 1 else []
    if left or one_page:
        # "page", not "full": the generic stage judges the page as with no profile, so the rules'
        # removals (a "Related articles" heading, "Reply") cannot hide from it what they mark
        # (new-user trial of stop 41: a "full" draft kept the related headlines and comments
        # that no profile at all removed)
        head["generic"] = "page"
        if left:
            why = f"on its samples the rules below leave {len(left)} line{'s' * (len(left) > 1)} that the generic stage"
            why += f' removes\n(e.g. "{_short(left[0])}")'
            until = "rules cover such lines"
        else:
            why = f"{len(one_page)} of the lines its rules name {'are' if len(one_page) > 1 else 'is'} one sample's"
            why += f' only\n(e.g. "{_short(one_page[0])}"), which the site\'s other pages do not print'
            until = "patterns cover such lines on every page"
        note = f'generic = "page": {why}, so it judges the page as with no profile; "metadata" once {until}.'
    trial = _trial(name, head, entries, samples, profiles) or []
    return render(head, entries, _expect(trial, [*cut_at, *suspects]), _comment(name, note))


def _figures_pattern(line: str) -> str:
    """The line as a pattern in which each run of digits is any number: its figures vary."""
    return "^" + r"\d+".join(regex.escape(part, literal_spaces=True) for part in regex.split(r"\d+", line)) + "$"


def _comment(name: str, note: str) -> str:
    return (
        f"Starter profile for {name}, written by `cleaner new`. Review every rule:\n"
        "delete what is article text, turn varying lines into drop_matching patterns,\n"
        "add the site's hosts = [...] when scrapes come with URLs,\n"
        'then run `cleaner check` until it says "no problems".\n' + note
    )


def _short(line: str, most: int = 40) -> str:
    return line if len(line) <= most else line[: most - 1].rstrip() + "…"


def _sequence(doc) -> list[tuple[int, str, str | None]]:
    """The non-blank lines of a cleaned sample in input order: (number, text, the rule that
    removed it or None when kept)."""
    found: list[tuple[int, str, str | None]] = [(line.no, line.text.strip(), None) for line in doc.lines]
    for removal in doc.removals:
        for k, text in enumerate(removal.text.split("\n")):
            found.append((removal.lines[0] + k, text.strip(), removal.rule))
    return sorted((entry for entry in found if entry[1]), key=lambda entry: entry[0])


def _teasers(docs) -> dict[str, list[tuple[list[str], list[tuple[str, str | None]]]]]:
    """Teaser lists: a short heading the generic stage removes as a related-stories heading,
    and the lines under it it removes as related links or site footer (other articles'
    headlines). By heading: on each sample that has it, the list's lines and what follows them."""
    found: dict[str, list[tuple[list[str], list[tuple[str, str | None]]]]] = {}
    for doc in docs:
        seq = _sequence(doc)
        n = 0
        while n < len(seq):
            _, heading, rule = seq[n]
            n += 1
            if not _related_heading(heading, rule) or not _template_shaped(heading):
                continue
            items = []
            while n < len(seq) and _teaser(*seq[n][1:]):
                items.append(seq[n][1])
                n += 1
            if items:
                found.setdefault(heading, []).append((items, [(text, why) for _, text, why in seq[n:]]))
    return found


def _related_heading(text: str, rule: str | None) -> bool:
    """A related-stories heading the generic stage removed: as such, or (the line model's
    removals name no heuristic: new-user trial of stop 41, a draft named the headlines under
    "Related articles" one by one) a line the phrase data calls one."""
    if rule is None or len(text.split()) > MAX_HEADING_WORDS:
        return False
    named = boilerplate_label(text, len(text.split()))
    return rule == "heuristic:related" or (rule == MODEL_RULE and named == "related")


def _teaser(text: str, rule: str | None) -> bool:
    """A line of a teaser list: removed as related links or footer, or by the line model and
    naming itself as nothing else (a newsletter box's heading ends the list)."""
    if rule in TEASER_RULES:
        return True
    return rule == MODEL_RULE and boilerplate_label(text, len(text.split())) in (None, "related")


def _teaser_rules(teasers: dict, dropped: set[str]) -> tuple[list[dict], list[dict], list[str]]:
    """A rule per teaser list's heading that takes the list: `cut_after` where nothing after
    the heading is article text on any sample, to run after the drop_line rules (`dropped`,
    the lines they take), else `drop_between` the heading and the line after the list, the
    same on every sample and one the generic stage removes, to run before them; else none.
    Those to run before the drop_line rules, those to run after, the headings they cut at."""
    before, after, headings = [], [], []
    for heading, found in teasers.items():
        rests = [[(text, rule) for text, rule in rest if text not in dropped] for _, rest in found]
        if all(rule is not None for rest in rests for _, rule in rest):
            why = f'"{heading}" heads a list of other articles\' headlines; nothing after it is article text (review)'
            after.append({"kind": "cut_after", "text": heading, "why": why})
            headings.append(heading)
            continue
        ends = {rest[0] if rest else None for _, rest in found}
        end = ends.pop() if len(ends) == 1 else None
        if end is not None and end[1] is not None:
            why = f'"{heading}" heads a list of other articles\' headlines, up to "{end[0]}" (review)'
            start = f"^{regex.escape(heading, literal_spaces=True)}$"
            stop = f"^{regex.escape(end[0], literal_spaces=True)}$"
            before.append({"kind": "drop_between", "start": start, "end": stop, "why": why})
            headings.append(heading)
    return before, after, headings


def _trial(name: str, head: dict, entries: list[dict], samples: list[Path], profiles: Profiles) -> list | None:
    """The samples (bytes) cleaned with the draft, as `cleaner check` cleans them; None if the
    draft does not load."""
    import tempfile

    from cleaner.profiles import load_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"{name}.toml")
        path.write_text(render({k: v for k, v in head.items() if k != "samples"}, entries, {}), encoding="utf-8")
        profile, _ = load_file(path)
        if profile is None:
            return None
        trying = Profiles(by_name={**profiles.by_name, name: profile}, config_dirs=profiles.config_dirs)
        return [(s.read_bytes(), clean(s.read_bytes(), profile=name, profiles=trying)) for s in samples]


def _fired(name: str, entries: list[dict], trial: list) -> list[bool]:
    """Whether each drafted rule removes something on some sample."""
    fired: set[str] = set()
    for _, doc in trial:
        fired |= {r.rule for r in doc.removals} | {r.rule for r in doc.page_removals}
        fired |= {rule.split(" ", 1)[0] for _, rule in doc.meta_sources}
        fired |= {doc.body_rule[0]} if doc.body_rule else set()
    return [f"{name}#{i + 1}" in fired for i in range(len(entries))]


def _left_over(docs, trial: list, protected: set[str]) -> list[str]:
    """The lines the generic stage alone removes from the samples that the draft keeps
    (with generic cleaning as "metadata"), short of the `protected` ones."""
    left: list[str] = []
    for doc, (_, tried) in zip(docs, trial, strict=True):
        alone = {line.strip() for line in doc.text.split("\n")}
        for line in tried.text.split("\n"):
            if line.strip() and line.strip() not in alone and line.strip() not in protected:
                left.append(line.strip())
    return list(dict.fromkeys(left))


def _expect(trial: list, candidates: list[str]) -> dict[str, list[str]]:
    """What `check` will find: the start of the first paragraph of prose the draft keeps in
    each sample, and up to five lines it removes from them, none a part of a line it keeps."""
    from cleaner.check import sample_texts

    seen = [sample_texts(data, doc) for data, doc in trial]
    keep = [
        snippet
        for snippet in _keep_snippets([doc for _, doc in trial])
        if all(_squash(snippet) in out for held, out in seen if _squash(snippet) in held)
    ]
    drop: list[str] = []
    for line in dict.fromkeys(candidates):
        squashed = _squash(line)
        if (
            len(drop) < 5
            and squashed
            and any(squashed in held for held, _ in seen)
            and not any(squashed in out for _, out in seen)
            and not any(_squash(k) in squashed or squashed in _squash(k) for k in keep)
        ):
            drop.append(line)
    return {"keep": keep, "drop": drop}


def _squash(text: str) -> str:
    return " ".join(text.split())


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

    trees = [parse(text_of(s.read_bytes())) for s in samples]
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


def _headline_shaped(line: str, rule: str) -> bool:
    """A line only its place marks (`rule` a positional heuristic), of MIN_HEADLINE_WORDS
    words or more and no separators: a headline (another article's, in a teaser list) or a
    caption rather than a menu; one sample cannot tell it is the site's."""
    return rule in POSITIONAL and len(line.split()) >= MIN_HEADLINE_WORDS and not SEPARATOR.search(line)


def _fingerprints(lines: list[str]) -> list[str]:
    """The longest suspect lines, anchored: long template lines are the most distinctive. Not a
    line of boilerplate labels alone, which any site prints (learn.site._fingerprints)."""
    fit = (line for line in lines if len(line) >= FINGERPRINT_CHARS and not generic_line(line))
    ranked = sorted(fit, key=len, reverse=True)
    ranked = ranked[:MAX_FINGERPRINTS]
    return [year_free(line) for line in ranked]


def _keep_snippets(docs) -> list[str]:
    """The start of the first paragraph of prose in each sample's cleaned text."""
    snippets = []
    for doc in docs:
        for line in doc.lines:
            if len(line.text.split()) >= MIN_KEEP_WORDS and SENTENCE_END.search(line.text):
                snippets.append(" ".join(line.text.split()[:MIN_KEEP_WORDS]))
                break
    return list(dict.fromkeys(snippets))
