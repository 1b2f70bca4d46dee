"""Lint profiles: every problem at once, as `path:line:col: message`.

Beyond what loading already rejects (TOML syntax, unknown kinds and keys, wrong types,
regexes that do not compile, unknown platforms) this runs the profiles: regexes open to
catastrophic backtracking, rules that match nothing in any sample, failed keep/drop
expectations, and two profiles claiming the same host or fingerprint.
"""

from __future__ import annotations

import re

# the stdlib parser and its opcodes, used only to read a pattern's tree; typeshed has no stubs for them
import re._constants as sre_constants  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
import tomllib
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path

from cleaner.errors import CleanerError, Problem
from cleaner.pipeline import clean
from cleaner.profiles import (
    Profile,
    Profiles,
    collect_profiles,
    load_file,
    platform_problems,
    sample_roots,
    user_dirs,
)
from cleaner.rules import RULES
from cleaner.rules.base import Pattern, Patterns
from cleaner.tomlpos import Locator

UNBOUNDED = sre_constants.MAXREPEAT
REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
# `regex`-only syntax the stdlib parser does not know, replaced by an equivalent class
REGEX_ONLY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]|\[\[:\^?\w+:\]\]")


def check(paths: Sequence[Path] = (), dirs: Sequence[Path] = ()) -> list[Problem]:
    """Problems in the profile files under `paths` (default: every profile that loads),
    judged alongside the built-in and `dirs` profiles."""
    profiles, problems = collect_profiles(dirs)
    chosen = list(profiles)
    users = user_dirs(dirs) + [p if p.is_dir() else p.parent for p in paths]
    if paths:
        files = [f for p in paths for f in (sorted(p.glob("*.toml")) if p.is_dir() else [p])]
        problems, chosen = [], []
        for f in files:
            profile, found = load_file(f)
            problems += found
            if profile is not None:
                profiles.by_name[profile.name] = profile  # the file being checked wins
                chosen.append(profile)
        problems += [p for p in platform_problems(profiles) if p.path in {str(c.path) for c in chosen}]
    for profile in chosen:
        locate = Locator(profile.path.read_text(encoding="utf-8"))
        problems += backtracking(profile, locate)
        problems += samples(profile, profiles, locate, sample_roots(profile.path.parent, users))
    problems += claims(list(profiles), chosen)
    return sorted(set(problems))


def nested_quantifier(source: str) -> bool:
    """Whether an unbounded repeat contains another: (a+)+, (\\w+\\s?)*, (.*)* and the like
    can take exponential time on a line that almost matches."""
    try:
        tree = sre_parse.parse(REGEX_ONLY.sub(r"\\w", source))
    except (re.error, OverflowError, RecursionError):
        return False  # `regex`-only syntax; it compiled with `regex`, so let it be
    return _nested(tree, inside=False)


def _nested(items, inside: bool) -> bool:
    for op, av in items:
        if op in REPEATS:
            _low, high, sub = av
            unbounded = high == UNBOUNDED or high > 10
            if unbounded and inside:
                return True
            if _nested(sub, inside or unbounded):
                return True
        elif op == sre_constants.SUBPATTERN:
            if _nested(av[-1], inside):
                return True
        elif op == sre_constants.BRANCH:
            if any(_nested(branch, inside) for branch in av[1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT) and _nested(av[1], inside):
            return True
        # ATOMIC_GROUP and POSSESSIVE_REPEAT never backtrack into themselves: skipped
    return False


def _pattern_values(profile: Profile) -> Iterator[tuple[str, int | None, str, int | None, str]]:
    """(table, index, key, element, source) for every regex in the profile file."""
    data = tomllib.loads(profile.path.read_text(encoding="utf-8"))
    for i, source in enumerate(data["profile"].get("fingerprints", [])):
        yield "profile", None, "fingerprints", i, source
    for index, rule in enumerate(data.get("rules", [])):
        hints = typing.get_type_hints(RULES[rule["kind"]].Options)
        for key, value in rule.items():
            hint = hints.get(key)
            kinds = set(typing.get_args(hint)) | {hint}
            if Pattern in kinds or Patterns in kinds:
                values = value if isinstance(value, list) else [value]
                for element, source in enumerate(values):
                    yield "rules", index, key, element if isinstance(value, list) else None, source


def backtracking(profile: Profile, locate: Locator) -> list[Problem]:
    problems = []
    for table, index, key, element, source in _pattern_values(profile):
        if nested_quantifier(source):
            spot = locate.literal(table, index, key, element, None)
            label = f"rules[{index + 1}]" if index is not None else table  # only rules are numbered
            at = f"[{element}]" if element is not None else ""
            message = f"{label}.{key}{at}: nested quantifiers can backtrack catastrophically; bound or simplify them"
            problems.append(Problem(str(profile.path), spot.line, spot.col, message))
    return problems


def samples(profile: Profile, profiles: Profiles, locate: Locator, roots: Sequence[Path] = ()) -> list[Problem]:
    """Run the profile on its samples: misplaced or missing samples, silent rules, failed
    expectations. Only samples inside `roots` (default: the profile's folder's parent) are read."""
    where = str(profile.path)
    problems: list[Problem] = []
    outputs: list[tuple[str, str]] = []  # (input, output), whitespace squashed
    fired: set[str] = set()
    for i, (name, sample) in enumerate(zip(_sample_names(profile), profile.samples, strict=True)):
        if refused := _misplaced(name, sample, roots or (profile.path.parent.parent,)):
            spot = locate.literal("profile", None, "samples", i, None)
            problems.append(Problem(where, spot.line, spot.col, f'profile.samples[{i}]: "{name}" {refused}'))
            continue
        if not sample.is_file():
            spot = locate.literal("profile", None, "samples", i, None)
            problems.append(Problem(where, spot.line, spot.col, f"profile.samples[{i}]: {sample} does not exist"))
            continue
        data = sample.read_bytes()
        try:
            doc = clean(data, profile=profile.name, profiles=profiles)
        except CleanerError as err:  # an unknown platform, an unreadable sample: named, not a traceback
            spot = locate.literal("profile", None, "samples", i, None)
            problems.append(Problem(where, spot.line, spot.col, f"profile.samples[{i}]: cannot be cleaned: {err}"))
            continue
        fired |= {r.rule for r in doc.removals} | {rule for _, rule in doc.meta_sources}
        outputs.append((_squash(data.decode("utf-8", "replace")), _squash(doc.text)))
    if not outputs:
        return problems
    for index, rule in enumerate(profile.rules):
        if rule.ref not in fired:
            spot = locate.table("rules", index)
            message = f"rules[{index + 1}] ({rule.kind}): matches nothing in any sample"
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


def _sample_names(profile: Profile) -> list[str]:
    """The samples as the file names them (Profile.samples has them joined to its folder)."""
    raw = tomllib.loads(profile.path.read_text(encoding="utf-8"))["profile"].get("samples", [])
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


def claims(profiles: list[Profile], chosen: list[Profile]) -> list[Problem]:
    """Two profiles claiming the same host or fingerprint: detection would be a coin toss."""
    problems = []
    owners: dict[tuple[str, str], Profile] = {}
    for profile in sorted(profiles, key=lambda p: str(p.path)):
        claimed = [("hosts", h.lower()) for h in profile.hosts] + [
            ("fingerprints", f.pattern) for f in profile.fingerprints
        ]
        for key, value in claimed:
            first = owners.setdefault((key, value), profile)
            if first is not profile and profile in chosen:
                locate = Locator(profile.path.read_text(encoding="utf-8"))
                element = [v for k, v in claimed if k == key].index(value)
                spot = locate.literal("profile", None, key, element, None)
                message = (
                    f'profile.{key}[{element}]: "{value}" is also claimed by profile "{first.name}" ({first.path})'
                )
                problems.append(Problem(str(profile.path), spot.line, spot.col, message))
    return problems


def _squash(text: str) -> str:
    return " ".join(text.split())
