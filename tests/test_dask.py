"""The Dask engine gives what the local engine gives: the same files, the same records,
errors per input, profiles from --profiles-dir on the workers. One two-worker cluster
serves the whole module; everything here is skipped without the dask extra."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.batch import RUN_FILE
from cleaner.cli import main
from tests.conftest import SEEDS

pytest.importorskip("dask")
pytest.importorskip("distributed")
pytest.importorskip("fsspec")

import cleaner.dask as engine  # after the skips: it imports dask
from cleaner.runner import Settings

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset" / "text"
MARKER = "ZZ-MARKER-LINE: remove me on every worker"
PROFILE = f"""\
[profile]
name = "marker-test"
kind = "platform"
description = "test profile: removes a marker line"
fingerprints = ['^{MARKER}$']

[[rules]]
kind = "drop_line"
text = ["{MARKER}"]
why = "the test's marker"
"""


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def client(scheduler):
    from distributed import Client

    with Client(scheduler) as c:
        yield c


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def tree(root: Path) -> dict[str, bytes]:
    """The outputs, without the run file (the run's lock and its record for --resume)."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and p.name != RUN_FILE
    }


def scrapes(root: Path, bad: bool = False) -> Path:
    """The seeds, one with the marker line in it, and maybe an undecodable file amid them."""
    root.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, root / seed.name)
    lines = SEEDS[0].read_text(encoding="utf-8").splitlines(keepends=True)
    (root / "marked.txt").write_text("".join([*lines[:3], MARKER + "\n", *lines[3:]]), encoding="utf-8")
    if bad:
        (root / "m_binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    return root


def test_devset_output_is_identical_to_the_local_engine(tmp_path: Path, scheduler: str):
    if not DEVSET.is_dir():
        pytest.skip(f"no dev set at {DEVSET}")
    local = run("clean", str(DEVSET), "-o", str(tmp_path / "local"), "--format", "json", "-j", "1")
    remote = run(
        "clean",
        str(DEVSET),
        "-o",
        str(tmp_path / "dask"),
        "--format",
        "json",
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
    )
    assert local.exit_code == remote.exit_code == 0
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")
    assert len(tree(tmp_path / "dask")) == len([p for p in DEVSET.rglob("*") if p.is_file()])


def test_jsonl_stdout_in_input_order_and_text_files(tmp_path: Path, scheduler: str):
    corpus = scrapes(tmp_path / "in")
    local = run("clean", str(corpus), "--format", "jsonl", "-j", "1")
    remote = run("clean", str(corpus), "--format", "jsonl", "--engine", "dask", "--scheduler", scheduler)
    assert remote.stdout == local.stdout and len(remote.stdout.splitlines()) == len(SEEDS) + 1
    remote = run("clean", str(corpus), "-o", str(tmp_path / "out"), "--engine", "dask", "--scheduler", scheduler)
    local = run("clean", str(corpus), "-o", str(tmp_path / "ref"), "-j", "1")
    assert remote.exit_code == 0 and tree(tmp_path / "out") == tree(tmp_path / "ref")


def test_profiles_dir_reaches_the_workers(tmp_path: Path, scheduler: str, client):
    profiles = tmp_path / "my-profiles"
    profiles.mkdir()
    (profiles / "marker-test.toml").write_text(PROFILE, encoding="utf-8")
    corpus = scrapes(tmp_path / "in")
    args = ("clean", str(corpus), "--format", "jsonl", "--profiles-dir", str(profiles))
    result = run(*args, "--engine", "dask", "--scheduler", scheduler)
    records = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert result.exit_code == 0
    assert "marker-test" in records["marked.txt"]["profile"] and MARKER not in records["marked.txt"]["text"]
    assert result.stdout == run(*args, "-j", "1").stdout
    # the library: profiles loaded once on the client from the Settings, shipped to the workers
    settings = Settings("jsonl", profiles_dirs=(profiles,))
    cleaned = engine.clean(engine.read_scrapes(str(corpus / "marked.txt")), settings).compute()
    assert [MARKER in r["text"] for r in cleaned] == [False]


def test_an_undecodable_file_is_an_error_not_fatal(tmp_path: Path, scheduler: str, client):
    corpus = scrapes(tmp_path / "in", bad=True)
    errors = tmp_path / "errors.jsonl"
    result = run(
        "clean",
        str(corpus),
        "-o",
        str(tmp_path / "out"),
        "--errors",
        str(errors),
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
    )
    assert result.exit_code == 1
    assert f"{corpus / 'm_binary.txt'}: binary file" in result.stderr
    assert json.loads(errors.read_text())["source"] == str(corpus / "m_binary.txt")
    assert len(tree(tmp_path / "out")) == len(SEEDS) + 1
    # the library: an error record in its place, the others cleaned
    cleaned = engine.clean(engine.read_scrapes(str(corpus))).compute()
    assert [sorted(r) for r in cleaned if "error" in r] == [["error", "source"]]
    assert [Path(r["source"]).name for r in cleaned] == sorted(p.name for p in corpus.iterdir())


def test_jsonl_shards_round_trip_like_the_cli(tmp_path: Path, client):
    corpus = scrapes(tmp_path / "in")
    lines = [
        json.dumps({"id": i, "text": p.read_text(encoding="utf-8")}) for i, p in enumerate(sorted(corpus.iterdir()))
    ]
    shard = tmp_path / "dump.jsonl.gz"
    shard.write_bytes(gzip.compress(("\n".join([*lines, "not json"]) + "\n").encode()))
    paths = engine.write_jsonl(engine.clean(engine.read_jsonl(str(shard))), str(tmp_path / "clean"), compression="gzip")
    written = [json.loads(line) for p in paths for line in gzip.decompress(Path(p).read_bytes()).splitlines()]
    cli = run("clean", str(shard), "--format", "jsonl", "-j", "1")
    assert written[:-1] == [json.loads(line) for line in cli.stdout.splitlines()]
    assert written[-1]["error"].startswith("not JSON") and written[-1]["source"] == f"{shard}:{len(lines) + 1}"
    assert sorted(p.name for p in (tmp_path / "clean").iterdir()) == [
        Path(p).name for p in paths
    ]  # no temporaries left
    # plain records, as a user's own bag has them: other fields kept, cleaned ones added
    import dask.bag as db

    records = engine.clean(
        db.from_sequence([{"id": 7, "url": "https://example.com/a", "text": "Hello world.\n"}])
    ).compute()
    assert (
        records[0]["id"] == 7
        and records[0]["text"] == "Hello world.\n"
        and records[0]["source"] == "https://example.com/a"
    )


def test_scheduler_needs_the_dask_engine():
    result = run("clean", str(SEEDS[0]), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.stderr


def test_importing_cleaner_does_not_import_dask():
    code = "import cleaner, cleaner.cli, sys; assert 'dask' not in sys.modules and 'distributed' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_big_inputs_give_no_large_graph_warning(tmp_path: Path, scheduler: str):
    """A chunk's inputs go in its task unless they are big: then they are scattered first,
    or distributed warns "Sending large graph" on stderr, -q or not."""
    import warnings

    import dask

    corpus = scrapes(tmp_path / "in")
    line = "This is a sentence of prose in the article body, long enough to be kept.\n\n"
    (corpus / "big.txt").write_text(line * (1_200_000 // len(line)), encoding="utf-8")
    args = ("clean", str(corpus), "-q", "-o", str(tmp_path / "out"), "--engine", "dask", "--scheduler", scheduler)
    threshold = {"distributed.admin.large-graph-warning-threshold": "1MB"}  # a 1.2 MB input is "large"
    with dask.config.set(threshold), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = run(*args)
    assert result.exit_code == 0, result.output
    assert not [w for w in caught if "large graph" in str(w.message)]
    run("clean", str(corpus), "-o", str(tmp_path / "ref"), "-j", "1")
    assert tree(tmp_path / "out") == tree(tmp_path / "ref")


def test_progress_is_the_local_engines(tmp_path: Path, scheduler: str, monkeypatch):
    """Progress forced on, with a clock that gives 0, 1, 2 ... seconds: the same lines from
    both engines, for a directory and for JSONL."""
    import itertools
    import types

    monkeypatch.setenv("CLEANER_PROGRESS", "1")
    monkeypatch.setattr("cleaner.progress.background", lambda work: work())
    corpus = scrapes(tmp_path / "in")
    records = tmp_path / "in.jsonl"
    records.write_text("".join(json.dumps({"text": p.read_text()}) + "\n" for p in sorted(corpus.iterdir())))
    for inputs in ([str(corpus)], [str(records)]):
        drawn = []
        for engine_args in (["-j", "1"], ["--engine", "dask", "--scheduler", scheduler]):
            ticks = itertools.count()
            monkeypatch.setattr(
                "cleaner.progress.time", types.SimpleNamespace(monotonic=lambda t=ticks: float(next(t)))
            )
            result = run("clean", *inputs, "--format", "jsonl", *engine_args)
            assert result.exit_code == 0, result.output
            drawn.append(re.sub(r"cleaner: Dask scheduler .*\n", "", result.stderr))  # said before the run
        assert drawn[0] == drawn[1]
        assert drawn[0].count("\r") == len(SEEDS) + 2 and "ETA 0:00\x1b[K\r\x1b[K" in drawn[0]


def test_a_scheduler_address_it_cannot_read_is_a_usage_error(tmp_path: Path):
    """Attacker trial of stop 47: "--scheduler notanaddress" printed distributed's traceback
    ("ValueError: missing port number"), exit 1."""
    page = tmp_path / "a.txt"
    page.write_text("A short note.\n")
    result = CliRunner().invoke(main, ["clean", str(page), "--engine", "dask", "--scheduler", "notanaddress"])
    assert result.exit_code == 2
    assert "--scheduler notanaddress" in result.output and "Traceback" not in result.output
