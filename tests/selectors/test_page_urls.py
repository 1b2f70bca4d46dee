"""Which URL a page has: the caller's (--url, a record's url), else the canonical link, else
og:url; the same one chooses the site profile and fills the url field."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cleaner import clean, load_profiles
from cleaner.cli import main

PAGE = (
    "<html><head><title>Harbour</title>{links}</head><body><h1>Harbour reopens</h1>"
    "<article><p>The harbour reopened on Monday after three days of storms kept the fleet in port.</p>"
    '<div class="ad">Advertisement from a sponsor</div></article></body></html>'
)
BOTH = (
    '<link rel="canonical" href="https://canonical.example/a"><meta property="og:url" content="https://og.example/a">'
)


def configs(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for host in ("canonical.example", "og.example", "given.example"):
        (folder / f"{host}.txt").write_text(f"strip: //div[@class='ad']\ntitle: //title\n# {host}\n", encoding="utf-8")
    return folder


def test_the_canonical_link_wins_over_og_url_for_profile_and_url(tmp_path):
    doc = clean(PAGE.format(links=BOTH), profiles=load_profiles([configs(tmp_path)]))
    assert doc.profiles == ("canonical.example",)
    assert doc.metadata.url == "https://canonical.example/a"


def test_og_url_when_there_is_no_canonical_link(tmp_path):
    links = '<meta property="og:url" content="https://og.example/a">'
    doc = clean(PAGE.format(links=links), profiles=load_profiles([configs(tmp_path)]))
    assert doc.profiles == ("og.example",)
    assert doc.metadata.url == "https://og.example/a"


def test_the_given_url_is_the_output_url(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(links=BOTH), encoding="utf-8")
    folder = configs(tmp_path / "configs")
    args = ["clean", str(page), "--format", "json", "--profiles-dir", str(folder), "--url", "https://given.example/x"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["url"], out["profile"]) == ("https://given.example/x", ["given.example"])


def test_a_records_url_is_the_output_url(tmp_path):
    records = tmp_path / "in.jsonl"
    html = PAGE.format(links=BOTH)
    records.write_text(json.dumps({"html": html, "url": "https://given.example/r"}) + "\n", encoding="utf-8")
    folder = configs(tmp_path / "configs")
    result = CliRunner().invoke(main, ["clean", str(records), "--format", "jsonl", "--profiles-dir", str(folder)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["url"], out["profile"]) == ("https://given.example/r", ["given.example"])
