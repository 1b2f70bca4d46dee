"""Calls to action and author bios at the edges of the body."""

from __future__ import annotations

import pytest

from cleaner.heuristics import edges
from cleaner.heuristics.lines import describe


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Sign up for the morning briefing and never miss a story.", True, id="sign-up"),
        pytest.param("Subscribe today to read every article without limits.", True, id="subscribe"),
        pytest.param("This article contains affiliate links; we may earn a commission.", True, id="affiliate"),
        pytest.param("Abonnieren Sie jetzt unseren Newsletter.", True, id="de"),
        pytest.param("The river rose two metres overnight and flooded the lower town.", False, id="prose"),
        pytest.param("Please donate to keep our newsroom independent.", True, id="donate"),
        # a closing paragraph that names a donation or subscribers is the article's (new-user trial)
        pytest.param(
            "Club president Owen Hart thanked the hundreds of residents who donated to the new boathouse.",
            False,
            id="donated-prose",
        ),
        pytest.param("The paper now has twelve thousand subscribers across the valley.", False, id="subscribers-prose"),
    ],
)
def test_call_to_action(line: str, expected: bool):
    assert edges.call_to_action(line, len(line.split())) is expected


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        # French "application" (an app) and German "app " are words of an English sentence
        pytest.param("The school posted the application form for new pupils online.", "en", False, id="fr-word-en"),
        pytest.param("Téléchargez notre application gratuite.", "fr", True, id="fr-page"),
        pytest.param("The app store listing went live on Friday.", "en", False, id="de-word-en"),
        # English notices count on a page of any language
        pytest.param("Follow us on Twitter for the latest news.", "de", True, id="en-on-de-page"),
        pytest.param("Follow us on Twitter for the latest news.", None, True, id="no-language"),
    ],
)
def test_call_to_action_in_the_page_language(line: str, language: str | None, expected: bool):
    assert edges.call_to_action(line, len(line.split()), language) is expected


def test_a_long_sentence_of_an_extracted_article_is_no_call_to_action():
    long = (
        "The minister answered questions from readers on Twitter for an hour on Sunday evening, "
        "and promised that the new rail line would open before the end of the year after all."
    )
    short = "Follow us on Twitter for the latest news."
    assert len(long.split()) > edges.EXTRACTED_MAX_WORDS
    assert edges.call_to_action(long, len(long.split())) is True
    assert edges.call_to_action(long, len(long.split()), "en", extracted=True) is False
    assert edges.call_to_action(short, len(short.split()), "en", extracted=True) is True


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Jane Doe is a reporter who covers housing and city hall.", True, id="is-a"),
        pytest.param("Ana María Ruiz writes about science and health.", True, id="writes-about"),
        pytest.param("The mayor is a former teacher who grew up in the town.", False, id="not-a-name-first"),
        pytest.param("Prices rose again in March.", False, id="prose"),
        pytest.param("Windows jest ostatnim systemem, który nadal obsługiwał Flash.", False, id="one-word-subject"),
        pytest.param("London is the capital and the largest city of England.", False, id="one-word-place"),
    ],
)
def test_author_bio(line: str, expected: bool):
    assert edges.author_bio(line, len(line.split())) is expected


def test_zones_split_off_the_first_tenth_and_last_fifth_of_the_text():
    lines = ["x" * 100] * 10
    infos = [describe(i, t) for i, t in enumerate(lines)]
    assert edges.zones(infos, [True] * 10, 0, 9) == (1, 8)
