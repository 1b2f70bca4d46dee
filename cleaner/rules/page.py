"""What the rule kinds that act on the parsed page (not on text lines) share: selectors
(XPath, or CSS translated to XPath by cssselect), the PageRule base and what it finds.

Page rules run in the HTML stage, on the page lxml parsed, before trafilatura chooses the
main text: a site's markup often says plainly which element is the article and which boxes
are not (`itemprop="articleBody"`, `class="related-links"`), which lines alone cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from cleaner.errors import CleanerError
from cleaner.rules.base import Hit, LineView, OptionIssue, Rule, Selectors

if TYPE_CHECKING:
    from lxml.etree import XPath


class SelectorError(ValueError):
    """A selector that is neither valid XPath nor valid CSS; the message says why."""


class SelectorFailed(CleanerError):
    """A selector that compiled but cannot be evaluated on a page (an unknown function,
    variable or namespace prefix the load-time probe did not reach): the page fails, naming
    the rule, rather than the selector matching nothing in silence."""


def is_xpath(source: str) -> bool:
    """XPath starts with a path or a function ("//div", "./p", "(//h1)[1]", "id('x')");
    anything else is CSS. No CSS selector starts with "/", "(" or "./"."""
    s = source.lstrip()
    return s.startswith(("/", "(", "./", "../", "id(", "normalize-space(", "string("))


# A small article page for the kinds' docstring examples
EXAMPLE_PAGE = (
    '<html><head><meta name="author" content="Ann Lee"></head><body>'
    '<h1 class="headline">Rates rise</h1><time itemprop="datePublished" datetime="2024-03-01">1 March</time>'
    '<article><p>The bank raised rates.</p><ul class="related-links"><li>More</li></ul></article>'
    '<div id="x-newsletter-box">Sign up</div></body></html>'
)


# What XML (and so lxml's XPath) cannot hold: controls other than tab and line breaks, lone
# surrogates, U+FFFE/U+FFFF. A selector with one cannot be compiled (lxml raises ValueError).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def not_xml(text: str) -> str | None:
    """The first character XML cannot hold, as U+XXXX, or None."""
    found = NOT_XML.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


class Selector:
    """One selector as written in a profile, and the XPath it is evaluated as.

    Compiled when its profile is loaded (so a bad one is a profile problem, with its
    position); lxml's compiled XPath objects do not pickle, so worker processes get the
    XPath text and compile on first use, like TimedPattern.
    """

    __slots__ = ("_compiled", "css", "source", "xpath")

    def __init__(self, source: str, *, xpath: bool | None = None):
        """`xpath`: True for XPath whatever it looks like (site config files hold only
        XPath); None tells XPath from CSS by its start (is_xpath)."""
        self._setup(source, is_xpath(source) if xpath is None else xpath)
        self.compiled  # noqa: B018  # a bad XPath is reported now, at load

    def _setup(self, source: str, xpath: bool) -> None:
        if bad := not_xml(source):
            raise SelectorError(f"the control character {bad} cannot be in a selector")
        self.source = source
        self.css = not xpath
        self.xpath = css_to_xpath(source) if self.css else source.strip()
        self._compiled: XPath | None = None

    @property
    def compiled(self) -> XPath:
        if self._compiled is None:
            from lxml import etree

            try:
                self._compiled = etree.XPath(self.xpath)
            except etree.XPathSyntaxError as err:
                raise SelectorError(f"bad XPath: {err}") from None
        return self._compiled

    def select(self, tree: Any) -> list:
        """What the selector finds in the page: elements, or strings for XPath that ends in
        an attribute or text() (a metadata selector may: //meta[@name="author"]/@content)."""
        from lxml import etree

        try:
            found = self.compiled(tree)
        except etree.XPathEvalError as err:
            raise SelectorFailed(f"{self.source}: XPath cannot be evaluated: {err}") from None
        return found if isinstance(found, list) else [found] if isinstance(found, str) and found else []

    def __getstate__(self) -> tuple[str, bool]:
        return self.source, not self.css

    def __setstate__(self, state: tuple[str, bool]) -> None:
        self._setup(*state)

    def __repr__(self) -> str:
        return f"Selector({self.source!r})"


# What XPath 1.0 (and libxml2) call without a namespace prefix; node tests look like calls too
FUNCTIONS = frozenset(
    [
        "last",
        "position",
        "count",
        "id",
        "local-name",
        "namespace-uri",
        "name",
        "string",
        "concat",
        "starts-with",
        "contains",
        "substring-before",
        "substring-after",
        "substring",
        "string-length",
        "normalize-space",
        "translate",
        "boolean",
        "not",
        "true",
        "false",
        "lang",
        "number",
        "sum",
        "floor",
        "ceiling",
        "round",
        "escape-uri",
        "text",
        "comment",
        "node",
        "processing-instruction",
    ]
)
LITERAL = re.compile(r"\"[^\"]*\"|'[^']*'")
CALL = re.compile(r"(?<![\w.:-])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*\(")
VARIABLE = re.compile(r"\$([A-Za-z_][\w.-]*)")
NOT_ELEMENTS = re.compile(r"(?:/@[\w:*-]+|(?:text|comment|processing-instruction)\(\s*\))\s*$")
# Where a selector is tried when its profile is loaded: what it finds here tells a selector
# that can only find text (or a number) from one that finds elements, and one that finds
# the root element, which no strip may remove. Its elements have an id and a class, text and
# a comment, so a prefix, function or variable that only predicates reach is evaluated too.
PROBE = (
    '<html lang="en" id="probe" class="probe"><head><title>t</title><meta name="m" content="c"></head>'
    '<body id="b" class="b">x<div id="d" class="d"><p id="p" class="p">t<!--c--></p>y</div>z</body></html>'
)


def selector_issue(selector: Selector, finds: str) -> str | None:
    """What is wrong with a selector for a kind that `finds` "elements" (body), "strip"
    (elements, never the root) or "text" (title, author, date: elements or strings), or
    None. Judged on the selector's XPath and on a small page (PROBE)."""
    from lxml import etree
    from lxml.html import fromstring

    code = LITERAL.sub('""', selector.xpath)
    for name in CALL.findall(code):
        if name not in FUNCTIONS:
            return f'XPath cannot be evaluated: unknown function "{name}()"'
    if variable := VARIABLE.search(code):
        return f'XPath cannot be evaluated: undefined variable "${variable[1]}"'
    if selector.xpath.strip() == "/":
        return "finds the document, not an element"
    try:
        found = selector.compiled(fromstring(PROBE))
    except etree.XPathEvalError as err:
        return f"XPath cannot be evaluated: {err}"
    if isinstance(found, bool | float):
        return f"finds a {'boolean' if isinstance(found, bool) else 'number'}, not {_wanted(finds)}"
    if finds == "text":
        return None
    if isinstance(found, str):
        return f"finds a string, not {_wanted(finds)}"
    if NOT_ELEMENTS.search(code) or (found and not any(_is_element(e) for e in found)):
        return f"finds text, attributes or comments, not {_wanted(finds)}"
    if finds == "strip" and any(_is_element(e) and e.getparent() is None for e in found):  # type: ignore[union-attr]
        return "finds the root element <html>: stripping it would remove the whole page"
    return None


# What scans the whole page from each node it is evaluated at: the following and preceding
# axes, and an absolute path ("//div" not after a step, as in [count(//div) > 1])
SCANS = re.compile(r"(?<![\w-])(?:following|preceding)::|(?<![\w.*)\]/@-])//")
SLOW = (
    "a scan of the whole page inside a predicate (an absolute // in any, following:: or preceding:: in one nested"
    " in another) runs once per node over the whole page: quadratic to cubic or worse in the page's size, and lxml"
    " cannot stop an XPath once started"
)


def slow_shape(xpath: str) -> bool:
    """Whether a whole-page scan sits in a predicate nested in another predicate
    (//div[count(following::div[count(following::div) > 0]) < 0]): time that grows with the
    page's size to the third power or more; or an absolute path in any predicate
    (//div[count(//p) > 0], //p[contains(., //div)]): the whole page once per node, and its
    text each time. The following and preceding axes in a single predicate
    (//p[preceding::h2]) are common in site configs and stay. The rule budget can only
    notice a slow one afterwards."""
    code = LITERAL.sub('""', xpath)
    depth = 0
    for i, char in enumerate(code):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth >= 1 and (found := SCANS.match(code, i)) and (depth >= 2 or found.group() == "//"):
            return True
    return False


def _wanted(finds: str) -> str:
    return "text" if finds == "text" else "elements"


def _is_element(found: Any) -> bool:
    return not isinstance(found, str) and isinstance(getattr(found, "tag", None), str)


def page_issues(rule_cls: Any, options: Any, listed: bool) -> list[OptionIssue]:
    """selector_issue for each of a page rule's selectors, as option issues at the selector."""
    finds = getattr(rule_cls, "finds", None)
    if finds is None or not hasattr(options, "select"):
        return []
    issues = []
    for i, selector in enumerate(options.select):
        if issue := selector_issue(selector, finds):
            issues.append(OptionIssue("select", issue, i if listed else None))
    return issues


def css_to_xpath(source: str) -> str:
    """CSS as XPath, by cssselect (lxml's companion); SelectorError if it is not CSS."""
    from cssselect import HTMLTranslator  # only profiles that use CSS import it
    from cssselect import SelectorError as CssError

    try:
        return HTMLTranslator().css_to_xpath(source)
    except CssError as err:
        raise SelectorError(f"bad CSS selector: {err}") from None


def element_name(element: Any) -> str:
    """How explain and `removed` name an element: tag, #id and .classes, as CSS would
    ("div#comments.comments.open")."""
    tag = element.tag if isinstance(element.tag, str) else "node"
    ident = element.get("id")
    classes = (element.get("class") or "").split()
    return tag + (f"#{ident}" if ident else "") + "".join(f".{c}" for c in classes)


def text_of(element: Any) -> str:
    """An element's text, white space collapsed (an attribute value as it is), with a space
    where a block starts or ends ("Related posts" + "Rowing club wins", not "postsRowing")."""
    if isinstance(element, str):
        return " ".join(element.split())
    from cleaner.stages.html_blocks import BLOCK  # elements that start a new line in a browser

    parts: list[str] = []
    stack = [(element, False)]  # (node, its end): a loop, not recursion, for deeply nested pages
    while stack:
        node, end = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else None  # comments and processing instructions: no text
        if tag in BLOCK:
            parts.append(" ")
        if not end:
            if tag is not None and node.text:
                parts.append(node.text)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
        elif node is not element and node.tail:
            parts.append(node.tail)
    return " ".join("".join(parts).split())


def outermost(elements: list) -> list:
    """The elements not inside another of them, once each, in page order: a strip of a box
    and of a box within it removes the outer one, once."""
    chosen = {id(e) for e in elements}
    out = {id(e): e for e in elements if not any(id(a) in chosen for a in e.iterancestors())}
    if len(out) < 2:
        return list(out.values())
    order = {id(e): i for i, e in enumerate(next(iter(out.values())).getroottree().iter())}
    return sorted(out.values(), key=lambda e: order[id(e)])


@dataclass
class PageHit:
    """What a page rule found: the body (elements and the selector that matched), elements
    to strip (each with its selector), metadata."""

    body: list = field(default_factory=list)
    strip: list[tuple[Any, str]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    selector: str | None = None  # the selector that matched (body and metadata)


class PageRule(Rule):
    """Base of the kinds that act on the parsed page: `apply_page(tree) -> PageHit`.

    The line stage passes over them (they find nothing in lines)."""

    page: ClassVar[bool] = True
    # what its selectors must find (cleaner.rules.page.selector_issue); None: no selectors
    finds: ClassVar[str | None] = None

    def apply(self, view: LineView) -> Hit:
        return Hit()

    def apply_page(self, tree: Any) -> PageHit:
        raise NotImplementedError


class MetaSelector(PageRule):
    """Base of the metadata selectors: the first selector that finds non-empty text gives the
    field named by the kind. An element gives its text; a selector may also find a string:
    an attribute, text() or string(...)."""

    finds = "text"

    @dataclass(frozen=True)
    class Options:
        select: Selectors

    def apply_page(self, tree: Any) -> PageHit:
        for selector in self.options.select:
            for found in selector.select(tree):
                if value := text_of(found):
                    return PageHit(meta={self.kind: value}, selector=selector.source)
        return PageHit()
