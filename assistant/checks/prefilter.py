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
for the long patterns. So up to `MAX_CLAUSES` sets are kept, the most selective first (then
one set of phrases, below), and a text must hold a string of each.

A string of letters between word edges (`\\b`, a space, a mark, the start of a line) is
needed as a word: "\\bsale\\b" needs " sale " (`Needs`), which "wholesale" and "salesforce"
do not hold, where the substring "sale" let them through. A class of a few listed characters
("[$\u20ac\u00a3]") needs one of them.

Where a run of the pattern can match only a few strings of words and gaps
("\\b(?:act|buy)\\s+now\\b"), the words side by side are needed last (`Phrases`: " act now ",
" buy now "): a long text holds most words somewhere, seldom the pattern's words in a row.

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
from assistant.text import Translator

try:  # the parser `re` compiles from: private, so any change of it only costs the prefilter
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without it: no prefilters
    _parser = _c = None

# More alternatives than this, and testing each as a substring costs what the search does.
MAX_STRINGS = 40
# Sets of words a text must each hold a string of (then one set of phrases, `Phrases`): more
# cost substring tests for little.
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
_FOLDED = Translator(FOLDS_TO_ASCII)
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
    lowered = text.lower() if text.isascii() else _FOLDED(text).lower()
    _last_lowered = (text, lowered)
    return lowered


class Needs:
    """Sets of strings (`clauses`, the most selective first) any match holds one string of
    each; `possible(text)` is False when a set has none in it.

    A string with a space at an end is a whole word, or the start or end of one ("sale ",
    " sale ", " sale"): it is looked for in the text's words (`_words`: every character
    other than a-z and 0-9 read as a space), where "sale" as a substring is also in
    "wholesale" and "salesforce"."""

    __slots__ = ("_tests", "clauses", "folded")

    def __init__(self, clauses: Iterable[frozenset[str]], folded: bool) -> None:
        self.clauses = tuple(tuple(sorted(clause, key=len, reverse=True)) for clause in clauses)
        self.folded = folded
        # Each clause as (substrings of the text, whole words, edges of words in `_words`).
        tests = []
        for clause in self.clauses:
            strings: list[str] = []
            whole: set[str] = set()
            edges: list[str] = []
            for string in clause:
                if not _is_word(string):
                    strings.append(string)
                elif string[0] == string[-1] == " " and " " not in string[1:-1]:
                    whole.add(string[1:-1])  # (words in a row are looked for as edges)
                else:
                    edges.append(string)
            tests.append((tuple(strings), frozenset(whole), tuple(edges)))
        self._tests = tuple(tests)

    def possible(self, text: str) -> bool:
        if self.folded:
            text = _lowered(text)
        words: tuple[frozenset[str], str] | None = None
        for strings, whole, edges in self._tests:
            for string in strings:
                if string in text:
                    break
            else:
                if not whole and not edges:
                    return False
                if words is None:  # the last text's words, read here (a call a pattern saved)
                    last = _last_words
                    words = last[1] if last[0] is text else _words(text)
                if whole.isdisjoint(words[0]):
                    for edge in edges:
                        if edge in words[1]:
                            break
                    else:
                        return False
        return True


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_WORD_OR_SPACE = _WORD_CHARS | {" "}


def _is_word(string: str) -> bool:
    """A string `Needs` looks for among the text's words: a space at an end, and otherwise
    only a-z, 0-9 and single spaces (a literal "sign up" with edges is two words in a row)."""
    inner = string.strip(" ")
    return inner != string and inner != "" and "  " not in string and _WORD_OR_SPACE.issuperset(string)


# Bytes of a-z and 0-9 kept, every other byte (every byte of a character beyond ASCII in
# UTF-8) a space: in lowered text, the words `\b` bounds and more (a split at "_" and "é").
_WORD_BYTES = bytes(b if chr(b) in _WORD_CHARS else ord(" ") for b in range(256))
_last_words: tuple[str, tuple[frozenset[str], str]] = ("", (frozenset(), ""))


def _words(lowered: str) -> tuple[frozenset[str], str]:
    """The words of lowered text, as a set and as one string of them with a space between
    and at each end; kept in `_last_words` for the next pattern (`Needs.possible` reads it
    first). (A pattern that does not fold case has its text split as it is, capitals read
    as spaces: a word it needs, always in lower case, is still found wherever the text
    holds it.) Decoded to `str` before the split: an edge's `in` test on `bytes` costs 4-5x
    as much (the buffer protocol at every test), on `str` it is a plain search."""
    global _last_words
    split = lowered.encode("utf-8", "surrogatepass").translate(_WORD_BYTES).decode("ascii").split()
    found = (frozenset(split), " " + " ".join(split) + " ")
    _last_words = (lowered, found)
    return found


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


def _sequence(items: list[tuple[Any, Any]], folded: bool, before: bool = False, after: bool = False) -> Clauses:
    """The necessary sets of one sequence: each of its items, and each run of literal
    characters, is necessary on its own; the most selective of them are kept.

    `before` and `after`: whether the sequence starts and ends at the edge of a word
    (`_edge_within`). Under IGNORECASE a run of letters and digits at word edges is needed as a
    word, written with a space at each edge it has (`Needs`)."""
    options: Clauses = []
    run: list[str] = []  # the literal characters of items[end - len(run):end]

    def close(end: int) -> None:
        if run:
            string = "".join(run)
            if folded and _WORD_CHARS.issuperset(string):
                string = (" " * _edge_within(items[:end - len(run)], at_end=True, beyond=before) + string
                          + " " * _edge_within(items[end:], at_end=False, beyond=after))
            options.append(frozenset({string}))
            run.clear()

    for at, (op, value) in enumerate(items):
        if op is _c.LITERAL:
            char = chr(value)
            if folded:
                if not char.isascii():  # a non-ASCII letter may fold to an ASCII one
                    close(at)
                    continue
                char = char.lower()
            run.append(char)
            continue
        close(at)
        options += _item(op, value, folded, _edge_within(items[:at], at_end=True, beyond=before),
                         _edge_within(items[at + 1:], at_end=False, beyond=after))
    close(len(items))
    if folded:
        options += _phrases(items, before, after)
    return _best(options)


def _item(op: Any, value: Any, folded: bool, before: bool, after: bool) -> Clauses:
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, pattern = value
        if add_flags or del_flags:  # scoped flags: not worth understanding here
            return []
        return _sequence(list(pattern), folded, before, after)
    if op is _c.BRANCH:
        branches = [_sequence(list(branch), folded, before, after) for branch in value[1]]
        if any(not branch for branch in branches):
            return []  # one branch needs nothing: neither does the alternation
        return [frozenset().union(*(branch[0] for branch in branches))]
    if op in _REPEATS:
        low, high, pattern = value
        if low < 1:
            return []
        # Past the first time, the pattern follows itself: at a word's edge only where its
        # own end (start) is one.
        pattern = list(pattern)
        if high != 1:
            before = before and _edge_within(pattern, at_end=True)
            after = after and _edge_within(pattern, at_end=False)
        return _sequence(pattern, folded, before, after)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(value), folded, before, after)
    if op is _c.IN:
        return _members(value, folded)
    return []  # any character, anchors, lookarounds, back-references


_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)) if _c else ()
# Characters beyond ASCII with no case (no other character matches them case-blind, as a
# test checks over all of Unicode): a class of them, such as "[$\u20ac\u00a3]", needs one.
_CASELESS = frozenset({"Sc", "Sm", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Pc", "Zs"})


def _members(members: list[tuple[Any, Any]], folded: bool) -> Clauses:
    """A class of a few listed characters ("[$\u20ac\u00a3]") needs one of them; other classes
    need nothing known."""
    import unicodedata

    chars = set()
    for op, value in members:
        char = chr(value) if op is _c.LITERAL else ""
        if not char or (not char.isascii() and unicodedata.category(char) not in _CASELESS):
            return []
        chars.add(char.lower() if folded else char)
    return [frozenset(chars)]


_SEPARATES = {_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD} if _c else set()


def _separates(op: Any, value: Any) -> bool:
    """Whether every character the item matches is one no word holds (not a-z, 0-9 or a
    letter that folds to them)."""
    if op is _c.LITERAL:  # (beyond ASCII, only the letters that fold to ASCII ones lower to a-z)
        char = chr(value)
        return not (char.isascii() and char.isalnum()) and char not in FOLDS_TO_ASCII
    if op is _c.IN:
        return bool(value) and all(
            (member_op is _c.LITERAL and _separates(member_op, member))
            or (member_op is _c.CATEGORY and member in _SEPARATES)
            or (member_op is _c.RANGE and member[1] - member[0] < 256
                and all(_separates(_c.LITERAL, char) for char in range(member[0], member[1] + 1)))
            for member_op, member in value)
    return False


_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT) if _c else ()


def _edge_within(items: list[tuple[Any, Any]], at_end: bool, beyond: bool = False) -> bool:
    """Whether every match of `items` ends (`at_end`) or starts at a word's edge: next to a
    character no word holds, or at an anchor (`\\b`, `^`, `$`). Zero-width lookarounds are
    passed over; where nothing else is left, whether what lies `beyond` the items is one."""
    for op, value in reversed(items) if at_end else items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.AT:
            return value is not _c.AT_NON_BOUNDARY
        if _separates(op, value):
            return True
        if op in _REPEATS:
            return value[0] >= 1 and _edge_within(list(value[2]), at_end)
        if op is _c.SUBPATTERN:
            return not value[1] and not value[2] and _edge_within(list(value[3]), at_end)
        if op is _c.BRANCH:
            return all(_edge_within(list(branch), at_end) for branch in value[1])
        return False
    return beyond


def _best(options: Iterable[frozenset[str]]) -> Clauses:
    """The most selective sets, in that order (their shortest string longest, then the
    fewest strings), at most `MAX_CLAUSES`; none that is empty, holds "" or is too big. Then
    the most selective set of `Phrases`, if any, last: a text without the words of the sets
    before is ruled out by fewer tests, and a phrase set of many strings is asked only of
    the texts that hold them."""
    usable = [o for o in options if o and len(o) <= MAX_STRINGS and "" not in o]
    # (apart before any set is built: a `Phrases` equals a plain set of the same strings)
    words = {o for o in usable if not isinstance(o, Phrases)}
    phrases = {o for o in usable if isinstance(o, Phrases)} - words

    def ranked(sets: Iterable[frozenset[str]]) -> Clauses:
        return sorted(sets, key=lambda o: (-min(map(len, o)), len(o), sorted(o)))

    return ranked(words)[:MAX_CLAUSES] + ranked(phrases)[:1]


class Phrases(frozenset[str]):
    """A set of whole phrases, the words a run of a pattern can match written out in full
    ("\\b(?:spots?|seats?)\\s+left\\b": " spot left ", " spots left ", " seat left ",
    " seats left "), looked for among a text's words (`Needs`): what rules out a long text,
    which holds most common words somewhere but seldom a pattern's words side by side (a
    blog entry asked for "seats left" holds "seats" and "left" apart)."""


def _phrases(items: list[tuple[Any, Any]], before: bool, after: bool) -> list[Phrases]:
    """The `Phrases` of each run of `items` that can match only a few strings of words and
    gaps (`_spelled`), the runs cut greedily from the left, whose phrases all hold two words
    or more and have a word's edge at one end at least (a phrase is looked for among the
    words, never as a substring). Case-folded patterns only: there the text's words are its
    lowered words."""
    found: list[Phrases] = []
    start = 0
    while start < len(items):
        end, spelled = _longest_run(items, start)
        if end > start:
            run = items[start:end]  # an edge outside the run, or its own anchors ("\\b", "(?:^|\\s)")
            edge_before = (_edge_within(items[:start], at_end=True, beyond=before)
                           or _edge_within(run, at_end=False))
            edge_after = _edge_within(items[end:], at_end=False, beyond=after) or _edge_within(run, at_end=True)
            phrases = {_collapsed((" " if edge_before else "") + s + (" " if edge_after else "")) for s in spelled}
            if all(_is_phrase(p) for p in phrases):
                found.append(Phrases(phrases))
        start = max(end, start + 1)
    return found


_GAPS = re.compile(" {2,}")


def _collapsed(spelled: str) -> str:
    """Runs of gaps as one space, as the words of a text have them."""
    return _GAPS.sub(" ", spelled)


def _is_phrase(string: str) -> bool:
    """Two words or more with a space at an end at least: one `Needs` looks for among the
    words, where a phrase alone, as a substring, would miss "seats\\nleft"."""
    return _is_word(string) and " " in string.strip(" ")


def _longest_run(items: list[tuple[Any, Any]], start: int) -> tuple[int, set[str]]:
    """Where the run of `items` from `start` that `_spelled` can write out ends, and its
    strings: it ends at an item that cannot be spelled or past `MAX_STRINGS` strings."""
    spelled, end = {""}, start
    for op, value in items[start:]:
        more = _spelled_item(op, value)
        if more is None or len(spelled) * len(more) > MAX_STRINGS:
            break
        spelled, end = {_collapsed(a + b) for a in spelled for b in more}, end + 1
    return end, spelled


def _spelled(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Every string `items` can match, lowered, each run of characters no word holds
    written as one space (a gap); None when there are more than `MAX_STRINGS` or the items
    match anything else (a class of letters, a repeated word, `.`)."""
    end, spelled = _longest_run(items, 0)
    return spelled if end == len(items) else None


def _zero_width(op: Any) -> bool:
    return op in _ZERO_WIDTH or op is _c.AT


def _spelled_item(op: Any, value: Any) -> set[str] | None:
    """`_spelled` of one item: {""} for an anchor or a lookaround, which match no characters;
    {" "} for characters no word holds (a run of them, too); None for what cannot be spelled."""
    if _zero_width(op):
        return {""}
    if op is _c.LITERAL:
        if _separates(op, value):
            return {" "}
        char = chr(value)  # (a letter beyond ASCII that folds to an ASCII one: not spelled)
        return {char.lower()} if char.isascii() else None
    if op is _c.IN:
        return {" "} if _separates(op, value) else None
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, pattern = value
        return None if add_flags or del_flags else _spelled(list(pattern))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _spelled(list(value))
    if op is _c.BRANCH:
        spelled: set[str] = set()
        for branch in value[1]:
            more = _spelled(list(branch))
            if more is None or len(spelled | more) > MAX_STRINGS:
                return None
            spelled |= more
        return spelled
    if op in _REPEATS:
        low, high, pattern = value
        once = _spelled(list(pattern))
        if once is None:
            return None
        if once == {" "}:  # a run of gaps is one gap
            return {" ", ""} if low == 0 else {" "}
        if high == 1:
            return once | {""} if low == 0 else once
    return None
