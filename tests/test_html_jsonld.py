"""The article's text from the page's structured data (cleaner.stages.html_jsonld): an app
shell, a page built in the browser whose HTML prints a caption and the author's bio only,
gives its JSON-LD articleBody; a page that prints its article keeps the extracted text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main
from cleaner.stages.html_jsonld import article_body

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
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def page(head: str, body: str) -> bytes:
    return (
        f"<html><head><title>Quay to stay shut | Gazette</title>{head}</head><body>"
        f'<div id="app"><figure><img src="q.jpg"><figcaption>{CAPTION}</figcaption></figure>'
        f"{body}<div class='bio'><p>{BIO}</p></div></div></body></html>"
    ).encode()


def article(body) -> str:
    return ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Quay", "articleBody": body})


def test_an_app_shells_article_comes_from_its_structured_data():
    doc = clean(page(article("\n".join(PARAGRAPHS)), ""), html=True)
    assert doc.text.strip().split("\n\n") == PARAGRAPHS
    assert BIO not in doc.text and CAPTION not in doc.text
    assert "html:json-ld" in doc.steps and "html:trafilatura" not in doc.steps
    assert doc.extracted_by == "json-ld"


def test_explain_says_the_text_came_from_the_structured_data(tmp_path):
    path = tmp_path / "shell.html"
    path.write_bytes(page(article("\n".join(PARAGRAPHS)), ""))
    result = CliRunner().invoke(main, ["explain", str(path)])
    assert result.exit_code == 0, result.output
    assert "main text by the page's structured data (its JSON-LD articleBody" in result.output


def test_a_page_that_prints_its_article_keeps_the_extracted_text():
    """The same body in the page's paragraphs and its structured data: the extractors' text,
    with its paragraphs as the page prints them."""
    printed = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    doc = clean(page(article(" ".join(PARAGRAPHS)), f"<article>{printed}</article>"), html=True)
    assert doc.text.strip().split("\n\n") == PARAGRAPHS
    assert doc.extracted_by == "trafilatura"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "".join(f"<p>{p.replace('storm', '<em>storm</em>')}</p>" for p in PARAGRAPHS),
            PARAGRAPHS,
            id="markup",
        ),
        pytest.param(
            "\n\n".join(p.replace("town's", "town&#39;s") for p in PARAGRAPHS),
            PARAGRAPHS,
            id="entities",
        ),
        pytest.param("<br>".join(PARAGRAPHS), PARAGRAPHS, id="line-breaks"),
    ],
)
def test_the_bodys_paragraphs_as_its_markup_or_lines_give_them(body: str, expected: list[str]):
    from lxml.html import fromstring

    assert article_body(fromstring(page(article(body), "")), "") == expected


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(article("Too short to be the article."), id="short"),
        pytest.param(
            article("\n".join(PARAGRAPHS)) + article("\n".join(reversed(PARAGRAPHS))), id="two-different-bodies"
        ),
        pytest.param(ld({"@type": "NewsArticle", "articleBody": ["not", "a", "string"]}), id="not-a-string"),
        pytest.param('<script type="application/ld+json">{"articleBody": "broken', id="broken-json"),
    ],
)
def test_no_body_from_structured_data_that_gives_no_one_article(head: str):
    from lxml.html import fromstring

    assert article_body(fromstring(page(head, "")), "") is None
    doc = clean(page(head, ""), html=True)
    assert doc.extracted_by == "trafilatura"


def test_the_same_body_twice_is_one_article():
    """A page's JSON-LD and its @graph often repeat the article's object."""
    from lxml.html import fromstring

    body = "\n".join(PARAGRAPHS)
    head = article(body) + ld({"@graph": [{"@type": "WebPage"}, {"@type": "Article", "articleBody": body}]})
    assert article_body(fromstring(page(head, "")), "") == PARAGRAPHS
