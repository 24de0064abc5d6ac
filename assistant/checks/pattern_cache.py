"""Compiled rule patterns kept on disk from one run to the next.

`regex` parses a pattern in Python before its C engine takes it: about 1.7 ms a rule
pattern, half a second for the 300 or so a big feed asks, in every process (the CLI, each
worker, both sides of a forked audit). What it hands its engine can be kept, and rebuilt
in about 30 µs: `regex` itself pickles patterns that way. This file is that cache, one per
build of `regex` (two installs of one release keep a file each, rather than throw away each
other's), in the user's cache directory (`$XDG_CACHE_HOME`, else `~/.cache`), under
`agency-assistant/`; `ASSISTANT_PATTERN_CACHE` names another directory, or `off`.

What is read back is data only (strings, numbers, bytes, lists, dicts; a file holding any
class or function is refused whole), from a regular file this user owns, in a directory
this user owns, that nobody else may write, written for this very build of `regex` (its
release, default version and engine file), whose digest matches (a check against
corruption, such as a torn write: the permissions are what keep others out). Anything else
is ignored, and every pattern compiled as if there were no cache. Entries are added by the
process that compiled them, at exit (a forked audit's child just before it leaves, with
what it compiled itself): under an exclusive lock, merged with what other processes wrote,
written whole to a temporary file, then renamed. Only runs that compiled something save,
so "most recently used", when a full file is cut, counts those runs.
"""

from __future__ import annotations

import atexit
import os
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.checks.digest import blake2b

if TYPE_CHECKING:
    import regex

CACHE_ENV = "ASSISTANT_PATTERN_CACHE"
_MAGIC = b"agency-assistant patterns 2"
# Entries past which a save keeps only the most recently used, so patterns of older
# releases of the rules go (the rules make ~420 today, ~0.9 KB each, read in ~1 ms).
MAX_ENTRIES = 1024
# A file larger than this is not one a save wrote (1,024 entries are ~1 MB).
MAX_BYTES = 8 << 20
# What `Pattern._pickled_data` holds, in `regex`'s releases so far: anything else is not
# handed to its engine.
_SHAPE = (str, int, bytes, dict, dict, dict, list, int, tuple, int, int)
# How long a save waits for another process's save before giving up on its own.
_LOCK_WAIT = 2.0

Key = tuple[str, int]
_lock = threading.Lock()
_stored: dict[Key, tuple[Any, ...]] | None = None  # read on first use
_new: dict[Key, tuple[Any, ...]] = {}
_used: dict[Key, None] = {}  # in the order first used: the most recent last
_save_registered = False


def cache_file() -> Path | None:
    """Where this `regex` and Python keep their compiled patterns, or None when off."""
    chosen = os.environ.get(CACHE_ENV, "")
    if chosen.lower() == "off":
        return None
    import regex

    try:
        build = blake2b(_build(), digest_size=6).hexdigest()
    except OSError:  # the engine's file cannot be looked at: no telling which build this is
        return None
    name = f"patterns-{regex.__version__}-{sys.implementation.cache_tag}-{build}.pickle"
    if chosen:
        return Path(chosen) / name
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative: the XDG spec says to ignore it
        base = str(Path.home() / ".cache") if "HOME" in os.environ else ""
    return Path(base) / "agency-assistant" / name if base else None


def compiled(source: str, flags: int) -> regex.Pattern[str]:
    """`regex.compile(source, flags)`, rebuilt from the cache when it holds the pattern."""
    import regex

    key = (source, int(flags))
    data = _stored_entries().get(key)
    if data is not None and data[0] == source:
        try:
            pattern: regex.Pattern[str] = regex._regex.compile(*data)
        except Exception:  # noqa: BLE001 - an entry its engine refuses is compiled afresh
            pass
        else:
            _used[key] = None
            return pattern
    pattern = regex.compile(source, flags)
    _remember(key, pattern)
    return pattern


def _remember(key: Key, pattern: regex.Pattern[str]) -> None:
    global _save_registered
    # Flags come back as `regex.RegexFlag` members; kept as plain ints, so that reading
    # them back needs no class.
    data = tuple(int(x) if isinstance(x, int) else x for x in pattern._pickled_data)
    if not _fits(data):
        return
    _new[key] = data
    _used[key] = None
    if not _save_registered:
        _save_registered = True
        atexit.register(save)
        # A forked child saves only what it compiles itself: its parent saves the rest.
        os.register_at_fork(after_in_child=_new.clear)


def _stored_entries() -> dict[Key, tuple[Any, ...]]:
    global _stored
    if _stored is None:
        with _lock:
            if _stored is None:
                path = cache_file()
                _stored = _read(path) if path is not None else {}
    return _stored


@cache  # (the engine does not change under a running process)
def _build() -> bytes:
    """What identifies the `regex` whose engine the entries were made for: its release,
    default version and the engine's own file (a rebuilt engine may read them otherwise)."""
    import regex

    engine = os.stat(regex._regex.__file__)
    return (f"{regex.__version__} {sys.implementation.cache_tag} {int(regex.DEFAULT_VERSION)} "
            f"{engine.st_size} {engine.st_mtime_ns}").encode()


def _digest(build: bytes, payload: bytes) -> bytes:
    return blake2b(build + b"\n" + payload, digest_size=32).hexdigest().encode()


def _fits(data: tuple[Any, ...]) -> bool:
    return len(data) == len(_SHAPE) and all(isinstance(x, kind) for x, kind in zip(data, _SHAPE, strict=True))


def _is_entry(key: object, data: object) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and type(key[1]) is int
            and isinstance(data, tuple) and _fits(data))


def _private(status: os.stat_result) -> bool:
    """True for what this user owns and nobody else may write."""
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _read(path: Path) -> dict[Key, tuple[Any, ...]]:
    """The entries of the cache file at `path`; none when it is missing, not this user's
    alone, or not exactly what a save of this build wrote."""
    import io
    import pickle  # (~4 ms: only once a pattern is wanted)

    class DataOnly(pickle.Unpickler):
        """An unpickler that loads no class or function: data only."""

        def find_class(self, module: str, name: str) -> Any:
            raise pickle.UnpicklingError(f"{module}.{name} is not data")

    try:
        if not _private(os.stat(path.parent)):
            return {}
        # Not through a link, and never waiting on a FIFO someone left in its place.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode) or not _private(status) or status.st_size > MAX_BYTES:
                return {}
            blob = file.read(MAX_BYTES + 1)
        magic, build, digest, payload = blob.split(b"\n", 3)
        if magic != _MAGIC or build != _build() or digest != _digest(build, payload):
            return {}
        entries = DataOnly(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001 - whatever is wrong with the file, it is not used
        return {}
    if not isinstance(entries, dict):
        return {}
    return {key: data for key, data in entries.items() if _is_entry(key, data)}


def save() -> None:
    """Add the patterns this process compiled to the cache file (quietly not when the
    directory cannot be written, or another process holds the lock too long)."""
    path = cache_file()
    if not _new or path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(path.parent)):  # never read back: writing there is waste
            return
        with _locked(path):
            _write(path, _merged(_read(path)))
            _remove_leftovers(path.parent)
    except OSError:  # (TimeoutError included)
        return
    _new.clear()


def _merged(on_disk: dict[Key, tuple[Any, ...]]) -> dict[Key, tuple[Any, ...]]:
    """What the file should hold: what it holds, then what this process used (moved last,
    as the most recent), cut to the `MAX_ENTRIES` most recent."""
    known = _stored_entries()
    used = {key: _new.get(key) or on_disk.get(key) or known[key] for key in _used
            if key in _new or key in on_disk or key in known}
    entries = {key: data for key, data in on_disk.items() if key not in used} | used
    if len(entries) > MAX_ENTRIES:
        entries = dict(list(entries.items())[-MAX_ENTRIES:])
    return entries


# A temporary file older than this is a save's that was killed before its rename.
_LEFTOVER_AGE = 60.0


def _remove_leftovers(directory: Path) -> None:
    import time

    for leftover in directory.glob(".patterns-*"):
        try:
            if time.time() - leftover.lstat().st_mtime > _LEFTOVER_AGE:
                leftover.unlink()
        except OSError:
            continue


def _write(path: Path, entries: dict[Key, tuple[Any, ...]]) -> None:
    import pickle
    import tempfile

    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    build = _build()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(b"\n".join((_MAGIC, build, _digest(build, payload), payload)))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive `flock` on the cache file's lock file, so two saves do not drop each
    other's entries; TimeoutError after `_LOCK_WAIT` seconds."""
    import fcntl
    import time

    lock = path.with_suffix(".lock")
    descriptor = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        deadline = time.monotonic() + _LOCK_WAIT
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{lock} held by another process") from None
                time.sleep(0.01)
        yield
    finally:
        os.close(descriptor)  # (releases the lock)
