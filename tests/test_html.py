"""HTML input: recognised, decoded by its declared charset, extracted, then cleaned like text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from trafilatura.utils import load_html

from cleaner import clean
from cleaner.cli import main
from cleaner.stages.decode import declared_charset, decode_bytes
from cleaner.stages.html import looks_like_html, reading_time, scan

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Harbour Reopens | Example News</title>
<link rel="canonical" href="https://coingeek.com/harbour-reopens/">
<meta name="author" content="Jane Roe"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour Reopens</h1>
<p>Getting your Trinity Audio player ready...</p>
<p>The harbour reopened on Monday after three days of storms kept the fishing fleet in port.</p>
<p>Fishermen said the catch was smaller than usual but prices were high, and the café on the quay was full.</p>
</article><footer>Copyright 2024 Example News</footer></body></html>
"""


@pytest.mark.parametrize(
    "text, html",
    [
        pytest.param("<!DOCTYPE html><html>", True, id="doctype"),
        pytest.param("  \n<html lang='en'>", True, id="html-tag"),
        pytest.param("<!-- saved page -->\n<HTML>", True, id="comment-first"),
        pytest.param("Use <b> for bold.", False, id="text-mentioning-a-tag"),
        pytest.param("Plain text scrape", False, id="text"),
        pytest.param('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN">', True, id="xhtml"),
        pytest.param("\t<meta property='og:title' content='A'>\n<div><p>Text</p></div>", True, id="meta-first"),
        pytest.param("<style>p { margin: 0 }</style>\n<p>Text</p>", True, id="style-first"),
        pytest.param("<title>notes</title> and more notes, no page", False, id="head-tag-without-body"),
        # attacker trial: a comment over 2 KB first, or a <noscript> first, and the page was cleaned as text
        pytest.param(f"<!-- {'build stamp ' * 300} -->\n<html><body><p>Text</p>", True, id="long-comment-first"),
        pytest.param("<noscript><img src='t.gif'></noscript>\n<div><p>Text</p></div>", True, id="noscript-first"),
        pytest.param("<!-- a note that never closes\n" + "plain text " * 500, False, id="unclosed-comment-text"),
        # second attacker trial: a 64 KiB comment, a long inline script, or an <svg> first
        pytest.param(f"<!--{'x' * 65536}-->\n<html><body><p>Text</p>", True, id="64k-comment-first"),
        pytest.param(f"<script>{'var a = 1;' * 8000}</script>\n<div><p>Text</p></div>", True, id="long-script-first"),
        pytest.param("<svg><path d='M0 0'/></svg>\n<div><p>Text</p></div>", True, id="svg-first"),
        # a fragment, and a page wrapped in an export's own element, piped without a name: cleaned as text
        pytest.param("<div class='post'><p>Text</p></div>", True, id="fragment"),
        pytest.param('<text id="http://example.org/">\n<!-- -->\n<div><p>Text</p></div>', True, id="wrapped"),
        pytest.param("<Jane> hi all, see you at noon", False, id="chat-log"),
        # attacker trial: a chat log that mentions a tag lost its speakers and the tag's words
        pytest.param("<Jane Doe> wrote in the forum:\n<p>I think that is wrong</p>, she added.", False, id="chat-tag"),
        pytest.param("<Jane> use <p> or <li> here\n<Bob> ok", False, id="irc-tags"),
        pytest.param("<my-widget><div>Text</div></my-widget>", True, id="custom-element"),
        # attacker trial: a response saved with its HTTP head (curl -i) piped in: tags printed
        pytest.param("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<!DOCTYPE html><p>Text", True, id="http-head"),
        pytest.param("HTTP/2 200\ncontent-type: text/html\n\n<div><p>Text</p></div>", True, id="http2-head"),
        pytest.param("HTTP/1.1 200 OK is what the server said.\n\nThen plain text.", False, id="http-in-text"),
        pytest.param("<b>Note:</b> the council meets on Monday.", False, id="inline-tag-first"),
        # attacker trial of stop 55: an article about markup, tags named and never closed
        pytest.param(
            "<table> or <div>? A guide to layout\n\nModern pages use <div> and <section> instead.\n"
            "The <p> element holds a paragraph.",
            False,
            id="text-about-tags",
        ),
        pytest.param("<table><tr><td>Fuel</td></tr></table>\n<p>Text", True, id="fragment-closing-a-cell"),
        # second attacker trial: fragments with no element closed, text written against the tags
        pytest.param("<p>Hello<p>World", True, id="fragment-unclosed-paragraphs"),
        pytest.param('<meta charset="utf-8"><h2>Fees to rise<p>The council met.', True, id="fragment-unclosed-heading"),
        pytest.param("<div><p>The council met.<br><br>Residents have until May.", True, id="fragment-breaks"),
    ],
)
def test_recognised_by_content(text: str, html: bool):
    assert looks_like_html(text) is html


@pytest.mark.parametrize(
    "data, declared, decoded, how",
    [
        pytest.param("café".encode(), None, "café", "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbfcaf\xc3\xa9", None, "café", "utf-8 (BOM)", id="utf-8-bom"),
        pytest.param("café".encode("utf-16"), None, "café", "utf-16-le (BOM)", id="utf-16-bom"),
        pytest.param(
            "café au lait".encode("utf-16-le"), None, "café au lait", "utf-16-le (NUL pattern)", id="utf-16-le-no-bom"
        ),
        pytest.param(
            "zażółć".encode("iso-8859-2"), "iso8859-2", "zażółć", "iso8859-2 (declared)", id="declared-latin-2"
        ),
        pytest.param("café".encode("cp1252"), None, "café", None, id="legacy-single-byte"),
    ],
)
def test_decoding(data: bytes, declared, decoded: str, how):
    text, used = decode_bytes(data, declared=declared)
    assert text == decoded
    if how:
        assert used == how


def test_declared_charset():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">') == "iso8859-2"
    assert declared_charset(b"<meta charset='windows-1252'>") == "cp1252"
    assert declared_charset(b"<meta charset=nonsense-x>") is None


def test_html_is_extracted_and_cleaned_with_the_site_profile():
    doc = clean(PAGE.format(charset="iso-8859-1").encode("iso-8859-1"))
    assert doc.steps[:2] == ("decode:iso8859-1 (declared)", "html:trafilatura")
    assert (doc.extracted_by, doc.html, doc.raw) == ("trafilatura", None, None)
    assert doc.text == (
        "The harbour reopened on Monday after three days of storms kept the fishing fleet in port.\n\n"
        "Fishermen said the catch was smaller than usual but prices were high, and the café on the quay was full.\n"
    )
    # the canonical URL selects the profile by host; trafilatura gives title and author
    assert doc.profiles == ("coingeek", "trinity-audio")
    assert (doc.metadata.title, doc.metadata.author, doc.metadata.url) == (
        "Harbour Reopens", "Jane Roe", "https://coingeek.com/harbour-reopens/",
    )  # fmt: skip


def test_html_by_extension_in_the_cli(tmp_path: Path):
    page = tmp_path / "page.htm"
    page.write_text(
        "<p>Not recognised by content: no html tag first, but the extension says HTML.</p>", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["clean", str(page)])
    assert result.stdout == "Not recognised by content: no html tag first, but the extension says HTML.\n"


def test_bad_bytes_never_crash():
    for data in (b"\xff\xfe\xfd" * 10, b"\x80abc\x81", bytes(range(32, 256))):
        assert isinstance(clean(data).text, str)


@pytest.mark.parametrize(
    "head, minutes",
    [
        pytest.param(
            '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="3 minutes">',
            3,
            id="yoast",
        ),
        pytest.param(
            "<meta content='Time to read' name='twitter:label1'><meta content='2 minutes' name='twitter:data1'>",
            2,
            id="rank-math",
        ),
        pytest.param(
            '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="5 minutes">',
            None,
            id="other-label",
        ),
        pytest.param(
            '<meta name="twitter:label2" content="Est. reading time">'
            '<meta name="twitter:data2" content="Less than a minute">',
            None,
            id="no-number",
        ),
    ],
)
def test_reading_time_from_twitter_card_labels(head: str, minutes):
    assert (
        reading_time(scan(load_html(f"<html><head>{head}</head><body><p>x</p><p>y</p></body></html>")).cards) == minutes
    )


def test_scan_empties_code_but_keeps_what_metadata_reads():
    tree = load_html(
        "<html><head><title>T</title><style>p { color: red }</style>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": "Jane Roe"}</script>'
        '<script>var meta = {"datePublished": "2024-03-03"};</script>'
        "<script>trackPageView();</script></head><body><h1>Harbour Reopens</h1><p>x</p></body></html>"
    )
    found = scan(tree)
    assert [h1.text for h1 in found.h1s] == ["Harbour Reopens"]
    assert [el.text for el in tree.iter("script", "style")] == [
        None,
        '{"@type": "NewsArticle", "author": "Jane Roe"}',
        'var meta = {"datePublished": "2024-03-03"};',
        None,
    ]


def test_text_path_imports_no_html_machinery():
    """trafilatura and lxml take a quarter of a second to import: only HTML pays for them."""
    import subprocess
    import sys

    code = (
        "import sys, cleaner; cleaner.clean('Hello world. This is a plain text scrape.');"
        "print(sorted(m for m in ('trafilatura', 'lxml', 'cleaner.stages.html_lead') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_metadata_gets_the_unicode_repair_and_joined_tags_go():
    # Meta tags carry entities left in (here escaped twice by the CMS) and keywords joined
    # into one tag beside the single ones; the url stays as the page gives it.
    head = (
        '<meta property="article:section" content="Science &amp;amp; Health">'
        '<meta property="article:tag" content="Coal"><meta property="article:tag" content="Grist">'
        '<meta name="keywords" content="Coal,Grist">'
        '<meta property="og:site_name" content="Caf&amp;eacute; News">'
    )
    # no profile: the coingeek profile the url matches would give its own sitename
    doc = clean(PAGE.format(charset="utf-8").replace("<title>", head + "<title>").encode(), profile="none")
    assert doc.metadata.categories == ("Science & Health",)
    assert doc.metadata.tags == ("Coal", "Grist")
    assert doc.metadata.sitename == "Café News"
    assert doc.metadata.url == "https://coingeek.com/harbour-reopens/"
    assert "ftfy:unescape_html (metadata)" in doc.steps


def test_by_default_the_page_is_extracted_once_with_the_fallbacks(monkeypatch):
    import trafilatura

    from cleaner.stages import html

    calls = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda tree, **o: calls.append(o["fast"]) or real(tree, **o))
    text, _, _, _ = html.extract(PAGE.format(charset="utf-8"), None)
    assert calls == [False]
    assert "The harbour reopened on Monday" in text
    calls.clear()
    doc = clean(PAGE.format(charset="utf-8"), html=True)
    assert calls == [False] and "The harbour reopened on Monday" in doc.text


def test_fast_is_passed_from_clean_to_the_extractor(monkeypatch):
    from cleaner.stages import html

    seen = []
    real = html.extract
    monkeypatch.setattr(html, "extract", lambda *a, **k: seen.append(a[-1]) or real(*a, **k))
    clean(PAGE.format(charset="utf-8"), html=True, fast=True)
    clean(PAGE.format(charset="utf-8"), html=True)
    assert seen == [True, False]


def test_fast_a_nearly_empty_main_extraction_gets_the_fallbacks(monkeypatch):
    # --fast: fast mode first; when its text is shorter than RESCUE_BELOW, the whole cascade
    # (fast=False) gives the text; neither pass extracts metadata (html_meta does, once)
    import trafilatura

    from cleaner.stages import html

    calls = []
    real = trafilatura.bare_extraction

    def spy(tree, **options):
        calls.append(options["fast"])
        result = real(tree, **options)
        if options["fast"]:
            result.text = "Too short."
        else:
            assert options["with_metadata"] is False
        return result

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    text, meta, _, _ = html.extract(PAGE.format(charset="utf-8"), None, fast=True)
    assert calls == [True, False]
    assert "The harbour reopened on Monday" in text and "Too short." not in text
    assert meta["author"] == "Jane Roe"


def test_fast_a_full_main_extraction_is_not_repeated(monkeypatch):
    import trafilatura

    from cleaner.stages import html

    calls = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda tree, **o: calls.append(o["fast"]) or real(tree, **o))
    long_page = PAGE.format(charset="utf-8").replace(
        "</article>", "<p>" + "The fleet sailed at dawn. " * 30 + "</p></article>"
    )
    text, _, _, _ = html.extract(long_page, None, fast=True)
    assert calls == [True] and len(text) >= html.RESCUE_BELOW


def test_a_text_scrape_has_no_html_state():
    doc = clean("The harbour reopened on Monday after three days of storms.\n", profile="none")
    assert (doc.extracted_by, doc.html, doc.body_rule, doc.standfirst, doc.timeouts) == (None, None, None, 0, ())


def test_a_list_joined_into_one_string_comes_apart():
    # SEO plugins write a post's categories as one string joined by commas, and a keywords
    # meta tag is one; trafilatura keeps each whole. A comma inside a number stays.
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "Ferry timetable", "articleSection": "Harbour News,Transport, Local"}</script>'
        '<meta name="keywords" content="ferries, timetable,, 1,000 passengers, ferries">'
    )
    doc = clean(PAGE.format(charset="utf-8").replace("<title>", head + "<title>").encode(), profile="none")
    assert doc.metadata.categories == ("Harbour News", "Transport", "Local")
    assert doc.metadata.tags == ("ferries", "timetable", "1,000 passengers")


SHORT_JAPANESE = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>市営プール、今夏は営業休止へ | 港町タイムズ</title></head><body>
<header><nav><a href="/">ホーム</a> <a href="/news">ニュース</a></nav></header>
<main><article><h1>市営プール、今夏は営業休止へ</h1>
<p class="byline">記者 山田花子 &middot; <time datetime="2024-06-14">2024年6月14日</time></p>
<div class="share"><a href="#">Facebook</a> <a href="#">X</a></div>
<div class="body">
<p>市は13日、老朽化した市営プールの営業を今夏は休止すると発表した。</p>
<p>ろ過装置の故障が見つかり、修理に半年ほどかかるという。</p>
<p>市は近隣の学校プールを週末に開放することを検討している。</p>
</div></article></main><footer><p>Copyright 港町タイムズ</p></footer></body></html>"""


def test_a_short_japanese_article_keeps_its_paragraphs_and_leaves_out_its_head():
    """New-user trial of stop 37: a three-paragraph Japanese article (about 90 characters)
    came out as one line with its headline, byline, date and share links: under trafilatura's
    250-character bar for a main text, its last fallback joins all the page's paragraphs."""
    doc = clean(SHORT_JAPANESE.encode(), html=True)
    assert doc.text.strip().split("\n\n") == [
        "市は13日、老朽化した市営プールの営業を今夏は休止すると発表した。",
        "ろ過装置の故障が見つかり、修理に半年ほどかかるという。",
        "市は近隣の学校プールを週末に開放することを検討している。",
    ]
    assert (doc.metadata.title, doc.metadata.author) == ("市営プール、今夏は営業休止へ", "山田花子")


def test_a_short_articles_table_list_and_close_after_its_one_paragraph_stay():
    """Attacker trial of stop 53: under a short <article>'s one long paragraph, its table, a
    heading, a quote, a list, code and the closing paragraphs went as footer, exit 0."""
    page = """<!doctype html><html><head><title>Harbour Fees for 2024 | City News</title></head><body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>
<main><article><h1>Harbour Fees for 2024</h1>
<p>The council set the new mooring fees for the harbour on Monday night, after a long debate.</p>
<table><tr><th>Boat length</th><th>Fee per year</th></tr><tr><td>under 6 m</td><td>$400</td></tr>
<tr><td>over 10 m</td><td>$1,500</td></tr></table>
<p>The fees take effect on July 1.</p>
<h2>What owners said</h2>
<ul><li>Fishermen pay half.</li><li>Residents pay less.</li></ul>
<p>Related costs will be covered by a state grant.</p>
</article></main>
<aside><h3>Related Articles</h3><ul><li><a href="/a">Other story</a></li></ul></aside>
<footer>© 2024 City News. All rights reserved.</footer></body></html>"""
    text = clean(page, html=True).text
    kept = ("| over 10 m | $1,500 |", "The fees take effect on July 1.", "What owners said", "- Residents pay less.")
    assert all(line in text for line in kept)
    assert "Other story" not in text and "All rights reserved" not in text


SHORT_ARTICLES = [
    (
        "<pre><code>items.reverse()\nreversed_items = items[::-1]</code></pre>",
        ["items.reverse()", "reversed_items = items[::-1]"],
    ),
    (
        "<p>The boats come home with salt in their sails,<br>the gulls write circles on the evening sky,<br>"
        "and somewhere a radio plays the news<br>to nobody at all.</p>",
        ["the gulls write circles on the evening sky,", "to nobody at all."],
    ),
    (
        "<table><tr><th>Fuel</th><th>Price</th></tr><tr><td>Petrol</td><td>1.45</td></tr></table>",
        ["| Fuel | Price |", "| Petrol | 1.45 |"],
    ),
]


@pytest.mark.parametrize(("middle", "lines"), SHORT_ARTICLES, ids=["code", "verse", "table"])
def test_a_short_latin_article_is_not_one_joined_line(middle: str, lines: list[str]):
    """Attacker trial of stop 55: under trafilatura's 250-character bar for a main text its
    last fallback joined a short <article>'s headline, byline, paragraphs, verse, table rows
    and code into one line (8 of 17 short pages). trafilatura's own extraction, kept whatever
    its length, prints them as lines."""
    page = (
        "<!doctype html><html><head><title>A short one | Daily Gazette</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
        '<main><article><h1>A short one</h1><p class="byline">By Dev Notes</p>'
        f"<p>There are two common ways to do it.</p>{middle}<p>The first is quicker; the second is clearer.</p>"
        "</article></main><footer><p>© 2024 Daily Gazette. All rights reserved.</p></footer></body></html>"
    )
    doc = clean(page, html=True)
    text = doc.text.split("\n")
    assert all(line in text for line in lines), doc.text
    assert "There are two common ways to do it." in text and "By Dev Notes" not in doc.text
    assert doc.metadata.title == "A short one"


def test_a_short_recipes_byline_names_its_author():
    """Attacker trial of stop 55: in an <article> of short blocks only (no paragraph of prose),
    the byline "By Sam Patel | Jan 5, 2024" under the headline was never read as one, and the
    author stayed trafilatura's "Sam Patel; Jan 5"."""
    page = (
        "<!doctype html><html><head><title>Lemon cake | Daily Gazette</title></head><body><main><article>"
        '<h1>Lemon cake</h1><p class="byline">By Sam Patel | Jan 5, 2024</p>'
        "<p>This cake takes about an hour and serves eight.</p><p>Ingredients</p>"
        "<ul><li>225g unsalted butter</li><li>225g caster sugar</li><li>4 eggs</li></ul><p>Method</p>"
        "<ol><li>Heat the oven to 180C.</li><li>Beat the butter and sugar until pale.</li></ol>"
        "</article></main></body></html>"
    )
    doc = clean(page, html=True)
    assert doc.metadata.author == "Sam Patel"
    assert "Sam Patel" not in doc.text and "- Beat the butter and sugar until pale." in doc.text


def test_a_joined_line_is_kept_where_the_lines_hold_only_part_of_it(monkeypatch):
    """Second attacker trial of stop 55: a one-cell layout table's 1,729 words, one line, were
    swapped for trafilatura's retry of a tenth of them; the lines replace the joined line only
    when they hold half its words or more too."""
    from cleaner.stages import html as html_stage

    joined = " ".join(f"word{n}" for n in range(200))
    part = "\n".join(" ".join(f"word{n}" for n in range(k, k + 10)) for k in range(0, 60, 10))
    whole = "\n".join(" ".join(f"word{n}" for n in range(k, k + 10)) for k in range(0, 200, 10))
    main = html_stage.Main(joined)
    for retry, expected in ((part, joined), (whole, whole)):
        monkeypatch.setattr(html_stage, "_main_text", lambda *a, retry=retry, **k: html_stage.Main(retry))
        assert html_stage._unjoined(None, None, {}, main, html_stage.DEFAULT_SWITCHES).text == expected


def test_a_poem_of_a_paragraph_a_line_after_the_articles_prose_stays():
    """Attacker trial of stop 59: a poem printed a <p> a line ("Snow on the allotment," /
    "frost on the shed," ...) went as footer with the two sentences after it, exit 0; the same
    poem with <br> or as a text scrape stayed."""
    poem = ["Snow on the allotment,", "frost on the shed,", "the robin is singing,", "the winter is dead."]
    page = (
        "<html><head><title>A poem for the end of winter</title></head><body><article>"
        "<h1>A poem for the end of winter</h1>"
        "<p>Every year our poetry editor chooses one poem for the first day of March.</p>"
        "<p>This year it is by a reader from Leeds.</p>"
        + "".join(f"<p>{line}</p>" for line in poem)
        + "<p>The poet, Margaret Hill, is 84.</p><p>She wrote it in ten minutes, she says.</p>"
        "</article></body></html>"
    )
    lines = [line for line in clean(page, html=True).text.splitlines() if line]
    assert lines[2:] == [*poem, "The poet, Margaret Hill, is 84.", "She wrote it in ten minutes, she says."]
