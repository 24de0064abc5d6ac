"""The literal text a pattern cannot match without: a cheap test that rules most searches out.

Most rule patterns are alternations of phrases ("act now", "book a call"), and most posts
hold none of them; the `regex` engine still walks the whole post to say so, a few
microseconds a search. `needs(source, flags)` reads the pattern's syntax tree and returns
strings of which every match holds at least one (for "\\b(?:act|buy)\\s+now\\b": "now"), so a
post without any of them is answered with a few substring tests.

The tree is Python's own `re` parser's. A pattern it cannot read (`regex`-only syntax such
as `\\p{...}`) gets no prefilter, and so does anything not understood here: a prefilter is
only ever a necessary condition, never a guess. Case: under IGNORECASE the strings are lower
case and the test only runs on ASCII text, where case folding is plain ASCII (Unicode
folding lets "ſ" match "s", which a substring test would miss).
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from assistant.checks.digest import blake2b

try:  # the parser `re` compiles from: private, so any change of it only costs the prefilter
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without it: no prefilters
    _parser = _c = None

# More alternatives than this, and testing each as a substring costs what the search does.
MAX_STRINGS = 40
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE
# Where `regex` and Python's parser read a source differently, the source gets no prefilter:
_ESCAPED = re.compile(r"\\.", re.DOTALL)  # (an escaped character, removed before the tests below)
# a group opened by "(?" other than (?:, lookarounds, comments and named groups: inline
# flags ("(?i)", and `regex`'s own "(?V1)", "(?f)") and syntax only `regex` has;
_INLINE = re.compile(r"\(\?(?![:=!#]|<[=!]|P[<=>])")
# a brace that is not a plain repeat: `regex`'s fuzzy matching ("{e<=1}"), or "{1, 2}", a
# repeat to `regex` and three literal characters to Python;
_REPEAT = re.compile(r"\{\d*(?:,\d*)?\}")
# what Python's parser warns of as a possible nested set or set operation, which `regex`'s
# V1 reads so (looked for anywhere: a warning filter is process-wide, not for one thread);
_SET_SYNTAX = ("[[", "[^[", "--", "&&", "~~", "||")
# and, in a verbose pattern, white space beyond ASCII, which only `regex` skips.
_ASCII_SPACE = frozenset(" \t\n\r\f\v")


class Needs:
    """Strings one of which any match holds; `possible(text)` is False when none is in it."""

    __slots__ = ("folded", "strings")

    def __init__(self, strings: frozenset[str], folded: bool) -> None:
        self.strings = tuple(sorted(strings, key=len, reverse=True))
        self.folded = folded

    def possible(self, text: str) -> bool:
        if self.folded:
            if not text.isascii():
                return True
            text = text.lower()
        for string in self.strings:
            if string in text:
                return True
        return False


# What `needs` gives for every rule pattern, worked out when the patterns last changed
# (`tests/checks/prefilter_table.py --write`): Python's parser costs ~0.3 ms a pattern,
# which a review that asks a few dozen patterns once would pay at every start.
TABLE_FILE = "prefilters.json"


def key(source: str, flags: int) -> str:
    """The table's key for a pattern: a short hash of its flags and source."""
    return blake2b(f"{int(flags)}:{source}".encode(), digest_size=8).hexdigest()


@cache
def _table() -> dict[str, list[Any] | None]:
    try:  # beside this module, read as a file (importlib.resources costs ~3 ms a start)
        table: dict[str, list[Any] | None] = json.loads(
            Path(__file__).with_name(TABLE_FILE).read_text(encoding="utf-8"))["patterns"]
    except (OSError, ValueError, KeyError):  # no table: every pattern is read when first used
        return {}
    return table


def needs(source: str, flags: int = 0) -> Needs | None:
    """The strings one of which every match of `source` holds, or None when not known."""
    table = _table()
    known = key(source, flags)
    if known not in table:
        return read(source, flags)
    shipped = table[known]
    return None if shipped is None else Needs(frozenset(shipped[1]), bool(shipped[0]))


def read(source: str, flags: int = 0) -> Needs | None:
    """`needs`, worked out from the pattern itself."""
    if _parser is None or not _read_alike(source, flags):
        return None
    try:
        parsed = _parser.parse(source, flags & _FLAGS)
    except (re.error, ValueError, TypeError, OverflowError, RecursionError, Warning):
        return None
    folded = bool(parsed.state.flags & re.IGNORECASE)
    found = _sequence(list(parsed), folded)
    if not found or len(found) > MAX_STRINGS or "" in found:
        return None
    return Needs(found, folded)


def _read_alike(source: str, flags: int) -> bool:
    """Whether Python's parser reads `source` as `regex` does, as far as literals go."""
    if flags & ~(_FLAGS | re.UNICODE):  # `regex`'s own flags (V1 sets, full case folding, ...)
        return False
    plain = _ESCAPED.sub("", source)
    if _INLINE.search(plain) or "{" in _REPEAT.sub("", plain) or any(s in plain for s in _SET_SYNTAX):
        return False
    return not (flags & re.VERBOSE and any(c.isspace() and c not in _ASCII_SPACE for c in source))


def _sequence(items: list[tuple[Any, Any]], folded: bool) -> frozenset[str] | None:
    """The best necessary set of one sequence: each of its items, and each run of literal
    characters, is necessary on its own; the most selective of them is kept."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, value in items:
        if op is _c.LITERAL:
            char = chr(value)
            if folded:
                if not char.isascii():  # a non-ASCII letter may fold to an ASCII one
                    close()
                    continue
                char = char.lower()
            run.append(char)
            continue
        close()
        found = _item(op, value, folded)
        if found:
            options.append(found)
    close()
    return _best(options)


def _item(op: Any, value: Any, folded: bool) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, pattern = value
        if add_flags or del_flags:  # scoped flags: not worth understanding here
            return None
        return _sequence(list(pattern), folded)
    if op is _c.BRANCH:
        branches = [_sequence(list(branch), folded) for branch in value[1]]
        if any(not branch for branch in branches):
            return None  # one branch needs nothing: neither does the alternation
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
        low, _, pattern = value
        return _sequence(list(pattern), folded) if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(value), folded)
    return None  # classes, any character, anchors, lookarounds, back-references


def _best(options: Iterable[frozenset[str]]) -> frozenset[str] | None:
    """The most selective set: its shortest string longest, then the fewest strings."""
    usable = [o for o in options if o and len(o) <= MAX_STRINGS]
    if not usable:
        return None
    return max(usable, key=lambda o: (min(map(len, o)), -len(o)))
