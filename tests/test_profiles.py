"""Every profile loads, its samples exist, and its [expect] keep/drop snippets hold."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.pipeline import builtin_profiles
from cleaner.profiles import Profile

PROFILES = list(builtin_profiles())


def squash(text: str) -> str:
    return " ".join(text.split())


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
def test_expectations_hold(profile: Profile):
    """A snippet is checked in every sample whose input contains it; it must be in one.
    Whitespace differences (NBSP, line breaks) do not count."""
    samples = [(s, squash(s.read_text(encoding="utf-8"))) for s in profile.samples]
    outputs = {s: squash(clean(s.read_bytes()).text) for s, _ in samples}
    for snippet, wanted in [(k, True) for k in profile.keep] + [(d, False) for d in profile.drop]:
        found_in = [s for s, raw in samples if snippet in raw]
        assert found_in, f"{profile.name}: {snippet!r} is in none of the samples"
        for sample in found_in:
            kept = snippet in outputs[sample]
            assert kept == wanted, f"{profile.name}: {snippet!r} {'lost' if wanted else 'kept'} in {sample.name}"


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_every_rule_fires_on_a_sample(profile: Profile):
    """A rule that removes nothing in any sample is untested; say so in a sample."""
    fired = {r.rule for s in profile.samples for r in clean(s.read_bytes()).removals}
    silent = [r.ref for r in profile.rules if r.ref not in fired and r.kind != "meta_field"]
    assert not silent


SAMPLES_WITH_OUTPUT = sorted(
    {s for p in PROFILES for s in p.samples if s.with_suffix(".expected.txt").is_file()}, key=lambda s: s.name
)


@pytest.mark.parametrize("sample", SAMPLES_WITH_OUTPUT, ids=lambda s: s.stem)
def test_sample_gives_expected_text(sample):
    """Written samples of each site's template around other articles: exact output."""
    assert clean(sample.read_bytes()).text == sample.with_suffix(".expected.txt").read_text(encoding="utf-8")
