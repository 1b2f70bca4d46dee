"""The `cleaner` command's entry point (and `python -m cleaner`'s).

Ctrl-C while Python loads the command-line module and the pipeline (about 0.2 s) ends the
program at once, as an interrupt does later: "cleaner: interrupted", status 130, no
traceback (attacker trial of stop 37; a KeyboardInterrupt raised during the imports could
also land in a destructor, which prints "Exception ignored" and goes on). Nothing has been
read or written by then.
"""

from __future__ import annotations

import os
import signal

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def program() -> None:
    before = signal.getsignal(signal.SIGINT)
    if before is signal.default_int_handler:  # not where Ctrl-C is ignored (a background job)
        signal.signal(signal.SIGINT, _interrupted_while_loading)
    from cleaner.cli import program as run

    signal.signal(signal.SIGINT, before)
    run()


def _interrupted_while_loading(signum: int, frame: object) -> None:
    os.write(2, b"cleaner: interrupted\n")
    os._exit(EXIT_INTERRUPTED)
