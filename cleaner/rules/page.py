"""What the rule kinds that act on the parsed page (not on text lines) share: selectors
(XPath, or CSS translated to XPath by cssselect), the PageRule base and what it finds.

Page rules run in the HTML stage, on the page lxml parsed, before trafilatura chooses the
main text: a site's markup often says plainly which element is the article and which boxes
are not (`itemprop="articleBody"`, `class="related-links"`), which lines alone cannot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from cleaner.rules.base import Hit, LineView, Rule, Selectors

if TYPE_CHECKING:
    from lxml.etree import XPath


class SelectorError(ValueError):
    """A selector that is neither valid XPath nor valid CSS; the message says why."""


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
        except etree.XPathEvalError:  # an unknown function, say: it finds nothing on any page
            return []
        return found if isinstance(found, list) else [found] if isinstance(found, str) and found else []

    def __getstate__(self) -> tuple[str, bool]:
        return self.source, not self.css

    def __setstate__(self, state: tuple[str, bool]) -> None:
        self._setup(*state)

    def __repr__(self) -> str:
        return f"Selector({self.source!r})"


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
    """An element's text, white space collapsed (an attribute value as it is)."""
    text = element if isinstance(element, str) else element.text_content()
    return " ".join(text.split())


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

    def apply(self, view: LineView) -> Hit:
        return Hit()

    def apply_page(self, tree: Any) -> PageHit:
        raise NotImplementedError


class MetaSelector(PageRule):
    """Base of the metadata selectors: the first selector that finds non-empty text gives the
    field named by the kind."""

    @dataclass(frozen=True)
    class Options:
        select: Selectors

    def apply_page(self, tree: Any) -> PageHit:
        for selector in self.options.select:
            for found in selector.select(tree):
                if value := text_of(found):
                    return PageHit(meta={self.kind: value}, selector=selector.source)
        return PageHit()
