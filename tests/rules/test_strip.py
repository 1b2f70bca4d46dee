import pytest

from cleaner.rules.strip import Strip

from .helpers import option_issues, page_hit

PAGE = (
    "<html><body><article><p>Text</p>"
    "<div class='related-links box'><ul class='related-links-list'><li>Other</li></ul></div>"
    "<aside id='newsletter'>Sign up</aside><p>More text</p><aside>Pull quote</aside></article></body></html>"
)

CASES = [
    pytest.param({"select": ".related-links"}, [("div.related-links.box", ".related-links")], id="css-class-token"),
    pytest.param(
        {"select": "//aside"}, [("aside#newsletter", "//aside"), ("aside", "//aside")], id="xpath-every-element"
    ),
    pytest.param(
        {"select": ["//ul", ".related-links"]},
        [("div.related-links.box", ".related-links")],
        id="inner-element-stripped-once-with-outer",
    ),
    pytest.param(
        {"select": ["#newsletter", "//aside[@id]"]}, [("aside#newsletter", "//aside[@id]")], id="same-element-twice"
    ),
    pytest.param({"select": ".share-bar"}, [], id="no-match"),
    pytest.param({"select": "//aside/@id"}, [], id="attribute-values-ignored"),
]


@pytest.mark.parametrize(("options", "stripped"), CASES)
def test_strip(options, stripped):
    hit = page_hit(Strip, PAGE, options)
    assert hit["strip"] == stripped
    assert hit["body"] == [] and hit["meta"] == {}


ISSUES = [
    pytest.param({}, ['missing key "select"'], id="missing"),
    pytest.param(
        {"select": ["//aside", 2]}, ["expected an XPath or CSS selector or a list of them, got array"], id="mixed"
    ),
    pytest.param({"select": "//aside[@id="}, ["bad XPath: Invalid expression"], id="bad-xpath"),
    pytest.param({"select": "aside::"}, ["bad CSS selector: Expected ident, got <EOF at 7>"], id="bad-css"),
    pytest.param({"select": ".a", "text": "b"}, ['unknown key "text"'], id="unknown-key"),
    pytest.param({"select": ".related-links"}, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_strip_options(raw, messages):
    assert option_issues(Strip, raw) == messages
