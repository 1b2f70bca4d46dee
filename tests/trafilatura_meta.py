"""cleaner.stages.html_meta against trafilatura's own extract_metadata, on one page: a helper
for tests/test_html_meta.py and, on the dev set, benchmarks/html_speed.py. Not in the package:
cleaner never runs trafilatura's metadata function itself."""

from __future__ import annotations

from typing import Any

from trafilatura.metadata import extract_metadata, extract_url
from trafilatura.utils import load_html

from cleaner.stages.html import DATE_PARAMS, scan
from cleaner.stages.html_meta import CANONICAL, FIELDS, page_metadata


def against_trafilatura(html: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields from page_metadata and from trafilatura's extract_metadata, each on its own
    parse of the page prepared as the html stage prepares it: they should be equal."""
    ours, theirs = load_html(html), load_html(html)
    if ours is None:
        return {}, {}
    scan(ours), scan(theirs)
    got = page_metadata(ours, None, DATE_PARAMS)
    expected = extract_metadata(theirs, None, DATE_PARAMS)
    if theirs is not None and theirs.find(CANONICAL) is not None:  # the one difference meant: the canonical link first
        expected.url = extract_url(theirs, None) or expected.url
    return {f: getattr(got, f) for f in FIELDS}, {f: getattr(expected, f) for f in FIELDS}
