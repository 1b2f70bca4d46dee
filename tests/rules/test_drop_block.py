import pytest

from cleaner.rules.drop_block import DropBlock

from .helpers import check_rule, option_issues

FIGURE = r"[^\n]+\n[^\n]{1,40}"  # a two-line block whose second line is short: alt text + caption

CASES = [
    pytest.param(
        "The harbour was quiet on Sunday.\n\nFishing boats moored at the east pier at dawn\nPhoto: J. Okafor\n\n"
        "By noon the first ferries had arrived.",
        {"pattern": FIGURE},
        "The harbour was quiet on Sunday.\n\n\nBy noon the first ferries had arrived.",
        None,
        id="figure-alt-text-and-caption",
    ),
    pytest.param(
        "The harbour was quiet on Sunday.\n\nBy noon the first ferries had arrived.",
        {"pattern": FIGURE},
        "The harbour was quiet on Sunday.\n\nBy noon the first ferries had arrived.",
        None,
        id="no-match-single-line-blocks",
    ),
    pytest.param(
        "Related: Ferry fares rise\nThe council approved the change on Monday after a long debate.\n\nEnd.",
        {"pattern": "Related: .*"},
        "Related: Ferry fares rise\nThe council approved the change on Monday after a long debate.\n\nEnd.",
        None,
        id="pattern-must-match-whole-block",
    ),
    pytest.param(
        "Body text.\n\n  Share  \n\tTweet \n\nMore body.",
        {"pattern": r"Share\nTweet"},
        "Body text.\n\n\nMore body.",
        None,
        id="lines-stripped-before-joining",
    ),
    pytest.param(
        "Body text.\n\nShare\n   \nTweet\n\nMore body.",
        {"pattern": r"Share\nTweet"},
        "Body text.\n\nShare\n   \nTweet\n\nMore body.",
        None,
        id="whitespace-only-line-separates-blocks",
    ),
    pytest.param(
        "Advertisement\n\nBody text.\n\nSponsored content\nPartner offer",
        {"pattern": ["Advertisement", r"Sponsored content\n.+"]},
        "\nBody text.\n",
        None,
        id="list-of-patterns-first-and-last-block",
    ),
    pytest.param(
        "Advertisement\nThe ferry timetable changes next week.\n\nAdvertisement",
        {"pattern": "Advertisement"},
        "Advertisement\nThe ferry timetable changes next week.\n",
        None,
        id="single-line-pattern-skips-longer-block",
    ),
]


@pytest.mark.parametrize(("text", "options", "kept", "meta"), CASES)
def test_drop_block(text, options, kept, meta):
    check_rule(DropBlock, text, options, kept, meta)


ISSUES = [
    pytest.param(
        {"pattern": "a{2,1}"}, ["bad regex: min repeat greater than max repeat at position 2"], id="bad-regex"
    ),
    pytest.param({}, ['missing key "pattern"'], id="missing-pattern"),
    pytest.param({"pattern": {"a": 1}}, ["expected a regular expression or a list of them, got table"], id="table"),
    pytest.param(
        {"patterns": FIGURE}, ['unknown key "patterns"; did you mean "pattern"?', 'missing key "pattern"'], id="plural"
    ),
    pytest.param({"pattern": FIGURE, "id": "figure", "why": "alt text"}, [], id="valid-with-common-keys"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_drop_block_options(raw, messages):
    assert option_issues(DropBlock, raw) == messages
