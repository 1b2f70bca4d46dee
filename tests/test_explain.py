"""`cleaner explain`: every input line, kept or removed with rule and why."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main
from cleaner.explain import rows
from tests.conftest import SEEDS

PAGE = (
    b"top of page\nHarbour Reopens Today\n\nThe harbour reopens today, and this article text is long enough.\n\n"
    b"6 views0 comments\n"
)


def test_rows_cover_every_input_line_once():
    for seed in SEEDS:
        doc = clean(seed.read_bytes())
        numbers = [r.no for r in rows(doc)]
        assert numbers == list(range(1, len(seed.read_text(encoding="utf-8").split("\n")) + 1))


def test_html_lines_are_shown_with_their_text():
    page = b"<html><body><article><p>The first paragraph of the article is here and it is long enough.</p>"
    page += (
        b"<p>The second paragraph follows it, and it is long enough to be prose as well.</p></article></body></html>"
    )
    result = CliRunner().invoke(main, ["explain", "-", "--format", "json"], input=page)
    lines = json.loads(result.stdout)["lines"]
    assert [(r["line"], r["text"][:20], r["kept"]) for r in lines] == [
        (1, "The first paragraph ", True),
        (2, "The second paragraph", True),
    ]


def test_plain_text_when_piped():
    result = CliRunner().invoke(main, ["explain", "-"], input=PAGE)
    assert result.exit_code == 0
    assert result.stdout == (
        "<stdin>\n"
        'profile wix: fingerprint "^top of page$"\n'
        "generic cleaning: full (no site profile matched)\n"
        "decoded as: utf-8\n"
        "unicode fixes: none\n"
        "title: Harbour Reopens Today  (from metadata:title)\n"
        "\n"
        "    ┌ wix#anchors (drop_line): Wix page anchors, not text\n"
        "1 - top of page\n"
        "    ┌ metadata:title (metadata): the headline is metadata (title), not body\n"
        "2 - Harbour Reopens Today\n"
        "3\n"
        "4   The harbour reopens today, and this article text is long enough.\n"
        "5\n"
        "    ┌ wix#counters (drop_matching): view, comment and like counters under the post\n"
        "6 - 6 views0 comments\n"  # no line 7: the last newline ends line 6 (new-user trial's phantom line)
        "\n"
        "3 lines removed by 3 rule matches; kept lines are shown normalised\n"
    )


def test_colour_on_a_terminal():
    result = CliRunner().invoke(main, ["explain", "-"], input=PAGE, color=True)
    assert "\x1b[31m1 - top of page\x1b[0m" in result.stdout


def test_json_for_tools():
    result = CliRunner().invoke(
        main,
        ["explain", "-", "--format", "json"],
        input=b"\xef\xbb\xbfcaf\xc3\x83\xc2\xa9 au lait is what we drink here every day.\n",
    )
    data = json.loads(result.stdout)
    assert data["steps"] == ["decode:utf-8 (BOM)", "ftfy:encode:latin-1", "ftfy:decode:utf-8"]
    assert data["lines"][0] == {"line": 1, "text": "café au lait is what we drink here every day.", "kept": True}


def test_shows_unicode_fixes_and_removal_reasons_for_a_seed():
    result = CliRunner().invoke(main, ["explain", str(SEEDS[1])])
    assert (
        'profile beincrypto: fingerprint "^In adherence to the Trust Project guidelines, BeInCrypto\\b"'
        in result.stdout
    )
    assert (
        "     ┌ beincrypto#top-projects (drop_repeated): 'Top crypto projects' promo carousel, printed once per slide\n"
        in result.stdout
    )
    assert "author: Harsh Notariya  (from beincrypto#author)" in result.stdout


def test_dates_show_the_printed_text_and_why_one_was_dropped():
    page = b"top of page\nHarbour Reopens Today\n\n%s\n\nThe article text is here and it is long enough.\n"
    kept = CliRunner().invoke(main, ["explain", "-"], input=page % b"Mar 3, 2024")
    assert 'date: 2024-03-03  (printed "Mar 3, 2024", from wix#date)\n' in kept.stdout
    dropped = CliRunner().invoke(main, ["explain", "-"], input=page % b"Mar 3")
    assert 'date: none  (printed "Mar 3"; dropped: no year, from wix#date)\n' in dropped.stdout
    data = json.loads(CliRunner().invoke(main, ["explain", "-", "--format", "json"], input=page % b"Mar 3").stdout)
    assert data["metadata"]["date"] is None
    assert (data["metadata_from"]["date"], data["metadata_notes"]) == (
        "wix#date",
        {"date": 'printed "Mar 3"; dropped: no year'},
    )


def test_json_says_where_each_generic_field_came_from_and_the_printed_date():
    page = (
        b"Night trains return to the coast line\n"
        b"By Maria Lindqvist | 9 September 2023, 21:10 CEST\n"
        b"The night train to the coast runs again from Friday, after a gap of eleven years, the operator said.\n"
        b"Tickets go on sale next week, and the first departures are already nearly full, it added on Monday.\n"
    )
    result = CliRunner().invoke(main, ["explain", "-", "--format", "json"], input=page)
    data = json.loads(result.stdout)
    assert data["metadata"]["date"] == "2023-09-09T21:10:00+02:00"
    assert data["metadata_from"] == {
        "author": "heuristic:byline",
        "date": "heuristic:byline",
        "title": "metadata:title",
    }
    assert data["metadata_notes"] == {"date": 'printed "9 September 2023, 21:10 CEST"'}
    text = CliRunner().invoke(main, ["explain", "-"], input=page).stdout
    assert 'date: 2023-09-09T21:10:00+02:00  (printed "9 September 2023, 21:10 CEST", from heuristic:byline)' in text


def test_explain_of_a_jsonl_file_says_how_to_explain_its_records(tmp_path):
    """Attacker trial of stop 36: `explain dump.jsonl` explained the file as one text scrape
    (its first record "removed by heuristic:header"), which clean never does."""
    source = tmp_path / "dump.jsonl"
    source.write_text(json.dumps({"text": "Hello there, one sentence."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(source)])
    assert result.exit_code == 2
    assert f"{source} is a JSONL file of records: --format html explains each of them" in result.stderr
    page = CliRunner().invoke(main, ["explain", str(source), "--format", "html"])
    assert page.exit_code == 0 and "Hello there, one sentence." in page.stdout


def test_the_generic_line_names_a_profiles_setting(tmp_path):
    """New-user trial of stop 40: a learned profile's generic = "page" was shown as "full"."""
    (tmp_path / "harbour.toml").write_text(
        '[profile]\nname = "harbour"\nfingerprints = ["^Harbour Reopens Today$"]\ngeneric = "page"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["explain", "-", "--profiles-dir", str(tmp_path)], input=PAGE)
    assert result.exit_code == 0, result.output
    assert 'generic cleaning: "page": judged on the whole page as with no profile (profile harbour)\n' in result.stdout


COMMENTED = (
    "\n\n".join(
        [
            "Harbour news",
            "Ferry fares rise again this summer",
            "Ferry fares will rise by a fifth in June, the port authority said on Monday after a long board meeting.",
            "The council will debate the rise next week, and residents are invited to speak at the town hall.",
            "Fishermen say the rise will hit them hardest, since they cross twice a day and pay the full fare.",
            "Comments",
            "by Jo Lee on Aug 9, 2024",
            "Outrageous.",
            "by Al Roe on Aug 9, 2024",
            "Fair enough.",
        ]
    )
    + "\n"
)


def test_a_readers_byline_below_the_comments_heading_names_no_author():
    """The bylines under "Comments" are readers': the first commenter was taken as the author of
    a short page (found writing the test below, stop 40)."""
    meta = clean(COMMENTED).metadata
    assert (meta.author, meta.date) == (None, None)


def test_explain_says_why_a_field_is_empty_when_bylines_went_as_metadata():
    """New-user trial of stop 40: a byline went as metadata, the author stayed null, and
    explain said nothing of it."""
    result = CliRunner().invoke(main, ["explain", "-"], input=COMMENTED)
    assert "author: none (2 bylines went as metadata, from line 13; none was read as the article's)\n" in result.stdout
