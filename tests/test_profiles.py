"""Every profile loads, its samples exist, and its [expect] keep/drop snippets hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.check import check
from cleaner.pipeline import builtin_profiles
from cleaner.profiles import Profile, Profiles, builtin_dir, load_file, platform_problems

PROFILES = list(builtin_profiles())


def shipped_problems(folder: Path, seeds: Path) -> list[str]:
    """What is wrong with a folder of profiles as shipped (the built-in ones: profiles/ with
    seeds/ beside it), read from the folder itself, so a new profile needs no edit here:
    every *.toml loads, is named after its file and names samples and [expect] snippets;
    every platform it names is there; every scrape in samples/ and every seed is some
    profile's sample (each seed is covered by the profile made for it)."""
    problems: list[str] = []
    profiles = Profiles()
    for path in sorted(folder.glob("*.toml")):
        profile, found = load_file(path)
        problems += [str(p) for p in found]
        if profile is None:
            continue
        profiles.by_name[profile.name] = profile
        if profile.name != path.stem:
            problems.append(f'{path.name}: the profile is named "{profile.name}"; name the file after it')
        if not profile.samples:
            problems.append(f"{path.name}: names no samples")
        if not (profile.keep or profile.drop):
            problems.append(f"{path.name}: no [expect] keep or drop")
    problems += [str(p) for p in platform_problems(profiles)]
    named = {sample.resolve() for profile in profiles for sample in profile.samples}
    scrapes = [s for s in sorted((folder / "samples").glob("*.txt")) if not s.name.endswith(".expected.txt")]
    problems += [f"samples/{s.name}: no profile names it" for s in scrapes if s.resolve() not in named]
    problems += [f"seed {s.name}: no profile names it" for s in sorted(seeds.glob("*.txt")) if s.resolve() not in named]
    if not profiles:
        problems.append(f"{folder}: no profiles")
    return problems


def test_the_needed_profiles_are_there():
    assert shipped_problems(builtin_dir(), builtin_dir().parent / "seeds") == []
    assert {p.path.resolve() for p in PROFILES} == {f.resolve() for f in builtin_dir().glob("*.toml")}


NEW_PROFILE = """[profile]
name = "harbour-gazette"
description = "Harbour Gazette articles"
fingerprints = ['^Harbour Gazette newsroom$']
samples = ["samples/harbour-gazette-1.txt"]

[[rules]]
kind = "drop_line"
text = "Harbour Gazette newsroom"
why = "signature under every article"

[expect]
drop = ["Harbour Gazette newsroom"]
"""


def shipped_copy(tmp_path: Path) -> tuple[Path, Path]:
    folder, seeds = tmp_path / "profiles", tmp_path / "seeds"
    shutil.copytree(builtin_dir(), folder)
    shutil.copytree(builtin_dir().parent / "seeds", seeds)
    return folder, seeds


def test_a_new_profile_needs_no_edit_here(tmp_path: Path):
    """CONTRIBUTING recipe 1: a profile added with its sample passes without touching this file."""
    folder, seeds = shipped_copy(tmp_path)
    (folder / "harbour-gazette.toml").write_text(NEW_PROFILE, encoding="utf-8")
    (folder / "samples" / "harbour-gazette-1.txt").write_text("Ferry news\n\nHarbour Gazette newsroom\n")
    assert shipped_problems(folder, seeds) == []


def test_what_a_shipped_profile_must_have(tmp_path: Path):
    folder, seeds = shipped_copy(tmp_path)
    (folder / "gazette.toml").write_text(
        NEW_PROFILE.replace('samples = ["samples/harbour-gazette-1.txt"]\n', "").split("[expect]")[0],
        encoding="utf-8",
    )
    (folder / "samples" / "orphan.txt").write_text("x\n")
    (folder / "broken.toml").write_text('[profile]\nname = "broken"\nkind = "sight"\n')
    (seeds / "005_extra.txt").write_text("x\n")
    assert shipped_problems(folder, seeds) == [
        f'{folder / "broken.toml"}:3:8: profile.kind: expected "site" or "platform", got "sight"',
        'gazette.toml: the profile is named "harbour-gazette"; name the file after it',
        "gazette.toml: names no samples",
        "gazette.toml: no [expect] keep or drop",
        "samples/orphan.txt: no profile names it",
        "seed 005_extra.txt: no profile names it",
    ]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_profile_is_documented_and_tested(profile: Profile):
    assert profile.description
    assert profile.samples, "every profile names at least one sample scrape"
    assert profile.keep or profile.drop, "every profile states what it keeps or drops"
    assert profile.hosts or profile.fingerprints, "a profile must be detectable"
    for rule in profile.rules:
        assert rule.why


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_samples_are_detected(profile: Profile):
    for sample in profile.samples:
        assert sample.is_file(), f"{profile.name}: sample {sample} is missing"
        assert profile.name in clean(sample.read_bytes()).profiles


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_profile_passes_check(profile: Profile):
    """`cleaner check` runs the samples: [expect] keep/drop hold, every rule fires in one,
    no regex can backtrack catastrophically, no host or fingerprint is claimed twice."""
    assert [str(p) for p in check([profile.path])] == []


SAMPLES_WITH_OUTPUT = sorted(
    {s for p in PROFILES for s in p.samples if s.with_suffix(".expected.txt").is_file()}, key=lambda s: s.name
)


@pytest.mark.parametrize("sample", SAMPLES_WITH_OUTPUT, ids=lambda s: s.stem)
def test_sample_gives_expected_text(sample):
    """Written samples of each site's template around other articles: exact output."""
    assert clean(sample.read_bytes()).text == sample.with_suffix(".expected.txt").read_text(encoding="utf-8")


# An article of another site that quotes CoinGeek's closing promo (attacker trial of stop 54)
QUOTING = """Home | News | Markets | Contact
Crypto Press Roundup: Who Covered the Halving Best
By Jane Doe | April 21, 2024
The halving drew wall-to-wall coverage, and some outlets did it better than others this spring.
One trade site ended every story with the line "Check out CoinGeek's coverage on the emerging tech", which
readers found repetitive.
The runner-up was a podcast that spent an hour on how mining pools split the reward among miners.
Our pick for the clearest explainer went to a small weekly written by two former miners in Texas.
© 2024 Daily Ledger. All rights reserved.
"""
PROMO = "Enterprise blockchain will carry the data. Check out CoinGeek's coverage on this emerging tech."


def test_a_site_profile_does_not_take_a_page_that_quotes_its_promo():
    doc = clean(QUOTING)
    assert "coingeek" not in doc.profiles
    assert doc.metadata.sitename != "CoinGeek"
    assert "split the reward among miners." in doc.text


def test_a_story_sentence_opening_on_a_fingerprints_words_does_not_take_the_profile():
    """Attacker trial of stop 60: "CoinGeek Weekly Livestream viewers grew by 40% ..." in another
    site's story matched the livestream title's fingerprint: the profile cut the article there."""
    page = QUOTING.replace(
        "The runner-up was",
        "CoinGeek Weekly Livestream viewers grew by 40% this year, the survey found.\nThe runner-up was",
    )
    doc = clean(page)
    assert "coingeek" not in doc.profiles
    assert "CoinGeek Weekly Livestream viewers grew by 40% this year, the survey found." in doc.text
    assert "split the reward among miners." in doc.text


def test_a_site_profile_with_hosts_does_not_match_another_hosts_page_by_fingerprint():
    page = QUOTING.replace("readers found repetitive.", "readers found repetitive. " + PROMO)
    assert "coingeek" in clean(page).profiles  # no URL: its fingerprint names it
    doc = clean(page, url="https://dailyledger.example/roundup")
    assert "coingeek" not in doc.profiles
    assert "split the reward among miners." in doc.text
    assert "coingeek" in clean(page, url="https://coingeek.com/x/").profiles


def test_an_archives_copy_of_a_site_page_keeps_its_profile():
    """Second attacker trial of stop 54: the CoinGeek seed under a web.archive.org URL lost its
    profile (the title became the photo caption): on another host two fingerprints name it."""
    seed = (Path(__file__).parent.parent / "seeds" / "000_0653ba34dd586963.txt").read_bytes()
    url = "https://web.archive.org/web/2024/https://coingeek.com/netflix-seeks-ai-experts/"
    doc = clean(seed, url=url)
    assert doc.profiles[:1] == ("coingeek",)
    assert doc.metadata.sitename == "CoinGeek"


def test_the_promo_run_on_from_the_sentence_before_is_still_the_promo():
    # a scrape that joins sentences without a space ("...data.Check out CoinGeek's ...")
    seed = (Path(__file__).parent.parent / "seeds" / "000_0653ba34dd586963.txt").read_text(encoding="utf-8")
    joined = seed.replace("immutability of data. Check out", "immutability of data.Check out")
    assert joined != seed
    assert "coingeek" in clean(joined).profiles
