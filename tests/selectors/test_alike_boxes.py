"""`cleaner new` on HTML samples: a box inside the body with the same text on every sample,
which trafilatura keeps as article text (a donation appeal), is drafted as a `strip` rule,
not as a `drop_line`; a box that differs between samples, or is missing from one, is not."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner

from cleaner import clean, load_profiles
from cleaner.cli import main
from cleaner.page_draft import draft
from cleaner.stages.html_parse import parse

TEMPLATE = """<html><head><title>{title} | The Valley Courier</title>
<link rel="canonical" href="https://www.valley-courier.example/news/{slug}"></head><body>
<header class="site-header"><a href="/">The Valley Courier</a> <nav><a>News</a> <a>Opinion</a></nav></header>
<div id="main-content"><h1 class="headline">{title}</h1>
<p>{p1}</p>
<p>{p2}</p>
{box}
<p>{p3}</p>
</div>
<footer class="site-footer"><p>Copyright 2024 The Valley Courier. All rights reserved.</p></footer>
</body></html>"""

APPEAL = (
    "Our award winning journalism depends on readers like you. Every contribution, however big or small,"
    " keeps our reporters in the valley and our paper free for everyone to read."
)
BOX = f'<div class="inline-box"><p>{APPEAL}</p><p><a href="/donate">Donate</a></p></div>'

STORIES = [
    {
        "slug": "bridge",
        "title": "Old Mill Bridge To Close For Repairs",
        "p1": "The old mill bridge on the river road will close for six weeks from Monday while engineers"
        " replace its worn deck and railings.",
        "p2": "Drivers heading to the market town are asked to use the bypass, which adds about ten minutes"
        " to the journey at busy times.",
        "p3": "The county council said the work had been planned for two years and was delayed twice by the"
        " cost of steel and by flooding last winter.",
    },
    {
        "slug": "orchard",
        "title": "Community Orchard Plants Its Hundredth Tree",
        "p1": "Volunteers at the community orchard behind the primary school planted their hundredth tree on"
        " Saturday, a young pear donated by a local nursery.",
        "p2": "The orchard began eight years ago with a dozen apple saplings and a handful of families who"
        " wanted fresh fruit close to home.",
        "p3": "Children from the school help with the harvest every autumn and press the apples into juice"
        " that is sold at the village fair.",
    },
    {
        "slug": "choir",
        "title": "Valley Choir Wins Regional Festival",
        "p1": "The valley male voice choir won first prize at the regional music festival in the city on"
        " Sunday, beating eleven other choirs.",
        "p2": "Conductor Gareth Lloyd said the singers had rehearsed twice a week since January and were"
        " delighted with the comments of the judges.",
        "p3": "The choir, founded in 1921, has around forty members, the youngest of whom is seventeen and"
        " the oldest eighty-six.",
    },
]

BODY = {
    "kind": "body",
    "select": ["div#main-content"],
    "why": "holds at least 100% of the article trafilatura finds on each sample (review)",
}
ALIKE_WHY = (
    "boxes inside the body with the same text on all 3 samples although the articles differ:"
    " site template, not article text (review)"
)


def pages(boxes: list[str], stories: list[dict] = STORIES) -> list[str]:
    return [TEMPLATE.format(box=box, **story) for box, story in zip(boxes, stories, strict=True)]


def new(tmp_path: Path, htmls: list[str]) -> tuple[Path, dict]:
    args = ["new", "valley"]
    for n, html in enumerate(htmls):
        (tmp_path / f"s{n}.html").write_text(html, encoding="utf-8")
        args += ["--sample", str(tmp_path / f"s{n}.html")]
    out = tmp_path / "profiles" / "valley.toml"
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, tomllib.loads(out.read_text(encoding="utf-8"))


def passes_check(out: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no problems\n")


def drafted(htmls: list[str], articles: list[str] | None = None):
    trees = [parse(h) for h in htmls]
    if articles is None:
        articles = [clean(h, profile="none", heuristics=False).text for h in htmls]
    return draft(trees, articles)


def test_trafilatura_keeps_the_appeal_without_a_profile():
    """The premise: the appeal is article text to trafilatura, so only its sameness tells."""
    assert APPEAL in clean(pages([BOX] * 3)[0], profile="none").text


def test_new_strips_a_box_alike_on_every_sample_not_a_drop_line(tmp_path):
    out, data = new(tmp_path, pages([BOX] * 3))
    assert data["rules"] == [BODY, {"kind": "strip", "select": ["div.inline-box"], "why": ALIKE_WHY}]
    assert data["expect"]["drop"] == [APPEAL]
    passes_check(out)
    profiles = load_profiles([out.parent])
    for n, story in enumerate(STORIES):
        doc = clean((tmp_path / f"s{n}.html").read_bytes(), profiles=profiles)
        assert [r.element for r in doc.page_removals] == ["div.inline-box"]
        assert doc.text == "\n\n".join([story["p1"], story["p2"], story["p3"]]) + "\n"


def test_an_id_names_the_box_before_its_class(tmp_path):
    box = BOX.replace('class="inline-box"', 'id="support-us" class="inline-box"')
    out, data = new(tmp_path, pages([box] * 3))
    assert data["rules"] == [BODY, {"kind": "strip", "select": ["div#support-us"], "why": ALIKE_WHY}]
    passes_check(out)


def test_a_box_without_id_or_class_is_named_by_its_path_from_the_body(tmp_path):
    box = f"<div><blockquote><p>{APPEAL}</p></blockquote></div>"
    out, data = new(tmp_path, pages([box] * 3))
    assert data["rules"] == [BODY, {"kind": "strip", "select": ["div#main-content > div"], "why": ALIKE_WHY}]
    passes_check(out)


def test_a_class_that_also_marks_differing_boxes_gives_way(tmp_path):
    """div.inline-box also holds each article's own pull quote: the appeal is named by its
    other class, else by its path from the body, and the pull quotes stay."""
    quote = "{title}: the story our readers talked about most this week."
    quotes = [f'<figure><div class="inline-box"><p>{quote.format(**s)}</p></div></figure>' for s in STORIES]
    boxes = [f'{q}<div class="inline-box support"><p>{APPEAL}</p></div>' for q in quotes]
    assert drafted(pages(boxes)).alike == ("div.support",)
    boxes = [f'{q}<div class="inline-box"><p>{APPEAL}</p></div>' for q in quotes]
    assert drafted(pages(boxes)).alike == ("div#main-content > div.inline-box",)
    out, data = new(tmp_path, pages(boxes))
    assert data["rules"] == [
        BODY,
        {"kind": "strip", "select": ["div#main-content > div.inline-box"], "why": ALIKE_WHY},
    ]
    passes_check(out)
    doc = clean((tmp_path / "s0.html").read_bytes(), profiles=load_profiles([out.parent]))
    assert [(r.element, r.text) for r in doc.page_removals] == [("div.inline-box", APPEAL)]


def test_no_strip_for_a_box_that_differs_between_samples(tmp_path):
    boxes = [
        f'<div class="inline-box"><p>Read more about {s["title"].lower()} in our archive.</p></div>' for s in STORIES
    ]
    out, data = new(tmp_path, pages(boxes))
    assert data["rules"] == [BODY]
    passes_check(out)


def test_no_strip_for_a_box_missing_from_one_sample(tmp_path):
    out, data = new(tmp_path, pages([BOX, BOX, ""]))
    assert [r["kind"] for r in data["rules"]] == ["body"]
    assert all(APPEAL not in r.get("text", []) for r in data["rules"])
    passes_check(out)


def test_no_strip_for_text_every_sample_shares_when_the_articles_are_the_same():
    """Three copies of one article: sameness is no sign of the template then."""
    assert drafted(pages([BOX] * 3, [STORIES[0]] * 3)).alike == ()


def test_no_strip_for_a_short_box_or_for_the_body_and_what_holds_it():
    box = '<div class="inline-box"><p>Donate today</p></div>'
    assert drafted(pages([box] * 3)).alike == ()
    from cleaner.page_draft import _same_everywhere, _select

    trees = [parse(h) for h in pages([BOX] * 3)]
    roots = [_select(t, "div#main-content") for t in trees]
    assert [_same_everywhere(trees, roots, css) for css in ("div#main-content", "body", "div.inline-box")] == [
        False,
        False,
        True,
    ]
