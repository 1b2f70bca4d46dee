import pytest

from cleaner.rules.drop_matching import DropMatching

from .helpers import check_rule, option_issues

CASES = [
    pytest.param(
        "12 views0 comments\nThe bridge reopens in May.\n1 view 1 comment",
        {"pattern": r"^\d+ views?\s*\d+ comments?$"},
        "The bridge reopens in May.",
        None,
        id="counters",
    ),
    pytest.param(
        "The bridge reopens in May.\nWork began in 2021.",
        {"pattern": r"^\d+ views?"},
        "The bridge reopens in May.\nWork began in 2021.",
        None,
        id="no-match-keeps-everything",
    ),
    pytest.param(
        "The bridge reopens in May.\nTo get our weekly digest, click here.\nWork began in 2021.",
        {"pattern": "click here"},
        "The bridge reopens in May.\nWork began in 2021.",
        None,
        id="unanchored-search-mid-line",
    ),
    pytest.param(
        "Share on Facebook\nPlease share this story with a friend who rides the ferry.\nClick to Share on X",
        {"pattern": "^Share on"},
        "Please share this story with a friend who rides the ferry.\nClick to Share on X",
        None,
        id="anchored-pattern-only-at-line-start",
    ),
    pytest.param(
        "   By Priya Nandakumar   \nThe bridge reopens in May.\n\tPhoto: Tom Welles ",
        {"pattern": [r"^By \p{Lu}\p{L}+ \p{Lu}\p{L}+$", r"^Photo: .+$"]},
        "The bridge reopens in May.",
        None,
        id="list-of-patterns-on-stripped-lines",
    ),
    pytest.param(
        "Advertisement\n\nThe bridge reopens in May.\n   \nAdvertisement",
        {"pattern": r"^\s*$|^Advertisement$"},
        "\nThe bridge reopens in May.\n   ",
        None,
        id="blank-lines-never-dropped",
    ),
    pytest.param(
        "Фото: Анна Смирнова\nThe bridge reopens in May.",
        {"pattern": r"^\p{L}+: \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$"},
        "The bridge reopens in May.",
        None,
        id="unicode-property-classes",
    ),
]


@pytest.mark.parametrize(("text", "options", "kept", "meta"), CASES)
def test_drop_matching(text, options, kept, meta):
    check_rule(DropMatching, text, options, kept, meta)


ISSUES = [
    pytest.param(
        {"patern": "^x$"}, ['unknown key "patern"; did you mean "pattern"?', 'missing key "pattern"'], id="typo-key"
    ),
    pytest.param({"pattern": "(views"}, ["bad regex: missing ) at position 6"], id="bad-regex"),
    pytest.param(
        {"pattern": ["^ok$", "[a-"]}, ["bad regex: unterminated character set at position 3"], id="bad-regex-in-list"
    ),
    pytest.param({"pattern": True}, ["expected a regular expression or a list of them, got boolean"], id="boolean"),
    pytest.param({"pattern": []}, ["expected at least one value, got an empty list"], id="empty-list"),
    pytest.param({"pattern": "x", "text": "y"}, ['unknown key "text"'], id="text-not-an-option"),
    pytest.param({"pattern": [r"^\d+ views?$", "^Share"]}, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_drop_matching_options(raw, messages):
    assert option_issues(DropMatching, raw) == messages
