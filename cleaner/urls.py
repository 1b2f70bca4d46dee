"""Reading hosts out of URLs that come from users, records and pages, any of which may be
malformed ("http://[x" makes urlsplit raise)."""

from __future__ import annotations


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a page's address, or None when it can: an http(s) URL with a
    host, no white space or control characters, and a port that exists. The message shows
    the URL with such characters escaped, so that it stays one line."""
    from urllib.parse import urlsplit  # 4 ms: only when a URL is given

    shown = url.encode("unicode_escape").decode("ascii") if not url.isprintable() else url
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # raises for a port out of range
        hostname = parts.hostname  # the brackets of an IPv6 host are checked only here
    except ValueError as err:
        return f'malformed URL "{shown}": {err}'
    if parts.scheme.lower() not in ("http", "https"):
        return f'malformed URL "{shown}": not an http or https address'
    if not hostname or any(c.isspace() for c in url):
        return f'malformed URL "{shown}": no host, or white space in it'
    if not url.isprintable():
        return f'malformed URL "{shown}": a control character in it'
    return None


def host(url: str | None) -> str:
    """The URL's host; "" when it has none or cannot be read (a page's own link may be broken)."""
    if not url:
        return ""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def path(url: str | None) -> str:
    """The URL's path; "" when it has none or cannot be read, as host() does."""
    if not url:
        return ""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def normal_host(name: str) -> str:
    """A host name as profiles and site config file names are compared: NFKC (full-width
    letters and dots become ASCII), lower case, no trailing dot, each label in its IDNA ASCII
    form ("bücher.example" and "xn--bcher-kva.example" are one host). A name IDNA refuses
    (an empty label, "_" in a Unicode label) is only lower-cased."""
    import unicodedata

    name = unicodedata.normalize("NFKC", name).strip().rstrip(".")
    if name.isascii():
        return name.lower()
    try:
        return name.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return name.lower()


def unicode_host(name: str) -> str:
    """The Unicode form of an IDNA ASCII host ("xn--bcher-kva.example": "bücher.example"),
    or the name itself when it has no such label or IDNA refuses it."""
    if "xn--" not in name:
        return name
    try:
        return name.encode("ascii").decode("idna")
    except UnicodeError:
        return name
