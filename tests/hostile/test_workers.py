"""A worker process that dies (killed, out of memory) costs its own input, not the run.

How a job kills its worker here: the tests replace cleaner.runner.clean, the pipeline
that clean_job calls, with one that SIGKILLs its own process when the input holds a
marker. The replacement reaches the workers because they are forked from this process
after the patch (the pool, and the processes that retry a job alone, use the default
start method, fork on Linux); under spawn or forkserver they would import the real
function, so these tests skip there. The patched function must never run in this
process with the marker: it would kill pytest.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner.runner as runner
from cleaner.cli import main
from cleaner.inputs import Job
from cleaner.profiles import load_profiles
from cleaner.runner import Result, Settings
from tests.conftest import SEEDS

KILL = "ZZ-KILL-MY-WORKER"
EXHAUST = "ZZ-EXHAUST-MY-MEMORY"
SETTINGS = Settings("jsonl")

needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the patched clean reaches workers only by fork"
)


@pytest.fixture
def hostile(monkeypatch):
    """cleaner.runner.clean, but an input with KILL kills its process (as the OOM killer
    would) and one with EXHAUST raises MemoryError (as an allocation under ulimit -v does)."""
    real = runner.clean

    def clean(data, **kwargs):
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        if KILL in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if EXHAUST in text:
            raise MemoryError
        return real(data, **kwargs)

    monkeypatch.setattr(runner, "clean", clean)


def bodies(n: int) -> list[str]:
    seeds = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    return [f"Article {i}\n\n{seeds[i % len(seeds)]}" for i in range(n)]


def jobs(texts: list[str], skip: set[int] | frozenset[int] = frozenset()) -> list[Job]:
    return [Job(f"rec:{i}", None, None, record={"text": t}) for i, t in enumerate(texts) if i not in skip]


def expected(texts: list[str], skip: set[int]) -> list[Result]:
    """What a run without the hostile inputs gives: cleaned here, in this process."""
    return list(runner.run(jobs(texts, skip), SETTINGS, 1, load_profiles(())))


def check(results: list[Result], texts: list[str], bad: dict[int, str]) -> None:
    """In order; each bad job failed with its error, every other one cleaned as usual."""
    assert [r.job.source for r in results] == [f"rec:{i}" for i in range(len(texts))]
    good = expected(texts, set(bad))
    for r in results:
        i = int(r.job.source.split(":")[1])
        if i in bad:
            assert r.text is None and r.error is not None and bad[i] in r.error, (i, r.error)
        else:
            want = good.pop(0)
            assert (r.text, r.error) == (want.text, None), (i, r.error)


@needs_fork
@pytest.mark.parametrize("where", [0, 20, 39])  # first, mid second chunk, last
def test_only_the_job_that_kills_its_worker_fails(hostile, where: int):
    texts = bodies(40)  # three chunks of runner.CHUNK
    texts[where] += f"\n{KILL}\n"
    results = list(runner.run(jobs(texts), SETTINGS, 2, load_profiles(())))
    check(results, texts, {where: "worker process died (killed by signal 9"})
    assert "while cleaning this input" in results[where].error


@needs_fork
def test_several_killers_in_one_chunk_and_across_chunks(hostile):
    texts = bodies(50)
    bad = {3: "worker process died", 4: "worker process died", 9: "worker process died", 33: "worker process died"}
    for i in bad:
        texts[i] += f"\n{KILL}\n"
    check(list(runner.run(jobs(texts), SETTINGS, 2, load_profiles(()))), texts, bad)


@needs_fork
def test_workers_that_always_die_end_the_run_not_loop_it(hostile):
    """Every input kills its worker: restarts are capped, so the run ends, every job failed."""
    texts = [t + f"\n{KILL}\n" for t in bodies(60)]
    results = list(runner.run(jobs(texts), SETTINGS, 2, load_profiles(())))
    assert [r.job.source for r in results] == [f"rec:{i}" for i in range(60)]
    assert all(r.text is None and r.error for r in results)
    assert "worker process died (killed by signal 9" in results[0].error
    gave_up = [r for r in results if "not retried" in r.error]
    assert gave_up, "past the cap, jobs in flight fail without their own retry"


@needs_fork
@pytest.mark.parametrize("workers", [1, 2])
def test_memory_error_fails_its_job_only(hostile, workers: int):
    texts = bodies(40)
    texts[17] += f"\n{EXHAUST}\n"
    results = list(runner.run(jobs(texts), SETTINGS, workers, load_profiles(())))
    check(results, texts, {17: "ran out of memory while cleaning this input"})


@needs_fork
def test_cli_goes_on_past_a_dead_worker(hostile, tmp_path: Path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    texts = bodies(20)
    for i, text in enumerate(texts):
        (src / f"a{i:02}.txt").write_text(text + (f"\n{KILL}\n" if i == 7 else ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(src), "-o", str(out), "-j", "2", "-q"])
    assert result.exit_code == 1, result.output
    assert f"cleaner: {src / 'a07.txt'}: worker process died (killed by signal 9" in result.stderr
    written = sorted(p.name for p in out.glob("*.txt"))  # not the run's hidden state file
    assert written == [f"a{i:02}.txt" for i in range(20) if i != 7]
    reference = tmp_path / "ref"
    (src / "a07.txt").unlink()
    assert CliRunner().invoke(main, ["clean", str(src), "-o", str(reference), "-j", "1", "-q"]).exit_code == 0
    assert sorted(p.name for p in reference.glob("*.txt")) == written
    for name in written:
        assert (out / name).read_bytes() == (reference / name).read_bytes()


def _start_worker(parent: int) -> None:
    import os
    import time

    from cleaner import runner
    from cleaner.runner import Settings

    try:
        runner._init(Settings("text"), None, parent)
    except TypeError:  # an _init that cannot be told the main process's pid
        os._exit(3)
    time.sleep(30)  # as a worker waiting for work; its watcher must end it (status 1)


def test_a_worker_started_after_its_main_process_died_exits():
    """The worker watches the pid the main process gave it: reading getppid() at start-up
    would give 1 if the main process had just been killed, and it would wait forever."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    gone = fork.Process(target=lambda: None)
    gone.start()
    gone.join()  # a pid that no longer runs: the main process, killed before the worker started
    worker = fork.Process(target=_start_worker, args=(gone.pid,))
    worker.start()
    worker.join(timeout=5)
    assert worker.exitcode == 1


@pytest.mark.parametrize("jobs", ["2147483647", "100000"])
def test_an_absurd_worker_count_is_a_usage_error(tmp_path: Path, jobs: str):
    """Attacker trial of stop 52: -j 2147483647 was an OverflowError traceback (exit 1) and
    -j 100000 forked about 90 processes a second until stopped."""
    page = tmp_path / "a.txt"
    page.write_text("A short text that needs no worker at all.\n")
    result = CliRunner().invoke(main, ["clean", str(page), "-j", jobs, "--format", "jsonl"])
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs'" in result.output and "1<=x<=1024" in result.output


def test_no_more_than_four_workers_a_core_are_started(monkeypatch):
    import cleaner.pool

    started: list[int] = []

    class Counted(cleaner.pool.Pool):
        def __init__(self, settings, workers):
            started.append(workers)
            super().__init__(settings, workers)

    monkeypatch.setattr(cleaner.pool, "Pool", Counted)
    monkeypatch.setattr(runner, "default_workers", lambda: 2)
    jobs = [Job("-", None, None, data=b"A short text.\n") for _ in range(3)]
    results = list(runner.run(jobs, Settings("jsonl"), 1000, load_profiles()))
    assert len(results) == 3 and started == [8]


def test_the_dask_engine_starts_no_more_than_four_workers_a_core(monkeypatch):
    """Second attacker trial of stop 52: --engine dask -j 40 on 2 cores started 40 workers."""
    distributed = pytest.importorskip("distributed")
    import cleaner.dask

    asked: list[int] = []

    class Refused(Exception):
        pass

    def cluster(n_workers, **_):
        asked.append(n_workers)
        raise Refused

    monkeypatch.setattr(distributed, "LocalCluster", cluster)
    monkeypatch.setattr(cleaner.dask, "default_workers", lambda: 2)
    with pytest.raises(Refused):
        cleaner.dask.connect(40)
    assert asked == [8]
