import pytest

from cleaner.rules.cut_before import CutBefore

from .helpers import check_rule, option_issues

HEADER = "Home\nNews\nLocal\nA volunteer sorts books. Photo: M. Duarte"
ARTICLE = "The library reopens on Monday.\nIt closed for repairs in 2023."
PLAYER = "Getting your audio player ready..."
PROSE = "The new bus lanes have cut journey times on the ring road by a quarter, the office says."

CASES = [
    # On a page with prose, the first marker above some of it (attacker trial of stop 50)
    pytest.param(
        PROSE + "\nStart\nRelated: the old bridge",
        {"text": "Start"},
        PROSE + "\nStart\nRelated: the old bridge",
        None,
        id="only-marker-below-all-prose-cuts-nothing",
    ),
    pytest.param(
        "Menu\nStart\n" + PROSE + "\nStart",
        {"text": "Start"},
        PROSE + "\nStart",
        None,
        id="marker-above-prose-wins-over-one-below",
    ),
    pytest.param(
        HEADER + "\n" + PLAYER + "\n" + ARTICLE,
        {"pattern": "^Getting your audio player ready"},
        ARTICLE,
        None,
        id="header-and-marker-dropped",
    ),
    pytest.param(
        HEADER + "\n" + PLAYER + "\n" + ARTICLE,
        {"pattern": "^Getting your audio player ready", "keep_marker": True},
        PLAYER + "\n" + ARTICLE,
        None,
        id="keep-marker",
    ),
    pytest.param(
        HEADER + "\n" + ARTICLE,
        {"pattern": "^Getting your audio player ready"},
        HEADER + "\n" + ARTICLE,
        None,
        id="marker-absent-keeps-everything",
    ),
    pytest.param(
        "Home\n\n   Listen to this article  \n\n" + ARTICLE,
        {"text": "Listen to this article"},
        "\n" + ARTICLE,
        None,
        id="stripped-marker-blank-lines-before-go",
    ),
    pytest.param(
        "Home\nStory continues\n" + ARTICLE + "\nStory continues\nMore text.",
        {"text": "Story continues"},
        ARTICLE + "\nStory continues\nMore text.",
        None,
        id="first-occurrence-only",
    ),
    pytest.param(
        "Home\nSkip to content\nMenu\nBreadcrumbs: News / Local\n" + ARTICLE,
        {"text": ["Breadcrumbs: News / Local", "Skip to content"]},
        "Menu\nBreadcrumbs: News / Local\n" + ARTICLE,
        None,
        id="first-of-several-texts",
    ),
    pytest.param(
        "Home\nPublished 3 March 2024\nBreadcrumbs: News\n" + ARTICLE,
        {"text": "Breadcrumbs: News", "pattern": r"^Published \d{1,2} \p{L}+ \d{4}$", "keep_marker": True},
        "Published 3 March 2024\nBreadcrumbs: News\n" + ARTICLE,
        None,
        id="text-and-pattern-first-wins",
    ),
    pytest.param(
        PLAYER + "\n" + ARTICLE,
        {"pattern": "^Getting your audio player ready", "keep_marker": True},
        PLAYER + "\n" + ARTICLE,
        None,
        id="keep-marker-on-first-line-drops-nothing",
    ),
    pytest.param(
        HEADER + "\n" + PLAYER,
        {"pattern": "^Getting your audio player ready"},
        "",
        None,
        id="marker-on-last-line-drops-all",
    ),
]


@pytest.mark.parametrize(("text", "options", "kept", "meta"), CASES)
def test_cut_before(text, options, kept, meta):
    check_rule(CutBefore, text, options, kept, meta)


ISSUES = [
    pytest.param({}, ['needs "text" or "pattern" to find the marker line'], id="no-text-no-pattern"),
    pytest.param({"keep_marker": False}, ['needs "text" or "pattern" to find the marker line'], id="only-keep-marker"),
    pytest.param({"pattren": "^Start"}, ['unknown key "pattren"; did you mean "pattern"?'], id="typo-pattern"),
    pytest.param({"text": "Start", "keep_marker": 1}, ["expected true or false, got integer"], id="keep-marker-int"),
    pytest.param(
        {"pattern": ["^Start", "^Begin[", "*x"]},
        ["bad regex: unterminated character set at position 7", "bad regex: nothing to repeat at position 0"],
        id="two-bad-regexes-in-list",
    ),
    pytest.param(
        {"text": ["Start", None]}, ["expected a string or a list of strings, got array"], id="list-non-string"
    ),
    pytest.param({"text": "Start", "keep_marker": True}, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_cut_before_options(raw, messages):
    assert option_issues(CutBefore, raw) == messages


@pytest.mark.parametrize("raw", [{"text": []}, {"text": [], "pattern": []}], ids=["empty-text", "empty-both"])
def test_cut_before_empty_marker_lists_rejected(raw):
    assert option_issues(CutBefore, raw), "a rule with no marker text or pattern should be reported"
