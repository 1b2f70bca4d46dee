"""Bylines and date lines: metadata a page prints near the top of the article.

`byline("By Jane Doe | March 3, 2021")` gives the author (and any date on the line; also
"By Jane Doe on March 3, 2021" and "Posted on March 3, 2021 by Jane Doe");
`date_line("Published: 03.03.2021, 10:15")` gives the date. Dates come out as ISO
YYYY-MM-DD, or not at all when the day and month cannot be told apart; `when(line)` adds
the time and zone printed right after the date (the metadata's date), and `undated_line`
tells a date without a year ("Published Mar 3, 07:32"), which is never a title.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import regex

from cleaner.dates import full_year
from cleaner.heuristics.counters import reading_time_in
from cleaner.heuristics.language import in_capitals, languages
from cleaner.heuristics.lines import more_words
from cleaner.heuristics.phrases import trie_pattern

# A name: one to five capitalised words ("Jane Doe", "Jean-Luc de la Fontaine", "J. R. Smith").
NAME_WORD = r"(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|la|le|van|von|der|den|da|del|di|du|dos|y|e|i|und|and|et|&)"
NAME = rf"\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?:,?\s+{NAME_WORD}){{0,5}}"
SEPARATOR = r"\s*(?:[|•·,/–—-]|\s{2,}|$)\s*"
# A release's number in a date's figures ("Version 1.2.2024 released", "v2.3.2024"): no date
NOT_VERSION = r"(?<!(?i:\bv|\bver\.?|\bversion|\bversión|\bversione|\bversão|\brelease|\bbuild|\brev\.?)\s?)"
MAX_DATE_LINE_WORDS = 20
ZONE = r"(?:\s*(?:gmt|utc|cet|cest|est|edt|pst|pdt|bst)(?:[+-]\d{1,2})?)"
# "By Jane Doe on March 3, 2021": the word before a date after the name
# "By Jane Doe on March 3, 2021"; "By Jane Doe published May 20, 2024" (new-user trial of stop 38)
ON = r"on|in|am|le|el|em|w|at|à|às|(?:last\s+)?updated|published|posted"
# A section after a byline's "on" or "in" ("By Jane Doe in Politics", "on World News"): a few
# capitalised words, no figures, no sentence's end
SECTION = regex.compile(r"(?:\p{Lu}[\p{L}'’-]*|&|and)(?:\s+(?:\p{Lu}[\p{L}'’-]*|&|and|of)){0,3}")
TIME = rf"(?:\d{{1,2}}[:.h]\d{{2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?|uhr|h)?{ZONE}?)"
TIME_ONLY = regex.compile(TIME, regex.I)


# Bylines of scripts without case, where a name cannot be told by its capitals: the label
# ("text:", "reporter:", "author:", "editor:" in Japanese and Chinese) and a short name in those scripts
# (not "责任编辑", the responsible editor every Chinese news page names at its end: no author,
# a credit of the data file's; new-user trial of stop 59: the editor was the author)
# "投稿者" (poster): a Japanese blog's author (new-user trial of stop 59: its author was null)
UNSPACED_BYLINE = "文|記者|记者|作者|撰文|執筆|编辑|編集|取材・文|文・写真|写真・文|投稿者"
# "Reporter" names the writer with a space alone ("記者 佐藤健一": new-user trial); the other
# labels need their colon ("编辑 锁定 讨论" is an encyclopedia's toolbar: edit, lock, discuss)
REPORTER = "記者|记者|기자"
UNSPACED_NAME = r"[\p{Han}\p{Hiragana}\p{Katakana}ー・]{1,8}(?:\s[\p{Han}\p{Hiragana}\p{Katakana}ー・]{1,6})?"
# The name before "reporter", as Korean puts it ("김민준 기자", with the reporter's e-mail at times):
# the whole line (new-user trial of stop 52: the Korean byline stayed as text)
# A Korean name only: "本报记者", "新华社记者" and "사회부 기자" name a paper, an agency or a desk,
# "사진 기자" a photographer's job (second attacker trial of stop 52: author "本报", "사회부")
REPORTER_AFTER = regex.compile(
    r"^(?!\p{Hangul}*(?:부|팀|사진|뉴스|온라인|디지털)\s?(?:기자|특파원))(?P<name>\p{Hangul}{2,4})\s?(?:기자|특파원)"
    r"(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\s*$"
)

# The date first, then the writer under an unspaced label: "2023年12月15日 投稿者：ゆき", "发布于
# 2023年11月5日 作者：小林", "2024年2月20日 記者 佐藤健一" (second attacker trial of stop 60: such a
# line was the title, the author null)
DATED_UNSPACED = regex.compile(
    rf"^(?P<before>.+?)\s+(?:(?:{UNSPACED_BYLINE})\s*[：:／/]\s*|(?:{REPORTER})\s+)(?P<name>{UNSPACED_NAME})\s*$"
)


class Patterns(NamedTuple):
    byline: regex.Pattern
    byline_on: regex.Pattern  # "By Jane Doe on March 3, 2021"
    byline_after: regex.Pattern  # "Posted on March 3, 2021 by Jane Doe"
    byline_unspaced: regex.Pattern  # "文：田中 愛子", "记者：王小明": a label, a colon, a name of 2-8 letters
    iso: regex.Pattern
    cjk: regex.Pattern  # "2024年6月1日" (Chinese, Japanese), "2024년 6월 1일" (Korean)
    dmy_numeric: regex.Pattern
    slashed: regex.Pattern  # "2024/04/21", "21/04/2024", "04/21/2024"
    month_first: regex.Pattern
    day_first: regex.Pattern
    months: dict[str, int]
    leftover: regex.Pattern  # what a date line may hold besides the date
    undated: regex.Pattern  # a day and month without a year ("Mar 3", "3 March")
    byline_words: frozenset[str]  # the first word of each byline prefix, casefolded (see byline)
    byline_role: regex.Pattern | None  # "Jane Doe, Senior Reporter": a name, a comma, a role
    roles: frozenset[str]  # the roles' words, casefolded


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    langs = languages()
    months: dict[str, int] = {}
    for lang in langs:
        # Full names first (12 in calendar order), then abbreviations in calendar order too.
        full, short = lang.months[:12], lang.months[12:]
        for n, name in enumerate(full, 1):
            months.setdefault(name, n)
        for name in short:
            hit = next((n for n, f in enumerate(full, 1) if f.startswith(name[:3])), None)
            if hit:
                months.setdefault(name, hit)
    for name, n in list(months.items()):  # after every language's own names: none shadowed
        for form in in_capitals(name)[1:]:
            months.setdefault(form, n)
    # As a trie (the same matches: longest name first), twice as fast as the flat list
    month = rf"(?P<month>{trie_pattern(months)})\.?"
    year = r"(?P<year>(?:19|20)\d\d)\b"
    prefixes = _alt(p for lang in langs for p in lang.byline)
    # and the words that start a byline only in lower case ("di Marco Bellini"; "Di Maio" is a name)
    lower = _alt(p for lang in langs for p in lang.byline_lower)
    lead = rf"(?:(?i:{prefixes})|{lower})" if lower else rf"(?i:{prefixes})"
    date_words = _alt(w for lang in langs for w in lang.date_words)
    return Patterns(
        byline=regex.compile(rf"^{lead}\s+(?P<name>{NAME}?)(?={SEPARATOR})(?P<rest>.*)$"),
        byline_on=regex.compile(rf"^{lead}\s+(?P<name>{NAME}?)\s+(?i:{ON})\s+(?P<rest>.*)$"),
        byline_after=regex.compile(rf"^(?P<before>.+?)\s+{lead}\s+(?P<name>{NAME}?)(?={SEPARATOR})(?P<rest>.*)$"),
        byline_unspaced=regex.compile(
            rf"^(?:(?:{UNSPACED_BYLINE})\s*[：:／/]\s*|(?:{REPORTER})\s+)(?P<name>{UNSPACED_NAME})(?=\s*(?:[|｜•·,，、/／]|\s{{2,}}|$)|\s+(?:19|20)\d\d)(?P<rest>.*)$"
        ),
        iso=regex.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
        cjk=regex.compile(
            r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"
        ),
        dmy_numeric=regex.compile(
            rf"{NOT_VERSION}\b(?<!\d\.)(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?(?P<year>(?:19|20)\d\d)\b(?!\.\d)"
        ),
        slashed=regex.compile(
            rf"{NOT_VERSION}(?<![\d/])(?:(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)"
            r"|(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)?\d\d))(?![\d/])"
        ),
        month_first=regex.compile(rf"\b{month}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{year}", regex.I),
        day_first=regex.compile(
            rf"\b(?P<day>[0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?{month}(?:\s+de)?,?\s+{year}", regex.I
        ),
        months=months,
        leftover=regex.compile(rf"(?:{date_words}|{TIME}|on|am|um|le|el|em|w|at|à|a las|às)\b", regex.I),
        undated=regex.compile(
            rf"\b(?:{month}\s+[0-3]?\d(?:st|nd|rd|th)?|[0-3]?\d(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?{month})(?!\p{{L}})",
            regex.I,
        ),
        byline_words=frozenset(
            p.split()[0].casefold() for lang in langs for p in (*lang.byline, *lang.byline_lower) if p.split()
        ),
        # two to four capitalised words, a comma, up to three words of the role's and the role
        # (new-user trial of stop 38: "Mark Davies, Economics Correspondent" read as header)
        byline_role=regex.compile(
            rf"^(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?:\s+{NAME_WORD}){{1,3}}),\s+"
            rf"(?:[\p{{L}}&-]+\s+){{0,3}}(?i:{roles})(?=\s*(?:[|•·,–—-]|$))(?P<rest>.*)$"
        )
        if (roles := _alt(r for lang in langs for r in lang.byline_roles))
        else None,
        roles=frozenset(r for lang in langs for r in lang.byline_roles),
    )


# Scripts written without spaces: a run of their letters is a whole phrase, not one word, so a
# date line may hold only a short label of them ("掲載日：", "更新日時"); more is a sentence
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
MAX_UNSPACED_LABEL = 4
# A Chinese or Japanese date line names where the story comes from after the date ("2024年3月5日
# 08:30 来源：新华社"; new-user trial of stop 51): that label and its outlet, up to the next space
# and the reporter's credit after it ("来源：东方日报 记者 王晓明": new-user trial of stop 59, the
# date was null)
SOURCE = regex.compile(
    r"(?:来源|來源|稿源|出处|出處|出典)\s*[:：]\s*[^\s|｜]{1,20}(?:\s+(?:记者|記者)\s*[:：]?\s*[\p{Han}·]{2,4})?"
    # or the reporter alone after the date: "2024年2月20日 記者 佐藤健一" (attacker trial of stop 60:
    # no date line, and the headline above it went as header)
    r"|(?<=\s)(?:记者|記者)\s*[:：]?\s*[\p{Han}\p{Hiragana}\p{Katakana}ー・]{2,8}\s*$"
)
# every date pattern has a year ("3/14/24": two digits after a slash): a cheap test first
YEAR = re.compile(r"(?:19|20)\d\d|\d/\d\d(?!\d)")


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first date in the text as YYYY-MM-DD, and where it is."""
    if not YEAR.search(text):
        return None
    p = patterns()
    for pattern in (p.iso, p.cjk, p.month_first, p.day_first, p.dmy_numeric):
        m = pattern.search(text)
        if not m:
            continue
        month = m.group("month").lower()
        month_no = int(month) if month.isdigit() else p.months.get(month.rstrip("."))
        day = int(m.group("day"))
        if month_no and 1 <= month_no <= 12 and 1 <= day <= 31:
            return f"{m.group('year')}-{month_no:02d}-{day:02d}", m.span()
    return _slashed(p.slashed.search(text))


def _slashed(m: regex.Match | None) -> tuple[str, tuple[int, int]] | None:
    """The date of a Patterns.slashed match: year first, or day and month in either order,
    which only a day past 12 tells ("21/04/2024", "04/21/2024"; "04/05/2024" is April 5 in
    one country and May 4 in another: none)."""
    if m is None:
        return None
    if m.group("first"):
        first, second = int(m.group("first")), int(m.group("second"))
        if first != second and (first > 12) == (second > 12):  # 12/12/2024 reads the same either way
            return None
        day, month = (first, second) if first > 12 else (second, first)
    else:
        day, month = int(m.group("day")), int(m.group("month"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = int(m.group("year"))
    if year < 100:  # "3/14/24", as cleaner.dates reads a profile rule's
        year = full_year(year)
    return f"{year}-{month:02d}-{day:02d}", m.span()


@lru_cache(maxsize=1 << 16)  # pure in the text; called for every line in every pass
def date_line(text: str) -> str | None:
    """The date if the line is only a date, perhaps with a label and a time."""
    if more_words(text, MAX_DATE_LINE_WORDS) or not YEAR.search(text):  # the cheap tests first
        return None
    dates = all_dates(text)
    if not dates:
        return None
    rest = text
    for _, (start, end) in dates:  # "Published: <date> | Updated: <date>"
        rest = rest[:start] + " " * (end - start) + rest[end:]
    rest = patterns().leftover.sub(" ", SOURCE.sub(" ", rest))
    if len(regex.findall(r"\p{L}{2,}", rest)) > 2 or len(UNSPACED.findall(rest)) > MAX_UNSPACED_LABEL:
        return None
    return min(dates, key=itemgetter(0))[0]


def all_dates(text: str) -> list[tuple[str, tuple[int, int]]]:
    """find_date's dates of the text, each with where it is, in the order they are found. A
    line's date is the earliest of them: "Updated: 15 March 2024 | First published: 14 March
    2024" is the 14th, as "Published 14 March 2024, updated 16 March" (new-user trial of stop 38)."""
    dates = []
    while found := find_date(text):
        dates.append(found)
        start, end = found[1]
        text = text[:start] + " " * (end - start) + text[end:]  # the same length: spans stay
    return dates


# r"\s+[|•·]\s+", linear on long runs of spaces (as phrases.SEPARATORS)
SEGMENTS = regex.compile(r"(?<!\s)\s++[|•·]\s+")


@lru_cache(maxsize=1 << 16)  # pure in the text; called for every line in every pass
def dateline(text: str) -> str | None:
    """The date of a line of article facts: a date among short parts split by "|" or "·"
    ("March 3, 2021 | categories: Python | 4 comments")."""
    if more_words(text, MAX_DATE_LINE_WORDS):
        return None
    parts = SEGMENTS.split(text)
    if len(parts) < 2 or any(len(part.split()) > 6 for part in parts):
        return None
    found = find_date(text)
    return found[0] if found else None


UNSPACED_STARTS = tuple(UNSPACED_BYLINE.split("|"))


WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# Words "By" is followed by in a sentence, that no name starts with (not months: April, June
# and August are names; "By March 3, the plan ..." is caught by its length)
NOT_NAMES = WEEKDAYS | frozenset(
    [
        "today",
        "tomorrow",
        "tonight",
        "now",
        "noon",
        "midnight",
        "this",
        "that",
        "these",
        "those",
        "far",
        "contrast",
        "comparison",
        "law",
    ]
)
# no name starts "Name, Role" either ("The Editor, Reporter")
NOT_ROLE_NAMES = NOT_NAMES | frozenset(
    ["the", "a", "an", "our", "your", "le", "la", "les", "der", "die", "das", "el", "il", "lo"]
)
MAX_BYLINE_WORDS = 20  # longer is a sentence
MAX_BYLINE_TAIL_WORDS = 8  # after the name: a role, a date, a place; more and a sentence end is prose
# After a one-word "name" and a comma, a clause's first word: the line is a sentence
CLAUSE_AFTER = regex.compile(r",\s*(?:it|the|a|an|we|i|he|she|they|this|that|there|you)\b")


@lru_cache(maxsize=1)
def _lower_leads() -> dict[str, frozenset[str]]:
    """The words that start a byline only in lower case (byline_lower), casefolded, and the
    languages (codes) whose words they are."""
    leads: dict[str, set[str]] = {}
    for lang in languages():
        for word in lang.byline_lower:
            leads.setdefault(word.casefold(), set()).add(lang.code)
    return {word: frozenset(codes) for word, codes in leads.items()}


def capitalised_lead(text: str) -> bool:
    """Whether the line opens with a lower-case byline word written with a capital ("Door
    Pieter de Vries", the usual Dutch byline): one only its page's language can tell from a
    name or a place ("Door County", "Di Maio"). One match in C: asked of every line."""
    return _capitalised_leads().match(text) is not None


@lru_cache(maxsize=1)
def _capitalised_leads() -> re.Pattern[str]:
    words = sorted(_lower_leads(), key=len, reverse=True)
    return re.compile("|".join(f"{re.escape(w[:1].upper())}(?i:{re.escape(w[1:])})(?!\\S)" for w in words))


def as_byline_in(text: str, language: str | None) -> str:
    """The line as a byline of a page in `language` reads: a capitalised lead of that
    language's own (capitalised_lead) in lower case, as it may stand in a sentence."""
    first = text.split(None, 1)[0] if text[:1].isupper() else ""
    if language is not None and language in _lower_leads().get(first.casefold(), ()):
        return first.lower() + text[len(first) :]
    return text


@lru_cache(maxsize=1 << 16)  # pure in the text; called for every line in every pass
def byline(text: str) -> tuple[str, str | None] | None:
    """The author of a byline, and the date if the line gives one too: "By Jane Doe |
    March 3, 2021", "By Jane Doe on March 3, 2021", "Posted on March 3, 2021 by Jane Doe"."""
    # The patterns are tried only where one could match: the text starts with an unspaced
    # label or holds a byline prefix's first word as a word of its own (every pattern has the
    # prefix between the start or a space and a space). Casefolded words are what (?i)
    # matches, but for "İ", which it takes for "i"; casefolding adds or removes no spaces.
    if more_words(text, MAX_BYLINE_WORDS):
        return None
    words = text.replace("İ", "i").casefold().split()
    if (m := REPORTER_AFTER.match(text)) is not None:
        return m.group("name"), None
    if (m := DATED_UNSPACED.match(text)) is not None and (on := date_line(m.group("before"))) is not None:
        return m.group("name"), on
    p = patterns()
    if p.byline_words.isdisjoint(words) and not text.startswith(UNSPACED_STARTS):
        if "," not in text or p.byline_role is None or p.roles.isdisjoint(w.strip(",|") for w in words):
            return _name_date_counts(text)
        m = p.byline_role.match(text)
        if m is None or m.group("name").split()[0].casefold() in NOT_ROLE_NAMES:
            return None
        found = find_date(m.group("rest"))
        return m.group("name"), found[0] if found else None
    m = p.byline.match(text)
    if m is None and (m := p.byline_on.match(text)) and not date_line(rest := m.group("rest")):
        # "By Jane Doe at the Capitol": the "on" of a date only, or the "at" of a time (Blogger's
        # "Posted by Jane Doe at 4:17 PM": new-user trial of stop 36), of a date the cleaner
        # cannot read ("published 12/05/2024", "on March 3": the author is still plain;
        # attacker trial of stop 38), or of a section ("on Politics", "in World News":
        # attacker trial of stop 39, where the line stayed in the text, author null)
        m = m if TIME_ONLY.fullmatch(rest.strip()) or undated_line(rest) or SECTION.fullmatch(rest.strip()) else None
    if m is None:
        m = p.byline_unspaced.match(text)
    if m is not None:
        date_part = m.group("rest")
    elif (
        (m := p.byline_after.match(text))
        and date_line(m.group("before"))
        and not m.group("rest").strip()
        and _ends_as_date(m.group("before"))
    ):
        date_part = m.group("before")
    else:
        return None
    name = m.group("name").strip(" ,")
    if len(name) < (2 if m.re is p.byline_unspaced else 3):  # "张三": two-character names are common
        return None
    # after "di", "door", "Του": a full name, never one word ("da Silva - the comeback", "door
    # Amsterdam, Rotterdam en ...", "Της Ελλάδας, της Κύπρου": attacker trial 3 of stop 36)
    before = text[: m.start("name")].split()
    if before and before[-1].casefold() in _full_name_words() and len(name.split()) < 2:
        return None
    if name.split()[0].casefold() in NOT_NAMES:  # "By Friday, the schools reopen.": a sentence
        return None
    rest = m.group("rest") if m.re is not p.byline_after else ""
    if len(rest.split()) > MAX_BYLINE_TAIL_WORDS and rest.rstrip().endswith((".", "!", "?")):
        return None  # "By Jane Doe, who covered the council for ten years, retired on Friday."
    if len(name.split()) == 1 and CLAUSE_AFTER.match(rest):
        return None  # "By God, it was long.": an oath, no name (second attacker trial of stop 40)
    # the name runs on over the capitalised words after it: a weekday that starts the date is
    # no part of it ("Posted By Jane Doe Thursday, August 9, 2012")
    words = name.split()
    cut = next((n for n, word in enumerate(words) if n and word.casefold().strip(",") in WEEKDAYS), None)
    if cut is not None:
        name = " ".join(words[:cut])
    found = find_date(date_part)
    return name, found[0] if found else None


# A post's meta line without "By": "Jane Doe · January 12, 2024 · 14 comments" (new-user trial of
# stop 48). Its name is 2-4 capitalised words; a date and counters ("14 comments", "5 min read")
# are the other parts, a counter among them: "New York · March 3, 2024" is a dateline's place
META_PARTS = re.compile(r"\s+[·•|]\s+")
BARE_NAME = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}")


def _name_date_counts(text: str) -> tuple[str, str | None] | None:
    """The author and date of a meta line "Name · date · counts", or None."""
    from cleaner.heuristics.counters import is_counter

    parts = META_PARTS.split(text)
    if len(parts) < 3 or not BARE_NAME.fullmatch(parts[0]) or parts[0].split()[0].casefold() in NOT_NAMES:
        return None
    dates = [found for part in parts[1:] if date_line(part) and (found := find_date(part))]
    counts = [part for part in parts[1:] if is_counter(part)]
    if len(dates) != 1 or not counts or len(dates) + len(counts) != len(parts) - 1 or date_line(parts[0]):
        return None
    return parts[0], dates[0][0]


@lru_cache(maxsize=1)
def _full_name_words() -> frozenset[str]:
    return frozenset(w for lang in languages() for w in lang.byline_full_name)


@lru_cache(maxsize=1)
def _date_end_words() -> frozenset[str]:
    """Words a date (and its label) may end on right before "by": months, weekdays, the
    date labels ("Posted", "Updated"), a.m. and p.m."""
    words = {f.casefold() for lang in languages() for w in lang.months for f in in_capitals(w)}
    words |= WEEKDAYS | {"am", "pm", "a.m", "p.m"}
    return frozenset(words | {w.casefold() for lang in languages() for label in lang.date_words for w in label.split()})


def _ends_as_date(before: str) -> bool:
    """Whether the text before a byline's "by" ends as its date does: "March 3, 2024 · Edited
    by John Roe" names an editor, "Reviewed by", "Photos by", "Sponsored by" others than the
    author (attacker trial: each gave the author). A time zone ("EST") may end it too, and a
    comma may set "by" apart ("Posted 9th August 2012, 5:28pm in News, by the News Desk")."""
    last = before.split()[-1].strip(".,;:|·•–—-()[]") if before.split() else ""
    if not last or not last.isalpha() or before.rstrip().endswith(","):
        return True
    return last.casefold() in _date_end_words() or (last.isupper() and len(last) <= 4)


def photo_credit(text: str, name: str) -> bool:
    """Whether the byline `text` (its `name` as `byline` reads it) credits a photo: "By Jane
    Doe/Getty Images" names the photographer, not the author."""
    return text.split(name, 1)[-1].lstrip().startswith("/")


@lru_cache(maxsize=1)
def _counter_words() -> frozenset[str]:
    return frozenset(word for lang in languages() for word in lang.counters if " " not in word)


# Capitalised words that end a person's name where a byline runs on ("By Jane Doe For The
# Guardian") or show it is none ("By Order Of The Council", "By The Numbers")
NAME_ENDS = frozenset(["For", "Of", "The", "At", "From", "With", "In"])


def person(name: str) -> str | None:
    """A byline's `name` (as `byline` reads it) as a person's name, or None. The name runs on
    over the capitalised words after it: a counter ("by Jane Doe One Comment", "von Jdoe Ein
    Kommentar") leaves no telling where the name ends: None; "For", "Of", "The" end it. One
    word is a handle ("By admin"), not a person's name, as for the author meta tag
    (cleaner.stages.html_meta), unless in a script written unspaced ("王小明"); nor is a
    name ending on a month ("By Late March, prices doubled").

    >>> person("Jane Doe"), person("Jane Doe One Comment"), person("Jdoe"), person("Jane Doe For The Guardian")
    ('Jane Doe', None, None, 'Jane Doe')
    >>> person("王小明"), person("王")
    ('王小明', None)
    """
    words = name.split()
    if any(word.casefold() in _counter_words() for word in words):
        return None
    # a date's label after it ("By Jane Doe Updated 3 hours ago") ends it too
    labels = _date_labels()
    ends = (n for n, word in enumerate(words) if word in NAME_ENDS or (n and word.casefold() in labels))
    words = words[: next(ends, len(words))]
    # a name in Chinese or Japanese script is written unspaced ("王小明"): one word, two or more characters
    unspaced = len(words) == 1 and UNSPACED_PERSON.fullmatch(words[0]) is not None
    if (len(words) < 2 and not unspaced) or (words and words[-1].casefold() in _month_words()):
        return None
    if desk(words):
        return None
    return " ".join(words)


# words a date line holds besides its label, month and figures ("Last updated on 9 May")
DATE_FILLERS = frozenset({"last", "on", "at", "am", "pm", "min", "read", "ago"})


def dated_not_named(text: str) -> bool:
    """Whether a byline element's text is a date or its label, not a name: "Updated",
    "Last updated", "February 9", "Updated 2 February 2024" (attacker trial of stop 59: such a
    byline element gave the author "Updated"). A month names a person alone ("June Carter"),
    beside a figure it is a date."""
    words = [w.strip(".,:;|·•()").casefold() for w in text.split()]
    labels, months = _date_labels(), _month_words()
    # a month beside a figure ("February 9", "9 February"), not a name's month beside a reading
    # time ("April Ryan · 4 min read", "Jan Kowalski 2 min": second attacker trial of stop 59)
    figure = [w.isdigit() for w in words]
    dated = any(w in labels for w in words) or any(
        w in months and ((k > 0 and figure[k - 1]) or (k + 1 < len(words) and figure[k + 1]))
        for k, w in enumerate(words)
    )
    rest = [w for w in words if w and w not in labels and w not in months and w not in DATE_FILLERS and not w.isdigit()]
    return dated and len(rest) < 2


def desk(words: list[str]) -> bool:
    """Whether a byline's name (its words) is a desk's, not a person's: "Staff Reporter", "Our
    Correspondent", "News Desk" (new-user trials of stops 52 and 53: the author was "Staff
    Reporter")."""
    roles = patterns().roles
    return bool(words) and all((w := word.strip(".,").casefold()) in DESK_WORDS or w in roles for word in words)


# The words of a desk's byline, with the languages' byline roles ("reporter", "editor", ...)
DESK_WORDS = frozenset(
    {
        "staff",
        "our",
        "the",
        "news",
        "desk",
        "web",
        "online",
        "digital",
        "team",
        "newsroom",
        "bureau",
        "editorial",
        "special",
        "senior",
        "political",
        "sports",
        "business",
        "city",
        "report",
        "reports",
        "wire",
        "services",
        "agencies",
        "from",
        "and",
    }
)
# A desk's credit on a line of its own, without "By": "Staff Report", "From staff reports"
# (new-user trial of stop 54: "Staff Report" under a headline stayed as the body's first line).
# A byline only where one stands (top.metadata's window): elsewhere such a line is a heading
# ("Staff Reports" on a council's agenda: second attacker trial of stop 54)
DESK_LINE_WORDS = 5
DESK_REPORTS = frozenset({"report", "reports"})
DESK_STAFF = frozenset({"staff", "wire"})  # whose report: "Special Reports" is a section (corpus train)


def desk_line(text: str) -> bool:
    """Whether the line is only a desk's credit ("Staff Report", "Staff and Wire Reports")."""
    words = text.casefold().split()
    return (
        2 <= len(words) <= DESK_LINE_WORDS
        and not DESK_REPORTS.isdisjoint(words)
        and not DESK_STAFF.isdisjoint(words)
        and desk(text.split())
    )


UNSPACED_PERSON = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー・]{2,8}")


@lru_cache(maxsize=1)
def _date_labels() -> frozenset[str]:
    """The words of the date labels ("Published", "Updated", "Posted"), casefolded; not the
    short ones ("on", "le", "el", "am"), which names hold too ("Ursula Le Guin")."""
    words = (w.casefold() for lang in languages() for label in lang.date_words for w in label.split())
    return frozenset(w for w in words if len(w) >= 6)


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    return frozenset(f.casefold() for lang in languages() for w in lang.months for f in in_capitals(w))


def _either_order_line(text: str) -> bool:
    """Whether the line is only a date in figures whose day and month could be either way round,
    perhaps with a label and a time."""
    p = patterns()
    m = p.slashed.search(text)
    if m is None or not m.group("first") or int(m.group("first")) > 12 or int(m.group("second")) > 12:
        return False
    if int(m.group("first")) == int(m.group("second")):  # 12/12/2024: one date
        return False
    rest = p.leftover.sub(" ", text[: m.start()] + " " + text[m.end() :])
    return len(regex.findall(r"\p{L}{2,}", rest)) <= 2


@lru_cache(maxsize=1 << 16)
def undated_line(text: str) -> bool:
    """Whether the line is a date without a year, perhaps with a label and a time
    ("Published Mar 3, 07:32", "Posted on 3 March"): metadata the cleaner cannot read
    (cleaner.dates never guesses a year), and never a title; and a date whose day and month
    could be either way round ("04/05/2024": second attacker trial of stop 38, where the
    headline above it went with the header and the title was null)."""
    if more_words(text, MAX_DATE_LINE_WORDS):
        return False
    if YEAR.search(text):
        return _either_order_line(text)
    p = patterns()
    parts = SEGMENTS.split(text)
    for part in parts if len(parts) > 1 else [text]:
        if len(part.split()) > 6 and len(parts) > 1:
            return False
        m = p.undated.search(part)
        if m and not regex.findall(r"\p{L}{2,}", p.leftover.sub(" ", part[: m.start()] + " " + part[m.end() :])):
            return True
    return False


MAX_LABELLED_WORDS = 14


@lru_cache(maxsize=1)
def _labelled() -> regex.Pattern:
    langs = languages()
    dated = _alt(w.lower() for lang in langs for w in lang.date_words)
    by = _alt(w.lower() for lang in langs for w in lang.byline if " " not in w and not w.endswith(":"))
    # the labels in any case, the name's capital not: under regex.I, \p{Lu} matches any letter,
    # and "... por sequía en 23 municipios", "... 2 million cars hit by software flaw" read as
    # bylines (new-user trial of stop 59: a Spanish headline was no title)
    return regex.compile(rf"^(?i:{dated})\b|(?:^|\s)(?i:{by})\s+\p{{Lu}}")


@lru_cache(maxsize=1 << 16)
def labelled_line(text: str) -> bool:
    """Whether a short line with figures is labelled as a date or byline ("Published 07:32 GMT",
    "Posted on March 14 by Jane Roe", "14/03/2024 by Jane Roe") even when no date in it can
    be read: metadata, never a headline or a title."""
    if more_words(text, MAX_LABELLED_WORDS) or not any(map(str.isdigit, text)):
        return False
    return bool(_labelled().search(text))


@lru_cache(maxsize=1)
def _date_label() -> regex.Pattern:
    return regex.compile(rf"^(?:{_alt(w.lower() for lang in languages() for w in lang.date_words)})\b", regex.I)


def dated_label(text: str) -> bool:
    """Whether the line starts with a date label and gives a date, however long it runs on
    ("Posted on November 5, 2012, 9:58 am, by Thomas Hawk, under Photography, Travel."):
    the article's facts, never its standfirst."""
    return bool(_date_label().match(text)) and find_date(text) is not None


@lru_cache(maxsize=1)
def _facts_label() -> regex.Pattern:
    labels = _alt(w.lower() for lang in languages() for w in (*lang.tag_labels, *lang.category_labels))
    return regex.compile(rf"^(?:{labels})\s?:", regex.I)


def facts_label(text: str) -> bool:
    """Whether the line starts with a tag or category label and its colon ("Tags: a, b",
    "Catégories : x"): the article's facts, never a headline or a title."""
    return ":" in text[:40] and bool(_facts_label().match(text))


# A time of day printed right after a date: "14 March 2024, 07:32 GMT", "2024-03-14T07:32:00Z"
TIME_AFTER = regex.compile(
    r"(?:\s*(?:,|\||-|–|—|at|um|à|a las|às|T))?\s*(?P<hour>[0-2]?\d)"
    # "4:45 p.m.", "8時45分", "8시 45분", or the hour alone before a.m./p.m.
    # (not another date's day and month: "12.03.2024 - 14.03.2024" read 14:03:20, third attacker trial)
    r"(?:(?:[:.h時]|시\s?)(?P<minute>[0-5]\d)(?!\d)(?![./]\d{4})[分분]?|(?=\s*[ap]\.?m\b))"
    r"(?:[:.](?P<second>[0-5]\d))?(?:\.\d+)?(?:\s*(?P<ampm>[ap])\.?m\b\.?)?(?:\s*(?:uhr|h)\b)?"
    r"(?:\s*(?P<zone>z|gmt|utc|cet|cest|est|edt|pst|pdt|bst)(?!\p{L}))?"
    r"(?:\s*(?P<offset>[+-]\d{1,2})(?::?(?P<offset_minutes>\d{2}))?(?!\d))?",
    regex.I,
)
ZONES = {"z": 0, "gmt": 0, "utc": 0, "bst": 1, "cet": 1, "cest": 2, "est": -5, "edt": -4, "pst": -8, "pdt": -7}


def _time(m: regex.Match) -> tuple[int, int, int, dt.timezone | None] | None:
    hour, minute, second = int(m.group("hour")), int(m.group("minute") or 0), int(m.group("second") or 0)
    if m.group("ampm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group("ampm").lower() == "p" else 0)
    if hour > 23:
        return None
    zone, offset = m.group("zone"), m.group("offset")
    if zone is None and offset is None:
        return hour, minute, second, None  # no zone printed: no offset, never the machine's
    hours = ZONES[zone.lower()] if zone else 0
    minutes = 0
    if offset:
        sign = -1 if offset.startswith("-") else 1
        hours += int(offset)
        minutes = sign * int(m.group("offset_minutes") or 0)
    if not -14 <= hours <= 14:
        return None
    return hour, minute, second, dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


@lru_cache(maxsize=1 << 12)
def when(text: str) -> tuple[str, str] | None:
    """The line's date (find_date's) as ISO 8601, with the time and zone when the page
    prints them right after it, and the text it was read from:
    "Published 14 March 2024, 07:32 GMT" -> ("2024-03-14T07:32:00+00:00", "14 March 2024, 07:32 GMT").
    Of several dates, the earliest (all_dates)."""
    dates = all_dates(text)
    if not dates:
        return None
    date, (start, end) = min(dates, key=itemgetter(0))  # of one day, the first found, as find_date's
    m = TIME_AFTER.match(text, end)
    got = _time(m) if m else None
    if m is None or got is None:
        return date, text[start:end]
    hour, minute, second, zone = got
    try:
        value = dt.datetime.fromisoformat(date).replace(hour=hour, minute=minute, second=second, tzinfo=zone)
    except ValueError:  # no such day ("February 31"): cleaner.dates says so
        return date, text[start:end]
    return value.isoformat(timespec="seconds"), text[start : m.end()].strip()


# "5 min read", "5-minute read"; "Reading time: 6 min" (`regex` allows the name twice)
MAX_FACTS_WORDS = 12  # a line of article facts; longer is a sentence that mentions a reading time


def reading_minutes(text: str) -> int | None:
    """The reading time of a short line of article facts ("5 min read", "Jane Doe · 5 min read",
    "Reading time: 6 min"), or of a short part of a longer one split by "|" or "·" ("By Jane
    Doe | Published 12 March 2024, 09:15 GMT | 5 min read": new-user trial of stop 41)."""
    parts = [text] if not more_words(text, MAX_FACTS_WORDS) else SEGMENTS.split(text)
    for part in parts:
        if not more_words(part, MAX_FACTS_WORDS) and (m := reading_time_in(part)):
            return int(m.group("minutes"))
    return None
