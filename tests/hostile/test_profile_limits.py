"""A profile too deeply nested for tomllib is a profile error at its path, not a
RecursionError traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import ProfileError, load_profiles
from cleaner.cli import main
from tests.hostile.pages import PARAGRAPHS

DEPTH = 100_000
PROBLEM = "3:9: TOML nested too deeply to read (arrays or inline tables)"


@pytest.fixture(params=["array", "inline-table"])
def deep_dir(request, tmp_path: Path) -> Path:
    value = "[" * DEPTH + "]" * DEPTH if request.param == "array" else "{a = " * DEPTH + "1" + "}" * DEPTH
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "deep.toml").write_text(f'[profile]\nname = "deep"\nhosts = {value}\n', encoding="utf-8")
    return folder


def test_clean_with_a_too_deep_profile_exits_3(tmp_path: Path, deep_dir: Path):
    page = tmp_path / "page.txt"
    page.write_text(PARAGRAPHS[0], encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(page), "-o", f"{out}/", "--profiles-dir", str(deep_dir)])
    assert result.exit_code == 3
    assert result.stderr == (
        f"{deep_dir / 'deep.toml'}:{PROBLEM}\nError: 1 problem in profiles; no input was processed.\n"
    )
    assert not out.exists()


def test_check_reports_a_too_deep_profile(deep_dir: Path):
    result = CliRunner().invoke(main, ["check", str(deep_dir / "deep.toml")])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        f"{deep_dir / 'deep.toml'}:{PROBLEM}\n",
        "1 problem\n",
    )


def test_library_raises_profile_error(deep_dir: Path):
    with pytest.raises(ProfileError) as err:
        load_profiles([deep_dir])
    assert str(err.value) == f"{deep_dir / 'deep.toml'}:{PROBLEM}"
