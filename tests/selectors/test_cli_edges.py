"""CLI edges: empty inputs say so, `profiles` lists site configs and dies quietly on a closed
pipe, --profile takes a site config's name, check names a FIFO sample for what it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleaner.check import check
from cleaner.cli import main

EMPTY = "the input is empty (or only blank lines): the output is empty too"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"], ids=["zero-bytes", "blank"])
def test_an_empty_file_says_so(tmp_path, content):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["clean", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"cleaner: {path}: {EMPTY}\n")


def test_empty_stdin_says_so():
    result = CliRunner().invoke(main, ["clean", "-"], input="")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"cleaner: -: {EMPTY}\n")


def test_profiles_on_a_closed_pipe_ends_with_141_silently(tmp_path):
    for i in range(2000):  # more than a pipe holds: the listing must meet the closed pipe
        (tmp_path / f"site{i}.example.com.txt").write_text("body: //article\n", encoding="utf-8")
    code = "from cleaner.cli import main; main()"
    cmd = (
        f"{sys.executable} -c '{code}' profiles --profiles-dir {tmp_path} | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    )
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, check=True)
    assert (done.stdout, done.stderr) == ("141\n", "")


def test_profiles_lists_site_configs_by_name_without_parsing(tmp_path):
    (tmp_path / "example.com.txt").write_text("this line is not a directive\n", encoding="utf-8")
    (tmp_path / ".example.org.txt").write_text("body: //article\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["profiles", "--profiles-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == [
        f".example.org (site config): FiveFilters site config, read when a page of its host is seen"
        f"  [{tmp_path}/.example.org.txt]",
        f"example.com (site config): FiveFilters site config, read when a page of its host is seen"
        f"  [{tmp_path}/example.com.txt]",
    ]


def test_profile_option_takes_a_site_configs_name(tmp_path):
    (tmp_path / "example.com.txt").write_text("strip: //div[@class='ad']\n", encoding="utf-8")
    page = tmp_path / "p.html"
    page.write_text(
        "<html><body><article><p>The harbour reopened on Monday after three days of storms kept the fleet"
        ' in port.</p><div class="ad">Ad here</div></article></body></html>',
        encoding="utf-8",
    )
    args = ["clean", str(page), "--profiles-dir", str(tmp_path), "--profile", "example.com", "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["profile"], [r["element"] for r in out["removed"]]) == (["example.com"], ["div.ad"])


def test_a_fifo_sample_is_named_for_what_it_is(tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    os.mkfifo(tmp_path / "fifo.txt")
    path = folder / "ex.toml"
    path.write_text('[profile]\nname = "ex"\nsamples = ["../fifo.txt"]\nhosts = ["ex.example"]\n', encoding="utf-8")
    assert [str(p) for p in check([path])] == [
        f"{path}:3:12: profile.samples[0]: {folder}/../fifo.txt is not a regular file: a FIFO"
    ]


@pytest.mark.parametrize(
    "content",
    [b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", b"\xff\xfe", b"\xfe\xff\x00\n"],
    ids=["utf8", "utf8-blank", "le", "be"],
)
def test_a_file_holding_only_a_byte_order_mark_is_an_empty_input(tmp_path, content):
    path = tmp_path / "bom.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["clean", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"cleaner: {path}: {EMPTY}\n")
