"""Small article pages made up for the hostile tests."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from cleaner.cli import main

PARAGRAPHS = [
    f"Paragraph {n} says the harbour board met on day {n} and agreed to repair pier number {n} before winter."
    for n in range(1, 7)
]
LAST = PARAGRAPHS[-1]


def article(before: str = "", after: str = "", middle: str = "") -> str:
    """An HTML page whose article is PARAGRAPHS, `middle` between its halves."""
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    second = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[3:])
    return (
        "<!DOCTYPE html><html><head><title>Harbour news</title></head><body>"
        f"{before}<article><h1>Pier repairs agreed</h1>{first}{middle}{second}</article>{after}</body></html>"
    )


def nested(depth: int) -> str:
    """The article inside `depth` nested <div>s."""
    return article(before="<div>" * depth, after="</div>" * depth)


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["clean", "-j", "1", *args])


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
