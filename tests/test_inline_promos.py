"""A newsletter promo or a related box inside an article ends no article where a good share of
its prose follows (trials of stop 56: exit 0 with the rest lost); a teaser list under one still
ends it (second attacker trial)."""

from __future__ import annotations

import pytest

from cleaner import clean

PARAGRAPHS = [
    "The harbour board met on Tuesday to approve the plan for a new ferry terminal.",
    "The old terminal was built in 1962 and has flooded four times in the last decade.",
    "Engineers say the new building will stand on piles two metres above the high-water mark.",
    "Work will start in the spring and should take about eighteen months to finish.",
    "The board chose a design by a firm from the coast after an open competition.",
    "Local fishermen asked for a separate landing stage so their boats can unload at night.",
    "The board agreed and added a cold store for the catch beside the new landing stage.",
    "Ticket prices will stay the same for islanders, the board's chairwoman said.",
    "Visitors will pay a small fee towards the cost of the building for the next ten years.",
    "A temporary ticket office will open in a container on the car park during the works.",
    "Ferries will run to the usual timetable while the old terminal is pulled down.",
    "The board expects the first passengers to use the new building in the autumn of next year.",
    "A public meeting about the plans will be held in the town hall on the first of March.",
    "Drawings of the new terminal are on display in the library until the end of the month.",
    "The chairwoman said she hoped the building would serve the island for a century.",
    "Residents can send their comments on the design to the board's office until February.",
]
PROMOS = ["Subscribe now", "Sign up to our free daily newsletter"]


@pytest.mark.parametrize("promo", PROMOS)
@pytest.mark.parametrize("shape", ["html", "text"])
def test_a_promo_line_inside_an_article_takes_only_itself(promo: str, shape: str):
    body = [*PARAGRAPHS[:9], promo, *PARAGRAPHS[9:]]
    if shape == "html":
        paragraphs = "".join(f"<p>{p}</p>" for p in body)
        head = "<html><head><title>New ferry terminal</title></head><body><article><h1>New ferry terminal</h1>"
        page = f"{head}{paragraphs}</article></body></html>"
    else:
        page = "New ferry terminal\n\n" + "\n".join(body) + "\n"
    doc = clean(page)
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert promo not in doc.text


TEASERS = [
    "Bridge repairs to close the high street for a month",
    "Traffic will be diverted through the industrial estate while engineers replace the ageing deck of the bridge.",
    "School governors back plan for a new sports hall",
    "The hall would be shared with local clubs in the evenings and at weekends under a deal agreed with the council.",
    "Farmers warn of a poor harvest after the wet summer",
    "Yields of wheat and barley are expected to be down by a fifth across the county, the farmers' union says.",
    "Hospital car park charges to rise from April",
    "Visitors will pay two pounds more for a day's parking, while staff charges will stay the same until next year.",
    "New bus route links the villages to the station",
    "The service will run every hour from seven in the morning and is paid for by a grant from the transport fund.",
]


@pytest.mark.parametrize("promo", ["Sign up to our free daily newsletter", "Related stories"])
def test_a_teaser_list_under_a_promo_still_ends_the_article(promo: str):
    """Second attacker trial of stop 56: the teasers' standfirsts under a promo read as the
    article going on (the heuristics alone: fast); they stand one under each headline, never two
    together. (The line model keeps such a list with or without this: left, noted.)"""
    page = "\n\n".join(["New ferry terminal", *PARAGRAPHS[:10], promo])
    page += "\n\n" + "\n\n".join(f"{a}\n{b}" for a, b in zip(TEASERS[::2], TEASERS[1::2], strict=True)) + "\n"
    doc = clean(page, fast=True)
    assert PARAGRAPHS[9] in doc.text
    for teaser in TEASERS:
        assert teaser not in doc.text
