"""A text scrape that starts with the page's <title> (as html-text and many scrapers write
it): the headline is the line of its own that the <title> names, with or without the
site's name around it, not a menu item or teaser the generic stage happens to meet first."""

from __future__ import annotations

import pytest

from cleaner import clean
from tests.test_generic import BODY, HEADLINE  # the same harbour story

CAPTION = "The bridge at dawn on Monday, seen from the southern approach, after the last barriers were lifted."


def scrape(top: str, section: str = "Town & harbour") -> str:
    """A news page as html-text writes it: a menu, a section label, a teaser and a counter
    above the headline, a photo credit and caption between it and the byline."""
    lines = [top, "Gazette", "Weather", "Sport", "Puzzles", "", section, ""]
    lines += ["Recommended: Ferry timetable changes for the winter", "", "12 comments", "Print", "", HEADLINE, ""]
    lines += ["Maria Lund", "", CAPTION, "", "By Jane Marlow, Gazette staff", "", *BODY, "", "Send us your story ideas"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "top",
    [
        f"{HEADLINE} | Town - Example Gazette",
        f"{HEADLINE} - Example Gazette",
        f"Example Gazette: {HEADLINE}",
        HEADLINE,
        # a breadcrumb that ends in the headline, printed first (attacker trial of stop 45:
        # it stayed in the text, the headline too, title null)
        f"Home > Town > {HEADLINE}",
        f"Home › Town › {HEADLINE}",
    ],
)
def test_the_headline_is_the_line_the_page_title_names(top):
    doc = clean(scrape(top))
    assert doc.metadata.title == HEADLINE
    assert HEADLINE not in doc.text
    # named by the <title> line; since stop 52 ("12 comments" read as a counter, not alt text)
    # the header above it goes too, and the headline is also the first kept line
    assert dict(doc.meta_sources)["title"] in ("metadata:page-title", "metadata:title")
    assert "Recommended: Ferry timetable changes for the winter" not in doc.text


def test_of_two_lines_the_title_names_the_headline_is_the_longer():
    """ "<headline> - Blog Name" with the blog's name printed as a line of its own too."""
    assert clean(scrape(f"{HEADLINE} - Nutty Nomads Blog", "Nutty Nomads Blog")).metadata.title == HEADLINE


def test_a_short_bare_title_is_not_taken_for_the_headline():
    """A <title> of three words that a line repeats is as often the site's name."""
    doc = clean(scrape("Nutty Nomads Blog", "Nutty Nomads Blog"))
    assert dict(doc.meta_sources)["title"] != "metadata:page-title"


def test_a_title_naming_no_line_leaves_the_title_to_the_generic_stage():
    doc = clean(scrape("Example Gazette - News, sport and weather for the coast"))
    assert dict(doc.meta_sources)["title"] != "metadata:page-title"


# ---- no <title> line: the first line that reads as a headline must be about the article -----


def test_a_label_the_article_never_speaks_of_is_no_title():
    doc = clean("Columns & Opinions\n\n" + "\n\n".join(BODY) + "\n")
    assert doc.metadata.title is None
    assert doc.text == "\n\n".join(BODY) + "\n"  # not body either
    assert [r.rule for r in doc.removals] == ["metadata:not-title"]


def test_a_headline_whose_words_the_article_uses_is_the_title():
    doc = clean("\n".join([HEADLINE, "", *BODY]) + "\n")
    assert doc.metadata.title == HEADLINE


# new-user trial: the article says "трамвайной линии" and "Северска" where the headline says
# "линию трамвая" and "Северске"; the headline went as no title
RU_HEADLINE = "В Северске откроют новую линию трамвая"
RU_BODY = [
    "Мэрия Северска утвердила проект новой трамвайной линии, которая свяжет вокзал с микрорайоном Заречный.",
    "По словам заместителя мэра, строительство начнётся летом и займёт около двух лет.",
    "Жители Заречного давно жаловались на переполненные автобусы в часы пик.",
]


def test_an_inflected_headline_is_found_by_its_stems_in_the_article():
    doc = clean("\n".join([RU_HEADLINE, "", *RU_BODY]) + "\n")
    assert doc.metadata.title == RU_HEADLINE
    assert RU_HEADLINE not in doc.text


def test_an_english_label_is_compared_whole_not_by_stem():
    """ "Photographs & Stories" would share "photograph" with the article's "photographers": English
    words are compared whole (stems let section labels through on the corpus's pages)."""
    body = [line.replace("bridge", "photographers' bridge", 1) for line in BODY]
    assert clean("\n".join(["Photographs & Stories", "", *body]) + "\n").metadata.title is None


def test_a_headline_in_a_script_without_spaces_is_not_word_tested():
    headline = "港口大桥修复两年后重新开放"
    body = ["周一上午，港口大桥在关闭两年后重新通车。工程师当年发现三个桥墩出现裂缝，随即封桥检修。"] * 3
    assert clean("\n".join([headline, "", *body]) + "\n").metadata.title == headline


LIGHTS = [
    "Most commuter lights sold today claim 800 lumens or more. In a city with street lamps, that is far more than "
    "you need to be seen, but it matters on unlit paths.",
    "We rode six lights on the same canal towpath at night. The brighter lamps lit the surface well, yet two of them "
    "dazzled oncoming riders because their beam had no cut-off.",
    "Battery life varied from ninety minutes to six hours at full power. For most commutes, a lamp with a middle "
    "setting that lasts three hours is the better buy.",
]
LIGHTS_HEADLINE = "Commuter bike lights: what 800 lumens really buys you"


def blog(byline: list[str]) -> str:
    """A blog scrape from the new-user trial: a menu, the site's name and a breadcrumb above
    the headline, the site's name again in the footer."""
    lines = ["MENU", "Reviews", "Guides", "Deals", "Newsletter", "", "Cycling Weekly Digest", "Gear › Reviews", ""]
    lines += [LIGHTS_HEADLINE, *byline, "", "0 comments", "", *[x for p in LIGHTS for x in (p, "")]]
    lines += [
        "Advertisement",
        "",
        "You might also like",
        "The best winter cycling gloves",
        "Mudguards: clip-on or full?",
    ]
    return "\n".join([*lines, "", "About us | Advertise | Terms | Privacy", "Copyright 2024 Cycling Weekly Digest"])


def test_below_a_site_name_the_headline_a_byline_follows_is_the_title():
    """New-user trial: the site's name stayed on top, was no title (the article uses none of
    its words), and the headline below it stayed in the body with the title null."""
    doc = clean(blog(["By Tomas Ek", "12 February 2024 · 6 min read"]))
    assert (doc.metadata.title, doc.metadata.author) == (LIGHTS_HEADLINE, "Tomas Ek")
    assert doc.text.startswith(LIGHTS[0])
    assert "Cycling Weekly Digest" not in doc.text


def test_below_a_site_name_a_line_no_byline_follows_is_no_title():
    doc = clean(blog([]))
    assert doc.metadata.title is None


RATES = [
    "Subscribe to Example News",
    "Home | World | Sport",
    "",
    "Rates Rise Again | Example News",
    "",
    "By Jane Roe | March 3, 2024",
    "",
    "The central bank raised rates for the third time this year, citing persistent inflation in services.",
    "Economists had expected the move after strong jobs data last month.",
    "",
    "Share this article",
    "More from Example News",
    "Copyright 2024 Example News",
]


def test_a_headline_with_the_site_name_above_the_byline_gives_the_title():
    """Attacker trial: "Rates Rise Again | Example News" went as a menu line, title null."""
    doc = clean("\n".join(RATES) + "\n")
    assert (doc.metadata.title, doc.metadata.author) == ("Rates Rise Again", "Jane Roe")
    assert dict(doc.meta_sources)["title"] == "metadata:headline-with-site-name"


def test_a_menu_above_the_byline_gives_no_title():
    lines = [line for line in RATES if line != "Rates Rise Again | Example News"]
    lines[lines.index("By Jane Roe | March 3, 2024") - 1] = "World News | Sport"  # the name printed nowhere else
    assert clean("\n".join(lines) + "\n").metadata.title is None


# ---- a title of parts picked from the scrape's own lines: the part the page prints alone -----


def titled(title: str, lines: list[str], source: str = "model:title"):
    """The metadata stage on a page whose generic stage took `title` (from `source`) out of it."""
    from cleaner.document import Context, Document, Line, Metadata
    from cleaner.pipeline import builtin_profiles
    from cleaner.stages import metadata

    doc = Document(
        lines=tuple(Line(n, text) for n, text in enumerate(lines, 1)),
        metadata=Metadata(title=title),
        meta_sources=(("title", source),),
    )
    return metadata.run(doc, Context(builtin_profiles()))


PAGE = ["Nutty Nomads Blog", "", HEADLINE, "", *BODY, "", "© Nutty Nomads Blog"]


@pytest.mark.parametrize(
    "title",
    [f"{HEADLINE} - Nutty Nomads Blog", f"{HEADLINE} | Travel | Nutty Nomads", f"Nutty Nomads : {HEADLINE}"],
)
def test_a_picked_title_of_parts_gives_way_to_the_part_the_page_prints_alone(title):
    """The title model picked the line the scrape wrote the <title> as: the headline is the
    part printed as a line of its own, which then goes as the title's repeat."""
    doc = titled(title, PAGE)
    assert doc.metadata.title == HEADLINE
    assert dict(doc.meta_sources)["title"] == "metadata:printed-part"
    assert HEADLINE not in doc.text and "Nutty Nomads Blog" in doc.text


@pytest.mark.parametrize(
    ("title", "lines", "source"),
    [
        # the part printed alone is a series' name, shorter than the headline after it
        (f"Harbour Report - {HEADLINE}", ["Harbour Report", "", *BODY], "model:title"),
        # a colon right after a word starts a subtitle, it parts nothing
        (f"Harbour bridge: {HEADLINE}", ["Harbour bridge", "", *BODY], "model:title"),
        # a title from the HTML page's head, not one of the scrape's lines
        (f"{HEADLINE} - Nutty Nomads Blog", PAGE, "html:title"),
    ],
)
def test_a_title_stays_whole_when_its_printed_part_is_no_headline(title, lines, source):
    assert titled(title, lines, source).metadata.title == title


def test_verse_lines_are_not_taken_out_as_no_title():
    """Attacker trial 3 of stop 36: short lines that read as headlines, none about the others,
    went one after another as "no title"."""
    verse = [
        "Under the bridge the river turns",
        "Grey gulls argue over bread",
        "A barge of gravel slowly burns",
        "Its diesel through the morning's lead",
        "And on the quay a woman learns",
        "To read the tide the way it's read",
    ]
    doc = clean("\n".join(verse) + "\n")
    assert sum(line in doc.text for line in verse) >= len(verse) - 1


BEACH = [
    "Volunteers pulled more than 900 kilograms of rubbish off Gull Bay beach on Sunday in the yearly spring "
    "clean-up, the biggest haul since the first one in 2011.",
    "Organisers said nets and plastic bottles made up most of it. The bay's turtle nesting season starts next month.",
]


def test_below_a_masthead_in_a_short_scrape_the_headline_a_byline_follows_is_the_title():
    """New-user trial of stop 41: a short scrape's masthead ("Bayside Weekly") above the
    headline stayed, the headline under it stayed in the body, and the title was null."""
    headline = "Volunteers clear nearly a tonne of rubbish from Gull Bay beach"
    top = ["Menu", "Bayside Weekly", "Sign up for our newsletter", headline, "By Oliver Grant | April 15, 2024"]
    doc = clean("\n".join([*top, "", BEACH[0], "", BEACH[1], "", "Share this article", "Most read"]))
    assert doc.metadata.title == headline
    assert doc.text.startswith(BEACH[0])


def test_a_name_the_article_is_about_is_no_masthead():
    """Second attacker trial of stop 41: an obituary's headline, a name, over its subheading
    went as a masthead, and the name was in neither the text nor the title."""
    top = ["Tom Brandt", "The tram driver who never missed a shift in forty years", "By Oliver Grant | April 15, 2024"]
    body = [
        "Tom Brandt, who drove the number 4 tram for forty years without missing a shift, died on Sunday aged 81.",
        "Colleagues said Brandt knew every passenger on the early run by name and kept sweets for their children.",
    ]
    doc = clean("\n".join([*top, "", body[0], "", body[1], "", "Share this article", "Most read"]))
    assert doc.metadata.title == "Tom Brandt" or "Tom Brandt" in doc.text.split("\n")


def test_a_korean_headline_whose_words_the_article_repeats_with_particles_is_the_title():
    """New-user trial of stop 52: the headline went as "no title, the article uses none of its
    words", which the article repeats with particles joined ("해수욕장을"), and the byline
    ("name 기자") stayed as text."""
    page = "\n".join(
        [
            "동해일보",
            "강릉 경포 해변 야간 개방",
            "박지훈 기자",
            "강릉시는 여름 동안 경포 해변을 밤 10시까지 개방한다고 밝혔다.",
            "시는 해변에 조명과 안전요원을 추가로 배치할 계획이다.",
        ]
    )
    doc = clean(page + "\n")
    assert (doc.metadata.title, doc.metadata.author) == ("강릉 경포 해변 야간 개방", "박지훈")
    assert doc.text.splitlines()[0].startswith("강릉시는")


def test_a_korean_byline_with_the_reporters_mail_gives_the_author():
    """Second attacker trial of stop 52: "name 기자 mail" went as alt text, author null."""
    page = "동해일보\n강릉 경포 해변 야간 개방\n박지훈 기자 jihoon@example.co.kr\n"
    page += "강릉시는 여름 동안 경포 해변을 밤 10시까지 개방한다고 밝혔다.\n"
    page += "시는 해변에 조명과 안전요원을 추가로 배치할 계획이다.\n"
    assert clean(page).metadata.author == "박지훈"
