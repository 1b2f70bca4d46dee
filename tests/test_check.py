"""`cleaner check`: every problem at once, exact `path:line:col: message` lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.check import NESTED, OVERLAP, backtracking_risk, check, nested_quantifier
from cleaner.cli import main

SAMPLE = "Site Header Menu\n\nA paragraph of the article that is long enough to count as prose.\n\nShare this story\n"


def write_profile(tmp_path: Path, body: str, name: str = "site") -> Path:
    (tmp_path / "sample.txt").write_text(SAMPLE, encoding="utf-8")
    path = tmp_path / f"{name}.toml"
    head = f'[profile]\nname = "{name}"\nfingerprints = ["^Site Header Menu$"]\nsamples = ["sample.txt"]\n'
    path.write_text(head + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "pattern, nested",
    [
        pytest.param("(a+)+", True, id="plus-plus"),
        pytest.param(r"^(\w+\s?)*$", True, id="words-star"),
        pytest.param("(.*)*x", True, id="dot-star-star"),
        pytest.param(r"^(?:(?:ab)+c)+$", True, id="deep"),
        pytest.param(r"^By (?P<author>.+?) \| (?P<m>\d+) min read$", False, id="byline"),
        pytest.param(r"(?: \p{Lu}\p{L}*){0,3}", False, id="bounded-outer"),
        pytest.param("(?>a+)+", False, id="atomic"),
        pytest.param("(?:ab)+", False, id="no-inner-quantifier"),
    ],
)
def test_nested_quantifiers(pattern: str, nested: bool):
    assert nested_quantifier(pattern) is nested


@pytest.mark.parametrize(
    "pattern, risk",
    [
        pytest.param("(a|aa)+$", OVERLAP, id="prefix"),
        pytest.param("(a|a)+$", OVERLAP, id="identical"),
        pytest.param("(?:x|)*y", OVERLAP, id="empty-alternative"),
        pytest.param("(?:ab|ac|d)+", OVERLAP, id="same-first-literal"),
        pytest.param(r"(?:\d|5x)+$", OVERLAP, id="literal-in-class"),
        pytest.param(r"(?:[a-m]x|[k-z]y)+$", OVERLAP, id="classes-share"),
        pytest.param("(?:.b|c)+", OVERLAP, id="any-char"),
        pytest.param(r"^(?:\s(?:is|isn't))+$", OVERLAP, id="nested-group"),
        pytest.param("(a|b)+$", None, id="single-characters"),
        pytest.param("(?:foo|bar)+", None, id="distinct-words"),
        pytest.param("(?:foo|far)+", None, id="common-prefix-factored"),
        pytest.param(r"(?:[a-f]x|[0-9]y)+$", None, id="disjoint-classes"),
        pytest.param("^Join (?:Telegram|X|Discord)$", None, id="not-repeated"),
        pytest.param("(?:a|aa){0,3}$", None, id="bounded"),
        pytest.param("(?>a|aa)+$", None, id="atomic"),
        pytest.param("(a+)+", NESTED, id="nested-wins"),
    ],
)
def test_backtracking_risk(pattern: str, risk: str | None):
    assert backtracking_risk(pattern) == risk


CASES = [
    pytest.param(
        '\n[[rules]]\nkind = "drop_line"\ntext = "Share this story"\nwhy = "share bar"\n\n'
        '[expect]\ndrop = ["Share this story"]\n',
        [],
        id="clean",
    ),
    pytest.param(
        '\n[[rules]]\nkind = "drop_line"\ntext = "Not in the sample"\nwhy = "x"\n',
        ["6:1: rules[1] (drop_line): matches nothing in any sample"],
        id="silent-rule",
    ),
    pytest.param(
        '\n[[rules]]\nkind = "drop_matching"\npattern = \'^(\\w+\\s?)+$\'\nwhy = "x"\n',
        ["8:11: rules[1].pattern: nested quantifiers can backtrack catastrophically; bound or simplify them"],
        id="backtracking",
    ),
    # attacker trial of stop 47: pattern = '' passed and emptied every page
    pytest.param(
        "\n[[rules]]\nkind = \"drop_matching\"\npattern = ['^Ad$', '']\nwhy = \"x\"\n",
        [
            "8:20: rules[1].pattern[1]: matches every line, as it matches an empty string; "
            "anchor it to the text it is for",
        ],
        id="matches-everything",
    ),
    pytest.param(
        "\n[[rules]]\nkind = \"drop_matching\"\npattern = ['^Share', '^(a|aa)+$']\nwhy = \"x\"\n",
        [
            "8:22: rules[1].pattern[1]: overlapping alternatives under a quantifier can backtrack"
            " catastrophically; bound or simplify them"
        ],
        id="backtracking-alternation",
    ),
    pytest.param(
        '\n[[rules]]\nkind = "drop_line"\ntext = "Share this story"\nwhy = "share"\n'
        '\n[expect]\nkeep = ["Share this story", "Not there"]\ndrop = ["A paragraph of the article"]\n',
        [
            '12:9: expect.keep[0]: "Share this story" is removed in a sample',
            '12:29: expect.keep[1]: "Not there" is in none of the samples',
            '13:9: expect.drop[0]: "A paragraph of the article" is kept in a sample',
        ],
        id="expectations",
    ),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_check_messages(tmp_path: Path, body: str, expected: list[str]):
    path = write_profile(tmp_path, body)
    assert [str(p) for p in check([path])] == [f"{path}:{e}" for e in expected]


def test_missing_sample(tmp_path: Path):
    path = tmp_path / "site.toml"
    path.write_text('[profile]\nname = "site"\nfingerprints = ["^x$"]\nsamples = ["gone.txt"]\n')
    assert [str(p) for p in check([path])] == [
        f"{path}:4:12: profile.samples[0]: {tmp_path / 'gone.txt'} does not exist"
    ]


def test_two_profiles_claim_one_host_and_fingerprint(tmp_path: Path):
    (tmp_path / "a.toml").write_text('[profile]\nname = "a"\nhosts = ["example.com"]\nfingerprints = ["^Menu$"]\n')
    (tmp_path / "b.toml").write_text(
        '[profile]\nname = "b"\nhosts = ["other.org", "Example.com"]\nfingerprints = ["^Menu$"]\n'
    )
    assert [str(p) for p in check([tmp_path])] == [
        f'{tmp_path / "b.toml"}:3:23: profile.hosts[1]: "example.com" is also claimed by profile "a" '
        f"({tmp_path / 'a.toml'})",
        f'{tmp_path / "b.toml"}:4:17: profile.fingerprints[0]: "^Menu$" is also claimed by profile "a" '
        f"({tmp_path / 'a.toml'})",
    ]


def test_a_users_profile_for_a_builtin_host_is_used_and_checked_as_a_note(tmp_path: Path):
    """Attacker trial of stop 47: a --profiles-dir profile for a host a built-in profile claims
    lost to the built-in one (the first by name), exit 0 and nothing said; `check` said it only
    when the user's folder sorted after the built-in one's path."""
    from cleaner.profiles import builtin_dir, load_profiles

    users = tmp_path / "a"  # a path that sorts before the built-in folder's
    users.mkdir()
    mine = users / "mine.toml"
    mine.write_text('[profile]\nname = "mine"\nhosts = ["beincrypto.com"]\n')
    profile, why = load_profiles([users]).site_by_host("beincrypto.com")  # type: ignore[misc]
    assert (profile.name, why) == ("mine", 'host beincrypto.com matches "beincrypto.com"')
    assert [str(p) for p in check([users], [users])] == [
        f'{mine}:3:10: note: profile.hosts[0]: "beincrypto.com" is also claimed by profile "beincrypto" '
        f"({builtin_dir() / 'beincrypto.toml'}); this profile is used for it, a folder you name coming "
        "after the built-in one"
    ]
    # two of the user's own profiles for one host are a problem still, whatever their order
    (users / "again.toml").write_text('[profile]\nname = "again"\nhosts = ["beincrypto.com"]\n')
    found = [p for p in check([users], [users]) if not p.note]
    assert [str(p) for p in found] == [
        f'{mine}:3:10: profile.hosts[0]: "beincrypto.com" is also claimed by profile "again" ({users / "again.toml"})'
    ]


def test_load_problems_and_run_problems_together(tmp_path: Path):
    good = write_profile(tmp_path, '\n[[rules]]\nkind = "drop_line"\ntext = "nowhere"\nwhy = "x"\n')
    (tmp_path / "bad.toml").write_text('[profile]\nname = "bad"\nfingerprint = ["x"]\n')
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == (
        f'{tmp_path / "bad.toml"}:3:1: profile: unknown key "fingerprint"; did you mean "fingerprints"?\n'
        f"{good}:6:1: rules[1] (drop_line): matches nothing in any sample\n"
    )
    assert result.stderr == "2 problems\n"


def test_backtracking_is_reported_beside_schema_errors(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text(
        '[profile]\nname = "bad"\nfingerprints = [\'^(x+)+$\']\nhots = ["example.com"]\n\n'
        '[[rules]]\nkind = "drop_matching"\npattern = \'^(?:ab|a)*c\'\nwhy = "x"\nextra = 1\n'
    )
    assert [str(p) for p in check([path])] == [
        f"{path}:3:17: profile.fingerprints[0]: nested quantifiers can backtrack catastrophically;"
        " bound or simplify them",
        f'{path}:4:1: profile: unknown key "hots"; did you mean "hosts"?',
        f"{path}:8:11: rules[1].pattern: overlapping alternatives under a quantifier can backtrack"
        " catastrophically; bound or simplify them",
        f'{path}:10:1: rules[1] (drop_matching): unknown key "extra"',
    ]


def test_builtin_profiles_pass():
    result = CliRunner().invoke(main, ["check"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no problems\n")


def test_check_compiles_the_builtins_that_clean_trusts(tmp_path: Path, monkeypatch):
    # `clean` compiles built-in patterns on first use (they are checked here, by `check`);
    # `check` itself compiles every pattern, built-in or not, and reports a bad one
    (tmp_path / "broken.toml").write_text(
        '[profile]\nname = "broken"\nkind = "platform"\nfingerprints = ["(unclosed"]\n', encoding="utf-8"
    )
    monkeypatch.setattr("cleaner.profiles.builtin_dir", lambda: tmp_path)
    monkeypatch.delenv("CLEANER_PROFILES", raising=False)
    from cleaner.profiles import load_profiles

    assert "broken" in load_profiles().by_name  # trusted: not compiled yet
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert (
        result.stdout
        == f"{tmp_path / 'broken.toml'}:4:17: profile.fingerprints[0]: bad regex: missing ) at position 9\n"
    )


def test_unknown_platform_is_a_problem_not_a_traceback(tmp_path: Path):
    path = write_profile(tmp_path, 'platforms = ["nosuchplatform"]\n')
    assert [str(p) for p in check([path])] == [
        f'{path}:4:12: profile.samples[0]: cannot be cleaned: unknown profile "nosuchplatform"',
        f'{path}:5:1: profile.platforms: unknown platform profile "nosuchplatform"',
    ]


COASTAL_PROFILE = """\
[profile]
name = "coastal-herald"
fingerprints = ['^The Coastal Herald$']
samples = ["s1.txt", "s2.txt", "s3.txt"]

[[rules]]
kind = "meta_field"
pattern = '^Published (?P<date>\\d+ \\p{L}+ \\d+, \\d+):\\d+ \\p{Lu}\\p{L}*$'
why = "the dateline, as an old learner drafted it: the hour cut off the time"

[[rules]]
kind = "meta_field"
pattern = '^Words by (?P<author>.+)$'
why = "a byline these pages do not have"

[[rules]]
kind = "meta_field"
pattern = '^By (?P<author>.+?),'
why = "byline"
"""


def test_meta_rule_that_reads_no_date_or_matches_nothing(tmp_path: Path):
    """A meta_field date rule that fires on every sample but captures text cleaner.dates
    cannot read ("3 May 2024, 09") is a problem at the rule; so is a meta rule that matches
    on no sample. A rule that works is none."""
    from tests.learn.coastal import SCRAPES

    for k in range(3):
        (tmp_path / f"s{k + 1}.txt").write_text(SCRAPES[k], encoding="utf-8")
    path = tmp_path / "coastal-herald.toml"
    path.write_text(COASTAL_PROFILE, encoding="utf-8")
    assert [str(p) for p in check([path])] == [
        f'{path}:6:1: rules[1] (meta_field): the date it captures is no date on 3 of 3 samples: "3 May 2024, 09" '
        "in s1.txt (not a date dateparser can read)",
        f"{path}:11:1: rules[2] (meta_field): matches nothing in any sample",
    ]
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "no problems" not in result.output


def test_a_profile_that_can_never_match(tmp_path: Path):
    # no hosts and no fingerprints: detection never picks it (trial: a draft learned from
    # scrapes of several sites); a platform profile a site profile uses is matched that way
    (tmp_path / "mixed.toml").write_text(
        '[profile]\nname = "mixed"\n\n[[rules]]\nkind = "drop_line"\ntext = "x"\nwhy = "x"\n'
    )
    (tmp_path / "base.toml").write_text(
        '[profile]\nname = "base"\nkind = "platform"\n\n[[rules]]\nkind = "drop_line"\ntext = "x"\nwhy = "x"\n'
    )
    (tmp_path / "site.toml").write_text('[profile]\nname = "site"\nhosts = ["example.com"]\nplatforms = ["base"]\n')
    assert [str(p) for p in check([tmp_path])] == [
        f"{tmp_path / 'mixed.toml'}:1:1: profile: no hosts and no fingerprints, so no page is ever matched to it"
        " (only --profile mixed uses it); add the site's hosts or a fingerprint line"
    ]


RULE = '\n[[rules]]\nkind = "drop_line"\ntext = ["Share this story"]\nwhy = "share bar"\n'


def test_a_folder_checked_finds_what_loading_it_refuses(tmp_path: Path):
    # Attacker trial, stop 34: `cleaner check DIR` said "no problems" where `clean
    # --profiles-dir DIR` exits 3: two files of one name; a site profile named like a
    # built-in platform profile, whose error named the built-in file that lists the platform.
    dup = tmp_path / "dup"
    dup.mkdir()
    for name in ("a", "b"):
        (dup / f"{name}.toml").write_text('[profile]\nname = "dup"\nfingerprints = ["^Site Header Menu$"]\n' + RULE)
    (dup / "b.toml").write_text((dup / "b.toml").read_text().replace("Site Header", "Other Header"))
    found = [str(p) for p in check([dup])]
    # at its name's line (attacker trial of stop 56: at 1:1)
    assert found == [f'{dup / "b.toml"}:2:1: profile "dup" is also defined in {dup / "a.toml"}']
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "trinity-audio.toml").write_text(
        '[profile]\nname = "trinity-audio"\nfingerprints = ["^Site Header Menu$"]\n' + RULE
    )
    expected = f'{bad / "trinity-audio.toml"}:1:1: profile "trinity-audio" replaces the platform profile'
    assert all(str(p).startswith(expected) for p in check([bad])) and check([bad])
    loaded = CliRunner().invoke(main, ["clean", "-", "--profiles-dir", str(bad)], input=b"x\n")
    assert loaded.exit_code == 3 and expected in loaded.stderr


def test_a_site_profile_listed_as_a_platform_is_reported_where_it_is_listed(tmp_path: Path):
    # Attacker trial, stop 34: `platforms = ["coinspeaker"]` (a built-in site profile): check
    # said "no problems", clean exited 3 naming the built-in file
    (tmp_path / "my-site.toml").write_text(
        '[profile]\nname = "my-site"\nhosts = ["my-site.example"]\nplatforms = ["coinspeaker"]\n' + RULE
    )
    expected = (
        f'{tmp_path / "my-site.toml"}:4:1: profile.platforms: "coinspeaker" is a site profile, not a platform profile'
    )
    assert [str(p) for p in check([tmp_path])] == [expected]
    loaded = CliRunner().invoke(main, ["clean", "-", "--profiles-dir", str(tmp_path)], input=b"x\n")
    assert loaded.exit_code == 3 and expected in loaded.stderr


def test_a_folder_with_nothing_to_check_is_a_problem(tmp_path: Path):
    """Attacker trial of stop 35: `check` of an empty folder, or of one whose only (broken)
    profile sits in a subfolder, said "no problems" (exit 0), and `clean --profiles-dir` of it
    loaded nothing."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "mine" / "sites").mkdir(parents=True)
    (tmp_path / "mine" / "sites" / "x.toml").write_text('[profile]\nname = "x"\nbogus = 1\n')
    for folder in ("empty", "mine"):
        result = CliRunner().invoke(main, ["check", str(tmp_path / folder)])
        assert result.exit_code == 1
        assert f"{tmp_path / folder}:1:1: no profile (*.toml)" in result.stdout
        assert "subfolders are not read" in result.stdout


def test_clean_with_a_profiles_dir_of_nothing_warns(tmp_path: Path):
    """Attacker trial of stop 35: `clean --profiles-dir DIR`, the profiles in DIR/sites/,
    loaded nothing without a word."""
    (tmp_path / "mine" / "sites").mkdir(parents=True)
    page = tmp_path / "page.txt"
    page.write_text("A line of prose that is cleaned as it is.\n")
    result = CliRunner().invoke(main, ["clean", str(page), "--profiles-dir", str(tmp_path / "mine")])
    assert result.exit_code == 0
    assert f"warning: {tmp_path / 'mine'} holds no profile (*.toml)" in result.stderr
    assert result.stdout == "A line of prose that is cleaned as it is.\n"


def test_a_sample_its_profile_is_not_detected_on_is_a_problem(tmp_path: Path):
    """Attacker trial of stop 36: a misspelt fingerprint passed `check` (its samples are run
    with the profile forced), and `clean` then applied no profile to them, exit 0."""
    path = write_profile(tmp_path, "", name="site")
    path.write_text(path.read_text(encoding="utf-8").replace("^Site Header Menu$", "^Site Haeder Menu$"))
    assert [str(p) for p in check([path])] == [
        f'{path}:4:12: profile.samples[0]: "sample.txt" is not detected as this profile (its hosts and '
        "fingerprints match nothing in it): clean applies none"
    ]


def test_a_sample_another_profile_is_detected_on_is_a_problem(tmp_path: Path):
    """Attacker trial of stop 36: another profile's broader fingerprint took the sample, so
    `clean` applied that one to it, while `check` said "no problems"."""
    path = write_profile(tmp_path, "", name="site")
    (tmp_path / "broad.toml").write_text('[profile]\nname = "broad"\nfingerprints = ["^Site"]\n', encoding="utf-8")
    assert [str(p) for p in check([tmp_path])] == [
        f'{path}:4:12: profile.samples[0]: "sample.txt" is detected as another profile, broad: '
        "clean applies that one to it"
    ]


def test_check_of_a_folder_whose_name_is_not_utf8_prints_its_problems(tmp_path: Path):
    """Attacker trial of stop 36: the report of a folder named b"\\xff\\xfe" was a traceback
    (its name could not be encoded for stdout): the bytes show as \\xff, as in clean's messages."""
    import os
    import subprocess
    import sys

    folder = os.path.join(os.fsencode(tmp_path), b"\xff\xfe-site")
    os.mkdir(folder)
    with open(os.path.join(folder, b"site.toml"), "wb") as f:
        f.write(b'[profile]\nname = "site"\nhosts = ["x.com"]\n[[rules]]\nkind = "drop_line"\ntxt = ["a"]\nwhy = "w"\n')
    run = subprocess.run([sys.executable, "-m", "cleaner", "check", folder], capture_output=True, check=False)
    assert run.returncode == 1, run.stderr
    shown = os.fsencode(tmp_path) + b"/\\xff\\xfe-site/site.toml"
    assert run.stdout.startswith(shown + b":4:1: rules[1] (drop_line): missing key"), run.stdout
    assert b"Traceback" not in run.stderr


def test_a_newline_in_a_profile_path_cannot_forge_a_location(tmp_path: Path):
    """Attacker trial of stop 36: a folder named "a\\nb" printed its problems over two lines."""
    folder = tmp_path / "a\nb"
    folder.mkdir()
    (folder / "site.toml").write_text('[profile]\nname = "site"\nhosts = ["x.com"]\nkinds = 1\n', encoding="utf-8")
    (problem,) = check([folder])
    assert "\n" not in str(problem) and str(problem).startswith(f"{tmp_path}/a\\nb/site.toml:4:1: ")


def test_a_profile_named_like_a_built_in_is_noted(tmp_path: Path):
    """Attacker trial of stop 36: `learn --name coinspeaker` made a profile that replaced the
    built-in (its metadata rules lost), and check said nothing. A note now: said, not wrong."""
    (tmp_path / "coinspeaker.toml").write_text('[profile]\nname = "coinspeaker"\nhosts = ["x.com"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0
    note = f'{tmp_path / "coinspeaker.toml"}:1:1: note: profile.name: "coinspeaker" replaces the built-in'
    assert note in result.stdout


@pytest.mark.parametrize(
    ("pattern", "what"),
    [
        pytest.param(r"^Par\xa0: ", "a non-breaking or other odd space", id="nbsp-escape"),
        pytest.param(r"^\d+\t\w+", "a tab", id="tab-escape"),
        pytest.param(r"^Price {2,}\$", "two spaces", id="two-spaces"),
        pytest.param(r"^Share[\t ]+this$", None, id="in-a-class"),
        pytest.param("(?x) ^Share  this $", None, id="verbose"),
    ],
)
def test_a_pattern_with_spaces_rules_never_see_is_a_problem(tmp_path: Path, pattern: str, what: str | None):
    """Attacker trial of stop 36: since rules see runs of spaces and tabs as one space, such
    patterns matched nothing, and check said nothing."""
    path = write_profile(tmp_path, f'[[rules]]\nkind = "drop_matching"\npattern = \'{pattern}\'\nwhy = "test"\n')
    found = [str(p) for p in check([path]) if "can never match" in str(p)]
    message = f"{what} can never match: rules see each run of spaces and tabs as one space; write a space (or \\s)"
    assert found == ([f"{path}:7:11: rules[1].pattern: {message}"] if what else [])


def test_a_date_in_figures_in_either_order_on_one_sample_is_a_problem(tmp_path: Path):
    """Third attacker trial of stop 37: a rule capturing "12/03/2024" (day and month either
    way round: no date) on 1 of 2 samples passed check, "no problems"."""
    body = "The harbour board met on Monday to discuss the mooring fees for the coming season again."
    for k, printed in enumerate(["21/04/2024", "12/03/2024"]):
        (tmp_path / f"s{k + 1}.txt").write_text(f"DATESITE\nFiled {printed}\n{body}\n", encoding="utf-8")
    path = tmp_path / "dates.toml"
    path.write_text(
        "[profile]\nname = \"dates\"\nfingerprints = ['^DATESITE$']\nsamples = ['s1.txt', 's2.txt']\n\n"
        '[[rules]]\nkind = "meta_field"\npattern = \'^Filed (?P<date>.+)$\'\nwhy = "dateline"\n',
        encoding="utf-8",
    )
    problems = [str(p) for p in check([path])]
    assert any('the date it captures is no date on 1 of 2 samples: "12/03/2024"' in p for p in problems), problems
