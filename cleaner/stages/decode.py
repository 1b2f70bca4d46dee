"""Bytes to text: BOM, UTF-8 (decode_mixed: with stray bytes of a legacy charset), UTF-16/32,
the declared charset, else the legacy charset the detectors' evidence supports best
(decode_detect; cp1252, latin-1 for its five holes, last)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from itertools import count, repeat

import regex

from cleaner.document import Context, Document, Line
from cleaner.errors import InputError
from cleaner.stages.decode_detect import ACCENTED_WORD, WEB_SUPERSET, decodes, detect
from cleaner.stages.decode_mixed import mostly_utf8
from cleaner.stages.html import has_markup, looks_like_html

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
MAX_CONTROL_SHARE = 0.1
CONTROL_CHARS = dict.fromkeys(BINARY_CONTROLS)  # str.translate: deleted
# Past a text head: text has almost no C0 control bytes, random data one in ten (a window
# half text, half random, holds about 5%)
MAX_CONTROL_SHARE_AFTER = 0.02
BINARY_BYTE = re.compile(b"[" + re.escape(BINARY_CONTROLS) + b"]")
MAX_CONTROL_SHARE_UNDETECTED = 0.01
# The five bytes cp1252 leaves undefined: only Latin-1 decodes them, as C1 controls, which no
# Latin-1 text uses. A page may hold one or two (a stray byte); random bytes hold one in 26
# of their high bytes (attacker trial: 3,000 random high bytes came out as Latin-1, exit 0).
CP1252_HOLES = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
MAX_HOLES_UNDETECTED = (8, 0.005)  # at most this many, or this share of the bytes read


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if Python knows it."""
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def binary_from(data: bytes, start: int = 0) -> int | None:
    """Where the first stretch of binary data in `data` from `start` begins (the offset of a
    SNIFF-byte window with the NULs or control bytes of binary data, as the head is judged),
    or None. Second attacker trial of stop 37: a text head with random bytes or NULs after its
    first SNIFF bytes came out as Latin-1 text, exit 0. One pass in C when there is no such byte."""
    rest = data[start:]
    if len(rest) == len(rest.translate(None, BINARY_CONTROLS)):
        return None
    for at in range(start, len(data), SNIFF):
        window = data[at : at + SNIFF]
        controls = len(window) - len(window.translate(None, BINARY_CONTROLS))
        if window.count(0) > len(window) * MAX_NUL_SHARE or controls > len(window) * MAX_CONTROL_SHARE_AFTER:
            first = BINARY_BYTE.search(window)
            return at + (first.start() if first else 0)
    return None


def text_of(data: bytes) -> str:
    """The text of a file's bytes as clean reads them (its declared charset, BOM, detection);
    binary data as UTF-8 with replacements, for the tools that look at samples."""
    from cleaner.errors import InputError

    try:
        return decode_bytes(data, declared=declared_charset(data))[0]
    except InputError:
        return data.decode("utf-8", "replace")


def _plausible(payload: bytes, encoding: str) -> bool:
    """Whether UTF-16/32 text whose 0x0A bytes carry no NUL reads as text in it: not valid UTF-8
    (plain text behind bytes that only look like a BOM), and no unassigned or private-use
    character nor one of U+0A00-U+0AFF (a line break's byte paired with a letter: plain text
    read two bytes a character lands there or on unassigned code points)."""
    import unicodedata

    if decodes(payload, "utf-8"):
        return False
    text = payload.decode(encoding)
    return not any(unicodedata.category(c) in ("Cn", "Co", "Cs") or "\u0a00" <= c <= "\u0aff" for c in text)


# Declared charsets of Latin letters (codecs' names). Western text in them seldom has a word
# of accented letters only (decode_detect's ACCENTED_WORD: "été" is too short); Cyrillic, Greek
# or Hebrew bytes read in them make little else.
LATIN_DECLARED = frozenset({"cp1252", "iso8859-1", "iso8859-15"})
ACCENTED = regex.compile(ACCENTED_WORD)
NON_ASCII_WORD = regex.compile(r"\b(?=\w*[\u0080-\uffff])\w{4,}\b")
ACCENTED_WORDS = (5, 0.5)  # at least this many, and this share of the words of 4+ with a non-ASCII letter


def _accented_words(text: str) -> bool:
    """Whether many of the text's words of four or more letters with one beyond ASCII have no
    ASCII letter at all ("Ìåñòíûå"): the text is another charset's bytes."""
    most, share = ACCENTED_WORDS
    accented = len(ACCENTED.findall(text))
    return accented >= most and accented >= share * len(NON_ASCII_WORD.findall(text))


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text and how it was decoded: BOM, else UTF-8 when valid, else the charset the
    page declares, else a detector's guess (charset_normalizer), else cp1252 / latin-1.
    InputError for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            payload = data[len(bom) :]
            if encoding.startswith("utf-8"):
                try:
                    return payload.decode("utf-8"), encoding + " (BOM)"
                except UnicodeDecodeError:
                    # not UTF-8 after all, or not all of it: read as if it had no BOM (a BOM
                    # before cp1251 text gave U+FFFD for every letter: attacker trial of stop 39)
                    data = payload
                    break
            # Bytes that only start like a UTF-16/32 BOM ("\xff\xfe" before plain text) do not
            # decode in it, or have a line break without the NUL every UTF-16/32 one carries and
            # read as UTF-8 (plain text): read as if they had no BOM. A byte 0x0A is no line break
            # inside a character ("上" is 0A 4E: a Japanese line was refused as binary, attacker
            # trial of stop 51), and CJK in UTF-16 is seldom valid UTF-8.
            if decodes(payload, encoding) and (b"\n" not in payload or 0 in payload or _plausible(payload, encoding)):
                return payload.decode(encoding), encoding + " (BOM)"
            # A file cut short inside its last character (a download or a copy stopped): the
            # rest decodes, and the stray bytes become one U+FFFD rather than the whole file
            # being refused as binary (attacker trial of stop 51)
            unit = 4 if "32" in encoding else 2
            whole = payload[: len(payload) - len(payload) % unit]
            if len(whole) < len(payload) and unit == 2 and not decodes(whole, encoding):
                whole = whole[:-2]  # the cut character was a surrogate pair's: its first half goes too
            if len(whole) < len(payload) and decodes(whole, encoding) and (0 in whole or _plausible(whole, encoding)):
                text = whole.decode(encoding)
                # text, not NULs or control bytes behind FF FE (second attacker trial of stop 52)
                if text and (len(text) - len(text.translate(CONTROL_CHARS))) / len(text) < MAX_CONTROL_SHARE:
                    return text + "\ufffd", encoding + " (BOM; last character cut short)"
            break
    utf32 = _bomless_utf32(data)
    if utf32:
        return data.decode(utf32), utf32 + " (NUL pattern)"
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16 + " (NUL pattern)"
    seven = _seven_bit(data, declared)  # its shift bytes would read as binary below
    if seven:
        return data.decode(seven[0]), seven[1]
    head = data[:SNIFF]
    # A stray NUL in a text scrape is damage (ftfy drops it); many of them mean binary data
    nuls = head.count(0) > len(head) * MAX_NUL_SHARE
    controls = len(head) - len(head.translate(None, BINARY_CONTROLS))  # count without a Python loop
    if nuls or (head and controls / len(head) > MAX_CONTROL_SHARE):
        utf16 = _utf16_by_content(head)  # or UTF-16 of a script whose high bytes look binary
        if utf16:
            return data.decode(utf16, errors="replace"), utf16 + " (no BOM; decodes as text)"
        raise InputError(f"binary file ({'contains NUL bytes' if nuls else 'mostly control bytes'}), not text")
    if (at := binary_from(data, SNIFF)) is not None:
        raise InputError(f"binary data at byte {at} (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (mixed := mostly_utf8(data)) is not None:
        return mixed
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        for codec in dict.fromkeys([WEB_SUPERSET.get(declared, declared), declared]):  # as browsers read it
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
            how = f"{declared} (declared)" + (f", read as {codec}" if codec != declared else "")
            if codec in LATIN_DECLARED and _accented_words(text) and (guess := detect(data)) and guess[0] != codec:
                # a page declared Latin whose words are all accented letters: another charset's
                # bytes (attacker trial of stop 59: cp1251 and KOI8-R pages declared windows-1252
                # came out "Ìåñòíûå ãàçåòû", exit 0)
                return data.decode(
                    guess[0]
                ), f"{guess[0]} (detected: {how} makes words of accented letters only; {guess[1]})"
            return text, how
    guess = detect(data)
    if guess:
        encoding, why = guess
        return data.decode(encoding), f"{encoding} (detected: not valid UTF-8; {why})"
    # No charset fits. Text in a legacy charset has almost no C0 control bytes; random or
    # compressed bytes have about one in ten, and would come out as Latin-1 gibberish
    if head.count(0) or controls > len(head) * MAX_CONTROL_SHARE_UNDETECTED:
        raise InputError("binary file (control bytes, and no charset fits), not text")
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    holes = len(head) - len(head.translate(None, CP1252_HOLES))
    most, share = MAX_HOLES_UNDETECTED
    if holes > most and holes > len(head) * share:
        raise InputError("binary file (bytes no charset uses, and no charset fits), not text")
    return data.decode("latin-1"), "latin-1"


# The 7-bit ISO-2022 charsets of Japanese and Korean mail and old pages: their bytes are ASCII,
# so valid UTF-8, and came out as "$B;T5D2q$O..." with exit 0. Their escape sequences (JIS
# X 0208, 0212 and 0213, JIS-Roman; KS X 1001's designation) name them.
ISO_2022 = (
    (
        (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b$(D", b"\x1b$(O", b"\x1b$(Q", b"\x1b$(P"),
        ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_3"),
    ),
    ((b"\x1b$)C",), ("iso2022_kr",)),
)


HZ_HAN_SHARE = 0.5


def _seven_bit(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """(codec, how) when `data` is ASCII with ISO-2022 escape sequences, or HZ's shifts
    ("~{" ... "~}": GB2312 in 7 bits, attacker trial of stop 51: printed raw), that decode as such."""
    if not data.isascii():
        return None
    if b"~{" in data and b"~}" in data and decodes(data, "hz"):
        text = data.decode("hz")
        # shifted runs of two-byte characters, not "~{" and "~}" by chance around letters ("Use
        # the code ~{GoodLuck~}": attacker trial 2 of stop 51): the letters mostly Chinese
        letters = sum(c.isalpha() for c in text)
        if letters and sum(0x4E00 <= ord(c) <= 0x9FFF for c in text) >= HZ_HAN_SHARE * letters:
            return "hz", f"hz ({'declared' if declared == 'hz' else 'its shift sequences'})"
    if b"\x1b" not in data:
        return None
    for escapes, codecs_ in ISO_2022:
        if not any(escape in data for escape in escapes):
            continue
        for codec in sorted(codecs_, key=lambda c: c != declared):  # the declared one first
            if decodes(data, codec):
                return codec, f"{codec} ({'declared' if codec == declared else 'its escape sequences'})"
    return None


def _bomless_utf32(data: bytes) -> str | None:
    """UTF-32 without a BOM (attacker trial: refused as binary): every character's top byte
    is NUL and the next at most 0x10, the whole decodes strictly, and into printable text.
    Random bytes almost never do: a code point above U+10FFFF or a surrogate ends it."""
    if len(data) < 8 or len(data) % 4:
        return None
    head = data[: SNIFF - SNIFF % 4]
    for encoding, top, next_ in (("utf-32-le", head[3::4], head[2::4]), ("utf-32-be", head[0::4], head[1::4])):
        if top.count(0) != len(top) or max(next_) > 0x10:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:SNIFF]
        if sum(c.isprintable() or c in "\n\r\t" for c in sample) >= 0.98 * len(sample):
            return encoding
    return None


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


VARIED_CHARS = 20


def _utf16_by_content(head: bytes) -> str | None:
    """UTF-16 without a BOM in a non-Latin script: NULs where the text has ASCII (spaces,
    digits, newlines), too few for the NUL pattern, and in the low byte of characters such
    as 一 (U+4E00) or 开 (U+5F00); and the bytes decode strictly into printable text, mostly
    letters. Binary data decodes into NUL characters (a NUL pair), surrogates, unassigned or
    control characters. (NULs on both sides of the byte pairs were taken for binary once:
    an attacker trial of stop 60 found Chinese refused so.)"""
    head = head[: len(head) - len(head) % 2]
    if len(head) < 16:
        return None
    found = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        shown = sum(c.isprintable() or c in "\n\r\t" for c in text)
        letters = sum(c.isalpha() or unicodedata.category(c)[0] == "M" for c in text)  # marks: Indic vowels
        # and of many characters: "text\x00" over and over reads as five CJK ones in a loop
        varied = len(set(text)) >= min(VARIED_CHARS, len(text) // 4)
        if shown >= 0.98 * len(text) and letters >= 0.5 * len(text) and varied:
            found.append((sum(map(str.isascii, text)), encoding))
    # both may read as letters: the byte order in which the text's spaces and line ends are ASCII
    return max(found)[1] if found else None


SPACED = dict.fromkeys(map(ord, "\v\x1c\x1d\x1e"), " ")
SEPARATORS = re.compile("[\v\x1c-\x1e]")


def split_lines(text: str) -> tuple[Line, ...]:
    """Lines as str.splitlines ends them: \\r\\n, \\r and \\n, as an editor numbers them, and the
    explicit separators of lines and pages (\\f, U+0085, U+2028, U+2029). A vertical tab (a word
    processor's line break) and the record separators \\x1c-\\x1e are a space: deleted later as
    control characters, they glued the words they parted (second attacker trial of stop 38:
    "TodayThe council"); as line ends, one in a sentence split it, and its half could go as a
    short line. The newline that ends the last line starts no line of its own."""
    if SEPARATORS.search(text):  # rare: the translation is a dict lookup per character
        text = text.translate(SPACED)
    parts = text.splitlines() or [""]
    # Line(no, t) for each, made in C (the named tuple's own __new__ is a Python call per line)
    return tuple(map(tuple.__new__, repeat(Line), zip(count(1), parts, repeat(None))))


def run(doc: Document, ctx: Context) -> Document:
    """Bytes or str to text lines; HTML stays whole (as `html`) for the html stage."""
    raw = doc.raw
    if raw is None:
        return doc
    if isinstance(raw, bytes):
        text, encoding = decode_bytes(raw, declared=declared_charset(raw))
        steps: tuple[str, ...] = (f"decode:{encoding}",)
    else:
        text, steps = raw, ()
    is_html = looks_like_html(text) if ctx.html is None else ctx.html and has_markup(text)
    if is_html:
        return doc.replace(raw=None, html=text, steps=doc.steps + steps)
    return doc.replace(lines=split_lines(text) if text else (), raw=None, steps=doc.steps + steps)
