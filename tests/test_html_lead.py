"""The standfirst between the headline and the body, which trafilatura leaves out, comes back;
captions, bylines, share bars and teasers around it do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from trafilatura.utils import load_html

from cleaner import clean
from cleaner.stages.html_blocks import blocks, collapse, collapse_lines
from cleaner.stages.html_lead import lead
from cleaner.stages.html_title import headline

BODY = (
    "<p>The harbour reopened on Monday after three days of storms had kept the whole fishing fleet in port.</p>"
    "<p>Fishermen said that the catch was smaller than usual, "
    "but prices were high and the café on the quay was full.</p>"
    "<p>The harbour master expects the repairs to the northern pier to take until the end of the month.</p>"
)
LEAD = (
    "After three days of storms the fishing fleet is back at sea, and the town is counting what the wind has cost it."
)


def page(between: str, title: str = "Harbour Reopens") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Example News</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<div class='top'><h1>{title}</h1>{between}</div>"
        f"<main><article><div class='entry-content'>{BODY}</div></article></main>"
        f"<footer>Copyright 2024 Example News</footer></body></html>"
    )


def cleaned(html: str) -> str:
    return clean(html, html=True, profile="none").text


def test_standfirst_outside_the_article_is_kept_above_the_body():
    text = cleaned(page(f"<p class='standfirst'>{LEAD}</p>"))
    assert text.startswith(LEAD + "\n\nThe harbour reopened on Monday")


def test_the_standfirst_is_counted_on_the_document():
    doc = clean(page(f"<p class='standfirst'>{LEAD}</p>"), html=True, profile="none")
    assert (doc.extracted_by, doc.standfirst) == ("trafilatura", 1)
    assert "html:standfirst:1" in doc.steps  # the log says the same
    assert clean(page(""), html=True, profile="none").standfirst == 0


@pytest.mark.parametrize(
    "between",
    [
        pytest.param(f"<figure><img src='a.jpg'><figcaption>{LEAD}</figcaption></figure>", id="caption"),
        pytest.param(f"<div class='image-credit'>{LEAD}</div>", id="credit-class"),
        pytest.param(f"<aside>{LEAD}</aside>", id="aside"),
        pytest.param(f"<p><a href='/other'>{LEAD}</a></p>", id="link-teaser"),
        pytest.param("<p>By Jane Roe, Harbour Correspondent</p>", id="byline"),
        pytest.param("<p>Share this article on Facebook, Twitter and WhatsApp</p>", id="share"),
        pytest.param("<p>Monday 3 March 2024, 10:15</p>", id="date"),
        pytest.param(f"<p>Most read: {LEAD}</p>", id="most-read-teaser"),
        pytest.param(f"<div>Read more: {LEAD}</div>", id="read-more-teaser"),
        pytest.param(f"<p>Related: {LEAD}</p>", id="related-teaser"),
        pytest.param(f"<p>Read also: {LEAD}</p>", id="read-also-teaser"),
        pytest.param(f"<p>Related story: {LEAD}</p>", id="related-story-teaser"),
        pytest.param(f"<p>Popular now: {LEAD}</p>", id="popular-now-teaser"),
        pytest.param(f"<p>Editor's pick: {LEAD}</p>", id="editors-pick-teaser"),
    ],
)
def test_page_furniture_between_headline_and_body_is_not_a_lead(between: str):
    text = cleaned(page(between))
    assert text.startswith("The harbour reopened on Monday")
    assert LEAD not in text


def test_a_lead_with_a_colon_of_its_own_is_a_lead():
    """Only a label the phrase lists know makes a teaser: a standfirst may have a colon."""
    lead = "Analysis: " + LEAD
    assert cleaned(page(f"<p class='standfirst'>{lead}</p>")).startswith(lead + "\n\nThe harbour reopened")


def test_no_headline_no_lead():
    html = page(f"<p class='standfirst'>{LEAD}</p>").replace("<h1>Harbour Reopens</h1>", "")
    assert LEAD not in cleaned(html)


def test_lead_taken_once_when_trafilatura_has_it():
    html = page("").replace(BODY, f"<p>{LEAD}</p>{BODY}")
    assert cleaned(html).count(LEAD) == 1


@pytest.mark.parametrize("switch", ["--links", "--images"])
def test_a_first_paragraph_holding_link_syntax_is_printed_once(switch: str):
    """Attacker trial of stop 50: with --links or --images, a paragraph whose own words hold
    Markdown link syntax was not found in the text (compared without the syntax) and came
    back above itself as the standfirst."""
    from click.testing import CliRunner

    from cleaner.cli import main

    first = (
        "To link to a page in your post, write [the docs](https://example.com/docs) in its text, "
        "and the reader sees only the words between the brackets."
    )
    html = page("").replace(BODY, f"<p>{first}</p>{BODY}")
    result = CliRunner().invoke(main, ["clean", "-", switch], input=html)
    assert result.exit_code == 0 and result.stdout.count("in its text, and the reader sees") == 1, result.stdout


def test_lead_search_reads_only_what_follows_the_headline():
    tree = load_html(page(f"<p class='standfirst'>{LEAD}</p>"))
    h1 = next(tree.iter("h1"))
    after = [b.text for b in blocks(tree, after=h1)]
    assert after[0] == LEAD and "Home News" not in after and "Harbour Reopens" not in after
    assert [b.text for b in blocks(tree)][:2] == ["Home News", "Harbour Reopens"]


def test_lead_unit():
    tree = load_html(page(f"<p class='standfirst'>{LEAD}</p>"))
    extracted = BODY.replace("<p>", "").replace("</p>", "\n")
    assert lead(tree, extracted, headline(list(tree.iter("h1")), "Harbour Reopens")) == [LEAD]
    assert headline(list(tree.iter("h1")), "Another Title") is None and lead(tree, extracted, None) == []
    assert lead(tree, "", headline(list(tree.iter("h1")), "Harbour Reopens")) == []


def test_explain_says_where_the_first_line_came_from(tmp_path):
    from click.testing import CliRunner

    from cleaner.cli import main

    path = tmp_path / "page.html"
    path.write_text(page(f"<p class='standfirst'>{LEAD}</p>"), encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(path), "--profile", "none"])
    assert result.exit_code == 0, result.output
    assert "html: main text by trafilatura, plus 1 standfirst line it had left out, put first" in result.output


def test_headline_found_when_the_title_tag_adds_section_and_site():
    html = page(f"<p class='standfirst'>{LEAD}</p>").replace(
        "<title>Harbour Reopens | Example News</title>", "<title>Harbour Reopens / Local / example.com</title>"
    )
    tree = load_html(html)
    extracted = BODY.replace("<p>", "").replace("</p>", "\n")
    assert lead(tree, extracted, headline(list(tree.iter("h1")), "Harbour Reopens / Local / example.com")) == [LEAD]
    assert headline(list(tree.iter("h1")), "03.03.2024 | Harbour Reopens").text == "Harbour Reopens"
    assert headline(list(tree.iter("h1")), "Harbour") is None  # too short a part of the title to be its headline


def test_share_bar_and_caption_between_lead_and_body_do_not_hide_the_lead():
    """The body starts at the first prose block trafilatura kept (a caption it kept comes
    before); share links and furniture do not count towards how far above the lead may be."""
    share = "".join(f"<div class='share-item'><a href='/s{n}'>Network {n}</a></div>" for n in range(20))
    html = page(f"<p>{LEAD}</p><div>By Jane Roe</div>{share}").replace(
        "<div class='entry-content'>", "<div class='entry-content'><p>Photo: Jane Roe</p>"
    )
    tree = load_html(html)
    extracted = "Photo: Jane Roe\n" + BODY.replace("<p>", "").replace("</p>", "\n")
    assert lead(tree, extracted, headline(list(tree.iter("h1")), "Harbour Reopens")) == [LEAD]


def test_title_is_the_headline_without_what_the_page_head_adds():
    html = page(f"<p class='standfirst'>{LEAD}</p>").replace(
        "</title>", "</title><meta property='og:title' content='03.03.2024 | Harbour Reopens - Example News'>"
    )
    assert clean(html, html=True, profile="none").metadata.title == "Harbour Reopens"


@given(st.text(alphabet=st.sampled_from(["a", "é", " ", "\n", "\r", "\t", "\xa0", "\x1c", "\x85", "\u2028", "\u3000"])))
def test_collapse_lines_is_collapse(text: str):
    """The lead search collapses the whole extracted text a line at a time (memory on big
    pages): the same string as collapse gives."""
    assert collapse_lines(text) == collapse(text)


@pytest.mark.parametrize("switches", [{"images": True}, {"images": True, "links": True}])
def test_an_image_inside_the_first_paragraph_is_no_standfirst(switches):
    """With --images the first paragraph holds the image's Markdown; compared with its alt
    text in it, it was not found in the page and came again as a standfirst (attacker trial)."""
    first = "<p>The harbour reopened on Monday <img src='https://example.com/smile.png' alt='smile'> after three days"
    html = page("").replace("<p>The harbour reopened on Monday after three days", first)
    doc = clean(html, html=True, profile="none", **switches)
    assert doc.standfirst == 0
    assert doc.text.count("after three days of storms") == 1


def test_a_standfirst_split_by_a_br_comes_whole():
    # attacker trial: only the half after the <br> came back (the first ends in a comma and
    # alone is no sentence): article text lost with exit 0
    first, second = "After three days of storms the fishing fleet is back at sea,", "and the town counts the cost."
    text = cleaned(page(f"<p class='standfirst'>{first}<br>{second}</p>"))
    assert text.startswith(f"{first}\n\n{second}\n\nThe harbour reopened")


def test_lines_a_br_splits_are_one_group_and_other_blocks_are_not():
    tree = load_html("<div><p>One,<br>two<br/>three.</p><p>Four.</p>Five<div>Six</div></div>")
    assert [(b.text, b.broken) for b in blocks(tree)] == [
        ("One,", False),
        ("two", True),
        ("three.", True),
        ("Four.", False),
        ("Five", False),
        ("Six", False),
    ]


def widget_page(title_tag: str) -> str:
    """No title meta tag; the article's headline an <h2> without a class, a sidebar's widget
    heading whose class says "title" (which trafilatura's title search takes)."""
    return (
        f"<!DOCTYPE html><html><head><title>{title_tag}</title></head><body>"
        "<div id='sidebar'><h3 class='widget-title'>Newsletter subscription status</h3>"
        "<p>You are subscribed.</p></div>"
        "<main><article><h2><a href='/harbour'>Harbour Reopens After Three Days of Storms</a></h2>"
        f"{BODY}</article></main>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("title_tag", "title"),
    [
        pytest.param(
            "Harbour Reopens After Three Days of Storms | Example News",
            "Harbour Reopens After Three Days of Storms",
            id="headline-then-site",
        ),
        pytest.param(
            "Example News - Harbour Reopens After Three Days of Storms",
            "Harbour Reopens After Three Days of Storms",
            id="site-then-headline",
        ),
        pytest.param(
            "Harbour Reopens After Three Days of Storms | example.com",
            "Harbour Reopens After Three Days of Storms",
            id="domain",
        ),
    ],
)
def test_a_widget_heading_is_no_title_when_the_title_tag_names_the_article(title_tag: str, title: str):
    doc = clean(widget_page(title_tag), html=True, profile="none")
    assert doc.metadata.title == title
    assert dict(doc.meta_sources)["title"] == "html:title"


def test_the_title_stays_when_the_title_tag_cannot_say():
    # a <title> of the site's name alone: no headline part to take instead
    doc = clean(widget_page("Example News"), html=True, profile="none")
    assert doc.metadata.title == "Newsletter subscription status"


def test_a_title_sharing_words_with_the_title_tag_stays():
    html = widget_page("Subscription news | Example News")
    assert clean(html, html=True, profile="none").metadata.title == "Newsletter subscription status"


@pytest.mark.parametrize(
    ("title_tag", "site_h1"),
    [
        pytest.param(
            "Example News | Harbour Reopens After Three Days of Storms",
            "<h1 class='site-title'><a href='/'>Example News</a></h1>",
            id="logo-h1-site-first",
        ),
        pytest.param(
            "Harbour Reopens After Three Days of Storms - Business &amp; Finance - Example News",
            "<h1 class='section'>Business &amp; Finance</h1>",
            id="section-h1",
        ),
        pytest.param(
            "Example News :: Harbour Reopens After Three Days of Storms",
            "<h1 class='site-title'>Example News</h1>",
            id="double-colon",
        ),
        pytest.param(
            "Harbour Reopens After Three Days of Storms | The Northern Valley Evening Chronicle and Coastal Gazette",
            "<h1 class='logo'>The Northern Valley Evening Chronicle and Coastal Gazette</h1>",
            id="logo-longer-than-the-headline",
        ),
        pytest.param(
            "Harbour Reopens After Three Days of Storms - Northern Valley Business and Finance News Today - Example",
            "<h1 class='section'>Northern Valley Business and Finance News Today</h1>",
            id="section-longer-than-the-headline",
        ),
    ],
)
def test_a_logo_or_section_h1_before_the_articles_is_no_title(title_tag: str, site_h1: str):
    """Attacker trial: the site's or section's <h1>, a part of the <title> too, came first and
    was taken for the title."""
    html = (
        f"<!DOCTYPE html><html><head><title>{title_tag}</title></head><body><header>{site_h1}</header>"
        f"<main><article><h1>Harbour Reopens After Three Days of Storms</h1>{BODY}</article></main></body></html>"
    )
    doc = clean(html, html=True, profile="none")
    assert doc.metadata.title == "Harbour Reopens After Three Days of Storms"
    assert doc.text.startswith("The harbour reopened on Monday")


def test_a_standfirst_that_is_the_first_paragraph_cut_short_is_not_added():
    """Attacker trial: a teaser of the first paragraph, cut with a full stop, came back above
    the paragraph it copies (the lede nearly twice)."""
    first = BODY.split("</p>")[0].removeprefix("<p>")
    teaser = first[: first.index(" had kept")] + "."
    doc = clean(page(f"<p class='standfirst'>{teaser}</p>"), html=True, profile="none")
    assert doc.standfirst == 0
    assert doc.text.startswith("The harbour reopened on Monday after three days of storms had kept")


def test_the_pages_address_tells_the_sites_name_from_the_headline():
    """Attacker trial: with no <h1>, "the part of more words" took a long site name for the
    headline; the page's address spells the site's name."""
    title_tag = "Harbour Reopens | The Northern Valley Evening Chronicle and Gazette"
    headline = "<h2><a href='/harbour'>Harbour Reopens After Three Days of Storms</a></h2>"
    html = widget_page(title_tag).replace(headline, "")
    canonical = "<link rel='canonical' href='https://www.northernvalleychronicle.example/harbour'>"
    with_address = html.replace("</head>", canonical + "</head>")
    assert clean(with_address, html=True, profile="none").metadata.title == "Harbour Reopens"


def blog_page(title_tag: str, h1: str, canonical: str = "") -> str:
    """A blog's post page as common themes print it: the blog's name in the only <h1>, the
    post's title in an <h2>, no title meta tag."""
    link = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    return (
        f"<!DOCTYPE html><html><head><title>{title_tag}</title>{link}</head><body>"
        f"<div id='top'>{h1}<p>Notes on boats and weather</p></div>"
        "<div class='post'><h2><a href='https://harbour.example/blog/2024/03/harbour-reopens' rel='bookmark'>"
        f"Harbour Reopens After Three Days of Storms</a></h2>{BODY}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("title_tag", "h1", "canonical"),
    [
        pytest.param(
            "Harbour Reopens After Three Days of Storms « Tidal Notes",
            "<h1><a href='https://harbour.example/'>Tidal Notes</a></h1>",
            "",
            id="h1-links-the-root",
        ),
        pytest.param(
            "Tidal Notes: Harbour Reopens After Three Days of Storms",
            "<h1><a href='/'>Tidal Notes</a></h1>",
            "",
            id="colon-after-the-name",
        ),
        pytest.param(
            "Harbour Reopens After Three Days of Storms - Tidal Notes - A Blog About Boats",
            "<h1><a href='https://harbour.example/blog'>Tidal Notes – A Blog About Boats</a></h1>",
            "https://harbour.example/blog/2024/03/harbour-reopens",
            id="h1-links-the-blogs-front-page-dash-printed-otherwise",
        ),
        pytest.param(
            "Harbour Reopens After Three Days of Storms | Tidal Notes",
            "<h1 id='banner-header'>Tidal Notes</h1>",
            "",
            id="banner",
        ),
        pytest.param(
            "Tidal Notes » Blog Archive » Harbour Reopens After Three Days of Storms",
            "<h1><a href='https://harbour.example/'>Tidal Notes</a></h1>",
            "",
            id="a-section-between",
        ),
        pytest.param(
            "Harbour Reopens After Three Days of Storms",
            "<h1><a href='https://harbour.example/'>Tidal Notes</a></h1>",
            "",
            id="title-tag-without-the-blogs-name",
        ),
        pytest.param(
            "Tidal Notes: Harbour Reopens After Three Days of Storms",
            "<h1><a href='https://blogs.example/tidal_notes/' accesskey='1'>Tidal Notes</a></h1>",
            "",
            id="home-access-key",
        ),
    ],
)
def test_a_blogs_name_in_its_only_h1_is_no_title(title_tag: str, h1: str, canonical: str):
    """Dragnet train: trafilatura takes a page's only <h1>, which on many blogs prints the
    blog's name (a link to its front page), so every post was titled with the blog's name."""
    doc = clean(blog_page(title_tag, h1, canonical), html=True, profile="none")
    assert doc.metadata.title == "Harbour Reopens After Three Days of Storms"
    assert dict(doc.meta_sources)["title"] == "html:title"


@pytest.mark.parametrize(
    "h1",
    [
        pytest.param("<h1><a href='https://harbour.example/blog/2024/03/harbour-reopens'>{}</a></h1>", id="permalink"),
        pytest.param("<h1><a href='/harbour-reopens'>{}</a></h1>", id="one-part-permalink"),
        pytest.param("<h1>{}</h1>", id="no-link"),
    ],
)
def test_a_headline_h1_that_links_its_own_post_stays_the_title(h1: str):
    headline = "Harbour Reopens After Three Days of Storms"
    html = blog_page(
        f"{headline} « Tidal Notes", h1.format(headline), "https://harbour.example/blog/2024/03/harbour-reopens"
    )
    doc = clean(html, html=True, profile="none")
    assert doc.metadata.title == headline
    assert dict(doc.meta_sources)["title"] == "html:h1"


def test_a_one_part_title_tag_an_article_h1_prints_wins_over_a_reply_heading():
    """Dragnet train: a comment form's heading ("Leave a Reply Cancel reply", class "title")
    was the title of a page whose <title> and article <h1> print the headline."""
    headline = "Harbour Reopens After Three Days of Storms"
    html = (
        f"<!DOCTYPE html><html><head><title>{headline}</title></head><body>"
        f"<h1 id='logo'><a href='/'><img src='logo.png' alt='Tidal Notes'></a></h1>"
        f"<article><h1>{headline}</h1>{BODY}</article>"
        "<div id='respond'><h3 id='reply-title' class='comment-reply-title'>Leave a Reply "
        "<small><a href='#respond'>Cancel reply</a></small></h3></div></body></html>"
    )
    assert clean(html, html=True, profile="none").metadata.title == headline


def test_an_articles_h1_inside_the_pages_header_stays_the_title():
    """Some sites print the article's <h1> inside the page's <header> (a wiki's page title):
    that alone does not make it the site's name, nor the <title>'s other part the title."""
    headline = "Harbour Reopens After Three Days of Storms"
    html = (
        f"<!DOCTYPE html><html><head><title>{headline} - tidal</title></head><body>"
        f"<header><span><a href='/'>tidal</a>/ </span><h1>{headline}</h1></header>"
        f"<article>{BODY}</article></body></html>"
    )
    doc = clean(html, html=True, profile="none")
    assert doc.metadata.title == headline
