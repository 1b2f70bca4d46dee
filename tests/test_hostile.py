"""Hostile input: huge lines, NULs, deep repetition, many lines, bad bytes. Each is
cleaned (or refused with InputError) without crashing; benchmarks/hostile.py shows the
time is linear in the size."""

from __future__ import annotations

import random

import pytest

from cleaner import InputError, clean
from cleaner.pipeline import builtin_profiles

PROFILES = builtin_profiles()
PROSE = "The council approved the new budget on Tuesday after a long debate about road repairs."


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(("word " * 400_000).encode(), "word " * 3, id="2-MB-single-line"),
        pytest.param(("ab\n" * 200_000).encode(), None, id="200k-short-lines"),
        pytest.param(("Top item\nA A Explore\nB B Explore\n" * 30_000).encode(), None, id="deep-repetition"),
        pytest.param(("(" * 1_000_000).encode(), None, id="one-million-brackets"),
        pytest.param(
            f"{PROSE}\x00\n\n{PROSE[:-1]} again.\n".encode(), "approved the new budget", id="stray-nul-is-dropped"
        ),
        pytest.param(
            b"\xef\xbb\xbf" + PROSE.encode() + b"\xff\xfe\n", "approved the new budget", id="bad-bytes-after-bom"
        ),
        pytest.param(bytes(range(32, 256)) * 100, None, id="every-printable-byte"),
    ],
)
def test_hostile_input_is_cleaned(data: bytes, expected: str | None):
    doc = clean(data, profiles=PROFILES)
    assert "\x00" not in doc.text
    if expected is not None:
        assert expected in doc.text


RANDOM = [random.Random(seed).randbytes(4000) for seed in range(40)]  # a few per 100 passed as Latin-1 before


@pytest.mark.parametrize(
    "data",
    [b"text\x00" * 1000, bytes(range(256)) * 100, *RANDOM],
    ids=["mostly-nul", "every-byte", *(f"random-{i}" for i in range(len(RANDOM)))],
)
def test_binary_is_refused_with_input_error(data: bytes):
    with pytest.raises(InputError, match="binary file"):
        clean(data, profiles=PROFILES)
