"""learn_site on small hand-written scrapes: where the headline, the body and the furniture
are (issue 17, item 3): the headline is the line a byline or dateline follows, a breadcrumb
is categories, a byline's role may vary, captions are furniture by shape, a fixed line
inside the body is article text."""

from __future__ import annotations

import pytest

import cleaner

from .test_learn_meta import BODIES, NAMES, TITLES, clean_unseen

DATES = ["March 3, 2021", "July 21, 2022", "October 9, 2020", "January 30, 2023"]
ISO = ["2021-03-03", "2022-07-21", "2020-10-09", "2023-01-30"]


def page(above: list[str], title: str, meta: list[str], body: list[str]) -> str:
    lines = [
        "The Quayside Bulletin",
        "Home | Town | Harbour | Letters",
        "",
        *above,
        title,
        *meta,
        "",
        *[x for line in body for x in (line, "")],
        "Share this story",
        "More stories",
        "",
        "© The Quayside Bulletin",
    ]
    return "\n".join(lines) + "\n"


def text(body: list[str]) -> str:
    return "\n\n".join(body) + "\n"


ROLES = ["Staff Writer", "Senior Reporter", "Photographer", "Harbour Correspondent"]
CRUMBS = ["News › Harbour", "News", "News › Town › Schools", "News › Town"]


def test_byline_with_varying_role_is_author(tmp_path):
    pages = [page([], TITLES[k], [f"{NAMES[k]}, {ROLES[k]}", DATES[k]], BODIES[k]) for k in range(4)]
    doc, _ = clean_unseen(tmp_path, pages)
    assert doc.text == text(BODIES[3])
    meta = doc.metadata.as_dict()
    assert (meta["title"], meta["author"], meta["date"]) == (TITLES[3], "Tobias Reyes", ISO[3])


def test_breadcrumb_of_varying_depth_is_categories_not_title(tmp_path):
    pages = [page([CRUMBS[k]], TITLES[k], [f"By {NAMES[k]}", DATES[k]], BODIES[k]) for k in range(4)]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == text(BODIES[3])
    meta = doc.metadata.as_dict()
    assert (meta["title"], meta["author"], meta["date"]) == (TITLES[3], "Tobias Reyes", ISO[3])
    assert meta["categories"] == ["News", "Town"]
    assert "split = '›'" in toml


def test_headlines_with_a_common_prefix_are_the_title(tmp_path):
    titles = [f"Things to do: {t}" for t in TITLES]
    pages = [page(["What's On"], titles[k], [f"By {NAMES[k]}", DATES[k]], BODIES[k]) for k in range(4)]
    doc, _ = clean_unseen(tmp_path, pages)
    assert doc.text == text(BODIES[3])
    meta = doc.metadata.as_dict()
    assert (meta["title"], meta["author"], meta["date"]) == (titles[3], "Tobias Reyes", ISO[3])


CAPTIONS = [
    "Gulls over the harbour wall. Photo: Mira Holt / Quayside Bulletin",
    "The new pontoon at low tide. Photo: Sam Okoro / Quayside Bulletin",
    "Stalls along the fish quay. Photo: Ines van Loon / Quayside Bulletin",
    "A ferry leaves the slipway. Photo: Petra Lind / Quayside Bulletin",
]


def test_captions_are_furniture_by_shape(tmp_path):
    pages = [
        page([CAPTIONS[k], ""], TITLES[k], [f"By {NAMES[k]}", DATES[k]], [BODIES[k][0], CAPTIONS[3 - k], BODIES[k][1]])
        for k in range(4)
    ]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == text(BODIES[3])
    assert doc.metadata.as_dict()["title"] == TITLES[3]
    assert "Photo: " in toml and "Gulls" not in toml


SIGNATURES = ["Ada Lowe, Millbrook", "Piet Mol, East Haven", "Rui Costa, Cedar Falls", "Eve Stone, Westbury"]


def test_fixed_line_inside_the_body_and_a_signature_are_article_text(tmp_path):
    # "To the editor:" is in every scrape, below the dateline: article text (the generic
    # stage keeps it), so no drop rule; the signature after the last paragraph is no list of
    # categories.
    bodies = [["To the editor:", *BODIES[k], SIGNATURES[k]] for k in range(4)]
    pages = [page([], f"Letters: {TITLES[k]}", [DATES[k]], bodies[k]) for k in range(4)]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == text(bodies[3])
    meta = doc.metadata.as_dict()
    assert (meta["title"], meta["date"], meta["categories"]) == (f"Letters: {TITLES[3]}", ISO[3], [])
    assert "To the editor:" not in toml.split("[expect]")[0]


APPEAL = (
    "The Quayside Bulletin is a nonprofit newsroom that depends on readers like you to keep reporting "
    "on the harbour, so please consider a donation today."
)


def test_a_paragraph_every_scrape_prints_inside_the_body_is_furniture(tmp_path):
    """New-user trial of stop 33: a donation appeal printed word for word between the first and
    second paragraph of every article was released as article text (the rule for a fixed line
    inside the body, meant for "To the editor:"), and the draft kept it."""
    pages = [
        page([], TITLES[k], [f"By {NAMES[k]}", DATES[k]], [BODIES[k][0], APPEAL, *BODIES[k][1:]]) for k in range(4)
    ]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == text(BODIES[3])
    assert APPEAL in toml.split("[expect]")[0]


BOX = ["SUPPORT LOCAL NEWS", "The Quayside Bulletin is reader-funded. Become a member for $5 a month.", "Join now"]


def test_an_appeal_box_every_scrape_prints_inside_the_body_goes_whole(tmp_path):
    """New-user trial of stop 34: a box of three lines in every article (a heading, an appeal
    with a figure in it, a button) stayed in the text: the heading and the button were released
    as article text (the generic stage keeps them), and the appeal too, its figure making its
    shape no literal one."""
    pages = [page([], TITLES[k], [f"By {NAMES[k]}", DATES[k]], [BODIES[k][0], *BOX, *BODIES[k][1:]]) for k in range(4)]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == text(BODIES[3])
    rules = toml.split("[expect]")[0]
    assert "SUPPORT LOCAL NEWS" in rules and "Join now" in rules


PROMO = "GAZETTE PLUS • Unlock unlimited local journalism for less than a coffee a week"
TIP = "Got a story? Tip the Bulletin newsroom on 555-0142 or tips@bulletin.example"


def test_a_long_line_every_scrape_prints_inside_the_body_is_furniture(tmp_path):
    """New-user trial of stop 35: a promo line between two paragraphs and a tip line above
    the first, the same in every article, were released as article text (the generic stage
    keeps them) and stayed in the text of an unseen article. A heading stays article text
    (test_fixed_line_inside_the_body_and_a_signature_are_article_text)."""
    pages = [
        page([], TITLES[k], [f"By {NAMES[k]}", DATES[k]], [TIP, BODIES[k][0], PROMO, *BODIES[k][1:]]) for k in range(4)
    ]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == text(BODIES[3])
    rules = toml.split("[expect]")[0]
    assert PROMO in rules and "Tip the Bulletin newsroom" in rules


# A section label of one item above the headline, varying with the article (trial: "The
# Harbour Ledger"): categories, never article text, whichever label the next page has.
SECTIONS = ["Harbour", "Town", "Letters", "Town"]


@pytest.mark.parametrize("labels", [SECTIONS, ["Harbour", "Harbour", "Harbour", "Town"]], ids=["varying", "same"])
def test_section_label_above_the_headline_is_categories(tmp_path, labels):
    # "same": three scrapes of one section; the label is an item of the menu line
    pages = [page([labels[k]], TITLES[k], [f"By {NAMES[k]}", DATES[k]], BODIES[k]) for k in range(4)]
    doc, toml = clean_unseen(tmp_path, pages)
    assert doc.text == text(BODIES[3])
    meta = doc.metadata.as_dict()
    assert (meta["title"], meta["author"], meta["categories"]) == (TITLES[3], "Tobias Reyes", ["Town"])
    assert "section label directly above the headline" in toml
    for k in range(3):  # the training scrapes too
        trained = cleaner.clean(pages[k], profiles=cleaner.load_profiles([tmp_path]), profile="quayside")
        assert not trained.text.startswith(labels[k]), trained.text
        assert trained.metadata.categories == (labels[k],)


# ---- the page's <title> line on top: the headline with the site's name ---------------------

HEADLINES = [
    "Ferry times change for the winter months",
    "Station gets a shelter for forty bikes",
    "Allotment show returns after two years",
    "Bandstand on the green is repainted",
]
AFFIXES = [" | Harbour - The Quayside Bulletin", " - The Quayside Bulletin", " | Letters - The Quayside Bulletin"]


def titled_page(k: int, first: str) -> str:
    """A scrape that starts with the page's <title> and has the headline as a line of its own
    further down, below a varying teaser, so no template line pins it."""
    teaser = f"Read next: {HEADLINES[(k + 1) % 4].lower()}"
    lines = [first, "The Quayside Bulletin", "Home | Town | Harbour | Letters", "", teaser, "", HEADLINES[k], ""]
    lines += [x for line in BODIES[k] for x in (line, "")]
    return "\n".join([*lines, "Share this story", "", "© The Quayside Bulletin"]) + "\n"


@pytest.mark.parametrize(
    ("affixes", "unseen"),
    [
        (AFFIXES, " | Town - The Quayside Bulletin"),  # a section name it has not seen
        ([" - The Quayside Bulletin"] * 3, " - The Quayside Bulletin"),
        (["Quayside Bulletin: ", "Quayside Bulletin Letters: ", "Quayside Bulletin: "], "Quayside Bulletin Town: "),
    ],
)
def test_title_is_the_headline_without_the_site_name(tmp_path, affixes, unseen):
    prefix = affixes[0].endswith(": ")
    pages = [titled_page(k, affixes[k] + HEADLINES[k] if prefix else HEADLINES[k] + affixes[k]) for k in range(3)]
    pages.append(titled_page(3, unseen + HEADLINES[3] if prefix else HEADLINES[3] + unseen))
    doc, _ = clean_unseen(tmp_path, pages)
    assert doc.metadata.title == HEADLINES[3]
    assert HEADLINES[3] not in doc.text


def test_a_title_line_that_names_no_later_line_stays_whole(tmp_path):
    pages = [titled_page(k, f"{HEADLINES[k]}, in pictures") for k in range(4)]  # the headline line differs
    doc, _ = clean_unseen(tmp_path, pages)
    assert doc.metadata.title == f"{HEADLINES[3]}, in pictures"
