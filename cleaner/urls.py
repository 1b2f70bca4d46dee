"""Reading hosts out of URLs that come from users, records and pages, any of which may be
malformed ("http://[x" makes urlsplit raise)."""

from __future__ import annotations

from urllib.parse import urlsplit


def url_problem(url: str) -> str | None:
    """Why `url` cannot be read as a URL (urlsplit's complaint), or None when it can."""
    try:
        urlsplit(url).hostname  # noqa: B018  # the brackets of an IPv6 host are checked only here
    except ValueError as err:
        return f'malformed URL "{url}": {err}'
    return None


def host(url: str | None) -> str:
    """The URL's host; "" when it has none or cannot be read (a page's own link may be broken)."""
    if not url:
        return ""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""
