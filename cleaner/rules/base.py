"""What every rule kind shares: the option types, option validation and the line view."""

from __future__ import annotations

import dataclasses
import functools
import re
import time
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

import regex

from cleaner.document import Line
from cleaner.rules.prefix import literal_prefixes
from cleaner.stages.normalise import collapse_spaces


# Option types a rule's Options dataclass may use, besides str, int and bool.
class Texts(tuple):
    """A string or a list of strings, matched against whole (stripped) lines."""


class Patterns(tuple):
    """A regular expression or a list of them; a line matches if any does."""


class Selectors(tuple):
    """An XPath or CSS selector or a list of them (cleaner.rules.page.Selector), for the
    kinds that act on the parsed page."""


class OptionIssue(NamedTuple):
    """A problem with one option value; the loader turns it into path:line:col."""

    key: str
    message: str
    element: int | None = None  # index in a list value
    offset: int | None = None  # character offset inside the string (regex errors)


@dataclass
class Hit:
    """What a rule found: positions (in the current line list) to drop, metadata to set."""

    drop: list[int] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


class LineView:
    """The current lines with their texts as rules match against them: stripped, and runs of
    spaces and tabs one space, as the output prints them (attacker trial of stop 36: "Share
    \tthis article" passed a drop_line of "Share this article" and came out as that line)."""

    def __init__(self, lines: Sequence[Line], texts: list[str] | None = None):
        self.lines = lines
        self.texts = texts if texts is not None else [collapse_spaces(line.text) for line in lines]

    def without(self, drop: Iterable[int]) -> LineView:
        """The view after dropping positions, reusing the stripped texts."""
        gone = set(drop)
        if not gone:
            return self
        keep = [i for i in range(len(self.lines)) if i not in gone]
        return LineView([self.lines[i] for i in keep], [self.texts[i] for i in keep])

    def __len__(self) -> int:
        return len(self.lines)

    def neighbour(self, i: int, step: int) -> int | None:
        """Position of the nearest non-blank line before (step=-1) or after (step=1) i."""
        j = i + step
        while 0 <= j < len(self.texts):
            if self.texts[j]:
                return j
            j += step
        return None

    def blocks(self) -> Iterator[range]:
        """Runs of consecutive non-blank lines, as ranges of positions."""
        start = None
        for i, text in enumerate(self.texts):
            if text and start is None:
                start = i
            elif not text and start is not None:
                yield range(start, i)
                start = None
        if start is not None:
            yield range(start, len(self.texts))


class Rule:
    """Base of the rule kinds. Subclasses set `kind`, `Options` and `apply`."""

    kind: ClassVar[str]
    Options: ClassVar[type]
    page: ClassVar[bool] = False  # True: acts on the parsed HTML page (cleaner.rules.page), not on lines

    def __init__(self, options: Any):
        self.options = options

    @classmethod
    def validate(cls, options: Any) -> list[OptionIssue]:
        """Checks across options, once each option has its type; override when needed."""
        return []

    def apply(self, view: LineView) -> Hit:
        raise NotImplementedError


def matches_any(patterns: Sequence[TimedPattern], text: str) -> bool:
    starts = _starts(patterns) if isinstance(patterns, tuple) else None
    if starts and not text.startswith(starts):  # no pattern can match (cleaner.rules.prefix)
        _timeout()  # as the first search would: a spent budget still raises at this line
        return False
    return any(p.search(text) for p in patterns)


@functools.lru_cache(maxsize=256)
def _starts(patterns: tuple[TimedPattern, ...]) -> tuple[str, ...] | None:
    """Every line a rule's patterns match starts with one of these; None when one of them
    may match any line. One `startswith` then rules most lines out for all of them."""
    if not patterns or any("" in p.prefixes for p in patterns):
        return None
    return tuple(prefix for p in patterns for prefix in p.prefixes)


# A profile's regex gets this long per search; one that backtracks catastrophically on
# some line raises TimeoutError, and the profile stage skips that rule for the document.
REGEX_TIMEOUT = 0.5
# ... and each rule cleaner.document.RULE_BUDGET per document in all (Context.rule_budget): a
# search just under REGEX_TIMEOUT on every line would otherwise add up to minutes on a long page.
# When the running rule's budget ends (time.monotonic()); None outside a rule (fingerprints).
# A context variable: Dask workers clean documents in threads.
_deadline: ContextVar[float | None] = ContextVar("rule_deadline", default=None)


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Searches in this block share `seconds` in all (each still at most REGEX_TIMEOUT);
    the first one that would start or run past the end raises TimeoutError."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def _timeout() -> float:
    deadline = _deadline.get()
    if deadline is None:
        return REGEX_TIMEOUT
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the rule's time budget for this document is spent")
    return left if left < REGEX_TIMEOUT else REGEX_TIMEOUT


# Counted repeats nested in one another multiply what the `regex` module builds when it
# compiles the pattern, before any search and so before any time limit: (?:(?:a{1000}){1000})
# {1000} took 24 GB in a minute (attacker trial), x{1000000} 290 MB per process, twenty
# x{99999} side by side 588 MB. A profile's pattern whose counts come to more than this is
# refused where it is written.
MAX_REPEATS = 100_000
COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
VERBOSE_FLAG = re.compile(r"\(\?[a-zA-Z^-]*x")


def repeat_product(source: str, verbose: bool = False) -> tuple[int, int]:
    """How many repeats the counted quantifiers ({m}, {m,n}, {m,}) of `source` come to, counts
    nested in one another multiplied and those side by side added, and the position of the
    count that adds the most. Read by brackets, escapes and (in verbose mode, `verbose` or an
    inline "x" flag) comments only: an upper bound's shape, not a parse (a count inside a
    class, escaped or in a comment is none; a ")" in a comment closes nothing: second attacker
    round, a comment hid the nesting of 10,000,000 repeats)."""
    verbose = verbose or VERBOSE_FLAG.search(source) is not None
    frames = [0]  # per open group: what its contents come to so far
    atom, added, n = 1, 0, 0  # the last atom's weight, and what it added to its frame
    biggest, at = 0, 0
    while n < len(source):
        ch = source[n]
        if ch == "\\":
            atom, added, n = 1, 0, n + 2
            continue
        if ch == "[":  # a class: to its closing bracket ("]" first in it is a member)
            n += 2 if source[n + 1 : n + 2] == "^" else 1
            n += 1 if source[n : n + 1] == "]" else 0
            while n < len(source) and source[n] != "]":
                n += 2 if source[n] == "\\" else 1
            atom, added, n = 1, 0, n + 1
            continue
        if verbose and ch == "#":
            end = source.find("\n", n)
            n = len(source) if end < 0 else end + 1
            continue
        if ch == "(":
            frames.append(0)
        elif ch == ")" and len(frames) > 1:
            atom = added = max(frames.pop(), 1)
            frames[-1] += added
            n += 1
            continue
        elif ch == "{" and (m := COUNT.match(source, n)) and (m[1] or m[2]):
            repeats = atom * max(int(m[2] or m[1] or 0), 1)
            frames[-1] += repeats - added  # the atom counted once before its quantifier
            atom, added = repeats, repeats
            if repeats > biggest:
                biggest, at = repeats, n
            n = m.end()
            continue
        atom, added = 1, 0
        n += 1
    return max(frames[0], 1), at


class TimedPattern:
    """A `regex` pattern whose searches stop after REGEX_TIMEOUT seconds, or sooner when
    the rule's budget (see `budget`) runs out.

    Compiled on first use when built lazily: the `regex` module's parser is pure Python
    and compiling every built-in profile's patterns would be most of the start-up time.
    """

    __slots__ = ("_compiled", "flags", "pattern", "prefixes")

    def __init__(self, source: str, flags: int = 0, *, lazy: bool = False):
        self.pattern = source
        self.flags = flags
        product, at = repeat_product(source, bool(flags & regex.VERBOSE))
        if product > MAX_REPEATS:
            raise regex.error(
                f"counted repeats that come to {product:,} (more than {MAX_REPEATS:,}): too big to compile",
                source,
                at,
            )
        self.prefixes = literal_prefixes(source, flags)  # what a whole-line search's match starts with
        self._compiled = None if lazy else regex.compile(source, flags)

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self.flags)
        return self._compiled

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled.groupindex

    def search(self, text: str, pos: int = 0) -> regex.Match | None:
        # the compiled pattern without the property's call where it is there (most searches)
        compiled = self._compiled or self.compiled
        timeout = _timeout()  # a spent budget raises here whether or not the line can match
        if pos == 0 and not text.startswith(self.prefixes):  # cleaner.rules.prefix: it cannot
            return None
        return compiled.search(text, pos, timeout=timeout)

    def fullmatch(self, text: str) -> regex.Match | None:
        return (self._compiled or self.compiled).fullmatch(text, timeout=_timeout())

    def __getstate__(self) -> tuple[str, int]:  # workers compile what they use
        return self.pattern, self.flags

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state
        self.prefixes = literal_prefixes(self.pattern, self.flags)
        self._compiled = None

    def __repr__(self) -> str:
        return f"TimedPattern({self.pattern!r})"


class Pattern(TimedPattern):
    """One regular expression (the `regex` module's syntax), compiled when its profile is loaded
    (built-ins: on first use). As an option's type, it tells the schema to compile a string."""

    __slots__ = ()


def compile_pattern(source: str, flags: int = 0, *, lazy: bool = False) -> TimedPattern:
    """A TimedPattern; lazy=True defers compiling (and so any regex.error) to first use."""
    return TimedPattern(source, flags, lazy=lazy)


def suggest(name: str, choices: Sequence[str]) -> str:
    import difflib  # only when there is a problem to report

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    Texts: "a string or a list of strings",
    Pattern: "a regular expression (string)",
    Patterns: "a regular expression or a list of them",
    Selectors: "an XPath or CSS selector or a list of them",
}


def toml_type(value: Any) -> str:
    names = {bool: "boolean", int: "integer", float: "float", str: "string", list: "array", dict: "table"}
    return names.get(type(value), type(value).__name__)


@functools.cache
def _hints(options_cls: type) -> dict[str, Any]:
    return typing.get_type_hints(options_cls)


def build_options(
    options_cls: type, raw: dict[str, Any], also: Sequence[str] = (), *, lazy: bool = False
) -> tuple[Any, list[OptionIssue]]:
    """Check `raw` against the Options dataclass: unknown and missing keys, types, regexes.

    `also` names keys valid beside the options (handled by the caller), for suggestions.
    lazy=True leaves regexes uncompiled until used: for profiles already checked.
    """
    hints = _hints(options_cls)
    fields = {f.name: f for f in dataclasses.fields(options_cls)}
    issues: list[OptionIssue] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields:
            issues.append(OptionIssue(key, f'unknown key "{key}"{suggest(key, [*fields, *also])}'))
            continue
        converted, problems = _convert(key, value, hints[key], lazy)
        issues += problems
        if not problems:
            values[key] = converted
    for name, f in fields.items():
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if required and name not in raw:
            issues.append(OptionIssue("", f'missing key "{name}"'))
    if issues:
        return None, issues
    return options_cls(**values), []


def _convert(key: str, value: Any, hint: Any, lazy: bool) -> tuple[Any, list[OptionIssue]]:
    args = typing.get_args(hint)
    optional = type(None) in args
    if optional:  # Optional[X]: TOML has no null, so the value is always X here
        hint = next(a for a in args if a is not type(None))
    wrong = [OptionIssue(key, f"expected {TYPE_NAMES[hint]}, got {toml_type(value)}")]
    if hint in (str, Pattern) and not isinstance(value, str):
        return None, wrong
    if hint is int and (not isinstance(value, int) or isinstance(value, bool)):
        return None, wrong
    if hint is bool and not isinstance(value, bool):
        return None, wrong
    if hint is Selectors:
        return _selectors(key, value, optional)
    if hint in (Texts, Patterns):
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            return None, wrong
        if not items and not optional:
            return None, [OptionIssue(key, "expected at least one value, got an empty list")]
        if hint is Texts:
            if not all(v.strip() for v in items):
                return None, [OptionIssue(key, "expected non-empty strings, got an empty one")]
            return Texts(collapse_spaces(v) for v in items), []
        compiled, issues = [], []
        for i, source in enumerate(items):
            pattern, issue = _compile(key, source, i if isinstance(value, list) else None, lazy)
            compiled.append(pattern)
            issues += [issue] if issue else []
        return Patterns(compiled), issues
    if hint is Pattern:
        pattern, issue = _compile(key, value, None, lazy)
        return pattern, [issue] if issue else []
    return value, []


def _selectors(key: str, value: Any, optional: bool) -> tuple[Any, list[OptionIssue]]:
    from cleaner.rules.page import Selector, SelectorError  # lxml: only for profiles with page rules

    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        return None, [OptionIssue(key, f"expected {TYPE_NAMES[Selectors]}, got {toml_type(value)}")]
    if not items and not optional:
        return None, [OptionIssue(key, "expected at least one value, got an empty list")]
    compiled, issues = [], []
    for i, source in enumerate(items):
        element = i if isinstance(value, list) else None
        if not source.strip():
            issues.append(OptionIssue(key, "expected a selector, got an empty string", element))
            continue
        try:
            compiled.append(Selector(source))
        except SelectorError as err:
            issues.append(OptionIssue(key, str(err), element))
    return Selectors(compiled), issues


def _compile(key: str, source: str, element: int | None, lazy: bool) -> tuple[Any, OptionIssue | None]:
    try:
        return Pattern(source, lazy=lazy), None
    except regex.error as err:
        message = err.msg if hasattr(err, "msg") else str(err)
        pos = getattr(err, "pos", None)
        at = f" at position {pos}" if pos is not None else ""
        return None, OptionIssue(key, f"bad regex: {message}{at}", element, pos)


def numbered(text: str) -> LineView:
    """A LineView over `text`, numbered from 1: for docstring examples and tests."""
    return LineView([Line(no, t) for no, t in enumerate(text.split("\n"), 1)])


class MarkerRule(Rule):
    """Base of the rules that cut at the first line equal to `text` or matching `pattern`."""

    @dataclass(frozen=True)
    class Options:
        text: Texts | None = None
        pattern: Patterns | None = None
        keep_marker: bool = False

    @classmethod
    def validate(cls, options: Any) -> list[OptionIssue]:
        if not options.text and not options.pattern:
            return [OptionIssue("", 'needs "text" or "pattern" to find the marker line')]
        return []

    def markers(self, view: LineView) -> Iterator[int]:
        """Positions of every line equal to one of `text` or matching one of `pattern`, in order."""
        wanted = set(self.options.text or ())
        patterns = self.options.pattern or ()
        for i, text in enumerate(view.texts):
            if text and (text in wanted or matches_any(patterns, text)):
                yield i


def prose_span(view: LineView) -> tuple[int, int] | None:
    """Positions of the first and the last line of prose (PROSE_WORDS+ words, a sentence's
    end), None on a page with none. A cut's marker on the wrong side of all of them would
    take the article: a learned draft's cut_after on a footer's section name ("Sidelines")
    emptied a page that printed that name as its section label above the headline
    (attacker trial of stop 50, and 4 of 19 unseen blogs.nfl.com pages of the corpus)."""
    prose = prose_lines(view)
    return (prose[0], prose[-1]) if prose else None


def prose_lines(view: LineView) -> list[int]:
    """Positions of the lines of prose (PROSE_WORDS+ words, a sentence's end)."""
    from cleaner.heuristics.lines import describe

    infos = (describe(i, text) for i, text in enumerate(view.texts))
    return [info.pos for info in infos if info.words >= PROSE_WORDS and info.sentence]


PROSE_WORDS = 8
