"""The second opinion (cleaner.stages.html_second): prose resiliparse finds that trafilatura
left out comes back where the page has it; reader comments, short lines, text already there
and a little text beyond trafilatura's bounds do not."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main
from cleaner.stages.html_second import merge, other_lines

SUBJECTS = [
    "harbour board",
    "ferry company",
    "fishing co-operative",
    "town council",
    "lifeboat crew",
    "sailing club",
    "chamber of trade",
    "port authority",
    "museum trust",
    "school governors",
]
PLACES = [
    "north quay",
    "old slipway",
    "fish market",
    "ferry ramp",
    "boat yard",
    "sea wall",
    "pier head",
    "lighthouse",
    "tide gauge",
    "car park",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


REASONS = [
    "because storms had cracked its stones twice since the war and insurers refused cover",
    "since tourists kept asking where the old steamers used to land their cargo each week",
    "after divers found rotten timbers under the deck that nobody had inspected for decades",
    "so that trawlers landing mackerel at dawn would no longer queue out past the bar",
    "as the county promised grants covering most costs if building starts quickly enough",
    "when engineers warned that one more hard winter could bring the whole structure down",
    "while families complained loudly that children had nowhere safe left to fish from",
    "though several members argued hotly that schools and buses needed that money more",
    "once a local charity offered volunteers, stone and two lorries free of charge",
    "because ferry passengers had slipped on broken steps three times during last autumn",
]


def para(n: int) -> str:
    """Paragraph n: 28 words, sharing no run of four words with another paragraph."""
    return (
        f"Paragraph {n}: in {MONTHS[n]} the {SUBJECTS[n]} voted {n + 2} to 1 to rebuild the {PLACES[n]} {REASONS[n]}."
    )


def page(article: range, after: range = range(0), between: str = "", comments: str = "") -> str:
    """An article element trafilatura takes, and a section after it that it leaves out."""
    ps = "".join(f"<p>{para(n)}</p>" for n in article)
    more = "".join(f"<p>{para(n)}</p>" for n in after)
    return (
        "<!DOCTYPE html><html><head><title>Quay Reopens</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><div class='entry'>{ps}{between}</div></article>"
        f"<section><div>{more}</div></section>{comments}"
        "<footer>Copyright 2024 Example News</footer></body></html>"
    )


def paragraphs(text: str) -> list[str]:
    return [line.split(":")[0] for line in text.split("\n") if line.startswith("Paragraph")]


def test_a_body_trafilatura_cut_short_comes_back_whole_and_in_order():
    doc = clean(page(range(3), range(3, 9)), html=True, profile="none")
    assert paragraphs(doc.text) == [f"Paragraph {n}" for n in range(9)]
    assert doc.added == (4, 5, 6, 7, 8, 9)  # line numbers of the extracted text: after the title line's three
    assert "html:resiliparse:6" in doc.steps


def test_a_paragraph_left_out_inside_the_article_goes_back_in_its_place():
    """Page builders wrap each text block in a widget (Elementor: "elementor-widget-text-editor");
    trafilatura drops elements whose class names a widget."""
    widget = (
        "<div class='elementor-widget elementor-widget-text-editor'><div class='elementor-widget-container'>"
        f"<p>{para(2)}</p></div></div>"
    )
    html = page(range(2), between=widget + "".join(f"<p>{para(n)}</p>" for n in (3, 4)))
    assert paragraphs(clean(html, html=True, profile="none").text) == [f"Paragraph {n}" for n in range(5)]


def test_a_little_text_beyond_the_article_stays_out():
    """One paragraph after a six-paragraph article: an author's bio, a teaser, a disclaimer far
    more often than the article's end (corpus train pages)."""
    doc = clean(page(range(6), range(6, 7)), html=True, profile="none")
    assert paragraphs(doc.text) == [f"Paragraph {n}" for n in range(6)]
    assert doc.added == () and not doc.steps_of("html")[0].startswith("resiliparse")


def test_fast_and_precision_keep_to_trafilatura():
    html = page(range(3), range(3, 9))
    assert paragraphs(clean(html, html=True, profile="none", fast=True).text) == [f"Paragraph {n}" for n in range(3)]
    assert len(paragraphs(clean(html, html=True, profile="none", precision=True).text)) == 3


def test_reader_comments_are_never_added_and_come_once_with_comments():
    comments = (
        "<div id='comments' class='comments'><h3>3 Comments</h3><ul>"
        + "".join(f"<li class='comment'><p>Reader {n} wrote that {para(n).lower()}</p></li>" for n in range(3))
        + "</ul></div>"
    )
    html = page(range(2), comments=comments)
    assert "Reader" not in clean(html, html=True, profile="none").text
    with_comments = clean(html, html=True, profile="none", comments=True).text
    assert [with_comments.count(f"Reader {n} wrote") for n in range(3)] == [1, 1, 1]


def test_markdown_keeps_each_line_its_structure():
    html = page(range(3), range(3, 9)).replace("<div class='entry'>", "<div class='entry'><h2>The vote</h2>")
    result = CliRunner().invoke(main, ["clean", "-", "--format", "markdown", "--profile", "none"], input=html)
    assert result.exit_code == 0, result.output
    assert "## The vote" in result.output
    assert [line.split(":")[0] for line in result.output.split("\n") if line.startswith("Paragraph")] == [
        f"Paragraph {n}" for n in range(9)
    ]


def test_links_do_not_make_the_same_paragraph_new():
    html = page(range(3), range(3, 9)).replace(" voted ", " <a href='/vote'>voted</a> ")
    text = clean(html, html=True, profile="none", links=True).text
    assert paragraphs(text) == [f"Paragraph {n}" for n in range(9)]
    assert text.count("[voted](/vote)") == 3  # trafilatura's lines keep their links


def test_explain_says_which_lines_resiliparse_added():
    result = CliRunner().invoke(main, ["explain", "-"], input=page(range(3), range(3, 9)))
    assert "plus 6 lines of prose by resiliparse it had left out, put in place (lines 4-9)" in result.output
    widget = "<div class='elementor-widget'><p>{}</p></div>"
    one = page(range(2), between=widget.format(para(2)) + f"<p>{para(3)}</p>")
    assert "put in place (line 3)" in CliRunner().invoke(main, ["explain", "-"], input=one).output


# merge() on lines


def test_lines_broken_otherwise_are_not_new():
    lines = [para(0), para(1), para(3)]
    other = [para(0)[:60], para(0)[60:], para(1), para(2), para(3)]
    assert merge(lines, other) == ([para(0), para(1), para(2), para(3)], [2])


def test_new_prose_at_the_edges_must_outweigh_half_the_text():
    lines = [para(0), para(1)]  # 2 x 28 words
    assert merge(lines, [para(0), para(1), para(2)]).added == []  # 28 words: not more than half
    assert merge(lines, [para(0), para(1), para(2), para(3)]).added == [2, 3]
    assert merge(lines, [para(2), para(3), para(0), para(1)]).added == [0, 1]  # above the first too


def test_new_prose_goes_after_the_line_both_have_before_it():
    lines = [para(0), para(2), para(3)]
    merged = merge(lines, [para(0), para(1), para(2), para(3)])
    assert merged.lines == [para(0), para(1), para(2), para(3)] and merged.added == [1]


def test_short_lines_and_lines_without_a_sentence_end_are_not_prose():
    lines = [para(0), para(2)]
    menu = "Home News Sport Weather"
    heading = " ".join(["Word"] * 25)  # 25 words, no full stop: a list of links or tags
    assert merge(lines, [para(0), menu, heading, para(2)]).added == []


def test_a_paragraph_twice_in_the_other_text_is_added_once():
    lines = [para(0), para(3)]
    merged = merge(lines, [para(0), para(1), para(1), para(3)])
    assert merged.lines == [para(0), para(1), para(3)]


def test_comment_lines_are_known():
    lines = [para(0), para(3)]
    assert merge(lines, [para(0), para(1), para(3)], comments=[para(1)]).added == []


def test_a_paragraph_trafilatura_cut_an_element_from_is_not_added_again():
    """trafilatura drops a span it takes for a sidebar; resiliparse's whole paragraph is then
    partly there: added, the rest would be printed twice (attacker trial)."""
    inner = f"<p>{para(1)} <span class='sidebar'>{para(2)}</span></p>"
    html = page(range(1), between=inner + f"<p>{para(3)}</p>")
    text = clean(html, html=True, profile="none").text
    assert text.count("Paragraph 1:") == 1 and text.count("Paragraph 3:") == 1


def test_new_prose_goes_after_the_repeated_paragraph_it_follows():
    widget = "<div class='elementor-widget'><div class='elementor-widget-container'><p>{}</p></div></div>"
    first = f"<p>{para(1)}</p>{widget.format(para(2))}<p>{para(3)}</p>"
    body = first + f"<p>{para(1)}</p>{widget.format(para(4))}<p>{para(5)}</p>"
    text = clean(page(range(0), between=body), html=True, profile="none").text
    assert paragraphs(text) == [f"Paragraph {n}" for n in (1, 2, 3, 1, 4, 5)]


@pytest.mark.parametrize("named", ["id='user-comments'", "class='CommentStream'", "id='article-comments__list'"])
def test_prose_in_an_element_named_for_comments_is_not_added(named):
    """Reader comments trafilatura does not find as such (its names are fewer)."""
    comments = f"<div {named}>" + "".join(f"<p>{para(n)}</p>" for n in range(3, 9)) + "</div>"
    doc = clean(page(range(3), comments=comments), html=True, profile="none")
    assert paragraphs(doc.text) == [f"Paragraph {n}" for n in range(3)] and doc.added == ()


def test_a_page_trafilatura_finds_nothing_in_gets_resiliparse_prose(monkeypatch):
    from cleaner.stages import html

    real = html._main_text
    monkeypatch.setattr(html, "_main_text", lambda *a, **k: real(*a, **k)._replace(text="", structure=None))
    doc = clean(page(range(4)), html=True, profile="none")
    assert paragraphs(doc.text) == [f"Paragraph {n}" for n in range(4)]
    assert doc.text.endswith(f"{para(3)}\n") and not doc.text.endswith("\n\n")
    assert doc.added == (1, 2, 3, 4)


def test_a_page_of_many_comment_elements_adds_none_of_them():
    """Each outermost element named for comments is removed by a query of its own (walking
    all matches at once is quadratic in resiliparse); past MAX_NOT_ADDED, no second
    opinion at all."""
    from cleaner.stages.html_second import MAX_NOT_ADDED

    many = "".join(f"<div class='comment-{n}'><p>{para(n % 10)}</p></div>" for n in range(MAX_NOT_ADDED + 5))
    doc = clean(page(range(3), comments=many), html=True, profile="none")
    assert paragraphs(doc.text) == [f"Paragraph {n}" for n in range(3)] and doc.added == ()


@pytest.mark.parametrize(
    "wrap",
    [
        "<figure><img src='quay.jpg'><figcaption>{}</figcaption></figure>",
        "<aside class='pull'><p>{}</p></aside>",
    ],
    ids=["figcaption", "aside"],
)
def test_captions_and_asides_are_not_added(wrap):
    """gold/README.md: captions and sidebars are boilerplate; trafilatura drops them, and
    resiliparse figures and asides."""
    html = page(range(2), between=wrap.format(para(5)) + f"<p>{para(3)}</p>")
    assert "Paragraph 5" not in clean(html, html=True, profile="none").text


# from the second attacker trial


@pytest.mark.parametrize("char", ["&#8203;", "&shy;", "&#x200d;", "&#x2060;", "&#xfeff;", "&#127;", "&#xe000;"])
def test_an_invisible_character_never_makes_a_paragraph_come_twice(char):
    """One extractor keeps the character, the other drops it: inside a word it split the
    word, and the paragraph read as new (soft hyphens in every long word), or as a standfirst
    trafilatura had left out (one in the first paragraph)."""
    first = para(0).replace("voted", f"vo{char}ted").replace("harbour", f"har{char}bour")
    html = page(range(0), between=f"<p>{first}</p>" + "".join(f"<p>{para(n)}</p>" for n in (1, 2)))
    doc = clean(html, html=True, profile="none")
    assert paragraphs(doc.text) == ["Paragraph 0", "Paragraph 1", "Paragraph 2"]
    assert doc.standfirst == 0 and doc.added == ()


def test_a_phrase_two_paragraphs_share_does_not_move_an_added_one():
    """A phrase in two paragraphs ("said in a statement") placed the matched one at the first."""
    shared = [
        "<p>The environment agency said in a statement that it supported the plan and would help to pay.</p>",
        "<p>The regional government said in a statement that the money had been approved last month.</p>",
    ]
    body = f"<ul><li>{shared[0]}</li></ul>{shared[1]}<center>{para(4)}</center><p>{para(5)}</p>"
    text = clean(page(range(1), between=body), html=True, profile="none").text
    assert text.index("The regional government") < text.index("Paragraph 4") < text.index("Paragraph 5")


def test_a_paragraph_trafilatura_prints_in_two_lines_is_not_split_by_an_addition():
    quoted = (
        "<p>Residents said <q>we have waited thirty years for this</q> and the council agreed that the walls "
        "would be finished within two years of the vote.</p>"
    )
    text = clean(page(range(1), between=f"{quoted}<center>{para(4)}</center><p>{para(5)}</p>"), html=True).text
    assert text.index("within two years") < text.index("Paragraph 4") < text.index("Paragraph 5")


@pytest.mark.parametrize("end", ["…", "...", " […]", " [...]"])
def test_a_teaser_cut_off_is_not_prose(end):
    teaser = f"<div class='widget'><p>{para(7)[:-1]}{end}</p></div>"
    html = page(range(2), between=teaser + f"<p>{para(3)}</p>")
    assert "Paragraph 7" not in clean(html, html=True, profile="none").text


@pytest.mark.parametrize(
    "named", ["class='responses'", "id='kommentare'", "id='comentarios'", "id='disqus_thread'", "class='replies'"]
)
def test_reader_comments_by_other_names_are_not_added(named):
    comments = f"<section {named}>" + "".join(f"<p>{para(n)}</p>" for n in range(3, 9)) + "</section>"
    doc = clean(page(range(3), comments=comments), html=True, profile="none")
    assert paragraphs(doc.text) == [f"Paragraph {n}" for n in range(3)] and doc.added == ()


def test_no_tables_adds_no_table_text():
    table = f"<table><tr><td>{para(4)}</td><td>{para(5)}</td></tr></table>"
    html = page(range(2), between=table + f"<p>{para(3)}</p>")
    assert "Paragraph 4" not in clean(html, html=True, profile="none", tables=False).text
    assert "Paragraph 4" in clean(html, html=True, profile="none").text


def test_template_markup_is_no_text():
    """<template> holds inert markup for scripts (a paywall's offer); trafilatura printed it."""
    offer = "<template id='paywall'><p>Subscribe now to keep reading: every article for a dollar a week.</p></template>"
    for fast in (False, True):
        text = clean(page(range(2), between=offer + f"<p>{para(3)}</p>"), html=True, fast=fast).text
        assert "Subscribe" not in text and paragraphs(text) == ["Paragraph 0", "Paragraph 1", "Paragraph 3"]


def test_a_paragraph_trafilatura_splits_at_each_image_is_not_added_again():
    """With --images trafilatura prints a paragraph with an image every word or two as many
    short lines; matched line by line, none held four of its words in a row and resiliparse's
    whole paragraph came again (second attacker trial)."""
    flags = " ".join(f"<img src='/f/{c}.png' alt='{c}'> {c}land," for c in "ABCDEFGHIJKLMNOPQRSTU")
    html = page(range(2), between=f"<p>Qualified: {flags} and the hosts.</p><p>{para(3)}</p>")
    text = clean(html, html=True, profile="none", images=True).text
    assert text.count("Qualified") == 1 and text.count("Uland") == 1


def test_resiliparses_tree_is_dropped_in_the_thread_that_made_it():
    """Attacker trial of stop 54: `--engine dask` printed "HTMLTreePy is unsendable, but is being
    dropped on another thread": Dask's workers sample their tasks' stacks, and a frame held by
    the sampler keeps its locals until the sampler lets go of it, on its own thread. Here a
    profile hook keeps other_lines' frame past its return and this thread lets it go."""
    import sys
    import threading

    held = []

    def hook(frame, event, arg):
        if event == "return" and frame.f_code.co_name == "other_lines":
            held.append(frame)

    def work():
        sys.setprofile(hook)
        try:
            other_lines(f"<html><body><p>{'The harbour reopened after the storm. ' * 8}</p></body></html>")
        finally:
            sys.setprofile(None)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert held
    caught = []
    before = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: caught.append(unraisable.exc_value)
    try:
        held.clear()
    except RuntimeError as err:
        caught.append(err)
    finally:
        sys.unraisablehook = before
    assert caught == []
