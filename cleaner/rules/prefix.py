"""The literal text every match of an anchored pattern starts with, read off its source.

A profile's line patterns are mostly "^" and a phrase ('^Leave a (Reply|Comment)$'), tried
on every line of every page the profile matches. A line that does not start with the
phrase cannot match, and `str.startswith` says so for a fraction of a timed regex search.
Only what is certain is read: the source must start with "^", have no "|" outside groups
and brackets, and no construct but "(?:" (flags, comments, lookarounds); the prefix is the
literal characters after "^" up to the first special one, less one before a quantifier.
Anything else gives "" (no shortcut).
"""

from __future__ import annotations

SPECIAL = frozenset(".^$*+?{}[]|()\\")
QUANTIFIERS = frozenset("*+?{")


def literal_prefix(source: str, flags: int = 0) -> str:
    """ "Leave a " for '^Leave a (Reply|Comment)$'; "" when no prefix is certain.

    >>> literal_prefix(r"^Post Comment( »)?$"), literal_prefix(r"^Cancel reply\\.?"), literal_prefix("^a|b")
    ('Post Comment', 'Cancel reply', '')
    """
    if flags or not source.startswith("^") or "(?" in source.replace("(?:", "") or "[:" in source:
        return ""
    if _top_level_bar(source):
        return ""
    out: list[str] = []
    i, n = 1, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            escaped = source[i + 1 : i + 2]
            if not escaped or not escaped.isascii() or escaped.isalnum():  # \d, \s, \u...: a class or code
                break
            out.append(escaped)  # an escaped punctuation character stands for itself
            i += 2
            continue
        if c in SPECIAL:
            break
        out.append(c)
        i += 1
    if i < n and source[i] in QUANTIFIERS and out:
        out.pop()  # "^ab?": the "b" may be absent
    return "".join(out)


def _top_level_bar(source: str) -> bool:
    """Whether a "|" outside every group and bracket splits the pattern (so "^" binds one side only)."""
    depth, i, n = 0, 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a set: up to its closing "]" ("]" right after "[" or "[^" is a member)
            i += 1
            if source[i : i + 1] == "^":
                i += 1
            if source[i : i + 1] == "]":
                i += 1
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth <= 0:
            return True
        i += 1
    return False
