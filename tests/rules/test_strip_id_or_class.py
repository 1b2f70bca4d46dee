import pytest

from cleaner.rules.strip_id_or_class import StripIdOrClass

from .helpers import option_issues, page_hit

PAGE = (
    "<html><body><article><p>Text</p><div class='share-bar'><a>Share</a></div>"
    "<div id='social-share'><span class='share'>x</span></div><p class='lead'>Lead</p>"
    '<div class="it\'s">Quote</div></article></body></html>'
)

CASES = [
    pytest.param(
        {"text": "share"},
        [("div.share-bar", 'id or class contains "share"'), ("div#social-share", 'id or class contains "share"')],
        id="substring-of-id-or-class-outermost",
    ),
    pytest.param({"text": "lead"}, [("p.lead", 'id or class contains "lead"')], id="class"),
    pytest.param({"text": "it's"}, [("div.it's", 'id or class contains "it\'s"')], id="quote-in-string"),
    pytest.param({"text": "Share"}, [], id="case-sensitive"),
    pytest.param(
        {"text": ["lead", "social"]},
        [("div#social-share", 'id or class contains "social"'), ("p.lead", 'id or class contains "lead"')],
        id="several-in-page-order",
    ),
]


@pytest.mark.parametrize(("options", "stripped"), CASES)
def test_strip_id_or_class(options, stripped):
    hit = page_hit(StripIdOrClass, PAGE, options)
    assert hit["strip"] == stripped
    assert hit["body"] == [] and hit["meta"] == {}


ISSUES = [
    pytest.param({}, ['missing key "text"'], id="missing"),
    pytest.param({"text": ""}, ["expected non-empty strings, got an empty one"], id="empty"),
    pytest.param({"text": 1}, ["expected a string or a list of strings, got integer"], id="integer"),
    pytest.param({"text": "share"}, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_strip_id_or_class_options(raw, messages):
    assert option_issues(StripIdOrClass, raw) == messages
