"""Draft `body` and `strip` page rules from two or three HTML pages of one site.

Each page comes with the article's text (what trafilatura extracts from it, for `cleaner
new`; a benchmark may give annotated text). The body is the element that holds nearly all
of the article's words and few others, named by a selector that finds it on every page:
sites print the article in the same template, with the same id, class or itemprop, while
ids with post numbers differ from page to page and drop out by themselves. A strip is a
box inside the body, named alike on every page, that holds none of the article's words.

The article text may hold a box's words too (trafilatura keeps a donation appeal or a
newsletter box inside the article): a box whose text is the same on every page although the
articles differ is the site's template, not the article, and is drafted apart (`alike`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

import regex

WORD = regex.compile(r"\w+")
BLOCKS = ("div", "article", "section", "main", "td", "ul", "aside", "header", "footer", "form", "nav", "span", "p")
MIN_COVER = 0.8  # share of the article's words a body must hold, on every page
MIN_STRIP_WORDS = 3  # a box with fewer words is not worth a rule
MAX_STRIP_OVERLAP = 0.1  # share of a strip's three-word phrases that may be the article's
MIN_ALIKE_WORDS = 4  # words a box with the same text on every page needs to be a strip
MAX_ALIKE_SHARE = 0.5  # share of the body's words such a box may hold on a page
UP = 3  # ancestors of the best element per page whose names are tried too
# Class names that are layout or state, not what a box is: poor selectors.
LAYOUT = regex.compile(r"^(?:clearfix|clear|row|col(?:-.*)?|container|wrapper|inner|outer|left|right|active|hidden)$")


class Draft(NamedTuple):
    body: str | None  # a CSS selector
    body_cover: float  # the lowest share of article words it holds on a page
    strip: list[str]  # CSS selectors
    alike: tuple[str, ...] = ()  # CSS selectors of boxes with the same text on every page (not in `strip`)


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def shingles(text: str, n: int = 3) -> Counter:
    """Runs of n words: a box shares a few common words with any article, not its phrases."""
    found = [w.lower() for w in WORD.findall(text)]
    return Counter(tuple(found[i : i + n]) for i in range(max(len(found) - n + 1, 1)))


def _overlap(part: Counter, whole: Counter) -> int:
    return sum((part & whole).values())


def names(element: Any) -> list[str]:
    """CSS selectors that name the element by its own attributes, most telling first."""
    tag = element.tag
    out = []
    if prop := element.get("itemprop"):
        out.append(f'{tag}[itemprop="{prop}"]')
    if (ident := element.get("id")) and regex.fullmatch(r"[A-Za-z][\w-]*", ident) and not regex.search(r"\d{3}", ident):
        out.append(f"{tag}#{ident}")
    for cls in (element.get("class") or "").split():
        if regex.fullmatch(r"[A-Za-z][\w-]*", cls) and not LAYOUT.match(cls) and not regex.search(r"\d{3}", cls):
            out.append(f"{tag}.{cls}")
    return out


def _select(tree: Any, css: str) -> list:
    from cleaner.rules.page import Selector, outermost

    return outermost([e for e in Selector(css).select(tree) if not isinstance(e, str)])


def _text(elements: list) -> str:
    return " ".join(e.text_content() for e in elements)


def _best_element(tree: Any, article: Counter) -> Any:
    """The element with the fewest words that holds MIN_COVER of the article's words."""
    total = sum(article.values()) or 1
    best, best_size = None, None
    for element in tree.iter(*BLOCKS):
        found = words(element.text_content())
        if _overlap(found, article) / total >= MIN_COVER:
            size = sum(found.values())
            if best_size is None or size < best_size:
                best, best_size = element, size
    return best


def draft(trees: Sequence[Any], articles: Sequence[str]) -> Draft:
    """Body and strip selectors that hold on every page (`trees`, parsed), given the
    article text of each (`articles`)."""
    wanted = [words(a) for a in articles]
    candidates: dict[str, None] = {}
    for tree, article in zip(trees, wanted, strict=True):
        element = _best_element(tree, article)
        for _ in range(UP + 1):
            if element is None or element.tag in ("body", "html"):
                break
            candidates.update(dict.fromkeys(names(element)))
            element = element.getparent()
    body, body_cover, best_precision = None, 0.0, -1.0
    for css in candidates:
        covers, precisions = [], []
        for tree, article in zip(trees, wanted, strict=True):
            found = words(_text(_select(tree, css)))
            held = _overlap(found, article)
            covers.append(held / (sum(article.values()) or 1))
            precisions.append(held / (sum(found.values()) or 1))
        if min(covers) >= MIN_COVER and (precision := sum(precisions) / len(precisions)) > best_precision:
            body, body_cover, best_precision = css, min(covers), precision
    if body is None:
        return Draft(None, body_cover, [])
    strip = _strips(trees, articles, body)
    return Draft(body, body_cover, strip, _alike(trees, articles, body, strip))


def _strips(trees: Sequence[Any], articles: Sequence[str], body: str) -> list[str]:
    """Boxes inside the body, named alike on every page, with no article phrases in them."""
    wanted = [shingles(a) for a in articles]
    per_page: list[set[str]] = []
    for tree, article in zip(trees, wanted, strict=True):
        found: set[str] = set()
        for root in _select(tree, body):
            for element in root.iterdescendants(*BLOCKS):
                box = shingles(element.text_content())
                size = sum(box.values())
                if size >= MIN_STRIP_WORDS and _overlap(box, article) <= MAX_STRIP_OVERLAP * size:
                    found.update(names(element))
        per_page.append(found)
    shared = set.intersection(*per_page) if per_page else set()
    # a name that also marks article text on some page is no strip
    safe = []
    for css in sorted(shared):
        clean = True
        for tree, article in zip(trees, wanted, strict=True):
            for element in _select(tree, f"{body} {css}"):
                box = shingles(element.text_content())
                if _overlap(box, article) > MAX_STRIP_OVERLAP * sum(box.values()):
                    clean = False
        if clean:
            safe.append(css)
    # outer boxes only: a strip inside another strip adds nothing
    return [css for css in safe if not any(_inside(trees, css, other) for other in safe if other != css)]


def _inside(trees: Sequence[Any], css: str, other: str) -> bool:
    """Whether every element `css` finds is inside one `other` finds, on every page."""
    for tree in trees:
        outer = set(_select(tree, other))  # the elements, held: an id() of a freed one is reused
        for element in _select(tree, css):
            if not any(a in outer for a in element.iterancestors()):
                return False
    return True


def _flat(text: str) -> str:
    return " ".join(text.split())


def _alike(trees: Sequence[Any], articles: Sequence[str], body: str, taken: Sequence[str]) -> tuple[str, ...]:
    """Boxes inside the body whose text is the same on every page (whitespace aside), named
    alike on every page, when the articles differ: the same words in different articles are
    the template's, even when the article text holds them. The outermost such boxes, not the
    body or what holds it, nor boxes `taken` (strips already) finds or holds."""
    if len(trees) < 2 or len({_flat(a) for a in articles}) < len(articles):
        return ()
    roots = [_select(tree, body) for tree in trees]
    if not all(roots):
        return ()
    texts = [{_flat(e.text_content()) for r in page for e in r.iterdescendants(*BLOCKS)} for page in roots]
    # elements themselves, not id(): lxml makes an element's Python object anew once none is held
    done = {e for css in taken for e in _select(trees[0], css)}
    chosen: list[str] = []
    for root in roots[0]:
        for element in root.iterdescendants(*BLOCKS):
            if any(a in done for a in (element, *element.iterancestors())):
                continue
            text = _flat(element.text_content())
            if len(WORD.findall(text)) < MIN_ALIKE_WORDS or not all(text in page for page in texts[1:]):
                continue
            for css in _box_names(element, root, body):
                if _same_everywhere(trees, roots, css):
                    chosen.append(css)
                    done.update(_select(trees[0], css))
                    break
    return tuple(chosen)


def _box_names(element: Any, root: Any, body: str) -> list[str]:
    """Selectors for a box inside the body: its id, its classes (and other own names), then
    the path of tags (with a class where one is usable) from the body down to it."""
    own = names(element)
    ids = [n for n in own if "#" in n]
    steps = []
    for node in (element, *element.iterancestors()):
        if node is root:
            break
        steps.append(next((n for n in names(node) if "." in n), node.tag))
    path = " > ".join([body, *reversed(steps)])
    return list(dict.fromkeys([*ids, *[n for n in own if n not in ids], path]))


def _same_everywhere(trees: Sequence[Any], roots: Sequence[list], css: str) -> bool:
    """Whether `css` finds, inside the body of every page, boxes with the same texts (each of
    MIN_ALIKE_WORDS words or more, few of the body's words) and never the body or what holds it."""
    seen = None
    for tree, page in zip(trees, roots, strict=True):
        held = {e for r in page for e in (r, *r.iterancestors())}
        inside = {e for r in page for e in r.iterdescendants()}
        found = _select(tree, css)
        if any(e in held for e in found):
            return False
        boxes = [_flat(e.text_content()) for e in found if e in inside]
        body_words = len(WORD.findall(_text(page)))
        if not boxes or any(len(WORD.findall(b)) < MIN_ALIKE_WORDS for b in boxes):
            return False
        if sum(len(WORD.findall(b)) for b in boxes) > MAX_ALIKE_SHARE * body_words:
            return False
        if seen is not None and boxes != seen:
            return False
        seen = boxes
    return True
