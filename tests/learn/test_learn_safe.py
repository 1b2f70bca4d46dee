"""Drafts that are safe on a site's next page (issue 17): `generic = "page"`, which learn writes
unless its leave-one-out check measures another setting clearly better, keeps at most the lines
the generic stage alone keeps, whatever the draft's removals do to the generic stage's view of
the page; and the draft's rules still remove the template lines."""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

import regex

import cleaner
from cleaner.learn.site import GENERIC_MARGIN, _choose_generic, learn_site

from .corpora import corpus


def lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip()}


def cleaned(toml: str, text: str, generic: str) -> cleaner.Document:
    toml = regex.sub(r"(?m)^generic = '\w+'", f"generic = '{generic}'", toml)
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "learned.toml").write_text(toml, encoding="utf-8")
        profiles = cleaner.load_profiles([tmp], builtin=False)
    return cleaner.clean(text, profiles=profiles, profile="learned")


def test_page_keeps_no_line_the_generic_stage_alone_removes():
    # A generated site where the draft's removals make "full" keep lines generic cleaning
    # alone removes (the template lines that took them out of the body are gone).
    pages = corpus("northside-gazette", 1, n=4)
    toml = learn_site([p.text for p in pages[:3]], "learned")
    unseen = pages[3].text
    alone = lines(cleaner.clean(unseen, profile="none").text)
    full, page = cleaned(toml, unseen, "full"), cleaned(toml, unseen, "page")
    assert lines(full.text) - alone  # the setting matters on this page
    assert lines(page.text) <= alone
    assert page.generic == ("page", "learned")
    assert any(r.rule.startswith("learned#") for r in page.removals)  # the draft's rules still run


def test_learn_writes_page_from_three_scrapes_of_a_plain_site():
    pages = corpus("northside-gazette", 0, n=3)
    toml = learn_site([p.text for p in pages], "learned")
    assert tomllib.loads(toml)["profile"]["generic"] == "page"


def test_another_setting_only_when_clearly_better():
    page = (0.9, 0.9, 0.90)
    assert _choose_generic({"page": page, "full": (0.9, 0.9, 0.90 + GENERIC_MARGIN / 2), "metadata": page}) == "page"
    better = 0.90 + GENERIC_MARGIN + 0.01
    assert _choose_generic({"page": page, "full": (0.9, 0.9, better), "metadata": page}) == "full"
    assert _choose_generic({"page": page, "full": page, "metadata": (1.0, 1.0, better)}) == "metadata"


MENU = ["The Harbor Herald", "Subscribe", "Home", "News", "Politics", "Business", "Sport"]
STORIES = [
    ("Ferry fares rise", "Ferry fares will rise by a fifth in June, the port authority said on Monday."),
    ("Market hall reopens", "The old market hall reopens on Saturday after two years of repairs to its roof."),
    ("Library hours cut", "The central library will close at six on weekdays from next month to save money."),
    ("Bridge works delayed", "Works on the north bridge will start in the autumn, three months later than planned."),
]


def _scrape(headline: str, lead: str, body: list[str], author: str) -> str:
    footer = ["Related articles", "Comments (0)", "About us", "Contact", "© 2024 The Harbor Herald"]
    return "\n".join([*MENU, headline, f"By {author}", lead, *body, *footer]) + "\n"


def test_a_learned_menu_is_dropped_only_where_its_items_stand_together():
    """New-user trial of stop 38: learn's header rule dropped "Politics", "Business" and
    "Sport" anywhere, and an article's subheadings of those words went with the menu."""
    prose = [
        "Residents were told of the change in a letter, and most said they had expected it for a while.",
        "Traders say the work was overdue, though some worry about the months of noise still to come.",
        "Staff will be moved to the branch libraries, which keep their hours, the council said.",
    ]
    authors = ["Ana Ruiz", "Tom Berg", "Lena Park"]
    toml = learn_site([_scrape(*STORIES[n], [prose[n]], authors[n]) for n in range(3)], "learned")
    rule = next(r for r in tomllib.loads(toml)["rules"] if r["kind"] == "drop_line" and "Politics" in r["text"])
    assert rule["together"] == 2
    briefing = _scrape(
        STORIES[3][0],
        STORIES[3][1],
        ["Politics", "The council votes tonight on longer bus hours at weekends, after a year of debate.", "Sport"],
        "Ana Ruiz",
    )
    doc = cleaned(toml, briefing, "metadata")  # the draft's rules, and the generic stage on metadata only
    assert "Politics" in lines(doc.text) and "Sport" in lines(doc.text)
    assert not {"Home", "News", "Business"} & lines(doc.text)


def test_a_share_bar_printed_with_spaces_only_is_no_article_text():
    """New-user trial of stop 39: "Facebook  Twitter  Email  Print" under the byline of every
    scrape was released as a recurring subheading (the generic stage kept it), so neither
    learn's draft nor generic cleaning removed it: the first line of every output."""
    prose = [
        "Residents were told of the change in a letter, and most said they had expected it for a while.",
        "Traders say the work was overdue, though some worry about the months of noise still to come.",
        "Staff will be moved to the branch libraries, which keep their hours, the council said.",
        "Drivers will be sent along the ring road until the works are finished early next spring.",
    ]
    authors = ["Ana Ruiz", "Tom Berg", "Lena Park", "Omar Haddad"]
    bar = "Facebook  Twitter  Email  Print"
    pages = [_scrape(*STORIES[n], [bar, prose[n]], authors[n]) for n in range(4)]
    toml = learn_site(pages[:3], "learned")
    for generic in ("page", "metadata"):
        doc = cleaned(toml, pages[3], generic)
        assert prose[3] in lines(doc.text)
        assert bar not in lines(doc.text) and " ".join(bar.split()) not in lines(doc.text)


def test_a_learned_profile_takes_no_page_of_another_site_by_its_generic_footer(tmp_path):
    """Attacker trial of stop 55: a draft learned from four scrapes chose the footer "Privacy |
    Terms | Contact us" as a fingerprint; another site's page printing the same footer took the
    profile, whose metadata rules took two of its lines out of the text, exit 0."""
    from cleaner.heuristics.phrases import generic_line

    def page(k: int) -> str:
        return (
            f"Skip to content\nThe Riverside Post\nHome | Local | Politics | Sport | Opinion\n"
            f"Local\n\nHeadline number {k} of the week\n\nBy Anna Kowalski\n\n"
            f"Story {k} begins here, and the county said on Monday that the work would last four months.\n\n"
            f"The second paragraph of story {k} says more about the bridge and the traffic around it.\n\n"
            "Share this story\nFacebook Twitter Email\n\nPrivacy | Terms | Contact us\n"
        )

    toml = learn_site([page(k) for k in range(4)], "riverside")
    prints = tomllib.loads(toml)["profile"]["fingerprints"]
    assert prints and not any(generic_line(regex.sub(r"\\(.)", r"\1", p.strip("^$"))) for p in prints)
    assert "Privacy" not in " ".join(prints)
    Path(tmp_path, "riverside.toml").write_text(toml, encoding="utf-8")
    other = (
        "Bookworm Weekly\n\nFive novels for the summer\n\nThe Overstory\n\n"
        "A sprawling novel about trees and the people who come to love them, and it rewards patience.\n\n"
        "Piranesi\n\nA strange house of endless halls, and a narrator who keeps careful notes of the tides.\n\n"
        "Privacy | Terms | Contact us\n"
    )
    doc = cleaner.clean(other, profiles=cleaner.load_profiles([tmp_path]), url="https://bookworm.example/summer")
    assert "riverside" not in doc.profiles


def test_a_line_of_no_letters_is_no_cut_marker():
    """New-user trial of stop 55: every scrape printed "—" under its article, so the draft cut
    after it; an unseen page of the site used "—" as its own section break and lost three of its
    six paragraphs, exit 0."""
    stories = [
        ("Bakery opens on Mill Street", "The bakery sells rye bread and pastries six days a week from seven."),
        ("Covered bridge to close for repairs", "Engineers found rot in two beams and the county will replace both."),
        ("Library reopens after renovation", "The reading room has new lights, and the children's corner doubled."),
        ("Trout season starts early this year", "Anglers may fish the upper river from the first of April on."),
    ]

    def page(k: int) -> str:
        title, lead = stories[k]
        others = [t for j, (t, _) in enumerate(stories) if j != k]
        return (
            f"The Fenwick Ledger\nNews | Events | About\n\n{title}\n\n{lead}\n\n"
            f"Residents of ward {'ABCD'[k]} said the change came as a surprise to {k + 2} of their neighbours.\n\n"
            f"—\n\nGot a tip? Write to tips@fenwick.example\nKeep reading\n" + "\n".join(others) + "\n"
        )

    rules = tomllib.loads(learn_site([page(k) for k in range(4)], "fenwick"))["rules"]
    cuts = [rule for rule in rules if rule["kind"] == "cut_after"]
    markers = [m for rule in cuts for m in [*rule.get("pattern", []), *rule.get("text", [])]]
    assert markers and all(regex.search(r"\p{L}", m) for m in markers), markers


def test_a_learned_author_is_no_subheading_opening_on_the():
    """Attacker trial of stop 55: a draft's author rule "^By (?P<author>...)$" read the subheading
    "By The Numbers" of an unseen page with no byline as its author, and the sentence above it as
    the title. A learned name opens on no English article or determiner."""
    from cleaner.learn.shapes import NAME_RE

    name = regex.compile(rf"^By (?P<author>{NAME_RE})$")
    assert name.match("By Anna Kowalski")["author"] == "Anna Kowalski"
    assert name.match("By Theo van Berg") and name.match("By Thea Ross")
    assert name.match("By The Numbers") is None and name.match("By Our Correspondent") is None


def test_no_fingerprint_of_short_or_generic_lines_when_no_long_one_is_found():
    """Second attacker trial of stop 55: where the filter left no line, the fallback chose
    "^Weather$", "^Sports$" and "^Share this story$", and the draft took another site's page."""
    stories = [
        ("Storm closes ferry routes", "All ferry routes were cancelled on Tuesday as winds reached gale force."),
        ("Library reopens on Monday", "The reading room has new lights, and the children's corner doubled."),
        ("Council approves the budget", "The budget passed by seven votes to four after a long debate."),
    ]
    pages = [f"Weather\nSports\n\n{title}\n\n{lead}\n\nShare this story\n" for title, lead in stories]
    prints = tomllib.loads(learn_site(pages, "krdo"))["profile"]["fingerprints"]
    assert prints == []


VALLEY = Path(__file__).parent / "pages" / "valley-ledger"  # a new user's invented site (trial of stop 59)


def test_a_photo_caption_that_closes_every_scrape_is_no_cut_marker():
    """New-user trial of stop 59: "Ledger Lens: ... Photo: Tom Evans" closed the article on all
    5 scrapes and was drafted as a cut_after marker; an unseen page with such a caption mid-
    article kept 2 of its 6 paragraphs, exit 0. The markers below it do the cut."""
    pages = [(VALLEY / f"ledger-{n}.txt").read_text(encoding="utf-8") for n in range(1, 6)]
    toml = learn_site(pages, "learned")
    cuts = [r for r in tomllib.loads(toml)["rules"] if r["kind"] == "cut_after"]
    assert cuts and not any("Photo" in p for r in cuts for p in r["pattern"])
    unseen = (VALLEY / "ledger-9.txt").read_text(encoding="utf-8")
    text = cleaned(toml, unseen, "page").text
    assert "The award will be presented in London in June." in text
    assert "Read next" not in text
