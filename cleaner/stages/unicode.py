"""Repair Unicode with ftfy, options pinned; typography (curly quotes) is kept."""

from __future__ import annotations

import ftfy

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


def fix(text: str) -> tuple[str, list[str]]:
    """The repaired text and the names of the fixes ftfy applied."""
    result = ftfy.fix_and_explain(text, config=CONFIG)
    names = [step for kind, step in result.explanation or () if kind == "apply"]
    encodings = [f"{kind}:{step}" for kind, step in result.explanation or () if kind in ("encode", "decode")]
    return result.text, list(dict.fromkeys(encodings + names))


def run(doc: Document, ctx: object) -> Document:
    if not doc.lines:
        return doc
    text = "\n".join(line.text for line in doc.lines)
    fixed, fixes = fix(text)
    if fixed == text:
        return doc
    texts = fixed.split("\n")
    if len(texts) != len(doc.lines):  # an entity such as "&#10;" became a line break: fix line by line
        texts = [fix(line.text)[0].replace("\n", " ") for line in doc.lines]
    lines = tuple(Line(line.no, t) for line, t in zip(doc.lines, texts, strict=True))
    return doc.replace(lines=lines, steps=doc.steps + tuple(f"ftfy:{f}" for f in fixes))
