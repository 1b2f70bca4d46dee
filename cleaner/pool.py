"""The process pool of cleaner.runner.run, made to outlive its workers.

A worker that dies (killed by the kernel's OOM killer, a crash in C) breaks a
ProcessPoolExecutor: every task in flight fails with BrokenProcessPool. Pool starts a
new executor and runs those tasks' jobs again, each alone, so that only the input that
kills a worker fails, with an error saying so. Imported only by parallel runs.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import NamedTuple

from cleaner import runner
from cleaner.inputs import Job
from cleaner.runner import OUT_OF_MEMORY, Result, Settings, clean_job

RESTARTS = 5  # pool restarts any run may make, and one more per RESTART_EVERY inputs
RESTART_EVERY = 5


class Task(NamedTuple):
    jobs: list[Job]
    future: Future
    generation: int  # of the pool it went to


class Pool:
    """A process pool that outlives its workers. When one dies (killed, by the kernel's
    OOM killer say) the executor breaks and fails every task in flight; this one starts
    a new executor and runs those tasks' jobs again, each alone, so that only the input
    that kills a worker fails (isolate). Restarts are capped, in proportion to the
    inputs, so that workers dying for reasons of their own end the run rather than loop."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings, self.workers = settings, workers
        self.executor = self._new()
        self.generation = 0  # executors broken so far
        self.submitted = 0  # jobs

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, initializer=runner._init, initargs=(self.settings, None, os.getpid())
        )

    def _restart(self, generation: int) -> None:
        """A new executor for a broken one; once, though every task in flight reports it."""
        if generation == self.generation:
            self.executor.shutdown(wait=True)  # broken: its workers are already stopped
            self.executor = self._new()
            self.generation += 1

    def stop(self) -> None:
        """Stop the workers now, their chunks in hand dropped: shutdown() alone lets each finish
        its chunk, and the run's main process was gone while they still worked (attacker trial
        of stop 49: a full disk's mount still busy after exit 1). The executor has no public
        way to stop its workers before Python 3.14 (terminate_workers)."""
        executor = self.executor
        # taken first: shutdown() lets go of them
        processes = list((getattr(executor, "_processes", None) or {}).values())
        thread = getattr(executor, "_executor_manager_thread", None)
        writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
        executor.shutdown(wait=False, cancel_futures=True)  # no more work goes out
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()
        # A worker stopped while it sent a result left the executor's thread waiting for the
        # rest of it for ever (a Ctrl-C'd run hung, 1 in 15 under load): the workers gone, this
        # process's own end of the result pipe is the last writer, and closing it ends that read.
        if writer is not None:
            writer.close()
        if thread is not None:
            thread.join()

    def gave_up(self) -> bool:
        return self.generation > RESTARTS + self.submitted // RESTART_EVERY

    def submit(self, jobs: list[Job]) -> Task:
        self.submitted += len(jobs)
        return self._submit(jobs)

    def _submit(self, jobs: list[Job]) -> Task:
        # submit() may start workers: SIGINT blocked meanwhile, so that a worker is born with
        # it blocked and unblocks it only once it ignores it (runner._init). A Ctrl-C while one
        # started stopped it in its bootstrap and the run hung (attacker trial of stop 37).
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            try:
                return Task(jobs, self.executor.submit(runner._work, jobs), self.generation)
            except BrokenProcessPool:  # broke since the last result: its own tasks will say so too
                self._restart(self.generation)
                return Task(jobs, self.executor.submit(runner._work, jobs), self.generation)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    def collect(self, task: Task) -> Iterator[Result]:
        try:
            results = task.future.result()
        except BrokenProcessPool:
            self._restart(task.generation)
            results = None
        except MemoryError:  # a worker could not send the chunk's results: some job's is too big
            results = None
        if results is None:
            yield from self.isolate(task.jobs)
        else:
            yield from results

    def isolate(self, jobs: list[Job]) -> Iterator[Result]:
        """Jobs in flight when a worker died: each in a task of its own, as many at a time as
        there are workers. Should a worker die again, the suspects (those not done; at most
        one per worker) run one by one, each in a process of its own, which names the culprit."""
        for start in range(0, len(jobs), self.workers):
            batch = jobs[start : start + self.workers]
            if self.gave_up():
                error = (
                    f"not cleaned: a worker process died with this input in flight, and workers died "
                    f"{self.generation} times in this run, too often to retry each input; not retried"
                )
                yield from (Result(job, None, error, 0) for job in jobs[start:])
                return
            for task in [self._submit([job]) for job in batch]:
                try:
                    yield from task.future.result()
                except BrokenProcessPool:
                    self._restart(task.generation)
                    yield _alone(task.jobs[0], self.settings)
                except MemoryError:
                    yield Result(task.jobs[0], None, OUT_OF_MEMORY, 0)


def _alone(job: Job, settings: Settings) -> Result:
    """Clean `job` in a new process, like a pool worker but for this job only: should the
    process die, this job killed it. Same start method as the pool's, so the same worker."""
    context = multiprocessing.get_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_work_alone, args=(job, settings, sender, os.getpid()), daemon=True)
    process.start()
    sender.close()  # the child's copy is the only one left: its death ends our recv() with EOFError
    try:
        result: Result = receiver.recv()
    except EOFError:
        process.join()
        result = Result(job, None, _died(process.exitcode), 0)
    except MemoryError:  # here, in the main process, receiving its output
        process.kill()
        result = Result(job, None, "ran out of memory receiving the output of this input", 0)
    except BaseException:  # Ctrl-C: the child ignores SIGINT, like the pool's workers
        process.kill()
        raise
    finally:
        receiver.close()
        process.join()
    return result


def _work_alone(job: Job, settings: Settings, sender: Connection, parent: int) -> None:
    runner._init(settings, None, parent)
    assert runner._profiles is not None, "_init sets it"
    result = clean_job(job, settings, runner._profiles)
    try:
        sender.send(result)
    except MemoryError:  # pickling a huge result: nothing was sent yet
        sender.send(Result(job, None, OUT_OF_MEMORY, 0))


def _died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        how = f"killed by signal {-exitcode}"
        try:
            how += f", {signal.Signals(-exitcode).name}"
        except ValueError:
            pass
        if -exitcode == signal.SIGKILL:
            how += ": out of memory?"  # what the kernel's OOM killer sends
    else:
        how = f"exit status {exitcode}"
    return f"worker process died ({how}) while cleaning this input"
