"""The literal text a pattern cannot match without: a cheap test that rules most searches out.

Most rule patterns are alternations of phrases ("act now", "book a call"), and most posts
hold none of them; the `regex` engine still walks the whole post to say so, a few
microseconds a search. `needs(source, flags)` reads the pattern's syntax tree and returns
sets of strings of which every match holds at least one string of each (for
"\\b(?:act|buy)\\s+now\\b": "now", and "act" or "buy"), so a post without them is answered
with a few substring tests.

A pattern usually needs several such sets at once ("\\bdm\\s+(?:me|us)\\s+for\\s+(?:rates|prices)"
needs "dm", "for" and one of "rates" and "prices"). The one set kept alone, the most
selective by its strings' length, is often one real posts hold anyway ("our", "share",
"please"): then the engine ran on many posts after all, up to 70 µs a search on real posts
for the long patterns. So up to `MAX_CLAUSES` sets are kept, the most selective first, and
a text must hold a string of each.

The tree is Python's own `re` parser's. A pattern it cannot read (`regex`-only syntax such
as `\\p{...}`) gets no prefilter, and so does anything not understood here: a prefilter is
only ever a necessary condition, never a guess. Case: under IGNORECASE the strings are lower
case and the text is lowered for the test, after the four characters beyond ASCII that
`regex`'s case-blind matching takes for ASCII letters ("ſ" for "s", "K" for "k", "İ" for
"i", "ı" for "I") are written as those letters.
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
# Sets a text must each hold a string of: more cost substring tests for little.
MAX_CLAUSES = 3
# Fewer alternatives than this, and searching them apart costs what it saves (measured on
# the real posts: a pattern of 14 alternatives cost a third as much apart, one of 3 to 7 as
# much or more, each alternative's prefilter and walk of the text adding up).
MIN_ALTERNATIVES = 8
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


# The characters beyond ASCII that `regex`'s case-blind matching takes for an ASCII character,
# as that character lowered ("ı" matches "I" but not "i", "İ" matches "i" but not "I"; a test
# works them out again over every code point and every ASCII character).
FOLDS_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLDED = str.maketrans(FOLDS_TO_ASCII)
_last_lowered = ("", "")


def _lowered(text: str) -> str:
    """`text` lowered, each character `regex` folds to an ASCII letter written as that letter
    first ("İ" lowers to two characters), so an ASCII string a case-blind match holds is a
    substring of it; kept for the next pattern: a post is asked of some thirty in a row.
    (One tuple, read once: threads that audit side by side never mix two texts.)"""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    lowered = text.lower() if text.isascii() else text.translate(_FOLDED).lower()
    _last_lowered = (text, lowered)
    return lowered


class Needs:
    """Sets of strings (`clauses`, the most selective first) any match holds one string of
    each; `possible(text)` is False when a set has none in it."""

    __slots__ = ("clauses", "folded")

    def __init__(self, clauses: Iterable[frozenset[str]], folded: bool) -> None:
        self.clauses = tuple(tuple(sorted(clause, key=len, reverse=True)) for clause in clauses)
        self.folded = folded

    def possible(self, text: str) -> bool:
        if self.folded:
            text = _lowered(text)
        for clause in self.clauses:
            for string in clause:
                if string in text:
                    break
            else:
                return False
        return True


# What `needs` gives for every rule pattern, worked out when the patterns last changed
# (`tests/checks/prefilter_table.py --write`): Python's parser costs ~0.3 ms a pattern,
# which a review that asks a few dozen patterns once would pay at every start.
TABLE_FILE = "prefilters.json"


def key(source: str, flags: int) -> str:
    """The table's key for a pattern: a short hash of its flags and source."""
    return blake2b(f"{int(flags)}:{source}".encode(), digest_size=8).hexdigest()


@cache
def _shipped() -> dict[str, Any]:
    try:  # beside this module, read as a file (importlib.resources costs ~3 ms a start)
        shipped = json.loads(Path(__file__).with_name(TABLE_FILE).read_text(encoding="utf-8"))
        return {"patterns": shipped["patterns"], "alternatives": frozenset(shipped.get("alternatives", ()))}
    except (OSError, ValueError, KeyError, TypeError):  # no table: every pattern is read when first used
        return {"patterns": {}, "alternatives": frozenset()}


def _table() -> dict[str, list[Any] | None]:
    table: dict[str, list[Any] | None] = _shipped()["patterns"]
    return table


def needs(source: str, flags: int = 0) -> Needs | None:
    """The sets of strings every match of `source` holds one string of each, or None when
    none is known."""
    table = _table()
    known = key(source, flags)
    if known not in table:
        return read(source, flags)
    shipped = table[known]
    return None if shipped is None else Needs(map(frozenset, shipped[1:]), bool(shipped[0]))


def alternatives(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """The top-level alternatives of `source` ("a|b|c"), when searching them one by one is
    searching `source`; else None. See `read_alternatives`."""
    known = key(source, flags)
    if known in _shipped()["alternatives"]:
        return tuple(split_alternatives(source, bool(flags & re.VERBOSE)))
    if known in _table():
        return None
    return read_alternatives(source, flags)


def read_alternatives(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """`alternatives`, worked out from the pattern itself.

    A search for "a|b" finds the leftmost position where either matches, "a" first where
    both do: the same match as searching "a" and "b" apart and keeping the one that starts
    first (the earlier alternative on a tie). Apart, each alternative has its own prefilter,
    and a post that can match none but one is searched for that one alone: a pattern of a
    dozen alternatives otherwise tries each at every position of the post. Only for patterns
    without groups, whose numbers would change apart, and only where Python's parser reads
    the pattern as `regex` does and reads each alternative on its own (and without "(?#"
    comments, whose brackets `split_alternatives` does not skip).
    """
    if _parser is None or not _read_alike(source, flags) or "(?#" in source:
        return None
    parts = split_alternatives(source, bool(flags & re.VERBOSE))
    if len(parts) < MIN_ALTERNATIVES:
        return None
    try:
        if _parser.parse(source, flags & _FLAGS).state.groups != 1:
            return None
        for part in parts:
            _parser.parse(part, flags & _FLAGS)
    except (re.error, ValueError, TypeError, OverflowError, RecursionError, Warning):
        return None
    return tuple(parts)


def split_alternatives(source: str, verbose: bool) -> list[str]:
    """`source` cut at each "|" outside groups, classes, escapes and (verbose) line comments
    ("(?#...)" is not understood: `read_alternatives` refuses it)."""
    parts: list[str] = []
    depth = start = at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":  # a class ends at the first "]" not escaped and not its first member
            at += 2 if source.startswith("[^", at) else 1
            at += source.startswith("]", at)
            while at < len(source) and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
        elif char == "#" and verbose:
            end = source.find("\n", at)
            at = len(source) if end < 0 else end
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:at])
            start = at + 1
        at += 1
    parts.append(source[start:])
    return parts


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
    return Needs(found, folded) if found else None


def _read_alike(source: str, flags: int) -> bool:
    """Whether Python's parser reads `source` as `regex` does, as far as literals go."""
    if flags & ~(_FLAGS | re.UNICODE):  # `regex`'s own flags (V1 sets, full case folding, ...)
        return False
    plain = _ESCAPED.sub("", source)
    if _INLINE.search(plain) or "{" in _REPEAT.sub("", plain) or any(s in plain for s in _SET_SYNTAX):
        return False
    # In a verbose pattern, white space beyond ASCII, which only `regex` skips, and a comment
    # ending in a backslash, which Python's parser carries on to the next line.
    return not (flags & re.VERBOSE and ("\\\n" in source
                                        or any(c.isspace() and c not in _ASCII_SPACE for c in source)))


Clauses = list[frozenset[str]]  # sets a match holds a string of each, the most selective first


def _sequence(items: list[tuple[Any, Any]], folded: bool) -> Clauses:
    """The necessary sets of one sequence: each of its items, and each run of literal
    characters, is necessary on its own; the most selective of them are kept."""
    options: Clauses = []
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
        options += _item(op, value, folded)
    close()
    return _best(options)


def _item(op: Any, value: Any, folded: bool) -> Clauses:
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, pattern = value
        if add_flags or del_flags:  # scoped flags: not worth understanding here
            return []
        return _sequence(list(pattern), folded)
    if op is _c.BRANCH:
        branches = [_sequence(list(branch), folded) for branch in value[1]]
        if any(not branch for branch in branches):
            return []  # one branch needs nothing: neither does the alternation
        return [frozenset().union(*(branch[0] for branch in branches))]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
        low, _, pattern = value
        return _sequence(list(pattern), folded) if low >= 1 else []
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(value), folded)
    return []  # classes, any character, anchors, lookarounds, back-references


def _best(options: Iterable[frozenset[str]]) -> Clauses:
    """The most selective sets, in that order (their shortest string longest, then the
    fewest strings), at most `MAX_CLAUSES`; none that is empty, holds "" or is too big."""
    usable = {o for o in options if o and len(o) <= MAX_STRINGS and "" not in o}
    return sorted(usable, key=lambda o: (-min(map(len, o)), len(o), sorted(o)))[:MAX_CLAUSES]
