"""Bytes to text: BOM, UTF-8, UTF-16/32, the declared charset, else the legacy charset
charset_normalizer's evidence supports best (cp1252, latin-1 for its five holes, last)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from itertools import count, repeat

import regex

from cleaner.document import Context, Document, Line
from cleaner.errors import InputError
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


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text and how it was decoded: BOM, else UTF-8 when valid, else the charset the
    page declares, else a detector's guess (charset_normalizer), else cp1252 / latin-1.
    InputError for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            payload = data[len(bom) :]
            if encoding.startswith("utf-8"):
                if _decodes(payload, "utf-8"):
                    return payload.decode("utf-8"), encoding + " (BOM)"
                # not UTF-8 after all, or not all of it: read as if it had no BOM (a BOM before
                # cp1251 text gave U+FFFD for every letter: attacker trial of stop 39)
                data = payload
                break
            # Bytes that only start like a UTF-16/32 BOM ("\xff\xfe" before plain text) do not
            # decode in it, or have a line break without the NUL every UTF-16/32 one carries:
            # read as if they had no BOM
            if _decodes(payload, encoding) and (b"\n" not in payload or 0 in payload):
                return payload.decode(encoding), encoding + " (BOM)"
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
    if (mixed := _mostly_utf8(data)) is not None:
        return mixed
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        for codec in dict.fromkeys([WEB_SUPERSET.get(declared, declared), declared]):  # as browsers read it
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
            return text, f"{declared} (declared)" + (f", read as {codec}" if codec != declared else "")
    guess = _detect(data)
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


# UTF-8 text with a few stray bytes of a legacy charset in it (a cp1252 apostrophe pasted into
# a page, a word of cp1251 in a Russian one): at most this share of its non-ASCII characters,
# or MAX_FEW_STRAY lone bytes. Detection read a whole Chinese page with one stray 0x92 as
# binary, and a French one with "Tōkyō" in it (0x8D, in "ō", is a byte cp1252 leaves
# undefined) (attacker trials of stop 37).
MAX_STRAY_SHARE = 0.02
MAX_FEW_STRAY = 3  # lone stray bytes accepted whatever their share, with twice as many UTF-8 characters
STRAY = regex.compile("[\udc80-\udcff]+")  # surrogateescape's runs of bytes UTF-8 cannot read
NON_ASCII = regex.compile("[^\x00-\x7f]")
# The legacy charset a stray run is read in, by the script of the text's UTF-8 letters
SCRIPT_CHARSETS = (
    (regex.compile(r"\p{Cyrillic}"), "cp1251"),
    (regex.compile(r"\p{Greek}"), "cp1253"),
    (regex.compile(r"[\p{Hiragana}\p{Katakana}]"), "cp932"),
    (regex.compile(r"\p{Hangul}"), "cp949"),
    (regex.compile(r"\p{Han}"), "gb18030"),
    (regex.compile(r"\p{Hebrew}"), "cp1255"),
    (regex.compile(r"\p{Arabic}"), "cp1256"),
    (regex.compile(r"\p{Thai}"), "cp874"),
)
TWO_BYTE = frozenset({"cp932", "cp949", "gb18030"})


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """(text, how) for UTF-8 with a few stray bytes, each run of them read in the legacy
    charset of the text's own script (cp1252 for Latin: a cp1251 word in a Russian page read
    as cp1252 came out "Èçâåñòèÿ"); None for other text."""
    text = data.decode("utf-8", errors="surrogateescape")
    runs = STRAY.findall(text)
    stray = sum(map(len, runs))
    wide = len(NON_ASCII.findall(text)) - stray
    # a few lone bytes (pasted quotes) whatever the share; runs (a legacy charset's words) by it
    few = min(MAX_FEW_STRAY, wide // 2) if all(len(run) == 1 for run in runs) else 0
    too_many = stray > max(wide * MAX_STRAY_SHARE, few)
    # unless they are all in one stretch, or in lines of their own among lines of UTF-8
    whole_lines = too_many and (_damaged_stretch(text) or _mixed_lines(text))
    if not wide or (too_many and not whole_lines):
        return None
    sample = STRAY.sub("", text)
    counts = [(len(script.findall(sample)), name) for script, name in SCRIPT_CHARSETS]
    most, charset = max(counts)
    if most * 2 < wide:  # mostly Latin letters (é, ü, ō): cp1252, as browsers read such pages
        charset = "cp1252"
    if whole_lines and stray >= DETECT_STRETCH:
        # lines of a legacy charset of their own, told by their bytes (a cp1251 tail of an
        # English UTF-8 page read as cp1252 came out "Íîâîñòè": attacker trial of stop 38) and
        # read whole: a two-byte charset's pairs that happen to be valid UTF-8 split its runs
        # of stray bytes, and each half was read alone ("北京是�л嗣": attacker trial of stop 39)
        spans = _stray_lines(text)
        guess = _detect(b"\n".join(_raw(text[start:end]) for start, end in spans))
        if guess:
            fixed = "".join(_pieces(text, spans, guess[0]))
            return fixed, f"utf-8 ({stray} stray bytes read as {guess[0]}, in {len(spans)} lines read whole)"

    used: dict[str, None] = {}

    def legacy(run: regex.Match) -> str:
        raw = run.group(0).encode("utf-8", errors="surrogateescape")
        # one byte alone is no character of a two-byte charset: a cp1252 quote pasted in
        codec = "cp1252" if len(raw) == 1 and charset in TWO_BYTE else charset
        used[codec] = None
        return raw.decode(codec, errors="replace")

    fixed = STRAY.sub(legacy, text)
    return fixed, f"utf-8 ({stray} stray byte{'s' if stray > 1 else ''} read as {' and '.join(used)})"


def _raw(text: str) -> bytes:
    """The bytes of text decoded from UTF-8 with surrogateescape."""
    return text.encode("utf-8", errors="surrogateescape")


def _stray_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that holds a stray byte."""
    spans: list[tuple[int, int]] = []
    for m in STRAY.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue  # in the line found last
        end = text.find("\n", m.end())
        spans.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end == -1 else end))
    return spans


def _pieces(text: str, spans: list[tuple[int, int]], charset: str) -> Iterator[str]:
    """The text with the lines at `spans` read whole in `charset`."""
    at = 0
    for start, end in spans:
        yield text[at:start]
        yield _raw(text[start:end]).decode(charset, errors="replace")
        at = end
    yield text[at:]


# UTF-8 damaged in one stretch (junk bytes appended: second attacker trial of stop 38, a French
# article with 40 random bytes after it was read whole as Shift-JIS, every accent wrong): the
# stray bytes within a stretch of at most this share of the text, and at least MIN_UTF8_OUTSIDE
# UTF-8 characters outside it. A legacy charset's text has its bytes all through it, and its
# non-ASCII bytes make a UTF-8 character only by chance, never all of them outside a stretch.
MAX_DAMAGED_SHARE = 0.25
MIN_UTF8_OUTSIDE = 3
# Stray bytes from which a stretch's own charset is detected, not taken from the text's script
DETECT_STRETCH = 16


def _damaged_stretch(text: str) -> bool:
    """Whether the stray bytes, from the first to the last, are one damaged stretch."""
    found = list(STRAY.finditer(text))
    if not found or found[-1].end() - found[0].start() > len(text) * MAX_DAMAGED_SHARE:
        return False
    start, end = found[0].start(), found[-1].end()
    return len(NON_ASCII.findall(text, 0, start)) + len(NON_ASCII.findall(text, end)) >= MIN_UTF8_OUTSIDE


# UTF-8 with lines of a legacy charset all through it (a feed of items from several sources:
# attacker trial of stop 39, where the whole file was read as cp775 and every UTF-8 line went
# "caf├®"): at least MIN_UTF8_OUTSIDE lines of UTF-8 characters and no stray byte, and at
# least one such line per UTF8_LINE_EVERY lines with stray bytes. A line of a legacy charset
# whose every non-ASCII byte happens to make valid UTF-8 is rare (one with a few letters of
# Cyrillic or Latin accents never does), a few among thousands.
UTF8_LINE_EVERY = 4


def _mixed_lines(text: str) -> bool:
    utf8 = legacy = 0
    for line in text.split("\n"):
        if line.isascii():
            continue
        if STRAY.search(line):
            legacy += 1
        else:
            utf8 += 1
    return utf8 >= MIN_UTF8_OUTSIDE and utf8 * UTF8_LINE_EVERY >= legacy


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


def _seven_bit(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """(codec, how) when `data` is ASCII with ISO-2022 escape sequences that decode as such."""
    if b"\x1b" not in data or not data.isascii():
        return None
    for escapes, codecs_ in ISO_2022:
        if not any(escape in data for escape in escapes):
            continue
        for codec in sorted(codecs_, key=lambda c: c != declared):  # the declared one first
            if _decodes(data, codec):
                return codec, f"{codec} ({'declared' if codec == declared else 'its escape sequences'})"
    return None


# Charsets web pages are written in (windows-125x, ISO-8859-x, the CJK and KOI8 ones).
# DOS and Mac code pages (cp775, cp850, mac_roman, hp_roman8 ...) decode the same bytes
# into lookalike text and the detector often ranks them first; a page is rarely in one.
WEB_CHARSETS = frozenset(
    (  # noqa: SIM905 - a word list reads better than 37 quoted items
        "cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 tis_620 latin_1 iso8859_2 iso8859_5 "
        "iso8859_7 iso8859_8 iso8859_9 iso8859_15 koi8_r koi8_u cp932 shift_jis shift_jis_2004 shift_jisx0213 "
        "euc_jp euc_jis_2004 euc_jisx0213 iso2022_jp gb2312 gbk cp936 cp950 gb18030 big5 big5hkscs euc_kr cp949"
    ).split()
)
# Decodings whose coherence minus chaos is this close are told apart by the detector's
# noise only (lookalike code pages differ in a few letters of a long text).
LOOKALIKE = 0.05
DETECT_SAMPLE = 65536


# chardet's confidence below which its guess of a charset no web page uses (a Mac or DOS
# code page) is no evidence: cp1252 is read, as browsers read an unlabeled page, rather than
# charset_normalizer's pick, which on a short text reads lookalike code pages (attacker trial:
# "Crème brûlée à la carte" came out "Crčme brűlée ŕ la carte"). On 3,000 lines of 15-80
# characters re-encoded (python benchmarks/charsets.py --short): cp1252 93.1% -> 98.2% read
# right, cp1250 95.7% -> 98.4%, cp1251 92.9% -> 99.0%, iso-8859-2 97.6% -> 97.7%.
UNSURE = 0.2
# A word of Latin letters and Greek, Cyrillic, Hebrew, Arabic or Thai ones: no language writes
# it, a wrong charset does ("Café crème" in cp1252 read as Greek: "Cafι crθme", attacker
# trial). An unsure chardet's web charset that makes such words gives way to cp1252 when
# cp1252 makes none: on the same 3,000 lines, cp1252 98.2% -> 98.8%, cp1250 98.4% -> 98.9%,
# iso-8859-2 97.7% -> 98.7%, latin-1 97.6% -> 98.4%, the others as they were.
MIXED_WORD = regex.compile(r"\b(?=\w*\p{Latin})(?=\w*[\p{Greek}\p{Cyrillic}\p{Hebrew}\p{Arabic}\p{Thai}])\w+")


# A word of four or more Latin letters none of them ASCII ("Ïðåçèäåíò", "Ç ÁèÞíá"), or a C1
# control character (Shift-JIS's lead bytes in Latin-1): bytes of another script read as a
# Latin charset make them; no language writes them
ALL_ACCENTED = regex.compile(r"\b(?:(?![A-Za-z])\p{Latin}){4,}\b|[\x80-\x9f]")
ASCII_RUN = 40  # ASCII bytes in a row that the second look leaves out (but the first)
LONG_ASCII = re.compile(rb"([\x00-\x7f])[\x00-\x7f]{%d,}" % (ASCII_RUN - 1))


# The charset browsers read a CJK charset's label as (the WHATWG Encoding Standard): its Windows
# or later superset. A detector's "SHIFT_JIS_2004" read a cp932 page's 髙 (in 髙橋) as 郄
# (attacker trial of stop 39); the superset reads the same bytes alike where both define them.
WEB_SUPERSET = {
    "shift_jis": "cp932",
    "shift_jis_2004": "cp932",
    "shift_jisx0213": "cp932",
    "euc_jis_2004": "euc_jp",
    "euc_jisx0213": "euc_jp",
    "big5": "big5hkscs",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
}


def _detect(data: bytes) -> tuple[str, str] | None:
    """_detected(data), read as browsers read its charset (WEB_SUPERSET) where that decodes."""
    found = _detected(data)
    if found is None or (superset := WEB_SUPERSET.get(found[0])) is None or not _decodes(data, superset):
        return found
    return superset, f"{found[1]}; read as {superset}, as browsers read it"


def _detected(data: bytes) -> tuple[str, str] | None:
    """_detect_in(_sample(data)); where its pick makes words no language writes (a Russian
    sentence at the end of a long English line, minified HTML: "Ïðåçèäåíò", attacker trial
    of stop 39), a second look with the runs of ASCII left out, taken if its pick makes none.
    Only then: with so little ASCII left, chardet took English pages with a few Latin-1
    letters for Big5 or cp1257 (10 of the 4,403 dev, corpus and benchmark files)."""
    sample = _sample(data)
    found = _detect_in(data, sample)
    if found is None or not ALL_ACCENTED.search(sample.decode(found[0], errors="replace")):
        return found
    letters = LONG_ASCII.sub(rb"\1\n", sample)  # a two-byte charset's trail byte may be ASCII
    again = _detect_in(data, letters)
    if again is None or ALL_ACCENTED.search(letters.decode(again[0], errors="replace")):
        return found
    return again[0], again[1] + " (the non-ASCII text alone)"


def _detect_in(data: bytes, sample: bytes) -> tuple[str, str] | None:
    """The charset the detectors' evidence supports, and why: chardet's pick when it is a
    web charset, else charset_normalizer's (see _normalizer_pick).

    chardet (7.x) comes first: on the corpus train pages re-encoded in cp1252, cp1250 and
    cp1251 it told the charset of 99% of them, charset_normalizer 80-91% (lookalike code
    pages: cp1250 for French turns è into č). It is weaker on mostly-English text in CJK
    charsets, which it calls Latin-1 or a DOS code page; those go to charset_normalizer."""
    import chardet  # imported only for non-UTF-8 input

    found = chardet.detect(sample)
    name = _codec_name(found.get("encoding"))
    confidence = found.get("confidence") or 0
    unsure = confidence < UNSURE and _decodes(data, "cp1252")
    if name is not None and name in _web_codecs() and _decodes(data, name):
        mixed = confidence < UNSURE and _mixes_scripts(data, name)
        if not mixed:
            return name, f"chardet: {name}, confidence {confidence:.2f}"
        if not unsure:  # nor does cp1252 read it: charset_normalizer's pick, if it makes no such words
            # (a Czech line in cp1250 read as Greek: "Pψνli luouθkύ", attacker trial of stop 39)
            pick = _normalizer_pick(data, sample)
            if pick is not None and not _mixes_scripts(data, pick[0]):
                return pick
            return name, f"chardet: {name}, confidence {confidence:.2f}"
        if _mixes_scripts(data, "cp1252"):
            return name, f"chardet: {name}, confidence {confidence:.2f}"
    if unsure:
        return "cp1252", f"chardet unsure ({name or 'no charset'}, confidence {confidence:.2f}): the web's default"
    return _normalizer_pick(data, sample)


HIGH_BYTE = re.compile(rb"[\x80-\xff]")
LINE_CONTEXT = 1024  # of a long line, the bytes before its first non-ASCII one that are read


def _sample(data: bytes) -> bytes:
    """What the detectors read: up to DETECT_SAMPLE bytes of the lines that hold a non-ASCII
    byte (of a long line, from LINE_CONTEXT bytes before the first). ASCII reads the same in
    every candidate charset, so its lines are no evidence, and they drown the rest: a page
    with 16 KB or more of ASCII first (an inline script) came out as cp1252 mojibake (second
    attacker, stop 38), an English page with a few lines of cp1251 as ISO-8859-1 (attacker,
    stop 38), and mostly-ASCII pages in GB18030, EUC-JP or Big5 as ISO-8859-1."""
    parts: list[bytes] = []
    size = 0
    at = HIGH_BYTE.search(data)
    while at is not None and size < DETECT_SAMPLE:
        first = at.start()
        start = max(data.rfind(b"\n", 0, first) + 1, first - LINE_CONTEXT)
        end = data.find(b"\n", first)
        end = len(data) if end == -1 else end + 1
        part = data[start : min(end, start + DETECT_SAMPLE - size)]
        parts.append(part)
        size += len(part)
        at = HIGH_BYTE.search(data, end)
    return b"".join(parts) if parts else data[:DETECT_SAMPLE]


def _mixes_scripts(data: bytes, encoding: str) -> bool:
    return MIXED_WORD.search(data.decode(encoding)) is not None


def _codec_name(label: str | None) -> str | None:
    try:
        return codecs.lookup(label).name if label else None
    except LookupError:
        return None


@cache
def _web_codecs() -> frozenset[str]:
    """WEB_CHARSETS as codecs names them ("iso8859-1" for "latin_1")."""
    return frozenset(codecs.lookup(name).name for name in WEB_CHARSETS)


def _normalizer_pick(data: bytes, sample: bytes) -> tuple[str, str] | None:
    """The charset charset_normalizer's evidence supports, and why.

    The detector's first candidate that decodes all of the data stands if it is a web
    charset. A DOS or Mac code page gives way to the web charsets that read as well
    (coherence, the text reads as a language, minus chaos, mojibake-like marks, within
    LOOKALIKE), the least chaotic first. cp1252, the web's commonest legacy charset, is
    always weighed: the detector leaves it out when another code page decodes the same."""
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 input

    candidates = []
    # the non-ASCII lines, else the file's start: a page of German umlauts in GB18030 gave no
    # candidate by its lines alone (benchmarks/charsets.py), and "no charset fits" is an error
    for read in dict.fromkeys([sample, data[:DETECT_SAMPLE]]):
        found = {m.encoding: m for m in from_bytes(read)}
        if "cp1252" not in found and _decodes(data, "cp1252"):
            found.update((m.encoding, m) for m in from_bytes(read, cp_isolation=["cp1252"]))
        # UTF-16/32 show by BOM or NUL pattern; a detector claiming them for NUL-free bytes is guessing
        candidates = [
            m for m in found.values() if not m.encoding.startswith(("utf_16", "utf_32")) and _decodes(data, m.encoding)
        ]
        if candidates:
            break
    if not candidates:
        return None
    first = candidates[0]
    if first.encoding in WEB_CHARSETS:
        close = [first]
    else:
        close = [m for m in candidates if m.coherence - m.chaos >= first.coherence - first.chaos - LOOKALIKE]
    web = [m for m in close if m.encoding in WEB_CHARSETS] or [first]
    pick = min(web, key=lambda m: (round(m.chaos, 3), candidates.index(m)))
    others = [m.encoding for m in close if m is not pick]
    why = f"charset_normalizer: {pick.encoding} chaos {pick.chaos:.3f}, coherence {pick.coherence:.3f}"
    if others:
        why += f"; preferred to {', '.join(others)}"
    return pick.encoding, why


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


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


def _utf16_by_content(head: bytes) -> str | None:
    """UTF-16 without a BOM in a non-Latin script: NULs only where the text has ASCII
    (spaces, digits, newlines), all on one side of each byte pair, too few for the NUL
    pattern; and the bytes decode strictly into printable text, mostly letters. Binary
    data has NULs on both sides, or decodes into unassigned and control characters."""
    head = head[: len(head) - len(head) % 2]
    if len(head) < 16:
        return None
    for encoding, zeros, other in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if other.count(0) * 4 > zeros.count(0):  # NULs on both sides: not the shape of UTF-16 text
            continue
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        shown = sum(c.isprintable() or c in "\n\r\t" for c in text)
        letters = sum(c.isalpha() or unicodedata.category(c)[0] == "M" for c in text)  # marks: Indic vowels
        if shown >= 0.98 * len(text) and letters >= 0.5 * len(text):
            return encoding
    return None


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
