"""The line model as the generic stage (cleaner.model.stage; not the default yet, see
cleaner/stages/heuristics.py): the model decides, the heuristics judge snippets."""

from cleaner.document import Context, Document
from cleaner.model import stage
from cleaner.pipeline import STAGES
from cleaner.profiles import Profiles
from cleaner.stages import heuristics

PROSE = [
    "The town council voted on Monday to close the old bridge to cars, after engineers found cracks.",
    "Residents said the detour would add twenty minutes to their commute, and shop owners worried.",
    "The council expects repairs to take at least a year and has asked the region to help pay for them.",
    "Engineers will inspect the other two bridges in the town next month, the mayor told reporters.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact", "Subscribe", "Log in", "Search"]
FOOTER = [
    "Share on Facebook",
    "Share on X",
    "Related stories",
    "School fair raises record sum",
    "© 2021 Example Gazette",
]
BODY = "\n\n".join(PROSE).split("\n")
PAGE = "\n".join([*MENU, "", *BODY, "", *FOOTER, *MENU]) + "\n"


def clean(text: str, heuristics_on: bool = True) -> Document:
    """clean() with the model stage in place of the default generic stage, no profiles."""
    ctx = Context(profiles=Profiles(), heuristics=heuristics_on)
    doc = Document(raw=text)
    for step in STAGES:
        doc = stage.run(doc, ctx) if step is heuristics.run else step(doc, ctx)
    return doc


def test_the_model_keeps_the_article_and_names_its_removals():
    doc = clean(PAGE)
    assert doc.text == "\n\n".join(PROSE) + "\n"
    rules = {r.rule for r in doc.removals}
    assert "model:boilerplate" in rules
    why = next(r.why for r in doc.removals if r.rule == "model:boilerplate")
    assert why.startswith(stage.WHY_MODEL) and "p(content)" in why and "strongest signals" in why


def test_no_heuristics_turns_the_model_off():
    assert clean(PAGE, heuristics_on=False).text.count("Home") == 2


def test_cleaning_the_output_again_changes_nothing():
    once = clean(PAGE).text
    assert clean(once).text == once


def test_a_snippet_is_left_to_the_heuristics():
    doc = clean("Hello world.\n")
    assert doc.text == "Hello world.\n"
    assert not any(r.rule.startswith("model:") for r in doc.removals)
