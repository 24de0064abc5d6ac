"""The prefilter in front of every rule pattern only ever rules out text the pattern cannot match."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks.prefilter import (
    FOLDS_TO_ASCII,
    alternatives,
    needs,
    read_alternatives,
    split_alternatives,
)
from assistant.checks.signals import Lazy
from tests.checks.prefilter_table import patterns as rule_patterns

CASE, VERBOSE = regex.IGNORECASE, regex.VERBOSE


@pytest.mark.parametrize(
    ("source", "flags", "strings"),
    [
        (r"\b(?:act|buy)\s+now\b", CASE, (" now ",)),  # a word: a space for each edge
        (r"\blimited[-\s]time\b|\bhurry\b", CASE, (" limited ", " hurry ")),
        (r"\bBook\s+a\s+CALL\b", CASE, (" book ", " call ")),  # either word: the longest kept
        (r"\bBook\s+a\s+CALL\b", 0, ("Book", "CALL")),  # words only where case folds
        (r"(?:please\s+)?share\b", CASE | VERBOSE, ("share ",)),  # "reshare" may come first
        (r"""\b(?:a | an)\s+offer   # a comment
             \b""", CASE | VERBOSE, (" offer ",)),
        (r"\bcongrat\w*", CASE, (" congrat",)),  # the start of a word
        (r"(?<![\w@])now\b", CASE, ("now ",)),  # a lookbehind is no edge: it may look at "_"
        (r"@now\b", CASE, ("@now",)),  # a run with a mark in it stays a substring
        (" sign up ", CASE, (" sign up ",)),  # two words in a row, written with their spaces
        (r"\b(?:caf\u00e9)\b", CASE, (" caf ",)),  # "é" ends the word "caf", as `Needs` splits words
        (r"\bsale\b(?=[a-z])", CASE, (" sale ",)),
        (r"[$\u20ac\u00a3]\s?\d+", CASE, ("$", "\u20ac", "\u00a3")),  # a class of a few characters
    ],
)
def test_what_a_pattern_needs(source: str, flags: int, strings: tuple[str, ...]) -> None:
    found = needs(source, flags)
    assert found is not None
    assert set(found.clauses[0]) <= set(strings) and found.clauses[0]


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"\d+\s*\w", 0),  # classes only
        (r"(?:now)?\s+", 0),  # optional
        (r"\bnow\b|\s+", 0),  # one branch needs nothing
        (r"\p{Extended_Pictographic}\s*now", 0),  # `regex` syntax Python's parser does not read
        (r"(?i:now)", 0),  # scoped flags
        (r"(?V1)now", 0),  # `regex`'s own inline flags
        (r"(?:hello){e<=1}", 0),  # `regex`'s fuzzy matching: "helo" matches
        (r"sale{1, 2}", VERBOSE),  # a repeat to `regex`, literal braces to Python
        ("sale\u00a0now", VERBOSE),  # `regex` skips the no-break space, Python does not
        (r"[[a]sale", 0),  # Python warns of a nested set: the syntax is in doubt
    ],
)
def test_no_prefilter_where_nothing_is_certain(source: str, flags: int) -> None:
    assert needs(source, flags) is None


def test_a_letter_beyond_ascii_is_never_needed_when_case_folds() -> None:
    """Under IGNORECASE "\u017f" (long s) matches "s": only the ASCII rest is needed."""
    found = needs("\u017fale", CASE)
    assert found is not None and found.clauses == (("ale",),)
    assert found.possible("SALE") and regex.search("\u017fale", "SALE", CASE)


def test_case_folded_prefilters_read_text_beyond_ascii_as_the_engine_folds_it() -> None:
    found = needs(r"\bsale\b", CASE)
    assert found is not None and found.folded
    assert not found.possible("nothing here") and not found.possible("nothing here \u2615 caf\u00e9")
    assert found.possible("SALE today") and found.possible("\u017fale \u2615")  # long s: an s to `regex`
    assert regex.search(r"\bsale\b", "\u017fale", CASE)
    pink = needs(r"\bpink\b", CASE)
    assert pink is not None and pink.possible("P\u0130N\u212a \u2615")  # "İ" lowers to two characters
    assert regex.search(r"\bpink\b", "P\u0130N\u212a", CASE)


def test_the_characters_folded_to_ascii_are_every_one_the_engine_folds() -> None:
    """Every code point beyond ASCII that `regex` matches to an ASCII character without regard
    to case ("ı" to "I" but not "i"), worked out over all of Unicode and all of ASCII."""
    beyond = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    found: dict[str, set[str]] = {}
    for char in map(chr, range(128)):
        for m in regex.finditer(regex.escape(char), beyond, CASE):
            found.setdefault(m.group(), set()).add(char.lower())
    assert found == {c: {ascii_char} for c, ascii_char in FOLDS_TO_ASCII.items()}
    sign = needs(r"\bSIGN\s+up\b", CASE)
    assert sign is not None and sign.possible("s\u0131gn up") and regex.search(r"\bSIGN\s+up\b", "s\u0131gn up", CASE)


@cache
def _patterns() -> tuple[Lazy, ...]:
    """Every rule pattern the check modules made (`prefilter_table.patterns`), found once."""
    return tuple(rule_patterns())


@cache
def _texts() -> list[str]:
    folder = Path(__file__).resolve().parents[1] / "labelled"
    return [json.loads(line)["text"] for path in sorted(folder.glob("drafts_*.jsonl"))
            for line in path.read_text().splitlines() if line.strip()]


def test_every_match_in_the_drafts_holds_a_string_its_prefilter_needs() -> None:
    """Stronger than "the search still matches": each match the engine finds in a draft, on
    its own, in upper case and padded, holds a string of each set the prefilter asks for."""
    patterns = _patterns()
    assert len(patterns) > 250
    filtered = [(p, found) for p in patterns if (found := needs(p._source, p._flags)) is not None]
    assert len(filtered) > len(patterns) * 2 // 3
    missed = []
    for pattern, found in filtered:
        for text in _texts():
            for match in pattern.compiled.finditer(text):
                said = match.group(0)
                # and glued to what a word's edge might be taken for: "é", "_", "ſ", a digit
                for variant in (said, said.upper(), said.swapcase(), f" {said} ", text, f"\u00e9{said}\u00e9",
                                f"_{said}_", f"\u017f{said}9", f"{said}\u2019s", said.replace(" ", "\n")):
                    if not found.possible(variant) and pattern.compiled.search(variant):
                        missed.append((pattern._source[:60], variant[:60]))
    assert missed == []


_WORDS = st.sampled_from(["now", "NOW", "Book", "a", "call", "sale", "%", "20", "off", "rt", "please", "share",
                          "\u2019s", "don't", "limited", "time", "!", "\n", "https://x.example/a", "@sam", "#tag",
                          "caf\u00e9", "_", "\u017fale", "wholesale", "$", "\u00a3", "(", "\u2014", "SIGN", "up"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.sampled_from(range(400)))
def test_no_text_a_pattern_matches_is_ruled_out(words: list[str], which: int) -> None:
    patterns = _patterns()
    pattern = patterns[which % len(patterns)]
    for text in (" ".join(words), "".join(words)):
        if pattern.compiled.search(text):
            assert pattern.search(text) is not None, (pattern._source[:80], text)


def test_a_word_is_needed_whole_where_the_pattern_bounds_it() -> None:
    """"\\bsale\\b" rules out "wholesale" and "salesforce", which the substring let through,
    and still lets through every text the engine matches, whatever stands at the word's edges."""
    sale = needs(r"\bsale\b", CASE)
    assert sale is not None and sale.clauses == ((" sale ",),)
    assert not sale.possible("Wholesale pricing on Salesforce")
    in_a_row = needs(" sign up ", 0)  # two words in a row: looked for among the words, in order
    assert in_a_row is not None and in_a_row.possible("please sign up now") and not in_a_row.possible("sign upnow")
    for text in ("SALE!", "(sale)", "\u017fale", "a\nsale\n", "sale\u2019s on", "\u2615sale", "sale_", "caf\u00e9 sale"):
        assert sale.possible(text), text
    starts = needs(r"\bcongrat\w*", CASE)
    assert starts is not None and starts.possible("CONGRATULATIONS") and not starts.possible("recongrat")
    pitch = needs(r"\b(?:buy|order)\s+(?:now|today)\b", CASE)
    assert pitch is not None and not pitch.possible("Our buyer ordered nowhere near today's total")
    assert pitch.possible("ORDER\ttoday") and regex.search(r"\b(?:buy|order)\s+(?:now|today)\b", "ORDER\ttoday", CASE)


def test_a_word_edge_needs_a_character_no_word_holds() -> None:
    """Where the character at a word's edge may be a letter (a class with one, a lookbehind,
    an optional mark), the word is needed without that edge: "reshare" holds "share "."""
    for source, string in [(r"[a-z.]share\b", "share "), (r"(?<=\s)share\b", "share "),
                           (r"-?share\b", "share "), (r"(?:\s|x)share\b", "share "), (r"\Bshare\b", "share "),
                           (r"[.!?]share\b", " share "), (r"(?:\s+|^)share\b", " share "), (r"\Wshare\W", " share "),
                           (r"\b(?:share)+\b", "share"), (r"\b(?:share\s)+", " share ")]:  # "shareshare" matches
        found = needs(source, CASE)
        assert found is not None and string in found.clauses[0], (source, found.clauses)


def test_the_words_of_a_text_are_split_at_every_character_beyond_ascii() -> None:
    """`Needs` finds words by reading every byte other than a-z and 0-9 as a space, after the
    four letters `regex` folds to ASCII ones are written as them: sound only because no other
    character beyond ASCII lowers to anything holding a-z or 0-9."""
    beyond = (chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    lowered_to_ascii = [c for c in beyond if c not in FOLDS_TO_ASCII and re.search("[a-z0-9]", c.lower())]
    assert lowered_to_ascii == []


def test_the_characters_a_class_may_need_have_no_case() -> None:
    """A class of listed characters beyond ASCII is needed only where they are of the kinds
    `_CASELESS` names: none of them matches any other character when case is ignored."""
    import unicodedata

    from assistant.checks.prefilter import _CASELESS

    every = [chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    caseless = [c for c in every if unicodedata.category(c) in _CASELESS]
    assert len(caseless) > 1000
    anywhere = regex.compile("[" + "".join(map(regex.escape, caseless)) + "]", CASE)
    assert set(anywhere.findall("".join(every))) == set(caseless)  # no other character matches one
    together = "".join(caseless)
    assert all(regex.findall(regex.escape(c), together, CASE) == [c] for c in caseless)  # nor one another
    euro = needs("[$\u20ac\u00a3]\\d", CASE)
    assert euro is not None and euro.possible("\u20ac5") and not euro.possible("5 euros")
    assert needs("[$\u00e9]\\d", CASE) is None  # a letter beyond ASCII: "É" is one too


def test_the_shipped_table_is_what_the_patterns_give() -> None:
    """Every rule pattern's prefilter is shipped, worked out ahead (no start pays the
    parser): the table must be current. In its own process, so no other test's patterns count."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "tests.checks.prefilter_table", "--check"],
                          capture_output=True, text=True, check=False, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr


def test_a_pattern_not_in_the_table_is_read_when_first_used() -> None:
    from assistant.checks.prefilter import _table, key

    source = r"\bnot\s+a\s+rule\s+pattern\b"
    assert key(source, 0) not in _table()
    found = needs(source, 0)
    assert found is not None and set(found.clauses[0]) <= {"not", "rule", "pattern"}


def test_a_flag_regex_reads_differently_from_re_is_refused() -> None:
    """Rule modules name flags by `re` so they need not load `regex`: a flag whose value
    means something else to `regex` (re.ASCII is its V1) is refused where it is written,
    not compiled into a pattern that silently matches differently."""
    assert Lazy(r"\w+", re.IGNORECASE | re.VERBOSE).search("café") is not None
    with pytest.raises(ValueError, match="only re's I, M, S, X and U"):
        Lazy(r"\w+", re.ASCII)


def test_a_text_must_hold_a_string_of_each_set_a_pattern_needs() -> None:
    """"for" alone is in most posts: the prefilter asks for "dm" and a price word too."""
    found = needs(r"\bdm\s+(?:me|us)\s+for\s+(?:rates|prices)\b", CASE)
    assert found is not None and len(found.clauses) == 4  # three sets of words, then the phrases
    assert not found.possible("DM me for a chat") and not found.possible("rates for everyone")
    assert found.possible("DM us for RATES")


def test_a_long_text_holding_a_phrases_words_apart_is_ruled_out() -> None:
    """A blog entry holds most common words somewhere: the words of "seats left" apart let the
    engine walk the whole entry; the phrases, the words side by side, rule it out. The
    phrases are asked last, after the words they are made of."""
    found = needs(r"\b(?:seats?|spots?)\s+(?:left|remaining)\b", CASE)
    assert found is not None
    assert set(found.clauses[-1]) == {f" {a} {b} " for a in ("seat", "seats", "spot", "spots")
                                      for b in ("left", "remaining")}
    entry = "We left the venue early. " * 40 + "Book your seats for the next one in spring. " * 40
    assert not found.possible(entry)
    for text in ("Only 3 SEATS\nleft!", "seats \u2014 left", "spots, remaining", "(spot left)"):
        assert found.possible(text), text  # any characters no word holds between the words
    assert not found.possible("seatsleft") and not found.possible("seats are left")


@pytest.mark.parametrize(
    ("source", "flags", "phrases"),
    [
        (r"\bdon't\s+miss\b", CASE, {" don t miss "}),  # the apostrophe splits words, as in the text
        (r"\b(?:today|this\s+week(?:end)?)\s+only\b", CASE,
         {" today only ", " this week only ", " this weekend only "}),
        (r"(?<![\w@])act\s+now\b", CASE, {"act now "}),  # a lookbehind is no edge
        (r"\bcaf\u00e9\s+now\b", CASE, {" caf now "}),  # "é" splits words
        (r"\b(?:act|buy)\s+now\b", 0, None),  # only where case folds: the words are lowered
        (r"\bact\w*\s+now\b", CASE, None),  # a word's end unknown
        (r"act\s+now", CASE, None),  # no edge at either end: "react\nnow" is no substring
        (r"\bact\s+now\B", CASE, {" act now"}),  # "\B": no edge ("act nowadays")
        (r"^act\s+now$", CASE | regex.MULTILINE, {" act now "}),  # a line's ends are edges
        (r"(?:^|\s)act\s+now(?:\s|$)", CASE, {" act now "}),  # so are a run's own anchors
        (r"\bact\s+now\b|\bbuy\s+later\b", CASE, {" act now ", " buy later "}),  # each branch's
        (r"\b(?:only\s+)?act\s+now\b", CASE, {" act now ", " only act now "}),  # an optional word
        # 7 x 7 phrases are more than MAX_STRINGS: the run is cut where it would grow past, and
        # the next run's phrases are kept
        (r"\b(?:aa|bb|cc|dd|ee|ff|gg)\s+(?:aa|bb|cc|dd|ee|ff|gg)\b", CASE, None),
        (r"\b(?:aa|bb|cc|dd|ee|ff|gg)\s+(?:aa|bb|cc|dd|ee|ff|gg)\s+(?:xx|yy)\b", CASE,
         {f" {a * 2} {b * 2} " for a in "abcdefg" for b in "xy"}),
    ],
)
def test_the_phrases_a_pattern_spells(source: str, flags: int, phrases: set[str] | None) -> None:
    found = needs(source, flags)
    spelled = [set(c) for c in (found.clauses if found else ()) if any(" " in s.strip() for s in c)]
    assert spelled == ([phrases] if phrases else [])


@pytest.mark.parametrize(
    ("source", "verbose", "parts"),
    [
        (r"a|b(?:c|d)|e", False, ["a", "b(?:c|d)", "e"]),
        (r"a\|b|c", False, [r"a\|b", "c"]),  # an escaped bar is a character
        (r"[|]|x", False, ["[|]", "x"]),  # so is one in a class
        (r"[]|]|x", False, ["[]|]", "x"]),  # "]" first in a class is a member, not its end
        (r"[^]|]|x", False, ["[^]|]", "x"]),
        (r"[\]|]|x", False, [r"[\]|]", "x"]),
        ("a # one | two\n | b", True, ["a # one | two\n ", " b"]),  # a comment's bar, verbose
        ("a # one | two\n | b", False, ["a # one ", " two\n ", " b"]),
        ("[^]]|x", False, ["[^]]", "x"]),
    ],
)
def test_a_pattern_is_cut_at_its_top_level_bars_only(source: str, verbose: bool, parts: list[str]) -> None:
    assert split_alternatives(source, verbose) == parts


_MANY = "|".join(rf"\b{word}\s+now\b" for word in ("buy", "order", "shop", "grab", "get", "claim", "book", "join"))


def test_alternatives_are_searched_apart_only_where_that_is_the_same_search() -> None:
    parts = read_alternatives(_MANY, CASE)
    assert parts is not None and len(parts) == 8
    assert read_alternatives(r"\bbuy\s+now\b|\bact\s+now\b", CASE) is None  # too few to pay
    assert read_alternatives(_MANY.replace(r"\bjoin", r"\b(join)"), CASE) is None  # a group's number would change
    assert read_alternatives("(?i)" + _MANY, 0) is None  # inline flags: not read here at all
    assert read_alternatives(_MANY + "|(?#a comment | with a bar)", CASE) is None  # brackets not skipped


def test_a_verbose_comment_ending_in_a_backslash_gets_no_prefilter() -> None:
    """Python's parser carries such a comment on to the next line; `regex` ends it there."""
    source = "now # a comment \\\n|later"
    assert regex.search(source, "later", VERBOSE)
    assert needs(source, VERBOSE) is None and Lazy(source, VERBOSE).search("later") is not None


@cache
def _split_patterns() -> tuple[Lazy, ...]:
    split = tuple(p for p in _patterns() if alternatives(p._source, p._flags) is not None)
    assert len(split) >= 5  # the rule patterns of many alternatives
    return split


def test_a_pattern_searched_by_alternatives_finds_what_the_whole_pattern_finds() -> None:
    """The same match (span and text) or none, and the same anchored match, on every draft and
    on each draft cut at each of its matches (where another alternative may start first)."""
    differ = []
    searched_apart = 0  # (some texts must be, or this tests nothing)
    for pattern in _split_patterns():
        for text in _texts():
            variants = [text, text.upper()]
            variants += [text[m.start() + 1:] for m in pattern.compiled.finditer(text)]
            variants += [text[m.start():] for m in pattern.compiled.finditer(text)]
            for variant in variants:
                searched_apart += not pattern._ruled_out(variant) and pattern._possible_alternatives(variant) is not None
                whole, apart = pattern.compiled.search(variant), pattern.search(variant)
                if (whole and (whole.span(), whole.group(0))) != (apart and (apart.span(), apart.group(0))):
                    differ.append(("search", pattern._source[:60], variant[:60]))
                whole, apart = pattern.compiled.match(variant), pattern.match(variant)
                if (whole and whole.span()) != (apart and apart.span()):
                    differ.append(("match", pattern._source[:60], variant[:60]))
    assert differ == []
    assert searched_apart > 1000


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS | st.sampled_from(["our", "my", "new", "blog", "post", "is", "out", "we", "just",
                                          "published", "give", "us", "a", "share", "30%", "off", "sign"]),
                max_size=14), st.sampled_from(range(100)))
def test_alternatives_apart_match_the_whole_on_any_words(words: list[str], which: int) -> None:
    patterns = _split_patterns()
    pattern = patterns[which % len(patterns)]
    for text in (" ".join(words), "".join(words)):
        whole, apart = pattern.compiled.search(text), pattern.search(text)
        assert (whole and whole.span()) == (apart and apart.span()), (pattern._source[:80], text)


@cache
def _phrased_patterns() -> tuple[tuple[Lazy, re.Pattern[str]], ...]:
    """The rule patterns (and alternatives searched apart) whose prefilter ends with phrases,
    each as Python's `re` compiles it (where it can: a look-behind of several widths it
    refuses), for hypothesis to write texts it matches."""
    found = []
    for pattern in _patterns():
        for source in (pattern._source, *(alternatives(pattern._source, pattern._flags) or ())):
            needed = needs(source, pattern._flags)
            if needed and any(" " in s.strip() for s in needed.clauses[-1]):
                try:
                    python = re.compile(source, pattern._flags & (re.I | re.X | re.M | re.S))
                except re.error:
                    continue
                found.append((pattern if source == pattern._source else Lazy(source, pattern._flags), python))
    assert len(found) > 100  # most rule patterns spell phrases
    return tuple(found)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_no_text_a_pattern_with_phrases_matches_is_ruled_out(data: st.DataObject) -> None:
    """Texts written to match the pattern itself (hypothesis reads the pattern: any case, any
    white space or mark its classes allow, anything around the match): wherever the engine
    finds a match, the prefilter let the text through."""
    pattern, python = data.draw(st.sampled_from(_phrased_patterns()))
    text = data.draw(st.from_regex(python))
    if pattern.compiled.search(text):
        assert pattern.search(text) is not None, (pattern._source[:80], text)
