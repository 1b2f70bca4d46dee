"""Which legacy charset bytes that are not UTF-8 are in: chardet and charset_normalizer,
weighed (what they read, which of their picks web pages use, words no language writes)."""

from __future__ import annotations

import codecs
import re
from functools import cache

import regex

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
ACCENTED_WORD = r"\b(?:(?![A-Za-z])\p{Latin}){4,}\b"
ALL_ACCENTED = regex.compile(rf"{ACCENTED_WORD}|[\x80-\x9f]")
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


def detect(data: bytes) -> tuple[str, str] | None:
    """_detected(data), read as browsers read its charset (WEB_SUPERSET) where that decodes."""
    found = _detected(data)
    if found is None or (superset := WEB_SUPERSET.get(found[0])) is None or not decodes(data, superset):
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
    unsure = confidence < UNSURE and decodes(data, "cp1252")
    if name is not None and name in _web_codecs() and decodes(data, name):
        mixed = confidence < UNSURE and _mixes_scripts(sample, name)
        if not mixed:
            return name, f"chardet: {name}, confidence {confidence:.2f}"
        if not unsure:  # nor does cp1252 read it: charset_normalizer's pick, if it makes no such words
            # (a Czech line in cp1250 read as Greek: "Pψνli luouθkύ", attacker trial of stop 39)
            pick = _normalizer_pick(data, sample)
            if pick is not None and not _mixes_scripts(sample, pick[0]):
                return pick
            return name, f"chardet: {name}, confidence {confidence:.2f}"
        if _mixes_scripts(sample, "cp1252"):
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


def _mixes_scripts(sample: bytes, encoding: str) -> bool:
    """Whether the sample read in `encoding` makes MIXED_WORDs (its non-ASCII lines are
    where they would be; the whole file, decoded for this, cost a second on 20 MB)."""
    return MIXED_WORD.search(sample.decode(encoding, errors="replace")) is not None


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
        if "cp1252" not in found and decodes(data, "cp1252"):
            found.update((m.encoding, m) for m in from_bytes(read, cp_isolation=["cp1252"]))
        # UTF-16/32 show by BOM or NUL pattern; a detector claiming them for NUL-free bytes is guessing
        candidates = [
            m for m in found.values() if not m.encoding.startswith(("utf_16", "utf_32")) and decodes(data, m.encoding)
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


def decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
