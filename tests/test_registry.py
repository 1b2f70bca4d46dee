"""The rule registry: every kind documented, reachable by name, and covered by a test table."""

import inspect
import re
import tomllib
from pathlib import Path

import pytest

from cleaner.rules import RULES, get
from cleaner.rules.base import Rule, build_options

RULES_TESTS = Path(__file__).parent / "rules"
KINDS = sorted(RULES)


def profile_entry(cls: type[Rule]) -> str:
    """The indented TOML under "Profile entry:" in the class docstring."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    match = re.search(r"^Profile entry:\n((?:[ \t]+\S.*\n|\n)+)", doc + "\n", re.MULTILINE)
    assert match, f"{cls.__name__}: no indented block under 'Profile entry:'"
    return inspect.cleandoc(match.group(1))


@pytest.mark.parametrize("kind", KINDS)
def test_registered_under_its_own_kind(kind):
    cls = RULES[kind]
    assert issubclass(cls, Rule)
    assert cls.kind == kind


@pytest.mark.parametrize("kind", KINDS)
def test_get_returns_the_class(kind):
    assert get(kind) is RULES[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_docstring_has_profile_entry_and_example(kind):
    doc = RULES[kind].__doc__ or ""
    assert "Profile entry:" in doc
    assert ">>>" in doc


@pytest.mark.parametrize("kind", KINDS)
def test_profile_entry_is_a_valid_rule(kind):
    """The documented entry parses as TOML, names this kind and loads without issues."""
    cls = RULES[kind]
    entry = tomllib.loads(profile_entry(cls))
    (raw,) = entry["rules"]
    assert raw["kind"] == kind
    assert isinstance(raw.get("why"), str) and raw["why"].strip()
    options, issues = build_options(cls.Options, {k: v for k, v in raw.items() if k not in ("kind", "why", "id")})
    assert issues == []
    assert cls.validate(options) == []


def test_get_unknown_kind_suggests_close_name():
    with pytest.raises(KeyError) as err:
        get("cut_afer")
    assert err.value.args[0] == 'unknown rule kind "cut_afer"; did you mean "cut_after"?'


def test_get_unknown_kind_without_close_name():
    with pytest.raises(KeyError) as err:
        get("summarise")
    assert err.value.args[0] == 'unknown rule kind "summarise"'


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_test_table(kind):
    assert (RULES_TESTS / f"test_{kind}.py").is_file()


def test_every_rule_test_file_is_a_registered_kind():
    files = {p.stem.removeprefix("test_") for p in RULES_TESTS.glob("test_*.py")}
    assert files <= set(RULES), f"test files for unknown kinds: {sorted(files - set(RULES))}"
