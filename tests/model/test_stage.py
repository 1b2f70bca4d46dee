"""The line model as the generic stage (cleaner.model.stage; not the default yet, see
cleaner/stages/heuristics.py): the model decides, the heuristics judge snippets."""

from pathlib import Path

import pytest

from cleaner.document import Context, Document, Line
from cleaner.model import rescues, stage
from cleaner.pipeline import STAGES
from cleaner.profiles import Profiles
from cleaner.stages import heuristics

PROSE = [
    "The town council voted on Monday to close the old bridge to cars, after engineers found cracks.",
    "Residents said the detour would add twenty minutes to their commute, and shop owners worried.",
    "The council expects repairs to take at least a year and has asked the region to help pay for them.",
    "Engineers will inspect the other two bridges in the town next month, the mayor told reporters.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact", "Subscribe", "Log in", "Search"]
FOOTER = [
    "Share on Facebook",
    "Share on X",
    "Related stories",
    "School fair raises record sum",
    "© 2021 Example Gazette",
]
BODY = "\n\n".join(PROSE).split("\n")
PAGE = "\n".join([*MENU, "", *BODY, "", *FOOTER, *MENU]) + "\n"


def clean(text: str, heuristics_on: bool = True) -> Document:
    """clean() with the model stage in place of the default generic stage, no profiles."""
    ctx = Context(profiles=Profiles(), heuristics=heuristics_on)
    doc = Document(raw=text)
    for step in STAGES:
        doc = stage.run(doc, ctx) if step is heuristics.run else step(doc, ctx)
    return doc


def test_the_model_keeps_the_article_and_names_its_removals():
    doc = clean(PAGE)
    assert doc.text == "\n\n".join(PROSE) + "\n"
    rules = {r.rule for r in doc.removals}
    assert "model:boilerplate" in rules
    why = next(r.why for r in doc.removals if r.rule == "model:boilerplate")
    assert why.startswith(stage.WHY_MODEL) and "p(content)" in why and "strongest signals" in why
    # the kind says which decided: the model, not the hand-written heuristics (stop 36's trial)
    assert {r.kind for r in doc.removals if r.rule == "model:boilerplate"} == {"model"}


def test_no_heuristics_turns_the_model_off():
    assert clean(PAGE, heuristics_on=False).text.count("Home") == 2


def test_cleaning_the_output_again_changes_nothing():
    once = clean(PAGE).text
    assert clean(once).text == once


def test_a_snippet_is_left_to_the_heuristics():
    doc = clean("Hello world.\n")
    assert doc.text == "Hello world.\n"
    assert not any(r.rule.startswith("model:") for r in doc.removals)


def test_each_block_the_model_removes_has_its_own_record():
    """New-user trial of stop 35: the share bar, the related list and the footer below the
    article, blank lines between them, were one record with one score and one set of signals,
    shown by explain beside each block. A record per block now, each with its own score."""
    blocks = [["Share on Facebook", "Share on X"], ["Related stories", "School fair raises record sum"], MENU]
    lines = [*MENU, "", *BODY]
    starts = []
    for block in blocks:
        starts.append(len(lines) + 2)  # line numbers from 1, after a blank line
        lines += ["", *block]
    doc = clean("\n".join(lines) + "\n")
    assert doc.text == "\n\n".join(PROSE) + "\n"
    after = [r for r in doc.removals if r.rule == "model:boilerplate" and r.lines[0] >= starts[0]]
    # the share bar's lines go as the heuristics' share lines whatever the model says (stop 60)
    assert [r.lines[0] for r in after] == starts[1:]
    assert len({r.why for r in after}) == len(blocks) - 1
    assert {r.rule for r in doc.removals if starts[0] <= r.lines[0] < starts[1]} == {"heuristic:share"}


def test_a_headline_kept_for_the_metadata_stays_through_the_heuristics_turn():
    """Stop 36 (dragnet:train): the line above "By: ..." was kept for the metadata stage, but
    the page left was short enough for the heuristics' turn, which took it for the header:
    title null. The later passes leave the line the first kept (`protect`)."""
    from cleaner.heuristics.apply import apply

    # a headline the article's words do not name: one they name, the heuristics keep by themselves
    headline = "Commuters face long detours"
    tools = ["Tweet", "Email", "Print", "Text Size", "", "Gazette Photo Desk"]  # a share bar, a photo credit
    page = clean("\n".join([*MENU, "", headline, "", *tools, "", *BODY]) + "\n", heuristics_on=False)
    gone = apply(page)
    assert headline not in gone.text  # the heuristics take it for the header
    no = next(line.no for line in page.lines if line.text == headline)
    kept = apply(page, protect=frozenset([no]))
    assert headline in kept.text
    assert all(paragraph in kept.text for paragraph in PROSE)


def test_the_passes_go_on_to_the_fixed_point(monkeypatch):
    """A page the model peels a few lines off per pass (a comment thread: 42 of the 2,186 dev
    and corpus text scrapes took 5 passes or more, one 23) is cleaned until a pass removes
    nothing: stopped after 4, cleaning the output again went on peeling."""
    calls = []

    def peel(doc, *args, **kwargs):  # one line off per pass, the last, down to one
        calls.append(len(doc.lines))
        return (doc.replace(lines=doc.lines[:-1]) if len(doc.lines) > 1 else doc), frozenset()

    monkeypatch.setattr(stage, "_once", peel)
    doc = Document(raw=PAGE).replace(lines=clean(PAGE, heuristics_on=False).lines[:10])
    out = stage.run(doc, Context(profiles=Profiles()))
    assert len(out.lines) == 1
    assert calls == list(range(10, 0, -1))


def test_the_passes_over_a_huge_page_are_bounded_by_the_lines_they_read(monkeypatch):
    """Attacker trial of stop 53: a 4.6 MB scrape of 88,901 lines took 17 passes (40 s) where a
    2 MB one took one: at most PASS_LINES lines are read over the passes, and MIN_PASSES
    always run."""
    calls = []

    def peel(doc, *args, **kwargs):
        calls.append(len(doc.lines))
        return (doc.replace(lines=doc.lines[:-1]) if len(doc.lines) > 1 else doc), frozenset()

    monkeypatch.setattr(stage, "_once", peel)
    doc = Document(raw=PAGE).replace(lines=clean(PAGE, heuristics_on=False).lines[:10])
    monkeypatch.setattr(stage, "PASS_LINES", 60)  # 6 passes of 10 lines
    stage.run(doc, Context(profiles=Profiles()))
    assert calls == [10, 9, 8, 7, 6, 5]
    calls.clear()
    monkeypatch.setattr(stage, "PASS_LINES", 10)  # one pass of 10 lines, but MIN_PASSES
    stage.run(doc, Context(profiles=Profiles()))
    assert calls == [10, 9, 8, 7]


def test_a_page_kept_whole_has_its_headline_above_its_first_paragraph(monkeypatch):
    """A page the model keeps every line of reads as clean text already (cleaner's output,
    cleaned again): the title model may take its first line, unless that is its first
    paragraph, not a section heading below it (a second cleaning took one on 30 of
    dragnet:train's 1,076 pages). A page with boilerplate to remove is looked at whole."""
    from cleaner.model import titles

    seen = []
    choose = titles.choose

    def spy(texts, rows, model=None, before=None):
        seen.append(texts[before] if before is not None else None)
        return choose(texts, rows, model, before)

    monkeypatch.setattr(titles, "choose", spy)
    findings = [
        f"On day {n} the engineers checked pier {n} of the old bridge and found {n} more cracks in it."
        for n in range(2, 20)
    ]
    text = "\n\n".join([PROSE[0], "What the engineers found", *findings, *PROSE[1:]]) + "\n"
    doc = clean(text)
    assert seen and seen[0] == PROSE[0]
    assert doc.text == text and doc.metadata.title is None
    seen.clear()
    clean(PAGE)
    assert seen and seen[0] is None


STANZAS = [
    ["The orchard keeps its apples late,", "it holds them like a promise kept,", "and every wind that tries the gate",
     "goes home again, as if it slept."],
    ["My grandmother knew every tree", "and what the frost had taken there.", "She said their names out loud to me",
     "the way that some would say a prayer."],
    ["Now I walk the rows alone", "and cannot name a single one,", "only count them, stone by stone,",
     "only wait for the sun."],
]  # fmt: skip


def test_a_poem_the_model_keeps_stays_through_the_heuristics_turn():
    """New-user trial of stop 47: the model kept a poem of three stanzas; its output, under 20
    lines, went to the heuristics, which took all but one line for the header above the poet's
    bio (short lines, no prose among them), exit 0."""
    verse = [line for stanza in STANZAS for line in [*stanza, ""]]
    bio = "Anna Reed lives in Shropshire. Her second collection is out next spring from a small press."
    page = "\n".join([*MENU[:4], "Autumn Orchard", "by Anna Reed", "", *verse, bio, "", *FOOTER, *MENU[4:]]) + "\n"
    kept = clean(page).text.splitlines()
    assert [line for stanza in STANZAS for line in stanza if line not in kept] == []


TRAILS = [
    "Hanging Lake Trail, Glenwood Canyon", "Sky Pond via Glacier Gorge", "Ice Lake Basin, near Silverton",
    "Mount Sanitas, Boulder", "Maroon Lake Scenic Trail, Aspen", "Emerald Lake Trail", "Chicago Lakes Trail",
    "Blue Lakes Trail, Ridgway", "Conundrum Hot Springs, Aspen", "Mayflower Gulch, Leadville",
    "Royal Arch Trail, Boulder", "Crater Lake, Maroon Bells Wilderness",
]  # fmt: skip
LEAD = (
    "Colorado has more than 39,000 miles of trails, and picking a favourite is nearly impossible. We asked "
    "rangers, guides and longtime locals which hikes they return to year after year."
)
CLOSE = (
    "Whatever you choose, start early: afternoon thunderstorms roll in almost daily in July and August, and "
    "lightning above the tree line is the biggest danger hikers face."
)


def test_a_numbered_list_article_keeps_every_item_and_its_close():
    """New-user trial of stop 49: a list article's items 11 and 12 and its closing paragraph
    went with the share bar below (the model's smoothing), then items 1-10 as the footer of
    the short text left (the heuristics' turn), exit 0."""
    items = [f"{n}. {name}" for n, name in enumerate(TRAILS, 1)]
    article = [LEAD, "Here are the trails they named most often.", *items, CLOSE]
    page = "\n".join([*MENU[:4], "The 12 best hiking trails in Colorado", *article, *FOOTER, *MENU[4:]]) + "\n"
    doc = clean(page)
    assert doc.text.splitlines() == article
    assert clean(doc.text).text == doc.text


def test_a_numbered_most_read_list_below_the_article_still_goes():
    teasers = [f"{n}. {name} reopens after storm damage" for n, name in enumerate(TRAILS[:5], 1)]
    page = "\n".join([*MENU, "", *BODY, "", "Most read", *teasers, *FOOTER]) + "\n"
    assert clean(page).text == "\n\n".join(PROSE) + "\n"


TIPS = [
    ("Start with short stages", "Plan no more than fifty kilometres a day at first, while your legs get used to it."),
    ("Pack less than you think", "Every extra kilo shows on the first climb, and two sets of clothes are enough."),
    ("Check your bike before you go", "Have the brakes, tyres and chain looked at before you leave."),
    ("Book the first night", "That way the trip starts without stress."),
    ("Drink enough", "Even when it is not warm you lose a lot of water."),
    ("Bring a repair kit", "A spare inner tube and a small pump can save your day."),
    ("Enjoy the detour", "The best places are often just off the route."),
]  # fmt: skip


def test_a_list_article_keeps_its_last_item_and_the_sentence_under_it():
    """New-user trial of stop 50: a list article's items each with a one-sentence paragraph;
    the model kept item 7 but not its paragraph, then the heuristics' turn on the short text
    took the item for the footer, exit 0."""
    lead = "A cycling holiday is a wonderful way to discover a country, but where do you start? Here are our tips."
    article = [lead, *[f"{n}. {tip}\n{why}" for n, (tip, why) in enumerate(TIPS, 1)]]
    tail = ["Share this article", "Read also", "The best coastal cycling routes", "Review: five panniers tested"]
    page = "\n".join([*MENU[:4], "Seven tips for your first cycling holiday", "\n\n".join(article), "", *tail]) + "\n"
    assert clean(page).text == "\n\n".join(article) + "\n"


def test_a_heading_beside_a_caption_stays_when_the_caption_goes():
    """New-user trial of stop 53: a review's "Noise cancelling" heading under a captioned photo
    ("... (Image credit: GadgetBench)") went with the caption between two kept paragraphs."""
    from cleaner.document import Line

    texts = [
        "The battery lasted just over forty hours in our test, far longer than the first model managed.",
        "The headphones in their green finish. (Image credit: Bench)",
        "Noise cancelling",
        "On a busy train it removed almost all of the engine rumble and most of the chatter around us.",
        "Share | Tweet",
        "Mention of 12 more things",
    ]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(texts)))
    positions = list(range(len(texts)))
    keep = rescues.beside_captions(doc, positions, [True, False, False, True, False, False], {1})
    assert keep == [True, False, True, True, False, False]
    # no kept line above the run, or no caption in it: as they were; a heading of another shape
    for others, captions in (
        ([False, False, True, True, False, False], {1}),
        ([True, False, False, True, False, False], set()),
    ):
        assert rescues.beside_captions(doc, positions, others, captions) == others
    one_word = doc.replace(lines=tuple(Line(n + 1, "12" if n == 2 else t) for n, t in enumerate(texts)))
    assert rescues.beside_captions(one_word, positions, [True, False, False, True, False, False], {1})[2] is False


def test_a_sentence_ends_before_its_closing_quote():
    # a stop before closing marks of any kind ("... hoop.'"), as the heuristics read it
    assert rescues.sentence("'Ja. Dat geeft me hoop.'") and rescues.sentence("(She left.)")
    assert rescues.sentence('He said "no"') and not rescues.sentence("Editors' picks")
    assert not rescues.sentence("'") and not rescues.sentence("")


INTERVIEW = (
    "\n".join(
        [
            "Home",
            "Nieuws",
            "Cultuur",
            "Duurzaam",
            "Interview",
            "'Groen bouwen is niet duur': in gesprek met architect Lotte Smit",
            "Door Sanne de Boer",
            "4 maart 2024",
            "Delen",
            "Architect Lotte Smit ontwerpt al vijftien jaar woningen zonder gasaansluiting. Met haar "
            "bureau in Zwolle won ze vorig jaar een prijs. Wij spraken haar over betaalbaar bouwen.",
            "Waarom bouwt niet iedereen zo?",
            "'Omdat ontwikkelaars alleen naar de verkoopprijs kijken. De bouwkosten liggen een paar "
            "procent hoger, maar de energierekening is bijna nul en dat verdien je snel terug.'",
            "Wat moet de overheid doen?",
            "'Strengere eisen stellen, en grond goedkoper uitgeven voor projecten die echt duurzaam "
            "zijn. Dan volgt de markt vanzelf, dat hebben we in andere landen gezien.'",
            "Bent u hoopvol?",
            "'Ja. De jonge architecten denken vanzelfsprekend circulair. Dat geeft me moed.'",
            "Lees ook",
            "Huizenprijzen stijgen weer",
            "Zo maak je je huis van het gas af",
            "Reacties (3)",
            "© 2024 Dagblad Oost | Privacy | Cookies",
        ]
    )
    + "\n"
)


def test_an_interviews_last_answer_in_quotes_stays():
    """New-user trial of stop 54: the last answer of a Dutch interview ("... Dat geeft me
    hoop.'") went with the "Lees ook" block under it (p(content) 0.30), exit 0: its closing
    quote after the stop made it no sentence for the close's rescue."""
    from cleaner import clean as clean_default

    doc = clean_default(INTERVIEW)
    assert doc.text.rstrip().endswith("Dat geeft me moed.'")
    assert "Lees ook" not in doc.text


NEWS = (
    "\n".join(
        [
            "Ta strona korzysta z plików cookies. Akceptuję | Ustawienia",
            "Strona główna",
            "Wiadomości",
            "Kraków",
            "Sport",
            "Biznes",
            "Kultura",
            "Zaloguj się",
            "Wiadomości",
            "Gdańsk: od środy nowa linia autobusowa na Zaspę",
            "Autor: Anna Wiśniewska",
            "3 kwietnia 2024, 10:20",
            "Udostępnij",
            "Od środy 10 kwietnia mieszkańcy Zaspy będą mogli korzystać z nowej linii autobusowej. "
            "Zarząd Transportu Miejskiego poinformował, że autobusy pojadą nową trasą wzdłuż alei "
            "Rzeczypospolitej.",
            "Budowa nowych przystanków trwała pół roku i kosztowała ponad 20 milionów złotych. "
            "Inwestycja była współfinansowana ze środków unijnych.",
            "– To ważna zmiana dla tysięcy mieszkańców dzielnicy – powiedział wiceprezydent miasta Piotr Nowak.",
            "Autobusy będą kursować co 10 minut w godzinach szczytu i co 20 minut poza nimi.",
            "Zobacz także",
            "Remont ulicy Grunwaldzkiej. Utrudnienia do końca maja",
            "Nowy park powstanie na Oruni",
            "Komentarze",
            "Dodaj komentarz",
            "Regulamin | Polityka prywatności | Kontakt",
            "© 2024 Gazeta Pomorska",
        ]
    )
    + "\n"
)


def test_precision_never_leaves_no_article_where_the_default_keeps_one():
    """New-user trial of stop 54: with --precision, a Polish article's four paragraphs
    (p(content) 0.6-0.7, over the raised threshold) went as the page around them, and only
    the headline stayed, exit 0."""
    from cleaner import clean as clean_default

    default = clean_default(NEWS)
    precise = clean_default(NEWS, precision=True)
    assert "Od środy 10 kwietnia" in default.text
    assert "Od środy 10 kwietnia" in precise.text and "co 20 minut poza nimi." in precise.text
    assert len(precise.text) <= len(default.text)


GERMAN = (
    "\n".join(
        [
            "Zum Inhalt springen",
            "Startseite",
            "Politik",
            "Wirtschaft",
            "Sport",
            "Kultur",
            "Anmelden",
            "Suche",
            "Wirtschaft",
            "Anzeige",
            "Brötchen werden teurer: Bäcker kämpfen mit Kosten",
            "Von Julia Berger",
            "12. März 2024, 07:30 Uhr",
            "Teilen",
            "Drucken",
            "Wer morgens beim Bäcker ein Brötchen kauft, zahlt in vielen Städten inzwischen deutlich mehr "
            "als noch vor zwei Jahren, wie eine Umfrage des Verbands zeigt.",
            "Die Gründe sind vielfältig: Energie, Mehl und vor allem Personal sind viel teurer geworden, "
            "sagen die Betriebe, und die Kunden merken es an der Theke.",
            "Fachkräfte fehlen",
            "Noch schwerer als die Kosten wiegt für viele Betriebe der Mangel an Nachwuchs, denn viele "
            "Ausbildungsplätze blieben im vergangenen Jahr unbesetzt.",
            "Die Zahl der Handwerksbäckereien ist seit Jahren rückläufig, während Supermärkte mit eigenen "
            "Backstationen immer mehr Kunden gewinnen.",
            "Was Kunden tun können",
            "Verbraucherschützer raten, Preise zu vergleichen und Brot vom Vortag zu kaufen, das viele "
            "Bäckereien am Nachmittag günstiger anbieten, und auf Angebote zu achten.",
            "Mehr zum Thema",
            "Inflation im Februar leicht gesunken",
            "Mindestlohn: Was sich in diesem Jahr ändert",
            "Newsletter",
            "Die wichtigsten Nachrichten täglich um 6 Uhr. Jetzt kostenlos abonnieren!",
            "E-Mail-Adresse",
            "Abonnieren",
            "Kommentare (12)",
            "Um kommentieren zu können, müssen Sie angemeldet sein.",
            "Impressum",
            "Datenschutz",
            "Kontakt",
            "© Rheinischer Bote 2024",
        ]
    )
    + "\n"
)


def test_a_closing_sections_heading_and_paragraph_stay_above_the_related_block():
    """New-user trial of stop 55: in a German scrape with no blank lines, the last section's
    heading and its paragraph (p(content) 0.57) went with the "Mehr zum Thema" block below
    them, the smoothing taking the block's side, exit 0."""
    from cleaner import clean as clean_default

    doc = clean_default(GERMAN)
    assert "Was Kunden tun können\n" in doc.text
    assert doc.text.rstrip().endswith("und auf Angebote zu achten.")
    assert "Mehr zum Thema" not in doc.text


def test_a_cjk_closing_paragraph_counts_its_characters_as_words():
    """New-user trial of stop 55: a Japanese article's closing paragraph of 71 characters, no
    spaces, was too short to be a sentence for the close's rescue (it counted one word), and went
    with the related links below it (p(content) 0.39), exit 0."""
    from cleaner.model.rescues import _long

    closing = (
        "ＮＰＯの代表は「人が増えた今こそ、暮らしを支える仕組みを整えたい」と話し、"
        "オンライン診療の導入を市に働きかけている。"
    )
    assert _long(closing, 15) and _long(closing, 6)
    assert not _long("関連記事", 6) and not _long("小豆島で廃校をホテルに再生", 15)
    assert not _long("Related stories here", 6)


NIGHT_TRAIN = (Path(__file__).parent / "pages" / "night-train.txt").read_text(encoding="utf-8")  # invented


def test_a_related_box_inside_the_article_ends_no_article():
    """New-user trial of stop 56: a feature's "Read also" box, its teaser and a subheading under
    it, ended the heuristics' article there (the related heading took the next line only to show
    prose going on), and their verdict, one of the model's features, took the four paragraphs
    below the box, exit 0. The article goes on where a quarter of its prose is below the box."""
    doc = clean(NIGHT_TRAIN)
    for kept in ("The trip is not cheap", "too few carriages", "What the government plans", "reaches Vienna"):
        assert kept in doc.text
    for gone in ("Read also", "Rail strike:", "More on this topic", "Interrail for seniors", "Subscribe for free"):
        assert gone not in doc.text


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        (0.12, "p(content) 0.12 at most, under 0.30"),
        (0.2996, "p(content) 0.2996 at most, under 0.30"),  # new-user trial of stop 56: "0.30 ... under 0.30"
        (0.57, "p(content) 0.57 at most, over 0.30 but outweighed by its neighbours"),
    ],
)
def test_a_removals_score_never_reads_as_its_threshold(p: float, expected: str):
    assert stage.score_text(p, 0.30) == expected


TAILS = Path(__file__).parent / "pages" / "tails"  # a new user's invented scrapes (trial of stop 57)
# each page's last sentences, above its photo caption and related block, and a line that goes
CLOSES = {
    "de": (["Die Gewerkschaft GDL kündigte an"], "Mehr zum Thema"),
    "fr": (["Parce que les sols", "Les syndicats réclament une aide"], "Lire aussi"),
    "pl": (["Ekonomiści ostrzegają", "Teraz ustawą zajmie się Senat."], "Czytaj także"),
    "pt": (["O vento forte", "A Proteção Civil pede"], "Leia também"),
    "es": (["Los ayuntamientos que superen", "«Es una situación excepcional"], "Más información"),
    "ru": (["«Наконец-то до работы"], "Читайте также"),
}


@pytest.mark.parametrize("lang", sorted(CLOSES))
def test_a_short_articles_last_sentences_above_its_tail_stay(lang: str):
    """New-user trial of stop 57: short news scrapes in ten languages, sentences of 8-14 words,
    lost their last one to three sentences (p(content) 0.13-0.58) with the caption and the
    related block under them, exit 0: no line was long enough to start the close's rescue."""
    kept, gone = CLOSES[lang]
    text = clean((TAILS / f"{lang}.txt").read_text(encoding="utf-8")).text
    for line in kept:
        assert line in text
    assert gone not in text


def test_the_tails_rescue_needs_a_label_below_and_two_kept_sentences_above():
    keep = [True, True, False, False]
    lines = [
        "First sentence of the story here.",
        "Second sentence of the story here.",
        "A closing line of the story.",
        "Related stories",
    ]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(lines)))
    probs = [0.9, 0.9, 0.2, 0.01]
    assert rescues.tail_rescued(doc, [0, 1, 2, 3], keep, probs, labelled={3}) == [True, True, True, False]
    # no label below: a page's last lines (references, sign-offs) are not the tail's
    assert rescues.tail_rescued(doc, [0, 1, 2, 3], keep, probs, labelled=set()) == keep
    # doubted too much
    assert rescues.tail_rescued(doc, [0, 1, 2, 3], keep, [0.9, 0.9, 0.05, 0.01], labelled={3}) == keep
    # one kept sentence is no body
    assert rescues.tail_rescued(doc, [0, 1, 2, 3], [False, True, False, False], probs, labelled={3}) == [
        False,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Catch our live blog from the earnings call at 2 p.m.",  # corpus train: calls and notices
        "Thank you. Your reply has been submitted and will appear shortly.",
        "Subscribe to the channel for more videos like this!",  # an exclamation
        # second attacker trial of stop 57
        "Please consider supporting us today.",
        "Thomas Müller ist Redakteur und schreibt über Wetter und Klima.",
    ],
)
def test_the_tails_rescue_keeps_no_call_to_the_reader(line: str):
    lines = ["First sentence of the story here.", "Second sentence of the story here.", line, "Related stories"]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(lines)))
    keep = [True, True, False, False]
    assert rescues.tail_rescued(doc, [0, 1, 2, 3], keep, [0.9, 0.9, 0.3, 0.01], labelled={3}) == keep


LISTS = Path(__file__).parent / "pages" / "lists"  # a new user's invented scrapes (trial of stop 58)


def test_a_list_the_model_kept_part_of_inside_the_article_stays_whole():
    """New-user trial of stop 58: a recipe's "Ingredients" and its first two items
    (p(content) 0.33) went with the smoothing, the last two stayed: flour and water lost, exit 0."""
    text = clean((LISTS / "sourdough.txt").read_text(encoding="utf-8")).text
    assert "Ingredients\n- 500 g bread flour\n- 350 g water\n- 100 g active starter\n- 10 g salt\n" in text
    assert "Easy Focaccia for Beginners" not in text


def _list_page(items: list[str]) -> tuple[Document, list[int]]:
    lines = ["The first sentence of the story is here.", "What you need", *items, "The story goes on after it."]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(lines)))
    return doc, list(range(len(lines)))


def test_the_list_rescue_needs_kept_sentences_around_and_no_label():
    doc, positions = _list_page(["- flour", "- water", "- salt"])
    keep = [True, False, False, False, True, True]
    assert rescues.list_rescued(doc, positions, keep) == [True] * 6
    # nothing of the list kept: the model's call
    none = [True, False, False, False, False, True]
    assert rescues.list_rescued(doc, positions, none) == none
    # no kept sentence below it: a list at the article's end may be the page's
    end = [True, False, False, False, True, False]
    assert rescues.list_rescued(doc, positions, end) == end
    # an item that names itself as boilerplate: a share bar, no ingredients
    doc, positions = _list_page(["- Facebook", "- Twitter", "- Email"])
    assert rescues.list_rescued(doc, positions, keep) == keep
    # under a label: the page's list, not the article's (second attacker trial of stop 58)
    lines = ["The first sentence of the story is here.", "Related stories", "- One", "- Two", "- Three", "More here."]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(lines)))
    assert rescues.list_rescued(doc, list(range(6)), keep) == keep
    assert rescues.list_rescued(doc, list(range(6)), keep, labelled={1}) == keep


def test_an_unbulleted_list_the_smoothing_took_out_of_the_article_stays():
    """New-user trial of stop 59: a Spanish recipe's "Ingredientes", its five items (no
    bullets) and "Preparación" went (p(content) up to 0.57, outweighed by its neighbours), exit 0."""
    lines = clean((LISTS / "tortilla.txt").read_text(encoding="utf-8")).text.splitlines()
    block = ["Ingredientes", "6 huevos", "700 g de patatas", "1 cebolla grande", "Aceite de oliva virgen extra"]
    assert lines[lines.index("Ingredientes") : lines.index("Ingredientes") + 5] == block
    assert "Preparación" in lines and "Gazpacho andaluz" not in lines


def test_the_hole_filled_needs_content_scores_short_lines_and_sentences_around():
    lines = ["The first sentence of the story is here.", "What you need", "flour", "water", "The story goes on."]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(lines)))
    keep = [True, False, False, False, True]
    assert rescues.hole_filled(doc, list(range(5)), keep, [0.9, 0.5, 0.5, 0.5, 0.9], threshold=0.3) == [True] * 5
    # scored as boilerplate by the model itself: its call
    assert rescues.hole_filled(doc, list(range(5)), keep, [0.9, 0.1, 0.2, 0.1, 0.9], threshold=0.3) == keep
    # a label among them, or no sentence below
    assert rescues.hole_filled(doc, list(range(5)), keep, [0.9, 0.5, 0.5, 0.5, 0.9], {2}, 0.3) == keep
    # between a notice and the next line, not the article's sentences
    assert rescues.hole_filled(doc, list(range(5)), keep, [0.9, 0.5, 0.5, 0.5, 0.9], {0}, 0.3) == keep
    end = [True, False, False, False, False]
    assert rescues.hole_filled(doc, list(range(5)), end, [0.9, 0.5, 0.5, 0.5, 0.5], threshold=0.3) == end


HEADS = Path(__file__).parent / "pages" / "heads"  # a new user's invented scrapes (trial of stop 58)


def test_the_headline_above_a_standfirst_above_the_byline_is_the_title():
    """New-user trial of stop 58: "SANIDAD / headline / standfirst / Por Lucía Fernández": the
    headline went with the section label (p(content) 0.31, outweighed by its neighbours), the
    line above the byline was the standfirst, a sentence, and the title was null."""
    doc = clean((HEADS / "es.txt").read_text(encoding="utf-8"))
    assert doc.metadata.title == "El Gobierno aprueba un plan para reducir las listas de espera sanitarias"
    assert doc.text.startswith("El programa destinará 900 millones de euros")


@pytest.mark.parametrize(
    ("page", "title", "standfirst"),
    [
        (
            "standfirst-en.txt",
            "Council approves £12m plan to rebuild Eastgate footbridge",
            "The crossing has been closed since storm damage in February",
        ),
        (
            "standfirst-de.txt",
            "Mieten in Köln steigen so stark wie seit zehn Jahren nicht",
            "Ein neuer Mietspiegel zeigt Aufschläge von bis zu 14 Prozent – besonders betroffen sind kleine Wohnungen",
        ),
        (
            "standfirst-es.txt",
            "Andalucía declara la emergencia por sequía en 23 municipios de Málaga",
            "Los embalses de la provincia están al 11% de su capacidad, el nivel más bajo desde 1995",
        ),
        (
            "standfirst-fr.txt",
            "Grève SNCF : le trafic très perturbé ce week-end en Pays de la Loire",
            "Seul un TER sur trois circulera samedi et dimanche, selon la direction régionale.",
        ),
    ],
)
def test_headline_standfirst_byline_gives_the_headline_as_title_and_keeps_the_standfirst(page, title, standfirst):
    """New-user trial of stop 59: "headline / standfirst / byline", the standfirst no sentence
    (en, de) was the title; a sentence under a longer headline (fr), the title was null; a
    Spanish headline ("... por sequía en 23 municipios ...") read as a byline and stayed in
    the text. The gold's conventions keep the standfirst as the body's first line."""
    doc = clean((HEADS / page).read_text(encoding="utf-8"))
    assert doc.metadata.title == title
    assert doc.text.splitlines()[0] == standfirst


CAPTIONS = Path(__file__).parent / "pages" / "captions"  # a new user's invented pages (trial of stop 59)


@pytest.mark.parametrize(("page", "heading"), [("en.txt", "Will the cost rise?"), ("fr.txt", "Où dormir ?")])
def test_a_subheading_under_an_in_article_caption_stays(page: str, heading: str):
    """New-user trial of stop 59: the line model kept the article; the heuristics' turn on
    what it left took the subheading under a photo caption with the caption (a short line
    between a boilerplate line and prose), exit 0."""
    lines = clean((CAPTIONS / page).read_bytes()).text.splitlines()
    assert heading in lines
    assert not any("Photo:" in line or "Photo :" in line for line in lines)


def test_a_live_tickers_newest_entry_opening_on_a_figure_stays():
    """New-user trial of stop 59: "90+3. Minute: Abpfiff! Dortmund gewinnt 2:1.", the newest
    entry, went as header (an opening sentence had to start with a capital), while the reload
    button's "Seite neu laden" above it stayed."""
    lines = clean((HEADS / "liveticker-de.txt").read_text(encoding="utf-8")).text.splitlines()
    assert lines[0] == "90+3. Minute: Abpfiff! Dortmund gewinnt 2:1."
    assert lines[-1] == "Anpfiff: Das Spiel läuft." and "Seite neu laden" not in lines


def test_a_chinese_pages_editor_is_no_author_and_its_date_line_names_the_source_and_reporter():
    """New-user trial of stop 59: "责任编辑：李静" (the responsible editor, at every Chinese news
    page's end) was the author; "2024年3月18日 09:30 来源：东方日报 记者 王晓明" was no date line (the
    reporter after the source), and the date was null; "字号：大 中 小" and a "（资料图片）" caption
    were the title."""
    doc = clean((HEADS / "zh-editor.txt").read_text(encoding="utf-8"))
    # the reporter the date line names is the author (second attacker trial of stop 60), not the editor
    assert doc.metadata.author == "王晓明"
    assert doc.metadata.date == "2024-03-18T09:30:00"
    assert doc.metadata.title in (None, "成渝中线高铁全线铺轨完成 预计年内开通运营")  # no boilerplate
    assert "责任编辑" not in doc.text and "3月17日，成渝中线高铁全线铺轨工作顺利完成" in doc.text


@pytest.mark.parametrize(
    ("page", "title", "first"),
    [
        ("kicker-en.txt", "Cup final 2024: live text commentary", "21:02 Full time!"),
        ("kicker-ru.txt", "Финал Кубка России: онлайн-трансляция", "21:02 Финальный свисток!"),
    ],
)
def test_the_headline_above_a_kicker_above_the_byline_is_the_title(page, title, first):
    """New-user trial of stop 60: "headline / Live coverage / By Dan Smith" (and Russian): the
    line right above the byline was the two-word kicker, no headline, and the title was null."""
    doc = clean((HEADS / page).read_text(encoding="utf-8"))
    assert doc.metadata.title == title
    assert doc.text.startswith(first)


def test_a_hole_between_kept_verses_is_filled_not_one_between_menu_items():
    verses = [
        "e questa siepe, che da tanta parte",
        "dell'ultimo orizzonte il guardo esclude.",
        "io nel pensier mi fingo;",
    ]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(verses)))
    keep = [True, False, True]
    assert rescues.hole_filled(doc, [0, 1, 2], keep, [0.9, 0.4, 0.9], threshold=0.3) == [True] * 3
    # a table of contents' items: title case (corpus train pages)
    items = ["Working With Difficult People", "Effective Meetings Made Simple", "Writing Style Guides Online"]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(items)))
    assert rescues.hole_filled(doc, [0, 1, 2], keep, [0.9, 0.4, 0.9], threshold=0.3) == keep


def test_a_quoted_poems_middle_verses_stay():
    """New-user trial of stop 60: four lines from the middle of a quoted stanza (no blank line)
    went (p(content) 0.39, outweighed by its neighbours), the verses around them stayed, exit 0."""
    lines = clean((LISTS / "poem-it.txt").read_text(encoding="utf-8")).text.splitlines()
    start = lines.index("Sempre caro mi fu quest'ermo colle,")
    assert lines[start + 2 : start + 7] == [
        "dell'ultimo orizzonte il guardo esclude.",
        "Ma sedendo e mirando, interminati",
        "spazi di là da quella, e sovrumani",
        "silenzi, e profondissima quiete",
        "io nel pensier mi fingo;",
    ]


@pytest.mark.xfail(
    strict=True,
    reason="known defect (issue 15): the smoothing takes an Italian recipe's introduction (p(content) 0.44) "
    "with its ingredients' heading and first items; the heuristics' turn on what is left takes the rest of "
    "the list above the method for header. A rescue bridging from a sentence over short lines to the kept "
    "text kept captions and bylines on 3 dev pages (measured), and was not shipped",
)
def test_a_recipes_introduction_and_ingredients_stay_with_its_method():
    """New-user trial of stop 60: an Italian recipe's introduction (p(content) 0.44), its
    "Ingredienti" heading and two items went with the smoothing; the heuristics' turn on what
    was left took three more items as alt text and "Preparazione" as header, exit 0."""
    lines = clean((LISTS / "norma-it.txt").read_text(encoding="utf-8")).text.splitlines()
    assert lines[0].startswith("La pasta alla Norma è uno dei simboli della cucina catanese.")
    start = lines.index("Ingredienti")
    assert lines[start + 1 : start + 8] == [
        "320 g di maccheroni",
        "2 melanzane",
        "400 g di pomodori pelati",
        "1 spicchio d'aglio",
        "ricotta salata q.b.",
        "basilico fresco",
        "olio extravergine d'oliva",
    ]
    assert "Preparazione" in lines and "Arancini siciliani" not in lines


def test_a_list_the_article_introduces_stays_whole():
    """Attacker trial of stop 60: "Before any winter hike, check that you have everything on
    this list:" stayed, and 21 of its 24 items went (p(content) 0.32 at most), exit 0."""
    lines = clean((LISTS / "packing-long.txt").read_text(encoding="utf-8")).text.splitlines()
    items = [
        line for line in (LISTS / "packing-long.txt").read_text(encoding="utf-8").splitlines() if line.startswith("- ")
    ]
    assert len(items) == 24 and [line for line in lines if line.startswith("- ")] == items


def test_an_introduced_list_needs_a_sentence_to_introduce_it():
    lines = ["Before any hike, check that you have all of these:", "- a hat", "- gloves", "- a map"]
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(lines)))
    keep = [True, False, True, False]
    assert rescues.introduced_list(doc, list(range(4)), keep) == [True] * 4
    # a list item of its own ending in a colon (a comment's "1. Jane says:"), or a label
    lines[0] = "1. Jane says:"
    doc = Document(lines=tuple(Line(n + 1, t) for n, t in enumerate(lines)))
    assert rescues.introduced_list(doc, list(range(4)), keep) == keep
    assert rescues.introduced_list(doc, list(range(4)), keep, labelled={0}) == keep


def test_share_and_follow_lines_inside_the_article_go_whatever_the_model_says():
    """New-user trial of stop 60: "Pin it for later!" above a recipe's ingredients and "Did you
    make this recipe? Tag @hannahbakes on Instagram!" under its method stayed: the line model
    kept them with the recipe around them."""
    lines = clean((LISTS / "lemon-drizzle.txt").read_text(encoding="utf-8")).text.splitlines()
    assert "Pin it for later!" not in lines
    assert not any(line.startswith("Did you make this recipe?") for line in lines)
    assert "225g caster sugar" in lines and lines[lines.index("Method") + 1].startswith("1. Heat the oven")
