import pytest

from cleaner.rules.author import Author

from .helpers import option_issues, page_hit

PAGE = (
    '<html><head><title>Rates Rise | Example News</title><meta name="author" content="Ann Lee">'
    '<meta property="article:published_time" content="2024-03-01T09:00:00Z"></head><body>'
    '<h1 class="headline">  Rates\n  Rise </h1><p class="byline">By <a>Jane Roe</a></p>'
    '<time datetime="2024-03-02">2 March</time><p class="empty"> </p><p>Text</p></body></html>'
)

CASES = [
    pytest.param({"select": "h1.headline"}, {"author": "Rates Rise"}, "h1.headline", id="css-element-text-collapsed"),
    pytest.param(
        {"select": "//p[@class='byline']"}, {"author": "By Jane Roe"}, "//p[@class='byline']", id="xpath-text"
    ),
    pytest.param(
        {"select": '//meta[@name="author"]/@content'},
        {"author": "Ann Lee"},
        '//meta[@name="author"]/@content',
        id="attr",
    ),
    pytest.param({"select": ["p.empty", "time"]}, {"author": "2 March"}, "time", id="empty-text-skipped"),
    pytest.param(
        {"select": "string(//time/@datetime)"}, {"author": "2024-03-02"}, "string(//time/@datetime)", id="string"
    ),
    pytest.param({"select": [".missing", "//nav"]}, {}, None, id="no-match"),
]


@pytest.mark.parametrize(("options", "meta", "selector"), CASES)
def test_author(options, meta, selector):
    hit = page_hit(Author, PAGE, options)
    assert hit["meta"] == meta
    assert hit["selector"] == selector
    assert hit["body"] == [] and hit["strip"] == []


ISSUES = [
    pytest.param({}, ['missing key "select"'], id="missing"),
    pytest.param({"select": "//h1[", "why": "x"}, ["bad XPath: Invalid expression"], id="bad-xpath"),
    pytest.param({"pattern": "^By"}, ['unknown key "pattern"', 'missing key "select"'], id="not-a-line-rule"),
    pytest.param({"select": "h1"}, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_author_options(raw, messages):
    assert option_issues(Author, raw) == messages
