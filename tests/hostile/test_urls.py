"""A malformed URL fails its own input (a record, or the library call), or is a usage
error as --url; a page's own broken link is ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import InputError, clean
from cleaner.cli import main
from tests.hostile.pages import LAST, PARAGRAPHS, article, cli, jsonl


def test_record_with_malformed_url_fails_alone(tmp_path: Path):
    source = jsonl(
        tmp_path / "in.jsonl",
        {"id": 1, "url": "http://[x", "text": PARAGRAPHS[0]},
        {"id": 2, "url": "https://example.org/a", "text": PARAGRAPHS[1]},
    )
    out = tmp_path / "out.jsonl"
    result = cli(str(source), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        f'cleaner: {source}:1: malformed URL "http://[x": Invalid IPv6 URL\ncleaner: 1 cleaned, 1 failed into {out}\n'
    )
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (record["id"], record["url"]) == (2, "https://example.org/a")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["in.jsonl", "out.jsonl"]


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_malformed_url_option_is_a_usage_error(tmp_path: Path, command: str):
    page = tmp_path / "page.txt"
    page.write_text(PARAGRAPHS[0], encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(page), "--url", "http://["])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.endswith("Error: Invalid value for '--url': malformed URL \"http://[\": Invalid IPv6 URL\n")


def test_library_refuses_malformed_url():
    with pytest.raises(InputError, match=r'^malformed URL "http://\[x": Invalid IPv6 URL$'):
        clean(PARAGRAPHS[0], url="http://[x")


def test_page_with_a_broken_canonical_link_is_cleaned():
    page = article().replace(
        "<head>", '<head><link rel="canonical" href="http://[x/a"><meta property="og:url" content="http://[y">'
    )
    assert LAST in clean(page).text


@pytest.mark.parametrize("canonical", ["https://exa mple.com/x", "https://example.com:99999/x", "ftp://example.com/x"])
def test_a_pages_malformed_canonical_url_is_not_its_url(canonical: str):
    # the same URL in a JSONL record fails it; from the page it became the output's url (attacker trial)
    page = f'<html><head><link rel="canonical" href="{canonical}"></head><body><article>'
    page += "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
    doc = clean(page)
    assert doc.metadata.url is None
    assert doc.text
    good = clean(page.replace(canonical, "https://example.com/x"))
    assert good.metadata.url == "https://example.com/x"


@pytest.mark.parametrize("url", ["https://ex.com/\x00x", "https://ex.com/a\x01b", "https://ex.com/a\x7fb"])
def test_a_url_with_a_control_character_is_malformed_and_said_on_one_line(tmp_path: Path, url: str):
    # it was accepted and written raw into the csv url field (attacker trial)
    with pytest.raises(InputError, match="a control character in it"):
        clean("text", url=url)
    shown = url.encode("unicode_escape").decode("ascii")
    page = tmp_path / "p.txt"
    page.write_text(article(), encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page), "--url", url])
    assert result.exit_code == 2 and shown in result.stderr


def test_a_malformed_url_with_a_line_break_is_said_on_one_line():
    with pytest.raises(InputError) as err:
        clean("text", url="https://ex.com/a\r\nX-Injected: 1")
    assert "\n" not in str(err.value) and "\r" not in str(err.value)


def test_a_canonical_url_no_page_can_have_names_no_site():
    """Attacker trial of stop 52: a canonical "https://exa mple.com/x y" gave url null, as
    it should, but sitename "exa mple.com"."""
    page = article().replace("</head>", '<link rel="canonical" href="https://exa mple.com/x y"></head>')
    doc = clean(page, html=True)
    assert (doc.metadata.url, doc.metadata.sitename) == (None, None)
