"""Repair Unicode with ftfy, options pinned; typography (curly quotes) is kept.

ftfy is exact but slow on clean text (about 4 MB/s here), mostly in its mojibake
detector. The fast path gives the same output as `ftfy.fix_text(text, CONFIG)`
while calling ftfy only on the lines that could change: a line with none of the
characters any fixer acts on, already NFC, and with no mojibake-detector match is
returned as it is. tests/test_unicode.py checks the identity with hypothesis.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

import ftfy
from ftfy.badness import BADNESS_RE
from ftfy.chardata import CONTROL_CHARS, LIGATURES

from cleaner.document import Document, Line

CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",  # "&amp;" in a text scrape is an entity left in; real HTML (a "<") is left alone
    remove_terminal_escapes=True,  # ANSI colour codes are never article text
    fix_encoding=True,  # the main job: mojibake such as "donâ€™t"
    restore_byte_a0=True,  # mojibake of NBSP shows as "Â " in scrapes
    replace_lossy_sequences=True,  # partly-replaced mojibake becomes one "�", not garbage
    decode_inconsistent_utf8=True,  # scrapes concatenate parts in different encodings
    fix_c1_controls=True,  # C1 controls are cp1252 punctuation that lost its way
    fix_latin_ligatures=True,  # "ﬁ" from PDFs and fonts breaks search; letters mean the same
    fix_character_width=False,  # fullwidth forms are correct in CJK text; changing them alters it
    uncurl_quotes=False,  # typography is kept: curly quotes are what the author wrote
    fix_line_breaks=False,  # lines are already split; input line numbers must stay valid
    fix_surrogates=True,  # lone surrogates cannot be written as UTF-8
    remove_control_chars=True,  # NULs and other controls are never text
    normalization="NFC",  # one form for the same character, so patterns match
    explain=True,  # the fixes applied are recorded in the document
)


def _char_class(codepoints) -> str:
    return "".join(re.escape(chr(c)) for c in sorted(set(codepoints)))


# Characters some fixer other than the mojibake detector acts on: entities ("&"),
# C1 controls, other control characters and terminal escapes, ligatures, surrogates.
TOUCHED = re.compile("[&" + _char_class(CONTROL_CHARS) + _char_class(LIGATURES) + "\x80-\x9f\ud800-\udfff]")
# Every match of ftfy's mojibake detector is at most three characters long and holds
# at least one non-ASCII character of its classes, so it starts at most two characters
# before one of them. Finding those characters is fast; the detector then runs only there.
_DETECTOR_CHARS = {ord(c) for c in BADNESS_RE.pattern if ord(c) > 127}
for _start, _end in re.findall(r"(.)-(.)", BADNESS_RE.pattern):
    if ord(_start) > 127:
        _DETECTOR_CHARS.update(range(ord(_start), ord(_end) + 1))
DETECTOR_CHARS = re.compile("[" + _char_class(_DETECTOR_CHARS) + "]")
MAX_MATCH = 3


def _suspects(text: str, starts: list[int]) -> set[int]:
    """Indexes of the lines (segments starting at `starts`) that ftfy could change.
    One scan of the whole text; the other lines are returned by ftfy unchanged."""
    suspects = {bisect_right(starts, m.start()) - 1 for m in TOUCHED.finditer(text)}
    if not text.isascii():
        ends = starts[1:] + [len(text)]
        for m in DETECTOR_CHARS.finditer(text):
            line = bisect_right(starts, m.start()) - 1
            if line in suspects:
                continue
            first = max(starts[line], m.start() - (MAX_MATCH - 1))
            if any(BADNESS_RE.match(text, pos, ends[line]) for pos in range(first, m.start() + 1)):
                suspects.add(line)
        if not unicodedata.is_normalized("NFC", text):
            suspects |= {i for i, (a, b) in enumerate(zip(starts, ends)) if not unicodedata.is_normalized("NFC", text[a:b])}
    return suspects


def fix_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines as `ftfy.fix_text("\\n".join(lines), CONFIG)` would give them, and the
    names of the fixes applied. Like fix_text, each line is its own segment (with its
    newline), and from the first segment containing "<" on, entities are left alone."""
    text = "\n".join(lines)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    suspects = _suspects(text, starts)
    suspects |= {i for i, line in enumerate(lines) if len(line) >= CONFIG.max_decode_length}
    if not suspects:
        return lines, []
    markup = text.find("<")
    first_markup = bisect_right(starts, markup) - 1 if markup >= 0 else len(lines)
    fixed = list(lines)
    fixes: dict[str, None] = {}
    last = len(lines) - 1
    for i in sorted(suspects):
        segment = lines[i] + "\n" if i < last else lines[i]
        long = len(segment) > CONFIG.max_decode_length
        # fix_text tracks "<" chunk by chunk inside a long line: let it, for that line
        config = CONFIG._replace(unescape_html=False) if i > first_markup or (i == first_markup and not long) else CONFIG
        if long:  # ftfy cuts long segments into chunks; fix_text does it the same way
            result_text, explanation = ftfy.fix_text(segment, config), []
        else:
            result = ftfy.fix_and_explain(segment, config)
            result_text, explanation = result.text, result.explanation or []
        for kind, step in explanation:
            fixes[step if kind == "apply" else f"{kind}:{step}"] = None
        fixed[i] = result_text.removesuffix("\n") if i < last else result_text
    return fixed, list(fixes)


def run(doc: Document, ctx: object) -> Document:
    if not doc.lines:
        return doc
    texts, fixes = fix_lines([line.text for line in doc.lines])
    if all(t == line.text for t, line in zip(texts, doc.lines, strict=True)):
        return doc
    # A fix can turn "&#10;" into a line break; keep one line per input line.
    lines = tuple(Line(line.no, t.replace("\n", " ")) for line, t in zip(doc.lines, texts, strict=True))
    return doc.replace(lines=lines, steps=doc.steps + tuple(f"ftfy:{f}" for f in fixes))
