"""The command line: parses arguments, calls the library, maps errors to exit codes.

Exit codes: 0 all good; 1 some inputs failed (the others are still written);
2 usage error (bad arguments, missing path); 3 a profile is invalid (nothing processed).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import click

from cleaner import __version__
from cleaner.errors import CleanerError, ProfileError
from cleaner.inputs import STDIN, Job, UsageError, plan, same_file
from cleaner.pipeline import clean as clean_document
from cleaner.profiles import Profiles, load_profiles
from cleaner.report import FORMATS, render

EXIT_FAILED, EXIT_USAGE, EXIT_PROFILE = 1, 2, 3

CLEAN_EPILOG = """\b
Examples:
  cleaner clean page.txt                      clean text to stdout
  cleaner clean seeds/ -o out/                a directory, mirrored as out/*.txt
  cleaner clean seeds/ -o out/ --format json  text plus metadata and removals
  cleaner clean seeds/ --format jsonl > all.jsonl
  cat page.txt | cleaner clean - --url https://coingeek.com/x/
  cleaner clean page.txt --profile none       no profiles, generic cleaning only
  cleaner clean page.txt --profiles-dir my-profiles/

\b
Exit codes: 0 all good; 1 some inputs failed (the others are written);
2 usage error; 3 invalid profile (nothing is processed).
"""


def _profiles_option(f):
    return click.option(
        "--profiles-dir",
        "profiles_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        metavar="DIR",
        help="Also load the *.toml profiles in DIR (repeatable); they override built-ins of the same name.",
    )(f)


def _load(dirs: Sequence[Path]) -> Profiles:
    try:
        return load_profiles(dirs)
    except ProfileError as err:
        for problem in err.problems:
            click.echo(str(problem), err=True)
        count = len(err.problems)
        click.echo(f"Error: {count} problem{'s' * (count != 1)} in profiles; no input was processed.", err=True)
        sys.exit(EXIT_PROFILE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog="""\b
Examples:
  cleaner clean seeds/ -o out/     clean a directory of scrapes
  cat page.txt | cleaner clean -   clean one scrape from a pipe
  cleaner profiles                 list the site and platform profiles
""")
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Turn raw scraped articles into clean article text plus metadata.

    \b
    bytes -> decode -> ftfy -> profile rules -> heuristics -> normalise -> metadata
    """


@main.command(epilog=CLEAN_EPILOG)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...", type=click.Path(exists=True, allow_dash=True))
@click.option("-o", "--output", metavar="OUT", help="Output file, or directory for several inputs (mirrors the input tree).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="text: clean text; json: one record per input; jsonl: one line per input.")
@click.option("--profile", default="auto", show_default=True, metavar="NAME|auto|none", help="Which site profile to apply: detect it, none, or this one.")
@click.option("--url", metavar="URL", help="The page's URL, for host-based profile detection and the url field.")
@click.option("--no-heuristics", is_flag=True, help="Apply profiles only, no generic cleaning.")
@_profiles_option
def clean(inputs: tuple[str, ...], output: str | None, fmt: str, profile: str, url: str | None, no_heuristics: bool, profiles_dirs: tuple[Path, ...]) -> None:
    """Clean INPUT files, directories (recursively) or - (stdin).

    One input and no -o: the result goes to stdout. A directory or several inputs
    need -o DIR, which mirrors the input tree as name.txt or name.json; with
    --format jsonl every record goes to stdout or to the -o file. Inputs are never
    overwritten.
    """
    profiles = _load(profiles_dirs)
    if profile not in ("auto", "none"):
        try:
            profiles.get(profile)
        except KeyError as err:
            raise click.BadParameter(err.args[0], param_hint="'--profile'") from None
    try:
        jobs, shared = plan(inputs, output, fmt)
    except UsageError as err:
        raise click.UsageError(str(err)) from None
    options = {"profile": profile, "url": url, "heuristics": not no_heuristics, "profiles": profiles}
    protected = {Path(i).resolve() for i in inputs if i != STDIN and Path(i).is_file()}
    failed = done = 0
    with _shared_output(shared) as stream:
        for job in jobs:
            try:
                text = render(_clean_one(job, options), fmt)
                if job.out is None:
                    stream.write(text)
                else:
                    if job.out.resolve() in protected or same_file(job.out, job.path):
                        raise CleanerError(f"output {job.out} is an input; not overwritten")
                    write_atomic(job.out, text)
                done += 1
            except (CleanerError, OSError) as err:
                failed += 1
                message = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
                click.echo(f"cleaner: {job.source}: {message}", err=True)
    if len(jobs) > 1 or failed:
        where = f" into {output}" if output else ""
        click.echo(f"cleaner: {done} cleaned, {failed} failed{where}", err=True)
    sys.exit(EXIT_FAILED if failed else 0)


def _clean_one(job: Job, options: dict):
    if job.path is None:
        data = sys.stdin.buffer.read()
        source = "<stdin>"
    else:
        data = job.path.read_bytes()
        source = job.source
    return clean_document(data, source=source, **options)


class _shared_output:
    """stdout, or a file written atomically once every record is in."""

    def __init__(self, path: Path | None):
        self.path = path

    def __enter__(self) -> IO[str]:
        if self.path is None:  # UTF-8 whatever the locale says; detached again on exit
            self.file = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True)
            return self.file
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self.file = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.file

    def __exit__(self, *exc: object) -> None:
        if self.path is None:
            self.file.detach()
            return
        self.file.close()
        os.replace(self.tmp, self.path)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@main.command(epilog="""\b
Examples:
  cleaner profiles
  cleaner profiles --profiles-dir my-profiles/
""")
@_profiles_option
def profiles(profiles_dirs: tuple[Path, ...]) -> None:
    """List the available profiles and what each is detected by."""
    for p in _load(profiles_dirs):
        click.echo(f"{p.name} ({p.kind}): {p.description or '-'}  [{p.path}]")
        if p.sitename:
            click.echo(f"  sitename: {p.sitename}")
        for host in p.hosts:
            click.echo(f"  host: {host}")
        for fingerprint in p.fingerprints:
            click.echo(f"  fingerprint: {fingerprint.pattern}")
        if p.platforms:
            click.echo(f"  uses: {', '.join(p.platforms)}")
        click.echo(f"  rules: {len(p.rules)}")
