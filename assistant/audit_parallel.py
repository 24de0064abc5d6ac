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
import sys
import tempfile
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from assistant.checks import pattern_cache

# Smaller feeds check their posts in well under a second (about 0.6 s at 20,000 posts):
# not worth a second process and its memory.
MIN_POSTS = 20_000


def worth_forking(posts: int) -> bool:
    """A feed this big, on a system that can fork, with a core to spare for the child and
    the memory the pair will take.

    The child's pages are the parent's until either writes them, and CPython writes every
    object it reads (reference counts): measured, the pair holds ~40% more memory than one
    process at 100,000 posts, ~75% at a million. That pays only when the child gets a core
    of its own: with both cores busy the audit took as long as without the child. So other
    work must leave a core idle (`busy_cores`), and the memory left must hold the child
    (`memory_to_spare`): in a container of 1.2 GB, a million-post audit that forked was
    killed by the kernel part-way through, where one process alone peaks at ~970 MB.
    """
    if posts < MIN_POSTS or not _core_to_spare():
        return False
    spare, resident = memory_to_spare(), resident_bytes()
    return spare is None or resident is None or spare >= FORK_MEMORY * resident


# A feed file this big holds about `MIN_POSTS` posts (~300 bytes a line of canonical JSON).
MIN_STREAM_BYTES = MIN_POSTS * 300


def worth_forking_stream(size: int) -> bool:
    """A feed file of `size` bytes big enough for two processes to read at once (`audit_blocks`),
    on a system that can fork, with a core to spare and the memory both take
    (`STREAM_MEMORY` times the file's size)."""
    if size < MIN_STREAM_BYTES or not _core_to_spare():
        return False
    spare = memory_to_spare()
    return spare is None or spare >= STREAM_MEMORY * size


# A canonical feed file this big (~300,000 bench posts) is better audited read in blocks:
# measured on the bench (2026-12-04, `bench_stream.py`), blocks took 1% more time at 300,000
# posts and 5% at a million, and 33% and 43% less memory in both processes (6% more time at
# 100,000 posts, 21% less memory).
STREAM_BYTES = 64 << 20
# Both processes of a forked audit of a feed read whole, as a multiple of its file's size:
# 7.3x on a million bench posts (1,578 MB for a 217 MB file); the largest alone 4.5x.
WHOLE_MEMORY = 7.5


def better_in_blocks(size: int) -> bool:
    """Whether a canonical feed file of `size` bytes is better audited read in blocks
    (`audit_blocks`) than whole: from `STREAM_BYTES`, or when the memory left would not hold
    it read whole by two processes (in blocks they take about half)."""
    if size >= STREAM_BYTES:
        return True
    spare = memory_to_spare()
    return spare is not None and spare < WHOLE_MEMORY * size


# Both processes of a forked `audit_blocks` together, as a multiple of the file's size:
# measured 4.1x on a million bench posts (892 MB for a 217 MB file, 842 MB of it the
# child's, which keeps what the feed rules keep of each post: `Keeper`). A post with
# engagement counts is kept by the parent too, without its words (`evidence.counted`).
STREAM_MEMORY = 4.5


def _core_to_spare() -> bool:
    """This process can fork a child, and a core is idle for it."""
    # A child forked from a threaded process (a web server, a worker's heartbeat) can
    # deadlock on a lock another thread held at the fork: only single-threaded callers fork.
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    busy = busy_cores()
    return busy is not None and cores >= 2 and busy <= cores - 1


# What a forked audit adds to memory from the fork on, as a multiple of the parent's resident
# memory at the fork: the child's copies of the pages it touches and the parent's own growth
# (repeat detection's hashes and keys). Measured: 1.7x at 100,000 posts, 1.95x at a million.
FORK_MEMORY = 2.0
# Where the kernel says how much memory is left: the system's (MemAvailable), and the limits
# of the control groups this process is in (`/proc/self/cgroup`: v2's "0::/path", v1's
# "N:memory:/path"), under the cgroup file system.
MEMINFO = "/proc/meminfo"
CGROUPS = "/proc/self/cgroup"
CGROUP_FS = "/sys/fs/cgroup"
STATM = "/proc/self/statm"
# cgroup v1 says "no limit" with a number near 2**63.
_NO_LIMIT = 1 << 62


def resident_bytes() -> int | None:
    """This process's resident memory now, or None where the system does not say."""
    try:
        with open(STATM) as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return None


def memory_to_spare() -> int | None:
    """Bytes this process may still take before the system or its container runs out: the
    least of the system's available memory and, for each control group with a memory limit
    from this process's own up to the root, its limit less what it uses (its file cache
    the kernel can drop not counted). None when nothing says."""
    known = [spare for spare in (_system_available(), *_cgroup_spares()) if spare is not None]
    return min(known) if known else None


def _system_available() -> int | None:
    try:
        with open(MEMINFO) as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return None


def _cgroup_spares() -> list[int | None]:
    """Limit less use, in each memory cgroup of this process up to the root (a limit set on
    a parent group binds its children too)."""
    try:
        # A group's path is bytes to the kernel: decoded as the os module decodes file names.
        with open(CGROUPS, encoding=sys.getfilesystemencoding(), errors="surrogateescape") as cgroups:
            lines = cgroups.read().splitlines()
    except OSError:
        return []
    spares: list[int | None] = []
    for line in lines:
        if line.count(":") < 2:
            continue
        _, controllers, path = line.split(":", 2)
        if controllers == "":  # v2: one hierarchy, mounted at the root or (hybrid) at unified/
            unified = os.path.exists(os.path.join(CGROUP_FS, "cgroup.controllers"))
            root = CGROUP_FS if unified else os.path.join(CGROUP_FS, "unified")
            files = ("memory.max", "memory.current", "inactive_file")
        elif "memory" in controllers.split(","):
            root = os.path.join(CGROUP_FS, "memory")
            files = ("memory.limit_in_bytes", "memory.usage_in_bytes", "total_inactive_file")
        else:
            continue
        spares.extend(_spare_in(group, files) for group in _groups_up(root, path))
    return spares


def _groups_up(root: str, path: str) -> list[str]:
    """The group at `path` under `root` and each one above it, to `root`. Where `path` is not
    under `root` (a container sees its own group as the root, without a cgroup namespace of
    its own), only `root`."""
    parts = [part for part in path.split("/") if part]
    if not os.path.isdir(os.path.join(root, *parts)):
        parts = []
    return [os.path.join(root, *parts[:depth]) for depth in range(len(parts), -1, -1)]


def _spare_in(group: str, files: tuple[str, str, str]) -> int | None:
    """A group's limit less what it uses, or None when it has no limit (or says nothing)."""
    limit_file, usage_file, cache_key = files
    try:
        with open(os.path.join(group, limit_file)) as limit_text:
            raw = limit_text.read().strip()
        if raw == "max" or int(raw) >= _NO_LIMIT:
            return None
        with open(os.path.join(group, usage_file)) as usage_text:
            usage = int(usage_text.read())
    except (OSError, ValueError):
        return None
    return int(raw) - max(0, usage - _stat(group, cache_key))


def _stat(group: str, key: str) -> int:
    """One field of the group's memory.stat (0 when absent)."""
    try:
        with open(os.path.join(group, "memory.stat")) as stat:
            for line in stat:
                name, _, value = line.partition(" ")
                if name == key:
                    return int(value)
    except (OSError, ValueError):
        pass
    return 0


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
        parent = os.getpid()
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
                _die_with(parent)
                payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
                status = 0
                pattern_cache.save()  # what the child compiled, for the next run (no atexit here)
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
            if self._read >= 0:  # (result() closes it once it reads)
                os.close(self._read)
                self._read = -1
            self._pid = 0

    def result(self) -> Any | None:
        if not self._pid:
            return None
        chunks = []
        read, self._read = self._read, -1  # closed by the reading, whatever interrupts it
        with os.fdopen(read, "rb") as source:
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


# prctl(2): the signal a child gets when the thread that forked it dies (Linux).
PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Have the kernel kill this child when its parent dies (Linux): a parent killed mid-audit
    (SIGKILL, the OOM killer) leaves no child checking posts for nobody, for up to half the
    audit. Elsewhere the child learns it only when it sends its answer (a broken pipe)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (ImportError, OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before the call: no signal will come
        os._exit(1)


class _SharedMap(ABC):
    """Bytes in a shared file mapping that a parent and its forked child change under a
    POSIX record lock: the kernel drops a process's record locks when it dies, so a child
    killed mid-claim never leaves the parent waiting. Create it before the fork."""

    def __init__(self, count: int) -> None:
        self.count = count
        initial = self._initial(count)
        self._file = tempfile.TemporaryFile()
        try:
            self._file.write(initial)
            self._file.flush()
            self._map = mmap.mmap(self._file.fileno(), len(initial))
        except BaseException:
            self._file.close()
            raise

    @classmethod
    def shared(cls: type[_Mapped], count: int) -> _Mapped | None:
        """`cls(count)`, or None where no file can be shared (no writable temporary
        directory): the caller then does all the work itself, without a child."""
        try:
            return cls(count)
        except OSError:
            return None

    @staticmethod
    @abstractmethod
    def _initial(count: int) -> bytes:
        """The mapping's bytes at the start, for a job of `count` pieces (each kind of claim
        says its own)."""

    @contextmanager
    def _locked(self) -> Iterator[mmap.mmap]:
        fd = self._file.fileno()
        fcntl.lockf(fd, fcntl.LOCK_EX)
        try:
            yield self._map
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN)

    def close(self) -> None:
        self._map.close()
        self._file.close()


_Mapped = TypeVar("_Mapped", bound=_SharedMap)


class Chunks(_SharedMap):
    """Pieces 0..count-1 of one job, claimed by a parent and its forked child from either end
    (the two ends, in a `_SharedMap`)."""

    @staticmethod
    def _initial(count: int) -> bytes:
        return struct.pack("qq", 0, count)

    def front(self) -> int | None:
        """The next piece from the front, or None when all are claimed."""
        return self._claim(front=True)

    def back(self) -> int | None:
        """The next piece from the back, or None when all are claimed."""
        return self._claim(front=False)

    def claimed_from_back(self) -> int:
        """The first chunk the back has claimed (everything before it is the front's)."""
        return struct.unpack_from("qq", self._map)[1]

    def claimed(self) -> int:
        """How many pieces both ends have claimed so far."""
        head, tail = struct.unpack_from("qq", self._map)
        return head + self.count - tail

    def _claim(self, *, front: bool) -> int | None:
        with self._locked() as ends:
            head, tail = struct.unpack_from("qq", ends)
            if head >= tail:
                return None
            if front:
                head += 1
                chunk = head - 1
            else:
                tail -= 1
                chunk = tail
            struct.pack_into("qq", ends, 0, head, tail)
            return chunk


class BlockClaims(_SharedMap):
    """Which process checks each block of a feed read by a parent and its forked child at
    once (`audit_blocks`): one byte a block, and where the parent has read to, in a
    `_SharedMap`. The parent takes each block nobody has taken; the child, which runs the
    feed rules and then their findings, takes a block only when the parent is far enough
    behind (`lead`) to leave it that last stretch of checks. Blocks 0..count-1 are shared;
    one past them is the parent's.
    """

    def __init__(self, count: int) -> None:
        self._owner = os.getpid()
        self._count = count
        super().__init__(count)

    @staticmethod
    def _initial(count: int) -> bytes:
        return bytes(8 + count)

    def claim(self, index: int, lead: int = 0) -> bool:
        """Whether block `index` is this process's to check: nobody took it and, in the
        child, the parent is more than `lead` blocks behind it. The parent's asking says it
        has read to `index`."""
        parent = os.getpid() == self._owner
        if index >= self._count:
            return parent
        with self._locked() as taken:
            if parent:
                struct.pack_into("q", taken, 0, index)
            elif index - struct.unpack_from("q", taken)[0] <= lead:
                return False
            if taken[8 + index]:
                return False
            taken[8 + index] = 1
            return True
