"""Invariants of cleaning, checked by the property tests and by benchmarks/fuzz.py."""

from __future__ import annotations

from cleaner import InputError, clean
from cleaner.pipeline import builtin_profiles
from cleaner.stages.normalise import normalise_line
from cleaner.stages.unicode import fix_lines

PROFILES = builtin_profiles()

PROSE = [
    "The council approved the new budget on Tuesday after a long debate about road repairs.",
    "Residents said the changes would make the town centre easier to reach by bicycle.",
    "“We have waited a long time for this,” one shop owner said, adding that trade had slowed.",
    "Die Stadt hat am Dienstag beschlossen, die Brücke im Herbst für zwei Wochen zu sperren.",
    "El ayuntamiento aprobó el presupuesto tras un largo debate sobre las obras de la calle.",
    "Les habitants ont salué la décision, même si les travaux dureront tout l’été.",
    "The harbour reopened on Monday after three days of storms kept the fishing fleet in port.",
    "Fishermen said the catch was smaller than usual, but prices at the market were high.",
    "A new bench was installed on the promenade after residents collected money for it.",
    "Rada miasta zatwierdziła budżet po długiej debacie o remontach dróg w centrum.",
    "A câmara aprovou o orçamento depois de um longo debate sobre as obras nas ruas.",
    "The school will open its library to the public on Saturdays from next month.",
]
OTHER = [
    "Share on Facebook",
    "Follow us on Twitter",
    "Related Articles",
    "Home | News | Sport",
    "6 views0 comments",
    "Advertisement",
    "Read more",
    "© 2024 Example Media. All rights reserved.",
    "By Jane Roe",
    "March 3, 2024",
    "Town Approves Budget for Road Repairs",
    "Key points",
    "  • First point of the list",
    "  • Second point",
    "Getting your Trinity Audio player ready...",
    "top of page",
    "Leave a Reply",
    "",
    "",
    "\u00a0",
    "caf\u00c3\u00a9 and more",
]


def never_raises(data: bytes | str) -> None:
    """Cleaning anything gives text, or InputError for binary input; nothing else."""
    try:
        doc = clean(data, profiles=PROFILES)
    except InputError:
        return
    assert isinstance(doc.text, str)


def _plain(line: str) -> str:
    text = normalise_line(line)
    return text[2:] if text.startswith("- ") else text


def invents_nothing(page: list[str]) -> None:
    """Every output line is an input line after Unicode repair and normalisation."""
    fixed, _ = fix_lines(page)
    source = {_plain(line) for line in fixed}
    for line in clean("\n".join(page), profiles=PROFILES).text.split("\n"):
        assert not line or _plain(line) in source, line


def idempotent(page: list[str]) -> None:
    """Cleaning clean output changes nothing, but for one documented exception: any text's
    heading-like first line is its title, so a second cleaning may take it (and its repeats),
    or, when the article uses none of its words, take it out as no title."""
    once = clean("\n".join(page), profiles=PROFILES)
    twice = clean(once.text, profiles=PROFILES)
    if twice.text != once.text:
        first = twice.removals[0]
        assert first.rule in ("metadata:title", "metadata:not-title") and first.lines == (1, 1), twice.removals
        assert {r.rule for r in twice.removals} <= {"metadata:title", "metadata:not-title", "metadata:title-repeat"}
