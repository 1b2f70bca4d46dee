"""Above the body: which line is the headline, and the byline and date taken as metadata."""

from __future__ import annotations

import random

import pytest
import regex

from cleaner import clean
from cleaner.document import Line
from cleaner.heuristics import top
from cleaner.heuristics.alt_text import alt_text
from cleaner.heuristics.lines import describe
from cleaner.heuristics.top import reads_as_title

BODY = "The council voted on Monday to close the old bridge to cars after engineers found cracks in it."


def infos(*texts: str):
    return [describe(i, t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("above", "expected"),
    [
        pytest.param(
            ["Home", "Bridge closed after cracks found"], "Bridge closed after cracks found", id="nearest-heading"
        ),
        pytest.param(
            ["Bridge closed after cracks found", "By Jane Roe", "March 3, 2021"],
            "Bridge closed after cracks found",
            id="skips-byline-and-date",
        ),
        pytest.param(
            ["Bridge closed after cracks found", "  * News"], "Bridge closed after cracks found", id="skips-bullets"
        ),
        pytest.param(["This line ends like a sentence, so it is no headline."], None, id="sentence"),
        pytest.param(["Home"], None, id="one-word"),
        pytest.param(["Home | News | Sport | Contact"], None, id="menu"),
    ],
)
def test_headline(above: list[str], expected: str | None):
    lines = infos(*above, BODY)
    labels = [None] * len(lines)
    found = top.headline(lines, labels, len(above))
    assert (lines[found].text if found is not None else None) == expected


@pytest.mark.parametrize(
    ("above", "expected"),
    [
        pytest.param(
            ["By Jane Roe", "March 3, 2021"],
            ("Jane Roe", "2021-03-03", {0: "byline", 1: "date"}),
            id="byline-then-date",
        ),
        pytest.param(["By Jane Roe | 3 March 2021"], ("Jane Roe", "2021-03-03", {0: "byline"}), id="byline-with-date"),
        pytest.param(["Posted on 2021-03-03 | 4 comments"], (None, "2021-03-03", {0: "date"}), id="facts-line"),
        pytest.param(["Bridge closed after cracks found"], (None, None, {}), id="nothing"),
        pytest.param(
            ["Veröffentlichung:", "2. Februar 2022"], (None, "2022-02-02", {0: "date", 1: "date"}), id="date-label"
        ),
        pytest.param(
            ["Published on:", "March 3, 2021"], (None, "2021-03-03", {0: "date", 1: "date"}), id="date-label-two-words"
        ),
        pytest.param(["What the council said:", "March 3, 2021"], (None, "2021-03-03", {1: "date"}), id="not-a-label"),
    ],
)
def test_metadata(above: list[str], expected):
    lines = infos(*above, BODY)
    assert top.metadata(lines, len(above), len(above)) == expected


NL_BODY = "De gemeente heeft op maandag besloten de oude brug voor auto's te sluiten, omdat er scheuren zijn."


@pytest.mark.parametrize(
    ("above", "body", "expected"),
    [
        # the usual Dutch byline, its "Door" capitalised at the start of the line (new-user
        # trial of stop 50: author null, the line kept); on a Dutch page only
        pytest.param(["Door Pieter de Vries"], NL_BODY, ("Pieter de Vries", None, {0: "byline"}), id="nl-page"),
        pytest.param(["Door County Sheriff Reports"], BODY, (None, None, {}), id="en-page-door-is-a-word"),
    ],
)
def test_a_capitalised_lower_case_byline_word_on_a_page_in_its_language(above: list[str], body: str, expected):
    lines = infos(*above, body)
    assert top.metadata(lines, len(above), len(above)) == expected


@pytest.mark.parametrize(
    ("below", "expected"),
    [
        pytest.param(["By Jane Roe"], ("Jane Roe", None, {1: "byline"}), id="byline-right-below"),
        pytest.param(
            ["Posted by Jane Roe | 3 March 2021 | Comment"], ("Jane Roe", "2021-03-03", {1: "byline"}), id="with-date"
        ),
        pytest.param(["By Raphaelle"], (None, None, {1: "byline"}), id="one-word"),
        pytest.param(
            ["Share this", "Comments", "Reply", "Like", "Posted by Tom Hale on March 4, 2021"],
            (None, None, {5: "byline"}),
            id="a-comment-further-down",
        ),
        pytest.param(
            ["Comments", "Posted by Tom Hale on March 4, 2024"], (None, None, {2: "byline"}), id="under-comments"
        ),
        pytest.param(["Related", "Bus fares to rise", "By Mark Lee"], (None, None, {3: "byline"}), id="a-teasers"),
        pytest.param(["By Jane Roe/Getty Images"], (None, None, {1: "byline"}), id="a-photo-credit"),
    ],
)
def test_a_byline_below_the_body_names_the_author_when_none_above_does(below: list[str], expected):
    """Attacker trial: a short article's byline printed after it went as metadata (author), and
    the author stayed null: the name was lost."""
    lines = infos(BODY, *below)
    assert top.metadata(lines, 0, 0) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # the region starts on the headline: decks between it and the byline (attacker trial, stop 32)
        pytest.param(
            [
                "Bridge closed after cracks found",
                "News",
                "Politics",
                "Bridge closed after cracks found",
                "Engineers found cracks in three of its piers",
                "By Jane Roe | July 9, 2024",
            ],
            ("Jane Roe", "2024-07-09"),
            id="below-decks",
        ),
        # a comments' list prints many bylines: none of them names the article's author
        pytest.param(
            [
                "Bridge closed after cracks found",
                "Maps",
                "Photos",
                "Video",
                "Audio",
                "by Jo Lee on Aug 9, 2024 reply",
                "ok",
                "by Al Roe on Aug 9, 2024 reply",
                "no",
                "by Bo Fox on Aug 9, 2024 reply",
                "yes",
            ],
            (None, None),
            id="comments",
        ),
        # a notice in the region's head is no prose: the byline below it still names the author
        # (new-user trial of stop 40: a review's region began on its affiliate notice)
        pytest.param(
            [
                "When you buy through links on our site, we may earn an affiliate commission.",
                "Home",
                "Audio",
                "Headphones",
                "Bridge closed after cracks found",
                "Engineers found cracks in three of its piers",
                "Jane Roe",
                "By Jane Roe",
                "Published July 9, 2024",
            ],
            ("Jane Roe", "2024-07-09"),
            id="below-a-notice",
        ),
        # below the first sentence of prose (and past the window) a byline is no longer the head's
        pytest.param(
            ["Bridge closed after cracks found", BODY, "More below.", "Maps", "Photos", "By Jane Roe"],
            (None, None),
            id="after-prose",
        ),
    ],
)
def test_a_byline_in_the_regions_head_above_its_prose_names_the_author(head: list[str], expected):
    lines = infos(*head, BODY)
    author, date, _ = top.metadata(lines, 0, len(lines) - 1)
    assert (author, date) == expected


def test_a_byline_above_the_body_wins_over_one_below():
    lines = infos("By Jane Roe", BODY, "By Tom Hale")
    assert top.metadata(lines, 1, 1)[0] == "Jane Roe"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Headline\n\nnetflix ai job $900k\n\n" + BODY, [2], id="lower-case-slug"),
        pytest.param("Headline\n\nA Capitalised Heading\n\n" + BODY, [], id="capitalised"),
        pytest.param(BODY + "\n\nlower case after the body", [], id="after-first-paragraph"),
        pytest.param("首页 | 新闻\n公园改造工程完工\n\n" + BODY, [], id="uncased-script-heading"),
        pytest.param(
            "老公园终于在本周一重新向市民开放，新公园增加了儿童游乐区。\n\nlower case", [], id="cjk-paragraph"
        ),
        pytest.param("Главная | Новости\nновый каток в парке\n\n" + BODY, [1], id="cased-non-latin"),
        # new-user trial: a lower-case date line ("мая") went as alt text and the date with it;
        # a listicle's headline in sentence case, a number first, left the page without a title
        pytest.param("Headline\n15 мая 2024, 12:40\n\n" + BODY, [], id="lower-case-date-line"),
        pytest.param("7 cheap tools every new homeowner should own\n\n" + BODY, [], id="listicle-headline"),
        pytest.param("Headline\n16 in\n3 weeks ago\n18 mos to 2 years old\n\n" + BODY, [1, 2, 3], id="number-labels"),
        # attacker trial of stop 47: a poem's lower-case lines went as alt text; with no paragraph
        # below, nothing is above the article, and a line broken at a comma is no alt text
        pytest.param("The Ferryman\nThe river does not ask your name,\nit takes the boat\nand goes", [], id="verse"),
        pytest.param("Headline\nwe ate, we slept,\n\nslug words here\n\n" + BODY, [3], id="mid-sentence-break"),
        pytest.param("Headline\nwe ate, we slept,\nand went home\n\n" + BODY, [], id="goes-on-from-above"),
        # a counter is named as one, not as alt text (new-user trial of stop 52: "5 min read")
        pytest.param("Headline\n5 min read\n\n" + BODY, [], id="reading-time-counter"),
    ],
)
def test_alt_text(text: str, expected: list[int]):
    lines = tuple(Line(n, t) for n, t in enumerate(text.split("\n"), 1))
    assert alt_text(lines) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Posted on 12 May 2022 by Oliver Grant",
        "By Oliver Grant on 12 May 2022",
        "12 May 2022 by Oliver Grant",
        "Published May 12, 09:40",
    ],
)
def test_bylines_and_datelines_never_read_as_titles(line: str):
    assert not top.reads_as_title(line)


def test_a_boilerplate_label_is_never_the_title():
    """Attacker trial of stop 47: with --no-heuristics, "Skip to main content" was the title. A
    line that only starts as a label ("back to ...") may be a headline."""
    assert not reads_as_title("Skip to main content")
    assert reads_as_title("Back to the Garden")
    page = "Skip to main content\nCouncil approves a bridge\n" + "The council voted for the new bridge today.\n"
    assert clean(page, profile="none", heuristics=False).metadata.title is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home Press Releases Industries Submit a Release Log in", False),
        ("Startseite Politik Wirtschaft Sport Anmelden", False),
        ("Home prices rise again in March", True),
        ("How to search for a new home", True),
    ],
)
def test_a_menu_printed_with_spaces_is_no_title(line: str, expected: bool):
    """A menu that opens and closes on navigation labels read as the page's heading, and the
    headline under it went as header (new-user trial of stop 51)."""
    assert reads_as_title(line) is expected


def test_a_short_pages_headline_under_a_menu_is_its_title():
    page = (
        "NewsWire Today\nHome Press Releases Industries Submit a Release Log in\n\n"
        "VoltaCore Announces Solid-State Battery Pilot Line in Nevada\nShare this release\n\n"
        "RENO, Nev., June 11, 2024 -- VoltaCore Inc., a developer of solid-state battery cells, today "
        "announced the opening of a pilot production line in Reno, Nevada.\n\n"
        "The 60,000-square-foot facility will produce up to 50 megawatt-hours of cells per year and employ "
        "about 120 people when fully staffed, the company said.\n"
    )
    doc = clean(page, profile="none")
    assert doc.metadata.title == "VoltaCore Announces Solid-State Battery Pilot Line in Nevada"
    assert "Log in" not in doc.text and "Share this release" not in doc.text
    assert doc.text.startswith("RENO, Nev.")


@pytest.mark.parametrize(
    "label",
    [
        "Published 07:32 GMT",
        "Posted on March 14 by Jane Roe",
        "14/03/2024 by Jane Roe",
        "Published today at 07:32",
    ],
)
def test_a_labelled_date_or_byline_line_nobody_can_read_is_never_the_title(label):
    # the headline above it stays the title, whether or not the date in the label can be read
    assert not reads_as_title(label)
    prose = "The central bank raised rates for the third time this year, citing persistent inflation in services."
    doc = clean(f"Central Bank Raises Rates Again\n{label}\n\n{prose}\n", profile="none")
    assert (doc.metadata.title, doc.text) == ("Central Bank Raises Rates Again", prose + "\n")


def test_a_long_headline_under_a_menu_is_the_title():
    # a headline of 50 characters or more read as prose-like, so the region started on it and
    # the menu above was taken for the headline: title null, menu kept (new-user trial)
    scrape = "\n".join(
        [
            "Home | News | Sport | Contact",
            "Subscribe to our newsletter",
            "",
            "Council votes to close the old bridge to cars after engineers find cracks",
            "",
            "By Ana Ruiz | April 21, 2024",
            "",
            BODY,
            "",
            "Share this article",
        ]
    )
    doc = clean(scrape)
    assert doc.metadata.title == "Council votes to close the old bridge to cars after engineers find cracks"
    assert doc.text == BODY + "\n"


@pytest.mark.parametrize("end", ["。", "，", "；", "：", "．", "、"])
def test_a_cjk_line_ending_a_sentence_or_clause_reads_as_no_title(end):
    """Attacker trial, stop 32: a CJK page's first sentence ("…开幕。") was taken as the title
    and so removed from the text."""
    assert not reads_as_title("十四届全国人大二次会议五日上午在人民大会堂开幕" + end)
    assert reads_as_title("十四届全国人大二次会议在京开幕")


def test_a_cjk_scrapes_first_sentence_stays_in_the_text():
    first = "十四届全国人大二次会议五日上午在人民大会堂开幕。"
    rest = "据介绍，此次会议将审议政府工作报告，代表们将围绕经济发展、民生保障等议题展开讨论并提出建议。"
    doc = clean(f"{first}\n\n{rest}\n\n{rest}\n")
    assert doc.metadata.title != first and first in doc.text


@pytest.mark.parametrize(
    ("facts", "field", "value"),
    [
        ("Reading time: 6 min", "reading_time", 6),
        ("Read time 6 minutes", "reading_time", 6),
        ("6-minute read", "reading_time", 6),
        ("Catégories : Desserts, Recettes de famille", "categories", ("Desserts", "Recettes de famille")),
        ("Schlagwörter: Brücken, Verkehr", "tags", ("Brücken", "Verkehr")),
    ],
)
def test_a_line_of_facts_under_the_byline_is_no_headline(facts, field, value):
    # New-user trial, stop 34: on a blog scrape "Reading time: 6 min" under the byline was
    # taken for the headline (the title), the real headline went as header and reading_time
    # stayed null; a categories line there left no title at all.
    paragraphs = [
        "For most of last winter the old swing bridge stayed shut to lorries, and the detour through the "
        "town centre became the one thing every resident had an opinion about.",
        "The council did not solve it with one grand scheme. It solved it with four modest steps, and the "
        "order in which they came turned out to matter.",
        "1. Count before you act",
        "Officers first counted the vehicles on every road into the centre for three months. Two junctions "
        "carried more than half of the diverted lorries, and both were slow for the same reason: a signal "
        "timed for cars.",
        "2. Fix the junctions",
        "The signals were retimed in February, and the queue at the market square fell from twenty minutes "
        "at its worst to about five, according to the council's own figures.",
        "3. Repair, do not replace",
        "Engineers then proposed replacing the two cracked girders rather than the whole deck, which let the "
        "work fit into the summer when river traffic is lightest.",
        "4. Tell people what is happening",
        "Finally, the council posted the schedule at both ends of the bridge and online. Complaints to the "
        "town hall fell by half within a month.",
        "The bridge is due to reopen to all traffic in September, and the detour signs will come down the same week.",
        "If your town faces the same problem, start by counting. Everything else follows from knowing where "
        "the traffic goes.",
    ]
    scrape = [
        *("Riverside Notes — a blog about our town", "Menu", "Home", "Archive", "About", "RSS"),
        "How our town got its bridge back in nine months",
        "Posted on 12 February 2024 by Ana Ruiz",
        facts,
        *paragraphs,
        *("Share this:", "Twitter", "LinkedIn", "Like this:", "Like Loading...", "Related"),
        *("Ferry fares rise for the second time this year", "New cycle lane opens on the harbour road"),
        *("Leave a Reply", "Your email address will not be published. Required fields are marked *"),
        *("Comment *", "Name *", "Email *", "Website", "Post Comment", "Recent Posts"),
        *("Ferry fares rise for the second time this year", "Proudly powered by WordPress"),
    ]
    doc = clean("\n".join(scrape) + "\n")
    assert doc.metadata.title == "How our town got its bridge back in nine months"
    assert getattr(doc.metadata, field) == value
    assert doc.text == "\n".join(paragraphs) + "\n"


def test_a_rows_cells_are_read_as_the_row_pattern_reads_them():
    """Attacker trial of stop 55: the regex r"\\|\\s(.*)\\s\\|" fullmatched a 640 KB line of cells
    with no closing "|" in 27 s (quadratic); top._row_cells reads the same cells without it."""
    pattern = regex.compile(r"\|\s(.*)\s\|")
    rnd = random.Random(55)
    alphabet = ["|", " ", "a", "\t", "\\|", "\u00a0", "\n", "é"]
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 10)))
        found = pattern.fullmatch(text)
        assert top._row_cells(text) == (found[1] if found else None), repr(text)
    assert top.row_text("| KAILA DEVI FAIR |") == "KAILA DEVI FAIR"
    assert top.row_text("| a | b |") is None
    assert top.row_text("| a " * 200_000) == ("| a " * 200_000)
