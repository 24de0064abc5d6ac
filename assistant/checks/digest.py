"""`blake2b`, as `hashlib` gives it, without `hashlib`'s OpenSSL start-up.

`hashlib` always takes BLAKE2 from CPython's own `_blake2` module, but importing it also
starts OpenSSL (`_hashlib`, ~4 ms): a tenth of what a one-draft review spends importing.
The checks only ever ask for BLAKE2, so they import it from here.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python without CPython's module: the same function, via hashlib
    from hashlib import blake2b

__all__ = ["blake2b"]
