"""Line shapes: tokens, their classes, and several variants of one line generalised to a regex.

Two lines have the same *skeleton* when they differ only in numbers, month or weekday
names ("12 Comments" / "3 Comments"). Variants that differ more ("By Jane Roe | 4 min
read" / "By Ali Khan | 12 min read") are aligned token by token; the tokens every
variant shares stay literal and the rest becomes a variable slot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

import regex

# "a.m." / "PM" after a clock time is one token, so a.m. and p.m. vary as a class.
MERIDIEM_RE = r"(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)"
_MERIDIEM = regex.compile(MERIDIEM_RE)
TOKEN = regex.compile(r"(?<=\d\s?)" + MERIDIEM_RE + r"(?!\p{L})|\d+|\p{L}+|\s+|.", regex.DOTALL)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]
DAYS = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
]
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DAY_RE = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)"
)
# A person's name: 1-4 capitalised words, with the usual lower-case particles between them, not
# opening on an English article or determiner: a draft's "By (?P<author>...)" took the subheading
# "By The Numbers" of an unseen page for its author (attacker trial of stop 55)
NAME_RE = (
    r"(?!(?:The|This|That|These|Those|Our|Your|My|Its|Their)\s)"
    r"\p{Lu}[\p{L}'’.-]*(?:\s(?:(?:de|da|del|der|di|du|la|le|van|von|bin|al|el)\s)?\p{Lu}[\p{L}'’.-]*){0,3}"
)
_NAME = regex.compile(NAME_RE)
_MONTHS, _DAYS = frozenset(MONTHS), frozenset(DAYS)
# Time zone abbreviations after a clock time ("09:10 BST", "4:30 p.m. ET"): a token class
# like the months (BST in summer, GMT in winter), never a name.
ZONES = [
    "UTC",
    "GMT",
    "BST",
    "IST",
    "WET",
    "WEST",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "MSK",
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "MT",
    "MST",
    "MDT",
    "PT",
    "PST",
    "PDT",
    "AKST",
    "AKDT",
    "HST",
    "AEST",
    "AEDT",
    "ACST",
    "ACDT",
    "AWST",
    "NZST",
    "NZDT",
    "JST",
    "KST",
    "HKT",
    "SGT",
]
ZONE_RE = "(?:" + "|".join(sorted(ZONES, key=lambda z: (-len(z), z))) + ")"
_ZONES = frozenset(ZONES)

# Class keys: tokens that vary between pages of one site (numbers, dates) compare equal.
NUM, MON, DAY, WS, MER, TZ = "\0num", "\0mon", "\0day", "\0ws", "\0mer", "\0tz"


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def key(token: str) -> str:
    if token.isdecimal():
        return NUM
    if token in _MONTHS:
        return MON
    if token in _DAYS:
        return DAY
    if token.isspace():
        return WS
    if _MERIDIEM.fullmatch(token):
        return MER
    if token in _ZONES:
        return TZ
    return token


def skeleton(text: str) -> tuple[str, ...]:
    """The line with numbers, months, weekdays and spacing abstracted: hashable, for counting."""
    return tuple(key(t) for t in tokens(text))


def has_classes(skel: tuple[str, ...]) -> bool:
    return any(k in (NUM, MON, DAY) for k in skel)


@dataclass
class Item:
    """One piece of a shape: kind is "lit", "ws", "num", "mon", "day", "mer" (a.m./p.m.),
    "tz" (a time zone abbreviation) or "var"."""

    kind: str
    values: list[str]  # the text of this piece in each variant
    group: str | None = None  # a metadata field name, set by meta.name_groups

    def regex(self) -> str:
        if self.kind == "lit":
            return regex.escape(self.values[0], special_only=True, literal_spaces=True)
        if self.kind == "ws":
            return " " if all(v == " " for v in self.values) else r"\s+"
        if self.kind == "num":
            return r"\d+"
        if self.kind == "mon":
            return MONTH_RE
        if self.kind == "day":
            return DAY_RE
        if self.kind == "mer":
            return MERIDIEM_RE
        if self.kind == "tz":
            return ZONE_RE
        if all(v.isdecimal() for v in self.values):
            return r"\d+"
        if self.is_name():
            return NAME_RE
        return ".+?" if all(self.values) else ".*?"

    def is_name(self) -> bool:
        return self.kind == "var" and all(_NAME.fullmatch(v) for v in self.values)

    def words(self) -> int:
        return max(len(v.split()) for v in self.values)


@dataclass
class Shape:
    """A line generalised over its variants; regex() gives the ^...$ anchored pattern."""

    items: list[Item]
    variants: list[str] = field(default_factory=list)

    def regex(self, named: bool = True) -> str:
        """The ^...$ pattern; with `named`, metadata parts as named groups (?P<field>...)."""
        out, i = [], 0
        while i < len(self.items):
            item = self.items[i]
            if item.group is None or not named:
                out.append(item.regex())
                i += 1
                continue
            j = i  # a group covers the run of items carrying its name
            while j < len(self.items) and self.items[j].group == item.group:
                j += 1
            inner = "".join(x.regex() for x in self.items[i:j])
            out.append(f"(?P<{item.group}>{inner})")
            i = j
        return "^" + "".join(out) + "$"

    def groups(self) -> list[str]:
        return list(dict.fromkeys(i.group for i in self.items if i.group))

    def is_literal(self) -> bool:
        """No slot varies and no class token: the line is the same text everywhere."""
        return all(i.kind in ("lit", "ws") for i in self.items) and len(set(self.variants)) == 1

    def literal_letters(self) -> int:
        return sum(sum(c.isalpha() for c in i.values[0]) for i in self.items if i.kind == "lit")

    def vars(self) -> list[Item]:
        return [i for i in self.items if i.kind == "var"]


def _kind(k: str) -> str:
    return {NUM: "num", MON: "mon", DAY: "day", WS: "ws", MER: "mer", TZ: "tz"}.get(k, "lit")


def generalise(variants: list[str]) -> Shape:
    """Align the variants' tokens; what every variant shares (by class) stays, the rest varies.

    Each variant is aligned with the first; a token of the first is kept only when every
    alignment matched it, so the kept tokens are in order in every variant.
    """
    toks = [tokens(v) for v in variants]
    keys = [[key(t) for t in ts] for ts in toks]
    base = keys[0]
    maps = [{i: i for i in range(len(base))}]
    kept = set(range(len(base)))
    for ks in keys[1:]:
        matcher = SequenceMatcher(None, base, ks, autojunk=False)
        m = {a + o: b + o for a, b, size in matcher.get_matching_blocks() for o in range(size)}
        maps.append(m)
        kept &= m.keys()
    items: list[Item] = []
    prev = [-1] * len(variants)
    for i in [*sorted(kept), None]:
        cur = [len(t) for t in toks] if i is None else [m[i] for m in maps]
        gap = ["".join(toks[v][prev[v] + 1 : cur[v]]) for v in range(len(variants))]
        if any(gap):
            items.append(Item("var", gap))
        if i is None:
            break
        items.append(Item(_kind(base[i]), [toks[v][cur[v]] for v in range(len(variants))]))
        prev = cur
    return Shape(_absorb(_merge_vars(items)), list(variants))


def _merge_vars(items: list[Item]) -> list[Item]:
    """var + spacing/punctuation + var is one var: "Jane Roe" and "Ali Khan" share only a space."""
    out: list[Item] = []
    for item in items:
        out.append(item)
        if item.kind != "var":
            continue
        j = len(out) - 2
        while j >= 0 and out[j].kind in ("ws", "lit") and _is_glue(out[j]):
            j -= 1
        if j >= 0 and j < len(out) - 2 and out[j].kind == "var":
            merged = ["".join(parts) for parts in zip(*(x.values for x in out[j:]), strict=True)]
            out[j:] = [Item("var", merged)]
    return out


def _is_glue(item: Item) -> bool:
    value = item.values[0]
    return item.kind == "ws" or (len(value) == 1 and not value.isalnum() and value not in "|·•")


def _absorb(items: list[Item]) -> list[Item]:
    """Words every variant happens to share inside a varying list or name belong to it.

    "Tags: Pruning, Soil" / "Tags: Pruning, Roses" share "Pruning" by chance: a word joined
    to a varying part by a comma is part of that list. Likewise a capitalised word joined by
    a space to a varying name ("Mary Ann Lee" / "Ann Smith" share "Ann").
    """
    changed = True
    while changed:
        changed = False
        for v, item in enumerate(items):
            if item.kind != "var":
                continue
            for step in (-1, 1):
                span = _absorbable(items, v, step)
                if span:
                    lo, hi = (v + step * span, v) if step < 0 else (v, v + step * span)
                    merged = ["".join(parts) for parts in zip(*(x.values for x in items[lo : hi + 1]), strict=True)]
                    items[lo : hi + 1] = [Item("var", merged)]
                    changed = True
                    break
            if changed:
                break
    return _merge_vars(items)


def _absorbable(items: list[Item], v: int, step: int) -> int:
    """How many items next to var v (in direction step) to fold into it; 0 for none."""
    glue, k = "", v + step
    while 0 <= k < len(items) and (items[k].kind == "ws" or (items[k].kind == "lit" and items[k].values[0] == ",")):
        glue += items[k].values[0]
        k += step
    if not glue or not (0 <= k < len(items)) or items[k].kind != "lit" or not items[k].values[0].isalpha():
        return 0
    word = items[k].values[0]
    if step == 1 and role_after(items, v):
        return 0  # "Jane Roe, Staff Writer": the role is not part of the name
    if "," in glue or any("," in value for value in items[v].values):  # a varying list
        return abs(k - v)
    name_like = items[v].is_name() and word[:1].isupper() and word.lower() not in NAME_CUES and glue == " "
    outer = k + step  # the name part must end there: at the line's edge or before spacing/punctuation
    edge = not (0 <= outer < len(items)) or items[outer].kind == "ws" or not items[outer].values[0].isalnum()
    return abs(k - v) if name_like and edge and _NAME.fullmatch(word) else 0


ROLE_WORD = regex.compile(r"\p{L}+")
MAX_ROLE_WORDS = 5
BYLINE_CUES = frozenset({"by", "written", "words", "posted", "reporter", "reporting"})


def role_after(items: list[Item], v: int) -> bool:
    """Var v is a name at the start of the line (or after "By") followed by ", Role" to
    the end of the line, the role fixed text: "Jane Roe, Staff Writer"."""
    if not items[v].is_name() or v + 2 >= len(items):
        return False
    before = [it for it in items[:v] if it.kind != "ws"]
    if before and not (len(before) == 1 and before[0].kind == "lit" and before[0].values[0].lower() in BYLINE_CUES):
        return False
    if items[v + 1].kind != "lit" or items[v + 1].values[0] != ",":
        return False
    tail = items[v + 2 :]
    words = [it.values[0] for it in tail if it.kind != "ws"]
    return (
        all(it.kind in ("lit", "ws") for it in tail)
        and 0 < len(words) <= MAX_ROLE_WORDS
        and all(ROLE_WORD.fullmatch(w) for w in words)
        and words[0][:1].isupper()
    )


NAME_CUES = frozenset(
    {"by", "author", "written", "words", "posted", "reporter", "tags", "categories", "filed", "updated", "published"}
)


YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A fingerprint's fewest characters: a section's name ("Politics") is printed on many sites
FINGERPRINT_CHARS = 12


def year_free(line: str) -> str:
    """The line as an anchored fingerprint in which a year is any year: a footer's "© Site
    2024" pinned to the samples' year stops matching the site's pages in January (new-user
    trial of stop 53: `new`'s draft)."""
    parts = (regex.escape(part, special_only=True, literal_spaces=True) for part in YEAR.split(line))
    return "^" + r"\d{4}".join(parts) + "$"
