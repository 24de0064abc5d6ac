"""`words_of`: the fast path for plain ASCII reads exactly the words the pattern reads."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from assistant.checks.signals import _TOKEN, words_of


def _by_pattern(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text.lower()))


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_plain_ascii_gives_the_patterns_words(text: str) -> None:
    assert words_of(text) == _by_pattern(text)


def test_every_ascii_character_splits_or_joins_as_the_pattern_says() -> None:
    everything = "".join(chr(c) for c in range(128))
    for char in everything:
        text = f"Act{char}Now 2X{char}faster"
        assert words_of(text) == _by_pattern(text), repr(char)
    assert words_of("Don't BUY now") == {"don't", "buy", "now"}
    assert words_of(string.punctuation.replace("'", "") + "ok") == {"ok"}
