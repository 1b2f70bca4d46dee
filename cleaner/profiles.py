"""Find, parse (tomllib) and validate profile files into Profile objects, or ProfileError.

A profile is data: how to recognise a site or platform, and its ordered rules. Every
problem in every file is collected and reported as `path:line:col: message`.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
import tomllib
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import regex

from cleaner import rules
from cleaner.errors import Problem, ProfileError, UnknownProfile
from cleaner.rules.base import (
    OptionIssue,
    Patterns,
    Rule,
    Texts,
    TimedPattern,
    build_options,
    compile_pattern,
    suggest,
    toml_type,
)

# --profile's own values: a profile of such a name could never be forced
RESERVED_NAMES = frozenset({"auto", "none"})
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KINDS = ("site", "platform")
# How much of the generic stage (cleaner.stages.heuristics, and the metadata stage's
# headline-taking) a page gets when this site profile matches; platform profiles have no say.
GENERIC = ("full", "page", "metadata", "off")
GENERIC_DEFAULT = "metadata"  # a site profile describes its pages: generic guesses remove nothing
# A FiveFilters site config says which element is the article, nothing about its lines:
# the generic stage cleans those as on any page.
GENERIC_FOR_SITE_CONFIGS = "full"
TABLES = ("profile", "rules", "expect")
RULE_COMMON = ("kind", "why", "id")
# A profile is a few KB (a learned one some hundred); larger is not one (/dev/zero never ends)
MAX_BYTES = 16 << 20


def builtin_dir() -> Path:
    """The profiles that ship with cleaner: inside the installed package, or the checkout's."""
    packaged = Path(__file__).parent / "profiles"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "profiles"


@dataclass(frozen=True)
class ProfileOptions:
    name: str
    kind: str = "site"
    description: str = ""
    sitename: str | None = None
    hosts: Texts | None = None
    fingerprints: Patterns | None = None
    platforms: Texts | None = None
    samples: Texts | None = None
    generic: str | None = None


@dataclass(frozen=True)
class ExpectOptions:
    keep: Texts | None = None
    drop: Texts | None = None


class ProfileRule(NamedTuple):
    ref: str  # "coinspeaker#2", or "coinspeaker#<id>" when the rule has an id
    kind: str
    why: str
    rule: Rule


@dataclass(frozen=True)
class Profile:
    """One loaded profile (a TOML file of profiles/ or --profiles-dir, or a FiveFilters site
    config): its name and `kind` ("site" or "platform"), where it came from (`path`), how pages
    are matched to it (`hosts`, `fingerprints`), the platform profiles a site profile uses
    (`platforms`), its `rules` in file order, its sample scrapes and their expectations
    (`samples`, `keep`, `drop`: what `cleaner check` runs), and how much generic cleaning
    its pages get (`generic`: "full", "metadata" or "off"; None for platform profiles)."""

    name: str
    kind: str
    path: Path
    description: str = ""
    sitename: str | None = None
    hosts: tuple[str, ...] = ()
    fingerprints: tuple[TimedPattern, ...] = ()
    platforms: tuple[str, ...] = ()
    samples: tuple[Path, ...] = ()
    rules: tuple[ProfileRule, ...] = ()
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    generic: str | None = None  # site profiles: one of GENERIC; platform profiles: None (no say)
    # FiveFilters site configs (cleaner.siteconfig): test_url pages, directives not applied
    tests: tuple[Any, ...] = ()
    ignored: tuple[Any, ...] = ()

    @property
    def page_rules(self) -> tuple[ProfileRule, ...]:
        """The rules that act on the parsed HTML page (cleaner.rules.page), in file order."""
        return tuple(r for r in self.rules if r.rule.page)

    def host_match(self, host: str) -> str | None:
        """The host pattern that `host` matches: "example.com" covers its subdomains too."""
        from cleaner.urls import normal_host

        host = normal_host(host)
        for pattern in self.hosts:
            p = normal_host(pattern)
            if host == p or host.endswith("." + p) or fnmatch.fnmatchcase(host, p):
                return pattern
        return None

    def fingerprint_match(self, stripped_text: str) -> str | None:
        """The first fingerprint found in the text (lines stripped, searched line by line)."""
        for pattern in self.fingerprints:
            if found(pattern, stripped_text):
                return pattern.pattern
        return None


def host_problem(host: str) -> str | None:
    """Why a profile's `hosts` entry can never match a page's host, or None. A trailing dot
    and Unicode or full-width letters are fine: hosts are compared normalised
    (cleaner.urls.normal_host), so "example.com." is example.com and "bücher.example" is
    xn--bcher-kva.example."""
    if "://" in host:
        return "is a URL; hosts are host names (example.com)"
    if "/" in host:
        return "has a path; hosts are host names (example.com)"
    if ":" in host:
        return "has a port; hosts are host names, matched on any port (example.com)"
    if any(c.isspace() for c in host) or ".." in host or host.startswith("."):
        return "is not a host name (white space or an empty label)"
    return None


# The fingerprints that timed out while a page's profiles were chosen (the profile stage sets
# a list here, and names them on stderr through Document.timeouts)
TIMED_OUT: ContextVar[list[str] | None] = ContextVar("fingerprints_timed_out", default=None)


def found(pattern: TimedPattern, text: str) -> bool:
    """Whether a fingerprint occurs; one that times out on a hostile text counts as absent,
    and is noted in TIMED_OUT (attacker trial of stop 36: the profile went undetected silently)."""
    try:
        return pattern.search(text) is not None
    except TimeoutError:
        if (seen := TIMED_OUT.get()) is not None and pattern.pattern not in seen:
            seen.append(pattern.pattern)
        return False


@dataclass
class Profiles:
    """The loaded profiles by name; later directories override earlier ones by name."""

    by_name: dict[str, Profile] = field(default_factory=dict)
    # name -> the index of the folder it came from in profile_dirs' order: for a host two
    # site profiles claim, the later folder's wins, as for a name (attacker trial of stop 47:
    # a --profiles-dir profile for a built-in profile's host lost to it, exit 0)
    rank: dict[str, int] = field(default_factory=dict)
    # Folders that may hold FiveFilters site configs (the user's), lowest precedence first;
    # a host's file is parsed the first time a page of that host is seen.
    config_dirs: list[Path] = field(default_factory=list)
    _configs: dict[str, Profile | None] = field(default_factory=dict, repr=False, compare=False)

    def site_by_host(self, host: str) -> tuple[Profile, str] | None:
        """The site profile for a host, with why: a TOML site profile whose hosts match,
        else the site config file for the host; ProfileError if that file is invalid."""
        if not host:
            return None
        sites = (p for p in self.by_name.values() if p.kind == "site")
        for profile in sorted(sites, key=lambda p: (-self.rank.get(p.name, 0), p.name)):
            if pattern := profile.host_match(host):
                return profile, f'host {host} matches "{pattern}"'
        config = self.site_config(host)
        if config is None:
            return None
        return config, f"host {host} matches the site config {config.path}"

    def site_config(self, host: str) -> Profile | None:
        """The FiveFilters site config for `host` (cleaner.siteconfig), loaded once per file."""
        if not self.config_dirs:
            return None
        from cleaner import siteconfig

        path = siteconfig.find(self.config_dirs, host)
        if path is None:
            return None
        return self._config(path)

    def site_config_named(self, name: str) -> Profile | None:
        """The site config whose name (its file name without .txt: "example.com",
        ".example.com") is `name`, as the output's `profile` field shows it; None if none is."""
        from cleaner import siteconfig

        for folder in reversed(self.config_dirs):
            path = folder / (name + siteconfig.SUFFIX)
            if siteconfig.is_site_config(path) and os.path.lexists(path):
                return self._config(path)
        return None

    def _config(self, path: Path) -> Profile | None:
        from cleaner import siteconfig

        key = str(path)
        if key not in self._configs:
            profile, problems = siteconfig.load(path)
            if problems:
                raise ProfileError(problems)
            self._configs[key] = profile
        return self._configs[key]

    def __iter__(self):
        return iter(sorted(self.by_name.values(), key=lambda p: (p.kind != "site", p.name)))

    def __len__(self) -> int:
        return len(self.by_name)

    def get(self, name: str) -> Profile:
        """The profile named `name`: a TOML profile, else a site config of that name."""
        try:
            return self.by_name[name]
        except KeyError:
            if self.config_dirs and (config := self.site_config_named(name)) is not None:
                return config
            raise UnknownProfile(f'unknown profile "{name}"{suggest(name, list(self.by_name))}') from None


ENTRY_POINT_GROUP = "cleaner.profiles"
ENV_VAR = "CLEANER_PROFILES"


def entry_points(group: str):
    """importlib.metadata.entry_points(group=...), but only imported (10 ms) when some
    installed package declares that group: start-up time counts for `cleaner clean -`."""
    if not _declared(f"[{group}]"):
        return []
    from importlib.metadata import entry_points as installed

    return installed(group=group)


def _declared(section: str) -> bool:
    """Whether any installed distribution's entry_points.txt has `section`."""
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith((".dist-info", ".egg-info")):
                    try:
                        with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as f:
                            if section in f.read():
                                return True
                    except OSError:
                        continue
    return False


def profile_dirs(dirs: Sequence[Path | str] = (), *, builtin: bool = True) -> tuple[list[Path], list[Problem]]:
    """Where profiles come from, lowest precedence first; a later profile replaces an
    earlier one of the same name:

    1. the built-in profiles;
    2. installed profile packs: entry points in the group "cleaner.profiles", each
       naming a package (its folder holds the *.toml files) or a function returning a folder;
    3. the folders in $CLEANER_PROFILES (separated by os.pathsep);
    4. `dirs` (the CLI's --profiles-dir), in order.
    """
    found: list[Path] = [builtin_dir()] if builtin else []
    problems: list[Problem] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        try:
            found.append(_entry_point_dir(ep.load()))
        except Exception as err:  # a broken pack must not hide the others; report it like a profile
            problems.append(Problem(f"<entry point {ep.name} = {ep.value}>", 1, 1, f"cannot load profile pack: {err}"))
    return found + user_dirs(dirs), problems


def user_dirs(dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The profile folders the user names: $CLEANER_PROFILES, then `dirs` (--profiles-dir)."""
    return [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p] + [Path(d) for d in dirs]


def holds_none(folder: Path) -> bool:
    """Whether `folder` is a folder with no profile (*.toml) or site config in it: it loads
    nothing, as the profiles of its subfolders are not read."""
    from cleaner import siteconfig

    return folder.is_dir() and not any(folder.glob("*.toml")) and not siteconfig.files_in(folder)


def sample_roots(folder: Path, users: Sequence[Path]) -> tuple[Path, ...]:
    """Where a profile in `folder` may name samples; `cleaner check` reads nothing else, as its
    messages show what a sample holds. Built-in profiles: their folder and the seeds beside
    it. A folder the user named (`users`): its parent, as drafts name the scrapes they were
    made from beside it. An installed pack: its own folder."""
    folder = folder.resolve()
    builtin = builtin_dir().resolve()
    if folder == builtin:
        return builtin, builtin.parent / "seeds"
    if folder in {u.resolve() for u in users}:
        return (folder.parent,)
    return (folder,)


def _entry_point_dir(target: Any) -> Path:
    if callable(target) and not isinstance(target, type):
        target = target()
    if hasattr(target, "__file__") and target.__file__:
        return Path(target.__file__).parent
    if hasattr(target, "__path__"):
        return Path(next(iter(target.__path__)))
    return Path(target)


def load_profiles(dirs: Sequence[Path | str] | Path | str = (), *, builtin: bool = True) -> Profiles:
    """All profiles (see profile_dirs for where they come from); ProfileError listing every
    problem in every file if any is invalid. `dirs`: folders, or one folder."""
    if isinstance(dirs, str | Path):  # one folder, not the letters of its name
        dirs = [dirs]
    profiles, problems = collect_profiles(dirs, builtin=builtin, trust_builtin=True)
    if problems:
        raise ProfileError(problems)
    return profiles


def collect_profiles(
    dirs: Sequence[Path | str] = (), *, builtin: bool = True, trust_builtin: bool = False
) -> tuple[Profiles, list[Problem]]:
    """The valid profiles and the problems of the invalid ones.

    trust_builtin=True compiles the built-in profiles' regexes on first use instead of
    now: the test suite runs `cleaner check` on them, and compiling them all is most of
    the start-up time. Every other source is compiled, so checked, at load.
    """
    sources, problems = profile_dirs(dirs, builtin=builtin)
    trusted = builtin_dir() if builtin and trust_builtin else None
    profiles = Profiles(config_dirs=[d for d in user_dirs(dirs) if d.is_dir()])
    for rank, directory in enumerate(sources):
        if not directory.is_dir():
            kind = "does not exist" if not directory.exists() else "is a file, not a folder"
            problems.append(Problem(str(directory), 1, 1, f"profile folder {kind}"))
            continue
        seen: dict[str, Path] = {}
        for path in sorted(directory.glob("*.toml")):
            profile, found = load_file(path, lazy=directory == trusted)
            problems += found
            if profile is None:
                continue
            if profile.name in seen:
                spot = name_spot(path)
                why = f'profile "{profile.name}" is also defined in {seen[profile.name]}'
                problems.append(Problem(str(path), spot.line, spot.col, why))
                continue
            seen[profile.name] = path
            profiles.by_name[profile.name] = profile
            profiles.rank[profile.name] = rank
    problems += platform_problems(profiles)
    return profiles, problems


def platform_problems(profiles: Profiles) -> list[Problem]:
    problems = []
    for profile in profiles:
        for name in profile.platforms:
            target = profiles.by_name.get(name)
            builtin = builtin_dir() / f"{name}.toml"
            if target is not None and target.kind != "platform" and target.path != builtin and builtin.is_file():
                # a profile of the same name from a later folder replaced a built-in platform:
                # the problem is in that file (attacker trial: the error named a built-in file)
                message = (
                    f'profile "{name}" replaces the platform profile of that name, which '
                    f'{profile.path.name} lists in profile.platforms, but is no platform profile (kind = "platform")'
                )
                problems.append(Problem(str(target.path), 1, 1, message))
            elif target is not None and target.kind != "platform":
                from cleaner.tomlpos import Locator

                spot = Locator(profile.path.read_text(encoding="utf-8-sig")).key("profile", None, "platforms")
                message = f'profile.platforms: "{name}" is a site profile, not a platform profile'
                problems.append(Problem(str(profile.path), spot.line, spot.col, message))
            elif target is None:
                platforms = [p.name for p in profiles if p.kind == "platform"]
                from cleaner.tomlpos import Locator  # positions are needed only to report a problem

                spot = Locator(profile.path.read_text(encoding="utf-8-sig")).key("profile", None, "platforms")
                message = f'profile.platforms: unknown platform profile "{name}"{suggest(name, platforms)}'
                problems.append(Problem(str(profile.path), spot.line, spot.col, message))
    return problems


def load_file(path: Path, *, lazy: bool = False) -> tuple[Profile | None, list[Problem]]:
    """Parse and validate one profile file; a Profile only when there are no problems.

    lazy=True: regexes are compiled on first use, so a bad one is not reported here."""
    from cleaner.files import Unreadable, decode_error_at, read_regular

    where = str(path)
    try:
        raw = read_regular(path, MAX_BYTES)
        source = raw.decode("utf-8").removeprefix("\ufeff")  # editors on Windows save UTF-8 with a BOM
    except Unreadable as err:
        return None, [Problem(where, 1, 1, str(err))]
    except UnicodeDecodeError as err:
        line, col = decode_error_at(raw, err.start)
        return None, [Problem(where, line, col, f"not UTF-8 text ({err.reason} at byte {err.start})")]
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as err:
        return None, [_syntax_problem(where, source, err)]
    except RecursionError:  # tomllib recurses once per nested array or inline table
        from cleaner.tomlpos import deepest

        spot = deepest(source)
        return None, [Problem(where, spot.line, spot.col, "TOML nested too deeply to read (arrays or inline tables)")]
    return _Validator(path, source, lazy).run(data)


def _syntax_problem(where: str, source: str, err: tomllib.TOMLDecodeError) -> Problem:
    text = str(err)
    at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", text)
    if at:
        return Problem(where, int(at.group(1)), int(at.group(2)), f"TOML syntax: {text[: at.start()]}")
    end = re.search(r"\s*\(at end of document\)$", text)
    if end:
        lines = source.split("\n")
        return Problem(where, len(lines), len(lines[-1]) + 1, f"TOML syntax: {text[: end.start()]}")
    return Problem(where, 1, 1, f"TOML syntax: {text}")


class _Validator:
    """Turns parsed TOML into a Profile, collecting every problem with its position."""

    def __init__(self, path: Path, source: str, lazy: bool = False):
        self.path = path
        self.lazy = lazy
        self.where = str(path)
        self.source = source
        self.problems: list[Problem] = []

    @cached_property
    def locate(self):
        """Positions in the file: scanned only when there is a problem to place."""
        from cleaner.tomlpos import Locator

        return Locator(self.source)

    def run(self, data: dict[str, Any]) -> tuple[Profile | None, list[Problem]]:
        for key in data:
            if key not in TABLES:
                # "[[rule]]", "[rule.sub]" or "rule.x = ..." (attacker trials of stop 56: the typo
                # at line 10 was reported at 1:1)
                spot = self.locate.first(key) or self.locate.key("", None, key)
                self._add(spot, f'unknown table "{key}"{suggest(key, TABLES)}')
        head = self._table(data, "profile", ProfileOptions, required=True)
        expect = self._table(data, "expect", ExpectOptions) or ExpectOptions()
        # the values checked by what they say, from the table as written when another of its
        # keys is wrong too (`check` reports every problem: attacker trial)
        table = data.get("profile")
        written: dict[str, Any] = table if isinstance(table, dict) else {}

        def value(key: str, default: str | None = None) -> str | None:
            if head:
                return getattr(head, key)
            found = written.get(key, default)
            return found if isinstance(found, str) else None

        kind, name, generic = value("kind", "site"), value("name"), value("generic")
        if kind is not None and kind not in KINDS:
            self._at_value("profile", None, "kind", f'profile.kind: expected "site" or "platform", got "{kind}"')
        if name is not None and not NAME.match(name):
            self._at_value(
                "profile", None, "name", f'profile.name: "{name}" must be lower-case letters, digits and dashes'
            )
        elif name in RESERVED_NAMES:  # attacker trial of stop 36: passed check, and could never be forced
            message = f'profile.name: "{name}" is what --profile {name} means; choose another name'
            self._at_value("profile", None, "name", message)
        if generic is not None:
            if generic not in GENERIC:
                choices = ", ".join(f'"{g}"' for g in GENERIC)
                hint = suggest(generic, GENERIC)
                message = f'profile.generic: expected one of {choices}, got "{generic}"{hint}'
                self._at_value("profile", None, "generic", message)
            elif kind == "platform":
                message = "profile.generic: only site profiles decide how much generic cleaning a page gets"
                self._at_value("profile", None, "generic", message)
        if head and head.hosts:
            raw = data["profile"]["hosts"]
            for i, host in enumerate(head.hosts):
                if problem := host_problem(host):
                    element = i if isinstance(raw, list) else None
                    spot = self.locate.literal("profile", None, "hosts", element, None)
                    label = f"profile.hosts[{i}]" if element is not None else "profile.hosts"
                    self._add(spot, f'{label}: "{host}" {problem}')
        compiled = self._rules(
            data.get("rules", []),
            head.name if head else self.path.stem,
            platform=bool(head and head.kind == "platform"),
        )
        if self.problems or head is None:
            return None, self.problems
        profile = Profile(
            name=head.name,
            kind=head.kind,
            path=self.path,
            description=head.description,
            sitename=head.sitename,
            hosts=tuple(head.hosts or ()),
            fingerprints=tuple(
                compile_pattern(p.pattern, regex.MULTILINE, lazy=self.lazy) for p in head.fingerprints or ()
            ),
            platforms=tuple(head.platforms or ()),
            samples=tuple((self.path.parent / s) for s in head.samples or ()),
            rules=compiled,
            keep=tuple(expect.keep or ()),
            drop=tuple(expect.drop or ()),
            generic=(head.generic or GENERIC_DEFAULT) if head.kind == "site" else None,
        )
        return profile, []

    def _table(self, data: dict, name: str, options_cls: type, required: bool = False) -> Any:
        raw = data.get(name)
        if raw is None:
            if required and not self.source.strip():
                # the shell makes the file before the command that fails (`learn ... > x.toml`)
                self._add(self.locate.table("", None), f"empty file: a profile starts with a [{name}] table")
            elif required:
                self._add(self.locate.table("", None), f"missing [{name}] table")
            return None
        if not isinstance(raw, dict):
            self._add(self.locate.key("", None, name), f"{name}: expected a table, got {toml_type(raw)}")
            return None
        options, issues = build_options(options_cls, raw, lazy=self.lazy)
        for issue in issues:
            self._issue(name, None, name, issue)
        return options

    def _rules(self, raw_rules: Any, profile_name: str, platform: bool = False) -> tuple[ProfileRule, ...]:
        if not isinstance(raw_rules, list):  # [rules] (one table) where [[rules]] was meant: at its header
            spot = self.locate.tables.get(("rules", None)) or self.locate.key("", None, "rules")
            self._add(spot, "rules: expected [[rules]] tables")
            return ()
        compiled = []
        ids: dict[str, int] = {}  # a rule's id -> its number, for the removals' record to tell rules apart
        for index, raw in enumerate(raw_rules):
            label = f"rules[{index + 1}]"
            if not isinstance(raw, dict):  # rules = ["x"]: a traceback (attacker trial 2 of stop 51)
                spot = self.locate.key("", None, "rules")
                self._add(spot, f"{label}: expected a table ([[rules]] or {{kind = ...}}), got {toml_type(raw)}")
                continue
            kind = raw.get("kind")
            if not isinstance(kind, str):
                message = f'{label}: missing key "kind"' if kind is None else f"{label}.kind: expected a string"
                self._add(self.locate.key("rules", index, "kind"), message)
                continue
            try:
                rule_cls = rules.get(kind)
            except KeyError as err:
                self._add(self.locate.literal("rules", index, "kind", None, None), f"{label}: {err.args[0]}")
                continue
            named = f"{label} ({kind})"
            if rule_cls.page and platform:
                # the page is extracted before its text shows the platform's fingerprints
                message = f"{named}: acts on the HTML page, which only a site profile (matched by host) can do"
                self._add(self.locate.literal("rules", index, "kind", None, None), message)
            why, rule_id = raw.get("why"), raw.get("id")
            if not isinstance(why, str) or not why.strip():
                problem = 'missing key "why"' if why is None else "why: expected a non-empty string"
                spot = self.locate.key("rules", index, "why") if why is not None else self.locate.table("rules", index)
                self._add(spot, f"{named}: {problem}")
            if rule_id is not None and not isinstance(rule_id, str):
                self._add(
                    self.locate.key("rules", index, "id"), f"{label}.id: expected a string, got {toml_type(rule_id)}"
                )
            elif isinstance(rule_id, str) and (wrong := _id_problem(rule_id, ids)):
                # `removed` and explain name a removal's rule by its id: one name, one rule
                self._add(self.locate.key("rules", index, "id"), f"{label}.id: {wrong}")
            elif isinstance(rule_id, str):
                ids[rule_id] = index + 1
            specific = {k: v for k, v in raw.items() if k not in RULE_COMMON}
            options, issues = build_options(rule_cls.Options, specific, also=RULE_COMMON, lazy=self.lazy)
            if options is not None:
                issues = rule_cls.validate(options)
                if rule_cls.page:  # selectors that can only find text, or the root, or fail on every page
                    from cleaner.rules.page import page_issues

                    issues += page_issues(rule_cls, options, isinstance(specific.get("select"), list))
            for issue in issues:
                self._issue("rules", index, label, issue, named)
            if not issues and isinstance(why, str) and why.strip():
                ref = f"{profile_name}#{rule_id if isinstance(rule_id, str) else index + 1}"
                compiled.append(ProfileRule(ref, kind, why.strip(), rule_cls(options)))
        return tuple(compiled)

    def _issue(self, table: str, index: int | None, label: str, issue: OptionIssue, named: str = "") -> None:
        """Place an option issue: at the key, at the bad string, or at the table header."""
        if not issue.key:
            self._add(self.locate.table(table, index), f"{named or label}: {issue.message}")
        elif issue.message.startswith("unknown key"):
            self._add(self.locate.key(table, index, issue.key), f"{named or label}: {issue.message}")
        else:
            spot = self.locate.literal(table, index, issue.key, issue.element, issue.offset)
            element = f"[{issue.element}]" if issue.element is not None else ""
            self._add(spot, f"{label}.{issue.key}{element}: {issue.message}")

    def _at_value(self, table: str, index: int | None, key: str, message: str) -> None:
        self._add(self.locate.literal(table, index, key, None, None), message)

    def _add(self, spot: Any, message: str) -> None:
        self.problems.append(Problem(self.where, spot.line, spot.col, message))


def _id_problem(rule_id: str, ids: dict[str, int]) -> str | None:
    """What is wrong with a rule's `id` beside the ids before it: empty, spaces around it, a
    number (the name of the rule at that place without an id: "site#3"), or another rule's
    (second attacker trial of stop 41: all of these passed check, and removals were ambiguous)."""
    if not rule_id.strip():
        return "an empty id names no rule; leave it out or give a name"
    if rule_id != rule_id.strip():
        return f"{rule_id!r} has spaces around it, which removals would not show"
    if rule_id.isdigit():
        return f"{rule_id!r} is a number, the name of the rule at that place without an id; give a word"
    if rule_id in ids:
        return f"{rule_id!r} is rules[{ids[rule_id]}]'s id too; give each rule its own"
    return None


def name_spot(path: Path):
    """Where the file's [profile] name is (1:1 when it cannot be read again)."""
    from cleaner.tomlpos import Locator, Spot

    try:
        locate = Locator(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return Spot(1, 1)
    name = locate.values.get(("profile", None, "name"))  # else "profile.name = ", "profile = {name = ...}"
    return name.key if name else (locate.first("profile") or Spot(1, 1))
