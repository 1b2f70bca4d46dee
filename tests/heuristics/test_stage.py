"""The heuristics end to end on invented pages: what goes, why, and the metadata.

The hand-written heuristics are the generic stage (the line model, tests/model, is not the
default yet), on text scrapes and on an extractor's text alike; their verdicts are also
features of the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean, pipeline
from cleaner.heuristics.apply import apply
from cleaner.heuristics.language import languages
from cleaner.model.features import CATEGORIES
from cleaner.stages import heuristics as generic


@pytest.fixture(autouse=True)
def heuristics_stage(monkeypatch):
    def stage(doc, ctx):
        return apply(doc) if ctx.heuristics else doc

    monkeypatch.setattr(pipeline, "STAGES", tuple(stage if s is generic.run else s for s in pipeline.STAGES))


P1 = (
    "The town council voted on Monday to close the old bridge to cars, "
    "after engineers found cracks in two of its supports."
)
P2 = (
    "Residents said the detour would add twenty minutes to their commute, "
    "and several shop owners worried about losing customers."
)
P3 = "The council expects repairs to take at least a year and has asked the regional government to help pay for them."

PAGE = f"""Skip to content
  * Home
  * News
  * Sport
  * Contact
Subscribe to our newsletter

Old bridge closed to cars after cracks found

By Jane Roe
March 3, 2021

{P1}

{P2}

Why it matters

{P3}

Share on Facebook
Share on Twitter
6 views
Related Articles
  * Council approves new budget for the coming year
  * Library to open on Sundays from next month
Leave a Reply
I think this is a shame, the bridge has been there for a hundred years and the council let it rot.
© 2021 Example Gazette. All rights reserved.
Privacy Policy
"""


def removed_by(doc, rule: str) -> list[str]:
    return [r.text.strip() for r in sorted(doc.removals, key=lambda r: r.lines) if r.rule == f"heuristic:{rule}"]


def test_the_body_stays_and_the_rest_goes():
    doc = clean(PAGE, profile="none")
    assert doc.text == f"{P1}\n\n{P2}\n\nWhy it matters\n\n{P3}\n"


def test_metadata_from_headline_byline_and_date_line():
    meta = clean(PAGE, profile="none").metadata
    assert (meta.title, meta.author, meta.date) == (
        "Old bridge closed to cars after cracks found",
        "Jane Roe",
        "2021-03-03",
    )


@pytest.mark.parametrize(
    ("rule", "texts"),
    [
        pytest.param(
            "navigation", ["Skip to content\n  * Home\n  * News", "* Contact", "Privacy Policy"], id="navigation"
        ),
        pytest.param("header", ["* Sport"], id="header-zone"),
        pytest.param("newsletter", ["Subscribe to our newsletter"], id="newsletter"),
        pytest.param("byline", ["By Jane Roe"], id="byline"),
        pytest.param("date", ["March 3, 2021"], id="date"),
        pytest.param("share", ["Share on Facebook\nShare on Twitter"], id="share"),
        pytest.param("counter", ["6 views"], id="counter"),
        pytest.param(
            "related",
            [
                "Related Articles\n  * Council approves new budget for the coming year\n"
                "  * Library to open on Sundays from next month"
            ],
            id="related-heading-and-its-list",
        ),
        pytest.param("comments", ["Leave a Reply"], id="comments"),
        pytest.param("copyright", ["© 2021 Example Gazette. All rights reserved."], id="copyright"),
    ],
)
def test_each_removal_names_its_heuristic(rule: str, texts: list[str]):
    assert removed_by(clean(PAGE, profile="none"), rule) == texts


def test_footer_zone_takes_what_is_after_the_end_of_the_article():
    footer = removed_by(clean(PAGE, profile="none"), "footer")
    assert footer == [
        "I think this is a shame, the bridge has been there for a hundred years and the council let it rot."
    ]


def test_a_related_box_inside_the_article_does_not_end_it():
    page = f"{P1}\n\n{P2}\n\nRelated\n  * Another story\n  * And another one\n\n{P3}\n"
    assert clean(page, profile="none").text == f"{P1}\n\n{P2}\n\n{P3}\n"


def test_several_read_more_links_start_a_teaser_list():
    teaser = "A short summary of another story that the site would like you to read next, with a link."
    page = f"{P1}\n\n{P2}\n\n{P3}\n\nOther story\n{teaser}\nRead more\nThird story\n{teaser}\nRead more\n"
    assert clean(page, profile="none").text == f"{P1}\n\n{P2}\n\n{P3}\n"


FERRY = (
    "The ferry company said on Monday that boats would again sail three times a day, after engineers "
    "finished strengthening the pier that was damaged in the January storms.",
    "Islanders had relied on a small water taxi for more than two months, and several shop owners said "
    "deliveries of fresh food had become slow and expensive.",
    "The harbour authority expects the first full summer timetable to start in May.",
)
HEADLINE = "Ferry service to the islands resumes after a winter of repairs on the old pier"


def test_a_heading_does_not_carry_the_lines_under_it_into_the_body():
    """A title-like line at the top of the body region (taken as the title afterwards) used
    to keep the section label under it; cleaning the output again took the label as header."""
    page = "Skip to content\n  * Home\n  * News\n  * Sport\n" + HEADLINE + "\nTransport\n" + "\n".join(FERRY)
    doc = clean(page, profile="none")
    assert (doc.metadata.title, doc.text) == (HEADLINE, "\n".join(FERRY) + "\n")
    assert clean(doc.text, profile="none").text == doc.text


def test_a_standfirst_under_the_headline_stays():
    standfirst = "Boats will sail three times a day again after two months without a ferry"
    page = f"  * Home\n  * News\n{HEADLINE}\n{standfirst}\nTransport\n" + "\n".join(FERRY)
    doc = clean(page, profile="none")
    assert (doc.metadata.title, doc.text) == (HEADLINE, "\n".join((standfirst, *FERRY)) + "\n")


@pytest.mark.parametrize("heading", ["What we know", "The short answer", "Why it matters"])
def test_a_headline_above_a_section_heading_is_the_title_and_the_heading_stays(heading):
    """Attacker trial of stop 45: on a short page of a headline, a section heading and
    paragraphs, the nearest heading-like line above the body (the section heading) was kept as
    the headline; the headline went as header and the heading as no title (the article uses
    none of its words): both lost. The headline is the nearest line the article's words name."""
    headline = "Island ferry to sail three times a day"
    page = "\n".join([headline, "", heading, *FERRY])
    doc = clean(page, profile="none")
    assert doc.metadata.title == headline
    assert doc.text == "\n".join([heading, *FERRY]) + "\n"
    assert not [r for r in doc.removals if r.rule == "heuristic:header"]


def test_the_nearest_heading_like_line_stays_the_headline_when_the_article_names_it():
    """A heading-like line above the headline (a kicker the article also names) is no reason
    to look past the headline."""
    headline = "Island ferry to sail three times a day"
    page = "\n".join(["News from the islands", "", headline, *FERRY])
    doc = clean(page, profile="none")
    assert doc.metadata.title == headline
    assert doc.text == "\n".join(FERRY) + "\n"


def test_no_heuristics_keeps_everything_but_the_headline():
    doc = clean(PAGE, profile="none", heuristics=False)
    assert not [r for r in doc.removals if r.rule.startswith("heuristic:")]
    assert "Share on Facebook" in doc.text and "Related Articles" in doc.text


def test_metadata_a_profile_gave_stays():
    from cleaner.document import Metadata
    from cleaner.heuristics import analyse
    from cleaner.stages.decode import split_lines

    verdict = analyse(split_lines(PAGE))
    assert verdict.author == "Jane Roe"
    kept = Metadata(author="Profile Author").fill(author=verdict.author, date=verdict.date)
    assert (kept.author, kept.date) == ("Profile Author", "2021-03-03")


# Attacker trial of stop 47: short news stories, exit 0 with article text lost
SHORT_STORY = [
    "Work starts in March.",
    "The project will cost two million.",
    "Most of the money comes from a grant.",
    "Residents will be consulted on the design.",
    "A public meeting is planned for February.",
]
HEAD = "Harbour Fees for 2024"
LEAD = "The council set the new mooring fees for the harbour on Monday night, after a long debate."
CHANGES = "What changes\n\n- Fishermen pay half.\n- Residents pay less.\n- Visitors pay more."
FEES = "| Boat | Fee |\n| --- | --- |\n| small | $400 |\n| large | $800 |"
CLOSE = "The fees take effect on July 1.\n"
PATCH = "The clerk wrote the rule into the harbour's booking system. Here is the whole function:"
TEASERS = "More from the harbour\nNew ferry sails in June\nCafe reopens on pier\n"
NAMING = "Cookie settings and consent banners have also cut the number of readers who can be shown adverts."


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(f"{P1}\n\nThe end.\n", f"{P1}\n\nThe end.\n", id="closing-sentence-after-body"),
        pytest.param(
            f"{P1}\n\n  * A first point\n  * A second point\n\n{P2}\n",
            f"{P1}\n\n- A first point\n- A second point\n\n{P2}\n",
            id="list-inside-body",
        ),
        pytest.param(f"{P1}\n\nAdvertisement\n\n{P2}\n", f"{P1}\n\n{P2}\n", id="label-inside-body"),
        pytest.param("", "", id="empty"),
        pytest.param("Home\nAbout\n", "", id="menu-only"),
        # at most three short sentences below the body were its close; the fourth and fifth went as footer
        pytest.param(
            "\n".join([P1, P2, *SHORT_STORY, "Share this article", "\u00a9 2024 Example Gazette"]) + "\n",
            "\n".join([P1, P2, *SHORT_STORY]) + "\n",
            id="short-sentences-close-the-story",
        ),
        # a sentence naming boilerplate ("cookie settings") between two paragraphs went as a cookie notice
        pytest.param(f"{P1}\n{NAMING}\n{P2}\n{P3}\n", f"{P1}\n{NAMING}\n{P2}\n{P3}\n", id="phrase-in-prose"),
        # at the body's edge it is a notice still, as on a page's cookie banner (a story's sentence
        # on cookies there goes too: telling it from a notice by whom it addresses kept Italian,
        # Dutch, Turkish and impersonal notices, second attacker trial of stop 60)
        pytest.param(f"{P1}\n{P2}\n{P3}\n{NAMING}\n", f"{P1}\n{P2}\n{P3}\n", id="phrase-at-the-edge"),
        # attacker trial of stop 53: the heading, list, table and closing sentence under a short
        # article's one paragraph went as footer
        pytest.param(
            f"{HEAD}\n\n{LEAD}\n\n{CHANGES}\n\n{CLOSE}", f"{LEAD}\n\n{CHANGES}\n\n{CLOSE}", id="list-after-the-body"
        ),
        pytest.param(
            f"{HEAD}\n\n{LEAD}\n\n{FEES}\n\n{CLOSE}", f"{LEAD}\n\n{FEES}\n\n{CLOSE}", id="table-after-the-body"
        ),
        # a teaser list (two headings in a row) and what follows a label still go
        pytest.param(f"{HEAD}\n\n{LEAD}\n\n{CLOSE}{TEASERS}", f"{LEAD}\n\n{CLOSE}", id="teasers-after-the-close"),
        # attacker trial of stop 54: a code block a colon introduces closing a short article
        pytest.param(
            f"{HEAD}\n\n{LEAD}\n\n{PATCH}\n\n    def fee(boat):\n        return 400 if boat.small else 800\n",
            f"{LEAD}\n\n{PATCH}\n\ndef fee(boat):\nreturn 400 if boat.small else 800\n",
            id="code-closing-the-article",
        ),
        pytest.param(
            f"{HEAD}\n\n{LEAD}\n\n{PATCH}\n\n    def fee(boat):\n\nShare this article\nFacebook\n",
            f"{LEAD}\n\n{PATCH}\n\ndef fee(boat):\n",
            id="a-share-bar-after-what-the-colon-introduces",
        ),
    ],
)
def test_small_pages(page: str, expected: str):
    assert clean(page, profile="none").text == expected


VERSE = [
    "The river does not ask your name,",
    "it takes the boat the way it came,",
    "and every oar that breaks the light",
    "goes back to water, back to night.",
]


def test_a_poems_lower_case_lines_stay():
    """Attacker trial of stop 47: three lines of a short poem went as image alt text."""
    page = "\n".join(["The Ferryman", "by Anna Reed", *VERSE, "Share this poem", "\u00a9 2024 Small Press"]) + "\n"
    text = clean(page, profile="none").text
    assert [line for line in VERSE if line not in text.splitlines()] == []


# Scripts that do not space their words: phrases only (a whole line each), no stop words
UNSPACED = {"ja", "zh", "ko"}
UNSPACED_FAMILIES = {"share", "related", "advertisement", "read-more", "navigation", "copyright", "comments"}


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_every_language_file_has_stop_words_and_the_phrase_families(lang):
    if lang.code in UNSPACED:
        assert not lang.stop_words and set(lang.phrases) >= UNSPACED_FAMILIES
        # whole lines only: a sentence is one "word" to the matcher, so "starts" and
        # "contains" would take prose; only a label's colon or a notice's own words
        for family, modes in lang.phrases.items():
            assert all(p.endswith((":", "：")) for p in modes.get("starts", ())), family
        return
    assert len(lang.stop_words) >= 100
    assert lang.byline and lang.months and lang.counters and lang.edge
    # the phrase categories the line model was trained with (a feature each)
    assert set(CATEGORIES) - {"counter"} <= set(lang.phrases)


def test_the_six_languages_are_shipped():
    assert {"en", "de", "es", "fr", "pl", "pt"} <= {lang.code for lang in languages()}


def test_extractor_output_loses_only_the_footer_zone_by_position():
    """HTML through trafilatura: the body is chosen already; a short line above it stays,
    the teaser rail after it goes, and a phrase-labelled line goes anywhere."""
    from cleaner.document import Line
    from cleaner.heuristics import analyse

    prose = [
        "The council approved the new budget on Tuesday after a long debate about road repairs in the centre.",
        "Residents said the changes would make the town centre much easier to reach by bicycle and on foot.",
        "The work starts in spring and should be finished before the summer holidays begin next year.",
    ]
    texts = [
        "Short line one",
        "Short line two",
        *prose,
        "Share on Facebook",
        "Teaser headline one",
        "Teaser headline two",
    ]
    lines = tuple(Line(n, t) for n, t in enumerate(texts, 1))
    extracted = analyse(lines, extracted=True).drop
    scraped = analyse(lines).drop
    assert extracted == {5: "share", 6: "footer", 7: "footer"}
    assert scraped[0] == "header" and {5, 6, 7} <= set(scraped)


def test_inline_see_also_box_does_not_end_an_extracted_article():
    """A "See also" box inside the article (its teaser headline and date) is not the end of
    an extractor's text when prose resumes after it; in a whole-page scrape it is, since
    there the look-ahead would reach into the site footer."""
    from cleaner.document import Line
    from cleaner.heuristics import analyse

    prose = [
        "The council approved the new budget on Tuesday after a long debate about road repairs in the centre.",
        "Residents said the changes would make the town centre much easier to reach by bicycle and on foot.",
        "The work starts in spring and should be finished before the summer holidays begin next year.",
    ]
    after = "The mayor said that the council would publish the full plan for the works on its website next week."
    texts = [*prose, "See also", "Bridge closed after the storm damaged its railings", "Monday 3 March 2024", after]
    lines = tuple(Line(n, t) for n, t in enumerate(texts, 1))
    extracted = analyse(lines, extracted=True).drop
    scraped = analyse(lines).drop
    assert 6 not in extracted and extracted[3] == "related"
    assert scraped[6] == "footer"


def test_prose_below_an_extracted_body_stays_unless_an_end_heading_comes_first():
    """An extractor's text: a paragraph after a rail of link lines is not boilerplate for where
    it stands (position alone); it is after a "Comments" heading, which names what follows.
    A whole-page scrape loses it either way, as the site's footer zone."""
    from cleaner.document import Line
    from cleaner.heuristics import analyse

    prose = [
        "The council approved the new budget on Tuesday after a long debate about road repairs in the centre.",
        "Residents said the changes would make the town centre much easier to reach by bicycle and on foot.",
        "The work starts in spring and should be finished before the summer holidays begin next year.",
    ]
    late = "The mayor added that the council would hold a public meeting about the works in the town hall next month."
    rail = [f"Regional football results {n}, weather updates, coast, hills, valleys, traffic news" for n in range(12)]
    footer = dict.fromkeys(range(3, 15), "footer")
    lines = tuple(Line(n, t) for n, t in enumerate([*prose, *rail, late], 1))
    assert analyse(lines, extracted=True).drop == footer
    assert analyse(lines).drop == {**footer, 15: "footer"}
    lines = tuple(Line(n, t) for n, t in enumerate([*prose, *rail, "Comments", late], 1))
    assert analyse(lines, extracted=True).drop == {**footer, 15: "comments", 16: "footer"}
    # a count of none heads no comments: a blog page's next post may follow it
    lines = tuple(Line(n, t) for n, t in enumerate([*prose, *rail, "Comments (0)", late], 1))
    assert analyse(lines, extracted=True).drop == {**footer, 15: "comments"}


def test_page_language_is_the_one_with_the_most_stop_words():
    from cleaner.heuristics.language import page_language

    assert page_language(["The river rose and the town was flooded in the night."]) == "en"
    assert page_language(["Der Fluss stieg und die Stadt wurde in der Nacht überflutet."]) == "de"
    assert page_language(["12:30", "2024"]) is None


def test_what_the_extracted_articles_last_line_introduces_stays():
    """An extractor's text whose last paragraph introduces a code block, an address or a list
    with a colon: those lines are the article's (a blog's closing config snippet went as the
    footer zone); a whole-page scrape's footer zone still goes by position, and the lines after
    a label ("Share this") are no part of what the colon introduced."""
    from cleaner.document import Line
    from cleaner.heuristics import analyse

    prose = [
        "I moved my terminal setup to a new laptop this week and most of it worked on the first try.",
        "Copying text from the multiplexer to the system clipboard did not, and it took an evening to find out why.",
        "The answer was in an old forum thread, buried under a dozen replies that suggested other tools entirely.",
        "In short, put these three lines in the configuration file:",
    ]
    code = ["# ~/.tmux.conf", "set -g mouse on", "set -s set-clipboard off"]
    lines = tuple(Line(n, t) for n, t in enumerate([*prose, *code, "Share this", "Older posts"], 1))
    extracted = analyse(lines, extracted=True).drop
    assert not set(extracted) & {4, 5, 6}
    assert {7, 8} <= set(extracted)
    # a short text as written too (attacker trial of stop 54: a closing code block went)
    assert not set(analyse(lines).drop) & {4, 5, 6}
    # a whole page's footer zone (SNIPPET_LINES lines or more) goes by position
    menu = ["Home", "Archive", "Tags", "About", "Contact", "Search", "Login", "Feeds", "Projects", "Talks", "Notes"]
    whole = tuple(Line(n, t) for n, t in enumerate([*menu, *prose, *code, "Share this", "Older posts", "© 2024"], 1))
    assert {15, 16, 17} <= set(analyse(whole).drop)


def test_a_last_line_that_closes_on_read_more_introduces_no_lines():
    """Second attacker trial of stop 41: "... Read more:" (or "See also:") ending the article's
    last paragraph kept the other stories' headlines under it."""
    from cleaner.document import Line
    from cleaner.heuristics import analyse

    prose = [
        "I moved my terminal setup to a new laptop this week and most of it worked on the first try.",
        "Copying text from the multiplexer to the system clipboard did not, and it took an evening to find out why.",
        "The answer was in an old forum thread, buried under a dozen replies that suggested other tools entirely.",
        "The fix is now in my dotfiles, which anyone can copy. See also:",
    ]
    teasers = ["Ten terminal tricks for the new year", "Why I left my old editor", "A week without a mouse"]
    extracted = analyse(tuple(Line(n, t) for n, t in enumerate([*prose, *teasers], 1)), extracted=True).drop
    assert {4, 5, 6} <= set(extracted)


def test_a_table_closing_a_short_article_stays_through_the_passes():
    """Attacker trial of stop 54: the first pass kept the table as going on with the article
    (ends.continued), a later one, reading the text as what the line model had left of a page,
    took it for the footer, exit 0. The model never ran: the text is still as written."""
    page = (
        "Water Meters Keep Failing\nBy Priya Nair | April 9, 2024\n\n"
        "The city spent $14 million on smart water meters in 2022, and two years later one in five has "
        "stopped reporting.\n\nEngineers say the problem is the battery, not the radio. These are the "
        "audit's figures:\n\n| District | Meters | Failed |\n| North | 12,400 | 3,100 |\n| South | 9,800 | 1,200 |\n"
    )
    doc = clean(page, profile="none")
    assert doc.text.endswith("| North | 12,400 | 3,100 |\n| South | 9,800 | 1,200 |\n")


STORM = (
    "Storm closes ferry routes\n\nBy Jo Hart | 8 August 2023\n\n"
    "All ferry routes to the islands were cancelled on Tuesday as winds reached 110 km/h.\n\n"
    "{mid}\n\nThe coastguard said two boats were damaged.\n\nNo one was hurt.\n\n"
    "Services are expected to resume on Thursday.\n"
)


@pytest.mark.parametrize("mid", ["Photo: Reuters", "(AP Photo/Jane Doe)", "Advertisement"])
def test_a_credit_inside_a_short_story_takes_none_of_its_sentences(mid):
    """Attacker trial of stop 55: a credit or an advertisement label under a short story's first
    paragraph made the three short sentences after it boilerplate by their neighbours, exit 0."""
    doc = clean(STORM.format(mid=mid), profile="none")
    for sentence in ("two boats were damaged.", "No one was hurt.", "resume on Thursday."):
        assert sentence in doc.text
    assert mid not in doc.text


def test_a_short_recipe_of_short_lines_stays_above_its_print_label():
    """Attacker trial of stop 55: every line of a recipe shorter than a paragraph, its intro and
    numbered steps went with the "Print recipe" label below them; only the headline stayed."""
    page = (
        "Grandma's lemon drizzle cake\n\nBy Sam Patel | Jan 5, 2024\n\n"
        "This cake takes about an hour and serves eight.\n\nIngredients\n\n- 225g unsalted butter\n\n"
        "- 225g caster sugar\n\n- 4 eggs\n\nMethod\n\n1. Heat the oven to 180C.\n\n"
        "2. Beat the butter and sugar until pale.\n\n3. Add the eggs one at a time.\n\n"
        "4. Fold in the flour and zest.\n\nPrint recipe\n\nTip: serve the cake while it is still warm.\n"
    )
    doc = clean(page, profile="none")
    for kept in ("serves eight.", "- 4 eggs", "1. Heat the oven", "4. Fold in", "Tip: serve the cake"):
        assert kept in doc.text
    assert "Print recipe" not in doc.text


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        (
            "Fuel prices this week\n\nBy Energy Desk\n\nPrices fell for the third week running.\n\n"
            "| Fuel | Price | Change |\n| Petrol | 1.45 | -0.02 |\n| Diesel | 1.52 | -0.01 |\n\n"
            "The survey covers 400 stations across the country and is updated every Friday morning.\n",
            ["Prices fell for the third week running.", "| Fuel | Price | Change |", "| Diesel | 1.52 | -0.01 |"],
        ),
        (
            "Ask the vet: is chocolate really dangerous for dogs?\n\nBy Dr. Kim Ng\n\n"
            "Q: My dog ate a chocolate bar. Should I worry?\nA: Yes. Call your vet right away.\n\n"
            "Q: How much is too much?\nA: Dark chocolate is the worst; even 20 grams can harm a small dog, "
            "and milk chocolate is not safe either.\n",
            ["Q: My dog ate a chocolate bar. Should I worry?", "A: Yes. Call your vet right away."],
        ),
    ],
    ids=["lead-and-table", "first-question"],
)
def test_a_short_texts_sentences_above_its_longest_paragraph_stay(page, kept):
    """Attacker trial of stop 55: the body region of a short text was its longest paragraph, and
    the sentences and table rows between the byline and it went as header, exit 0."""
    doc = clean(page, profile="none")
    for line in kept:
        assert line in doc.text
    assert "By " not in doc.text


def test_a_tutorials_code_above_its_first_paragraph_is_no_alt_text():
    """Attacker trial of stop 55: two lines of code above a tutorial's first long paragraph,
    lower case and unpunctuated, went as image alt text, exit 0."""
    page = (
        "How to reverse a list in Python\n\nBy Dev Notes\n\nThere are two common ways.\n\n"
        "    items.reverse()\n\n    reversed_items = items[::-1]\n\n"
        "The first changes the list in place; the second makes a copy of it for you.\n"
    )
    doc = clean(page, profile="none")
    assert "items.reverse()" in doc.text and "reversed_items = items[::-1]" in doc.text


@pytest.mark.parametrize(("q", "a"), [("Q:", "A:"), ("Q –", "A –"), ("Q)", "A)"), ("Question:", "Answer:")])
def test_an_interviews_first_question_is_no_title_when_cleaned_again(q: str, a: str):
    """Attacker trial of stop 55: cleaning a Q&A's output again took its first question for the
    title and its first answer for the header: clean(clean(x)) lost them (the second attacker:
    "Q –", "Q)" and "Question:" too)."""
    page = (
        (
            "Ask the vet: is chocolate really dangerous for dogs?\n\nBy Dr. Kim Ng\n\n"
            "Q: My dog ate a chocolate bar. Should I worry?\n\nA: Yes. Call your vet right away.\n\n"
            "Q: How much is too much?\n\nA: Dark chocolate is the worst; even 20 grams can harm a small dog.\n\n"
            "Q: What are the signs?\n\nA: Vomiting, restlessness and a racing heart.\n"
        )
        .replace("Q:", q)
        .replace("A:", a)
    )
    once = clean(page, profile="none")
    assert once.text.startswith(f"{q} My dog ate a chocolate bar.")
    again = clean(once.text, profile="none")
    assert again.text == once.text and again.metadata.title is None


def test_a_wire_copyright_notice_names_no_headline():
    """New-user trial of stop 55: "Copyright 2024 ... This material may not be published,
    broadcast, rewritten or redistributed." (14 words, no phrase of the lists) stayed as the
    body's last line, and its site name made the masthead above the headline the one the
    article names: masthead, kicker and headline stayed in the text, the title null."""
    page = (
        "NORTHFIELD DAILY\nLocal | State | Sports | Obituaries\nBreaking News\n"
        "Bridge on Route 9 closed after truck strikes overpass\nStaff report\nFeb 20, 2024\n"
        "The Route 9 bridge over the Cedar River will stay closed to all traffic until at least Friday "
        "after a tractor-trailer struck one of its support beams early Tuesday, the state said.\n"
        "No one was hurt. Inspectors are checking the beam for cracks, and drivers are being detoured "
        "through Main Street, which adds about 15 minutes to the trip.\n"
        "Copyright 2024 Northfield Daily. This material may not be published, broadcast, rewritten or redistributed.\n"
        "Tags: traffic, Route 9\nTrending Now\nNorthfield man wins lottery prize\nBack to top\n"
    )
    doc = clean(page, profile="none")
    assert doc.text.startswith("The Route 9 bridge") and doc.text.rstrip().endswith("about 15 minutes to the trip.")
    assert doc.metadata.title == "Bridge on Route 9 closed after truck strikes overpass"


def test_a_tag_row_under_the_byline_is_no_lead():
    """Second attacker trial of stop 55: table rows above a short text's body stay only under a
    sentence of its lead; a row of tags right under the byline went with the lead's rows."""
    page = (
        "Parking fees to rise\n\nBy Ann Lee\n\n| Politics | Transport | Town centre |\n\n"
        "Parking in the town centre will cost more from June after the council voted on Tuesday to raise "
        "fees for the first time in six years, with the money going towards road repairs, officials said.\n\n"
        "Residents have until May 20 to comment on the plan.\n"
    )
    doc = clean(page, profile="none")
    assert "| Politics |" not in doc.text and doc.text.startswith("Parking in the town centre")


RECIPE = [
    "These lemon bars are tangy, sweet and perfect for spring.",
    "Ingredients",
    "1 cup butter",
    "2 cups flour",
    "4 eggs",
    "Instructions",
    "Preheat oven to 350°F.",
    "Press into pan.",
    "Bake 20 minutes.",
]
MATCH = [
    "Substitute Leo Grant equalised in the 86th minute.",
    "City 1",
    "Scorers",
    "Grant 86",
    "Costa 89",
    "Attendance: 31,402",
    "Rovers move up to fourth.",
]


@pytest.mark.parametrize("text", [RECIPE, MATCH], ids=["recipe", "score-box"])
def test_a_short_text_with_no_label_has_no_footer(text: list[str]):
    """Attacker trial of stop 57: a recipe (its ingredients and steps) and a match report (its
    score box and last sentence) below a first sentence went as footer, exit 0: nothing in the
    text names any line boilerplate, and its lines below the region are sentences or a few words
    down to a last sentence."""
    assert clean("\n".join(text) + "\n", profile="none").text.splitlines() == text


def test_a_short_texts_tag_line_or_rail_below_it_is_still_footer():
    """A last line of a few words that is no sentence ("Labels: frost, tomatoes") or a rail of
    link lines still goes below a short text."""
    story = [
        "The council approved the new budget on Tuesday after a long debate about road repairs.",
        "Residents said the changes would make the town centre much easier to reach.",
    ]
    assert "Labels" not in clean("\n".join([*story, "Labels: frost, tomatoes"]) + "\n", profile="none").text
    rail = [f"Regional football results {n}, weather updates, coast, hills, valleys, traffic news" for n in range(4)]
    assert "Regional football" not in clean("\n".join([*story, *rail]) + "\n", profile="none").text


@pytest.mark.parametrize("widget", ["Was this helpful?", "Was this answer helpful?", "Rate this article"])
def test_a_feedback_widget_is_a_label(widget: str):
    """Attacker trials of stop 57: "Was this answer helpful?" stayed under a Q&A, "Rate this
    article" and "Was this helpful?" under a short article (no label in the text, so no footer)."""
    story = "Short news brief about the bridge reopening on Monday after two years of repairs."
    assert clean(f"{story}\n{widget}\n", profile="none").text == story + "\n"


LISTS = Path(__file__).parent / "pages" / "lists"  # an attacker's invented pages (trial of stop 60)


def test_a_short_texts_list_its_sentence_introduces_is_the_article():
    """Attacker trial of stop 60: "Pack these items before you go:" and its ten bulleted items
    went as header, the headline with them; only the closing sentence stayed, exit 0."""
    source = (LISTS / "packing-short.txt").read_text(encoding="utf-8")
    doc = clean(source)
    assert doc.metadata.title == "What to Pack for a Winter Hike"
    assert [line for line in doc.text.splitlines() if line] == [line for line in source.splitlines()[1:] if line]


def test_a_poems_first_line_broken_mid_sentence_stays_with_the_rest():
    """Attacker trial of stop 60: "Two roads diverged in a yellow wood," went as header. (The
    poem's title still goes as no title: "Road" is not among the text's words, "roads" is.)"""
    source = (LISTS / "verse.txt").read_text(encoding="utf-8")
    lines = clean(source).text.splitlines()
    assert lines[0] == "Two roads diverged in a yellow wood,"
    assert [line for line in lines if line] == [line for line in source.splitlines()[2:] if line]


HEADS = Path(__file__).parent / "pages" / "heads"  # an attacker's invented pages (second trial of stop 60)


@pytest.mark.parametrize(
    ("page", "title", "first"),
    [
        ("time-first-line.txt", "Markets Rally as Inflation Cools", "Stocks rose sharply on Wednesday"),
        ("month-year-above.txt", "Why I Still Keep a Paper Journal", "Every December I buy a new notebook"),
        ("prev-next-above-title.txt", "Ten Things I Learned Touring Scotland by Bike", "I spent three weeks riding"),
        ("short-prev-next-top.txt", "Notes on a Quiet Weekend", "I spent the weekend doing almost nothing"),
        ("short-prev-next-bottom.txt", "Notes on a Quiet Weekend", "I spent the weekend doing almost nothing"),
    ],
)
def test_a_time_or_the_previous_posts_link_above_the_headline_is_neither_title_nor_text(page, title, first):
    """Second attacker trial of stop 60: "10:48 AM EDT" over the headline was the title; "Dec
    2003" and "« <the previous post>" links above it stayed, the title null; a headline the
    body uses none of the words of went out of the text though a byline followed it."""
    doc = clean((HEADS / page).read_text(encoding="utf-8"))
    assert doc.metadata.title == title
    assert doc.text.startswith(first)
    assert not any(line.startswith("«") or line.endswith("»") for line in doc.text.splitlines())
