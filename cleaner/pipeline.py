"""The stages in order, and clean(): one Document through each of them."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from cleaner.document import RULE_BUDGET, Context, Document
from cleaner.errors import InputError
from cleaner.profiles import Profiles, load_profiles
from cleaner.stages import decode, heuristics, html, metadata, normalise, profile, unicode
from cleaner.urls import url_problem

if TYPE_CHECKING:
    from cleaner.document import Stage

STAGES: tuple[Stage, ...] = (
    decode.run,
    html.run,
    unicode.run,
    profile.run,
    heuristics.run,
    normalise.run,
    metadata.run,
)


def run_before(stop: Stage, doc: Document, ctx: Context) -> Document:
    """`doc` through the stages before `stop`, as clean() runs them: what `stop` reads (the
    learner reads what the profile stage sees; the corpus tools what the generic stage sees)."""
    for stage in STAGES[: STAGES.index(stop)]:
        doc = stage(doc, ctx)
    return doc


@lru_cache(maxsize=1)
def builtin_profiles() -> Profiles:
    return load_profiles()


def clean(
    data: str | bytes,
    *,
    profile: str = "auto",
    url: str | None = None,
    source: str | None = None,
    heuristics: bool = True,
    html: bool | None = None,
    profiles: Profiles | None = None,
    profiles_dir: Sequence[str | Path] | str | Path = (),
    rule_budget: float = RULE_BUDGET,
    fast: bool = False,
    tables: bool = True,
    comments: bool = False,
    links: bool = False,
    images: bool = False,
    precision: bool = False,
    recall: bool = False,
    target_language: str | None = None,
    structure: bool = False,
) -> Document:
    """Clean one scrape (text or bytes in any charset) into a Document.

    `profile` is "auto" (detect by `url` host and text fingerprints), "none", or a
    profile name. HTML (`html=True`, or recognised by its content when None) is
    reduced to its main text by trafilatura first. Pass `profiles` (from load_profiles) to reuse them across calls;
    otherwise the built-in ones are used, plus any in `profiles_dir`. A profile rule
    whose regex searches take more than `rule_budget` seconds on the document in all
    (or 0.5 s in one search) is stopped and named in `steps` as "timeout:<rule>".
    `fast` runs trafilatura's fast mode on HTML, its fallback extractors only for a page
    whose main text comes out nearly empty: a little less time, a little lower F1; on a
    text scrape, the hand-written heuristics instead of the line model (2.5x the speed).

    The extractor's switches, as trafilatura's CLI names them: `tables` (keep tables; on by
    default), `comments` (reader comments after the text), `links` (link targets inline as
    "[text](target)"), `images` (images as "![alt](src)"), `target_language` (ISO 639-1: a
    page detected in another language comes out empty; needs py3langid) apply to HTML.
    `precision` and `recall` (at most one) move trafilatura's focus on HTML and the generic
    stage's decisions on a text scrape (cleaner.heuristics.analyse). `structure` fills each
    line's Structure (headings, lists, quotes, tables, links) for cleaner.formats.markdown.
    """
    if not isinstance(data, (str, bytes)):
        raise TypeError(f"clean() takes the scrape as str or bytes, got {type(data).__name__}")
    # a str was compared raw, Python's TypeError naming no argument (attacker trial of stop 52)
    if isinstance(rule_budget, bool) or not isinstance(rule_budget, numbers.Real):  # numpy's and Fraction too
        raise TypeError(f"clean() takes rule_budget as a number of seconds, got {type(rule_budget).__name__}")
    if not rule_budget > 0:
        raise ValueError(f"rule_budget must be a positive number of seconds, got {rule_budget!r}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"clean() takes url as str or None, got {type(url).__name__}")
    if not isinstance(profile, str):
        raise TypeError(f'clean() takes profile as a name, "auto" or "none", got {type(profile).__name__}')
    if profiles is not None and not isinstance(profiles, Profiles):
        raise TypeError(f"clean() takes profiles from load_profiles(), got {type(profiles).__name__}")
    if precision and recall:
        raise ValueError("clean() takes precision or recall, not both")
    if target_language is not None and not isinstance(target_language, str):
        raise TypeError(f"clean() takes target_language as a str or None, got {type(target_language).__name__}")
    if target_language is not None and not (len(target_language) == 2 and target_language.isalpha()):
        raise ValueError(f"target_language must be an ISO 639-1 code (two letters), got {target_language!r}")
    if target_language is not None:
        from cleaner.stages.html import unknown_language

        # attacker trial of stop 48: "xx" emptied every page, where the CLI says exit 2
        if problem := unknown_language(target_language):
            raise ValueError(f"target_language {problem}")
    if url is not None and (problem := url_problem(url)):
        raise InputError(problem)
    if profiles is None:
        profiles = load_profiles(profiles_dir) if profiles_dir else builtin_profiles()
    ctx = Context(
        profiles=profiles,
        profile=profile,
        url=url,
        heuristics=heuristics,
        html=html,
        rule_budget=rule_budget,
        fast=fast,
        tables=tables,
        comments=comments,
        links=links,
        images=images,
        focus="precision" if precision else "recall" if recall else None,
        target_language=target_language.lower() if target_language else None,
        structure=structure,
    )
    doc = Document(raw=data, source=source)
    for stage in STAGES:
        doc = stage(doc, ctx)
    return doc
