"""A batch run: every input cleaned into its output, every failure reported, nothing lost.

The CLI parses the arguments and maps the Summary this returns to an exit code; all the
protections live here: inputs are never written over (compared by inode, so links count),
one run at a time per output (a lock that dies with its process), --resume only finishes
the run it was started as, every error is on stderr and in the errors file as it happens,
a full disk or a closed pipe stops the run at once and says so.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from cleaner.errors import shown
from cleaner.guard import (
    RUN_FILE,
    Inputs,
    file_behind,
    hold_lock,
    identity,
    refuse_live_run,
    refuse_writers_of,
    release_lock,
    same_file,
    take_over,
)
from cleaner.inputs import STDIN, TOO_BIG_TO_READ, Job, UsageError, plan
from cleaner.outputs import ErrorLog, SharedOutput, ctrl_c_deferred, is_stream, remove_stale_temps, write_atomic
from cleaner.profiles import Profiles
from cleaner.progress import Progress, Total
from cleaner.report import as_text
from cleaner.runner import Result, Settings, _source


class Stop(Exception):
    """The run cannot go on: the shared output or the errors file cannot be written."""


class Summary(NamedTuple):
    cleaned: int  # outputs really written by this run
    failed: int  # inputs that failed in this run
    earlier_failed: int = 0  # failed in the run this one resumed
    stopped: str | None = None  # why the run stopped before the end: "interrupted", "broken pipe", or a message


@dataclass
class Batch:
    """A planned run; prepare() checks everything that can be checked before writing."""

    inputs: tuple[str, ...]
    output: str | None
    settings: Settings
    resume: bool
    jobs: Iterator[Job]
    shared: Path | None  # the one output file (JSONL -o, or one input to -o FILE)
    guarded: Inputs
    errors_file: Path | None
    profiles: Profiles
    total: Total | None  # what the inputs come to, for the ETA; None: not walked yet
    errors: ErrorLog = field(default_factory=lambda: ErrorLog(None))  # opened by prepare(), before any output
    stream: bool = False  # the shared output is not a file (a device, a FIFO, /dev/stdout): no lock, no resume

    @classmethod
    def prepare(
        cls,
        inputs: tuple[str, ...],
        output: str | None,
        settings: Settings,
        profiles: Profiles,
        resume: bool = False,
        errors_file: Path | None = None,
    ) -> Batch:
        """UsageError (nothing written) when the request cannot work or could destroy an input."""
        if resume and output is None:
            raise UsageError("--resume needs -o FILE or DIR: there is nothing to resume on stdout")
        if resume and STDIN in inputs:
            raise UsageError(
                "--resume cannot finish a run that reads - (standard input): what it read then is gone; "
                "run again without --resume"
            )
        jobs, shared = plan(inputs, output, settings.fmt)
        stream = shared is not None and is_stream(shared)  # a device, a FIFO, /dev/stdout: written in place
        if stream and resume:
            raise UsageError(f"--resume cannot finish a run written to {output}, which is not a file; run again")
        if shared is not None and not stream and shared.is_symlink():  # write, and lock, where the link points
            shared = shared.resolve()
        # protecting the inputs takes a walk before the run: only when files are written
        to_file = output is None and stdout_file() is not None
        guarded = Inputs(inputs if output is not None or errors_file is not None or to_file else ())
        guarded.add_profiles(profiles)
        if to_file:
            refuse_stdout_input(guarded)
        if shared is not None:  # the output, and every file the run writes or removes beside it
            for path in (shared, *_working_files(shared)):
                guarded.refuse(path, "output" if path == shared else "output's working file")
        if shared is None and output is not None:
            guarded.refuse(Path(output), "output directory")
            guarded.refuse(Path(output) / RUN_FILE, "run file")  # the run's lock and record, written at once
        if errors_file is not None:
            guarded.refuse(errors_file, "errors file")
            _refuse_errors_file(errors_file, shared, None if shared is not None or output is None else Path(output))
        batch = cls(
            inputs, output, settings, resume, jobs, shared, guarded, errors_file, profiles, _expected(inputs, guarded)
        )
        batch.stream = stream
        if errors_file is not None:  # last: a usage error above leaves no errors file behind
            batch.errors = _open_errors_file(errors_file, to_stdout=output is None)
        return batch

    def run(
        self,
        results_of: Callable[[Iterator[Job]], Iterator[Result]],
        progress: Progress,
        say: Callable[[str], None],
    ) -> Summary:
        """Clean every job with `results_of` (the local pool or Dask), write each result,
        report each error through `say`. Locks the output first."""
        self._progress = progress  # --resume: what it passes over counts as done
        try:
            lock, sink = self._open_output()
        except BaseException:
            self.errors.close()
            raise
        self._lock = lock
        # stdin is this process's: a worker process would read an empty one
        self.jobs = (_with_stdin(job) if job.path is None and job.record is None else job for job in self.jobs)
        try:
            return self._run(sink, results_of, progress, say)
        finally:
            if lock is not None and self.shared is not None:
                release_lock(self._lock_path, lock)  # the file goes too; a killed run's lock goes with the process
            elif lock is not None:
                os.close(lock)  # a mirrored directory's run file stays: --resume reads it

    def _run(
        self,
        sink: SharedOutput | None,
        results_of: Callable[[Iterator[Job]], Iterator[Result]],
        progress: Progress,
        say: Callable[[str], None],
    ) -> Summary:
        jobs = self.jobs  # on --resume of a shared output, those done are passed over (_skip_done)
        if self.resume and sink is None:
            jobs = (job for job in jobs if job.out is None or not self._done(job) or progress.skip(job))
        # errors of the resumed part are kept (up to its last checkpoint); a mirrored run
        # re-runs every input without an output, so its failures are listed anew
        errors = self.errors
        errors.start(keep=sink.errors_bytes if sink is not None else 0)
        stopped = None
        say = _over(progress, say)
        results = results_of(jobs)
        try:
            for result in results:
                # a record checkpointed is counted too, Ctrl-C or not (attacker trial of stop 52:
                # "interrupted after 1026 cleaned", 1027 records in the state); not around a pipe
                # (stdout, --errors), whose reader may never take the write: Ctrl-C is the way out
                lost = self._deliver(result, sink, errors, say)
                file_only = sink is not None and not sink.stream and not errors.stream
                with ctrl_c_deferred() if file_only else contextlib.nullcontext():
                    if sink is not None:
                        self._checkpoint(sink, lost, errors)
                    progress.update(result.job, failed=lost)
        except KeyboardInterrupt:
            stopped = "interrupted"
        except BrokenPipeError:
            stopped = "broken pipe"
        except Stop as stop:
            stopped = str(stop)
        finally:
            if isinstance(results, Generator):
                results.close()  # stops the workers at once when the loop ended early
            errors.close()
        progress.clear()
        if stopped is None:
            try:
                self._check_lock()  # mirrored outputs too: a second run may have written them
            except Stop as stop:
                stopped = str(stop)
        if sink is not None:
            if stopped is None and not sink.stream and sink.jobs and sink.failed == sink.jobs:
                # every input failed: an output FILE that was there stays as it was, none is
                # made (attacker trial of stop 37: a binary input emptied `-o notes.txt`, exit 1)
                sink.discard()
                say(f"nothing written to {self.shared}: no input was cleaned")
            elif stopped is None:
                try:
                    sink.finish()
                except BrokenPipeError:
                    stopped = "broken pipe"
                except OSError as err:
                    kept = "" if sink.stream else f"; the records are in {sink.partial}"
                    stopped = f"{self.output or 'standard output'}: {_message(err)}{kept}"
            else:
                sink.abandon()
        failed = sink.failed if sink is not None else progress.failed
        return Summary(progress.done, progress.failed, failed - progress.failed, stopped)

    @cached_property
    def run_id(self) -> dict[str, Any]:
        """What this run was asked to do, for --resume (read the profiles' files: only
        computed when an output file records it)."""
        return identity(self.settings, self.inputs, self.profiles, self.guarded.listing)

    def _skip_done(self, sources: list[str], done: int, failed: int, started: int) -> None:
        """Pass over the `done` inputs the interrupted run did: `sources` those with a
        record, in order, `failed` the others. Each input passed over must be the one the
        record names (or one of the `failed`): an input added, removed, renamed or moved
        among them is another run (UsageError naming it), never a record skipped by count;
        and it must not have changed since the run began (`started`, on the output's clock):
        its record would be of the old text (attacker trial: exit 0, a stale record among
        new ones). A record cannot be taken out of the file: the run starts over."""
        changed = "--resume must finish the same run, and its inputs differ from the interrupted one's: "
        again = ". Run again without --resume to start over."
        recorded = iter(sources)
        expected, unmatched = next(recorded, None), 0
        for _ in range(done):
            job = next(self.jobs, None)
            if job is None:
                raise UsageError(f"{changed}there are fewer than the {done} it had done{again}")
            if job.path is not None and _changed_since(job.path, started):
                raise UsageError(f"--resume must finish the same run, and {shown(str(job.path))} changed since{again}")
            if self._progress is not None:
                self._progress.skip(job)
            if as_text(_source(job)) == expected:
                expected = next(recorded, None)
                continue
            unmatched += 1
            if unmatched > failed:
                raise UsageError(
                    f"{changed}{shown(job.source)} is not where the interrupted run had done "
                    f"{shown(expected) if expected is not None else 'only failed inputs'} "
                    f"(an input added, removed, renamed or moved){again}"
                )
        if expected is not None:
            raise UsageError(f"{changed}{shown(expected)} is no longer among the inputs where it was{again}")

    @property
    def _lock_path(self) -> Path:
        assert self.shared is not None
        return lock_path(self.shared)

    def _open_output(self) -> tuple[int | None, SharedOutput | None]:
        """The output's lock and the shared output (None when results are mirrored into a
        directory); checks that --resume finishes the same run."""
        if self.shared is None:
            if self.output is None:
                # stdout: nothing to resume, no identity to record
                return None, SharedOutput(None, {}, fmt=self.settings.fmt)
            others: list[Path] = []
            out = Path(self.output)

            def sweep() -> None:
                # a killed run's temporary files (the lock says no run is writing them), and no
                # live run into a folder inside this one: before this run's record is written
                others.extend(remove_stale_temps(out, self._spare, RUN_FILE))
                for other in others:
                    refuse_live_run(other, _live_inside(other, out))

            try:
                lock, self._started = take_over(out / RUN_FILE, self.run_id, self.resume, sweep)
            except OSError as err:
                raise UsageError(f"cannot write into {self.output}: {_message(err)}") from None
            if self.resume:
                self._now = os.fstat(lock).st_mtime_ns  # the output file system's clock, now
                self._trust_others([p for p in others if p.name == RUN_FILE])
            return lock, None
        if self.stream:  # written in place: no lock file beside a device, nothing to resume
            try:
                return None, SharedOutput(self.shared, {}, fmt=self.settings.fmt)
            except OSError as err:
                raise UsageError(f"cannot write {self.shared}: {_message(err)}") from None
        try:
            refuse_writers_of(self.shared)  # a live run's working file, or inside its output folder
            if self._lock_path.is_file() and self._lock_path.stat().st_size:  # cleaner's are empty
                raise UsageError(f"{self._lock_path} holds data, so it is no lock file of cleaner's; move it away")
            lock = hold_lock(self._lock_path, str(self.shared))
        except OSError as err:
            raise UsageError(f"cannot write {self.shared}: {_message(err)}") from None
        try:
            if not self.resume:
                _refuse_strangers(self.shared)
            return lock, SharedOutput(
                self.shared,
                self.run_id,
                resume=self.resume,
                skip=self._skip_done,
                fmt=self.settings.fmt,
                # a file whose entries a resume keeps; a stream (/dev/stderr) keeps nothing
                errors=None if self.errors.stream else self.errors_file,
            )
        except OSError as err:
            release_lock(self._lock_path, lock)  # its file too (attacker trial of stop 58: a full disk left it)
            raise UsageError(f"cannot write {self.shared}: {_message(err)}") from None
        except BaseException:
            release_lock(self._lock_path, lock)
            raise

    _lock: int | None = None
    _progress: Progress | None = None
    _started: int | None = None  # a mirrored run's start, as its run file keeps it (take_over)

    def _spare(self, path: Path) -> bool:
        """Whether `path` is an input or an input directory: never removed or written into."""
        if self.guarded.which(path) is not None:
            return True
        try:
            info = path.stat()
        except OSError:
            return False
        return (info.st_dev, info.st_ino) in self.guarded.visited

    def _inside_input(self, out: Path) -> Path | None:
        """The input directory an output would be written into, if any (an input directory
        inside -o: attacker trial)."""
        return self._guarded_folders(out.parent)[0]

    def _in_profiles(self, out: Path) -> Path | None:
        """The profile folder an output would be written into, if any."""
        return self._guarded_folders(out.parent)[1]

    def _guarded_folders(self, folder: Path) -> tuple[Path | None, Path | None]:
        """The input directory and the profile folder `folder` is inside, one look per folder."""
        if folder not in self._folders:
            self._folders[folder] = (self.guarded.inside(folder), self.guarded.in_profiles(folder))
        return self._folders[folder]

    @cached_property
    def _folders(self) -> dict[Path, tuple[Path | None, Path | None]]:
        return {}

    @cached_property
    def _written(self) -> dict[tuple[int, int], Path]:
        """The files this run wrote (device, inode): the output each is; the errors file from
        the start (an output reaching it through a symlinked folder replaced it: attacker trial
        of stop 51)."""
        written: dict[tuple[int, int], Path] = {}
        if self.errors_file is not None:
            try:
                info = self.errors_file.stat()
                written[(info.st_dev, info.st_ino)] = self.errors_file
            except OSError:
                pass
        return written

    def _written_as(self, out: Path) -> Path | None:
        """Another output this run wrote that `out` is on disk: names the file system does not
        tell apart (a case or normalisation the names' fold does not know, a link)."""
        try:
            info = out.stat()
        except OSError:
            return None
        other = self._written.get((info.st_dev, info.st_ino))
        return other if other is not None and other != out else None

    def _record_written(self, out: Path) -> None:
        try:
            info = out.stat()
        except OSError:
            return
        self._written[(info.st_dev, info.st_ino)] = out

    _now: int = 0
    _foreign: tuple[Path, ...] = ()  # folders in the output another run wrote into since this one began

    def _trust_others(self, nested: list[Path]) -> None:
        """--resume: what other runs wrote since this one began is not this run's (attacker
        trial: a run into a subfolder, or around this output, between the interruption and
        --resume; their outputs were passed over as done). A later run into a folder holding
        this output: nothing here is trusted; into a folder inside it: nothing there."""
        if self._started is None:
            return
        out = Path(self.output or ".").resolve()
        if any(_later(folder / RUN_FILE, self._started) for folder in out.parents):
            self._started = None
            return
        self._foreign = tuple(p.parent.resolve() for p in nested if _later(p, self._started))

    def _done(self, job: Job) -> bool:
        """--resume into a mirrored directory: whether the interrupted run wrote this job's
        output, so that it is passed over. Only an output written after the run began and
        not after now (a clock stepped back: attacker trial) counts, not one in a folder
        another run wrote into since, and not one whose input changed after it was written:
        its modification or its status change (a copy keeping an old time, `cp -p`), to
        the second on a file system that keeps whole seconds."""
        assert job.out is not None
        try:
            written = job.out.stat().st_mtime_ns
        except OSError:
            return False
        if self._started is None or not self._started < written <= self._now:  # the same tick: done again
            return False
        if self._foreign and any(folder in job.out.resolve().parents for folder in self._foreign):
            return False
        # an input that cannot be read is cleaned again, and fails by name
        if job.path is not None and _changed_since(job.path, written):
            return False
        # the file another job's output is already (a symlinked folder in the output): not this
        # job's, which is cleaned again and fails by name (attacker trial of stop 51: exit 0,
        # the input never cleaned)
        if self._written_as(job.out) is not None:
            return False
        self._record_written(job.out)
        return True

    def _check_lock(self) -> None:
        """Stop if the lock file this run holds is no longer the one at its path (removed or
        replaced: the lock is an advisory file), since another run could then take the
        output too. Checked before each record is written and committed, and at the end."""
        if self._lock is None or self.output is None:
            return
        path = self._lock_path if self.shared is not None else Path(self.output) / RUN_FILE
        if not same_file(self._lock, path):
            what = self.shared or self.output
            raise Stop(
                f"{what}: the lock file {path} was removed or replaced during the run, so another run "
                f"may have written {what} too; this run's output is not complete: check it, then run again"
            )

    def _checkpoint(self, sink: SharedOutput, lost: bool, errors: ErrorLog) -> None:
        self._check_lock()  # before the state says the record is in
        try:
            sink.checkpoint(lost, errors)
        except OSError as err:  # the state beside the output: the last good one stays
            where = self.shared or "standard output"
            again = "; run again with --resume to finish" if self.output is not None and not sink.stream else ""
            raise Stop(f"{where}: {_message(err)}{again}") from None

    def _deliver(self, result: Result, sink: SharedOutput | None, errors: ErrorLog, say: Callable[[str], None]) -> bool:
        """Write one result where it goes, or report its error; never over an input.
        Whether the job failed. OSError from the shared output stops the run (raised)."""
        job, error, text = result.job, result.error, result.text
        if text is not None:  # cleaned
            for warning in result.warnings:
                say(f"{shown(job.source)}: {warning}")
            if job.out is None:
                assert sink is not None, "a job without an output file goes to the shared output"
                self._check_lock()
                try:
                    sink.write(text)
                except BrokenPipeError:
                    raise
                except OSError as err:
                    where = self.shared or "standard output"
                    again = "; run again with --resume to finish" if self.output is not None and not sink.stream else ""
                    raise Stop(f"{where}: {_message(err)}{again}") from None
            elif (victim := self.guarded.which(job.out)) is not None:
                error = f"its output {job.out} is the input {victim}; not overwritten"
            elif (folder := self._inside_input(job.out)) is not None:
                error = f"its output {job.out} is inside the input directory {folder}; not written"
            elif (profile := self.guarded.profile(job.out)) is not None:
                error = f"its output {job.out} is the profile {profile}, which this run reads; not overwritten"
            elif (folder := self._in_profiles(job.out)) is not None:
                error = f"its output {job.out} is inside the profile folder {folder}; not written"
            elif (other := self._written_as(job.out)) is not None:
                error = (
                    f"its output {job.out} is the file this run wrote as {other} (one file under both names: a file "
                    "system that ignores case, or a link); not overwritten"
                )
            else:
                try:
                    write_atomic(job.out, text)
                    self._record_written(job.out)
                except IsADirectoryError:
                    error = f"cannot write {job.out}: a folder is in the way (not one this run mirrors); move it away"
                except (NotADirectoryError, FileExistsError):  # mkdir of a parent that is a file
                    error = f"cannot write {job.out}: a file is in its path where a folder should be"
                except OSError as err:
                    error = f"cannot write {job.out}: {_message(err)}"
        if error is not None:
            say(f"{shown(job.source)}: {error}")
            try:
                errors.add(job.source, error)
            except BrokenPipeError:  # `--errors -` (or a pipe) whose reader left: as stdout's, silent 141
                raise
            except OSError as err:
                raise Stop(f"{self.errors_file}: {_message(err)}") from None
        return error is not None


SECOND = 1_000_000_000  # nanoseconds


def _live_inside(other: Path, output: Path) -> str:
    """What a live run found inside a mirrored output writes: a folder (its run file) or a
    JSONL output (its .NAME.lock), for "another cleaner run is writing ..."."""
    if other.name == RUN_FILE:
        return f"into {other.parent}, which is inside {output}"
    return f"{other.parent / other.name[1:].removesuffix('.lock')}, inside {output}"


def _changed_since(path: Path, started: int) -> bool:
    """Whether the file at `path` was modified, or its status changed (a copy keeping an old
    time, `cp -p`), after `started`; on a file system that keeps whole seconds, in its second
    or later. A file that is gone counts as changed."""
    try:  # the file, and the link that names it: a symlink retargeted is a change (attacker trial)
        info, link = os.stat(path), os.lstat(path)
    except OSError:
        return True
    changed = max(info.st_mtime_ns, info.st_ctime_ns, link.st_mtime_ns, link.st_ctime_ns)
    if changed % SECOND == 0:
        return changed // SECOND >= started // SECOND
    return changed > started


def _later(run_file: Path, started: int) -> bool:
    """Whether another run's `run_file` was written after `started` (so began after it)."""
    try:
        return run_file.stat().st_mtime_ns > started
    except OSError:
        return False


def _refuse_strangers(shared: Path) -> None:
    """A fresh run starts its working files anew; files of those names that no cleaner run
    wrote (it always writes the state first) are the user's: refused, not replaced."""
    partial, state = _sibling(shared, ".partial"), _sibling(shared, ".partial.state")
    if not (partial.exists() or state.exists()):
        return
    try:
        ours = "run" in json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        ours = False
    if not ours:
        raise UsageError(
            f"{partial} or {state.name} exists and is not an interrupted cleaner run's; "
            "move it away or choose another -o"
        )


def _over(progress: Progress, say: Callable[[str], None]) -> Callable[[str], None]:
    """`say` on a line of its own: the progress line is cleared first (drawn again with the next result)."""

    def said(message: str) -> None:
        progress.clear()
        say(message)

    return said


def _with_stdin(job: Job) -> Job:
    import dataclasses
    import sys

    try:
        return dataclasses.replace(job, data=sys.stdin.buffer.read())
    except MemoryError:  # it fails alone, the other inputs go on (attacker trial: a traceback)
        return dataclasses.replace(job, error=TOO_BIG_TO_READ)
    except OSError as err:  # closed (`<&-`), a directory: it fails alone too
        return dataclasses.replace(job, error=f"cannot read standard input: {err.strerror or err}")


def _expected(inputs: tuple[str, ...], guarded: Inputs) -> Total | None:
    """What the inputs come to, for the ETA: from the protecting walk when there was one, or
    from the named files; None for a directory not walked (cleaned to stdout: the progress
    walks it in the background, and only on a terminal)."""
    if guarded.count:
        return Total.of(guarded)
    if any(i != STDIN and Path(i).is_dir() for i in inputs):
        return None
    return Total.of(Inputs(inputs))


def _refuse_errors_file(errors: Path, shared: Path | None, out_dir: Path | None) -> None:
    if errors.is_dir():
        raise UsageError(f"errors file {errors} is a directory")
    if errors.name.lower().endswith(".gz"):  # it was written plain under that name (attacker trial)
        raise UsageError(f"errors file {errors}: it is written a line at a time, uncompressed; name it without .gz")
    real = errors.resolve()
    if shared is not None and real in {shared.resolve(), *(p.resolve() for p in _working_files(shared))}:
        raise UsageError(f"errors file {errors} is the output or one of its working files")
    if out_dir is not None and (out_dir.resolve() == real or out_dir.resolve() in real.parents):
        raise UsageError(f"errors file {errors} is inside the output directory {out_dir}; an output could replace it")


def _open_errors_file(errors: Path, to_stdout: bool) -> ErrorLog:
    """The errors file, opened (its folder made) before any output is written: UsageError
    if it cannot be, or if it is standard output where the results go."""
    try:
        refuse_writers_of(errors)  # a live run's output, working file or folder
        log = ErrorLog(errors)
    except OSError as err:
        raise UsageError(f"cannot write errors file {errors}: {_message(err)}") from None
    if to_stdout and _is_stdout(log):
        log.close()
        raise UsageError(f"errors file {errors} is standard output, where the results go; name another file")
    return log


def stdout_file() -> tuple[int, int] | None:
    """(device, inode) of the regular file standard output is redirected to, or None."""
    import sys

    return file_behind(sys.stdout)


def refuse_stdout_input(guarded: Inputs) -> None:
    """UsageError when standard output is redirected to one of the inputs, or to a file in an
    input directory: attacker trial of stop 36, `cleaner clean dir --format jsonl >
    dir/all.jsonl` read its own output as input and wrote it again, for ever (200 MB in a
    minute); `>> x.jsonl` of input x.jsonl the same; `1<> x.jsonl` overwrote it while
    reading it, exit 0. The shell made the file before the walk, so the walk finds it."""
    out = stdout_file()
    if out is None:
        return
    if (found := guarded.files.get(out)) is not None:
        raise UsageError(
            f"standard output goes to {found}, which is an input (or lies in an input directory): "
            "it would be read as input or overwritten; redirect it elsewhere"
        )


def _is_stdout(log: ErrorLog) -> bool:
    """Whether the errors file is standard output: by name, or the very file stdout is
    redirected to (`> all.jsonl --errors all.jsonl`). A terminal both write to is not: there
    the entries are only shown, and /dev/stderr is the natural place for them."""
    import stat
    import sys

    assert log.file is not None
    if str(log.path) in ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"):
        return True
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        fd = 1
    try:
        ours, theirs = os.fstat(log.file.fileno()), os.fstat(fd)
    except OSError:
        return False
    return stat.S_ISREG(ours.st_mode) and (ours.st_dev, ours.st_ino) == (theirs.st_dev, theirs.st_ino)


def lock_path(shared: Path) -> Path:
    """A shared output's lock file, beside it: .NAME.lock."""
    return shared.parent / f".{shared.name}.lock"


def _working_files(shared: Path) -> tuple[Path, ...]:
    """What a run writes, or removes, beside a shared output: its lock, the partial file, its
    state, and the partial file compressed (for a .gz output) before the rename."""
    return (
        lock_path(shared),
        _sibling(shared, ".partial"),
        _sibling(shared, ".partial.state"),
        _sibling(shared, ".partial.gz"),
    )


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _message(err: OSError) -> str:
    return err.strerror or str(err)
