"""Image alt text and file-name-like lines above the article ("netflix ai job $900k")."""

from __future__ import annotations

import re

from cleaner.document import Line
from cleaner.heuristics.lines import describe
from cleaner.heuristics.meta import byline, date_line
from cleaner.heuristics.phrases import boilerplate_label

WHY = "image alt text above the article: short, lower-case, unpunctuated"
PARAGRAPH_WORDS = 8
MAX_WORDS = 10
CLAUSE_ENDS = (",", ";", ":", "—", "–")  # a line broken mid-sentence: verse, a wrapped paragraph
# A number, then a phrase of four words or more and no other figure: a listicle's headline
# in sentence case ("7 cheap tools every new homeowner should own"), not alt text. A number
# before fewer words is a label or a size ("16 in", "3 weeks ago"). On the corpus's train
# scrapes this spares 3 lines of 126 number-led alt-text lines, all 3 in the gold.
# A line of code: a call, an index, an assignment ("items.reverse()" above a tutorial's first
# paragraph went as alt text: attacker trial of stop 55); not any bracket ("{ 43 comments }")
CODE = re.compile(r"\w\([^()]*\)|\w\[[^\[\]]*\]|\s=\s")
LISTICLE = re.compile(r"\d+(?:[.,]\d+)?\+?(?:\s+[^\W\d_][\w'’-]*,?){4,}")


def alt_text(lines: tuple[Line, ...]) -> list[int]:
    """Image alt text and file-name-like lines in the page header.

    Above the first paragraph, a short line with no capital letter and no closing
    punctuation ("netflix ai job $900k") is SEO alt text or a slug, never a heading:
    headings and bylines are capitalised. Only a line in a cased script can show that:
    Chinese, Arabic or Hebrew have no capitals, so their headings have none either.
    Nor is a date line ("15 мая 2024, 12:40": Russian months are lower case) alt text: the
    metadata stage reads it. Nor a line broken mid-sentence, ending in a comma or a dash or
    right below one that does; and with no paragraph below, no line is above one: the page is
    verse or a list (trials of stop 47: poems lost their lower-case lines).
    """
    found: list[int] = []
    above = ""  # the line right above, "" after a blank line
    for i, line in enumerate(lines):
        if not line.text.strip():
            above = ""
            continue
        info = describe(i, line.text)
        broken, above = above.endswith(CLAUSE_ENDS), info.text
        # the first paragraph: not a notice ("© 2023 Site. All poems copyright their authors.")
        if info.sentence and info.words >= PARAGRAPH_WORDS and boilerplate_label(info.text, info.words) is None:
            return found
        text = info.text
        if (
            info.words <= MAX_WORDS
            and not info.bullet
            and not info.sentence
            and not text.endswith(CLAUSE_ENDS)
            and not broken  # the line above goes on in this one
            and any(map(str.islower, text))  # cased letters, as uncased ones are neither (map: in C)
            and not any(map(str.isupper, text))
            and not LISTICLE.fullmatch(text)
            and not date_line(text)
            and boilerplate_label(text, info.words) is None  # "5 min read" is a counter: named so (trial of stop 52)
            and byline(text) is None  # "김민준 기자 minjun@hanbit.co.kr" (second attacker trial of stop 52)
            and not CODE.search(text)
        ):
            found.append(i)
    return []  # no paragraph: nothing is above the article (a poem's lower-case lines)
