"""The byline a page prints between its headline and the body, which trafilatura leaves out of
the text, gives the author when the page's meta tags and structured data name none; a "By"
sentence, a comment's "Posted by" and a footer's "By" line never do."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main

BODY = (
    "<p>The allotments behind the old rope works will be sold next year, the council said on Tuesday, "
    "ending a lease that has run since 1951.</p>"
    "<p>Plot holders say they were not asked, and that a waiting list of sixty families shows how much "
    "the gardens are wanted.</p>"
    "<p>A petition to keep them has gathered four thousand names, and the question goes to a full council "
    "vote in April.</p>"
)
TITLE = "Council to sell the rope works allotments"


def page(between: str = "", head: str = "", after: str = "", footer: str = "Copyright 2024 Riverside Post") -> str:
    """A news page: the headline and what `between` holds in the page's header, the body in an
    <article> of its own, `after` it (comments), and a footer."""
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE} | Riverside Post</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a> <a href='/sport'>Sport</a></nav>"
        f"<div class='story-head'><h1>{TITLE}</h1>{between}</div>"
        f"<main><article><div class='story-body'>{BODY}</div></article>{after}</main>"
        f"<footer>{footer}</footer></body></html>"
    )


def cleaned(html: str, **options):
    return clean(html, html=True, profile="none", **options)


@pytest.mark.parametrize(
    ("between", "author", "date"),
    [
        pytest.param("<p>By Tom Reyes | 14 February 2024</p>", "Tom Reyes", "2024-02-14", id="by-name-date"),
        pytest.param("<div>Posted by Lucy Hart on 3 March 2024</div>", "Lucy Hart", "2024-03-03", id="posted-by-on"),
        # new-user trial of stop 38: "James Peterson published May"
        pytest.param("<p>By James Peterson published May 20, 2024</p>", "James Peterson", "2024-05-20", id="published"),
        pytest.param(
            "<p class='meta'>By <a href='/people/tom-reyes'>Tom Reyes</a></p>", "Tom Reyes", None, id="linked-name"
        ),
        pytest.param(
            "<p>Fresh doubts over the future of the gardens</p><div class='info'>By Tom Reyes</div>",
            "Tom Reyes",
            None,
            id="below-a-deck",
        ),
    ],
)
def test_byline_under_the_headline_gives_the_author(between: str, author: str, date: str | None):
    doc = cleaned(page(between))
    assert (doc.metadata.author, doc.metadata.date) == (author, date)
    sources = dict(doc.meta_sources)
    assert sources["author"] == "html:byline"
    assert sources.get("date") == ("html:byline" if date else None)
    assert doc.text.startswith("The allotments behind the old rope works")  # the text is as it was
    assert author not in doc.text


def test_the_pages_author_meta_stays():
    doc = cleaned(page("<p>By Tom Reyes | 14 February 2024</p>", head='<meta name="author" content="Mark Ellis">'))
    assert doc.metadata.author == "Mark Ellis"
    assert dict(doc.meta_sources)["author"] == "html:meta"


def test_the_pages_date_stays_and_the_author_comes_from_the_byline():
    head = '<meta property="article:published_time" content="2024-02-13T18:00:00Z">'
    doc = cleaned(page("<p>By Tom Reyes | 14 February 2024</p>", head=head))
    assert (doc.metadata.author, doc.metadata.date) == ("Tom Reyes", "2024-02-13T18:00:00+00:00")
    assert dict(doc.meta_sources)["date"] == "html:meta"


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(page("<p>By Friday, the last plot holders must be gone.</p>"), id="by-sentence-under-headline"),
        pytest.param(
            page().replace("<p>The allotments", "<p>By Friday, the last plot holders must be gone. The allotments"),
            id="by-sentence-in-body",
        ),
        pytest.param(
            page(
                after="<section class='comments'><h3>3 comments</h3>"
                "<div class='comment'><p>Posted by Bob Marsh on 15 February 2024</p>"
                "<p>My grandfather had a plot there for forty years. Shame on the council.</p></div></section>"
            ),
            id="comment-posted-by",
        ),
        pytest.param(
            page(
                after="<div class='replies'><p>Posted by bob on 15 February 2024</p>"
                "<p>Sell it and build homes, we need them more than cabbages.</p></div>"
            ),
            id="reply-posted-by-handle",
        ),
        pytest.param(page(footer="<p>By Anna Berg | Riverside Post, 2024</p>"), id="footer-by-line"),
        pytest.param(page("<p>By Tom Reyes | 14 February 2024</p>").replace(f"<h1>{TITLE}</h1>", ""), id="no-headline"),
    ],
)
def test_no_author_from_what_is_no_byline_of_the_article(html: str):
    doc = cleaned(html)
    assert doc.metadata.author is None
    assert "author" not in dict(doc.meta_sources)


def test_a_byline_the_text_keeps_names_who_wrote_it():
    # a blog reposting a guest's text: the owner's byline in the page's head, the guest's atop the text
    html = page("<p>By Tom Reyes | 14 February 2024</p>").replace(
        "<div class='story-body'>", "<div class='story-body'><p>By Ana Ruiz</p>"
    )
    doc = cleaned(html)
    assert (doc.metadata.author, dict(doc.meta_sources)["author"]) == ("Ana Ruiz", "heuristic:byline")


@pytest.mark.parametrize(
    ("between", "author"),
    [
        pytest.param("<p>Posted By Tom Reyes Wednesday, February 14, 2024 - 10:40 AM</p>", "Tom Reyes", id="weekday"),
        pytest.param("<p>14 February 2024 by <a href='/u/treyes'>treyes</a></p>", None, id="handle"),
        pytest.param("<p>by Tom Reyes One Comment</p>", None, id="comment-counter"),
    ],
)
def test_the_name_is_a_persons(between: str, author: str | None):
    assert cleaned(page(between)).metadata.author == author


def test_a_site_profiles_author_wins(tmp_path):
    from cleaner import load_profiles

    (tmp_path / "riverside.toml").write_text(
        '[profile]\nname = "riverside"\nhosts = ["riverside.example"]\n'
        '[[rules]]\nkind = "meta_field"\npattern = \'^Reporting: (?P<author>.+)$\'\nwhy = "the reporter"\n',
        encoding="utf-8",
    )
    html = page("<p>By Tom Reyes | 14 February 2024</p>").replace(
        "</div></article>", "<p>Reporting: Ellen Okafor</p></div></article>"
    )
    doc = clean(html, html=True, url="https://riverside.example/a", profiles=load_profiles([tmp_path]))
    assert (doc.metadata.author, dict(doc.meta_sources)["author"]) == ("Ellen Okafor", "riverside#1")


def test_explain_and_json_say_where_the_author_came_from(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page("<div>Posted by Lucy Hart on 3 March 2024</div>"), encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(path), "--profile", "none"])
    assert result.exit_code == 0, result.output
    assert "author: Lucy Hart  (from html:byline)" in result.output
    result = CliRunner().invoke(main, ["explain", str(path), "--profile", "none", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["metadata"]["author"], data["metadata_from"]["author"]) == ("Lucy Hart", "html:byline")
    assert (data["metadata"]["date"], data["metadata_from"]["date"]) == ("2024-03-03", "html:byline")


@pytest.mark.parametrize(
    ("between", "author"),
    [
        pytest.param(
            "<figure><img src='h.jpg'><figcaption>By Ann Lake/Getty Images</figcaption></figure>"
            "<p>By Tom Reyes | 14 February 2024</p>",
            "Tom Reyes",
            id="photo-credit-in-a-caption",
        ),
        pytest.param(
            "<div class='hero'><img src='h.jpg'><p>By Ann Lake/Getty Images</p></div><p>By Tom Reyes</p>",
            "Tom Reyes",
            id="photo-credit",
        ),
        pytest.param("<p>14 February 2024 | Reviewed by Dr. Ann Lake</p>", None, id="reviewer"),
        pytest.param("<p>14 February 2024 · Edited by Ann Lake</p>", None, id="editor"),
        pytest.param("<p>14 February 2024 | Illustrations by Ann Lake</p>", None, id="illustrator"),
        pytest.param("<p>Published 14 February 2024 · Fact checked by Ann Lake</p>", None, id="fact-checker"),
        pytest.param("<p>14 February 2024 | Sponsored by Riverside Garden Supplies</p>", None, id="sponsor"),
        pytest.param("<p>By Christmas Eve, the gates were locked.</p><p>By Tom Reyes</p>", "Tom Reyes", id="sentence"),
        pytest.param("<p class='dek'>By New Year's Day, the plots were empty.</p>", None, id="sentence-only"),
        pytest.param("<h2 class='subtitle'>By Late March, Prices Had Doubled</h2>", None, id="a-month"),
        pytest.param("<h2>By The Numbers</h2>", None, id="the"),
        pytest.param("<p>By Order Of The Council</p>", None, id="of-the"),
        pytest.param("<p>By Tom Reyes For The Riverside Post</p>", "Tom Reyes", id="for-the-paper"),
    ],
)
def test_no_wrong_name_from_a_byline_shaped_line(between: str, author: str | None):
    """Attacker trial: each of these gave a wrong author (a photographer, an editor, "Christmas
    Eve", "Order Of The Council"), worse than none."""
    assert cleaned(page(between)).metadata.author == author


def test_a_byline_the_text_keeps_below_a_short_article_names_the_author():
    """Attacker trial: on a one-paragraph article trafilatura printed the byline after the body;
    the generic stage removed it as metadata (author) and the author stayed null."""
    html = (
        f"<!DOCTYPE html><html><head><title>{TITLE} - Riverside Post</title></head><body>"
        "<header><a href='/'>Riverside Post</a><nav><a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>"
        f"<main><article><h1>{TITLE}</h1><p>By Tom Reyes</p><div class='article-body'>"
        "<p>The allotments behind the old rope works will be sold next year, the council said in a short statement.</p>"
        "</div></article></main><footer><p>Copyright 2024 Riverside Post</p></footer></body></html>"
    )
    doc = cleaned(html)
    assert doc.metadata.author == "Tom Reyes"
    assert "Tom Reyes" not in doc.text


@pytest.mark.parametrize(
    ("between", "author"),
    [
        pytest.param("<p>记者：王小明 2024年3月3日</p>", "王小明", id="cjk-unspaced"),
        pytest.param("<p>\u200eBy Tom Reyes | 14 February 2024</p>", "Tom Reyes", id="bidi-mark"),
        pytest.param("<p>By Tom Re\u00adyes | 14 February 2024</p>", "Tom Reyes", id="soft-hyphen"),
        pytest.param("<p>By Tom\u200b Reyes | 14 February 2024</p>", "Tom Reyes", id="zero-width-space"),
    ],
)
def test_a_byline_in_another_script_or_with_invisible_characters(between: str, author: str):
    """Attacker trial: each gave no author."""
    assert cleaned(page(between)).metadata.author == author


def test_a_byline_the_body_quotes_in_a_sentence_still_names_the_author():
    """Attacker trial: "By Jane Doe's own account, ..." in the body made the byline above it
    read as one the text keeps (a substring test), and the author stayed null."""
    html = page("<p>By Tom Reyes</p>").replace(
        "<p>Plot holders say", "<p>By Tom Reyes's own count, the plots have changed hands four times. Plot holders say"
    )
    assert cleaned(html).metadata.author == "Tom Reyes"


@pytest.mark.parametrize(
    ("element", "author"),
    [
        pytest.param('<p class="byline">Edited by Ann Lake</p>', None, id="editor"),
        pytest.param('<p class="byline">Sponsored by Riverside Garden Supplies</p>', None, id="sponsor"),
        pytest.param('<p class="byline">Medically reviewed by Dr. Ann Lake</p>', None, id="reviewer"),
        pytest.param('<div class="byline">By Tom Reyes • Follow</div>', "Tom Reyes", id="follow"),
        pytest.param('<p class="byline">By Tom\u200b Reyes</p>', "Tom Reyes", id="zero-width-space"),
        pytest.param('<p class="byline">By Tom Reyes, Staff Writer</p>', "Tom Reyes", id="role"),
        pytest.param(
            '<p class="byline">Written by Tom Reyes, with reporting by Ann Lake</p>', "Tom Reyes", id="with-reporting"
        ),
        pytest.param(
            '<div class="byline">By <a href="/authors/tom-reyes">Tom Reyes, Senior Correspondent</a></div>',
            "Tom Reyes",
            id="linked-with-role",
        ),
        pytest.param('<p class="byline">By Tom Reyes The Riverside Post</p>', "Tom Reyes", id="outlet"),
        pytest.param('<span class="author">Tom Reyes</span>', "Tom Reyes", id="bare-name"),
        pytest.param('<p class="byline">By Tom</p>', "Tom", id="first-name-only"),
        pytest.param('<p class="byline">Posted by treyes on 14 February 2024</p>', None, id="a-handle"),
        pytest.param('<p class="byline">By RIVERSIDE (Reuters)</p>', None, id="a-datelines-city"),
    ],
)
def test_a_byline_elements_text_is_read_as_a_byline(element: str, author: str | None):
    """Attacker trial: trafilatura reads a byline class's text as the author as it stands
    ("Edited by Ann Lake" -> "Ann Lake", "Tom Reyes • Follow"); that text is read as a
    byline now, and said so (`html:author-element`, not `html:meta`)."""
    doc = cleaned(page(element))
    assert doc.metadata.author == author
    assert dict(doc.meta_sources).get("author") == ("html:author-element" if author else None)


@pytest.mark.parametrize("mark", ["·", "•"])
def test_a_byline_element_on_a_page_without_a_headline_element_gives_the_name_alone(mark):
    """Attacker trial, stop 32: with no <h1> there is no page head to read the byline in, and
    trafilatura's "Maria Lopez · Published June" was the author."""
    byline = f"<p class='byline'>By <a href='/staff/maria-lopez'>Maria Lopez</a> {mark} Published June 12, 2024</p>"
    html = (
        f"<html><head><title>{TITLE} | Riverside Post</title></head><body>"
        f"<main><article class='story'>{byline}{BODY}</article></main></body></html>"
    )
    assert cleaned(html).metadata.author == "Maria Lopez"


def test_an_articles_several_authors_stay_without_a_headline_element():
    """trafilatura joins several authors with "; ": no mark to cut at."""
    byline = "<p class='byline'>By <a href='/a'>Maria Lopez</a> and <a href='/b'>Sam Ortiz</a></p>"
    html = (
        f"<html><head><title>{TITLE} | Riverside Post</title></head><body>"
        f"<main><article class='story'>{byline}{BODY}</article></main></body></html>"
    )
    assert "Sam Ortiz" in (cleaned(html).metadata.author or "")


@pytest.mark.parametrize(
    ("between", "minutes"),
    [
        ("<p class='meta'>Jane Doe · 18 September 2023 · 3 min read</p>", 3),
        ("<span>Reading time: 6 minutes</span>", 6),
        ("<p>A story of 4 parts, read in any order, about the 12 min read limit and more besides.</p>", None),
    ],
)
def test_the_reading_time_under_the_headline(between, minutes):
    """New-user trial of stop 33: the reading time printed under the headline was never read
    on HTML (only a meta tag's); a sentence that names one is no line of facts."""
    doc = cleaned(page(between))
    assert doc.metadata.reading_time == minutes
    assert (dict(doc.meta_sources).get("reading_time") == "html:byline") == (minutes is not None)


BLOG = """<html><head><meta charset="utf-8"><title>Walking to the White Lake - Anna's Trail Notes</title></head>
<body><div id="header"><h1 class="blog-title"><a href="/">Anna's Trail Notes</a></h1></div>
<div class="post"><h2 class="post-title">Walking to the White Lake</h2>
<div class="post-meta">{meta}</div>
<div class="post-body">
<p>We left the village at five in the morning to reach the lake before the crowds,
and the climb from the pass took about three hours at an easy pace.</p>
<p>The path is well marked but steep near the top, with a few metal ladders fixed to the rock;
nothing dangerous in dry weather, but good shoes matter.</p>
<p>At the lake we had the whole range to ourselves for almost an hour,
and the peaks stood in the still water as clearly as in the sky.</p>
</div></div></body></html>"""


@pytest.mark.parametrize(
    ("meta", "author", "date"),
    [
        ("Publié le 2 août 2023 par Anna Berg", "Anna Berg", "2023-08-02"),
        ("Posted on August 2, 2023 by Anna Berg", "Anna Berg", "2023-08-02"),
    ],
)
def test_a_byline_under_a_blogs_post_heading_names_the_author(meta, author, date):
    # New-user trial, stop 34: a blog's <h1> is its name and the post's title an <h2>; the
    # byline under that <h2> was never read (the head was looked for under an <h1> only)
    doc = clean(BLOG.format(meta=meta).encode(), html=True)
    assert (doc.metadata.title, doc.metadata.author, doc.metadata.date) == ("Walking to the White Lake", author, date)
    assert doc.text.startswith("We left the village")


def test_a_dated_line_of_facts_is_no_standfirst():
    # "Posted on <date>, by <name>, under <categories>." reads as a sentence, but is the post's
    # facts: it came back above the text as the standfirst (found measuring the change above)
    meta = "Posted on August 2, 2023, 9:58 am, by Anna Berg, under Hiking, Alps, Lakes, Summer."
    doc = clean(BLOG.format(meta=meta).encode(), html=True)
    assert doc.text.startswith("We left the village")


def ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    ("head", "author"),
    [
        # new-user trial of stop 35: a recipe page's JSON-LD named its author; trafilatura reads
        # an article's author only, and the author was null
        pytest.param(
            ld({"@type": "Recipe", "author": {"@type": "Person", "name": "Agnieszka Wróbel"}}),
            "Agnieszka Wróbel",
            id="recipe",
        ),
        pytest.param(
            ld({"@graph": [{"@type": "WebSite"}, {"@type": "HowTo", "author": "Ann Lee"}]}),
            "Ann Lee",
            id="how-to-in-graph",
        ),
        pytest.param(
            ld([{"@type": "Review", "author": [{"name": "Ann Lee"}, {"name": "Tom Hale"}]}]),
            "Ann Lee; Tom Hale",
            id="review-two-authors",
        ),
        pytest.param(
            ld({"@type": "Product", "review": {"@type": "Review", "author": "A Buyer"}}),
            None,
            id="a-products-review-is-no-author",
        ),
        pytest.param(
            ld({"@type": "Organization", "author": "Nobody"}) + '<script type="application/ld+json">{',
            None,
            id="no-work-and-broken-json",
        ),
    ],
)
def test_the_author_of_a_work_the_structured_data_describes(head: str, author: str | None):
    doc = cleaned(page(head=head))
    assert doc.metadata.author == author
    assert dict(doc.meta_sources).get("author") == ("html:json-ld-work" if author else None)


def test_an_author_elements_label_recased_is_no_part_of_the_name():
    """New-user trial of stop 38: an Italian byline element "di Elena Bianchi" under a
    standfirst gave "Di Elena Bianchi" (trafilatura recases the label; the standfirst, with
    "di" in its sentence, was taken for the element's block)."""
    between = (
        "<p class='standfirst'>Aveva 91 anni e i suoi violini suonano nelle orchestre di tutto il mondo</p>"
        "<div class='author-info'><span class='byline'>di Elena Bianchi</span></div>"
    )
    doc = cleaned(page(between))
    assert doc.metadata.author == "Elena Bianchi"


def test_a_related_cards_byline_element_gives_way_to_the_byline_under_the_headline():
    """Second attacker trial of stop 40: trafilatura read the author from a related card's
    byline element ("By Thomas Brandt"), while the article's own byline under the headline
    names someone else."""
    card = (
        "<div class='card'><h3><a href='/a'>Rail freight operators warn of a capacity crunch</a></h3>"
        "<p class='byline'>By Thomas Brandt</p></div>"
    )
    byline = "<div class='meta'><span>By Margaret Ellison</span> | <span>12 March 2024</span></div>"
    assert clean(page(between=byline, after=card), html=True).metadata.author == "Margaret Ellison"


def test_a_desks_credit_in_a_byline_element_names_no_author():
    """Second attacker trial of stop 54: <p class="byline">Staff Report</p> gave the author
    "Staff Report"."""
    from cleaner import clean as clean_page

    body = (
        "<p>High winds toppled trees and power lines across the county overnight, leaving homes without power.</p>"
        "<p>The utility said most customers should have power back by Thursday evening, and schools stayed shut.</p>"
    )
    page = '<html><body><article><h1>Storm cuts power</h1><p class="byline">{}</p>{}</article></body></html>'
    assert clean_page(page.format("Staff Report", body), html=True).metadata.author is None
    assert clean_page(page.format("By Jane Roe", body), html=True).metadata.author == "Jane Roe"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Updated", None),
        ("Last updated", None),
        ("February 9", None),
        ("Updated 2 February 2024", None),
        ("Published", None),
        ("By June Carter", "June Carter"),  # a month's name is a person's alone
        # a name's month beside a reading time (second attacker trial of stop 59)
        ("By April Ryan · 4 min read", "April Ryan"),
        ("By Jane Roe", "Jane Roe"),
    ],
)
def test_a_date_in_a_byline_element_names_no_author(byline: str, author: str | None):
    """Attacker trial of stop 59: <p class="byline">Updated 2 February 2024</p> gave the author
    "Updated" ("February 9", "Published", "Last updated" with other wording)."""
    from cleaner import clean as clean_page

    body = (
        "<p>Oil prices fell for a third straight day on Monday as traders worried about demand in China.</p>"
        "<p>Brent crude dropped 1.2 percent to 81.10 dollars a barrel, its lowest level since early February.</p>"
    )
    page = '<html><body><article><h1>Oil prices fall</h1><p class="byline">{}</p>{}</article></body></html>'
    assert clean_page(page.format(byline, body), html=True).metadata.author == author
