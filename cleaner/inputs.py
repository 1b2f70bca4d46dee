"""What to read and where each result goes: INPUT arguments and -o into a list of jobs.

A directory is walked recursively (hidden files and folders skipped) and mirrored
under the output directory. An output never lands on an input.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import CleanerError
from cleaner.report import EXTENSIONS

STDIN = "-"


class UsageError(CleanerError):
    """The arguments cannot work together; the CLI reports it as a usage error."""


@dataclass(frozen=True)
class Job:
    source: str  # as the user named it: a path, or "-" for stdin
    path: Path | None  # None for stdin
    out: Path | None  # the output file; None: write to the shared stream (stdout or JSONL file)


def walk(directory: Path) -> Iterator[Path]:
    """Files under `directory`, sorted, lazily; hidden entries skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def plan(inputs: Sequence[str], out: str | None, fmt: str) -> tuple[list[Job], Path | None]:
    """The jobs, and the single output file when all results share one (JSONL with -o,
    or one input with -o naming a file). UsageError when the combination cannot work."""
    paths = [None if i == STDIN else Path(i) for i in inputs]
    single = len(inputs) == 1 and (paths[0] is None or not paths[0].is_dir())
    if fmt == "jsonl" or (single and out and not _is_dir_target(out)):
        target = Path(out) if out else None
        if target is not None:
            _refuse_input_as_output(target, paths)
        return [Job(i, p, None) for i, p in _expand(inputs, paths)], target
    if single and not out:
        return [Job(inputs[0], paths[0], None)], None
    if not out:
        raise UsageError("several inputs or a directory need -o DIR (or --format jsonl)")
    out_dir = Path(out)
    for path in paths:
        if path is not None and path.is_dir() and _inside(out_dir, path):
            raise UsageError(f"output directory {out_dir} is inside input directory {path}; choose another -o")
    jobs = []
    for raw, path in zip(inputs, paths, strict=True):
        if path is None:
            jobs.append(Job(raw, None, out_dir / ("stdin" + EXTENSIONS[fmt])))
        elif path.is_dir():
            base = out_dir if len(inputs) == 1 else out_dir / path.resolve().name
            jobs += [Job(str(f), f, base / f.relative_to(path).with_suffix(EXTENSIONS[fmt])) for f in walk(path)]
        else:
            jobs.append(Job(raw, path, out_dir / path.with_suffix(EXTENSIONS[fmt]).name))
    return jobs, None


def _expand(inputs: Sequence[str], paths: Sequence[Path | None]) -> Iterator[tuple[str, Path | None]]:
    for raw, path in zip(inputs, paths, strict=True):
        if path is not None and path.is_dir():
            yield from ((str(f), f) for f in walk(path))
        else:
            yield raw, path


def _is_dir_target(out: str) -> bool:
    return out.endswith(("/", os.sep)) or Path(out).is_dir()


def _inside(child: Path, parent: Path) -> bool:
    child, parent = child.resolve(), parent.resolve()
    return child == parent or parent in child.parents


def _refuse_input_as_output(target: Path, paths: Sequence[Path | None]) -> None:
    for path in paths:
        if path is not None and path.is_file() and target.exists() and target.samefile(path):
            raise UsageError(f"output {target} is also an input; it would be overwritten")


def same_file(a: Path, b: Path | None) -> bool:
    """Whether writing `a` would overwrite `b` (an input)."""
    return b is not None and a.exists() and b.exists() and a.samefile(b)
