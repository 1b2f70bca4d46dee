"""Errors the library raises; the CLI maps each to a message and an exit code."""

from __future__ import annotations

from typing import NamedTuple


class CleanerError(Exception):
    """Base of every error caused by bad input or configuration (never a bug)."""


class InputError(CleanerError):
    """An input could not be read or decoded; names the file."""


class UnknownProfile(CleanerError, KeyError):
    """No profile has that name; the message says which, with a did-you-mean. A KeyError
    too, as it was before; its str() is the message, not KeyError's quoted repr."""

    def __str__(self) -> str:
        return str(self.args[0])


class MissingDependency(CleanerError):
    """A module some input needs is not installed (HTML needs lxml_html_clean); says what to install."""


class Problem(NamedTuple):
    """One thing wrong in a profile file, printed as `path:line:col: message`; problems
    sort by path, line and column (as tuples). A `note` is said but is not wrong: `cleaner
    check` prints it as `path:line:col: note: message` and does not fail on it."""

    path: str
    line: int
    col: int
    message: str
    note: bool = False

    def __str__(self) -> str:
        # the path as messages show names: a newline in it cannot forge a location (attacker
        # trial of stop 36), a byte that is not UTF-8 shows as \xff
        return f"{shown(self.path)}:{self.line}:{self.col}: {'note: ' * self.note}{self.message}"


class ProfileError(CleanerError):
    """One or more profiles are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(map(str, self.problems)))


def shown(name: str) -> str:
    """A file name as a message shows it: control characters escaped, so that a name with a
    newline cannot forge a line of output."""
    if name.isprintable():  # no control character, no lone surrogate
        return name
    return "".join(c if c.isprintable() else _escaped(c) for c in name)


def _escaped(c: str) -> str:
    """A character a message cannot show: a byte of a name that is not UTF-8 (held as a lone
    surrogate) as that byte, \\xff, not \\udcff; a control character as its escape."""
    if "\udc80" <= c <= "\udcff":
        return f"\\x{ord(c) - 0xDC00:02x}"
    return c.encode("unicode_escape").decode("ascii")


def timeout_warning(ref: str) -> str:
    """What a rule or fingerprint that ran past its time did to the page."""
    if ': fingerprint "' in ref:
        return f"{ref} timed out; the page is cleaned as if it did not match"
    return f"rule {ref} timed out; the page is cleaned as without it"
