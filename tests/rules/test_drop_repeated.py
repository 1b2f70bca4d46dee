import pytest

from cleaner.rules.drop_repeated import DropRepeated

from .helpers import check_rule, option_issues

TOP = {"start": r"^Top picks for \p{L}+ \d{4}$"}

CASES = [
    pytest.param(
        "Body.\nTop picks for March 2024\nLantern Coin\nHarbor Token\nEnd.",
        TOP,
        "Body.\nTop picks for March 2024\nLantern Coin\nHarbor Token\nEnd.",
        None,
        id="printed-once-stays",
    ),
    pytest.param(
        "Body.\nTop picks for March 2024\nLantern Coin\nHarbor Token\n"
        "Top picks for March 2024\nLantern Coin\nHarbor Token\n"
        "Top picks for March 2024\nLantern Coin\nHarbor Token\n"
        "Top picks for March 2024\nLantern Coin\n\nEnd.",
        TOP,
        "Body.\n\nEnd.",
        None,
        id="three-copies-and-trailing-partial",
    ),
    pytest.param(
        "Body.\nTop picks for March 2024\nLantern Coin\nTop picks for March 2024\nLantern Coin\nEnd.",
        TOP,
        "Body.\nEnd.",
        None,
        id="two-exact-copies",
    ),
    pytest.param(
        "Body.\nLantern Coin\nLantern Coin\nEnd.",
        TOP,
        "Body.\nLantern Coin\nLantern Coin\nEnd.",
        None,
        id="no-start-keeps-everything",
    ),
    pytest.param(
        "Top picks for May 2024\nA\n\nTop picks for May 2024\nA\n\nTop picks for May 2024\nA\n\nEnd.",
        TOP,
        "End.",
        None,
        id="blank-line-inside-unit-first-line",
    ),
    pytest.param(
        "Top picks for May 2024\n  Lantern Coin\nTop picks for May 2024 \nLantern Coin\t\nEnd.",
        TOP,
        "End.",
        None,
        id="copies-compared-stripped",
    ),
    pytest.param(
        "Top picks for May 2024\nA\nTop picks for May 2024\nA\nBody.\n"
        "Top picks for June 2024\nB\nTop picks for June 2024\nB",
        TOP,
        "Body.",
        None,
        id="two-carousels-last-line",
    ),
    pytest.param(
        "Advertisement\nThe tide was high on Monday.\nBoats stayed in port.\nAdvertisement\nBy Tuesday it had calmed.",
        {"start": "^Advertisement$"},
        "Advertisement\nThe tide was high on Monday.\nBoats stayed in port.\nAdvertisement\nBy Tuesday it had calmed.",
        None,
        id="start-line-recurs-without-repeated-block",
    ),
]


@pytest.mark.parametrize(("text", "options", "kept", "meta"), CASES)
def test_drop_repeated(text, options, kept, meta):
    check_rule(DropRepeated, text, options, kept, meta)


ISSUES = [
    pytest.param({}, ['missing key "start"'], id="missing-start"),
    pytest.param({"strat": "^Top"}, ['unknown key "strat"; did you mean "start"?', 'missing key "start"'], id="typo"),
    pytest.param({"start": 1}, ["expected a regular expression (string), got integer"], id="integer"),
    pytest.param({"start": "^Top (picks"}, ["bad regex: missing ) at position 11"], id="bad-regex"),
    pytest.param({"start": "^Top", "end": "^End"}, ['unknown key "end"'], id="end-not-an-option"),
    pytest.param(TOP, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_drop_repeated_options(raw, messages):
    assert option_issues(DropRepeated, raw) == messages
