"""Bytes to text: BOM, UTF-8, UTF-16/32, else cp1252 (latin-1 for its five holes)."""

from __future__ import annotations

import codecs

import regex

from cleaner.context import Context
from cleaner.document import Document, Line
from cleaner.errors import InputError
from cleaner.stages.html import looks_like_html

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.I)

BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
BINARY_CONTROLS = bytes(b for b in range(0x20) if b not in TEXT_CONTROLS)
SNIFF = 8192
MAX_NUL_SHARE = 0.01


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if Python knows it."""
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text and how it was decoded: BOM, else UTF-8 when valid, else the charset the
    page declares, else a detector's guess (charset_normalizer), else cp1252 / latin-1.
    InputError for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding + " (BOM)"
            except UnicodeDecodeError:  # the BOM settles the encoding; keep what decodes
                return data[len(bom) :].decode(encoding, errors="replace"), encoding + " (BOM, bad bytes replaced)"
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16 + " (NUL pattern)"
    head = data[:SNIFF]
    # A stray NUL in a text scrape is damage (ftfy drops it); many of them mean binary data
    if head.count(0) > len(head) * MAX_NUL_SHARE:
        raise InputError("binary file (contains NUL bytes), not text")
    controls = len(head) - len(head.translate(None, BINARY_CONTROLS))  # count without a Python loop
    if head and controls / len(head) > 0.1:
        raise InputError("binary file (mostly control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(declared), f"{declared} (declared)"
        except (UnicodeDecodeError, LookupError):
            pass
    guess = _detect(data)
    if guess:
        return data.decode(guess), f"{guess} (detected)"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _detect(data: bytes) -> str | None:
    """charset_normalizer's best guess, when it is confident enough to decode all of it."""
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 input

    best = from_bytes(data[:65536]).best()
    # UTF-16/32 show by BOM or NUL pattern; a detector claiming them for NUL-free bytes is guessing
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None
    try:
        data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return best.encoding


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NULs in every other byte of ASCII-range text."""
    head = data[: SNIFF - SNIFF % 2]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    half = len(head) // 2
    if odd.count(0) > 0.4 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def split_lines(text: str) -> tuple[Line, ...]:
    """Lines as an editor numbers them: \\r\\n, \\r and \\n all end a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return tuple(Line(no, t) for no, t in enumerate(text.split("\n"), 1))


def run(doc: Document, ctx: Context) -> Document:
    """Bytes or str to text lines; HTML stays whole (as `raw`) for the html stage."""
    raw = doc.raw
    if raw is None:
        return doc
    if isinstance(raw, bytes):
        text, encoding = decode_bytes(raw, declared=declared_charset(raw))
        steps: tuple[str, ...] = (f"decode:{encoding}",)
    else:
        text, steps = raw, ()
    is_html = ctx.html if ctx.html is not None else looks_like_html(text)
    if is_html:
        return doc.replace(raw=text, steps=doc.steps + steps)
    return doc.replace(lines=split_lines(text) if text else (), raw=None, steps=doc.steps + steps)
