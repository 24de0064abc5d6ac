"""Pause the cyclic garbage collector while a process builds or reads millions of objects.

Loading a feed and auditing it allocate objects by the million and form no cycles (a
100,000-post audit left 395 unreachable objects behind). With the collector running, the
live ones are traversed again and again as they age: loading 100,000 posts measured 7.4 s
instead of 2.7 s, and an audit of a million posts spent 3.5 s of 54 in 14 full collections.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection inside; on the way out, `freeze` + `unfreeze` files everything alive
    into the oldest generation without a traversal (it stays collectable, nothing is left
    frozen: only the next full collection sees it). One process-wide collector, so one
    counter: only the last of concurrent pauses (worker threads) turns it back on.
    """
    global _paused, _resume
    with _lock:
        if _paused == 0:
            _resume = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0:
                gc.freeze()
                gc.unfreeze()
                if _resume:
                    gc.enable()
