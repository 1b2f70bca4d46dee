"""The site of each corpus page, so that training's folds keep a site's pages together.

dragnet's pages come many to a site: 219 of its 286 val pages are from sites its train part
has too. Folds by page put a site's other pages in the training folds, so out-of-fold scores
rewarded what a model knows of the site (its menus' words, its masthead) and over-rated it
for the pages of sites it has never read, which is what the tool meets. The site is the
host of the page's canonical URL (or og:url), else the host most of its absolute links go
to, else none (the page is its own site).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import regex

CANONICAL = regex.compile(
    rb"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*\bhref=[\"']([^\"'>\s]+)"
    rb"|<link\b[^>]*\bhref=[\"']([^\"'>\s]+)[\"'][^>]*\brel=[\"']?canonical"
    rb"|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*\bcontent=[\"']([^\"'>\s]+)"
    rb"|<meta\b[^>]*\bcontent=[\"']([^\"'>\s]+)[\"'][^>]*\bproperty=[\"']og:url",
    regex.IGNORECASE,
)
LINK = regex.compile(rb"""href=["'](https?://[^"'/]+)""", regex.IGNORECASE)


def _host(url: bytes) -> str | None:
    try:
        host = urlsplit(url.decode("latin-1").strip()).hostname
    except ValueError:  # a malformed URL ("http://[x") names no site
        return None
    return host.removeprefix("www.") if host else None


def canonical_site(html: bytes) -> str | None:
    """The host of the page's canonical link or og:url (lower case, without "www."), or None."""
    found = CANONICAL.search(html)
    return _host(next(g for g in found.groups() if g)) if found else None


def site_of(html: bytes) -> str | None:
    """The page's site: canonical_site, else the host most of its absolute links go to, or None."""
    host = canonical_site(html)
    if host:
        return host
    hosts = Counter(h for h in map(_host, LINK.findall(html)) if h)
    # most common first, ties by name: the same site whatever order the links come in
    return min(hosts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if hosts else None


def sites(corpus: Path, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(set, id) -> its site, the page's own key where its HTML names none."""
    out = {}
    for name, doc_id in keys:
        path = corpus / name / "html" / f"{doc_id}.html"
        site = site_of(path.read_bytes()) if path.exists() else None
        out[(name, doc_id)] = site or f"{name}/{doc_id}"
    return out
