"""Reading configuration files that users name or drop in a folder: only regular files, and
only so much of them. A FIFO would block the reader forever, /dev/zero or /dev/urandom never
end; a directory, a dangling symlink or a symlink loop cannot be read. Each is refused with a
message naming what it is, so `check` reports it and `clean` fails the pages it concerns."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class Unreadable(ValueError):
    """Why a file cannot be read as configuration; str() is the message."""


def what(mode: int) -> str:
    return next((name for test, name in KINDS if test(mode)), "not a regular file")


class NotRegular(Exception):
    """`regular_fd` found something other than a regular file; `kind` says what (what())."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def regular_fd(path: Path | str) -> int:
    """A descriptor of `path` (symlinks followed) open for reading, blocking, when it is a
    regular file; NotRegular otherwise, OSError if it cannot be opened. Opened non-blocking
    first, so a FIFO is refused at once rather than waited on for a writer."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(what(mode))
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a regular file (symlinks followed), at most `limit` of them; Unreadable
    otherwise (regular_fd)."""
    try:
        fd = regular_fd(path)
    except NotRegular as err:
        raise Unreadable(f"not a regular file: {err.kind}") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise Unreadable("cannot read: a symlink loop") from None
        if err.errno == errno.ENOENT and os.path.islink(path):
            raise Unreadable(f"cannot read: a dangling symlink (to {os.readlink(path)})") from None
        raise Unreadable(f"cannot read: {err.strerror}") from None
    try:
        with os.fdopen(fd, "rb") as f:
            data = f.read() if limit is None else f.read(limit + 1)
    except OSError as err:
        raise Unreadable(f"cannot read: {err.strerror}") from None
    if limit is not None and len(data) > limit:
        raise Unreadable(f"larger than {limit // 1024} KB; not read")
    return data


def decode_error_at(data: bytes, start: int) -> tuple[int, int]:
    """The line and column (both from 1, the column in characters) of byte `start`."""
    line_start = data.rfind(b"\n", 0, start) + 1
    col = len(data[line_start:start].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, start) + 1, col
