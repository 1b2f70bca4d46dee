"""Each profile rule gets a time budget per document (2 s, --rule-budget / rule_budget=):
a regex just under the 0.5 s search limit on every line no longer adds up to minutes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import clean, load_profiles
from cleaner.cli import main
from cleaner.document import Context

# Backtracks exponentially on a run of "a"s that ends in "b": about 0.1 s a line here.
SLOW_PROFILE = """[profile]
name = "slow"
fingerprints = ["^Slow Gazette$"]

[[rules]]
kind = "drop_matching"
pattern = '^(a|aa)+$'
why = "backtracks on almost-matching lines"
"""
SLOW_LINE = "a" * 26 + "b"
BODY = "The harbour board agreed to repair the pier before winter."
# 100 slow lines: ten seconds of searching without a budget
PAGE = "Slow Gazette\n\n" + "\n".join([SLOW_LINE] * 100) + f"\n\n{BODY}\n"


@pytest.fixture
def profiles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "slow.toml").write_text(SLOW_PROFILE, encoding="utf-8")
    return folder


def test_cli_stops_the_rule_when_its_budget_is_spent(tmp_path: Path, profiles_dir: Path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["clean", str(page), "--profiles-dir", str(profiles_dir), "--rule-budget", "0.3", "--no-heuristics"]
    )
    assert time.monotonic() - started < 3
    assert result.exit_code == 0
    assert result.stderr == f"cleaner: {page}: rule slow#1 timed out; the page is cleaned as without it\n"
    assert result.stdout.count(SLOW_LINE) == 100 and BODY in result.stdout


def test_library_budget_keyword(profiles_dir: Path):
    started = time.monotonic()
    doc = clean(PAGE, profiles=load_profiles([profiles_dir]), rule_budget=0.3, heuristics=False)
    assert time.monotonic() - started < 2
    assert "timeout:slow#1" in doc.steps
    assert doc.timeouts == ("slow#1",)
    assert doc.text.count(SLOW_LINE) == 100


def test_default_budget_is_two_seconds():
    assert Context(profiles=load_profiles([], builtin=False)).rule_budget == 2.0


def test_budget_must_be_positive(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text(BODY, encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page), "--rule-budget", "0"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for '--rule-budget': 0.0 is not in the range x>0.\n")
    with pytest.raises(ValueError, match=r"^rule_budget must be a positive number of seconds, got 0$"):
        clean(BODY, rule_budget=0)


@pytest.mark.parametrize("value", ["nan", "NaN", "-nan"])
def test_cli_refuses_a_budget_that_is_not_a_number(tmp_path: Path, value: str):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page), "--rule-budget", value])
    assert result.exit_code == 2
    assert "Invalid value for '--rule-budget': nan is not a number of seconds" in result.stderr
    assert "internal error" not in result.stderr


def test_cli_takes_an_infinite_budget_as_no_limit(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text(f"Plain Gazette\n\n{BODY}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page), "--rule-budget", "inf"])
    assert (result.exit_code, result.stdout) == (0, f"Plain Gazette\n\n{BODY}\n")


def test_a_fingerprint_that_times_out_is_named(tmp_path: Path):
    """Attacker trial of stop 36: a fingerprint backtracking on one long line made its profile
    go undetected, with nothing on stderr, exit 0 (rules that time out were named)."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "fp.toml").write_text(
        '[profile]\nname = "fp"\nfingerprints = [\'(x+x+)+y\']\n\n[[rules]]\nkind = "drop_line"\n'
        f'text = ["{BODY}"]\nwhy = "test"\n',
        encoding="utf-8",
    )
    page = tmp_path / "page.txt"
    page.write_text("x" * 3000 + f"\n{BODY}\nxxxxxxy\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page), "--profiles-dir", str(folder)])
    assert result.exit_code == 0
    assert f'{page}: fp: fingerprint "(x+x+)+y" timed out; the page is cleaned as if it did not match' in result.stderr


def test_explain_says_a_fingerprint_timed_out(tmp_path: Path):
    """Attacker trial 2 of stop 36: explain said "profile: none matched", nothing more."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "fp.toml").write_text("[profile]\nname = \"fp\"\nfingerprints = ['(x+x+)+y']\n", encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("x" * 3000 + f"\n{BODY}\nxxxxxxy\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(page), "--profiles-dir", str(folder)])
    assert 'fp: fingerprint "(x+x+)+y" timed out; the page is cleaned as if it did not match' in result.stdout
