"""Every profile loads, its samples exist, and its [expect] keep/drop snippets hold."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.check import check
from cleaner.pipeline import builtin_profiles
from cleaner.profiles import Profile

PROFILES = list(builtin_profiles())


def test_the_needed_profiles_are_there():
    names = {p.name: p.kind for p in PROFILES}
    assert names == {
        "coingeek": "site",
        "beincrypto": "site",
        "coinspeaker": "site",
        "trinity-audio": "platform",
        "wordpress": "platform",
        "wix": "platform",
    }


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
