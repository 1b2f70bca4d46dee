"""One bad profile per row; the whole `path:line:col: message` line is asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import ProfileError, load_profiles
from cleaner.pipeline import builtin_profiles

HEAD = '[profile]\nname = "mysite"\nfingerprints = ["^Hello"]\n'

CASES = [
    pytest.param(
        '[profile]\nname = "mysite"\nkind = \n',
        ["3:8: TOML syntax: Invalid value"],
        id="toml-syntax",
    ),
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "cut_afer"\ntext = "x"\nwhy = "y"\n',
        ['6:8: rules[1]: unknown rule kind "cut_afer"; did you mean "cut_after"?'],
        id="unknown-kind",
    ),
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "cut_after"\ntxt = "Related"\nwhy = "rail"\n',
        ['7:1: rules[1] (cut_after): unknown key "txt"; did you mean "text"?'],
        id="unknown-key",
    ),
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "drop_line"\ntext = "x"\nwhi = "typo"\n',
        [
            '5:1: rules[1] (drop_line): missing key "why"',
            '8:1: rules[1] (drop_line): unknown key "whi"; did you mean "why"?',
        ],
        id="misspelt-why",
    ),
    pytest.param(
        HEAD + "\n[[rules]]\nkind = \"drop_matching\"\npattern = ['ok', '^(?P<x>broken']\nwhy = \"z\"\n",
        ["7:32: rules[1].pattern[1]: bad regex: missing ) at position 13"],
        id="bad-regex-in-list",
    ),
    pytest.param(
        "[profile]\nname = \"mysite\"\nfingerprints = ['^Hello (world']\n",
        ["3:31: profile.fingerprints[0]: bad regex: missing ) at position 13"],
        id="bad-fingerprint",
    ),
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "meta_field"\npattern = \'^By (?P<autor>.+)$\'\nwhy = "byline"\n',
        ['7:11: rules[1].pattern: unknown metadata field "autor"; did you mean "author"?'],
        id="unknown-field",
    ),
    # attacker trial of stop 41: two rules of one id, whose removals `removed` could not tell apart
    pytest.param(
        HEAD
        + '\n[[rules]]\nkind = "drop_line"\nid = "r"\ntext = "a"\nwhy = "x"\n'
        + '\n[[rules]]\nkind = "drop_line"\nid = "r"\ntext = "b"\nwhy = "y"\n',
        ["13:1: rules[2].id: 'r' is rules[1]'s id too; give each rule its own"],
        id="duplicate-id",
    ),
    # second attacker trial of stop 41: ids that name no rule, or another rule's place
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "drop_line"\nid = "2"\ntext = "a"\nwhy = "x"\n',
        ["7:1: rules[1].id: '2' is a number, the name of the rule at that place without an id; give a word"],
        id="numeric-id",
    ),
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "drop_line"\nid = " "\ntext = "a"\nwhy = "x"\n',
        ["7:1: rules[1].id: an empty id names no rule; leave it out or give a name"],
        id="empty-id",
    ),
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "drop_line"\nid = "r "\ntext = "a"\nwhy = "x"\n',
        ["7:1: rules[1].id: 'r ' has spaces around it, which removals would not show"],
        id="spaced-id",
    ),
    pytest.param(
        HEAD + 'generic = "meta"\n',
        [
            '4:11: profile.generic: expected one of "full", "page", "metadata", "off", got "meta"; '
            'did you mean "metadata"?'
        ],
        id="generic-misspelt",
    ),
    pytest.param(
        HEAD + "generic = false\n",
        ["4:1: profile.generic: expected a string, got boolean"],
        id="generic-wrong-type",
    ),
    pytest.param(
        '[profile]\nname = "myplatform"\nkind = "platform"\ngeneric = "off"\n',
        ["4:11: profile.generic: only site profiles decide how much generic cleaning a page gets"],
        id="generic-on-a-platform",
    ),
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "drop_line"\ntext = 3\nwhy = "x"\n',
        ["7:1: rules[1].text: expected a string or a list of strings, got integer"],
        id="wrong-type",
    ),
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "cut_after"\nwhy = "x"\n',
        ['5:1: rules[1] (cut_after): needs "text" or "pattern" to find the marker line'],
        id="marker-missing",
    ),
    pytest.param(
        HEAD + 'fingerprint = ["x"]\n',
        ['4:1: profile: unknown key "fingerprint"; did you mean "fingerprints"?'],
        id="unknown-profile-key",
    ),
    pytest.param(
        HEAD + '\n[expct]\nkeep = ["x"]\n',
        ['5:1: unknown table "expct"; did you mean "expect"?'],
        id="unknown-table",
    ),
    # an array of tables is found by its first (attacker trial of stop 56: at 1:1)
    pytest.param(
        HEAD + '\n[[rule]]\nkind = "drop_line"\ntext = ["x"]\nwhy = "y"\n',
        ['5:1: unknown table "rule"; did you mean "rules"?'],
        id="unknown-array-of-tables",
    ),
    pytest.param(
        HEAD + "\n[rule.sub]\nx = 1\n",
        ['5:1: unknown table "rule"; did you mean "rules"?'],
        id="unknown-subtable",
    ),
    pytest.param(
        HEAD + 'platforms = ["wordpres"]\n',
        ['4:1: profile.platforms: unknown platform profile "wordpres"; did you mean "wordpress"?'],
        id="unknown-platform",
    ),
    pytest.param(
        '[profile]\nname = "My Site"\n',
        ['2:8: profile.name: "My Site" must be lower-case letters, digits and dashes'],
        id="bad-name",
    ),
    # attacker trial of stop 36: passed check, and --profile none or auto means no profile or detection
    pytest.param(
        '[profile]\nname = "none"\n',
        ['2:8: profile.name: "none" is what --profile none means; choose another name'],
        id="reserved-name",
    ),
    pytest.param(
        'name = "mysite"\n',
        ["1:1: missing [profile] table", '1:1: unknown table "name"'],
        id="no-profile-table",
    ),
    pytest.param(  # attacker trial, stop 34: the value checks waited for the type errors to be fixed
        '[profile]\nname = 5\ngeneric = "sometimes"\n',
        [
            "2:1: profile.name: expected a string, got integer",
            '3:11: profile.generic: expected one of "full", "page", "metadata", "off", got "sometimes"',
        ],
        id="type-and-value-errors-together",
    ),
    # attacker trial, stop 35: counted repeats nested compile into gigabytes before any time
    # limit applies (24 GB in a minute); one large count alone, hundreds of megabytes
    pytest.param(
        HEAD + '\n[[rules]]\nkind = "drop_matching"\npattern = \'(?:(?:a{1000}){1000}){1000}\'\nwhy = "z"\n',
        [
            "7:33: rules[1].pattern: bad regex: counted repeats that come to 1,000,000,000 (more than 100,000): "
            "too big to compile at position 21"
        ],
        id="repeats-too-big-to-compile",
    ),
    pytest.param(
        "[profile]\nname = \"mysite\"\nfingerprints = ['x{20000000}']\n",
        [
            "3:19: profile.fingerprints[0]: bad regex: counted repeats that come to 20,000,000 (more than "
            "100,000): too big to compile at position 1"
        ],
        id="one-count-too-big-to-compile",
    ),
    # rules as an array of inline tables: each table and key where it is (attacker trial of stop
    # 51: all at 1:1)
    pytest.param(
        'rules = [\n  {kind = "drop_line", text = ["Share"], why = "x"},\n'
        '  { kind = "drop_line", txt = "a", why = "y" },\n'
        '  {kind = "drop_line", text = [1], why = "z"}]\n' + HEAD,
        [
            '3:3: rules[2] (drop_line): missing key "text"',
            '3:25: rules[2] (drop_line): unknown key "txt"; did you mean "text"?',
            "4:24: rules[3].text: expected a string or a list of strings, got array",
        ],
        id="inline-tables",
    ),
    pytest.param(  # attacker trial 2 of stop 51: a traceback
        'rules = ["x", 1]\n' + HEAD,
        [
            "1:1: rules[1]: expected a table ([[rules]] or {kind = ...}), got string",
            "1:1: rules[2]: expected a table ([[rules]] or {kind = ...}), got integer",
        ],
        id="rules-not-tables",
    ),
    pytest.param(  # new-user trial, stop 34: `cleaner learn ... > x.toml` failed, the shell made x.toml
        "", ["1:1: empty file: a profile starts with a [profile] table"], id="empty-file"
    ),
]


@pytest.mark.parametrize("source, expected", CASES)
def test_error_names_file_line_and_column(tmp_path: Path, source: str, expected: list[str]):
    (tmp_path / "mysite.toml").write_text(source, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profiles([tmp_path])
    path = str(tmp_path / "mysite.toml")
    assert [str(p) for p in caught.value.problems] == [f"{path}:{line}" for line in expected]


def test_every_problem_in_every_file_is_reported(tmp_path: Path):
    (tmp_path / "a.toml").write_text('[profile]\nname = "a"\nbogus = 1\nalso = 2\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text("[profile\n", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profiles([tmp_path], builtin=False)
    assert [(Path(p.path).name, p.line) for p in caught.value.problems] == [("a.toml", 3), ("a.toml", 4), ("b.toml", 1)]


def test_a_profiles_dir_overrides_a_builtin_of_the_same_name(tmp_path: Path):
    (tmp_path / "mine.toml").write_text('[profile]\nname = "wix"\nkind = "platform"\nfingerprints = ["^zzz$"]\n')
    profiles = load_profiles([tmp_path])
    assert profiles.get("wix").path == tmp_path / "mine.toml"
    assert len(profiles) == len(builtin_profiles())


@pytest.mark.parametrize(
    ("second", "line"),
    [
        ('# a comment\n\nprofile.name = "dup"\nprofile.fingerprints = ["x"]\n', 3),
        ('profile = { name = "dup", fingerprints = ["x"] }\n', 1),
    ],
    ids=["dotted-key", "inline-table"],
)
def test_the_same_name_twice_is_reported_at_its_line(tmp_path: Path, second: str, line: int):
    """Second attacker trial of stop 56: a name in a dotted key or an inline table was at 1:1."""
    (tmp_path / "a.toml").write_text('[profile]\nname = "dup"\nfingerprints = ["x"]\n')
    (tmp_path / "b.toml").write_text(second)
    with pytest.raises(ProfileError) as caught:
        load_profiles([tmp_path], builtin=False)
    assert [str(p) for p in caught.value.problems] == [
        f'{tmp_path / "b.toml"}:{line}:1: profile "dup" is also defined in {tmp_path / "a.toml"}'
    ]


def test_the_same_name_twice_in_one_directory(tmp_path: Path):
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text('[profile]\nname = "dup"\nfingerprints = ["x"]\n')
    with pytest.raises(ProfileError) as caught:
        load_profiles([tmp_path], builtin=False)
    assert [str(p) for p in caught.value.problems] == [
        f'{tmp_path / "b.toml"}:2:1: profile "dup" is also defined in {tmp_path / "a.toml"}'
    ]


def test_a_profile_saved_with_a_byte_order_mark_loads_and_checks(tmp_path: Path):
    # "1:1: TOML syntax: Invalid statement" for a file an editor saved as UTF-8 with a BOM
    from cleaner.check import check

    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbf[profile]\nname = "bom"\nhosts = ["bom.example"]\n')
    assert "bom" in [p.name for p in load_profiles([tmp_path])]
    assert check([path]) == []


def test_rules_as_one_table_is_reported_at_its_header(tmp_path: Path):
    path = tmp_path / "one.toml"
    path.write_text('[profile]\nname = "one"\n\n[rules]\nkind = "drop_line"\ntext = ["a"]\nwhy = "w"\n')
    with pytest.raises(ProfileError) as err:
        load_profiles([tmp_path])
    assert str(err.value).splitlines()[0] == f"{path}:4:1: rules: expected [[rules]] tables"


def test_one_folder_given_as_a_string_is_one_folder(tmp_path: Path):
    # it was read as the letters of its name: "a:1:1: profile folder does not exist, b:..." (attacker trial)
    from cleaner import clean

    (tmp_path / "mine.toml").write_text('[profile]\nname = "mine"\nhosts = ["mine.example"]\n')
    assert "mine" in [p.name for p in load_profiles(str(tmp_path))]
    assert "mine" in [p.name for p in load_profiles(tmp_path)]
    with pytest.raises(ProfileError) as err:
        load_profiles("no-such-folder")
    assert str(err.value).count("profile folder does not exist") == 1
    assert clean("Text.\n", profiles_dir=str(tmp_path), profile="mine").profiles == ("mine",)


@pytest.mark.parametrize(
    ("pattern", "product"),
    [
        (r"^\d{4}-\d{2}-\d{2}$", 8),
        (r"[a{5}]{3}", 3),  # a count inside a class is none
        (r"\{1000\}", 1),  # nor an escaped one
        (r"\p{L}{2,30}", 30),
        (r"(a{10}|b{20}){30}", 900),  # side by side added, nested multiplied
        (r"(x{100})(y{2000})", 2100),
        (r"(?:(?:a{1000}){1000}){1000}", 10**9),
        ("x{99999}" * 20, 1_999_980),  # second attacker round: 588 MB, each count below the limit
        ("(?x)(?:a{10000} # )\n){1000}", 10_000_001),  # ... and a ")" in a verbose comment hid the nesting
        ("(?:a{10000} # )\n){1000}", 11_000),  # not verbose: "#" and ")" are what they are
    ],
)
def test_repeat_product_reads_counts_through_groups_only(pattern: str, product: int):
    from cleaner.rules.base import repeat_product

    assert repeat_product(pattern)[0] == product
