"""Lint profiles: every problem at once, as `path:line:col: message`.

Beyond what loading already rejects (TOML syntax, unknown kinds and keys, wrong types,
regexes that do not compile, unknown platforms) this runs the profiles: regexes open to
catastrophic backtracking (nested quantifiers, overlapping alternatives under a quantifier;
also in files with schema errors), rules that match nothing in any sample, failed keep/drop
expectations, and two profiles claiming the same host or fingerprint.
"""

from __future__ import annotations

import dataclasses
import os
import re

# the stdlib parser and its opcodes, used only to read a pattern's tree; typeshed has no stubs for them
import re._constants as sre_constants  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
import tomllib
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path

import regex

from cleaner import siteconfig
from cleaner.dates import EITHER_ORDER, NO_DATE, iso_date
from cleaner.document import Document
from cleaner.errors import CleanerError, Problem
from cleaner.files import Unreadable, read_regular
from cleaner.pipeline import clean
from cleaner.profiles import (
    MAX_BYTES,
    Profile,
    Profiles,
    builtin_dir,
    collect_profiles,
    holds_none,
    load_file,
    name_spot,
    platform_problems,
    sample_roots,
    user_dirs,
)
from cleaner.rules import RULES
from cleaner.rules.base import Pattern, Patterns
from cleaner.rules.page import SLOW, slow_shape
from cleaner.tomlpos import Locator
from cleaner.urls import normal_host, url_problem

UNBOUNDED = sre_constants.MAXREPEAT
REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
# `regex`-only syntax the stdlib parser does not know, replaced by an equivalent class
REGEX_ONLY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]|\[\[:\^?\w+:\]\]")


NO_PROFILES = "no profile (*.toml) or site config (*.txt) in this folder; those in its subfolders are not read"


def check(paths: Sequence[Path] = (), dirs: Sequence[Path] = ()) -> list[Problem]:
    """Problems in the profile files under `paths` (default: every profile that loads, and
    every site config in the user's folders), judged alongside the built-in and `dirs` profiles."""
    profiles, problems = collect_profiles(dirs)
    chosen = list(profiles)
    users = user_dirs(dirs) + [p if p.is_dir() else p.parent for p in paths]
    configs = [f for d in profiles.config_dirs for f in siteconfig.files_in(d)]
    if paths:
        configs = [
            f for p in paths for f in (siteconfig.files_in(p) if p.is_dir() else [p] if p.suffix == ".txt" else [])
        ]
        files = [
            f for p in paths for f in (sorted(p.glob("*.toml")) if p.is_dir() else [p] if p.suffix != ".txt" else [])
        ]
        problems, chosen = [], []
        # a folder with nothing to check said "no problems" (attacker trial): profiles in its
        # subfolders are not read, by check as by clean --profiles-dir
        for folder in paths:
            if holds_none(folder):
                problems.append(Problem(str(folder), 1, 1, NO_PROFILES))
        seen: dict[tuple[Path, str], Path] = {}  # a folder loads one profile of a name (profiles.collect_profiles)
        for f in files:
            profile, found = load_file(f)
            problems += found
            if profile is None:
                continue
            if (f.parent, profile.name) in seen:
                first = seen[f.parent, profile.name]
                spot = name_spot(f)
                problems.append(
                    Problem(str(f), spot.line, spot.col, f'profile "{profile.name}" is also defined in {first}')
                )
                continue
            seen[f.parent, profile.name] = f
            builtin = profiles.by_name.get(profile.name)
            if (
                builtin is not None
                and builtin.kind == "site"  # a platform's replacement is a problem (platform_problems)
                and builtin.path.parent.resolve() == builtin_dir().resolve()
                and builtin.path.resolve() != f.resolve()
            ):
                # said, not wrong: a site's own profile may replace the built-in on purpose (attacker
                # trial of stop 36: learn --name coinspeaker lost the built-in's metadata rules unsaid)
                message = f'profile.name: "{profile.name}" replaces the built-in profile of that name ({builtin.path})'
                problems.append(Problem(str(f), 1, 1, message, note=True))
            profiles.by_name[profile.name] = profile  # the file being checked wins
            chosen.append(profile)
        problems += [p for p in platform_problems(profiles) if p.path in {str(c.path) for c in chosen}]
    checked = {str(c.path) for c in chosen}
    for where in sorted({p.path for p in problems} - checked):  # files that did not load: their regexes still
        if where.endswith(".toml") and Path(where).is_file():
            problems += backtracking_in(Path(where))
    for profile in chosen:
        locate = Locator(profile.path.read_text(encoding="utf-8-sig"))
        problems += backtracking(profile, locate)
        problems += slow_selectors(profile, locate)
        problems += samples(profile, profiles, locate, sample_roots(profile.path.parent, users))
        problems += unmatched(profile, profiles, locate)
    problems += claims(list(profiles), chosen)
    # a profile's sample saved beside it may be named like a host ("example-news.com-1.txt"):
    # it is a sample, not a site config
    named = {os.path.realpath(s) for profile in profiles for s in profile.samples}
    for path in configs:
        if os.path.realpath(path) not in named:
            problems += site_config(path, profiles)
    return sorted(set(problems))


def site_config(path: Path, profiles: Profiles) -> list[Problem]:
    """A FiveFilters site config: its syntax and selectors, each directive cleaner does not
    apply (once, with its lines), and its test_url pages, read from a saved copy
    (siteconfig.TEST_PAGES), cleaned, and searched for their test_contains snippets."""
    if not siteconfig.is_site_config(path):
        return [
            Problem(str(path), 1, 1, 'not a site config file name: expected "example.com.txt" or ".example.com.txt"')
        ]
    # every problem at once: a bad line hides neither the others nor the directives not applied
    parsed = siteconfig.parse(path)
    problems = parsed.problems + parsed.test_problems
    if path.name != path.name.lower():  # looked up by the page's host, which is lower case
        lower = path.name.lower()
        problems.append(
            Problem(str(path), 1, 1, f"never used: site configs are found by lower-case host; name it {lower}")
        )
    profile, _ = siteconfig.load(path) if not parsed.problems else (None, [])
    where = str(path)
    for directive in [siteconfig.Unsupported(n, tuple(lines)) for n, lines in parsed.unsupported.items()]:
        lines = f"line{'s' * (len(directive.lines) > 1)} {', '.join(map(str, directive.lines))}"
        if directive.name in siteconfig.TUNING:  # said, but no reason to fail: cleaner extracts on its own
            message = (
                f"{directive.name}: only tunes Full-Text RSS's own extraction; not needed by cleaner, ignored ({lines})"
            )
            problems.append(Problem(where, directive.lines[0], 1, message, note=True))
        else:
            # a problem, not a note: the config expects it to change the page, and cleaner will not
            message = (
                f"{directive.name}: not supported by cleaner, so pages of this site are cleaned without it ({lines})"
            )
            problems.append(Problem(where, directive.lines[0], 1, message))
    if profile is None:
        return problems
    for rule in profile.page_rules:
        if any(slow_shape(sel.xpath) for sel in getattr(rule.rule.options, "select", ())):
            problems.append(Problem(where, int(rule.ref.rsplit(":", 1)[1]), 1, f"{rule.kind}: {SLOW}"))
    with_folder = dataclasses.replace(profiles, config_dirs=[*profiles.config_dirs, path.parent], _configs={})
    for test in profile.tests:
        problems += _test_page(path, profile, test, with_folder)
    return problems


def _test_page(path: Path, profile: Profile, test: siteconfig.TestPage, profiles: Profiles) -> list[Problem]:
    where = str(path)
    if problem := url_problem(test.url):
        return [Problem(where, test.line, 1, f"test_url: {problem}")]
    saved = siteconfig.saved_page(path.parent, test.url)
    if not saved.resolve().is_relative_to((path.parent / siteconfig.TEST_PAGES).resolve()):  # "/../" in the URL
        return [Problem(where, test.line, 1, f"test_url: the saved copy would be outside {siteconfig.TEST_PAGES}/")]
    if os.path.exists(saved) and not saved.is_file():
        return [Problem(where, test.line, 1, f"test_url: the saved copy {saved} is not a regular file")]
    if not saved.is_file():
        hint = f'wget -x -P {path.parent / siteconfig.TEST_PAGES} "{test.url}"'
        return [Problem(where, test.line, 1, f"test_url: no saved copy of the page at {saved}; save it with {hint}")]
    try:
        doc = clean(read_regular(saved), url=test.url, profiles=profiles, html=True)
    except (CleanerError, Unreadable) as err:
        return [Problem(where, test.line, 1, f"test_url: the saved page cannot be cleaned: {err}")]
    site = next((name for name, _ in doc.matches), None)
    if site != profile.name:
        used = f'profile "{site}"' if site else "no site profile"
        return [Problem(where, test.line, 1, f"test_url: the page is cleaned with {used}, not this site config")]
    text = _squash(doc.text)
    return [
        Problem(
            where, no, 1, f'test_contains: "{snippet}" is not in the text cleaned from the test_url of line {test.line}'
        )
        for no, snippet in test.contains
        if _squash(snippet) not in text
    ]


def slow_selectors(profile: Profile, locate: Locator) -> list[Problem]:
    """Page rules' selectors whose shape takes time cubic or worse in the page (slow_shape)."""
    problems = []
    raw_rules = tomllib.loads(profile.path.read_text(encoding="utf-8-sig")).get("rules", [])
    for index, rule in enumerate(profile.rules):
        selectors = getattr(rule.rule.options, "select", None) if rule.rule.page else None
        listed = isinstance(raw_rules[index].get("select"), list) if index < len(raw_rules) else False
        for i, selector in enumerate(selectors or ()):
            if slow_shape(selector.xpath):
                element = i if listed else None
                spot = locate.literal("rules", index, "select", element, None)
                at = f"[{i}]" if listed else ""
                problems.append(
                    Problem(str(profile.path), spot.line, spot.col, f"rules[{index + 1}].select{at}: {SLOW}")
                )
    return problems


def nested_quantifier(source: str) -> bool:
    """Whether an unbounded repeat contains another: (a+)+, (\\w+\\s?)*, (.*)* and the like
    can take exponential time on a line that almost matches."""
    return backtracking_risk(source) == NESTED


NESTED = "nested quantifiers"
OVERLAP = "overlapping alternatives under a quantifier"


def backtracking_risk(source: str) -> str | None:
    """What can make `source` backtrack catastrophically: NESTED, OVERLAP or None.

    OVERLAP is an alternation inside an unbounded repeat whose alternatives can match the
    same text, as in (a|aa)+ or (a|a)+: each repetition can split the text in many ways.
    This is a sound, simple approximation, judged on the parsed tree (the parser already
    takes a prefix common to all alternatives out, so (foo|far)+ is f(oo|ar)+ and passes):
    two alternatives overlap when one is empty or a prefix of the other, or they are
    identical, or they can start with the same character (the same literal, a literal a
    class allows, two classes that share a character among Latin and the classes' own
    characters; `.` and what the check cannot read count as sharing). It can flag a
    harmless alternation, such as (ab|ac|d)+; it does not miss one of these shapes.
    """
    try:
        tree = sre_parse.parse(REGEX_ONLY.sub(r"\\w", source))
    except (re.error, OverflowError, RecursionError):
        return None  # `regex`-only syntax; it compiled with `regex`, so let it be
    return _risk(tree, inside=False)


def _risk(items, inside: bool) -> str | None:
    found = None
    for op, av in items:
        risk = None
        if op in REPEATS:
            _low, high, sub = av
            unbounded = high == UNBOUNDED or high > 10
            risk = NESTED if unbounded and inside else _risk(sub, inside or unbounded)
        elif op == sre_constants.SUBPATTERN:
            risk = _risk(av[-1], inside)
        elif op == sre_constants.BRANCH:
            risk = next((r for r in (_risk(branch, inside) for branch in av[1]) if r), None)
            if risk is None and inside and _overlapping(av[1]):
                risk = OVERLAP
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            risk = _risk(av[1], inside)
        # ATOMIC_GROUP and POSSESSIVE_REPEAT never backtrack into themselves: skipped
        if risk == NESTED:
            return risk
        found = found or risk
    return found


def _overlapping(alternatives) -> bool:
    for i, a in enumerate(alternatives):
        for b in alternatives[i + 1 :]:
            short, long = sorted((list(a), list(b)), key=len)
            if long[: len(short)] == short:  # identical, a prefix, or empty
                return True
            if _share_first(_firsts(a), _firsts(b)):
                return True
    return False


ANY = ("any", None)
CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
PROBES = [chr(c) for c in range(0x250)]  # ASCII and Latin: where the classes in profiles differ


def _firsts(items) -> list[tuple[str, object]]:
    """What the alternative can start with: ("lit", code), ("in", class items) or ANY."""
    for op, av in items:
        if op == sre_constants.AT:
            continue  # ^, $, \b take no character
        if op == sre_constants.LITERAL:
            return [("lit", av)]
        if op == sre_constants.NOT_LITERAL:
            return [("in", [(sre_constants.NEGATE, None), (sre_constants.LITERAL, av)])]
        if op == sre_constants.IN:
            return [("in", av)]
        if op == sre_constants.SUBPATTERN:
            return _firsts(av[-1])
        if op in REPEATS and av[0] > 0:
            return _firsts(av[2])
        if op == sre_constants.BRANCH:
            return [f for branch in av[1] for f in _firsts(branch)]
        return [ANY]
    return [ANY]  # empty: caught as a prefix before this


def _share_first(a: list, b: list) -> bool:
    return any(_meet(x, y) for x in a for y in b)


def _meet(x: tuple[str, object], y: tuple[str, object]) -> bool:
    if ANY in (x, y):
        return True
    if x[0] == "lit" and y[0] == "lit":
        return x[1] == y[1]
    chars = PROBES + [chr(c) for item in (x, y) for c in _codes(item)]
    return any(_allows(x, c) and _allows(y, c) for c in chars)


def _codes(item: tuple[str, object]) -> list[int]:
    if item[0] == "lit":
        return [typing.cast(int, item[1])]
    codes = []
    for op, av in typing.cast(list, item[1]):
        if op == sre_constants.LITERAL:
            codes.append(av)
        elif op == sre_constants.RANGE:
            codes += [av[0], av[1]]
    return codes


def _allows(item: tuple[str, object], char: str) -> bool:
    if item[0] == "lit":
        return ord(char) == item[1]
    members = typing.cast(list, item[1])
    negate = bool(members) and members[0][0] == sre_constants.NEGATE
    hit = False
    for op, av in members:
        if op == sre_constants.LITERAL:
            hit = hit or ord(char) == av
        elif op == sre_constants.RANGE:
            hit = hit or av[0] <= ord(char) <= av[1]
        elif op == sre_constants.CATEGORY:
            pattern = CATEGORIES.get(str(av))
            hit = hit or pattern is None or re.fullmatch(pattern, char) is not None
    return hit != negate


def _pattern_values(data: dict) -> Iterator[tuple[str, int | None, str, int | None, str]]:
    """(table, index, key, element, source) for every regex in a profile file's data; what
    the schema rejects (a table of the wrong type, an unknown rule kind, a value that is not
    a string) is passed over, so this reads files that do not load too."""
    head = data.get("profile")
    prints = head.get("fingerprints", []) if isinstance(head, dict) else []
    for i, source in enumerate(prints if isinstance(prints, list) else [prints]):
        if isinstance(source, str):
            yield "profile", None, "fingerprints", i if isinstance(prints, list) else None, source
    raw_rules = data.get("rules", [])
    for index, rule in enumerate(raw_rules if isinstance(raw_rules, list) else []):
        kind = rule.get("kind") if isinstance(rule, dict) else None
        if not isinstance(kind, str) or kind not in RULES:
            continue
        hints = typing.get_type_hints(RULES[kind].Options)
        for key, value in rule.items():
            hint = hints.get(key)
            kinds = set(typing.get_args(hint)) | {hint}
            if Pattern in kinds or Patterns in kinds:
                values = value if isinstance(value, list) else [value]
                for element, source in enumerate(values):
                    if isinstance(source, str):
                        yield "rules", index, key, element if isinstance(value, list) else None, source


def backtracking_in(path: Path) -> list[Problem]:
    """The backtracking lint on a profile file that did not load (schema errors); nothing
    if it is not readable TOML."""
    try:
        source = read_regular(path, MAX_BYTES).decode("utf-8")
        data = tomllib.loads(source)
    except (Unreadable, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return []
    return _backtracking(path, data, Locator(source))


def backtracking(profile: Profile, locate: Locator) -> list[Problem]:
    return _backtracking(profile.path, tomllib.loads(profile.path.read_text(encoding="utf-8-sig")), locate)


def _backtracking(path: Path, data: dict, locate: Locator) -> list[Problem]:
    """The problems of the file's regexes as written: backtracking, matching everything, odd spaces."""
    problems = []
    for table, index, key, element, source in _pattern_values(data):
        messages = []
        if risk := backtracking_risk(source):
            messages.append(f"{risk} can backtrack catastrophically; bound or simplify them")
        if _matches_everything(data, table, index, key, source):
            what = "every page" if table == "profile" else "every line"
            messages.append(f"matches {what}, as it matches an empty string; anchor it to the text it is for")
        if odd := odd_space(source):
            messages.append(
                f"{odd} can never match: rules see each run of spaces and tabs as one space; write a space (or \\s)"
            )
        if messages:
            spot = locate.literal(table, index, key, element, None)
            label = f"rules[{index + 1}]" if index is not None else table  # only rules are numbered
            at = f"[{element}]" if element is not None else ""
            problems += [Problem(str(path), spot.line, spot.col, f"{label}.{key}{at}: {m}") for m in messages]
    return problems


# Keys whose pattern pins or reads a line another key chose: matching any line is their point
PINS = frozenset({"next", "prev"})


def _matches_everything(data: dict, table: str, index: int | None, key: str, source: str) -> bool:
    """Whether a fingerprint, or a pattern that removes lines, matches an empty string, so every
    page or line (attacker trial of stop 47: `drop_matching` with pattern = '' passed the check
    and emptied every page). A meta_field's pattern may read any line: its pins choose which."""
    if table == "rules":
        rule = data["rules"][index]
        if key in PINS or rule.get("kind") == "meta_field":
            return False
    try:
        return regex.compile(source).search("") is not None
    except (regex.error, RecursionError, OverflowError):
        return False  # reported as a pattern that does not compile


# Outside a character class: a tab, an odd space (NBSP...) or two spaces, as written or escaped
CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]])*\]")
ODD_SPACES = (
    ("a tab", re.compile(r"\t|\\t")),
    ("a non-breaking or other odd space", re.compile(r"[^\S \t\n\r\v\f]|\\(?:xa0|u00a0|u202f|u2009|u3000)", re.I)),
    ("two spaces", re.compile(r"  | \{2|\\s\{2")),
)


def odd_space(source: str) -> str | None:
    """What in a rule's pattern can no longer match since rules see lines with their runs of
    spaces collapsed (attacker trial of stop 36: '^Par\\xa0: ', '^\\d+\\t\\w+' matched nothing after)."""
    if re.match(r"\(\?[a-zA-Z]*x", source):  # verbose: its spaces are layout
        return None
    bare = CHAR_CLASS.sub("", source)
    return next((what for what, pattern in ODD_SPACES if pattern.search(bare)), None)


def _not_detected(profile: Profile, profiles: Profiles, data: bytes) -> str | None:
    """Why `clean` without --profile would not apply this site profile to its own sample,
    or None. Attacker trial of stop 36: a misspelt
    fingerprint, or another profile's broader one, passed `check` while `clean` applied no
    profile or the other's to the sample. A profile of hosts alone is matched by the URL a run
    is given, which a sample does not carry (an HTML one's canonical link may name the host a
    story was syndicated from: attacker trial 2 of stop 36), so it is not judged here."""
    if profile.kind != "site" or not profile.fingerprints:
        return None
    auto = clean(data, profiles=profiles)
    if profile.name in auto.profiles:
        return None
    sites = [name for name in auto.profiles if name in profiles.by_name and profiles.get(name).kind == "site"]
    other = sites[0] if sites else None
    if other is not None:
        return f"is detected as another profile, {other}: clean applies that one to it"
    return "is not detected as this profile (its hosts and fingerprints match nothing in it): clean applies none"


def samples(profile: Profile, profiles: Profiles, locate: Locator, roots: Sequence[Path] = ()) -> list[Problem]:
    """Run the profile on its samples: misplaced or missing samples, silent rules, failed
    expectations. Only samples inside `roots` (default: the profile's folder's parent) are read."""
    where = str(profile.path)
    problems: list[Problem] = []
    outputs: list[tuple[str, str]] = []  # (input, output), whitespace squashed
    fired: set[str] = set()
    unread: dict[str, list[tuple[str, str, str]]] = {}  # rule -> (sample, date printed, why not read)
    for i, (name, sample) in enumerate(zip(_sample_names(profile), profile.samples, strict=True)):
        if refused := _misplaced(name, sample, roots or (profile.path.parent.parent,)):
            spot = locate.literal("profile", None, "samples", i, None)
            problems.append(Problem(where, spot.line, spot.col, f'profile.samples[{i}]: "{name}" {refused}'))
            continue
        try:
            data = read_regular(sample)
        except Unreadable as err:
            spot = locate.literal("profile", None, "samples", i, None)
            why = (
                "does not exist" if not os.path.lexists(sample) else f"is {err}" if str(err)[:4] == "not " else str(err)
            )
            problems.append(Problem(where, spot.line, spot.col, f"profile.samples[{i}]: {sample} {why}"))
            continue
        try:
            doc = clean(data, profile=profile.name, profiles=profiles)
        except CleanerError as err:  # an unknown platform, an unreadable sample: named, not a traceback
            spot = locate.literal("profile", None, "samples", i, None)
            problems.append(Problem(where, spot.line, spot.col, f"profile.samples[{i}]: cannot be cleaned: {err}"))
            continue
        if miss := _not_detected(profile, profiles, data):
            spot = locate.literal("profile", None, "samples", i, None)
            problems.append(Problem(where, spot.line, spot.col, f'profile.samples[{i}]: "{name}" {miss}'))
        fired |= {r.rule for r in doc.removals} | {r.rule for r in doc.page_removals}
        # page rules' metadata and body name the selector after the rule: "site#1 //h1"
        fired |= {rule.split(" ", 1)[0] for _, rule in doc.meta_sources}
        fired |= {doc.body_rule[0]} if doc.body_rule else set()
        outputs.append(sample_texts(data, doc))
        for ref, printed, why in _unread_dates(profile, doc):
            unread.setdefault(ref, []).append((name, printed, why))
    if not outputs:
        return problems
    for index, rule in enumerate(profile.rules):
        if rule.ref not in fired:
            spot = locate.table("rules", index)
            message = f"rules[{index + 1}] ({rule.kind}): matches nothing in any sample"
            problems.append(Problem(where, spot.line, spot.col, message))
        elif rule.ref in unread and _wrong_capture(unread[rule.ref], len(outputs)):
            spot = locate.table("rules", index)
            (name, printed, why), more = unread[rule.ref][0], len(unread[rule.ref])
            message = (
                f"rules[{index + 1}] ({rule.kind}): the date it captures is no date on {more} of "
                f'{len(outputs)} samples: "{printed}" in {name} ({why})'
            )
            problems.append(Problem(where, spot.line, spot.col, message))
    for key, wanted in (("keep", True), ("drop", False)):
        for i, snippet in enumerate(getattr(profile, key)):
            squashed = _squash(snippet)
            relevant = [out for raw, out in outputs if squashed in raw]
            if not relevant:
                message = f'expect.{key}[{i}]: "{snippet}" is in none of the samples'
            elif any((squashed in out) != wanted for out in relevant):
                message = f'expect.{key}[{i}]: "{snippet}" is {"removed" if wanted else "kept"} in a sample'
            else:
                continue
            spot = locate.literal("expect", None, key, i, None)
            problems.append(Problem(where, spot.line, spot.col, message))
    return problems


def sample_texts(data: bytes, doc: Document) -> tuple[str, str]:
    """What an [expect] snippet is looked for in, whitespace squashed: what the sample holds
    (its bytes as text and, for HTML, the page's text, as a snippet split by tags is not in
    the raw HTML, the elements the site rules stripped included) and what cleaning it kept."""
    from cleaner.stages.decode import text_of  # the sample read as clean reads it (any charset)

    held = [text_of(data), *(r.text for r in doc.page_removals), doc.text]
    if doc.extracted_by is not None:
        held.append(_page_text(data))
    return _squash("\n".join(held)), _squash(doc.text)


def _wrong_capture(unread: list[tuple[str, str, str]], samples: int) -> bool:
    """The date group takes the wrong text: on some sample it reads as no date at all, or it
    never reads as a full date. A date the page prints incompletely ("Mar 3": the site omits
    the current year) on some samples only is what the site prints, not the rule's fault."""
    # dates in figures whose order only a day past 12 tells: the site's pages have none on most
    # days of the month (third attacker trial of stop 37: 1 sample of 4 said "no problems")
    return any(why in (NO_DATE, EITHER_ORDER) for _, _, why in unread) or len(unread) == samples


def _unread_dates(profile: Profile, doc: Document) -> list[tuple[str, str, str]]:
    """(rule, printed, why) for each meta_field rule whose date group captured, on this
    cleaned sample, text cleaner.dates cannot read: the rule fires but gives no date."""
    found = []
    for rule in profile.rules:
        pattern = getattr(rule.rule.options, "pattern", None) if rule.kind == "meta_field" else None
        if pattern is None or "date" not in pattern.groupindex:
            continue
        for removal in doc.removals:
            match = pattern.search(removal.text.strip()) if removal.rule == rule.ref else None
            printed = (match.group("date") or "").strip() if match else ""
            if printed and iso_date(printed)[0] is None:
                found.append((rule.ref, printed, iso_date(printed)[1] or "unreadable"))
                break
    return found


def _sample_names(profile: Profile) -> list[str]:
    """The samples as the file names them (Profile.samples has them joined to its folder)."""
    raw = tomllib.loads(profile.path.read_text(encoding="utf-8-sig"))["profile"].get("samples", [])
    return [name.strip() for name in ([raw] if isinstance(raw, str) else raw)]


def _misplaced(name: str, sample: Path, roots: Sequence[Path]) -> str | None:
    """Why a sample may not be read, or None. Checked before it is opened (or even looked
    for): check's messages quote what is in a sample, and whether it exists."""
    if Path(name).is_absolute():
        return "is an absolute path; name samples relative to the profile file"
    resolved = sample.resolve()  # symlinks too: one inside the folder may point anywhere
    if not any(resolved.is_relative_to(root.resolve()) for root in roots):
        return f"is outside {' and '.join(str(r) for r in roots)}; samples must be inside"
    return None


def unmatched(profile: Profile, profiles: Profiles, locate: Locator) -> list[Problem]:
    """A profile with no hosts and no fingerprints that no site profile uses: detection
    never picks it for a page (only `--profile NAME` does)."""
    if profile.hosts or profile.fingerprints or profile.path.suffix != ".toml":
        return []
    if any(profile.name in other.platforms for other in profiles):
        return []
    spot = locate.table("profile")
    message = (
        f"profile: no hosts and no fingerprints, so no page is ever matched to it (only --profile "
        f"{profile.name} uses it); add the site's hosts or a fingerprint line"
    )
    return [Problem(str(profile.path), spot.line, spot.col, message)]


def claims(profiles: list[Profile], chosen: list[Profile]) -> list[Problem]:
    """Two profiles claiming the same host or fingerprint: detection would be a coin toss. Each
    checked profile is told of the other; of two checked ones, the second by path."""
    problems = []
    ordered = sorted(profiles, key=lambda p: str(p.path))
    owners: dict[tuple[str, str], list[Profile]] = {}
    for profile in ordered:
        for claim in _claimed(profile):
            owners.setdefault(claim, []).append(profile)
    for profile in ordered:
        if profile not in chosen:
            continue
        claimed = _claimed(profile)
        for key, value in claimed:
            at = owners[key, value].index(profile)
            earlier, later = owners[key, value][:at], owners[key, value][at + 1 :]
            # a later profile that is checked too is told of this one
            told = [*earlier, *(o for o in later if o not in chosen)]
            if not told:
                continue
            # a clash among the user's own profiles before a built-in one the user's overrides
            first = next((o for o in told if not _builtin(o)), told[0])
            locate = Locator(profile.path.read_text(encoding="utf-8-sig"))
            element = [v for k, v in claimed if k == key].index(value)
            spot = locate.literal("profile", None, key, element, None)
            message = f'profile.{key}[{element}]: "{value}" is also claimed by profile "{first.name}" ({first.path})'
            # said, not wrong: the user's folder comes after the built-in one, so its profile
            # wins (cleaner.profiles.Profiles.site_by_host), as one of the same name would
            overrides = _builtin(first) and not _builtin(profile)
            if overrides:
                message += "; this profile is used for it, a folder you name coming after the built-in one"
            problems.append(Problem(str(profile.path), spot.line, spot.col, message, note=overrides))
    return problems


def _claimed(profile: Profile) -> list[tuple[str, str]]:
    return [("hosts", normal_host(h)) for h in profile.hosts] + [
        ("fingerprints", f.pattern) for f in profile.fingerprints
    ]


def _builtin(profile: Profile) -> bool:
    return profile.path.parent.resolve() == builtin_dir().resolve()


def _page_text(data: bytes) -> str:
    """All the text of an HTML sample, tags taken out ("" if it cannot be parsed)."""
    from cleaner.stages.decode import decode_bytes
    from cleaner.stages.html_parse import parse

    try:
        tree = parse(decode_bytes(data)[0])
    except CleanerError:
        return ""
    return " ".join(tree.itertext()) if tree is not None else ""


def _squash(text: str) -> str:
    return " ".join(text.split())
