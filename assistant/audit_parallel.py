"""Run one piece of an audit in a forked child while the parent does another, on a big feed.

The feed rules and the post rules of an audit read the same posts and share nothing
else, so on a machine with a core to spare a large feed checks its posts in a child
process (a `fork`: the posts are shared copy-on-write, never pickled) while the parent
runs the feed rules. The child sends back only what the post rules found: plain lists
of post ids. Anything that goes wrong in the child (no fork on this system, a crash, a
signal) leaves the parent to do the work itself, so the result never depends on it.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Any

# Smaller feeds check their posts in well under a second (about 0.6 s at 20,000 posts):
# not worth a second process and its memory.
MIN_POSTS = 20_000


def worth_forking(posts: int) -> bool:
    """A feed this big, on a system that can fork, with a core to spare for the child.

    The child's pages are the parent's until either writes them, and CPython writes every
    object it reads (reference counts): measured, the pair holds ~40% more memory than one
    process. That pays only when the child gets a core of its own: with both cores busy
    the audit took as long as without the child. So the load average must leave a core idle.
    """
    # A child forked from a threaded process (a web server, a worker's heartbeat) can
    # deadlock on a lock another thread held at the fork: only single-threaded callers fork.
    if posts < MIN_POSTS or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):
        return False
    return cores >= 2 and busy <= cores - 1


class Forked:
    """`work()` started in a child process; `result()` is its return value, or None when
    the child could not deliver (the caller then runs `work` itself)."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self._pid = 0
        self._read = -1
        try:
            read, write = os.pipe()
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:  # out of processes or memory: the parent does the work
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: compute, send, and leave without running any cleanup
            status = 1
            try:
                os.close(read)
                payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    @property
    def pid(self) -> int:
        """The child's process id while it runs unanswered, else 0."""
        return self._pid

    def stop(self) -> None:
        """End the child without waiting for its answer (the parent failed)."""
        if self._pid:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self._pid, 0)
            os.close(self._read)
            self._pid = 0

    def result(self) -> Any | None:
        if not self._pid:
            return None
        chunks = []
        with os.fdopen(self._read, "rb") as source:
            while chunk := source.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if status != 0 or not chunks:
            return None
        try:
            return pickle.loads(b"".join(chunks))
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            # a truncated or garbled payload: do the work here instead
            return None
