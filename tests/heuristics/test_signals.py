"""The named signals, the analysis steps and the phrase categories: each has a name and a why,
and a phrase category is data: one added to a data file works without code."""

from __future__ import annotations

import importlib
import pkgutil
import shutil

import pytest

import cleaner.heuristics
from cleaner import clean, pipeline
from cleaner.heuristics import HEURISTICS, STEPS, analyse, language, why
from cleaner.heuristics.apply import apply
from cleaner.heuristics.phrases import GENERIC_WHY, categories
from cleaner.heuristics.signals import SIGNALS, Page
from cleaner.model.features import NAMES, page_features
from cleaner.stages import heuristics as generic


def test_every_signal_has_a_unique_name_a_family_and_a_why():
    names = [s.name for s in SIGNALS]
    assert len(names) == len(set(names))
    for signal in SIGNALS:
        assert signal.name and signal.family and len(signal.why) > 20, signal.name
        module = importlib.import_module(f"cleaner.heuristics.signals.{signal.family}")
        assert signal in module.SIGNALS  # grouped by family: the module named after it


def test_every_signal_gives_one_value_per_non_blank_line():
    page = Page(["Home", "", "By Jane Roe", "March 3, 2021", "", "A line of text that goes on for a while.", "  "])
    assert page.positions == [0, 2, 3, 5]
    for signal in SIGNALS:
        assert len(page[signal]) == 4, signal.name
    assert Page([]).positions == []


def test_every_step_has_a_unique_name_and_a_why():
    assert len({s.name for s in STEPS}) == len(STEPS)
    assert all(s.name and len(s.why) > 20 for s in STEPS)


def test_every_shipped_phrase_category_has_a_name_and_a_why_from_the_data():
    found = categories()
    assert found
    for category, because in found.items():
        assert category and category == category.strip().lower(), category
        # given in a data file, not the fallback
        assert because != GENERIC_WHY.format(category) and len(because) > 10, category
        assert any(category in lang.why for lang in language.languages()), category
        assert why(category) == because


def test_every_heuristic_name_has_a_why():
    assert all(HEURISTICS.values())
    assert why("no-such-heuristic")  # a generic why, never a KeyError


def _clear_caches() -> None:
    """Everything derived from the data files is cached: clear it all."""
    for info in pkgutil.walk_packages(cleaner.heuristics.__path__, "cleaner.heuristics."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == info.name:
                value.cache_clear()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A copy of the shipped data files, which the heuristics read instead while the test runs."""
    for path in language.DATA_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(language, "DATA_DIR", tmp_path)
    _clear_caches()
    yield tmp_path
    monkeypatch.undo()
    _clear_caches()


PROSE = [
    "The town council voted on Monday to close the old bridge to cars, after engineers found cracks in it.",
    "Residents said the detour would add twenty minutes to their commute, and shop owners were worried.",
    "The council expects repairs to take at least a year and has asked the region to help pay for them.",
]
PAGE = "\n\n".join([*PROSE, "Listen to our podcast", "Share on Facebook"]) + "\n"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param('why = "podcast promotions"\n', "podcast promotions", id="with-a-why"),
        pytest.param("", GENERIC_WHY.format("podcast"), id="without-a-why"),
    ],
)
def test_a_phrase_category_added_to_a_data_file_names_its_removals(data_dir, monkeypatch, table, expected):
    en = data_dir / "en.toml"
    en.write_text(en.read_text(encoding="utf-8") + f'\n[phrases.podcast]\n{table}lines = ["listen to our podcast"]\n')
    assert categories()["podcast"] == expected
    monkeypatch.setattr(
        pipeline, "STAGES", tuple((lambda d, c: apply(d)) if s is generic.run else s for s in pipeline.STAGES)
    )
    doc = clean(PAGE, profile="none")
    assert doc.text == "\n\n".join(PROSE) + "\n"
    podcast = [r for r in doc.removals if r.rule == "heuristic:podcast"]
    assert [(r.text.strip(), r.why) for r in podcast] == [("Listen to our podcast", expected)]
    assert analyse(doc.lines).drop == {}


def test_a_new_phrase_category_counts_as_labelled_for_the_line_model(data_dir):
    en = data_dir / "en.toml"
    en.write_text(en.read_text(encoding="utf-8") + '\n[phrases.podcast]\nlines = ["listen to our podcast"]\n')
    texts = PAGE.split("\n")
    positions, rows = page_features(texts)
    row = rows[positions.index(texts.index("Listen to our podcast"))]
    named = dict(zip(NAMES, row, strict=True))
    assert named["labelled"] == 1.0
    assert not any(value for name, value in named.items() if name.startswith("cat_"))
    # the whole generic stage, line model included, runs on a page with it
    long_page = "\n".join(["Home", "News", "Sport", *PROSE * 7, "Listen to our podcast", "Share on Facebook"])
    assert "Listen to our podcast" not in clean(long_page, profile="none").text


def _text_shape_by_definition(text: str) -> tuple[float, ...]:
    from cleaner.heuristics.signals.shape import PUNCTUATION, TRUNCATED_ENDS

    chars, words = max(len(text), 1), text.split()
    return (
        len(PUNCTUATION.findall(text)) / chars,
        sum(map(str.isdigit, text)) / chars,
        sum(w[0].isupper() for w in words) / max(len(words), 1),
        float(text.lower() == text and any(map(str.isalpha, text))),
        float("|" in text),
        float(text.endswith(":")),
        float(text.endswith(TRUNCATED_ENDS)),
    )


@pytest.mark.parametrize(
    "text",
    [
        *(chr(c) for c in range(128)),  # every ASCII character alone
        "Share | Tweet | Email",
        "__init__ 3.11, 4 of 5: ok!",
        "ALL CAPS 2024",
        "lower case only 12",
        "\x1c\x1d\x1e\x1f separators",
        "Read more...",
        "Café Ünïcode 3 — naïve",
        "第三章 12",
        "٣ أرقام عربية",
        "",
    ],
)
def test_text_shape_reads_ascii_lines_as_the_general_rule_does(text):
    from cleaner.heuristics.signals.shape import text_shape

    assert text_shape.__wrapped__(text) == _text_shape_by_definition(text)
