"""`cleaner check` reads a profile's samples only inside the profile source's root: its
messages quote what a sample holds, so a profile must not make it read any file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main

SECRET = "password=hunter2\n"


def profile_naming(tmp_path: Path, sample: str) -> Path:
    """tmp/site/profiles/site.toml naming `sample`, with an expectation that would quote
    the secret file's content if check read it."""
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "site" / "profiles"
    folder.mkdir(parents=True)
    path = folder / "site.toml"
    path.write_text(
        '[profile]\nname = "site"\nfingerprints = ["^Site Header$"]\n'
        f"samples = ['{sample}']\n\n[expect]\nkeep = [\"hunter2\"]\n",
        encoding="utf-8",
    )
    return path


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


@pytest.mark.parametrize("how", ["path", "profiles-dir"])
def test_sample_outside_the_root_is_refused_unread(tmp_path: Path, how: str):
    profile = profile_naming(tmp_path, "../../secret.txt")
    result = check(str(profile)) if how == "path" else check("--profiles-dir", str(profile.parent))
    assert result.exit_code == 1
    outside = f"is outside {tmp_path.resolve() / 'site'}; samples must be inside"
    assert result.stdout == f'{profile}:4:12: profile.samples[0]: "../../secret.txt" {outside}\n'


def test_absolute_sample_is_refused_unread(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    profile = profile_naming(tmp_path, str(secret))
    result = check(str(profile))
    assert result.exit_code == 1
    absolute = "is an absolute path; name samples relative to the profile file"
    assert result.stdout == f'{profile}:4:12: profile.samples[0]: "{secret}" {absolute}\n'


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_out_of_the_root_is_refused(tmp_path: Path):
    profile = profile_naming(tmp_path, "link.txt")
    (profile.parent / "link.txt").symlink_to(tmp_path / "secret.txt")
    result = check(str(profile))
    assert result.exit_code == 1
    assert result.stdout == (
        f'{profile}:4:12: profile.samples[0]: "link.txt" is outside {tmp_path / "site"}; samples must be inside\n'
    )


def test_draft_beside_its_scrapes_may_name_them(tmp_path: Path):
    profile = profile_naming(tmp_path, "../scrapes/page.txt")
    (tmp_path / "site" / "scrapes").mkdir()
    (tmp_path / "site" / "scrapes" / "page.txt").write_text("Site Header\n\nhunter2 is kept.\n", encoding="utf-8")
    result = check(str(profile))
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize(
    "args",
    [
        ["learn", "{page}", "-o", "{out}/"],
        ["new", "example", "-o", "{out}/"],
        ["explain", "{page}", "--format", "html", "-o", "{out}/"],
        ["clean", "{page}", "--format", "jsonl", "-o", "{tmp}/r.jsonl", "--errors", "{out}/"],
        ["learn", "{page}", "-o", "{out}/."],  # second attacker trial of stop 52
        ["explain", "{page}", "--format", "html", "-o", "{out}/.."],
    ],
)
def test_a_file_option_ending_in_a_slash_is_refused_not_written_as_a_file(tmp_path: Path, args: list[str]):
    """Attacker trial of stop 52: `learn -o mp2/` printed "wrote mp2" and wrote a file named
    mp2 (the path type dropped the "/"); new, explain and --errors did the same."""
    page = tmp_path / "page.txt"
    page.write_text("A headline\nA paragraph of the article, long enough to read as one.\n")
    out = tmp_path / "out"
    argv = [a.format(page=page, out=out, tmp=tmp_path) for a in args]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 2, result.output
    assert "a folder's name: give the file's name" in result.output or "names a folder" in result.output
    assert not out.exists()
