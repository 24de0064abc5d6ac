"""The prefilter in front of every rule pattern only ever rules out text the pattern cannot match."""

from __future__ import annotations

import importlib
import json
import pkgutil
from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import assistant.checks.rules
from assistant.checks.prefilter import needs
from assistant.checks.signals import Lazy, Phrases

CASE, VERBOSE = regex.IGNORECASE, regex.VERBOSE


@pytest.mark.parametrize(
    ("source", "flags", "strings"),
    [
        (r"\b(?:act|buy)\s+now\b", CASE, ("now",)),
        (r"\blimited[-\s]time\b|\bhurry\b", CASE, ("limited", "hurry")),
        (r"\bBook\s+a\s+CALL\b", CASE, ("book", "call")),  # either word: the longest kept
        (r"\bBook\s+a\s+CALL\b", 0, ("Book", "CALL")),
        (r"(?:please\s+)?share\b", CASE | VERBOSE, ("share",)),
        (r"""\b(?:a | an)\s+offer   # a comment
             \b""", CASE | VERBOSE, ("offer",)),
    ],
)
def test_what_a_pattern_needs(source: str, flags: int, strings: tuple[str, ...]) -> None:
    found = needs(source, flags)
    assert found is not None
    assert set(found.strings) <= set(strings) and found.strings


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"\d+\s*\w", 0),  # classes only
        (r"(?:now)?\s+", 0),  # optional
        (r"\bnow\b|\s+", 0),  # one branch needs nothing
        (r"\p{Extended_Pictographic}\s*now", 0),  # `regex` syntax Python's parser does not read
        (r"(?i:now)", 0),  # scoped flags
        (r"(?V1)now", 0),  # `regex`'s own inline flags
    ],
)
def test_no_prefilter_where_nothing_is_certain(source: str, flags: int) -> None:
    assert needs(source, flags) is None


def test_a_letter_beyond_ascii_is_never_needed_when_case_folds() -> None:
    """Under IGNORECASE "\u017f" (long s) matches "s": only the ASCII rest is needed."""
    found = needs("\u017fale", CASE)
    assert found is not None and found.strings == ("ale",)
    assert found.possible("SALE") and regex.search("\u017fale", "SALE", CASE)


def test_case_folded_prefilters_step_aside_for_text_beyond_ascii() -> None:
    found = needs(r"\bsale\b", CASE)
    assert found is not None and found.folded
    assert not found.possible("nothing here")
    assert found.possible("SALE today") and found.possible("\u017fale")  # non-ASCII: the engine decides
    assert regex.search(r"\bsale\b", "\u017fale", CASE)


def _patterns() -> list[Lazy]:
    """Every rule pattern: the module-level patterns and the phrase tables of each check module."""
    names = ["assistant.checks.signals", "assistant.checks.pitch", "assistant.checks.spread"]
    names += [f"assistant.checks.rules.{m.name}" for m in pkgutil.iter_modules(assistant.checks.rules.__path__)]
    found: dict[int, Lazy] = {}
    for name in names:
        for value in vars(importlib.import_module(name)).values():
            candidates = [value] if isinstance(value, Lazy) else []
            if isinstance(value, Phrases):
                candidates = list(value._patterns)
            if isinstance(value, tuple):
                candidates = [v for item in value if isinstance(item, tuple) for v in item if isinstance(v, Phrases)]
                candidates = [p for phrases in candidates for p in phrases._patterns]
            found.update((id(p), p) for p in candidates)
    return list(found.values())


@cache
def _texts() -> list[str]:
    folder = Path(__file__).resolve().parents[1] / "labelled"
    return [json.loads(line)["text"] for path in sorted(folder.glob("drafts_*.jsonl"))
            for line in path.read_text().splitlines() if line.strip()]


def test_no_draft_that_a_pattern_matches_is_ruled_out() -> None:
    patterns = _patterns()
    assert len(patterns) > 200
    filtered = [p for p in patterns if needs(p._source, p._flags) is not None]
    assert len(filtered) > len(patterns) // 2
    missed = [(p._source[:60], text[:60]) for p in filtered for text in _texts()
              if p.compiled.search(text) and p.search(text) is None]
    assert missed == []


_WORDS = st.sampled_from(["now", "NOW", "Book", "a", "call", "sale", "%", "20", "off", "rt", "please", "share",
                          "\u2019s", "don't", "limited", "time", "!", "\n", "https://x.example/a", "@sam", "#tag"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.sampled_from(range(400)))
def test_no_text_a_pattern_matches_is_ruled_out(words: list[str], which: int) -> None:
    patterns = _patterns()
    pattern = patterns[which % len(patterns)]
    for text in (" ".join(words), "".join(words)):
        if pattern.compiled.search(text):
            assert pattern.search(text) is not None, (pattern._source[:80], text)
