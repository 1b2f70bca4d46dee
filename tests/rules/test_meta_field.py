import pytest

from cleaner.rules.meta_field import MetaField

from .helpers import check_rule, option_issues

BODY = "The library reopens on Monday.\nIt closed for repairs in 2023."

CASES = [
    pytest.param(
        "Library to reopen\nBy Jane Roe\n" + BODY,
        {"pattern": r"^By (?P<author>.+)$"},
        "Library to reopen\n" + BODY,
        {"author": "Jane Roe"},
        id="byline-author",
    ),
    pytest.param(
        "Library to reopen\n" + BODY,
        {"pattern": r"^By (?P<author>.+)$"},
        "Library to reopen\n" + BODY,
        {},
        id="no-match-nothing-set",
    ),
    pytest.param(
        "By Jane Roe\n" + BODY + "\nBy the way, entry is free.",
        {"pattern": r"^By (?P<author>.+)$"},
        BODY + "\nBy the way, entry is free.",
        {"author": "Jane Roe"},
        id="first-match-only",
    ),
    pytest.param(
        "Home\nLibrary to reopen\n\n  4 min read \n" + BODY,
        {"pattern": "^(?P<title>.+)$", "next": r"^\d+ min read$"},
        "Home\n\n  4 min read \n" + BODY,
        {"title": "Library to reopen"},
        id="next-neighbour-skips-blank-lines",
    ),
    pytest.param(
        "Library to reopen\n" + BODY + "\n4 min read",
        {"pattern": "^(?P<title>.+)$", "next": r"^\d+ min read$", "prev": "^Library to reopen$"},
        "Library to reopen\n" + BODY + "\n4 min read",
        {},
        id="next-and-prev-must-both-match",
    ),
    pytest.param(
        "Library to reopen",
        {"pattern": "^(?P<title>.+)$", "next": r"^\d+ min read$"},
        "Library to reopen",
        {},
        id="no-next-neighbour-on-last-line",
    ),
    pytest.param(
        "Library to reopen\nBy Jane Roe\n\nMarch 4, 2024\n" + BODY,
        {"pattern": r"^(?P<date>\p{L}+ \d{1,2}, \d{4})$", "prev": "^By "},
        "Library to reopen\nBy Jane Roe\n\n" + BODY,
        {"date": "March 4, 2024"},
        id="prev-neighbour",
    ),
    pytest.param(
        "Filed under: Local,  Culture , ,Libraries\n" + BODY,
        {"pattern": "^Filed under: (?P<categories>.+)$"},
        BODY,
        {"categories": ("Local", "Culture", "Libraries")},
        id="categories-split-and-stripped",
    ),
    pytest.param(
        BODY + "\nTags: books | city hall | repairs, 2023",
        {"pattern": "^Tags: (?P<tags>.+)$", "split": "|"},
        BODY,
        {"tags": ("books", "city hall", "repairs, 2023")},
        id="tags-custom-split",
    ),
    pytest.param(
        "By Jane Roe · 12 min read\n" + BODY,
        {"pattern": r"^By (?P<author>.+?) · (?P<reading_time>\d+) min read$"},
        BODY,
        {"author": "Jane Roe", "reading_time": 12},
        id="author-and-reading-time-int",
    ),
    pytest.param(
        "Reading time: twelve minutes\n" + BODY,
        {"pattern": r"^Reading time: (?P<reading_time>\w+) minutes$"},
        BODY,
        {},
        id="reading-time-not-a-number-omitted-line-still-dropped",
    ),
    pytest.param(
        "By Jane Roe\n" + BODY,
        {"pattern": r"^By (?P<author>.+?)(?: · (?P<reading_time>\d+) min read)?$"},
        BODY,
        {"author": "Jane Roe"},
        id="optional-group-absent-omitted",
    ),
    pytest.param(
        "Sitename: Harbour Gazette\n" + BODY,
        {"pattern": "^Sitename: (?P<sitename>.+)$", "keep_line": True},
        "Sitename: Harbour Gazette\n" + BODY,
        {"sitename": "Harbour Gazette"},
        id="keep-line",
    ),
    pytest.param(
        "⁵ min read\n" + BODY,
        {"pattern": r"^(?P<reading_time>\S+) min read$"},
        BODY,
        {},
        id="reading-time-superscript-digit",
    ),
    # attacker trial of stop 37: a url that is no page's address, a reading time of 23 digits
    pytest.param("URL javascript:alert(1)\n" + BODY, {"pattern": "^URL (?P<url>.+)$"}, BODY, {}, id="url-not-http"),
    pytest.param("URL https://exa mple.com/\n" + BODY, {"pattern": "^URL (?P<url>.+)$"}, BODY, {}, id="url-space"),
    pytest.param(
        "URL https://example.com/a\n" + BODY,
        {"pattern": "^URL (?P<url>.+)$"},
        BODY,
        {"url": "https://example.com/a"},
        id="url",
    ),
    pytest.param(
        "99999999999999999999999 min read\n" + BODY,
        {"pattern": r"^(?P<reading_time>\d+) min read$"},
        BODY,
        {},
        id="reading-time-absurd",
    ),
    pytest.param(
        "9" * 5000 + " min read\n" + BODY,
        {"pattern": r"^(?P<reading_time>\d+) min read$"},
        BODY,
        {},
        id="reading-time-past-ints-digits",
    ),
]


@pytest.mark.parametrize(("text", "options", "kept", "meta"), CASES)
def test_meta_field(text, options, kept, meta):
    check_rule(MetaField, text, options, kept, meta)


FIELDS = "title, author, date, sitename, url, categories, tags, reading_time"

ISSUES = [
    pytest.param(
        {"pattern": "^By (?P<autor>.+)$"}, ['unknown metadata field "autor"; did you mean "author"?'], id="group-typo"
    ),
    pytest.param(
        {"pattern": r"^(?P<summary>.+)$", "next": r"^\d+ min$"},
        ['unknown metadata field "summary"'],
        id="unknown-group-no-suggestion",
    ),
    pytest.param(
        {"pattern": r"^By (?P<author>.+) on (?P<dat>.+)$"},
        ['unknown metadata field "dat"; did you mean "date"?'],
        id="one-bad-group-of-two",
    ),
    pytest.param({"pattern": "^By (.+)$"}, [f"needs a named group (?P<field>...) for one of: {FIELDS}"], id="no-group"),
    pytest.param(
        {"pattern": "^(?P<title>.+)$", "next": "(?P<x"}, ["bad regex: missing > at position 5"], id="bad-next"
    ),
    pytest.param({"pattern": "^(?P<title>.+)$", "split": 1}, ["expected a string, got integer"], id="split-integer"),
    pytest.param(
        {"pattern": "^(?P<title>.+)$", "keep_lines": True},
        ['unknown key "keep_lines"; did you mean "keep_line"?'],
        id="typo-keep-line",
    ),
    pytest.param({"next": r"^\d+ min$"}, ['missing key "pattern"'], id="missing-pattern"),
    pytest.param({"pattern": "^Tags: (?P<tags>.+)$", "split": "|", "keep_line": True}, [], id="valid"),
]


@pytest.mark.parametrize(("raw", "messages"), ISSUES)
def test_meta_field_options(raw, messages):
    assert option_issues(MetaField, raw) == messages


def test_meta_field_empty_split_rejected():
    issues = option_issues(MetaField, {"pattern": "^Tags: (?P<tags>.+)$", "split": ""})
    assert issues, 'split = "" should be reported when the profile is loaded'
