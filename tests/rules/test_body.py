import pytest

from cleaner.rules.body import Body

from .helpers import option_issues, page_hit

PAGE = (
    "<html><body><div class='teaser'><p>Other story</p></div>"
    "<div id='main'><article class='post'><div itemprop='articleBody'><p>Text</p></div></article></div>"
    "<footer>About us</footer></body></html>"
)

CASES = [
    pytest.param({"select": '//div[@itemprop="articleBody"]'}, ["div"], '//div[@itemprop="articleBody"]', id="xpath"),
    pytest.param({"select": "article.post"}, ["article.post"], "article.post", id="css"),
    pytest.param({"select": [".story", "#main article"]}, ["article.post"], "#main article", id="first-that-matches"),
    pytest.param({"select": ["#main", "article.post"]}, ["div#main"], "#main", id="order-wins-over-specificity"),
    pytest.param({"select": ".story"}, [], None, id="no-match-trafilatura-chooses"),
    pytest.param({"select": "//p"}, ["p", "p"], "//p", id="several-elements-joined"),
    pytest.param({"select": "//div | //article"}, ["div.teaser", "div#main"], "//div | //article", id="nested-once"),
    pytest.param({"select": "//div/@id"}, [], None, id="attribute-is-no-body"),
]


@pytest.mark.parametrize(("options", "body", "selector"), CASES)
def test_body(options, body, selector):
    hit = page_hit(Body, PAGE, options)
    assert hit["body"] == body
    assert hit["selector"] == selector
    assert hit["strip"] == [] and hit["meta"] == {}


ISSUES = [
    pytest.param({}, ['missing key "select"'], id="missing"),
    pytest.param({"selct": "//a"}, ['unknown key "selct"; did you mean "select"?', 'missing key "select"'], id="typo"),
    pytest.param({"select": 3}, ["expected an XPath or CSS selector or a list of them, got integer"], id="integer"),
    pytest.param({"select": []}, ["expected at least one value, got an empty list"], id="empty-list"),
    pytest.param({"select": " "}, ["expected a selector, got an empty string"], id="empty-string"),
    pytest.param({"select": "//div["}, ["bad XPath: Invalid expression"], id="bad-xpath"),
    pytest.param({"select": "div[class"}, ["bad CSS selector: Operator expected, got <EOF at 9>"], id="bad-css"),
    pytest.param({"select": ["//article", "//div[@id=main"]}, ["bad XPath: Invalid predicate"], id="bad-second"),
    pytest.param({"select": ["//article", "div > p"]}, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_body_options(raw, messages):
    assert option_issues(Body, raw) == messages
