"""UTF-8 with stray bytes of a legacy charset in it: a pasted quote, a word, or whole lines
(a stretch, or lines all through a file) read in their own charset, the rest as UTF-8."""

from __future__ import annotations

import regex

from cleaner.stages.decode_detect import detect

# UTF-8 text with a few stray bytes of a legacy charset in it (a cp1252 apostrophe pasted into
# a page, a word of cp1251 in a Russian one): at most this share of its non-ASCII characters,
# or MAX_FEW_STRAY lone bytes. Detection read a whole Chinese page with one stray 0x92 as
# binary, and a French one with "Tōkyō" in it (0x8D, in "ō", is a byte cp1252 leaves
# undefined) (attacker trials of stop 37).
MAX_STRAY_SHARE = 0.02
MAX_FEW_STRAY = 3  # lone stray bytes accepted whatever their share, with twice as many UTF-8 characters
STRAY = regex.compile("[\udc80-\udcff]+")  # surrogateescape's runs of bytes UTF-8 cannot read
LAST_STRAY = regex.compile("(?r)[\udc80-\udcff]+")  # the same, searched from the end
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
SCRIPT_SAMPLE = 1 << 16  # characters of the text whose letters tell its script


def mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """(text, how) for UTF-8 with stray bytes: the lines that are legacy text of their own
    (_legacy_line) read whole in the charset their bytes tell, when there are enough of them
    to tell it; the other stray runs each in the legacy charset of the text's own script
    (cp1252 for Latin: a cp1251 word in a Russian page read as cp1252 came out "Èçâåñòèÿ"),
    or of a Latin word where it is glued to ASCII letters. None for other text."""
    text = data.decode("utf-8", errors="surrogateescape")
    # counted in C, without a list of every run or character (a 20 MB cp1251 file took 5 s
    # and 1.9 GB here: second attacker trial of stop 39): each stray byte is one surrogate
    stray = len(data) - len(text.encode("utf-8", errors="ignore"))
    wide = _non_ascii(text) - stray
    # a few lone bytes (pasted quotes) whatever the share; runs (a legacy charset's words) by it
    few = min(MAX_FEW_STRAY, wide // 2) if stray <= MAX_FEW_STRAY and stray == len(STRAY.findall(text)) else 0
    # more, unless they are all in one stretch, or in lines of their own among lines of UTF-8
    too_many = stray > max(wide * MAX_STRAY_SHARE, few)
    if not wide or (too_many and not (_damaged_stretch(text) or _mixed_lines(text))):
        return None
    # Lines of a legacy charset of their own, told by their bytes (a cp1251 tail of an English
    # UTF-8 page read as cp1252 came out "Íîâîñòè": attacker trial of stop 38; French lines in a
    # Russian page as cp1251, "annoncй": stop 39) and read whole: a two-byte charset's pairs
    # that happen to be valid UTF-8 split its runs of stray bytes, and each half was read alone
    # ("北京是�л嗣": attacker trial of stop 39)
    spans = [(start, end) for start, end in _stray_lines(text) if _legacy_line(text[start:end])]
    raw = [_raw(text[start:end]) for start, end in spans]
    found = detect(b"\n".join(raw)) if sum(map(_high, raw)) >= DETECT_STRETCH else None
    whole = found[0] if found else ""
    spans = spans if whole else []
    sample = STRAY.sub("", text[:SCRIPT_SAMPLE])
    counts = [(len(script.findall(sample)), name) for script, name in SCRIPT_CHARSETS]
    most, charset = max(counts)
    if most * 2 < _non_ascii(sample):  # mostly Latin letters (é, ü, ō): cp1252, as browsers read such pages
        charset = "cp1252"
    used: dict[str, None] = {}

    def legacy(run: regex.Match) -> str:
        raw = _raw(run.group(0))
        # one byte alone is no character of a two-byte charset: a cp1252 quote pasted in; a
        # run inside a word of ASCII letters is a Latin word's ("Ma\xdfnahmen" in a Russian page)
        latin = (len(raw) == 1 and charset in TWO_BYTE) or _in_latin_word(run)
        codec = "cp1252" if latin else charset
        used[codec] = None
        return raw.decode(codec, errors="replace")

    # the whole lines, and each run outside them (read in the whole text: its neighbours count)
    edits = [(start, end, _raw(text[start:end]).decode(whole, errors="replace")) for start, end in spans]
    k = 0
    for run in STRAY.finditer(text):
        while k < len(spans) and spans[k][1] <= run.start():
            k += 1
        if k == len(spans) or run.start() < spans[k][0]:
            edits.append((run.start(), run.end(), legacy(run)))
    pieces, at = [], 0
    for start, end, new in sorted(edits):
        pieces += [text[at:start], new]
        at = end
    pieces.append(text[at:])
    if spans:
        used[f"{whole} in {len(spans)} line{'s' if len(spans) > 1 else ''} read whole"] = None
    return "".join(pieces), f"utf-8 ({stray} stray byte{'s' if stray > 1 else ''} read as {' and '.join(used)})"


HIGH_BYTES = bytes(range(0x80, 0x100))


def _high(raw: bytes) -> int:
    """How many bytes are not ASCII (counted in C)."""
    return len(raw) - len(raw.translate(None, HIGH_BYTES))


ASCII_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _in_latin_word(run: regex.Match) -> bool:
    text, start, end = run.string, run.start(), run.end()
    return (start > 0 and text[start - 1] in ASCII_LETTER) or (end < len(text) and text[end] in ASCII_LETTER)


def _legacy_line(line: str) -> bool:
    """A line of a legacy charset: at most two bytes of UTF-8 characters (its bytes that happen
    to make valid UTF-8: Shift-JIS's often do) for each stray byte. A UTF-8 line with a
    legacy word pasted in has more, and keeps its UTF-8."""
    stray = sum(map(len, STRAY.findall(line)))
    return _high(_raw(line)) - stray <= 2 * stray


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


# UTF-8 damaged in one stretch (junk bytes appended: second attacker trial of stop 38, a French
# article with 40 random bytes after it was read whole as Shift-JIS, every accent wrong): the
# stray bytes within a stretch of at most this share of the text, and at least MIN_UTF8_OUTSIDE
# UTF-8 characters outside it. A legacy charset's text has its bytes all through it, and its
# non-ASCII bytes make a UTF-8 character only by chance, never all of them outside a stretch.
MAX_DAMAGED_SHARE = 0.25
MIN_UTF8_OUTSIDE = 3
# Non-ASCII bytes of the legacy lines from which their charset is detected (fewer: the runs
# are read in the charset of the text's script)
DETECT_STRETCH = 16


def _damaged_stretch(text: str) -> bool:
    """Whether the stray bytes, from the first to the last, are one damaged stretch."""
    first, last = STRAY.search(text), LAST_STRAY.search(text)
    if first is None or last is None or last.end() - first.start() > len(text) * MAX_DAMAGED_SHARE:
        return False
    return _non_ascii(text[: first.start()]) + _non_ascii(text[last.end() :]) >= MIN_UTF8_OUTSIDE


def _non_ascii(text: str) -> int:
    """How many characters of the text are not ASCII (counted in C)."""
    return len(text) - len(text.encode("ascii", errors="ignore"))


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
