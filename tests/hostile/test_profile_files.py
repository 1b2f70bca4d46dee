"""The files a run reads its rules from (--profiles-dir profiles, FiveFilters site configs)
are never written over nor written among, as inputs are not. Attacker trial of stop 50:
`-o` and `--errors` into the profiles folder replaced a profile with a JSONL record and a
site config with article text (the next run failed on them), and explain's `-o` replaced a
profile with HTML, all exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.test_batch import PROSE, run

PROFILE = """[profile]
name = "ex"
hosts = ["ex.org"]

[[rules]]
kind = "drop_line"
text = "Subscribe"
why = "newsletter call"
"""
SITE_CONFIG = "body: //article\n"


def _setup(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    profiles = tmp_path / "p"
    profiles.mkdir()
    (profiles / "ex.toml").write_text(PROFILE)
    (profiles / "example.com.txt").write_text(SITE_CONFIG)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE)
    return profiles, {p.name: p.read_bytes() for p in profiles.iterdir()}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "jsonl", "-o", "p/ex.toml"], "output p/ex.toml is the profile p/ex.toml, which this run reads"),
        (["-o", "p"], "output directory p is inside the profile folder"),
        (["-o", "p/sub"], "output directory p/sub is inside the profile folder"),
        (["-o", "out", "--errors", "p/example.com.txt"], "errors file p/example.com.txt is inside the profile folder"),
    ],
    ids=["jsonl-over-a-profile", "mirror-into-the-folder", "mirror-below-it", "errors-over-a-site-config"],
)
def test_clean_never_writes_over_or_among_the_profiles_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
):
    profiles, before = _setup(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("clean", "in", "--profiles-dir", "p", *args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert {p.name: p.read_bytes() for p in profiles.iterdir()} == before


def test_explain_never_writes_over_a_profile_it_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    profiles, before = _setup(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("explain", "in/a.txt", "--format", "html", "-o", "p/ex.toml", "--profiles-dir", "p")
    assert result.exit_code == 2
    assert "p/ex.toml is the profile p/ex.toml, which this run reads; it would be overwritten" in result.stderr
    assert {p.name: p.read_bytes() for p in profiles.iterdir()} == before


def test_a_run_beside_the_profiles_folder_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _setup(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("clean", "in", "--profiles-dir", "p", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").exists()


def test_a_mirrored_output_landing_in_the_profile_folder_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    profiles = tmp_path / "out" / "p"
    profiles.mkdir(parents=True)
    (profiles / "ex.toml").write_text(PROFILE)
    (tmp_path / "in" / "p").mkdir(parents=True)
    (tmp_path / "in" / "p" / "a.txt").write_text(PROSE)
    (tmp_path / "in" / "b.txt").write_text(PROSE)
    monkeypatch.chdir(tmp_path)
    result = run("clean", "in", "-o", "out", "--profiles-dir", "out/p")
    assert result.exit_code == 1
    assert f"cleaner: in/p/a.txt: its output out/p/a.txt is inside the profile folder {profiles}; not written" in (
        result.stderr
    )
    assert (tmp_path / "out" / "b.txt").exists() and sorted(p.name for p in profiles.iterdir()) == ["ex.toml"]
