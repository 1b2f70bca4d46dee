"""Image alt text and file-name-like lines above the article ("netflix ai job $900k")."""

from __future__ import annotations

import regex

from cleaner.document import Line

SENTENCE_END = regex.compile(r"[.!?…:;]['\"’”)]*$")
BULLET = regex.compile(r"^(?:[-*]\s|[•◦▪▫‣⁃●○■□∙])")
WORD = regex.compile(r"\w+")
WHY = "image alt text above the article: short, lower-case, unpunctuated"


def _is_paragraph(text: str) -> bool:
    """A line of running prose: several words ending like a sentence."""
    return len(WORD.findall(text)) >= 8 and bool(SENTENCE_END.search(text))


def alt_text(lines: tuple[Line, ...]) -> list[int]:
    """Image alt text and file-name-like lines in the page header.

    Above the first paragraph, a short line with no capital letter and no closing
    punctuation ("netflix ai job $900k") is SEO alt text or a slug, never a heading:
    headings and bylines are capitalised.
    """
    found = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if _is_paragraph(text):
            break
        words = text.split()
        if (
            len(words) <= 10
            and any(c.isalpha() for c in text)
            and not any(c.isupper() for c in text)
            and not SENTENCE_END.search(text)
            and not BULLET.match(text)
        ):
            found.append(i)
    return found
