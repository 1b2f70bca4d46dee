"""Pool.stop() ends a parallel run at once, whatever its workers were doing: a worker stopped
while it sent its result left the executor's thread waiting for the rest of that result for
ever, and the interrupted run hung (a Ctrl-C'd -j 2 run, once in 15 under load, stop 51)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# In a process of its own: a stop that hangs must not hang the test run's own exit.
SCRIPT = textwrap.dedent(
    """
    import struct, sys, threading, time
    from cleaner import runner
    from cleaner.inputs import Job
    from cleaner.pool import Pool

    pool = Pool(runner.Settings(fmt="text"), 1)
    executor = pool.executor

    def half_sent(jobs):
        # the result's header says 1 MiB, 100 bytes of it come, and the worker stops
        executor._result_queue._writer._send(struct.pack("!i", 1 << 20) + b"x" * 100)
        time.sleep(600)

    runner._work = half_sent  # the workers are forked at the first submit, with it
    pool.submit([Job("x", None, None)])
    time.sleep(1.5)  # the executor's thread has read the header and waits for the rest
    stopper = threading.Thread(target=pool.stop, daemon=True)
    stopper.start()
    stopper.join(20)
    print("stopped" if not stopper.is_alive() else "hung", flush=True)
    if stopper.is_alive():
        import os
        os._exit(1)  # the executor's thread would hang the interpreter's exit too
    """
)


def test_a_worker_stopped_while_it_sends_its_result_does_not_hang_the_stop():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, timeout=120, check=False)
    assert done.stdout == b"stopped\n", done.stderr.decode()[-2000:]
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr.decode()[-2000:]
