"""Share an audit between the process and a forked child, on a big feed.

The feed rules and the post rules of an audit read the same posts and share nothing
else, so on a machine with a core to spare a large feed is audited by two processes (a
`fork`: the posts are shared copy-on-write, never pickled). Each claims pieces of work
(`Chunks`) from its own end of a list, feed rules first, then chunks of posts, so both
finish together whichever pieces a feed makes costly (`assistant.audit` says which end
is whose). The child sends back only what it found: the feed rules' hits and, per chunk,
lists of post ids. Anything that goes wrong in the child (no fork on this system, a
crash, a signal) leaves the parent to do the work itself, so the result never depends on it.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import pickle
import signal
import struct
import tempfile
import threading
import time
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
    the audit took as long as without the child. So other work must leave a core idle
    (`busy_cores`).
    """
    # A child forked from a threaded process (a web server, a worker's heartbeat) can
    # deadlock on a lock another thread held at the fork: only single-threaded callers fork.
    if posts < MIN_POSTS or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    busy = busy_cores()
    return busy is not None and cores >= 2 and busy <= cores - 1


# Linux's "load1 load5 load15 running/threads lastpid": `running` counts the tasks runnable
# this instant, the reader included.
LOADAVG = "/proc/loadavg"
SAMPLES, SAMPLE_GAP = 3, 0.01  # seconds: 20 ms, asked only of feeds that take seconds


def busy_cores() -> float | None:
    """How many cores other work keeps busy: the lower of the one-minute load average and
    the tasks runnable now besides this one; None when the system does not say.

    The load average alone lags by minutes: right after one big job ends it still reads as
    a busy core, and the next audit ran on one core (measured: a million posts in 88 s
    instead of 38 s). One runnable count can catch a passing task (a monitor's poll): the
    fewest of `SAMPLES` counts, `SAMPLE_GAP` apart, is taken. Either alone would read a
    quiet machine's busy instant as busy: the lower of the two keeps that from costing
    the child.
    """
    try:
        average = os.getloadavg()[0]
    except (AttributeError, OSError):
        return None
    counts = []
    for sample in range(SAMPLES):
        if sample:
            time.sleep(SAMPLE_GAP)
        try:
            with open(LOADAVG) as loadavg:
                counts.append(int(loadavg.read().split()[3].split("/")[0]))
        except (OSError, IndexError, ValueError):
            return average
    return min(average, float(max(0, min(counts) - 1)))


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


class Chunks:
    """Pieces 0..count-1 of one job, claimed by a parent and its forked child from either end.

    The two ends live in a shared file mapping, changed under a POSIX record lock: the
    kernel drops a process's record locks when it dies, so a child killed mid-claim never
    leaves the parent waiting. Create it before the fork.
    """

    def __init__(self, count: int) -> None:
        self._file = tempfile.TemporaryFile()
        try:
            self._file.write(struct.pack("qq", 0, count))
            self._file.flush()
            self._ends = mmap.mmap(self._file.fileno(), 16)
        except BaseException:
            self._file.close()
            raise

    @classmethod
    def shared(cls, count: int) -> Chunks | None:
        """`Chunks(count)`, or None where no file can be shared (no writable temporary
        directory): the caller then checks every post itself, without a child."""
        try:
            return cls(count)
        except OSError:
            return None

    def front(self) -> int | None:
        """The next piece from the front, or None when all are claimed."""
        return self._claim(front=True)

    def back(self) -> int | None:
        """The next piece from the back, or None when all are claimed."""
        return self._claim(front=False)

    def claimed_from_back(self) -> int:
        """The first chunk the back has claimed (everything before it is the front's)."""
        return struct.unpack_from("qq", self._ends)[1]

    def close(self) -> None:
        self._ends.close()
        self._file.close()

    def _claim(self, *, front: bool) -> int | None:
        fd = self._file.fileno()
        fcntl.lockf(fd, fcntl.LOCK_EX)
        try:
            head, tail = struct.unpack_from("qq", self._ends)
            if head >= tail:
                return None
            if front:
                head += 1
                chunk = head - 1
            else:
                tail -= 1
                chunk = tail
            struct.pack_into("qq", self._ends, 0, head, tail)
            return chunk
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN)
