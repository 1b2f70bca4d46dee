"""docs/profiles.md's "Rule keys" section names every rule kind and every key the code accepts,
says which are required as the code does, and its TOML examples load as rules."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

import pytest

from cleaner import rules
from cleaner.profiles import RULE_COMMON, load_file
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "profiles.md").read_text(encoding="utf-8")


def _section() -> str:
    found = re.search(r"^## Rule keys\n(.*?)(?=^## )", DOC, re.S | re.M)
    assert found, 'docs/profiles.md has no "## Rule keys" section'
    return found.group(1)


SECTION = _section()
INTRO = SECTION.split("\n#### ", 1)[0]  # before the first kind: the keys every rule has
EXAMPLES = re.findall(r"^```toml\n(.*?)^```", SECTION, re.S | re.M)


def _by_kind() -> dict[str, str]:
    """Each kind's part of the section, from its "#### `kind`" heading to the next heading."""
    parts = re.findall(r"^#### `([^`]+)`\n(.*?)(?=^#{2,4} |\Z)", SECTION, re.S | re.M)
    kinds = [kind for kind, _ in parts]
    assert len(kinds) == len(set(kinds)), f"a kind is documented twice: {kinds}"
    return dict(parts)


BY_KIND = _by_kind()


def _key_rows(text: str) -> dict[str, str]:
    """The keys a part's table lists ("| `key` | required? | ..."), with their required? cell."""
    return dict(re.findall(r"^\| `([^`]+)` \| ([^|]+?) \|", text, re.M))


def _fields(kind: str) -> dict[str, bool]:
    """The kind's own keys, as its Options dataclass has them: name -> required."""
    return {
        f.name: f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        for f in dataclasses.fields(rules.RULES[kind].Options)
    }


def test_the_code_has_kinds_and_keys_to_document():
    assert len(rules.RULES) >= 14 and "drop_between" in rules.RULES
    assert {"start", "end"} <= set(_fields("drop_between"))
    assert {"kind", "why"} <= set(RULE_COMMON)


def test_every_key_every_rule_takes_is_documented_once_at_the_top():
    rows = _key_rows(INTRO)
    assert set(rows) == set(RULE_COMMON), "the common keys' table should list exactly profiles.RULE_COMMON"
    for key in RULE_COMMON:
        assert f"`{key}`" in INTRO


@pytest.mark.parametrize("kind", sorted(rules.RULES))
def test_every_kind_and_its_keys_are_documented(kind: str):
    assert kind in BY_KIND, f'docs/profiles.md "Rule keys" has no "#### `{kind}`" part'
    part = BY_KIND[kind]
    fields = _fields(kind)
    for key in fields:
        assert f"`{key}`" in part, f"{kind}: key `{key}` is not named in its part of the docs"
    rows = _key_rows(part)
    assert set(rows) == set(fields), f"{kind}: the docs' table lists {sorted(rows)}, the code takes {sorted(fields)}"
    for key, required in fields.items():
        assert (rows[key] == "required") == required, f"{kind}.{key}: the docs say {rows[key]!r}"


def test_the_docs_document_no_kind_the_code_lacks():
    assert set(BY_KIND) <= set(rules.RULES)


@pytest.mark.parametrize("kind", sorted(rules.RULES))
def test_every_kind_has_an_example_of_its_own(kind: str):
    examples = re.findall(r"^```toml\n(.*?)^```", BY_KIND.get(kind, ""), re.S | re.M)
    assert len(examples) == 1, f"{kind}: expected one TOML example"
    lines = examples[0].strip().split("\n")
    assert 1 <= len(lines) <= 3
    assert tomllib.loads(examples[0])["kind"] == kind


def _example_id(n: int, example: str) -> str:
    kind = re.search(r'^kind = "([^"]*)"', example, re.M)
    return f"{n}-{kind.group(1) if kind else 'no-kind'}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[_example_id(n, e) for n, e in enumerate(EXAMPLES, 1)])
def test_every_example_loads_as_a_rule(example: str, tmp_path: Path):
    rule = tomllib.loads(example)
    assert set(rule) <= {*RULE_COMMON, *_fields(rule["kind"])}
    why = "" if "why" in rule else 'why = "the docs example"\n'
    path = tmp_path / "docs-example.toml"
    path.write_text(
        f"[profile]\nname = \"docs-example\"\nfingerprints = ['^docs example$']\n\n[[rules]]\n{example}{why}",
        encoding="utf-8",
    )
    profile, problems = load_file(path)
    assert problems == []
    assert profile is not None
    assert [r.kind for r in profile.rules] == [rule["kind"]]


def test_every_example_was_found():
    assert len(EXAMPLES) == len(rules.RULES) + 1  # one per kind, and the common keys'
