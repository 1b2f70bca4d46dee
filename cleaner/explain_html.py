"""`cleaner explain --format html`: what a profile does, as one page to look at.

The page is self-contained (its CSS inline, no script, no link, no image; a
Content-Security-Policy forbids fetching anything), so it opens from disk anywhere.
Each input is a section: its lines in order, removed ones struck through and coloured by
the rule that removed them, the rule's `why` on hover (a title attribute), and beside them
a panel with the matched profiles, how the bytes were read and the metadata with where
each field came from. Several inputs (or a directory) add a table of how many lines each
rule removed across the run.

Rules get their colours in the order they first appear on the page, spaced round the
colour wheel by the golden angle, so neighbours differ and the same input gives the same
page byte for byte. All text is escaped; control characters show as their Unicode
pictures (␀, ␛ ...), so what the scrape holds is what the page shows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.document import Document, PageRemoval, Removal
from cleaner.errors import CleanerError
from cleaner.explain import Row, as_dict, generic_line, page_lines, rows
from cleaner.inputs import STDIN, Job, is_jsonl, records, walk

GOLDEN_ANGLE = 137.508

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class Explained:
    """One input of the page: its cleaned Document, or why it could not be cleaned."""

    source: str
    doc: Document | None
    error: str | None = None


def jobs(inputs: Sequence[str]) -> Iterator[Job]:
    """The inputs as jobs: files, every file under a directory (sorted, as `clean` walks
    them), each record of a JSONL file, and - (stdin)."""
    for raw in inputs:
        if raw == STDIN:
            yield Job(raw, None, None)
            continue
        path = Path(raw)
        found: Iterable[Path | Job] = walk(path) if path.is_dir() else [path]
        for item in found:
            if isinstance(item, Job):
                yield item
            elif is_jsonl(item):
                yield from records(item)
            else:
                yield Job(raw if item == path else str(item), item, None, walked=item != path)


def explain_all(inputs: Sequence[str], clean_one: Callable[[Job], Document]) -> list[Explained]:
    """Clean every input with `clean_one`; an input that fails is kept with its error."""
    out = []
    for job in jobs(inputs):
        if job.error is not None:
            out.append(Explained(job.source, None, job.error))
            continue
        try:
            out.append(Explained(job.source, clean_one(job)))
        except (CleanerError, OSError) as err:
            message = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            out.append(Explained(job.source, None, message))
    return out


def esc(text: object) -> str:
    """Escaped for HTML text and attribute values; control characters as their pictures."""
    return html.escape(CONTROL.sub(_picture, str(text)), quote=True)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def colours(explained: Sequence[Explained]) -> dict[str, int]:
    """Each rule's colour index, in order of first appearance on the page."""
    order: dict[str, int] = {}
    for item in explained:
        if item.doc is not None:
            for rule in (r.rule for r in removals(item.doc)):
                order.setdefault(rule, len(order))
    return order


def removed_lines(removal: Removal | PageRemoval) -> int:
    """Lines a removal took, not counting blank ones (as the text explanation counts); an
    element stripped from an HTML page took none (it never became lines)."""
    if isinstance(removal, PageRemoval):
        return 0
    return sum(1 for line in removal.text.split("\n") if line.strip())


def removals(doc: Document) -> list[Removal | PageRemoval]:
    """What the rules took, in page order: elements stripped from the HTML, then lines."""
    return [*doc.page_removals, *sorted(doc.removals, key=lambda r: r.lines)]


CSS = """\
:root { color-scheme: light; --ink: #1d1d1f; --muted: #6b6b73; --rule: #d9d9de; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: #fafafa; }
header.page { padding: 1rem 1.5rem; background: #24292f; color: #fff; }
header.page h1 { margin: 0; font-size: 1.25rem; }
header.page p { margin: .25rem 0 0; color: #c9d1d9; }
main { padding: 0 1.5rem 2rem; }
section.run, section.doc { margin-top: 1.5rem; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; word-break: break-all; }
h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 1rem 0 .3rem; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1.5rem; align-items: start; }
table { border-collapse: collapse; }
table.lines { width: 100%; background: #fff; border: 1px solid var(--rule); }
table.lines td { padding: 1px .5rem; vertical-align: top; }
table.lines td.no { width: 1%; text-align: right; color: var(--muted); font: 12px/1.9 ui-monospace, monospace;
  user-select: none; }
table.lines td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
table.lines td.rule { width: 1%; white-space: nowrap; font: 12px/1.9 ui-monospace, monospace; }
tr.cut td.text { text-decoration: line-through; text-decoration-thickness: 1px; color: #44444a; }
tr.cut td.no { border-left: 5px solid hsl(var(--hue) 60% 42%); }
tr.cut { background: hsl(var(--hue) 85% 91%); }
tr.cut.more td.rule { color: transparent; }
tr.kept td.no { border-left: 5px solid transparent; }
aside { position: sticky; top: 0; max-height: 100vh; overflow: auto; background: #fff; border: 1px solid var(--rule);
  padding: 0 1rem 1rem; font-size: 14px; }
aside ul { margin: 0; padding-left: 1.1rem; }
dl.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem .75rem; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
ul.legend { list-style: none; padding: 0; }
ul.legend li { margin-bottom: .35rem; }
.kind { color: var(--muted); font-size: 12px; }
.none { color: var(--muted); font-style: italic; }
.from { display: block; color: var(--muted); font-size: 12px; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .35em; vertical-align: -.05em;
  background: hsl(var(--hue) 60% 42%); border-radius: 2px; }
table.rules { width: 100%; font-size: 13px; }
table.rules th, table.rules td { text-align: left; padding: 2px .4rem; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
table.rules td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.rules code, aside code { font-size: 12px; white-space: nowrap; }
section.run table.rules { background: #fff; border: 1px solid var(--rule); }
p.error { background: #ffebe9; border: 1px solid #ff8182; padding: .5rem 1rem; }
p.summary { color: var(--muted); margin: .5rem 0 0; }
nav ol { margin: .25rem 0 0; padding-left: 1.5rem; }
"""


def page(explained: Sequence[Explained]) -> str:
    """The whole page, as text."""
    palette = colours(explained)
    hues = "".join(f".r{i} {{ --hue: {round(i * GOLDEN_ANGLE) % 360}; }}\n" for i in range(len(palette)))
    if len(explained) == 1:
        title = f"cleaner explain: {explained[0].source}"
        lede = "Each line of the scrape, kept or struck through in its rule's colour; hover a line for why."
    else:
        failed = sum(1 for item in explained if item.doc is None)
        title = f"cleaner explain: {len(explained)} inputs"
        lede = f"{len(explained)} inputs, {failed} failed. Hover a struck line for why its rule removed it."
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # nothing may be fetched: the page stands alone, opened from disk or mailed
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="cleaner explain">',
        f"<title>{esc(title)}</title>",
        f"<style>\n{CSS}{hues}</style>",
        "</head>",
        "<body>",
        '<header class="page">',
        f"<h1>{esc(title)}</h1>",
        f"<p>{esc(lede)}</p>",
        "</header>",
        "<main>",
    ]
    if len(explained) > 1:
        out += run_section(explained, palette)
    for number, item in enumerate(explained, 1):
        out += doc_section(item, number, palette)
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def run_section(explained: Sequence[Explained], palette: dict[str, int]) -> list[str]:
    """Across the run: each rule's count of lines and matches, and the inputs."""
    counts: dict[str, list[int]] = {}  # rule -> [lines, matches, inputs]
    about: dict[str, tuple[str, str]] = {}
    for item in explained:
        if item.doc is None:
            continue
        seen = set()
        for removal in removals(item.doc):
            count = counts.setdefault(removal.rule, [0, 0, 0])
            count[0] += removed_lines(removal)
            count[1] += 1
            if removal.rule not in seen:
                seen.add(removal.rule)
                count[2] += 1
            about.setdefault(removal.rule, (removal.kind, removal.why))
    out = ['<section class="run">', "<h2>Rules across the run</h2>"]
    if counts:
        out.append('<table class="rules">')
        out.append("<tr><th>rule</th><th>kind</th><th>why</th><th>lines</th><th>matches</th><th>inputs</th></tr>")
        for rule in sorted(counts, key=lambda r: (-counts[r][0], -counts[r][1], r)):
            lines, matches, inputs = counts[rule]
            kind, why = about[rule]
            out.append(
                f'<tr class="r{palette[rule]}"><td><span class="swatch"></span><code>{esc(rule)}</code></td>'
                f'<td>{esc(kind)}</td><td>{esc(why)}</td><td class="n">{lines}</td><td class="n">{matches}</td>'
                f'<td class="n">{inputs}</td></tr>'
            )
        out.append("</table>")
    else:
        out.append('<p class="none">No rule removed anything.</p>')
    out.append("<nav><h3>Inputs</h3><ol>")
    for number, item in enumerate(explained, 1):
        if item.doc is None:
            note = "failed"
        else:
            removed = sum(removed_lines(r) for r in item.doc.removals)
            profiles = ", ".join(item.doc.profiles) or "no profile"
            note = f"{profiles}; {removed} line{'s' * (removed != 1)} removed"
        out.append(f'<li><a href="#input-{number}">{esc(item.source)}</a> <span class="none">{esc(note)}</span></li>')
    out += ["</ol></nav>", "</section>"]
    return out


def doc_section(item: Explained, number: int, palette: dict[str, int]) -> list[str]:
    out = [f'<section class="doc" id="input-{number}">', f"<h2>{esc(item.source)}</h2>"]
    if item.doc is None:
        return [*out, f'<p class="error">Not cleaned: {esc(item.error)}</p>', "</section>"]
    doc = item.doc
    table = rows(doc)
    out += ['<div class="cols">', "<div>", '<table class="lines">']
    current: Removal | None = None
    for row in table:
        out.append(line_row(row, palette, continued=row.removal is not None and row.removal is current))
        current = row.removal
    removed = sum(1 for r in table if r.removal is not None and r.text.strip())
    matches = len(doc.removals)
    out += [
        "</table>",
        f'<p class="summary">{removed} line{"s" * (removed != 1)} removed by {matches} rule '
        f"match{'es' * (matches != 1)}; kept lines are shown normalised.</p>",
        "</div>",
    ]
    out += panel(doc, palette)
    out += ["</div>", "</section>"]
    return out


def line_row(row: Row, palette: dict[str, int], continued: bool) -> str:
    cells = f'<td class="no">{row.no}</td><td class="text">{esc(row.text)}</td>'
    if row.removal is None:
        return f'<tr class="kept">{cells}<td class="rule"></td></tr>'
    r = row.removal
    more = " more" if continued else ""
    return (
        f'<tr class="cut r{palette[r.rule]}{more}" title="{esc(f"{r.rule} ({r.kind}): {r.why}")}">'
        f'{cells}<td class="rule">{esc(r.rule)}</td></tr>'
    )


def panel(doc: Document, palette: dict[str, int]) -> list[str]:
    """The side panel: profiles, how the input was read, metadata, the rules at work."""
    facts = as_dict(doc)
    out = ["<aside>", "<h3>Profiles</h3>"]
    if facts["profiles"]:
        out.append('<ul class="profiles">')
        out += [
            f'<li><b>{esc(p["name"])}</b> <span class="from">matched by {esc(p["matched_by"])}</span></li>'
            for p in facts["profiles"]
        ]
        out.append("</ul>")
    else:
        out.append('<p class="none">none matched</p>')
    out += ["<h3>Generic cleaning</h3>", f'<p class="generic">{esc(generic_line(doc))}</p>']
    reading = [
        ("decoded as", ", ".join(doc.steps_of("decode")) or "text (already decoded)"),
        ("unicode fixes", ", ".join(doc.steps_of("ftfy")) or "none"),
        *(("unicode", step) for step in doc.steps_of("unicode")),
        *(("site config", step) for step in doc.steps_of("ignored")),
    ]
    out += ["<h3>Input</h3>", '<dl class="meta input">']
    out += [f"<dt>{esc(name)}</dt><dd>{esc(value)}</dd>" for name, value in reading]
    out.append("</dl>")
    if html_lines := page_lines(doc):
        out += ["<h3>HTML page</h3>", '<ul class="page">']
        out += [f"<li>{esc(line.removeprefix('html: '))}</li>" for line in html_lines]
        out.append("</ul>")
    out += ["<h3>Metadata</h3>", '<dl class="meta metadata">']
    sources, notes = facts["metadata_from"], facts["metadata_notes"]
    for name, value in facts["metadata"].items():
        if value in (None, []):
            shown = '<span class="none">none</span>'
        else:
            shown = esc(", ".join(value) if isinstance(value, list) else value)
        about = [notes[name]] if name in notes else []
        about += [f"from {sources[name]}"] if name in sources else []
        origin = f'<span class="from">{esc("; ".join(about))}</span>' if about else ""
        out.append(f'<dt>{esc(name)}</dt><dd data-field="{esc(name)}">{shown}{origin}</dd>')
    out.append("</dl>")
    used: dict[str, str] = {}  # rule -> what it took ("2 lines", "1 element"), in page order
    taken: dict[str, list[int]] = {}
    rule_is: dict[str, tuple[str, str]] = {}
    for removal in removals(doc):
        count = taken.setdefault(removal.rule, [0, 0])  # [lines, elements]
        if isinstance(removal, PageRemoval):
            count[1] += 1
        else:
            count[0] += removed_lines(removal)
        rule_is.setdefault(removal.rule, (removal.kind, removal.why))
    for rule, (lines, elements) in taken.items():
        parts = [f"{lines} line{'s' * (lines != 1)}"] if lines or not elements else []
        parts += [f"{elements} element{'s' * (elements != 1)}"] if elements else []
        used[rule] = ", ".join(parts)
    out.append("<h3>Rules at work</h3>")
    if used:
        out.append('<ul class="legend">')
        for rule, what in used.items():
            kind, why = rule_is[rule]
            out.append(
                f'<li class="r{palette[rule]}"><span class="swatch"></span><code>{esc(rule)}</code> '
                f'<span class="kind">{esc(kind)}, {what}</span>'
                f'<span class="from">{esc(why)}</span></li>'
            )
        out.append("</ul>")
    else:
        out.append('<p class="none">none removed anything</p>')
    out.append("</aside>")
    return out
