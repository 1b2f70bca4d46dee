import pytest

from cleaner.rules.drop_between import DropBetween

from .helpers import check_rule, option_issues

BOX = {"start": "^Sign up for The Morning Tide$", "end": "^Subscribe$"}

CASES = [
    pytest.param(
        "The ferry strike ended.\nSign up for The Morning Tide\n"
        "Your email address\nSubscribe\nUnions welcomed the deal.",
        BOX,
        "The ferry strike ended.\nUnions welcomed the deal.",
        None,
        id="newsletter-box-with-markers",
    ),
    pytest.param(
        "The ferry strike ended.\nUnions welcomed the deal.\nSubscribe",
        BOX,
        "The ferry strike ended.\nUnions welcomed the deal.\nSubscribe",
        None,
        id="no-start-keeps-everything",
    ),
    pytest.param(
        "The ferry strike ended.\nSign up for The Morning Tide\nUnions welcomed the deal.\nTalks resume in June.",
        BOX,
        "The ferry strike ended.\nSign up for The Morning Tide\nUnions welcomed the deal.\nTalks resume in June.",
        None,
        id="unclosed-start-drops-nothing",
    ),
    pytest.param(
        "Intro.\nSign up for The Morning Tide\nSubscribe\nMiddle.\n"
        "Sign up for The Morning Tide\nEmail\nSubscribe\nEnd.",
        BOX,
        "Intro.\nMiddle.\nEnd.",
        None,
        id="two-boxes",
    ),
    pytest.param(
        "Intro.\nSign up for The Morning Tide\nSubscribe\nMiddle.\nSign up for The Morning Tide\nRest of article.",
        BOX,
        "Intro.\nMiddle.\nSign up for The Morning Tide\nRest of article.",
        None,
        id="closed-box-then-unclosed-start",
    ),
    pytest.param(
        "Subscribe\nIntro.\nSign up for The Morning Tide\nSubscribe\nEnd.",
        BOX,
        "Subscribe\nIntro.\nEnd.",
        None,
        id="end-before-start-ignored",
    ),
    pytest.param(
        "  Leave a Reply \nYour name\n\nComment\n\n Post Comment",
        {"start": "^Leave a Reply$", "end": "^Post Comment$"},
        "",
        None,
        id="stripped-markers-first-to-last-line-with-blanks",
    ),
    # of two starts before an end, the later begins the block: a start-like line above a box
    # (a WordPress post's date line above a comment's) is not taken with it (attacker trial of stop 47)
    pytest.param(
        "Intro.\n<<\nad one\n<<\nad two\n>>\nEnd.",
        {"start": "^<<$", "end": "^>>$"},
        "Intro.\n<<\nad one\nEnd.",
        None,
        id="second-start-inside-box",
    ),
    pytest.param(
        "Intro.\n-----\nPartner offer\n-----\nEnd.",
        {"start": "^-{3,}$", "end": "^-{3,}$"},
        "Intro.\nEnd.",
        None,
        id="same-delimiter-start-and-end",
    ),
]


@pytest.mark.parametrize(("text", "options", "kept", "meta"), CASES)
def test_drop_between(text, options, kept, meta):
    check_rule(DropBetween, text, options, kept, meta)


ISSUES = [
    pytest.param({"start": "^Leave a Reply$"}, ['missing key "end"'], id="missing-end"),
    pytest.param({}, ['missing key "start"', 'missing key "end"'], id="missing-both"),
    pytest.param(
        {"start": ["^a$", "^b$"], "end": "^c$"}, ["expected a regular expression (string), got array"], id="start-list"
    ),
    pytest.param({"start": "^a$", "end": "(?<name"}, ["bad regex: missing > at position 7"], id="bad-end-regex"),
    pytest.param(
        {"start": "^a$", "stop": "^b$"},
        ['unknown key "stop"', 'missing key "end"'],
        id="stop-instead-of-end",
    ),
    pytest.param(BOX, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_drop_between_options(raw, messages):
    assert option_issues(DropBetween, raw) == messages


def test_wordpress_comments_go_and_a_post_dated_like_them_stays():
    """Attacker trial of stop 47: a post's date line printed as WordPress prints a comment's
    ("March 3, 2024 at 9:15 am") started the comment rule's block, which took the whole post."""
    from cleaner import clean

    post = [
        "The library will open on Sundays from next month, the council said on Friday.",
        "Opening hours will be eleven to four, and the children's room will run a reading hour.",
    ]
    comment = ["Tom Hale", "March 4, 2024 at 8:02 pm", "Good news for families.", "Reply"]
    page = "\n".join(["Library to open on Sundays", "March 3, 2024 at 9:15 am", *post, *comment]) + "\n"
    doc = clean(page, profile="wordpress")
    assert all(line in doc.text for line in post)
    assert "Good news for families." not in doc.text
