"""The README's profile walk-through works as written."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from cleaner.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(lang: str) -> str:
    block = re.search(rf"```{lang}\n(.*?)```", README, re.S).group(1)
    return "\n".join(line.removeprefix("   ") for line in block.split("\n"))


def test_readme_profile_walkthrough(tmp_path: Path):
    profiles = tmp_path / "my-profiles"
    (profiles / "samples").mkdir(parents=True)
    page = re.search(r"`page.txt`\):\n\n```\n(.*?)```", README, re.S).group(1).replace("…\n", "Another story\n")
    (profiles / "samples" / "example-news-1.txt").write_text(page)
    (profiles / "example-news.toml").write_text(_block("toml"))
    result = CliRunner().invoke(
        main, ["clean", "-", "--profiles-dir", str(profiles), "--format", "json"], input=page.encode()
    )
    record = json.loads(result.stdout)
    assert record["text"] == "The central bank raised rates for the third time this year.\n"
    assert (record["title"], record["author"], record["reading_time"]) == ("Rates Rise Again", "Jane Roe", 4)


def test_readme_error_example_is_real(tmp_path: Path):
    profiles = tmp_path / "my-profiles"
    profiles.mkdir()
    (profiles / "example-news.toml").write_text(_block("toml").replace('text = ["Sub', 'txt = ["Sub'))
    result = CliRunner().invoke(main, ["clean", "-", "--profiles-dir", str(profiles)], input=b"x\n")
    expected = re.search(r"   ```\n(   my-profiles/.*?)   ```", README, re.S).group(1)
    expected = "\n".join(line.removeprefix("   ") for line in expected.split("\n"))
    assert result.exit_code == 3
    assert result.stderr == expected.replace("my-profiles/", f"{profiles}/")
