"""The literal text every match of an anchored pattern starts with, read off its source.

A profile's line patterns are mostly "^" and a phrase ('^Leave a (Reply|Comment)$'), tried
on every line of every page the profile matches. A line that does not start with the
phrase cannot match, and `str.startswith` says so for a fraction of a timed regex search.
Only what is certain is read: the source must start with "^", have no "|" outside groups
and brackets, and no construct but "(?:" (flags, comments, lookarounds). The prefixes are
the literal characters after "^" up to the first special one (less one before a
quantifier), each followed by an alternative of a group of literal alternatives that comes
next ("^(Comment|Name)"). Anything else gives ("",): no shortcut.
"""

from __future__ import annotations

SPECIAL = frozenset(".^$*+?{}[]|()\\")
QUANTIFIERS = frozenset("*+?{")
NONE = ("",)


def literal_prefixes(source: str, flags: int = 0) -> tuple[str, ...]:
    """What every match starts with one of: ("Leave a Reply", "Leave a Comment") for
    '^Leave a (Reply|Comment)$'; ("",) when nothing is certain.

    >>> literal_prefixes(r"^Post Comment( »)?$"), literal_prefixes(r"^(?:A|Bc)\\s"), literal_prefixes("^a|b")
    (('Post Comment',), ('A', 'Bc'), ('',))
    """
    if flags or not source.startswith("^") or "(?" in source.replace("(?:", "") or "[:" in source:
        return NONE
    if _top_level_bar(source):
        return NONE
    run, i = _literal(source, 1)
    if source[i : i + 1] in QUANTIFIERS:
        return (run[:-1],)  # "^ab?": the "b" may be absent
    if source[i : i + 1] != "(":
        return (run,)
    # a group of literal alternatives right after, not quantified: each is a prefix
    end = source.find(")", i)
    inner = source[i + 1 : end].removeprefix("?:")
    if end < 0 or source[end + 1 : end + 2] in QUANTIFIERS or "(" in inner:
        return (run,)
    alternatives = inner.split("|")
    read = [_literal(alt, 0) for alt in alternatives]
    if any(stop < len(alt) or not text for (text, stop), alt in zip(read, alternatives, strict=True)):
        return (run,)  # an alternative with more than literal text, or an empty one
    return tuple(run + text for text, _ in read)


def _literal(source: str, i: int) -> tuple[str, int]:
    """The literal characters from source[i] on, and where they stop."""
    out: list[str] = []
    n = len(source)
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
    return "".join(out), i


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
