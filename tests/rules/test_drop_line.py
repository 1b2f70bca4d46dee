import pytest

from cleaner.rules.drop_line import DropLine

from .helpers import check_rule, option_issues

CASES = [
    pytest.param(
        "Scroll to Top\nMarkets rallied on Tuesday.\nAnalysts were surprised.",
        {"text": "Scroll to Top"},
        "Markets rallied on Tuesday.\nAnalysts were surprised.",
        None,
        id="single-text-first-line",
    ),
    pytest.param(
        "Markets rallied on Tuesday.\nAnalysts were surprised.",
        {"text": "Scroll to Top"},
        "Markets rallied on Tuesday.\nAnalysts were surprised.",
        None,
        id="no-match-keeps-everything",
    ),
    pytest.param(
        "   See More  \nThe council voted 7-2.\n\tSee More",
        {"text": "See More"},
        "The council voted 7-2.",
        None,
        id="surrounding-whitespace-ignored",
    ),
    pytest.param(
        "See More stories like this\nsee more\nThe council voted 7-2.",
        {"text": "See More"},
        "See More stories like this\nsee more\nThe council voted 7-2.",
        None,
        id="whole-line-and-case-must-match",
    ),
    # attacker trial of stop 36: "Share  this article" stayed, printed as the rule's text
    pytest.param(
        "See  More\nSee\tMore\nThe council voted 7-2.",
        {"text": "See   More"},
        "The council voted 7-2.",
        None,
        id="inner-spaces-as-the-output-prints-them",
    ),
    pytest.param(
        "top of page\nHarbour Lights Festival returns\nThe festival opens Friday.\nbottom of page",
        {"text": ["top of page", "bottom of page"]},
        "Harbour Lights Festival returns\nThe festival opens Friday.",
        None,
        id="list-of-texts-first-and-last-line",
    ),
    pytest.param(
        "First paragraph.\nAdvertisement\nSecond paragraph.\nAdvertisement\nThird paragraph.",
        {"text": "Advertisement"},
        "First paragraph.\nSecond paragraph.\nThird paragraph.",
        None,
        id="every-occurrence-dropped",
    ),
    pytest.param(
        "First paragraph.\n\nShare this:\n\nSecond paragraph.\n",
        {"text": "Share this:"},
        "First paragraph.\n\n\nSecond paragraph.\n",
        None,
        id="blank-lines-around-stay",
    ),
    pytest.param(
        "Advertisement",
        {"text": "Advertisement"},
        "",
        None,
        id="only-line-dropped",
    ),
]


@pytest.mark.parametrize(("text", "options", "kept", "meta"), CASES)
def test_drop_line(text, options, kept, meta):
    check_rule(DropLine, text, options, kept, meta)


ISSUES = [
    pytest.param({"txt": "See More"}, ['unknown key "txt"; did you mean "text"?', 'missing key "text"'], id="typo-key"),
    pytest.param({}, ['missing key "text"'], id="missing-text"),
    pytest.param({"text": 3}, ["expected a string or a list of strings, got integer"], id="integer"),
    pytest.param({"text": ["See More", 2]}, ["expected a string or a list of strings, got array"], id="mixed-list"),
    pytest.param({"text": []}, ["expected at least one value, got an empty list"], id="empty-list"),
    pytest.param({"text": "x", "wy": "nav"}, ['unknown key "wy"; did you mean "why"?'], id="typo-common-key"),
    pytest.param({"text": "See More"}, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_drop_line_options(raw, messages):
    assert option_issues(DropLine, raw) == messages
