"""The extractor's switches (--tables/--no-tables, --comments, --links, --images, --precision,
--recall, --target-language) on clean, explain and clean(), each with an exact expected output;
and HTML fragments, which trafilatura reads only once wrapped in a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import MissingDependency, clean
from cleaner.cli import main
from tests.test_formats import PAGE, PAGE_TEXT

HERE = Path(__file__).parent / "formats"
WEAK = HERE / "weak.txt"  # a text scrape with a caption-like line inside the article
RECALL = HERE / "recall.txt"  # a text scrape with short sections the default drops by their neighbours

TABLE = "| Quay | Status |\n|---|---|\n| North | open |\n| South | closed |\n\n"
LAST = "Fishermen said the damage was worse than in 2019, and that repairs will go on all summer.\n"


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_no_tables():
    result = run("clean", str(PAGE), "--no-tables")
    assert result.stdout == PAGE_TEXT.replace(TABLE, "")
    assert run("clean", str(PAGE), "--tables").stdout == PAGE_TEXT


def test_comments_stay_after_the_article():
    result = run("clean", str(PAGE), "--comments")
    comments = "\nComments\n\nGreat news for the town, finally the ferries are back on time.\n"
    assert result.stdout == PAGE_TEXT + comments


def test_an_article_in_a_container_named_for_comments_is_kept():
    """trafilatura told to leave comments out prunes every element whose class names them
    ("commentable-article" too) before it looks for the article: cleaner extracts them
    apart and leaves them out after, so the article stays and the comments go."""
    pars = [
        "The council approved the new budget on Tuesday after a long debate about road repairs in the centre.",
        "Residents said the changes would make the town centre much easier to reach by bicycle and on foot.",
        "The work starts in spring and should be finished before the summer holidays begin next year.",
    ]
    comment = "Great news for cyclists, I hope they add more bike racks near the station too."
    page = (
        "<html><head><title>Budget</title></head><body><div class='commentable-article'>"
        + "".join(f"<p>{p}</p>" for p in pars)
        + f"</div><div id='comments'><h3>2 comments</h3><div class='comment-body'><p>{comment}</p></div></div>"
        + "</body></html>"
    )
    article = "\n\n".join(pars) + "\n"
    assert clean(page, html=True).text == article
    assert clean(page, html=True, comments=True).text == article + f"\n2 comments\n\n{comment}\n"


BUDGET = [
    "The council approved the new budget on Tuesday after a long debate about road repairs in the centre.",
    "Residents said the changes would make the town centre much easier to reach by bicycle and on foot.",
    "The work starts in spring and should be finished before the summer holidays begin next year.",
]
REPLY = "Great news for cyclists, I hope they add more bike racks near the station as well."


def article_page(tail: str) -> str:
    """An article whose element goes on with `tail`, in no element named for comments:
    trafilatura prints what `tail` holds as main text, not as comments."""
    body = "".join(f"<p>{p}</p>" for p in BUDGET)
    return f"<html><head><title>Budget</title></head><body><article>{body}{tail}</article></body></html>"


def test_comments_inside_the_article_stay_with_comments():
    """trafilatura leaves a comment section in an element not named for comments in its main
    text, where the generic stage cut it as the page's footer, --comments or not: with
    --comments it stays (its heading too, as trafilatura prints it), without "Reply"."""
    other = "About time. The road by the school has been dangerous for years and nobody did anything."
    page = article_page(
        "<h3>Comments</h3>" + "".join(f"<div class='reply'><p>{r}</p><p>Reply</p></div>" for r in (REPLY, other))
    )
    article = "\n\n".join(BUDGET) + "\n"
    assert clean(page, html=True).text == article
    assert clean(page, html=True, comments=True).text == article + f"\nComments\n\n{REPLY}\n\n{other}\n"


@pytest.mark.parametrize(
    "tail",
    [
        # a comment form and no comments
        "<h3>Leave a Reply</h3><p>Name (required)</p><p>Mail (will not be published) (required)</p><p>Website</p>",
        # none yet, and a box with a sentence after
        "<h3>Comments</h3><p>0 comments have been made. Post a comment.</p><h3>Newsletter signup</h3>"
        "<p>Have an idea for the blog? Write to us, we read every letter and answer most of them.</p>",
    ],
)
def test_no_comment_section_without_comments(tail):
    assert clean(article_page(tail), html=True, comments=True).text == "\n\n".join(BUDGET) + "\n"


def test_the_comment_section_starts_at_its_own_heading_not_a_toolbar_count():
    toolbar = "<p>8 comments</p><p>Add comment</p><p>Do you like this story?</p>"
    page = article_page(f"{toolbar}<h3>Comments</h3><p>{REPLY}</p>")
    assert clean(page, html=True, comments=True).text == "\n\n".join(BUDGET) + f"\n\nComments\n\n{REPLY}\n"


FORM = "<h3>Leave a Reply</h3><p>Name (required)</p><p>Email (required)</p><p>Website</p><p>Post Comment</p>"


@pytest.mark.parametrize(
    "section",
    [
        FORM,  # a form and no comments
        "<h3>0 Comments</h3><p>No comments yet. Be the first to comment!</p>",
        "<h3>Join the conversation</h3><p>You must be logged in to post a comment.</p>",
        "<p>Comments are closed.</p>",
    ],
)
def test_a_comment_section_without_comments_is_none(section):
    """Attacker trial of stop 33: trafilatura's comments (an element named for them) were
    printed whatever they held: a form's fields, "0 Comments", "Comments are closed."."""
    page = article_page("").replace("</article>", f"</article><div id='comments'>{section}</div>")
    assert clean(page, html=True, comments=True).text == "\n\n".join(BUDGET) + "\n"


def test_the_comment_form_after_the_comments_goes():
    comments = f"<h3>2 Comments</h3><p>Mary Fisher says:</p><p>{REPLY}</p><p>Reply</p>"
    page = article_page("").replace("</article>", f"</article><div id='comments'>{comments}{FORM}</div>")
    expected = "\n\n".join(BUDGET) + f"\n\n2 Comments\n\nMary Fisher says:\n\n{REPLY}\n"
    doc = clean(page, html=True, comments=True)
    assert doc.text == expected
    # named for what it is, not as a comment-section notice (new-user trial of stop 33)
    rules = {text: r.rule for r in doc.removals for text in r.text.split("\n")}
    assert rules["Name (required)"] == rules["Website"] == "heuristic:not-a-comment"
    assert rules["Reply"] == "heuristic:comments"


def test_comments_a_profile_took_every_line_of_leave_the_article():
    """A WordPress profile's rule took "Leave a Reply", all trafilatura had for comments: the
    generic stage raised StopIteration looking for their first line (a corpus page, stop 33)."""
    from cleaner import load_profiles
    from cleaner.document import Context, Document, Line
    from cleaner.stages import heuristics

    lines = tuple(Line(n, text) for n, text in enumerate(BUDGET, 1))
    doc = Document(lines=lines, extracted_by="trafilatura", comments_from=len(lines) + 1)
    assert heuristics.run(doc, Context(load_profiles(), comments=True)).lines == lines


def test_the_comment_section_ends_at_the_next_end_heading():
    teaser = "Harbour works begin next week with a new crane, the port said on Monday morning."
    page = article_page(f"<h3>Comments</h3><p>{REPLY}</p><h3>Related articles</h3><p>{teaser}</p>")
    assert clean(page, html=True, comments=True).text == "\n\n".join(BUDGET) + f"\n\nComments\n\n{REPLY}\n"


def test_links():
    result = run("clean", str(PAGE), "--links")
    linked = PAGE_TEXT.replace("to the press.", "to [the press](https://port.example/press).")
    assert result.stdout == linked  # the standfirst search still finds the first paragraph in the text


def test_images():
    result = run("clean", str(PAGE), "--images")
    image = "![The north quay at dawn](https://port.example/quay.jpg)\n\n"
    assert result.stdout == PAGE_TEXT.replace(LAST, image + LAST)


def test_images_above_the_first_paragraph_stay():
    """An image whose alt text reads like SEO alt text (lower case, short) above the first
    paragraph is the image --images asked for: the alt-text heuristic reads whole-page scrapes
    only (it removed the image line, exit 0)."""
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = (
        "<html><head><title>Storm closes the harbour</title></head><body><article><h1>Storm closes the harbour</h1>"
        '<p><img src="https://port.example/boats.jpg" alt="boats in the harbour at dawn"></p>'
        f"{body}</article></body></html>"
    )
    image = "![boats in the harbour at dawn](https://port.example/boats.jpg)"
    assert clean(page, html=True, images=True).text == "\n\n".join([image, *BODY]) + "\n"
    assert clean(page, html=True).text == "\n\n".join(BODY) + "\n"


def test_an_alt_text_with_line_breaks_stays_one_image():
    """An alt text with a line break split the image's Markdown over two paragraphs (xml: two
    <p> of Markdown instead of a <graphic>; attacker trial)."""
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = (
        "<html><head><title>Storm closes the harbour</title></head><body><article><h1>Storm closes the harbour</h1>"
        f"{body}<p><img src='https://port.example/pier.jpg' alt='The old pier\nat dawn.'></p></article></body></html>"
    )
    assert clean(page, html=True, images=True).text.endswith(
        "![The old pier at dawn.](https://port.example/pier.jpg)\n"
    )
    xml = run("clean", "-", "--images", "--format", "xml", stdin=page.encode()).stdout
    assert '<graphic src="https://port.example/pier.jpg" alt="The old pier at dawn." />' in xml


BODY = [
    "The harbour closed on Monday as the storm came in from the west, and it stayed closed for three days.",
    "Fishing boats stayed tied up for a third day while the crews waited for the wind to drop.",
    "The council said repairs to the north pier would start as soon as the water was calm again.",
]


def test_precision_and_recall_on_html_go_to_trafilatura(monkeypatch):
    import trafilatura

    seen = []
    real = trafilatura.bare_extraction

    def spy(tree, **options):
        seen.append((options["favor_precision"], options["favor_recall"]))
        return real(tree, **options)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    assert run("clean", str(PAGE), "--precision").stdout == PAGE_TEXT
    assert run("clean", str(PAGE), "--recall").stdout == PAGE_TEXT
    assert run("clean", str(PAGE)).stdout == PAGE_TEXT
    assert seen == [(True, False), (False, True), (False, True)]  # recall is the default on HTML


def test_precision_on_a_text_scrape_drops_a_weak_line_inside_the_article():
    default = run("clean", str(WEAK)).stdout
    assert "North quay, March 2024\n" in default
    assert run("clean", str(WEAK), "--precision").stdout == (
        "The harbour reopened on Monday after a week of repairs, the port authority said in a statement to the "
        "press.\n\n"
        "Fishermen said the damage was worse than in 2019, and that repairs will go on all summer long.\n\n"
        "Ferry captains welcomed the news, saying the timetable would be back to normal by the end of the week.\n"
    )


def test_recall_on_a_text_scrape_keeps_what_only_the_neighbours_dropped():
    first = (
        "The harbour reopened on Monday after a week of repairs, the port authority said in a statement to the "
        "press.\n\n"
        "Fishermen said the damage was worse than in 2019, and that repairs will go on all summer long.\n\n"
    )
    last = (
        "Ferry captains welcomed the news, saying the timetable would be back to normal by the end of the week.\n\n"
        "The port authority thanked the volunteers who cleared the debris from the slipways over the weekend.\n"
    )
    assert run("clean", str(RECALL)).stdout == first + last
    kept = "North quay\n\n- open from Tuesday\n\nSouth quay\n\n- closed until June\n\n"
    assert run("clean", str(RECALL), "--recall").stdout == first + kept + last


def test_precision_with_recall_is_a_usage_error():
    result = run("clean", str(WEAK), "--precision", "--recall")
    assert result.exit_code == 2 and "--precision and --recall cannot be used together" in result.stderr
    with pytest.raises(ValueError, match="precision or recall"):
        clean("x", precision=True, recall=True)


def test_target_language():
    assert run("clean", str(PAGE), "--target-language", "en").stdout == PAGE_TEXT
    other = run("clean", str(PAGE), "--target-language", "DE")
    assert other.exit_code == 0 and other.stdout == ""
    assert other.stderr == (
        f"cleaner: {PAGE}: the HTML extractor (trafilatura) found no main text in de in it (--target-language): "
        "the page may be in another language\n"
    )
    bad = run("clean", str(PAGE), "--target-language", "english")
    assert bad.exit_code == 2 and "not an ISO 639-1 code" in bad.stderr
    # a code py3langid does not know emptied every page, exit 0 (new-user trial)
    unknown = run("clean", str(PAGE), "--target-language", "xx")
    assert unknown.exit_code == 2 and "'xx' is not a language py3langid detects" in unknown.stderr
    # and through the API (attacker trial of stop 48: empty text, no error)
    with pytest.raises(ValueError, match="'xx' is not a language py3langid detects"):
        clean(PAGE.read_bytes(), html=True, target_language="xx")


def test_target_language_without_its_detector_fails_by_name(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "py3langid" else real(name, *a))
    # said before any input is read (each HTML input failed on its own: new-user trial)
    result = run("clean", str(PAGE), "--target-language", "en")
    assert result.exit_code == 2 and "needs py3langid, in the language extra" in result.stderr
    assert "'.[language]'" in result.stderr
    with pytest.raises(MissingDependency, match="needs py3langid"):  # the API says it on the page
        clean(PAGE.read_bytes(), html=True, target_language="en")


def test_switches_in_explain_and_the_api():
    explained = run("explain", str(PAGE), "--no-tables", "--links").stdout
    assert "[the press](https://port.example/press)" in explained and "| Quay |" not in explained
    doc = clean(PAGE.read_bytes(), html=True, tables=False, links=True, images=True, comments=True)
    assert doc.text == (
        PAGE_TEXT.replace(TABLE, "")
        .replace("to the press.", "to [the press](https://port.example/press).")
        .replace(LAST, "![The north quay at dawn](https://port.example/quay.jpg)\n\n" + LAST)
        + "\nComments\n\nGreat news for the town, finally the ferries are back on time.\n"
    )


def test_a_changed_switch_is_named_on_resume(tmp_path: Path):
    from cleaner.guard import same_run
    from cleaner.inputs import UsageError

    with pytest.raises(UsageError, match="--tables/--no-tables: was on, now off"):
        same_run(
            {"options": {"tables": True}, "profiles": "p", "inputs": [], "version": "v"},
            {"options": {"tables": False}, "profiles": "p", "inputs": [], "version": "v"},
        )


def test_an_html_fragment_is_extracted(tmp_path: Path):
    fragment = tmp_path / "fragment.html"
    fragment.write_text("<p>Hi there, a paragraph.</p>\n")
    result = run("clean", str(fragment))
    assert result.exit_code == 0 and result.stdout == "Hi there, a paragraph.\n" and result.stderr == ""
    assert clean("<p>Hi there, a paragraph.</p>", html=True).text == "Hi there, a paragraph.\n"


@pytest.mark.parametrize("wrap", ["<body>{}</body>", "<body>{}", "\n<BODY class='post'>{}</BODY>\n"])
def test_a_page_from_body_on_with_one_paragraph_keeps_it(wrap: str):
    # attacker trial: the parser's "is it HTML at all?" test said no to a <body> with one
    # element in it, and the paragraph was lost with exit 0
    sentence = (
        "The city council voted on Tuesday to extend the library hours through the summer, "
        "citing strong demand from students and families."
    )
    page = wrap.format(f"<p>{sentence}</p>")
    assert clean(page).text == f"{sentence}\n"
    assert clean(page, html=True).text == f"{sentence}\n"
