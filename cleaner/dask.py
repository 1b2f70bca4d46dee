"""The cleaning pipeline on Dask, for corpora one machine cannot clean fast enough.

Two ways in, both running cleaner.runner.clean_job, so a record comes out exactly as
the local engine writes it:

- bags: read_jsonl / read_scrapes (any fsspec path: a directory, a glob, s3://...) ->
  clean -> a bag of output records -> write_jsonl (sharded, each shard atomic);
- run(): the CLI's `--engine dask`, results in input order like cleaner.runner.run.

Profiles are loaded and validated once, on the client, and the parsed Profiles object
(about 20 kB) travels in the task graph: a remote worker needs no profile folders, and
every worker cleans with exactly the client's profiles, $CLEANER_PROFILES and packs too.

Only this module imports dask; `import cleaner` never does.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import posixpath
import signal
import sys
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from importlib.util import find_spec
from typing import Any

import dask
import dask.bag as db
import fsspec
from dask.utils import parse_bytes
from distributed.diagnostics.plugin import WorkerPlugin
from fsspec.implementations.local import LocalFileSystem

from cleaner.inputs import Fields, Job, load, record_jobs, unpack
from cleaner.profiles import Profiles, load_profiles
from cleaner.runner import (
    ERRORS,
    IN_FLIGHT,
    WORKERS_PER_CORE,
    Result,
    Settings,
    clean_job,
    default_workers,
    in_chunks,
    message,
)

# Inputs per task: a Dask task costs about a millisecond of scheduling and a round trip,
# so 4x the local pool's chunks (benchmarks/dask_workers.py: 2 workers 15% faster than 16).
CHUNK = 64
# A chunk's inputs travel in its task, and distributed warns of a task graph above its
# large-graph-warning-threshold (10 MB; "Sending large graph", even under -q): chunks
# above a fifth of it are scattered to a worker first, a round trip that keeps the graph small.
SCATTER = 5

# ---------------------------------------------------------------- bags


def clean(bag: db.Bag, settings: Settings | None = None, profiles: Profiles | None = None) -> db.Bag:
    """Clean every element of `bag` into the record the CLI's JSONL output has (the
    input's other fields, then text, metadata, profile, source, removed), in order. An
    element is a record (a dict with a text or html field, optionally url; its source is
    its "source" or url field), or what read_jsonl / read_scrapes give. An input that
    fails becomes {"source": ..., "error": ...}; the others are still cleaned."""
    settings = replace(settings or Settings("jsonl"), fmt="jsonl")
    if profiles is None:
        profiles = load_profiles(settings.profiles_dirs)  # ProfileError here, before any work
    return bag.map_partitions(_clean_partition, settings, dask.delayed(profiles, pure=True))


def _clean_partition(items: Iterable[Any], settings: Settings, profiles: Profiles) -> list[dict[str, Any]]:
    out = []
    for item in items:
        job, read = _as_job(item, settings.fields)
        result = clean_job(job, settings, profiles, read)
        # the CLI's exact JSONL record, so both engines give the same fields in the same order
        text = result.text
        out.append(json.loads(text) if text is not None else {"source": job.source, "error": result.error})
    return out


def _as_job(item: Any, fields: Fields):
    if isinstance(item, dict):
        source = next((item[k] for k in ("source", fields.url) if isinstance(item.get(k), str)), "<record>")
        return Job(source, None, None, record=item), load
    if isinstance(item, Job) and (item.record is not None or item.error):
        return item, load
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Job):
        job, data = item  # from read_scrapes: the file's bytes
        return job, lambda job, fields: (*unpack(data, job.source), None)
    raise TypeError(f"cannot clean a {type(item).__name__}: give records (dicts) or what read_jsonl/read_scrapes give")


def read_jsonl(urlpath: str | list[str], **storage_options) -> db.Bag:
    """JSONL files (.jsonl, .jsonl.gz): a path, glob, list or directory of them, read on
    the workers, one partition per file. Each line is a job for clean(), its source
    "path:LINE"; a line that is not a JSON object is an error record."""
    fs, paths = _files(urlpath, storage_options)
    return db.from_sequence(paths, npartitions=max(1, len(paths))).map_partitions(_read_jsonl, fs)


def _read_jsonl(paths: Iterable[str], fs) -> list[Job]:
    jobs: list[Job] = []
    for path in paths:
        name = _name(fs, path)
        try:
            with fs.open(path, "rb", compression="gzip" if path.lower().endswith(".gz") else None) as raw:
                jobs.extend(record_jobs(raw, name, None))  # bytes lines, ended by \n: UTF-8 or failed by line
        except (OSError, EOFError, gzip.BadGzipFile) as err:
            jobs.append(Job(name, None, None, error=f"cannot read: {message(err)}"))
    return jobs


def read_scrapes(urlpath: str | list[str], files_per_partition: int = CHUNK, **storage_options) -> db.Bag:
    """Scrape files (text or HTML, .gz decompressed): a path, glob, list or directory
    (walked recursively, hidden entries skipped, in the CLI's order), read on the workers."""
    fs, paths = _files(urlpath, storage_options)
    return db.from_sequence(paths, partition_size=files_per_partition).map_partitions(_read_scrapes, fs)


def _read_scrapes(paths: Iterable[str], fs) -> list[tuple[Job, bytes] | Job]:
    out: list[tuple[Job, bytes] | Job] = []
    for path in paths:
        job = Job(_name(fs, path), None, None)
        try:
            out.append((job, fs.cat_file(path)))
        except OSError as err:
            out.append(replace(job, error=message(err)))
    return out


def _files(urlpath: str | list[str], storage_options: dict) -> tuple[Any, list[str]]:
    fs, _, paths = fsspec.get_fs_token_paths(urlpath, storage_options=storage_options)
    found: list[str] = []
    for path in paths:
        if fs.isdir(path):
            root = path.rstrip("/")
            inside = [p[len(root) + 1 :] for p in fs.find(root)]
            found += [
                f"{root}/{rel}"
                for rel in sorted(inside, key=_walk_order)
                if not any(part.startswith(".") for part in rel.split("/"))
            ]
        else:
            found.append(path)
    return fs, found


def _walk_order(rel: str) -> list[tuple[int, str]]:
    """cleaner.inputs.walk's order: a directory's files by name, then its subdirectories."""
    *dirs, name = rel.split("/")
    return [(1, d) for d in dirs] + [(0, name)]


def _name(fs, path: str) -> str:
    return path if isinstance(fs, LocalFileSystem) else fs.unstrip_protocol(path)


def write_jsonl(bag: db.Bag, urlpath: str, compression: str | None = None, **storage_options) -> list[str]:
    """Write the records of `bag` as shards urlpath/part-00000.jsonl, one per partition
    (part-00000.jsonl.gz with compression="gzip"). Each shard is written under a
    temporary name and renamed, so a reader never sees half a shard. The shard paths."""
    if compression not in (None, "gzip"):
        raise ValueError(f'compression must be None or "gzip", not {compression!r}')
    fs, root = fsspec.core.url_to_fs(urlpath, **storage_options)
    root = root.rstrip("/")
    fs.makedirs(root, exist_ok=True)
    ext = ".jsonl.gz" if compression else ".jsonl"
    shards = [
        dask.delayed(_write_shard)(part, fs, f"{root}/part-{i:05d}{ext}") for i, part in enumerate(bag.to_delayed())
    ]
    return list(dask.compute(*shards))


def _write_shard(records: Iterable[dict[str, Any]], fs, path: str) -> str:
    folder, name = posixpath.split(path)
    tmp = f"{folder}/.{name}.{uuid.uuid4().hex}.tmp"
    try:
        with fs.open(tmp, "wb", compression="gzip" if name.endswith(".gz") else None) as f:
            for r in records:
                f.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
        if isinstance(fs, LocalFileSystem):
            os.replace(tmp, path)
        else:  # object stores have no rename; mv is copy-then-delete, still never half a shard under `path`
            fs.mv(tmp, path)
    except BaseException:
        if fs.exists(tmp):
            fs.rm(tmp)
        raise
    return _name(fs, path)


# ---------------------------------------------------------------- the CLI's engine


def connect(workers: int, scheduler: str | None = None, quiet: bool = False) -> tuple[Any, Any]:
    """A client of the cluster at `scheduler`, or of a new LocalCluster of `workers`
    processes, and that cluster (None for a scheduler's): run() closes both. OSError if
    the scheduler cannot be reached."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        # as the local engine: no more than WORKERS_PER_CORE a core (second attacker trial of
        # stop 52: -j 40 on 2 cores started 40, tracebacks on stderr)
        workers = min(workers, WORKERS_PER_CORE * default_workers())
        # silence_logs: a Ctrl-C cancels tasks, and workers log each at WARNING
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        )
    try:
        client = Client(cluster or scheduler, timeout="10s")
        if cluster is not None:
            client.register_plugin(_LeaveCtrlCToTheClient())
    except BaseException:
        if cluster is not None:
            cluster.close()
        raise
    if not quiet:
        # the dashboard (progress, task stream, worker memory) is served only where bokeh is installed
        where = f"dashboard {client.dashboard_link}" if find_spec("bokeh") else "install bokeh for its dashboard"
        address = client.scheduler.address if client.scheduler is not None else scheduler
        print(
            f"cleaner: Dask scheduler {address}, {len(client.nthreads())} workers; {where}",
            file=sys.stderr,
        )
    return client, cluster


class _LeaveCtrlCToTheClient(WorkerPlugin):
    """Ctrl-C reaches the whole process group. Workers of our own cluster ignore it, like
    the local pool's: the client stops the run (and keeps what it wrote for --resume),
    then shuts them down; killed by the signal, they would fail its pending tasks first."""

    def setup(self, worker) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def run(jobs: Iterable[Job], settings: Settings, profiles: Profiles, connection: tuple[Any, Any]) -> Iterator[Result]:
    """Results in the order of `jobs`, like cleaner.runner.run, on the cluster that
    connect() gave; closes it when done. The client reads the inputs (and the caller
    writes the outputs), so workers need no access to the files; chunks in flight are
    bounded, so memory stays flat."""
    client, cluster = connection
    try:
        shared = client.scatter(profiles, broadcast=True)  # sent once to each worker, not with every task
        slots = max(1, sum(client.nthreads().values())) * IN_FLIGHT
        large = parse_bytes(dask.config.get("distributed.admin.large-graph-warning-threshold")) // SCATTER
        pending: deque = deque()
        for chunk in in_chunks(iter(jobs), CHUNK):
            items: list[Any] = [_prepare(job, settings.fields) for job in chunk]
            if sum(map(_weight, items)) > large:
                items = client.scatter(items)  # straight to a worker, not in the task graph
            pending.append((chunk, client.submit(_clean_chunk, items, settings, shared, pure=False)))
            while len(pending) >= slots:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _weight(item: tuple[Job, Any]) -> int:
    """About the bytes an input adds to a task: its data, or its record's strings."""
    job, loaded = item
    if loaded is not None:
        return len(loaded[0])
    return sum(len(v) for v in job.record.values() if isinstance(v, str)) if job.record else 0


def _prepare(job: Job, fields: Fields) -> tuple[Job, Any]:
    """Read a file or stdin here, on the client: workers may be on other machines."""
    if job.error or job.record is not None:
        return job, None
    try:
        return job, load(job, fields)
    except ERRORS as err:
        return replace(job, error=message(err)), None


def _clean_chunk(items: list[tuple[Job, Any]], settings: Settings, profiles: Profiles) -> list[tuple]:
    out = []
    for job, loaded in items:
        read = load if loaded is None else (lambda job, fields, loaded=loaded: loaded)
        r = clean_job(job, settings, profiles, read)
        out.append((r.text, r.error, r.size, r.warnings))  # not the job: the client has it
    return out


def _collect(chunk: list[Job], future) -> Iterator[Result]:
    for job, values in zip(chunk, future.result(), strict=True):
        yield Result(job, *values)
