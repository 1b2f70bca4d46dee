"""Pick the profiles that fit the document and run their rules in order."""

from __future__ import annotations

import dataclasses
from typing import Any

from cleaner.document import LIST_FIELDS, Context, Document, removals_at
from cleaner.profiles import TIMED_OUT, Profile, Profiles, found
from cleaner.rules.base import LineView, budget
from cleaner.urls import host as url_host


def select(profiles: Profiles, choice: str, stripped_text: str, url: str | None) -> list[tuple[Profile, str]]:
    """The profiles to apply, each with the reason it was chosen: site profile first,
    then the platforms it uses, then every other platform profile that matches.

    `choice` is "auto", "none" or a profile name (UnknownProfile, with did-you-mean, if unknown).
    """
    if choice == "none":
        return []
    host = url_host(url)
    chosen: list[tuple[Profile, str]] = []
    if choice != "auto":
        chosen.append((profiles.get(choice), "chosen with --profile"))
    else:
        site = _best_site(profiles, stripped_text, host)
        if site:
            chosen.append(site)
    for profile, _ in list(chosen):
        chosen += [(profiles.get(name), f"used by {profile.name}") for name in profile.platforms]
    names = {p.name for p, _ in chosen}
    for profile in profiles:
        if profile.kind == "platform" and profile.name not in names:
            reason = _reason(profile, stripped_text, host)
            if reason:
                chosen.append((profile, reason))
    return chosen


def _reason(profile: Profile, stripped_text: str, host: str) -> str | None:
    if host and (pattern := profile.host_match(host)):
        return f'host {host} matches "{pattern}"'
    if pattern := profile.fingerprint_match(stripped_text):
        return f'fingerprint "{pattern}"'
    return None


# Fingerprints a site profile that names its hosts needs on another known host's page: one
# line may be quoted (attacker trial of stop 54: an article quoting CoinGeek's promo line took
# its profile, whose cut at that line lost the rest, exit 0); an archive's or a cache's copy of
# the site's page (web.archive.org, an AMP cache) shows more (second attacker trial)
OTHER_HOST_FINGERPRINTS = 2


def _best_site(profiles: Profiles, stripped_text: str, host: str) -> tuple[Profile, str] | None:
    """A host match wins; otherwise the site profile with the most fingerprints found
    (OTHER_HOST_FINGERPRINTS at least where the page's host is known and not one it names)."""
    sites = [p for p in profiles if p.kind == "site"]
    if by_host := profiles.site_by_host(host):
        return by_host
    best, best_count = None, 0
    for profile in sites:
        count = sum(1 for f in profile.fingerprints if found(f, stripped_text))
        if host and profile.hosts and count < OTHER_HOST_FINGERPRINTS:
            continue
        if count > best_count:
            best, best_count = profile, count
    if best is None:
        return None
    return best, _reason(best, stripped_text, "") or ""


def run(doc: Document, ctx: Context) -> Document:
    view = LineView(doc.lines)
    # An HTML page names its own URL (canonical, og:url) when the caller does not
    timed_out: list[str] = []
    token = TIMED_OUT.set(timed_out)
    try:
        chosen = select(ctx.profiles, ctx.profile, "\n".join(view.texts), ctx.url or doc.metadata.url)
    finally:
        TIMED_OUT.reset(token)
    if timed_out:
        fingerprints = ((p.name, f.pattern) for p in ctx.profiles for f in p.fingerprints)
        refs = tuple(f'{name}: fingerprint "{pattern}"' for name, pattern in fingerprints if pattern in timed_out)
        doc = doc.replace(timeouts=(*doc.timeouts, *refs), steps=(*doc.steps, *(f"timeout:{ref}" for ref in refs)))
    meta = doc.metadata.fill(url=ctx.url)
    sources: tuple[tuple[str, str], ...] = ()
    # Profiles are authoritative: what a profile gives replaces what the page's own metadata
    # (an HTML page's meta tags) said. Among the profiles' rules the first to give a field
    # wins, and the caller's url stands; a list field (categories, tags) that several rules
    # give is the union of theirs, in order: a section label and a "Topics:" line are both
    # categories, and the second rule's line was dropped with its values lost (new-user trial
    # of stop 51: a learned draft).
    given = {name for name, rule in doc.meta_sources if not rule.startswith("html:")} | ({"url"} if ctx.url else set())
    listed: set[str] = set()  # the list fields the profiles' rules gave
    for profile, _ in chosen:
        for prule in profile.rules:
            if prule.rule.page:  # applied to the HTML page, before extraction (cleaner.stages.html_site)
                continue
            try:
                with budget(ctx.rule_budget):
                    hit = prule.rule.apply(view)
            except TimeoutError:  # a regex backtracking, or slow on every line: keep the lines, say which rule
                doc = doc.replace(timeouts=(*doc.timeouts, prule.ref), steps=(*doc.steps, f"timeout:{prule.ref}"))
                continue
            if hit.meta:
                found = {k: v for k, v in hit.meta.items() if v not in (None, (), "") and k not in given}
                more: dict[str, Any] = {
                    k: tuple(dict.fromkeys((*getattr(meta, k), *v)))
                    for k, v in hit.meta.items()
                    if k in listed and v and not set(v) <= set(getattr(meta, k))
                }
                sources += tuple((name, prule.ref) for name in (*found, *more))
                listed |= found.keys() & set(LIST_FIELDS)
                meta, given = dataclasses.replace(meta, **found, **more), given | found.keys()
            if hit.drop:
                drop = removals_at(doc.lines, hit.drop, rule=prule.ref, kind=prule.kind, why=prule.why)
                doc = doc.without(drop)
                view = view.without(drop)
        if profile.sitename and "sitename" not in given:
            sources += (("sitename", profile.name),)
            meta, given = dataclasses.replace(meta, sitename=profile.sitename), given | {"sitename"}
    site = next((p for p, _ in chosen if p.kind == "site"), None)  # platforms have no say
    generic = (site.generic or "full", site.name) if site else ("full", None)
    if not ctx.heuristics and generic[0] != "off":  # no heuristics; the headline may still become the title
        generic = ("metadata", "--no-heuristics")
    # directives of a site config that cleaner does not apply: explain lists them, never silent
    ignored = tuple(
        (
            p.path.name,
            ", ".join(f"{u.name} (line{'s' * (len(u.lines) > 1)} {', '.join(map(str, u.lines))})" for u in p.ignored),
        )
        for p, _ in chosen
        if p.ignored
    )
    return doc.replace(
        ignored=doc.ignored + ignored,
        steps=doc.steps + tuple(f"ignored:{config}: {what}" for config, what in ignored),
        generic=generic,
        metadata=meta,
        matches=doc.matches + tuple((p.name, reason) for p, reason in chosen),
        meta_sources=doc.meta_sources + sources,
    )
