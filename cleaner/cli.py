"""The command line: parses arguments, calls the library, maps errors to exit codes.

Exit codes: 0 all good; 1 some inputs failed (the others are still written);
2 usage error (bad arguments, missing path); 3 a profile is invalid (nothing processed).
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import sys
import tomllib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from cleaner import __version__
from cleaner.batch import Batch, refuse_stdout_input, stdout_file
from cleaner.document import RULE_BUDGET
from cleaner.entry import EXIT_INTERRUPTED
from cleaner.errors import CleanerError, InputError, ProfileError, UnknownProfile
from cleaner.inputs import STDIN, Fields, Job, UsageError, is_jsonl, load, walk
from cleaner.outputs import write_new, write_output
from cleaner.pipeline import clean as clean_document
from cleaner.profiles import NAME, RESERVED_NAMES, Profiles, holds_none, load_profiles
from cleaner.progress import Progress
from cleaner.report import FORMATS, format_named_by
from cleaner.runner import MAX_WORKERS, WORKERS_PER_CORE, Result, Settings, default_workers, run
from cleaner.stages.decode import declared_charset, decode_bytes
from cleaner.urls import url_problem

EXIT_FAILED, EXIT_USAGE, EXIT_PROFILE, EXIT_BROKEN_PIPE = 1, 2, 3, 141

CLEAN_EPILOG = """\b
Examples:
  cleaner clean page.txt                      clean text to stdout
  cleaner clean seeds/ -o out/                a directory, mirrored as out/*.txt
  cleaner clean seeds/ -o out/ --format json  text plus metadata and removals
  cleaner clean seeds/ --format jsonl > all.jsonl
  cleaner clean seeds/ --format csv > all.csv   one row per input, a header row first
  cleaner clean page.html --format markdown --no-tables
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
        help=(
            "Also load the *.toml profiles in DIR, and the FiveFilters site configs (example.com.txt, "
            ".example.com.txt) it holds, read for their host's pages (repeatable); they override "
            "built-ins of the same name."
        ),
    )(f)


def _extractor_options(f):
    """The extractor's switches, as trafilatura's CLI names them; clean and explain take them."""
    for option in reversed(
        [
            click.option(
                "--tables/--no-tables",
                default=True,
                show_default=True,
                help="HTML: keep tables (rows as | cell | cell |).",
            ),
            click.option("--comments", is_flag=True, help="HTML: keep reader comments, after the text."),
            click.option("--links", is_flag=True, help="HTML: keep link targets, as [text](target)."),
            click.option("--images", is_flag=True, help="HTML: keep images, as ![alt](src)."),
            click.option(
                "--precision",
                is_flag=True,
                help="Less boilerplate, maybe less text: trafilatura's favor_precision on HTML; on a text "
                "scrape the generic cleaning also drops weak lines inside the article.",
            ),
            click.option(
                "--recall",
                is_flag=True,
                help="More text, maybe more boilerplate: on a text scrape the generic cleaning keeps the "
                "lines inside the article it would drop only for their neighbours (HTML: the default).",
            ),
            click.option(
                "--target-language",
                metavar="LANG",
                callback=_language_option,
                help="HTML: a page detected (py3langid) in another language than LANG (ISO 639-1) comes out empty.",
            ),
        ]
    ):
        f = option(f)
    return f


def _language_option(ctx: click.Context, param: click.Parameter, lang: str | None) -> str | None:
    """Checked before any input is read: the code, and that py3langid is there and knows it."""
    if lang is None:
        return None
    if not (len(lang) == 2 and lang.isascii() and lang.isalpha()):
        raise click.BadParameter(f"{lang!r} is not an ISO 639-1 code (two letters, e.g. en)")
    import importlib.util

    if importlib.util.find_spec("py3langid") is None:
        raise click.BadParameter(LANGUAGE_EXTRA)
    from cleaner.stages.html import unknown_language

    if problem := unknown_language(lang):
        raise click.BadParameter(problem)
    return lang.lower()


LANGUAGE_EXTRA = (
    "needs py3langid, in the language extra: pip install 'cleaner[language]' (in a clone: pip install '.[language]')"
)


def _switches(extractor: dict) -> dict:
    """The extractor switches as clean() takes them; UsageError for --precision with --recall."""
    if extractor["precision"] and extractor["recall"]:
        raise click.UsageError("--precision and --recall cannot be used together")
    return extractor


class _FilePath(click.Path):
    """A file to write: a name ending in "/" is a folder's, refused before the path type drops
    the "/" (attacker trial of stop 52: `learn -o mp2/` wrote a file named mp2)."""

    def __init__(self, **kwargs: Any):
        super().__init__(dir_okay=False, **kwargs)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value not in ("", "/") and value.endswith(("/", os.sep)):
            self.fail(f"{value} ends in '/', a folder's name: give the file's name", param, ctx)
        if isinstance(value, str) and value not in (".", "..") and os.path.basename(value) in (".", ".."):
            # "mp2/." is the folder mp2 too (second attacker trial of stop 52: a file mp2 written)
            self.fail(f"{value} names a folder: give the file's name", param, ctx)
        return super().convert(value, param, ctx)


def _named_file(value: str | None) -> Path | None:
    """--errors: a path, not an empty one (read as ".", it was "errors file . is a directory":
    attacker trial of stop 49)."""
    if value == "":
        raise click.BadParameter("an empty path names no file; give a file, or - for standard output")
    return None if value is None else Path(value)


def _dash_is_stdout(ctx: click.Context, param: click.Parameter, output: Any) -> Any:
    """-o -: standard output, as - is standard input (not a file named "-"). -o '' names no
    file (attacker trial of stop 47: an AssertionError's traceback)."""
    if output is not None and str(output) == "":
        raise click.BadParameter("an empty path names no file; give a file or directory, or - for standard output")
    return None if output is not None and str(output) == STDIN else output


def _url_option(ctx: click.Context, param: click.Parameter, url: str | None) -> str | None:
    if url is not None and (problem := url_problem(url)):
        raise click.BadParameter(problem)
    return url


def _budget_option(seconds: float) -> float:
    if seconds != seconds:  # nan passes FloatRange (every comparison with it is false); inf is no limit
        raise click.BadParameter("nan is not a number of seconds")
    return seconds


def _regular_files(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """A FIFO would be waited on forever, a device read without end: refused by name. So is
    - (standard input): a draft names its samples, and stdin has no name."""
    from cleaner.files import what

    for path in paths:
        if str(path) == STDIN:
            raise click.BadParameter(
                "- (standard input) cannot be a sample: the draft names its samples; save it to a file"
            )
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise click.BadParameter(f"{path} is {what(mode)}, not a regular file")
    return paths


def _load(dirs: Sequence[Path]) -> Profiles:
    _refuse_stdout_among_profiles(dirs)
    for folder in dirs:  # a folder of nothing loads nothing, silently (attacker trial)
        if holds_none(folder):
            click.echo(
                f"cleaner: warning: {folder} holds no profile (*.toml) or site config (*.txt); "
                "those in its subfolders are not read",
                err=True,
            )
    try:
        return load_profiles(dirs)
    except ProfileError as err:
        for problem in err.problems:
            click.echo(str(problem), err=True)
        count = len(err.problems)
        click.echo(f"Error: {count} problem{'s' * (count != 1)} in profiles; no input was processed.", err=True)
        sys.exit(EXIT_PROFILE)


class _ClosedOutput(io.BufferedIOBase):
    """Standard output of a process started without one. click writes nothing to a missing
    stdout and reports no error: the output was lost with status 0. Every write here fails as
    a write to a closed descriptor does, so the command says so and exits 1."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


class _ClosedInput(io.RawIOBase):
    """Standard input of a process started without one (`<&-`): Python gives None, and
    reading "-" was a traceback. Every read fails as a read of a closed descriptor does."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF), "standard input")


class _Cleaner(click.Group):
    """The command group; what click itself writes (--help, --version, usage errors) to a
    stdout that fails (a full disk) is one message and status 1, as every command's output."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C outside a run's loop (starting, finishing): 130, as within
            click.echo("cleaner: interrupted", err=True)  # (attacker trial: click's "Aborted!", status 1)
            sys.exit(EXIT_INTERRUPTED)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if sys.stdout is None:  # started with no standard output (`>&-`): Python gives None
            sys.stdout = io.TextIOWrapper(_ClosedOutput(), encoding="utf-8", write_through=True)
        if sys.stderr is None:  # nor standard error (`2>&-`): the run goes on, its messages unseen
            sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  # (attacker trial: nothing done, exit 1)
        if sys.stdin is None:
            sys.stdin = io.TextIOWrapper(io.BufferedReader(_ClosedInput()), encoding="utf-8")
        try:
            return super().main(*args, **kwargs)
        except BrokenPipeError:
            _quiet_exit_on_broken_pipe()
        except SystemExit as done:
            # click's own output (--version, --help) to a reader that went away: click exits 1
            # after wrapping stdout so; `| head` gets 141 as every command's output does
            # (attacker trial of stop 51: `cleaner --version | true`, exit 1)
            wrapped = getattr(click.utils, "_PacifyFlushWrapper", None)
            if done.code == 1 and wrapped is not None and isinstance(sys.stdout, wrapped):
                _quiet_exit_on_broken_pipe()
            raise
        except RuntimeError as err:  # pathlib's resolve() of a path that is a symlink loop
            if not str(err).startswith("Symlink loop"):
                raise
            click.echo(f"cleaner: a path given is a symlink loop ({str(err).split(' from ', 1)[-1]})", err=True)
            sys.exit(EXIT_USAGE)
        except OSError as err:  # a file the command names says so; else it was stdout
            click.echo(f"cleaner: {err.filename or 'standard output'}: {_message(err)}", err=True)
            sys.exit(EXIT_FAILED)


@click.group(
    cls=_Cleaner,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  cleaner clean seeds/ -o out/     clean a directory of scrapes
  cat page.txt | cleaner clean -   clean one scrape from a pipe
  cleaner explain page.txt         which rule removed which line, and why
  cleaner check my-profiles/       lint profiles
  cleaner profiles                 list the site and platform profiles
""",
)
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Turn raw scraped articles into clean article text plus metadata.

    \b
    bytes -> decode -> (HTML? trafilatura + resiliparse) -> ftfy -> profile rules -> generic
    (line model or heuristics) -> normalise -> metadata
    """


# An input named on the command line that cannot be read (no permission, a dangling symlink)
# fails by name in the run as one inside a folder does, and the others are written (attacker
# trial: one such file stopped the whole run, exit 2); a path that is not there at all is a
# mistyped argument (exit 2).
INPUT = click.Path(allow_dash=True, readable=False)


def _existing(ctx: click.Context, param: click.Parameter, paths: tuple[str, ...]) -> tuple[str, ...]:
    for path in paths:
        if path != STDIN and _missing(path):
            raise click.BadParameter(f"Path {click.format_filename(path)!r} does not exist.", ctx, param)
    return paths


def _missing(path: str) -> bool:
    """Not there at all; a path in a folder that may not be searched is there, unreadable
    (attacker trial: it was called missing, exit 2)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


@main.command(epilog=CLEAN_EPILOG)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...", type=INPUT, callback=_existing)
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    callback=_dash_is_stdout,
    help="Output file (.gz compresses), or directory for several inputs (mirrors the input tree); - for stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text (or txt): clean text; json: one record per input; jsonl: one line per input; csv: one row "
    "per input (source, url, title, author, date, sitename, categories, text); xml: a <doc> per input; "
    "markdown: headings, lists, quotes, tables and links as Markdown. Without --format, an -o name ending "
    "in .jsonl (or .ndjson), .csv, .json, .xml or .md, .gz after it too, chooses that format.",
)
@click.option(
    "--profile",
    default="auto",
    show_default=True,
    metavar="NAME|auto|none",
    help="Which site profile to apply: detect it, none, or this one.",
)
@click.option(
    "--url",
    metavar="URL",
    callback=_url_option,
    help="The page's URL, for host-based profile detection and the url field.",
)
@click.option(
    "--no-heuristics",
    is_flag=True,
    help="Apply profiles only: no line model or heuristics (a first line that reads as a headline "
    "still becomes the title).",
)
@click.option(
    "--fast",
    is_flag=True,
    help="HTML: trafilatura's fast mode, its fallback extractors only for pages it nearly empties. "
    "Text scrapes: the hand-written heuristics instead of the line model (about 2.5x the speed, lower F1).",
)
@click.option(
    "--rule-budget",
    type=click.FloatRange(min=0, min_open=True),
    default=RULE_BUDGET,
    show_default=True,
    callback=lambda ctx, param, value: _budget_option(value),
    metavar="SECONDS",
    help="Time a profile rule may spend on one input; then it stops there and is named on stderr.",
)
@click.option(
    "-j",
    "--jobs",
    "workers",
    type=click.IntRange(min=1, max=MAX_WORKERS),
    default=default_workers(),
    show_default="all cores",
    help=f"Worker processes (at most {WORKERS_PER_CORE} per core are started).",
)
@click.option("--resume", is_flag=True, help="Finish an interrupted run: keep outputs already written, do the rest.")
@click.option(
    "--errors",
    "errors_file",
    type=_FilePath(),
    callback=lambda ctx, param, value: _named_file(value),
    help="Also write failed inputs to this JSONL file ({source, error}); - for stdout when -o takes the results.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr (errors still show).")
@click.option("--text-field", default="text", show_default=True, help="JSONL input: the field holding a text scrape.")
@click.option("--html-field", default="html", show_default=True, help="JSONL input: the field holding HTML.")
@click.option("--url-field", default="url", show_default=True, help="JSONL input: the field holding the page URL.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool here; dask: a Dask cluster (pip install 'cleaner[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="--engine dask: the cluster's scheduler (tcp://host:8786); default: a local cluster of -j workers.",
)
@_extractor_options
@_profiles_option
def clean(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    profile: str,
    url: str | None,
    no_heuristics: bool,
    fast: bool,
    rule_budget: float,
    workers: int,
    resume: bool,
    errors_file: Path | None,
    quiet: bool,
    text_field: str,
    html_field: str,
    url_field: str,
    engine: str,
    scheduler: str | None,
    profiles_dirs: tuple[Path, ...],
    **extractor,
) -> None:
    """Clean INPUT files, directories (recursively), JSONL files or - (stdin).

    One input and no -o: the result goes to stdout. A directory or several inputs
    need -o DIR, which mirrors the input tree as name.txt, .json, .xml or .md; with
    --format jsonl or csv every record goes to stdout or to the -o file, in input order.
    JSONL input (.jsonl, .jsonl.gz) takes records with a text or html field and
    keeps their other fields (jsonl; csv has its own columns), but those named like
    cleaner's own (text, title, date, source, removed, ...), which the cleaned ones
    replace; .gz inputs are decompressed. Inputs are never overwritten; outputs appear
    whole or not at all.
    """
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    profiles = _load(profiles_dirs)
    _check_profile_name(profiles, profile)
    fields = Fields(text_field, html_field, url_field)
    switches = _switches(extractor)
    fmt = "text" if fmt == "txt" else fmt
    if output is not None and click.get_current_context().get_parameter_source("fmt") == ParameterSource.DEFAULT:
        # new-user trial of stop 47: `-o out.jsonl` made a folder out.jsonl of .txt files, exit 0
        fmt = format_named_by(output) or fmt
    settings = Settings(
        fmt,
        profile,
        url,
        not no_heuristics,
        profiles_dirs,
        fields,
        rule_budget,
        fast,
        tables=switches["tables"],
        comments=switches["comments"],
        links=switches["links"],
        images=switches["images"],
        focus="precision" if switches["precision"] else "recall" if switches["recall"] else None,
        target_language=switches["target_language"],
    )
    try:
        batch = Batch.prepare(inputs, output, settings, profiles, resume, errors_file)
    except UsageError as err:
        raise click.UsageError(str(err)) from None
    workers = 1 if batch.total is not None and batch.total.files == 1 else workers
    connection = _dask_connect(workers, scheduler, quiet) if engine == "dask" else None  # before any output exists

    def results_of(jobs: Iterator[Job]) -> Iterator[Result]:
        if connection is not None:
            from cleaner import dask as dask_engine

            return dask_engine.run(jobs, settings, profiles, connection)
        return run(jobs, settings, workers, profiles)

    progress = Progress(enabled=not quiet and _show_progress(), total=batch.total)
    if progress.enabled and batch.total is None:
        progress.measure(inputs)  # a directory to stdout: its total comes from a walk in the background
    try:
        summary = batch.run(results_of, progress, say=_tell)
    except UsageError as err:  # found on opening the output: locked, or --resume of another run
        raise click.UsageError(str(err)) from None
    if summary.stopped == "broken pipe":
        _quiet_exit_on_broken_pipe()
    if summary.stopped == "interrupted":
        # --resume finishes a run into files, not one to stdout, a stream or from stdin (attacker
        # trial of stop 36: the advice was refused when followed)
        resumable = output is not None and not batch.stream and STDIN not in inputs
        again = "; run again with --resume to finish" if resumable else ""
        click.echo(f"cleaner: interrupted after {summary.cleaned} cleaned, {summary.failed} failed{again}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if summary.stopped is not None:
        # how far a run into files got, as an interrupted run says (attacker trial of stop 53: a
        # full disk under a JSONL output said what stopped it, not how far it got); then why
        if output is not None:
            click.echo(f"cleaner: stopped after {summary.cleaned} cleaned, {summary.failed} failed", err=True)
        click.echo(f"cleaner: {summary.stopped}", err=True)
        raise Stopped(EXIT_FAILED)
    failed = summary.failed + summary.earlier_failed
    if not quiet and resume and summary.cleaned + summary.failed == 0 and not failed:
        click.echo(f"cleaner: nothing left to do: the run into {output} had finished", err=True)
    elif not quiet and summary.cleaned + summary.failed == 0 and not failed:
        # an empty folder (or one of hidden files only) is no error, but say so (attacker trial of stop 51)
        _tell("nothing to clean: no input files or records found (hidden ones are skipped)")
    elif not quiet and (summary.cleaned + summary.failed > 1 or failed):
        where = f" into {output}" if output else ""
        earlier = f" ({summary.earlier_failed} before resuming)" if summary.earlier_failed else ""
        _tell(f"{summary.cleaned} cleaned, {failed} failed{earlier}{where}")
    sys.exit(EXIT_FAILED if failed else 0)


def _status_line(what: str) -> Callable[[str], None]:
    """A one-line status on stderr, each message drawn over the last."""

    def say(message: str) -> None:  # written as is: click.echo strips the line-clearing code off a pipe
        sys.stderr.write(f"\r{what}: {message}\033[K")
        sys.stderr.flush()

    return say


def _tell(message: str) -> None:
    """A run's message on stderr, if stderr takes it: one that cannot (a full disk) ended the
    run at the first input's warning or failure, the rest never cleaned (attacker trial 2 of
    stop 51); the exit status still says whether inputs failed, and --errors FILE keeps them."""
    try:
        click.echo(f"cleaner: {message}", err=True)
    except (OSError, ValueError):
        pass


def _show_progress() -> bool:
    """Progress is drawn on a terminal; CLEANER_PROGRESS=1 draws it anywhere, =0 nowhere."""
    forced = os.environ.get("CLEANER_PROGRESS", "")
    return forced == "1" if forced in ("0", "1") else sys.stderr.isatty()


def _encoded(text: str) -> bytes:
    """UTF-8, with a file name's undecodable bytes as they were (a folder named b"\\xff":
    attacker trial of stop 36, `check` of it was a traceback); any other lone surrogate as
    a backslash escape."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace")


def _out(text: str, styled: bool = False) -> None:
    """Text to stdout, written through at once: a closed pipe (`| head`) ends the run quietly
    with 141, as clean does; any other failure (a full disk) is one message and status 1,
    never a traceback, nor lost output with status 0. `styled` text loses its styles
    where click.echo would strip them (not a terminal)."""
    from click.globals import resolve_color_default

    from cleaner.outputs import _fileno, _write_all

    try:
        if (fd := _fileno(sys.stdout)) is None:  # not a real stream (tests): as click writes it
            click.echo(text, nl=False)
        else:
            color = resolve_color_default()  # as click.echo decides it
            if styled and not (color if color is not None else sys.stdout.isatty()):
                text = click.unstyle(text)
            sys.stdout.flush()
            _write_all(fd, _encoded(text))
    except BrokenPipeError:
        _quiet_exit_on_broken_pipe()
    except OSError as err:
        click.echo(f"cleaner: standard output: {_message(err)}", err=True)
        sys.exit(EXIT_FAILED)


class Stopped(SystemExit):
    """A run stopped part-way (its output's disk full, its lock file gone): status 1, as for an
    input that failed, but its worker pool may still be closing (see program())."""


def program() -> None:
    """The `cleaner` command and `python -m cleaner`: main(), and when a run with worker
    processes was interrupted or stopped part-way, the exit at once. Everything is written and
    closed by then, and Python's exit would wait on the process pool's threads, which Ctrl-C
    can leave stuck (CPython's gh-105829: attacker trial of stop 37, 1 run in 15 hung for
    good); a stopped run's pool, shut down without waiting, closes a pipe while Python's exit
    handler for the pool writes to it ("Exception ignored ... Bad file descriptor" after the
    error: attacker trial of stop 47, stdout on a full disk, -j 2; CPython's gh-125451). Only
    the program exits so: main() called in a process (click's CliRunner, a script) returns."""
    try:
        main()
    except SystemExit as done:
        if (done.code == EXIT_INTERRUPTED or isinstance(done, Stopped)) and "cleaner.pool" in sys.modules:
            _exit_now(done.code if isinstance(done.code, int) else EXIT_FAILED)
        raise


def _exit_now(code: int) -> None:
    """Exit with `code` at once, the standard streams flushed, without Python's exit handlers."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _quiet_exit_on_broken_pipe() -> None:
    """The reader went away (`| head`): stop as `yes | head` does, silent, status 128 + SIGPIPE.
    stdout is pointed at /dev/null first, or Python's final flush would complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os._exit(EXIT_BROKEN_PIPE)


def _dask_connect(workers: int, scheduler: str | None, quiet: bool):
    try:
        from cleaner import dask as dask_engine  # imports dask: only --engine dask may
    except ImportError as err:
        raise click.UsageError(f"--engine dask needs the dask extra: pip install 'cleaner[dask]' ({err})") from None
    try:
        return dask_engine.connect(workers, scheduler, quiet)
    except OSError as err:  # distributed's connection errors, timeouts too, are OSErrors
        raise click.UsageError(f"cannot reach the Dask scheduler {scheduler}: {err}") from None
    except ValueError as err:  # an address it cannot parse ("missing port number": attacker trial of stop 47)
        raise click.UsageError(f"--scheduler {scheduler}: {err}") from None


def _check_profile_name(profiles: Profiles, choice: str) -> None:
    if choice not in ("auto", "none"):
        try:
            profiles.get(choice)
        except UnknownProfile as err:
            raise click.BadParameter(str(err), param_hint="'--profile'") from None
        except ProfileError as err:  # a site config of that name that does not load
            for problem in err.problems:
                click.echo(str(problem), err=True)
            sys.exit(EXIT_PROFILE)


def _message(err: Exception) -> str:
    return err.strerror if isinstance(err, OSError) and err.strerror else str(err)


def _clean_one(job: Job, options: dict):
    data, html, url = load(job, Fields())  # a JSONL record's url, when --url gives none
    options = options | {"url": options.get("url") or url}
    return clean_document(data, source="<stdin>" if job.path is None else job.source, html=html, **options)


@main.command(
    epilog="""\b
Examples:
  cleaner explain seeds/002_6a35ec191f6cc795.txt
  cleaner explain page.txt --profile none | less -R
  cleaner explain page.txt --format json | jq '.lines[] | select(.kept | not)'
  cleaner explain page.txt --format html -o page.html   a page to look at
  cleaner explain my-profiles/samples/ --format html -o review.html
"""
)
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...", type=click.Path(exists=True, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=_FilePath(path_type=Path),
    metavar="FILE",
    callback=_dash_is_stdout,
    help="Write here (atomically; never over an input) instead of stdout (-: stdout).",
)
@click.option("--profile", default="auto", show_default=True, metavar="NAME|auto|none", help="As for clean.")
@click.option("--url", metavar="URL", callback=_url_option, help="As for clean.")
@click.option("--no-heuristics", is_flag=True, help="As for clean.")
@click.option("--fast", is_flag=True, help="As for clean.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="html: one self-contained page, several inputs and directories too.",
)
@_extractor_options
@_profiles_option
def explain(
    inputs: tuple[str, ...],
    output: Path | None,
    profile: str,
    url: str | None,
    no_heuristics: bool,
    fast: bool,
    fmt: str,
    profiles_dirs: tuple[Path, ...],
    **extractor,
) -> None:
    """Show FILE (- for stdin) line by line: kept, or removed by which rule and why.

    Also shows which profiles matched and by which host or fingerprint, how the
    bytes were decoded, the Unicode fixes applied and where each metadata field
    came from. Coloured on a terminal, plain when piped. --format html draws it as
    a page (struck lines coloured by rule, why on hover), for several inputs or
    directories too, with each rule's count across them.
    """
    from cleaner import explain as explanation

    if fmt != "html" and (len(inputs) > 1 or (inputs[0] != STDIN and Path(inputs[0]).is_dir())):
        raise click.UsageError("several inputs or a directory need --format html")
    if fmt != "html" and inputs[0] != STDIN and is_jsonl(Path(inputs[0])):  # was explained as one text scrape
        raise click.UsageError(f"{inputs[0]} is a JSONL file of records: --format html explains each of them")
    profiles = _load(profiles_dirs)
    if output is not None:
        _refuse_input_as_output(inputs, output, profiles)
    else:  # `> folder/review.html`: the page read itself as an input
        _refuse_stdout_into(inputs)
    _check_profile_name(profiles, profile)
    options = {
        "profile": profile,
        "url": url,
        "heuristics": not no_heuristics,
        "fast": fast,
        "profiles": profiles,
        **_switches(extractor),
    }
    if fmt == "html":
        from cleaner import explain_html

        explained = explain_html.explain_all(inputs, lambda job: _clean_one(job, options))
        for item in explained:
            if item.error is not None:
                click.echo(f"cleaner: {item.source}: {item.error}", err=True)
        _write_or_echo(explain_html.page(explained), output)
        sys.exit(EXIT_FAILED if any(item.error is not None for item in explained) else 0)
    file = inputs[0]
    job = Job(file, None if file == STDIN else Path(file), None)
    try:
        doc = _clean_one(job, options)
    except (CleanerError, OSError) as err:
        click.echo(f"cleaner: {file}: {_message(err)}", err=True)
        sys.exit(EXIT_FAILED)
    if fmt == "json":
        _write_or_echo(json.dumps(explanation.as_dict(doc), ensure_ascii=False, indent=2) + "\n", output)
    else:
        _write_or_echo(explanation.render(doc, color=False if output else None), output, styled=True)


def _refuse_input_as_output(inputs: Sequence[str], output: Path, profiles: Profiles) -> None:
    from cleaner.guard import Inputs

    if output.is_dir():
        raise click.BadParameter(f"{output} is a directory; name a file", param_hint="'-o'")
    guarded = Inputs(inputs)
    guarded.add_profiles(profiles)
    try:  # as clean refuses: an input or a profile overwritten, or read back by the next run
        guarded.refuse(output, "-o file")
    except UsageError as err:
        raise click.BadParameter(str(err).removeprefix("-o file "), param_hint="'-o'") from None


def _write_or_echo(text: str, output: Path | None, styled: bool = False) -> None:
    if output is None:
        _out(text, styled)
        return
    try:
        write_output(output, text)
    except UsageError as err:  # a live run writes it
        raise click.UsageError(str(err)) from None
    except BrokenPipeError:  # -o /dev/stdout, or a FIFO, whose reader left: as stdout's, silent 141
        _quiet_exit_on_broken_pipe()
    except OSError as err:
        click.echo(f"cleaner: {output}: {_message(err)}", err=True)
        sys.exit(EXIT_FAILED)


@main.command(
    epilog="""\b
Examples:
  cleaner check                          all built-in profiles
  cleaner check my-profiles/             a folder of your own
  cleaner check my-profiles/site.toml --profiles-dir my-profiles/
"""
)
@click.argument("paths", nargs=-1, metavar="[PATH]...", type=click.Path(exists=True, path_type=Path))
@_profiles_option
def check(paths: tuple[Path, ...], profiles_dirs: tuple[Path, ...]) -> None:
    """Lint profiles and report every problem, one per line as path:line:col: message.

    Checks TOML syntax, rule kinds and keys (with did-you-mean), value types,
    regexes that do not compile or can backtrack catastrophically, rules that
    match nothing in any of the profile's samples, meta_field date rules whose
    captured text reads as no date, failed keep/drop expectations,
    hosts or fingerprints claimed by two profiles, and profiles no page can be
    matched to (no hosts, no fingerprints, used by no site profile). PATHs are profile files or
    folders; without them, every built-in and --profiles-dir profile. Exit 1 if
    any problem is reported; notes (site config directives that only tune
    Full-Text RSS's own extraction, like `prune: no`) are printed but pass.
    """
    from cleaner import check as linter

    _refuse_stdout_among_profiles([*paths, *profiles_dirs])
    found = linter.check(paths, profiles_dirs)
    _out("".join(f"{problem}\n" for problem in found))
    count = sum(not p.note for p in found)
    notes = len(found) - count
    also = f" ({notes} note{'s' * (notes != 1)})" if notes else ""
    click.echo(f"{count or 'no'} problem{'s' * (count != 1)}{also}", err=True)
    sys.exit(EXIT_FAILED if count else 0)


@main.command(
    epilog="""\b
Examples:
  cleaner new example-news --sample scrape1.txt --sample scrape2.txt -o my-profiles/example-news.toml
  cleaner new example-news --sample scrape1.txt          print the starter profile
"""
)
@click.argument("name")
@click.option(
    "--sample",
    "samples",
    multiple=True,
    required=True,
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
    callback=lambda ctx, param, samples: _regular_files(samples),
    help="A raw scrape of the site (repeatable).",
)
@click.option(
    "-o",
    "--output",
    type=_FilePath(path_type=Path),
    callback=_dash_is_stdout,
    help="Write the profile here (not over an existing file) instead of stdout (-: stdout).",
)
@_profiles_option
def new(name: str, samples: tuple[Path, ...], output: Path | None, profiles_dirs: tuple[Path, ...]) -> None:
    """Write a starter profile NAME from sample scrapes of one site.

    It lists fingerprint candidates, the lines it suspects are boilerplate (what the
    generic cleaning removes, and lines every sample shares; a line found in one sample
    only if it is short and not a sentence, never prose), the samples and
    keep/drop expectations, every rule with a `why` to review. Then run
    `cleaner explain` and `cleaner check` on it.
    """
    from cleaner import scaffold

    if not NAME.match(name):
        raise click.BadParameter(f'"{name}" must be lower-case letters, digits and dashes', param_hint="'NAME'")
    if name in RESERVED_NAMES:
        raise click.BadParameter(f'"{name}" is what --profile {name} means; choose another name', param_hint="'NAME'")
    _refuse_existing(output)
    _note_builtin(name)
    if output is None:
        _refuse_stdout_into([str(s) for s in samples])
    profiles = _load(profiles_dirs)

    left_out: list[Path] = []

    def skipped(sample: Path, err: Exception) -> None:  # binary, HTML nested too deep: named, as learn does
        left_out.append(sample)
        click.echo(f"cleaner: {sample}: {_message(err)}; skipped", err=True)

    out_dir = (output or Path(name)).resolve().parent
    samples = tuple(p for p in _once_each(list(samples)) if isinstance(p, Path))
    text = scaffold.starter_profile(name, list(samples), out_dir, profiles, skipped)
    if _same_texts([s for s in samples if s not in left_out]):  # as learn warns (second attacker, stop 38)
        click.echo(SAME_SCRAPES, err=True)
    if text is None:
        raise click.UsageError("new needs at least one readable sample")
    head = tomllib.loads(text).get("profile", {})
    if not head.get("hosts") and not head.get("fingerprints"):
        click.echo(NEVER_MATCHED, err=True)
    _emit_profile(_samples_said(text, "new", name, list(samples), output), output, "")
    if left_out:  # the draft is written; status 1 says not every sample was read, as clean's does
        click.echo(f"cleaner: {len(left_out)} sample{'s' if len(left_out) > 1 else ''} skipped", err=True)
        sys.exit(EXIT_FAILED)


@main.command(
    epilog="""\b
Examples:
  cleaner learn scrapes/example-news/ -o my-profiles/example-news.toml
  cleaner learn a.txt b.txt c.txt --name example-news
  cleaner learn crawl/ --corpus --name my-platforms -o my-profiles/my-platforms.toml
"""
)
@click.argument("inputs", nargs=-1, required=True, metavar="DIR|FILE...", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=_FilePath(path_type=Path),
    callback=_dash_is_stdout,
    help="Write the profile here (not over an existing file) instead of stdout (-: stdout).",
)
@click.option("--name", help="Profile name (default: the -o file's name).")
@click.option("--corpus", is_flag=True, help="Mixed corpus: lines found in many documents become a platform profile.")
@click.option(
    "--min-docs",
    type=click.IntRange(min=2),
    default=5,
    show_default=True,
    help="--corpus: a line must be in at least this many documents...",
)
@click.option(
    "--min-share",
    type=click.FloatRange(0, 1),
    default=0.02,
    show_default=True,
    help="--corpus: ...and in at least this share of them.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr (warnings and errors still show).")
def learn(
    inputs: tuple[Path, ...],
    output: Path | None,
    name: str | None,
    corpus: bool,
    min_docs: int,
    min_share: float,
    quiet: bool,
) -> None:
    """Mine a draft profile from several scrapes of one site.

    Lines and blocks that repeat across the scrapes while the article text differs
    become rules (headers, footers, calls to action, promo tables, bylines whose
    names vary, generalised to patterns), with cut points such as "Related
    Articles" and metadata lines (author, date, reading time, categories: a
    breadcrumb or a section label like "Local News" above the headline). With
    --corpus, over a mixed crawl, lines repeated in many documents become a
    platform profile. The result is an ordinary profile: review it, then run
    `cleaner check` and `cleaner explain`.

    The draft lists the scrapes as its samples, named relative to the -o file's
    folder (`cleaner check` reads them only under the folder above it; learn warns
    when they are not). Printed to stdout, they are named relative to the current
    folder, as a comment at the top says: save the draft there, or use -o.
    """
    from cleaner.learn import draft_site, learn_corpus  # the miner is only needed here
    from cleaner.learn.lines import prepare

    name = name or (output.stem if output else None)
    if not name or not NAME.match(name):
        raise click.UsageError(
            "give the profile a --name of lower-case letters, digits and dashes (or an -o file named so)"
        )
    if name in RESERVED_NAMES:
        raise click.UsageError(f'"{name}" is what --profile {name} means: give the profile another --name')
    _refuse_existing(output)
    _note_builtin(name)
    if output is None:
        _refuse_stdout_into([str(p) for p in inputs])
    files = _once_each([f for p in inputs for f in (_scrapes_in(p) if p.is_dir() else [p])])
    texts: list[str] = []
    sources: list[Path] = []
    skipped = 0
    read: list[tuple[Path, set[str]]] = []  # each scrape's prose lines, for _same_article
    squashed: dict[str, Path] = {}  # each scrape's text, spaces and line ends aside (a CRLF copy)
    for f in files:
        if isinstance(f, Job):  # an unreadable directory, a symlink loop, a FIFO
            skipped += 1
            error = f.error or ""
            click.echo(f"cleaner: {f.source}: {error}{'' if error.endswith('skipped') else '; skipped'}", err=True)
            continue
        try:
            data = f.read_bytes()
            text = decode_bytes(data, declared=declared_charset(data))[0]
            if not text.strip():  # counted as a scrape, it made what every other one holds look like template
                raise InputError(EMPTY_SCRAPE)
            # here, so that a page that cannot be read (HTML nested too deep) is skipped by name
            prose = {line for line in prepare(text) if len(line.split()) >= ARTICLE_LINE_WORDS}
            # the same text, however short its article (attacker trial of stop 54: a copy of a
            # three-paragraph scrape was learned as a second page)
            flat = " ".join(text.split())
            twin = squashed.get(flat) or _same_article(prose, read)
            if twin is not None:
                raise InputError(
                    f"the same article as {twin} (its paragraphs are that scrape's): learned twice, they "
                    "would read as the site's template"
                )
            read.append((f, prose))
            squashed[flat] = f
            texts.append(text)
            sources.append(f)
        except (CleanerError, OSError) as err:
            skipped += 1
            click.echo(f"cleaner: {f}: {_message(err)}; skipped", err=True)
    if len(texts) < 2:
        raise click.UsageError(f"learn needs at least two readable scrapes, got {len(texts)}")
    if corpus:
        text = learn_corpus(texts, name, min_docs=min_docs, min_share=min_share)
    else:
        out_dir = (output or Path(name)).resolve().parent
        # a sample named by its own path, not a symlink's target (attacker trial: '../../../etc/passwd')
        step = _status_line("cleaner learn") if not quiet and _show_progress() else None
        try:  # the leave-one-out cleans each scrape once per other one: 40 took minutes (attacker trial)
            draft = draft_site(
                texts, name, sources=[os.path.relpath(os.path.abspath(s), out_dir) for s in sources], step=step
            )
        finally:
            if step is not None:
                sys.stderr.write("\r\033[K")
        text = draft.toml
        text = _samples_said(text, "learn", name, sources, output)
        if draft.estimate:
            click.echo(
                f"leave-one-out over {len(texts)} scrapes: {draft.estimate}; wrote generic = {draft.generic!r}",
                err=True,
            )
        if not draft.hosts and not draft.fingerprints:
            click.echo(NEVER_MATCHED, err=True)
        if draft.recall is not None and draft.recall < LOW_RECALL:
            click.echo(LOST_TEXT.format(recall=draft.recall), err=True)
    _emit_profile(text, output, f" from {len(texts)} scrapes")
    if skipped:  # the draft is written; status 1 says not every input was read, as clean's does
        click.echo(f"cleaner: {skipped} input{'s' if skipped > 1 else ''} skipped", err=True)
        sys.exit(EXIT_FAILED)


LOW_RECALL = 0.5
LOST_TEXT = (
    "cleaner: warning: cleaning each scrape with a draft learned from the others kept only {recall:.0%}"
    " of what reads as its article text; review the rules (a headline or byline rule that takes"
    " the body, a drop rule on article lines) before use"
)
SAME_SCRAPES = (
    "cleaner: warning: some scrapes are the same text; the draft learns what repeats while the"
    " articles differ, so identical scrapes make their article look like template: give scrapes"
    " of different articles"
)


NEVER_MATCHED = (
    "cleaner: warning: the draft has no hosts and no fingerprints (no scrape names its URL, and no"
    " line every scrape prints names the site: 12 characters or more, not labels any site prints),"
    " so no page will ever be matched to it; are the scrapes all of one site? Add hosts = [...] or"
    " a fingerprint line before use"
)
STDOUT_SAMPLES = (
    "# The samples below are named relative to the folder cleaner {command} ran in: save this file\n"
    "# there (`> {name}.toml`), or fix them, or run {command} with -o FILE to name them from FILE's folder.\n"
)


def _samples_said(text: str, command: str, name: str, samples: list[Path], output: Path | None) -> str:
    """The draft, saying where its sample paths hold: printed to stdout they are relative to
    the current folder (a comment on top and a note on stderr); written with -o, a note when
    `cleaner check` will not read them from there."""
    if output is not None:
        _unreadable_samples(samples, output)
        return text
    click.echo(
        "cleaner: the draft names its samples relative to the current folder; saved in another"
        f" folder, it needs them fixed (or run {command} with -o FILE)",
        err=True,
    )
    return STDOUT_SAMPLES.format(command=command, name=name) + text


def _unreadable_samples(sources: list[Path], output: Path) -> None:
    """Say so when `cleaner check` will not read the draft's samples: it reads a user's
    profile's samples only under the folder above the profile's folder (profiles.sample_roots)."""
    root = output.resolve().parent.parent
    outside = [s for s in sources if not s.resolve().is_relative_to(root)]
    if not outside:
        return
    where = _near(root)
    top = Path(output.parts[0], output.name)  # np/newdir/z.toml -> np/z.toml, when that reads them
    if (
        not output.is_absolute()
        and len(output.parts) > 2
        and all(s.resolve().is_relative_to(Path.cwd()) for s in sources)
    ):
        suggested = top
    else:
        common = Path(os.path.commonpath([str(s.resolve().parent) for s in sources]))
        suggested = _near(common / "profiles" / output.name)
    first = os.path.relpath(outside[0].resolve(), output.resolve().parent)
    click.echo(
        f"cleaner: warning: the samples ({first}{', ...' if len(sources) > 1 else ''}) are outside {where}, and"
        f" `cleaner check {output}` reads a profile's samples only from the folder above its own: it will report"
        f" them; write the draft as -o {suggested}, or move the scrapes under {where}/",
        err=True,
    )


def _near(path: Path) -> Path:
    """`path` as a message shows it: relative to the working folder when under it, else
    absolute (new-user trial: "../../../tmp" for /tmp)."""
    here = Path.cwd().resolve()
    if path == here:
        return Path(".")
    return Path(os.path.relpath(path, here)) if path.is_relative_to(here) else path


def _refuse_stdout_into(inputs: Sequence[str]) -> None:
    """A usage error when standard output is redirected to an input, into an input folder or
    to the file standard input reads (attacker trials of stop 36: explain, learn and new read
    their own output as an input; clean's runs check it in Batch)."""
    if stdout_file() is None:
        return
    from cleaner.guard import Inputs

    try:
        refuse_stdout_input(Inputs(inputs))
    except UsageError as err:
        raise click.UsageError(str(err)) from None


def _refuse_stdout_among_profiles(places: Sequence[Path]) -> None:
    """A usage error when standard output goes to a file the profile folders (or files) given
    would be read from (attacker trial 3 of stop 36: `clean f --profiles-dir pd > pd/out.toml`
    read its own empty output as a profile, exit 3; `check pd > pd/report.toml` reported it)."""
    out = stdout_file()
    if out is None:
        return
    for place in places:
        files = sorted(place.glob("*.toml")) + sorted(place.glob("*.txt")) if place.is_dir() else [place]
        for f in files:
            try:
                info = f.stat()
            except OSError:
                continue
            if (info.st_dev, info.st_ino) == out:
                raise click.UsageError(
                    f"standard output goes to {f}, which would be read as a profile; redirect it elsewhere"
                )


def _note_builtin(name: str) -> None:
    """Say that a draft named like a built-in site profile will replace it (attacker trial of
    stop 36: `learn --name coinspeaker` lost the built-in's metadata rules, unsaid)."""
    from cleaner.pipeline import builtin_profiles

    builtin = builtin_profiles().by_name.get(name)
    if builtin is not None and builtin.kind == "site":
        click.echo(f'cleaner: note: "{name}" replaces the built-in profile of that name ({builtin.path})', err=True)


EMPTY_SCRAPE = "empty: no text"


def _scrapes_in(folder: Path) -> Iterator[Path | Job]:
    """The files under `folder` as clean walks them, less the profiles there: a draft saved
    beside its scrapes was read as one more scrape by the next learn (second attacker, stop 38)."""
    for f in walk(folder):
        if isinstance(f, Path) and f.suffix.lower() == ".toml":
            click.echo(f"cleaner: {f}: a profile, not a scrape; left out", err=True)
            continue
        yield f


def _same_texts(samples: list[Path]) -> bool:
    seen: set[bytes] = set()
    for sample in samples:
        try:
            data = sample.read_bytes()
        except OSError:
            continue
        if data in seen:
            return True
        seen.add(data)
    return False


# Of two scrapes of one article (a page saved twice, its .html beside its .txt), learn reads the
# first: a scrape whose lines of this many words are most (SAME_SHARE) of another's, at least
# SAME_LINES of them, is the same article. Attacker trial of stop 49: the same article under three
# names drafted rules removing its own paragraphs, and the estimate said F1 1.00.
ARTICLE_LINE_WORDS = 10
SAME_LINES = 3
SAME_SHARE = 0.8


def _same_article(prose: set[str], read: list[tuple[Path, set[str]]]) -> Path | None:
    """The scrape read already whose article `prose` (a scrape's long lines) is, if any."""
    for source, other in read:
        shared = len(prose & other)
        if shared >= SAME_LINES and shared >= SAME_SHARE * min(len(prose), len(other)):
            return source
    return None


def _once_each(files: list[Path | Job]) -> list[Path | Job]:
    """`files` with each file once: a scrape named twice (or by a second path or link to the
    same file) read twice weighed as two scrapes of the site (second attacker trial of stop 37)."""
    seen: dict[tuple[int, int], Path] = {}
    out: list[Path | Job] = []
    for f in files:
        if isinstance(f, Path):
            try:
                info = f.stat()
            except OSError:  # named as unreadable where it is read
                out.append(f)
                continue
            key = (info.st_dev, info.st_ino)
            if key in seen:
                twice = "given more than once" if f == seen[key] else f"the same file as {seen[key]}"
                click.echo(f"cleaner: {f}: {twice}; read once", err=True)
                continue
            seen[key] = f
        out.append(f)
    return out


def _refuse_existing(output: Path | None) -> None:
    if output is not None and os.path.lexists(output):  # a dangling symlink too: nothing is written through one
        raise click.UsageError(f"{output} exists; not overwritten")


def _emit_profile(text: str, output: Path | None, how: str) -> None:
    """A drafted profile to stdout, or to its file with a pointer to the next step."""
    if output is None:
        _out(text)
    else:
        from cleaner.guard import refuse_writers_of

        try:
            refuse_writers_of(output)  # a live run's output folder or file
        except UsageError as err:
            raise click.UsageError(str(err)) from None
        # not over a file that appeared while drafting (attacker trial of stop 51: `new -o` of the
        # same name during a `learn` was replaced at its end, both exit 0): the next free name
        try:
            written = write_new(output, text)
        except OSError as err:  # a full disk: the file named, not "standard output" (attacker trial 2 of stop 51)
            click.echo(f"cleaner: {err.filename or output}: {_message(err)}; nothing written", err=True)
            raise SystemExit(EXIT_FAILED) from None
        if written != output:
            click.echo(f"cleaner: {output} appeared while drafting; not overwritten", err=True)
        click.echo(f"wrote {written}{how}; next: cleaner check {written}", err=True)
        if written != output:
            raise SystemExit(1)


@main.command(
    epilog="""\b
Examples:
  cleaner profiles
  cleaner profiles --profiles-dir my-profiles/
"""
)
@_profiles_option
def profiles(profiles_dirs: tuple[Path, ...]) -> None:
    """List the available profiles, what each is detected by and, for a site, its generic setting.
    FiveFilters site configs in the folders are listed by name only (they are not parsed)."""
    _out("".join(f"{line}\n" for line in _list_profiles(_load(profiles_dirs))))


def _list_profiles(loaded: Profiles) -> Iterator[str]:
    from cleaner import siteconfig

    for p in loaded:
        yield f"{p.name} ({p.kind}): {p.description or '-'}  [{p.path}]"
        if p.sitename:
            yield f"  sitename: {p.sitename}"
        for host in p.hosts:
            yield f"  host: {host}"
        for fingerprint in p.fingerprints:
            yield f"  fingerprint: {fingerprint.pattern}"
        if p.platforms:
            yield f"  uses: {', '.join(p.platforms)}"
        if p.generic is not None:  # site profiles only: platform profiles have no say
            yield f"  generic: {p.generic}"
        yield f"  rules: {len(p.rules)}"
    for folder in loaded.config_dirs:
        for path in siteconfig.files_in(folder):
            name = path.name.removesuffix(siteconfig.SUFFIX)
            yield f"{name} (site config): FiveFilters site config, read when a page of its host is seen  [{path}]"
