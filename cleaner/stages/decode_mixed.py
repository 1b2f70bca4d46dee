"""UTF-8 with stray bytes of a legacy charset in it: a pasted quote, a word, or whole lines
(a stretch, or lines all through a file) read in their own charset, the rest as UTF-8."""

from __future__ import annotations

from collections.abc import Iterator

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


def mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """(text, how) for UTF-8 with stray bytes: lines of them (a stretch, or lines all through
    it) read whole in the charset their bytes tell; a few, each run of them in the legacy
    charset of the text's own script (cp1252 for Latin: a cp1251 word in a Russian page read
    as cp1252 came out "Èçâåñòèÿ"). None for other text."""
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
    if whole_lines and stray >= DETECT_STRETCH:
        # lines of a legacy charset of their own, told by their bytes (a cp1251 tail of an
        # English UTF-8 page read as cp1252 came out "Íîâîñòè": attacker trial of stop 38) and
        # read whole: a two-byte charset's pairs that happen to be valid UTF-8 split its runs
        # of stray bytes, and each half was read alone ("北京是�л嗣": attacker trial of stop 39)
        spans = _stray_lines(text)
        guess = detect(b"\n".join(_raw(text[start:end]) for start, end in spans))
        if guess:
            fixed = "".join(_pieces(text, spans, guess[0]))
            return fixed, f"utf-8 ({stray} stray bytes read as {guess[0]}, in {len(spans)} lines read whole)"
    sample = STRAY.sub("", text)
    counts = [(len(script.findall(sample)), name) for script, name in SCRIPT_CHARSETS]
    most, charset = max(counts)
    if most * 2 < wide:  # mostly Latin letters (é, ü, ō): cp1252, as browsers read such pages
        charset = "cp1252"
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
