"""Compiled rule patterns kept on disk from one run to the next.

`regex` parses a pattern in Python before its C engine takes it: about 1.7 ms a rule
pattern, half a second for the 300 or so a big feed asks, in every process (the CLI, each
worker, both sides of a forked audit). What it hands its engine can be kept, and rebuilt
in about 30 µs: `regex` itself pickles patterns that way. This file is that cache, one per
`regex` release and Python, in the user's cache directory (`$XDG_CACHE_HOME`, else
`~/.cache`), under `agency-assistant/`; `ASSISTANT_PATTERN_CACHE` names another directory,
or `off`.

What is read back is data only (strings, numbers, bytes, lists, dicts; no class or
function is ever loaded), from a file this user owns that nobody else may write, whose
digest matches: anything else is ignored, and every pattern compiled as if there were no
cache. Entries are added at exit by the process that compiled them (merged with what other
processes wrote meanwhile; written whole to a temporary file, then renamed).
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.checks.digest import blake2b

if TYPE_CHECKING:
    import regex

CACHE_ENV = "ASSISTANT_PATTERN_CACHE"
_MAGIC = b"agency-assistant patterns 1\n"
# Entries past which a save keeps only what this process used, so patterns of older
# releases of the rules go (the rules make ~420 today, ~0.9 KB each, read in ~1 ms).
MAX_ENTRIES = 1024
# What `Pattern._pickled_data` holds, in `regex`'s releases so far: anything else is not
# handed to its engine.
_SHAPE = (str, int, bytes, dict, dict, dict, list, int, tuple, int, int)

Key = tuple[str, int]
_lock = threading.Lock()
_stored: dict[Key, tuple[Any, ...]] | None = None  # read on first use
_new: dict[Key, tuple[Any, ...]] = {}
_used: set[Key] = set()
_saving_pid: int | None = None


def cache_file() -> Path | None:
    """Where this `regex` and Python keep their compiled patterns, or None when off."""
    chosen = os.environ.get(CACHE_ENV, "")
    if chosen.lower() == "off":
        return None
    import regex

    name = f"patterns-{regex.__version__}-{sys.implementation.cache_tag}.pickle"
    if chosen:
        return Path(chosen) / name
    base = os.environ.get("XDG_CACHE_HOME") or (str(Path.home() / ".cache") if "HOME" in os.environ else "")
    return Path(base) / "agency-assistant" / name if base else None


def compiled(source: str, flags: int) -> regex.Pattern[str]:
    """`regex.compile(source, flags)`, rebuilt from the cache when it holds the pattern."""
    import regex

    key = (source, int(flags))
    data = _stored_entries().get(key)
    if data is not None:
        try:
            pattern: regex.Pattern[str] = regex._regex.compile(*data)
        except Exception:  # noqa: BLE001 - an entry its engine refuses is compiled afresh
            pass
        else:
            _used.add(key)
            return pattern
    pattern = regex.compile(source, flags)
    _remember(key, pattern)
    return pattern


def _remember(key: Key, pattern: regex.Pattern[str]) -> None:
    global _saving_pid
    data = tuple(int(x) if isinstance(x, int) else x for x in pattern._pickled_data)
    if not _fits(data):
        return
    _new[key] = data
    _used.add(key)
    if _saving_pid != os.getpid():  # once a process (a forked child registers its own)
        _saving_pid = os.getpid()
        atexit.register(save)


def _stored_entries() -> dict[Key, tuple[Any, ...]]:
    global _stored
    if _stored is None:
        with _lock:
            if _stored is None:
                path = cache_file()
                _stored = _read(path) if path is not None else {}
    return _stored


def _digest(payload: bytes) -> bytes:
    return blake2b(payload, digest_size=32).hexdigest().encode()  # 64 characters


def _fits(data: tuple[Any, ...]) -> bool:
    return len(data) == len(_SHAPE) and all(isinstance(x, kind) for x, kind in zip(data, _SHAPE, strict=True))


def _read(path: Path) -> dict[Key, tuple[Any, ...]]:
    """The entries of the cache file at `path`; none when it is missing, not this user's
    alone, or not exactly what a save wrote."""
    import io
    import pickle  # (~4 ms: only once a pattern is wanted)

    class DataOnly(pickle.Unpickler):
        """An unpickler that loads no class or function: data only."""

        def find_class(self, module: str, name: str) -> Any:
            raise pickle.UnpicklingError(f"{module}.{name} is not data")

    try:
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if status.st_uid != os.getuid() or status.st_mode & 0o022:
                return {}
            blob = file.read()
        head, digest, payload = blob[: len(_MAGIC)], blob[len(_MAGIC) : len(_MAGIC) + 65], blob[len(_MAGIC) + 65 :]
        if head != _MAGIC or digest != _digest(payload) + b"\n":
            return {}
        entries = DataOnly(io.BytesIO(payload)).load()
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {key: data for key, data in entries.items()
            if isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
            and isinstance(data, tuple) and _fits(data)}


def save() -> None:
    """Add the patterns this process compiled to the cache file (at exit; quietly not when
    the directory cannot be written)."""
    path = cache_file()
    if not _new or path is None:
        return
    entries = {**_read(path), **_new}
    if len(entries) > MAX_ENTRIES:
        stored = _stored_entries()
        entries = {key: _new.get(key) or stored[key] for key in _used if key in _new or key in stored}
    import pickle
    import tempfile

    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    blob = _MAGIC + _digest(payload) + b"\n" + payload
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")  # mode 0600
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(blob)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return
    _new.clear()
