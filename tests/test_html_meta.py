"""html_meta.page_metadata gives every field cleaner reports as trafilatura's extract_metadata does."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from tests.hostile.pages import article
from tests.trafilatura_meta import against_trafilatura

FIXTURES = sorted((Path(__file__).parent / "html").glob("*.html"))
PAGES = {
    "handle-author-and-categories-from-links": """<html><head><title>Storm Season | @harbournews</title>
<meta name="author" content="jroe"></head><body><h1>Storm Season</h1>
<div class="entry-meta"><a href="/category/weather/">Weather</a> <a href="/tag/storms/">Storms</a></div>
<p class="byline">By Jane Roe</p><p>The storm season began early this year, and the harbour closed twice.</p>
<footer><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></footer></body></html>""",
    "json-ld": """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
"headline": "Fleet Returns", "author": {"@type": "Person", "name": "Ana Ruiz"},
"datePublished": "2024-03-05", "publisher": {"@type": "Organization", "name": "Coast Daily"}}</script>
</head><body><p>The fleet returned on Tuesday with a full catch after a week at sea.</p></body></html>""",
}


@pytest.mark.parametrize(
    "html",
    [p.read_text(encoding="utf-8") for p in FIXTURES] + list(PAGES.values()),
    ids=[p.stem for p in FIXTURES] + list(PAGES),
)
def test_same_fields_as_trafilatura(html: str):
    ours, theirs = against_trafilatura(html)
    assert ours == theirs
    assert any(ours.values())  # the pages do carry metadata


def test_an_extractor_failing_gives_no_metadata_not_an_error(monkeypatch):
    # bare_extraction discards a page whose metadata extraction raises; the text survives here
    from cleaner.stages import html, html_meta

    def broken(tree):
        raise ValueError("odd page")

    monkeypatch.setattr(html_meta, "extract_title", broken)
    page = "<html><body><p>" + "The fleet sailed at dawn and came back with a full catch. " * 12 + "</p></body></html>"
    text, meta, _, _ = html.extract(page, None)
    assert text.startswith("The fleet sailed at dawn")
    assert meta["title"] is None and meta["author"] is None


def _dated_page(stamp: str) -> str:
    body = "".join(
        f"<p>{p}</p>"
        for p in [
            "The ferry timetable changes next week, with two extra crossings in the morning and one at night.",
            "The operator said the new boats would be faster, and that fares would stay the same until spring.",
        ]
    )
    return f"<html><head>{stamp}</head><body><article><h1>Ferry timetable changes</h1>{body}</article></body></html>"


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        pytest.param(
            '<time datetime="2023-11-07T16:20:00Z">7 November 2023</time>',
            "2023-11-07T16:20:00+00:00",
            id="time-element",
        ),
        pytest.param(
            '<meta property="article:published_time" content="2023-11-07T16:20:00+02:00">',
            "2023-11-07T16:20:00+02:00",
            id="published-time-meta",
        ),
        pytest.param('<time datetime="2023-11-07">7 November 2023</time>', "2023-11-07", id="date-only"),
    ],
)
def test_html_date_keeps_the_time_the_page_states(stamp: str, expected: str):
    assert clean(_dated_page(stamp), profile="none").metadata.date == expected


def test_an_html_date_after_the_day_of_the_run_is_kept():
    # htmldate's default latest date is today: the output would depend on the day it is made
    stamp = '<meta property="article:published_time" content="2090-01-15T08:45:00Z">'
    assert clean(_dated_page(stamp), profile="none").metadata.date == "2090-01-15T08:45:00+00:00"


def test_the_copied_order_is_for_the_installed_trafilatura():
    # the equality above is checked on the trafilatura the tests run with: MIRRORS names it
    import trafilatura

    from cleaner.stages import html_meta

    assert trafilatura.__version__.startswith(html_meta.MIRRORS + ".")
    assert html_meta.mirror_off() is None


def test_another_trafilatura_gets_its_own_extract_metadata(monkeypatch):
    import trafilatura

    from cleaner.explain import render
    from cleaner.stages import html_meta

    page = PAGES["handle-author-and-categories-from-links"]
    copied = clean(page)
    monkeypatch.setattr(trafilatura, "__version__", "2.9.0")
    html_meta.mirror_off.cache_clear()
    calls = []
    real = html_meta.extract_metadata
    monkeypatch.setattr(html_meta, "extract_metadata", lambda *a, **k: calls.append(1) or real(*a, **k))
    try:
        doc = clean(page)
    finally:
        monkeypatch.undo()
        html_meta.mirror_off.cache_clear()
    assert calls == [1]
    assert doc.metadata == copied.metadata  # the same page, read by trafilatura's own function
    note = "metadata by trafilatura's extract_metadata: trafilatura 2.9.0 is installed, cleaner copies 2.3's"
    assert f"html:{note}" in doc.steps
    assert f"html: {note}" in render(doc, color=False)


@pytest.mark.parametrize("href", ["https://ex.com/x ", "  https://ex.com/x  ", "\thttps://ex.com/x\n"])
def test_the_canonical_links_surrounding_spaces_are_no_part_of_the_url(href: str):
    """Attacker trial of stop 37: href="https://ex.com/x " gave the url "https://ex.com/x%20"."""
    page = (
        f'<html><head><title>T</title><link rel="canonical" href="{href}"></head><body><article>'
        "<h1>Headline here</h1><p>The article body has enough words to be kept as text in the output.</p>"
        "<p>A second paragraph with more words, so that the page reads as an article.</p></article></body></html>"
    )
    assert clean(page.encode(), html=True).metadata.url == "https://ex.com/x"


@pytest.mark.parametrize(
    ("title", "sitename"),
    [
        # new-user trial of stop 38: trafilatura takes a title part with any dot for the site's name
        ("Unemployment falls to 3.9% as hiring picks up | Economy Today", None),
        ("Nov. 5: Late Poll Gains for Obama | NYTimes.com", "NYTimes.com"),
    ],
)
def test_the_sitename_from_the_title_is_a_sites_address_not_the_headline(title: str, sitename: str | None):
    page = (
        f"<html><head><title>{title}</title></head><body><h1>Headline</h1>"
        "<p>The jobless rate fell again in March, the statistics office said on Friday morning.</p></body></html>"
    )
    assert clean(page, html=True, profile="none").metadata.sitename == sitename


@pytest.mark.parametrize(
    ("time", "date"),
    [
        # new-user trial of stop 38: htmldate reads English month names; the text path read these
        ("<time>22 gennaio 2024</time>", "2024-01-22"),
        ("<time>Barcelona, 1 de febrero de 2024 - 13:20 CET</time>", "2024-02-01T13:20:00+01:00"),
        ("<aside><time>22 gennaio 2024</time></aside>", None),  # a sidebar's, not the article's
        # Blogger's date heading (new-user trial of stop 39: no date)
        ("<h2 class='date-header'><span>martedì 16 gennaio 2024</span></h2>", "2024-01-16"),
    ],
)
def test_a_time_elements_date_in_words_is_read(time: str, date: str | None):
    page = (
        "<html><head><title>Addio al liutaio</title></head><body><h1>Addio al liutaio</h1>"
        f"<div class='meta'>{time}</div><p>È morto ieri a Cremona il maestro liutaio, aveva novantuno anni e lavorava "
        "ancora ogni giorno nella sua bottega in centro.</p></body></html>"
    )
    assert clean(page, html=True, profile="none").metadata.date == date


@pytest.mark.parametrize(
    ("printed", "date"),
    [
        # attacker trial of stop 51: htmldate read 4 May from a US page's April 5
        ('<p class="date">Posted 04/05/2024</p>', None),
        ('<p class="date">Posted 4-5-2024</p>', None),
        ('<p class="date">Posted 04/05/24</p>', None),  # a two-figure year too (attacker trial 2)
        # the page tells which reading, year first: that one, whichever htmldate took
        ('<p class="date">Posted 04/05/2024</p><time datetime="2024-04-05">April 5</time>', "2024-04-05"),
        ('<meta name="posted" content="2024-05-04"><p class="date">Posted 04/05/2024</p>', "2024-05-04"),
        ('<p class="date">Posted 14/05/2024</p>', "2024-05-14"),  # a day past 12 tells
        ('<p class="date">Posted 05/05/2024</p>', "2024-05-05"),  # the same either way
    ],
)
def test_a_date_in_figures_either_way_round_is_none_unless_the_page_tells(printed: str, date: str | None):
    page = (
        "<html><head><title>Council approves harbour plan</title></head><body><article>"
        f"<h1>Council approves harbour plan</h1>{printed}<p>The council approved the new harbour plan on "
        "Tuesday after a long debate about the cost of the works and the boats in the old port.</p>"
        "<p>The plan goes to the state for review, and work could begin next spring if money is found.</p>"
        "</article></body></html>"
    )
    assert clean(page, html=True, profile="none").metadata.date == date


def _post(categories: str, related: str = "", sidebar: str = "") -> str:
    link = "<a href='/{0}/' rel='category tag'>{1}</a>"
    own = ", ".join(link.format(c.lower(), c) for c in categories.split())
    others = "".join(f"<div class='related-post'>{link.format(c.lower(), c)}</div>" for c in related.split())
    side = "".join(f"<article><h2>Other</h2>{link.format(c.lower(), c)}</article>" for c in sidebar.split())
    body = "Den Sauerteig füttert ihr fünf Tage lang jeden Morgen mit Mehl und Wasser, bis er Blasen wirft."
    return (
        f"<html><head><title>Sauerteig ansetzen</title></head><body><aside>{side}</aside><article>"
        f"<h1>Sauerteig ansetzen</h1><p>{body}</p>{others}<footer class='entry-footer'>Kategorie: {own}</footer>"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "categories"),
    [
        # new-user trial of stop 40: rel="category tag" under "/grundlagen/" gave no category
        # (trafilatura reads links under /category/ only)
        (_post("Grundlagen"), ("Grundlagen",)),
        # attacker trial of stop 40: a sidebar's posts and a related-posts block are others'
        (_post("Grundlagen", sidebar="Finanzen"), ("Grundlagen",)),
        (_post("Grundlagen Brot", related="Krypto"), ("Grundlagen", "Brot")),
    ],
)
def test_wordpress_category_links_give_the_posts_categories_whatever_their_address(page, categories):
    assert clean(page, html=True, profile="none").metadata.categories == categories


@pytest.mark.parametrize(
    ("kicker", "gone"),
    [
        # two new-user trials (stops 39 and 40): the section label over the <h1> opened the text
        ("Science", True),
        ("Eat &amp; Drink", True),
        ("Premium", True),  # a badge: gone too, but no category (attacker trial of stop 40)
        ("Monday", False),  # a day, not a section
        ("Three things we learned this week", False),  # more words than a label
    ],
)
def test_a_section_label_above_the_headline_is_the_pages_head(kicker: str, gone: bool):
    page = (
        "<html><head><title>What the octopus knows</title></head><body><article>"
        f"<p class='section'>{kicker}</p><h1>What the octopus knows</h1>"
        "<p>The first time the octopus escaped, the keeper assumed the lid had been left open by accident.</p>"
        "<p>The second time the lid had been weighted with a brick, and the octopus had pushed it aside.</p>"
        "</article></body></html>"
    )
    doc = clean(page, html=True, profile="none")
    first = doc.text.splitlines()[0]
    assert (first != kicker.replace("&amp;", "&")) == gone
    assert doc.metadata.categories == ()


def test_an_authors_closing_vowel_sign_is_kept():
    """New-user trial of stop 52: <meta name="author" content="अनिल शर्मा"> gave "अनिल शर्म":
    trafilatura strips a name's trailing non-word characters, a vowel sign among them."""
    page = article().replace("</head>", '<meta name="author" content="अनिल शर्मा"></head>')
    assert clean(page, html=True).metadata.author == "अनिल शर्मा"
