"""Bytes to text: BOM, UTF-8, UTF-16/32, else cp1252 (latin-1 for its five holes)."""

from __future__ import annotations

import codecs

from cleaner.document import Document, Line
from cleaner.errors import InputError

BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
SNIFF = 8192


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding used; InputError for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding + " (BOM)"
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {encoding} after its byte-order mark at byte {err.start + len(bom)}") from None
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16 + " (NUL pattern)"
    head = data[:SNIFF]
    if b"\x00" in head:
        raise InputError("binary file (contains NUL bytes), not text")
    controls = sum(1 for b in head if b < 0x20 and b not in TEXT_CONTROLS)
    if head and controls / len(head) > 0.1:
        raise InputError("binary file (mostly control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


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


def run(doc: Document, ctx: object) -> Document:
    raw = doc.raw
    if raw is None:
        return doc
    if isinstance(raw, bytes):
        text, encoding = decode_bytes(raw)
        steps = (f"decode:{encoding}",)
    else:
        text, steps = raw, ()
    return doc.replace(lines=split_lines(text) if text else (), raw=None, steps=doc.steps + steps)
