"""A page's text as lxml's tree, all of it or an InputError: never silently cut short.

trafilatura's own loader uses libxml2's default limits: it stops at 256 nested
elements, at a text node or attribute over 10 MB, and at a lone surrogate (which has
no UTF-8 form), and returns what it had so far, so the rest of the page's text was
dropped without a word. Here the page is parsed with huge_tree (nesting up to 2048,
sizes up to 1 GB), surrogates are repaired first, and a page the parser still gives up
on fails, naming why.
"""

from __future__ import annotations

import regex

from cleaner.errors import InputError

SURROGATE = regex.compile(r"[\ud800-\udfff]")


def fix_surrogates(html: str) -> tuple[str, bool]:
    """Pairs joined into their character, lone ones as U+FFFD (as ftfy's fix_surrogates,
    which the unicode stage applies to text scrapes); whether anything changed."""
    if not SURROGATE.search(html):
        return html, False
    from ftfy.fixes import fix_surrogates as fix  # ftfy takes 25 ms to import: only when needed

    return fix(html), True


# A character reference to a C0 control (but tab, line feed, carriage return, and NUL, which the
# parser replaces), or to the noncharacters U+FFFE and U+FFFF. lxml puts the character in
# the tree, trafilatura cannot copy such a text into its output tree, and the whole page came
# out empty. No text means them: they go, as the same characters written raw do (vertical tab
# and form feed, which HTML reads as white space, as a space).
CONTROL_REFERENCE = regex.compile(
    r"&#(?:0*(?P<dec>6553[45]|3[01]|2\d|1[124-9]|[1-8])(?!\d)"
    r"|[xX]0*(?P<hex>[fF]{3}[eEfF]|1[\da-fA-F]|[1-8bBcCeEfF])(?![\da-fA-F]));?"
)
SPACES = (0xB, 0xC)


def _control(match: regex.Match) -> str:
    value = int(match["dec"]) if match["dec"] else int(match["hex"], 16)
    return " " if value in SPACES else ""


def drop_control_references(html: str) -> str:
    """`html` without character references to control characters (CONTROL_REFERENCE)."""
    return CONTROL_REFERENCE.sub(_control, html) if "&#" in html else html


def parse(html: str):
    """The page as trafilatura.utils.load_html parses a string, with huge_tree: None when
    it is not HTML at all; InputError when the parser stopped before the end."""
    from lxml import etree
    from lxml.html import HTMLParser, fromstring
    from trafilatura.utils import repair_faulty_html

    beginning = html[:50].lower()
    html = repair_faulty_html(html, beginning)
    # trafilatura's options plus huge_tree; one parser per page, so its error log is this page's
    parser = HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lack default_doctype
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        tree = fromstring(html, parser=parser)
    except ValueError:  # a string with an XML encoding declaration: lxml wants bytes
        tree = _parse_bytes(html, parser)
    except etree.ParserError:  # "Document is empty"
        return None
    else:
        if tree is None or len(tree) < 1:  # as load_html: a second try with bytes
            tree = _parse_bytes(html, parser)
    stopped = [e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL]
    if stopped:
        error = stopped[0]
        message = error.message.strip().replace(", use XML_PARSE_HUGE option", "")
        raise InputError(f"HTML parser stopped at line {error.line}, column {error.column}: {message}")
    if tree is not None and "html" not in beginning and len(tree) < 2:  # load_html's "is it HTML at all?"
        return None
    return tree


def _parse_bytes(html: str, parser):
    from lxml import etree
    from lxml.html import fromstring

    try:
        return fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):
        return None
