"""The article's text from the page's structured data (cleaner.stages.html_jsonld): an app
shell, a page built in the browser whose HTML prints a caption and the author's bio only,
gives its JSON-LD articleBody; a page that prints its article keeps the extracted text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main
from cleaner.stages.html_jsonld import article_body, items

PARAGRAPHS = [
    f"The {subject} met on {day} to decide what to do about the {place}, which has been closed since the storm "
    f"in {month} and which the town's {n} fishing boats have had to do without."
    for n, (subject, place, day, month) in enumerate(
        [
            ("harbour board", "north quay", "Monday", "March"),
            ("town council", "old slipway", "Tuesday", "April"),
            ("ferry company", "fish market", "Wednesday", "May"),
            ("lifeboat crew", "sea wall", "Thursday", "June"),
            ("sailing club", "pier head", "Friday", "July"),
        ],
        start=12,
    )
]
CAPTION = "The north quay after the storm. Photo: Ann Lee"
BIO = "Ann Lee has written about the harbour for the Gazette since 2008 and lives in the town."


def ld(data) -> str:
    # "</" written "<\\/" as publishers write it: a "</script>" in the body would end the script
    text = json.dumps(data).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def page(head: str, body: str) -> bytes:
    return (
        f"<html><head><title>Quay to stay shut | Gazette</title>{head}</head><body>"
        f'<div id="app"><figure><img src="q.jpg"><figcaption>{CAPTION}</figcaption></figure>'
        f"{body}<div class='bio'><p>{BIO}</p></div></div></body></html>"
    ).encode()


def article(body, **fields) -> str:
    return ld(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Quay to stay shut", "articleBody": body}
        | fields
    )


def body_of(
    head: str, extracted: str = "", url: str | None = None, titles: tuple[str, ...] = ("Quay to stay shut | Gazette",)
) -> list[str] | None:
    from lxml.html import fromstring

    return article_body(list(items(fromstring(page(head, "")))), extracted, titles, url)


BODY = "\n".join(PARAGRAPHS)


def test_an_app_shells_article_comes_from_its_structured_data():
    doc = clean(page(article(BODY), ""), html=True)
    assert doc.text.strip().split("\n\n") == PARAGRAPHS
    assert BIO not in doc.text and CAPTION not in doc.text
    assert "html:json-ld" in doc.steps and "html:trafilatura" not in doc.steps
    assert doc.extracted_by == "json-ld"


def test_explain_says_the_text_came_from_the_structured_data(tmp_path):
    path = tmp_path / "shell.html"
    path.write_bytes(page(article(BODY), ""))
    result = CliRunner().invoke(main, ["explain", str(path)])
    assert result.exit_code == 0, result.output
    assert "main text by the page's structured data (its JSON-LD articleBody)" in result.output


def test_a_page_that_prints_its_article_keeps_the_extracted_text():
    """The same body in the page's paragraphs and its structured data: the extractors' text,
    with its paragraphs as the page prints them."""
    printed = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    doc = clean(page(article(" ".join(PARAGRAPHS)), f"<article>{printed}</article>"), html=True)
    assert doc.text.strip().split("\n\n") == PARAGRAPHS
    assert doc.extracted_by == "trafilatura"


def test_a_body_printed_in_one_line_by_trafilaturas_fallback_comes_in_paragraphs():
    assert body_of(article(BODY), extracted=" ".join(PARAGRAPHS)) == PARAGRAPHS


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "".join(f"<p>{p.replace('storm', '<em>storm</em>')}</p>" for p in PARAGRAPHS), PARAGRAPHS, id="markup"
        ),
        pytest.param("\n\n".join(p.replace("town's", "town&#39;s") for p in PARAGRAPHS), PARAGRAPHS, id="entities"),
        pytest.param("<br>".join(PARAGRAPHS), PARAGRAPHS, id="line-breaks"),
        # attacker trial of stop 41: what no reader sees went into the text
        pytest.param(
            "<p>"
            + "</p><p>".join(PARAGRAPHS)
            + "<script>trackPageview('quay');</script><style>.ad{display:none}</style>"
            + "<iframe>Your browser does not support iframes</iframe><noscript>Enable JavaScript</noscript></p>",
            PARAGRAPHS,
            id="scripts-and-frames",
        ),
        # a body wrapped at a fixed width: its paragraphs at the blank lines
        pytest.param(
            "\n\n".join(p[:60] + "\n" + p[60:] for p in PARAGRAPHS),
            [p[:60] + " " + p[60:] if p[60] != " " else p for p in PARAGRAPHS],
            id="hard-wrapped",
        ),
    ],
)
def test_the_bodys_paragraphs_as_its_markup_or_lines_give_them(body: str, expected: list[str]):
    assert body_of(article(body)) == [" ".join(p.split()) for p in expected]


RELATED = ("A rare orchid thought lost for sixty years was found again on the cliffs above the harbour. " * 12).strip()


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(article("Too short to be the article."), id="short"),
        pytest.param(article(BODY) + article("\n".join(reversed(PARAGRAPHS))), id="two-different-bodies"),
        pytest.param(ld({"@type": "NewsArticle", "articleBody": ["not", "a", "string"]}), id="not-a-string"),
        pytest.param('<script type="application/ld+json">{"articleBody": "broken', id="broken-json"),
        # attacker trial of stop 41: objects that are not this page's article
        pytest.param(
            ld(
                {
                    "@graph": [
                        {"@type": "WebPage"},
                        {"@type": "NewsArticle", "headline": "Orchid found", "articleBody": RELATED},
                    ]
                }
            ),
            id="a-related-storys-object",
        ),
        pytest.param(article(BODY, headline="Harbour news"), id="a-section-pages-lead-story"),
        pytest.param(ld({"@type": "Comment", "headline": "Quay to stay shut", "articleBody": BODY}), id="a-comment"),
        pytest.param(
            ld({"@type": "NewsArticle", "articleBody": BODY}) + article(RELATED, headline="Orchid found"),
            id="one-of-two-articles-naming-nothing",
        ),
        pytest.param(
            article("\n".join(["Subscribe now to read this article and every other story without limits."] * 8)),
            id="a-paywalls-promotion",
        ),
    ],
)
def test_no_body_from_structured_data_that_gives_no_one_article_of_this_page(head: str):
    assert body_of(head) is None
    assert clean(page(head, ""), html=True).extracted_by == "trafilatura"


def test_the_object_of_the_pages_address_is_its_article():
    head = article(BODY, headline="Quayside", url="https://gazette.example/news/quay?ref=rss")
    assert body_of(head, url="http://www.gazette.example/news/quay/") == PARAGRAPHS
    assert body_of(head, url="https://gazette.example/news/orchid") is None
    # a path on the page's site names its page too (second attacker trial of stop 41)
    assert (
        body_of(article(BODY, headline="Quayside", url="/news/quay"), url="https://gazette.example/news/quay")
        == PARAGRAPHS
    )
    titles = ("Quay to stay shut | Gazette",)
    relative_other = article(BODY, url="/news/orchid")
    assert body_of(relative_other, url="https://gazette.example/news/quay", titles=titles) is None


def test_a_brief_keeps_its_printed_text_beside_a_related_storys_object():
    """Attacker trial of stop 41: a printed two-line brief gave way to the related story's
    body in the page's @graph."""
    brief = "<article><h1>Bridge shut</h1><p>Police closed the harbour bridge on Monday after a crash.</p></article>"
    head = ld({"@graph": [{"@type": "NewsArticle", "headline": "Orchid found", "articleBody": RELATED}]})
    doc = clean(page(head, brief), html=True)
    assert "Police closed the harbour bridge" in doc.text and "orchid" not in doc.text


def test_the_structured_data_is_read_under_target_language_never():
    """--target-language decides by the page's language: a body from the structured data
    (in whatever language) does not bypass it (attacker trial of stop 41)."""
    pytest.importorskip("py3langid")
    assert clean(page(article(BODY), ""), html=True, target_language="de").extracted_by == "trafilatura"


def test_the_same_body_twice_or_with_its_teaser_is_one_article():
    """A page's JSON-LD and its @graph often repeat the article's object; a second object
    may hold its teaser."""
    head = article(BODY) + ld(
        {"@graph": [{"@type": "WebPage"}, {"@type": "Article", "headline": "Quay to stay shut", "articleBody": BODY}]}
    )
    assert body_of(head) == PARAGRAPHS
    assert body_of(article(BODY) + article(PARAGRAPHS[0][:80] + "...")) == PARAGRAPHS


def test_a_script_in_a_comment_or_cdata_wrapper_is_read():
    for before, after in (("<!--", "-->"), ("//<![CDATA[", "//]]>")):
        head = article(BODY).replace(">{", f">{before}{{", 1).replace("}</script>", f"}}{after}</script>")
        assert body_of(head) == PARAGRAPHS, before


def test_the_pages_only_article_naming_no_page_is_its_article():
    assert body_of(ld({"@type": "BlogPosting", "articleBody": BODY})) == PARAGRAPHS


def test_a_paywalls_promotion_printed_by_trafilaturas_fallback_gives_way_to_the_printed_teaser():
    """Attacker trial of stop 41: behind a paywall, the articleBody was a promotion ("Subscribe
    now to read ...") and came out in place of the teaser the page prints."""
    promo = " ".join(
        [
            "Subscribe now to read this story and every other one from our award-winning newsroom.",
            "Our journalism is funded by readers like you.",
            "Subscribe today for unlimited access, from 1 euro a month.",
        ]
        * 4
    )
    teaser = "<article><p>The harbour board met on Monday about the north quay.</p></article>"
    doc = clean(page(article(promo, isAccessibleForFree=False), teaser), html=True)
    assert "The harbour board met on Monday" in doc.text and "Subscribe" not in doc.text


def test_a_metered_sites_article_behind_its_paywall_is_its_article():
    """A metered site marks its real article isAccessibleForFree false too."""
    assert body_of(article(BODY, isAccessibleForFree="False")) == PARAGRAPHS


BODY_RULE = """[profile]
name = "gazette"
hosts = ["gazette.example"]
generic = "full"

[[rules]]
kind = "body"
select = ["article"]
why = "the article body"
"""


def test_a_site_profiles_body_rule_keeps_its_brief_beside_another_storys_body(tmp_path):
    """Attacker trial of stop 41: the body rule chose the <article> of a one-line brief, and
    trafilatura's last fallback, reading the page's head that the rule's page keeps, printed
    a related story's articleBody in its place."""
    from cleaner import load_profiles

    (tmp_path / "gazette.toml").write_text(BODY_RULE, encoding="utf-8")
    brief = "<article><h1>Bridge shut</h1><p>Police closed the harbour bridge on Monday after a crash.</p></article>"
    head = ld({"@type": "NewsArticle", "headline": "Orchid found", "articleBody": RELATED})
    doc = clean(page(head, brief), html=True, url="https://gazette.example/bridge", profiles=load_profiles([tmp_path]))
    assert doc.body_rule is not None
    assert "Police closed the harbour bridge" in doc.text and "orchid" not in doc.text


def test_an_object_with_another_pages_address_is_not_this_pages_whatever_its_headline():
    """Second attacker trial of stop 41: a related story's headline that opens with the page's
    title ("Quay to stay shut: what we know"), its url another page's, replaced a brief."""
    titles = ("Quay to stay shut | The Harbour Gazette", "Quay to stay shut")  # <title>, <h1>
    head = article(BODY, headline="Quay to stay shut", url="https://gazette.example/news/orchid")
    assert body_of(head, url="https://gazette.example/news/quay", titles=titles) is None
    assert body_of(article(BODY, headline="Quay to stay shut: what we know"), titles=titles) is None
    assert body_of(article(BODY, headline="The Harbour Gazette"), titles=titles) is None  # the site's name


def test_a_related_storys_body_beside_the_pages_own_teaser_gives_way_to_the_printed_brief():
    """Second attacker trial of stop 41: the page's own object (a teaser) and a related story's,
    both printed by trafilatura's fallback in place of the brief."""
    brief = "<article><h1>Quay to stay shut</h1><p>The harbour board closed the north quay on Monday.</p></article>"
    head = article("The harbour board closed the north quay ...") + ld(
        {"@type": "NewsArticle", "headline": "Orchid found", "articleBody": RELATED}
    )
    doc = clean(page(head, brief), html=True)
    assert "closed the north quay on Monday" in doc.text and "orchid" not in doc.text


@pytest.mark.parametrize(
    "headline", [["Quay to stay shut", "x"], {"@value": "Quay to stay shut"}], ids=["list", "object"]
)
def test_a_headline_given_as_a_list_or_an_object_is_read_as_text(headline):
    """Second attacker trial of stop 41: the title's checks crashed on it (internal error)."""
    html = (
        "<html><head><title>Quay to stay shut | Harbour Gazette</title>"
        '<link rel="canonical" href="https://gazette.example/quay">'
        + ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline})
        + "</head><body><main><article><h1>Quay to stay shut</h1><p>"
        + PARAGRAPHS[0]
        + "</p></article></main><footer>Harbour Gazette</footer></body></html>"
    )
    assert clean(html.encode(), html=True).metadata.title == "Quay to stay shut"


def test_json_nested_deeper_than_the_parser_goes_is_skipped():
    deep = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    doc = clean(page(deep + article(BODY), ""), html=True)
    assert doc.text.strip().split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize(
    "headline", [["Quay to stay shut", "x"], {"@value": "Quay to stay shut"}], ids=["list", "object"]
)
def test_the_page_metadata_holds_text_where_json_ld_gives_a_list_or_an_object(headline):
    from lxml.html import fromstring

    from cleaner.stages.html import DATE_PARAMS
    from cleaner.stages.html_meta import page_metadata

    tree = fromstring(page(ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline}), ""))
    assert page_metadata(tree, None, DATE_PARAMS).title == "Quay to stay shut"
