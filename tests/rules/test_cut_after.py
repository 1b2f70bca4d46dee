import pytest

from cleaner.rules.cut_after import CutAfter

from .helpers import check_rule, option_issues

ARTICLE = "The library reopens on Monday.\nIt closed for repairs in 2023."
PROSE = "The new bus lanes have cut journey times on the ring road by a quarter, the office says."

CASES = [
    pytest.param(
        ARTICLE + "\nRelated Articles\nCity budget passes\nNew bus routes announced",
        {"text": "Related Articles"},
        ARTICLE,
        None,
        id="related-articles-rail",
    ),
    pytest.param(ARTICLE, {"text": "Related Articles"}, ARTICLE, None, id="marker-absent-keeps-everything"),
    pytest.param(
        ARTICLE + "\nRelated Articles\nCity budget passes",
        {"text": "Related Articles", "keep_marker": True},
        ARTICLE + "\nRelated Articles",
        None,
        id="keep-marker",
    ),
    pytest.param(
        ARTICLE + "\n\n  Related Articles \n\nCity budget passes\n",
        {"text": "Related Articles"},
        ARTICLE + "\n",
        None,
        id="stripped-marker-blank-lines-after-go",
    ),
    pytest.param(
        "More Related Articles are listed below the map.\n" + ARTICLE + "\nRelated Articles\nCity budget passes",
        {"text": "Related Articles"},
        "More Related Articles are listed below the map.\n" + ARTICLE,
        None,
        id="text-must-equal-whole-line",
    ),
    pytest.param(
        ARTICLE + "\nShare this article\nLeave a comment\nRelated Articles\nCity budget passes",
        {"text": ["Related Articles", "Leave a comment"]},
        ARTICLE + "\nShare this article",
        None,
        id="first-of-several-texts",
    ),
    pytest.param(
        ARTICLE + "\nShare this post:\nFacebook\nX",
        {"pattern": r"^Share this (article|post):?$"},
        ARTICLE,
        None,
        id="pattern-marker",
    ),
    pytest.param(
        ARTICLE + "\nComments (4)\nRelated Articles\nCity budget passes",
        {"text": "Related Articles", "pattern": r"^Comments \(\d+\)$"},
        ARTICLE,
        None,
        id="text-and-pattern-first-wins",
    ),
    pytest.param(
        "Related Articles\n" + ARTICLE,
        {"text": "Related Articles"},
        "",
        None,
        id="marker-on-first-line-drops-all",
    ),
    pytest.param(
        ARTICLE + "\nRelated Articles",
        {"text": "Related Articles", "keep_marker": True},
        ARTICLE + "\nRelated Articles",
        None,
        id="keep-marker-on-last-line-drops-nothing",
    ),
    # On a page with prose (8+ words, a sentence's end), the first marker below some of it:
    # a footer's section name printed above the headline as the page's section took the
    # whole article (attacker trial of stop 50: a draft of `cleaner learn`)
    pytest.param(
        "Sidelines\nWhy the bus lanes matter\n" + PROSE + "\nFantasy\nSidelines\nAuthors",
        {"text": ["Fantasy", "Sidelines", "Authors"]},
        "Sidelines\nWhy the bus lanes matter\n" + PROSE,
        None,
        id="marker-above-all-prose-is-passed-over",
    ),
    pytest.param(
        "Sidelines\n" + PROSE,
        {"text": "Sidelines"},
        "Sidelines\n" + PROSE,
        None,
        id="only-marker-above-all-prose-cuts-nothing",
    ),
    # A marker with more prose below it than above, where a later marker has less: the article's
    # end is the later one (attacker trial of stop 55: a learned draft's cut at a share bar under
    # an unseen page's standfirst took its five paragraphs)
    pytest.param(
        PROSE + "\nShare this story\n" + PROSE + "\n" + PROSE + "\nShare this story\nOther story",
        {"text": "Share this story"},
        PROSE + "\nShare this story\n" + PROSE + "\n" + PROSE,
        None,
        id="marker-inside-the-article-passed-over-for-a-later-one",
    ),
    pytest.param(
        PROSE + "\nMore from the Post\nCouncil approves budget\n" + PROSE + "\n" + PROSE + "\nShare this story",
        {"text": ["Share this story", "More from the Post"]},
        PROSE + "\nMore from the Post\nCouncil approves budget\n" + PROSE + "\n" + PROSE,
        None,
        id="another-markers-box-under-the-standfirst-passed-over",
    ),
    # second attacker trial: under two paragraphs, comments and then a later marker
    pytest.param(
        PROSE + "\n" + PROSE + "\nLeave a comment\n" + PROSE + "\n" + PROSE + "\n" + PROSE + "\nRelated posts\nOther",
        {"text": ["Leave a comment", "Related posts"]},
        PROSE + "\n" + PROSE,
        None,
        id="comments-under-the-article-still-cut-at-their-heading",
    ),
    pytest.param(
        PROSE + "\n3 Comments\n" + PROSE + "\n" + PROSE,
        {"text": "3 Comments"},
        PROSE,
        None,
        id="a-comment-section-longer-than-the-article-still-cut-without-a-later-marker",
    ),
]


@pytest.mark.parametrize(("text", "options", "kept", "meta"), CASES)
def test_cut_after(text, options, kept, meta):
    check_rule(CutAfter, text, options, kept, meta)


ISSUES = [
    pytest.param({}, ['needs "text" or "pattern" to find the marker line'], id="no-text-no-pattern"),
    pytest.param({"keep_marker": True}, ['needs "text" or "pattern" to find the marker line'], id="only-keep-marker"),
    pytest.param({"txt": "Related Articles"}, ['unknown key "txt"; did you mean "text"?'], id="typo-text"),
    pytest.param(
        {"text": "Related Articles", "keep_markers": True},
        ['unknown key "keep_markers"; did you mean "keep_marker"?'],
        id="typo-keep-marker",
    ),
    pytest.param(
        {"text": "Related Articles", "keep_marker": "yes"},
        ["expected true or false, got string"],
        id="keep-marker-string",
    ),
    pytest.param({"pattern": "^Related ("}, ["bad regex: missing ) at position 10"], id="bad-regex"),
    pytest.param({"text": 5}, ["expected a string or a list of strings, got integer"], id="text-integer"),
    pytest.param({"text": "Related Articles", "pattern": "^Comments"}, [], id="valid-both"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_cut_after_options(raw, messages):
    assert option_issues(CutAfter, raw) == messages


@pytest.mark.parametrize("raw", [{"text": []}, {"text": [], "pattern": []}], ids=["empty-text", "empty-both"])
def test_cut_after_empty_marker_lists_rejected(raw):
    assert option_issues(CutAfter, raw), "a rule with no marker text or pattern should be reported"
