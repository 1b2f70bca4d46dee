"""The generated corpora themselves: reproducible, and the expected text is the scrape's own."""

from __future__ import annotations

import pytest

from .corpora import ALL_TEMPLATES, MEASURED, TEMPLATES, corpus


def test_measured_templates_are_apart_from_the_learned_ones():
    assert not set(TEMPLATES) & set(MEASURED)
    assert list(ALL_TEMPLATES) == [*TEMPLATES, *MEASURED]


@pytest.mark.parametrize("template", list(ALL_TEMPLATES))
def test_expected_text_comes_from_the_scrape(template):
    pages = corpus(template, 0, n=3)
    assert [p.text for p in pages] == [p.text for p in corpus(template, 0, n=3)]
    for page in pages:
        lines = [line.strip() for line in page.text.splitlines()]
        items = {line[2:] for line in lines if line[:2] in ("• ", "* ", "- ")}
        for line in page.body.splitlines():
            assert line in lines or (line.startswith("- ") and line[2:] in items)
        assert page.meta["title"] in lines and page.meta["title"] not in page.body
        assert str(page.meta["date"]).startswith(("19", "20"))
