"""Run many jobs: in this process or a process pool, results in input order, memory flat.

Jobs are read lazily and sent to the workers in chunks, with a bounded number of
chunks in flight, so a corpus of any size needs the memory of a few chunks. Each
worker loads the profiles once. An error stays with its job; the run goes on.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from cleaner.document import RULE_BUDGET
from cleaner.errors import CleanerError, timeout_warning
from cleaner.inputs import STDIN, Fields, Job, load
from cleaner.pipeline import clean
from cleaner.profiles import Profiles, load_profiles
from cleaner.report import record, render

PARENT_CHECK = 0.5  # seconds between a worker's checks that its main process lives
CHUNK = 16  # jobs per task: amortises pickling and scheduling over small documents
IN_FLIGHT = 4  # chunks per worker queued ahead


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to clean a job, picklable."""

    fmt: str
    profile: str = "auto"
    url: str | None = None
    heuristics: bool = True
    profiles_dirs: tuple[Path, ...] = ()
    fields: Fields = field(default_factory=Fields)
    rule_budget: float = RULE_BUDGET
    fast: bool = False
    # the extractor's switches (cleaner.pipeline.clean): --tables/--no-tables, --comments,
    # --links, --images, --precision / --recall (focus), --target-language
    tables: bool = True
    comments: bool = False
    links: bool = False
    images: bool = False
    focus: str | None = None
    target_language: str | None = None


class Result(NamedTuple):
    job: Job
    text: str | None  # the rendered output, or None on error
    error: str | None
    size: int  # input bytes
    warnings: tuple[str, ...] = ()


_profiles: Profiles | None = None
_settings: Settings | None = None


# HTML in which the extractor found nothing: no rule removed anything, so explain has nothing to show
NO_MAIN_TEXT = "the HTML extractor (trafilatura) found no main text in it; nothing was removed by a rule"
NO_MAIN_TEXT_IN = (
    "the HTML extractor (trafilatura) found no main text in {lang} in it (--target-language): "
    "the page may be in another language"
)


def _init(settings: Settings, profiles: Profiles | None = None, parent: int | None = None) -> None:
    """Set up this process to clean jobs. A pool worker (no `profiles`) gets the main
    process's pid as `parent`: read here, getppid() would already be 1 if the main process
    was killed while this worker started, and the worker would wait forever."""
    global _profiles, _settings
    if profiles is None:  # a pool worker: Ctrl-C is for the main process, which stops the pool
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # born blocked (pool.Pool._submit)
        watched = parent if parent is not None else os.getppid()
        threading.Thread(target=_exit_with_parent, args=(watched,), daemon=True).start()
    _settings = settings
    _profiles = profiles if profiles is not None else load_profiles(settings.profiles_dirs)


def _exit_with_parent(parent: int) -> None:
    """A worker whose main process was killed (kill -9) would wait for work forever."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def _work(jobs: list[Job]) -> list[Result]:
    assert _settings is not None and _profiles is not None, "the pool's initializer sets them"
    return [clean_job(job, _settings, _profiles) for job in jobs]


ERRORS = (CleanerError, OSError, UnicodeError)  # what fails one input, never the run
Reader = Callable[[Job, Fields], "tuple[bytes | str, bool | None, str | None]"]


def clean_job(job: Job, settings: Settings, profiles: Profiles, read: Reader = load) -> Result:
    """Clean one job into its rendered output, or its error. Every engine runs this (the
    process pool here, cleaner.dask on a cluster); `read` gives the job's input, for an
    engine that reads it elsewhere (the Dask client, or fsspec on a worker)."""
    s = settings
    if job.error:
        return Result(job, None, job.error, 0)
    try:
        data, html, url = read(job, s.fields)
        doc = clean(
            data,
            profile=s.profile,
            url=url or s.url,
            source=_source(job),
            heuristics=s.heuristics,
            html=html,
            profiles=profiles,
            rule_budget=s.rule_budget,
            fast=s.fast,
            tables=s.tables,
            comments=s.comments,
            links=s.links,
            images=s.images,
            precision=s.focus == "precision",
            recall=s.focus == "recall",
            target_language=s.target_language,
            structure=s.fmt in ("markdown", "xml"),
        )
        warnings: tuple[str, ...] = ()
        if (
            job.record is not None and s.fmt == "jsonl"
        ):  # JSONL in: keep the record's other fields, cleaned ones replace theirs
            # "error" marks a failed input's record ({"source", "error"}): never in a cleaned one
            kept = {k: v for k, v in job.record.items() if k not in (s.fields.text, s.fields.html, "error")}
            if job.record.get("error") is not None and "error" not in (s.fields.text, s.fields.html):
                warnings += (DROPPED_ERROR,)
            text = _json_line(kept | record(doc))
        else:
            text = render(doc, s.fmt)
        warnings += tuple(timeout_warning(ref) for ref in doc.timeouts)
        if not doc.text:  # written (empty), and said on stderr: an empty result is never silent
            if doc.extracted_by is not None and not (doc.removals or doc.page_removals):
                lang = s.target_language
                warnings += (NO_MAIN_TEXT if not lang else NO_MAIN_TEXT_IN.format(lang=lang),)
            elif _has_text(data):
                warnings += ("no text left after cleaning; `cleaner explain` shows what removed it",)
            else:
                warnings += (EMPTY_INPUT,)
        return Result(job, text, None, len(data), warnings)
    except ERRORS as err:
        return Result(job, None, message(err), 0)
    except MemoryError:  # one huge input (or one under ulimit -v); unwinding frees its memory for the next
        return Result(job, None, OUT_OF_MEMORY, 0)
    except ModuleNotFoundError as err:  # a broken install (ftfy, lxml ... missing): named, not a traceback
        return Result(job, None, f"cannot clean: the module {err.name!r} is not installed; {REINSTALL}", 0)
    except Exception as err:  # a bug met on this input: it fails alone and by name, the others go on
        return Result(job, None, f"internal error ({type(err).__name__}: {err}); {REPORT}", 0)


# Byte order marks: a file holding only one (and blanks) is an empty input too
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")


def _has_text(data: str | bytes) -> bool:
    if isinstance(data, str):
        return bool(data.lstrip("\ufeff").strip())
    bom = next((b for b in BOMS if data.startswith(b)), b"")
    return bool(data[len(bom) :].strip(b" \t\r\n\x00"))


DROPPED_ERROR = 'its "error" field is not kept: that name marks the records of failed inputs'
EMPTY_INPUT = "the input is empty (or only blank lines): the output is empty too"
OUT_OF_MEMORY = "ran out of memory while cleaning this input"
REINSTALL = "reinstall cleaner with its dependencies (python3 -m pip install .)"
REPORT = "this is a bug in cleaner: please report it with this input"


def message(err: Exception) -> str:
    return err.strerror if isinstance(err, OSError) and err.strerror else str(err)


def _source(job: Job) -> str:  # by source, not path: Dask's fsspec jobs have no local path
    return "<stdin>" if job.source == STDIN else job.source


def _json_line(data: dict[str, Any]) -> str:
    import json

    return json.dumps(data, ensure_ascii=False) + "\n"


# -j beyond this is no count of workers but a slip (-j 2147483647 was a traceback, -j 100000
# forked processes until stopped: attacker trial of stop 52); within it, no more than
# WORKERS_PER_CORE a core are started, as the work is the processor's
MAX_WORKERS = 1024
WORKERS_PER_CORE = 4


def run(jobs: Iterable[Job], settings: Settings, workers: int, profiles: Profiles) -> Iterator[Result]:
    """Results in the order of `jobs`. workers <= 1 runs here, with no pool."""
    workers = min(workers, WORKERS_PER_CORE * default_workers())
    chunks = in_chunks(iter(jobs), CHUNK if workers > 1 else 1)
    if workers <= 1:
        _init(settings, profiles)
        for chunk in chunks:
            yield from _work(chunk)
        return
    from cleaner.pool import Pool  # only parallel runs pay for importing concurrent.futures

    pool = Pool(settings, workers)
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(chunk))
            while len(pending) >= workers * IN_FLIGHT:
                yield from pool.collect(pending.popleft())
        while pending:
            yield from pool.collect(pending.popleft())
    except BaseException:  # Ctrl-C, a stopped run, the consumer gone (GeneratorExit)
        # the tasks in flight are not cancelled here: the executor's thread, finding its workers
        # stopped, fails each with BrokenProcessPool, and one already cancelled made it raise
        # InvalidStateError, a traceback on stderr (Python 3.11)
        pool.stop()
        raise
    finally:
        pool.executor.shutdown(wait=True)


def in_chunks(jobs: Iterator[Job], size: int) -> Iterator[list[Job]]:
    while chunk := list(itertools.islice(jobs, size)):
        yield chunk


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
