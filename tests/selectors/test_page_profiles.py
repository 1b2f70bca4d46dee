"""Page rules in TOML profiles: applied before extraction, shown by explain and in `removed`,
checked by `cleaner check`, drafted by `cleaner new` from HTML samples."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner

from cleaner import clean, load_profiles
from cleaner.check import check
from cleaner.cli import main

from .test_siteconfig import ARTICLE, PAGE

PROFILE = """[profile]
name = "example"
hosts = ["example.com"]
samples = ["../samples/page.html"]
generic = "full"

[[rules]]
kind = "title"
select = "h1.headline"
why = "the headline"

[[rules]]
kind = "strip"
id = "boxes"
select = ["aside", '//div[contains(@class, "share")]']
why = "related box and share bar inside the article"

[[rules]]
kind = "body"
select = ["article", '//div[@itemprop="articleBody"]']
why = "the article body"
"""


def setup(tmp_path: Path, profile: str = PROFILE) -> Path:
    folder = tmp_path / "profiles"
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "page.html").write_text(PAGE.format(url="https://example.com/a"), encoding="utf-8")
    folder.mkdir()
    (folder / "example.toml").write_text(profile, encoding="utf-8")
    return folder


def test_rules_applied_before_extraction(tmp_path):
    folder = setup(tmp_path)
    doc = clean(PAGE.format(url="https://example.com/a"), profiles=load_profiles([folder]))
    assert doc.text == ARTICLE
    assert doc.metadata.title == "Harbour reopens"
    assert dict(doc.meta_sources)["title"] == "example#1 h1.headline"
    assert [(r.element, r.rule, r.kind, r.text) for r in doc.page_removals] == [
        (
            "aside",
            "example#boxes",
            "strip",
            "Related: a story about boats that is not this story at all but reads like text.",
        ),
        ("div.share-bar", "example#boxes", "strip", "Share on Facebook"),
    ]


def test_json_record_lists_stripped_elements_first(tmp_path):
    folder = setup(tmp_path)
    page = tmp_path / "samples" / "page.html"
    result = CliRunner().invoke(main, ["clean", str(page), "--profiles-dir", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["removed"] == [
        {
            "lines": None,
            "element": "aside",
            "rule": "example#boxes",
            "kind": "strip",
            "why": "related box and share bar inside the article (aside)",
        },
        {
            "lines": None,
            "element": "div.share-bar",
            "rule": "example#boxes",
            "kind": "strip",
            "why": 'related box and share bar inside the article (//div[contains(@class, "share")])',
        },
    ]


def test_explain_shows_the_body_selector_and_each_strip(tmp_path):
    folder = setup(tmp_path)
    page = tmp_path / "samples" / "page.html"
    result = CliRunner().invoke(main, ["explain", str(page), "--profiles-dir", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index('html: article body chosen by example#3 //div[@itemprop="articleBody"]')
    assert lines[start : start + 4] == [
        'html: article body chosen by example#3 //div[@itemprop="articleBody"]',
        "html: stripped aside by example#boxes (strip): related box and share bar inside the article (aside): "
        '"Related: a story about boats that is not this story at all but reads like text."',
        "html: stripped div.share-bar by example#boxes (strip): related box and share bar inside the article "
        '(//div[contains(@class, "share")]): "Share on Facebook"',
        "html: main text by trafilatura",
    ]
    assert "title: Harbour reopens  (from example#1 h1.headline)" in lines
    data = json.loads(
        CliRunner().invoke(main, ["explain", str(page), "--profiles-dir", str(folder), "--format", "json"]).stdout
    )
    assert data["page"]["body"] == 'example#3 //div[@itemprop="articleBody"]'
    assert [r["element"] for r in data["page"]["removed"]] == ["aside", "div.share-bar"]


def test_check_accepts_rules_that_fire_on_html_samples(tmp_path):
    folder = setup(tmp_path)
    assert check([folder / "example.toml"]) == []


def test_check_expectations_see_the_text_of_stripped_elements(tmp_path):
    """The share bar's text is split by a tag in the sample's HTML: only the stripped
    element's text holds it as the expectation says it."""
    page = PAGE.format(url="https://example.com/a").replace("Share on Facebook", 'Share on <a href="/fb">Facebook</a>')
    expect = '\n[expect]\ndrop = ["Share on Facebook"]\nkeep = ["The harbour reopened on Monday"]\n'
    folder = setup(tmp_path, PROFILE + expect)
    (tmp_path / "samples" / "page.html").write_text(page, encoding="utf-8")
    assert check([folder / "example.toml"]) == []
    wrong = '\n[expect]\ndrop = ["Share on Twitter"]\nkeep = ["Share on Facebook"]\n'
    (folder / "example.toml").write_text(PROFILE + wrong, encoding="utf-8")
    assert [p.message for p in check([folder / "example.toml"])] == [
        'expect.drop[0]: "Share on Twitter" is in none of the samples',
        'expect.keep[0]: "Share on Facebook" is removed in a sample',
    ]


def test_check_names_a_rule_that_matches_nothing(tmp_path):
    folder = setup(tmp_path, PROFILE.replace('select = "h1.headline"', 'select = "h1.title"'))
    assert [str(p) for p in check([folder / "example.toml"])] == [
        f"{folder / 'example.toml'}:7:1: rules[1] (title): matches nothing in any sample"
    ]


def test_bad_selectors_are_profile_errors_at_their_position(tmp_path):
    folder = setup(
        tmp_path,
        PROFILE.replace('select = "h1.headline"', 'select = "h1[class"').replace('"aside", ', '"aside", "//div[", '),
    )
    result = CliRunner().invoke(main, ["check", str(folder / "example.toml")])
    assert result.exit_code == 1
    path = folder / "example.toml"
    assert result.stdout.splitlines() == [
        f"{path}:9:10: rules[1].select: bad CSS selector: Operator expected, got <EOF at 8>",
        f"{path}:15:20: rules[2].select[1]: bad XPath: Invalid expression",
    ]
    clean_result = CliRunner().invoke(
        main, ["clean", str(tmp_path / "samples" / "page.html"), "--profiles-dir", str(folder)]
    )
    assert clean_result.exit_code == 3
    assert "Traceback" not in clean_result.output


HTML_SAMPLE = """<html><head><title>{title} | Daily Example</title>
<link rel="canonical" href="https://www.daily-example.com/story-{n}"></head><body>
<nav class="menu"><a>Home</a> <a>News</a> <a>Sport</a></nav><h1>{title}</h1>
<div class="story-body">{body}<div class="related-box"><h3>Related stories</h3><ul>
<li><a>Council votes on budget for the coming year</a></li>
<li><a>School opens its doors to the public</a></li></ul></div></div>
<div class="comments"><p>Great story, thanks for writing about the town and its people!</p></div>
<footer>Copyright 2024 The Daily Example. All rights reserved.</footer></body></html>"""

STORIES = [
    (
        "Harbour Reopens After Storm",
        "The harbour reopened on Monday after three days of storms kept the fleet in port.",
    ),
    ("Library Extends Opening Hours", "The town library will stay open until nine in the evening from next month."),
    ("New Bench On The Promenade", "A new bench was installed on the promenade after residents collected money."),
]


def test_new_drafts_body_and_strip_from_html_samples(tmp_path):
    args = ["new", "daily-example"]
    for n, (title, text) in enumerate(STORIES):
        body = "".join(f"<p>{text} Sentence {i} of the story goes on for a while longer.</p>" for i in range(3))
        path = tmp_path / f"s{n}.html"
        path.write_text(HTML_SAMPLE.format(title=title, n=n, body=body), encoding="utf-8")
        args += ["--sample", str(path)]
    out = tmp_path / "profiles" / "daily-example.toml"
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert data["profile"]["hosts"] == ["daily-example.com"]
    assert data["rules"][:2] == [
        {
            "kind": "body",
            "select": ["div.story-body"],
            "why": "holds at least 100% of the article trafilatura finds on each sample (review)",
        },
        {
            "kind": "strip",
            "select": ["div.related-box"],
            "why": "boxes inside the body, alike on every sample, without article text (review)",
        },
    ]
    profiles = load_profiles([out.parent])
    doc = clean((tmp_path / "s0.html").read_bytes(), profiles=profiles)
    assert [r.element for r in doc.page_removals] == ["div.related-box"]
    assert doc.steps[1] == "html:body:daily-example#1 div.story-body"
    assert doc.body_rule == ("daily-example#1", "div.story-body")  # the same, typed, for the stages after


def test_a_draft_from_html_samples_passes_its_own_check(tmp_path):
    """A promo box every sample has: the drafted strip removes it, so no drop_line for its
    line (it would match nothing) and its expect.drop is seen in the samples."""
    args = ["new", "daily-example"]
    promo = '<div class="story-body">{body}<div class="promo-card"><p>Read more: Swimming pool &amp; lido</p></div>'
    for n, (title, text) in enumerate(STORIES):
        body = "".join(f"<p>{text} Sentence {i} of the story goes on for a while longer.</p>" for i in range(3))
        page = HTML_SAMPLE.replace('<div class="story-body">{body}', promo).format(title=title, n=n, body=body)
        (tmp_path / f"s{n}.html").write_text(page, encoding="utf-8")
        args += ["--sample", str(tmp_path / f"s{n}.html")]
    out = tmp_path / "profiles" / "daily-example.toml"
    assert CliRunner().invoke(main, [*args, "-o", str(out)]).exit_code == 0
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert [(r["kind"], r.get("select")) for r in data["rules"]] == [
        ("body", ["div.story-body"]),
        ("strip", ["div.promo-card", "div.related-box"]),
    ]
    assert data["expect"]["drop"] == ["Read more: Swimming pool & lido"]
    assert '# then run `cleaner check` until it says "no problems".' in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no problems\n")


def test_a_date_rule_that_reads_as_no_date_leaves_the_pages_own_date(tmp_path):
    # the selector found the byline ("By Jane Roe on 14 March 2024" reads as no date) and its
    # text took the date's place, dropped later: the page's own date was lost (attacker trial)
    page = PAGE.format(url="https://example.com/a").replace(
        "</title>", '</title><meta property="article:published_time" content="2024-03-14">'
    )
    page = page.replace('<span class="byline">Ann Lee</span>', '<p class="byline">By Ann Lee on 14 March 2024</p>')
    profile = PROFILE.replace('kind = "title"\nselect = "h1.headline"', 'kind = "date"\nselect = "p.byline"')
    doc = clean(page, profiles=load_profiles([setup(tmp_path, profile)]))
    assert doc.metadata.date == "2024-03-14"
    assert dict(doc.meta_notes)["date"] == (
        'example#1 found "By Ann Lee on 14 March 2024"; not used: not a date dateparser can read'
    )
    assert dict(doc.meta_sources)["date"] == "html:meta"


def test_control_characters_in_selectors_and_ids_are_profile_errors(tmp_path):
    # lxml cannot compile them: a traceback from check and clean, or "internal error" on every
    # page of the host for strip_id_or_class (attacker trial)
    profile = PROFILE.replace('select = "h1.headline"', 'select = "//h1\\u0000"') + (
        '\n[[rules]]\nkind = "strip_id_or_class"\ntext = ["share", "a\\u0001b"]\nwhy = "boxes"\n'
    )
    folder = setup(tmp_path, profile)
    path = folder / "example.toml"
    result = CliRunner().invoke(main, ["check", str(path)])
    assert (result.exit_code, result.stdout.splitlines()) == (
        1,
        [
            f"{path}:9:10: rules[1].select: the control character U+0000 cannot be in a selector",
            f"{path}:25:18: rules[4].text[1]: the control character U+0001 cannot be in an id or class",
        ],
    )
    clean_result = CliRunner().invoke(
        main, ["clean", str(tmp_path / "samples" / "page.html"), "--profiles-dir", str(folder)]
    )
    assert clean_result.exit_code == 3 and "Traceback" not in clean_result.output


def test_a_control_character_in_a_site_config_fails_its_hosts_pages_by_name(tmp_path):
    configs = tmp_path / "configs"
    configs.mkdir()
    (configs / "example.com.txt").write_text("body: //article\x00\n")
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(url="https://example.com/a"))
    result = CliRunner().invoke(main, ["clean", str(page), "--profiles-dir", str(configs)])
    assert result.exit_code == 1
    assert (
        f"{configs / 'example.com.txt'}:1:7: body: the control character U+0000 cannot be in a selector"
        in result.stderr
    )
    assert "internal error" not in result.stderr
    checked = CliRunner().invoke(main, ["check", str(configs)])
    assert checked.exit_code == 1 and "Traceback" not in checked.output


def test_page_rules_in_a_platform_profile_are_a_profile_error(tmp_path):
    # they loaded and never ran (a platform is known from the extracted text, after the page
    # rules): check said "no problems" (attacker trial)
    folder = tmp_path / "profiles"
    folder.mkdir()
    path = folder / "blogware.toml"
    path.write_text(
        '[profile]\nname = "blogware"\nkind = "platform"\nfingerprints = ["^Powered by Blogware$"]\n\n'
        '[[rules]]\nkind = "strip"\nselect = "div.share"\nwhy = "share bar"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(path)])
    assert (result.exit_code, result.stdout) == (
        1,
        f"{path}:7:8: rules[1] (strip): acts on the HTML page, which only a site profile (matched by host) can do\n",
    )


def test_a_stripped_elements_text_keeps_its_blocks_apart():
    # "Related postsRowing club wins" in explain's notes (new-user trial)
    from lxml.html import fromstring

    from cleaner.rules.page import text_of

    box = fromstring(
        "<div><h3>Related posts</h3><ul><li><a>Rowing club wins</a></li><li>Tide</li></ul>Wa<b>ter</b>"
        "<!-- a note --> end</div>"
    )
    assert text_of(box) == "Related posts Rowing club wins Tide Water end"
