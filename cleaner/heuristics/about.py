"""Whether a heading-like line names what the article below it is about: a headline does; a
section label, a site's name or a call to action above it seldom does. The metadata stage's
test for a title, and the page analysis's for which heading-like line above the body is the
headline."""

from __future__ import annotations

import regex

from cleaner.heuristics.language import languages, page_language

WORD = regex.compile(r"\p{L}{4,}")
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
# Korean: a syllable block is a letter, two make a word ("부산"), and particles join the noun they
# follow ("해수욕장을"): a title's word of two syllables or more is found at the start of a
# body word at most PARTICLE syllables longer (new-user trial of stop 52: a Korean headline
# whose words the article repeats went as no title)
HANGUL = regex.compile(r"\p{Hangul}{2,}")
PARTICLE = 2


def about(title: str, body: list[str]) -> bool:
    """Some word of the title (of 4+ letters) occurs in the body (by its stem where the
    page's language inflects its nouns): a headline names what the article is about; a
    section label or a call to action above it seldom does."""
    words = {w.casefold() for w in WORD.findall(title)}
    if not (words or HANGUL.search(title)) or UNSPACED.search(title):
        return True  # numbers, scripts written without spaces: no test
    text = "\n".join(body).casefold()
    if any(_has_word(text, word) for word in words):
        return True
    if any(_has_word(text, word, PARTICLE) for word in HANGUL.findall(title)):
        return True
    stems = [word[:-STEM_CUT] for word in words if len(word) >= STEM_WORD]
    return bool(stems) and _inflected(body) and any(_has_word(text, stem, STEM_SLACK) for stem in stems)


# Where the page's language inflects its nouns (the data files' `inflected`), a title word of
# STEM_WORD letters or more is found by its stem, all but its last STEM_CUT letters, in a body
# word at most STEM_SLACK letters longer than the stem ("трамвая" in the title, "трамвайной" in
# the body: new-user trial, a Russian headline went as no title). Not in English: with stems,
# section labels passed as titles on the corpus's train pages ("Speeches" for "speech"); with a
# letter more allowed ("Road" in "roads", stop 60), no train text title changed, a train HTML
# page's title became "Return to Table of Contents" and a dev slide heading a title.
STEM_WORD = 7
STEM_CUT = 2
STEM_SLACK = 5


def _inflected(body: list[str]) -> bool:
    code = page_language(body)
    return any(lang.code == code and lang.inflected for lang in languages())


def _has_word(text: str, word: str, longer: int = 0) -> bool:
    """`word` occurs in `text` as a whole run of letters, or as the start of one at most
    `longer` letters longer (str.find: a regex over the whole body for every page cost more
    than the rest of the stage)."""
    at = text.find(word)
    while at != -1:
        if at == 0 or not text[at - 1].isalpha():
            end = at + len(word)
            while end < len(text) and end - at - len(word) <= longer and text[end].isalpha():
                end += 1
            if end - at - len(word) <= longer and (end == len(text) or not text[end].isalpha()):
                return True
        at = text.find(word, at + 1)
    return False
