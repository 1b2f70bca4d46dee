"""learn_corpus: platform candidates from a large mixed crawl.

A line found in many different documents of a mixed crawl is boilerplate of some platform
(cookie notices, share bars, comment forms). Lines are counted once per document in a
hash table, and so are their skeletons (numbers and dates abstracted), so "3 Comments" and
"12 Comments" add up: one pass over the corpus, memory proportional to distinct lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from cleaner.learn.lines import prepare
from cleaner.learn.shapes import generalise, has_classes, skeleton
from cleaner.toml_out import render

MAX_RULES = 200
MAX_EXAMPLES = 8  # variants kept per skeleton to generalise it
MAX_FINGERPRINTS = 3
LETTERS = regex.compile(r"\p{L}")


def learn_corpus(texts: Sequence[str | list[str]], name: str, min_docs: int = 5, min_share: float = 0.02) -> str:
    """The TOML text of a platform profile: lines found in at least `min_docs` documents and
    at least `min_share` of all documents become drop_line / drop_matching rules."""
    total = len(texts)
    need = max(min_docs, int(-(-min_share * total // 1)))  # ceil without float surprises at 0
    exact: Counter[str] = Counter()
    shapes: Counter[tuple] = Counter()
    examples: dict[tuple, list[str]] = {}
    for text in texts:
        lines = {
            t for t in (text if isinstance(text, list) else prepare(text)) if len(LETTERS.findall(t)) >= 2
        }  # "1", "|", "»" say nothing
        exact.update(lines)
        skels: dict[tuple[str, ...], str] = {}
        for line in lines:
            skel = skeleton(line)
            if has_classes(skel):
                skels.setdefault(skel, line)
        shapes.update(skels.keys())
        for skel, line in skels.items():
            seen = examples.setdefault(skel, [])
            if len(seen) < MAX_EXAMPLES and line not in seen:
                seen.append(line)
    found: list[tuple[int, str, str]] = []  # (documents, kind, value)
    covered: set[tuple] = set()
    for skel, count in shapes.items():
        if count >= need:  # numbers and dates vary: one pattern for all variants, and next year's
            found.append((count, "pattern", generalise(examples[skel]).regex()))
            covered.add(skel)
    for line, count in exact.items():
        if count >= need and skeleton(line) not in covered:
            found.append((count, "text", line))
    found.sort(key=lambda f: (-f[0], f[2]))
    rules = [_rule(count, kind, value, total) for count, kind, value in found[:MAX_RULES]]
    prints = [
        v if kind == "pattern" else "^" + regex.escape(v, special_only=True, literal_spaces=True) + "$"
        for _, kind, v in sorted(found, key=lambda f: (-f[0], -len(f[2])))
        if len(v.split()) >= 2
    ][:MAX_FINGERPRINTS]
    head = {
        "name": name,
        "kind": "platform",
        "description": f"{name}: lines found in {need}+ of {total} documents, "
        "drafted by cleaner learn; review before use",
        "fingerprints": prints,
    }
    drop = [v for _, kind, v in found if kind == "text"][:3]
    note = (
        f"Drafted by `cleaner learn` (corpus mode) from {total} documents.\n"
        "Each rule's why says in how many documents its line was found."
    )
    return render(head, rules, {"drop": drop}, note)


def _rule(count: int, kind: str, value: str, total: int) -> dict:
    share = f"{100 * count / total:.0f}%" if total else "0%"
    if kind == "text":
        return {"kind": "drop_line", "text": value, "why": f"line found in {count} of {total} documents ({share})"}
    return {
        "kind": "drop_matching",
        "pattern": value,
        "why": f"line found in {count} of {total} documents ({share}), varying only in numbers or dates",
    }
