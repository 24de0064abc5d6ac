"""X counting against twitter-text's own conformance cases (data/twitter_text/README.md).

Every case of the length and link sections runs: the v3 weighted-length cases (what X
counts today) must match exactly, length and validity; the link-extraction cases must
find exactly the links twitter-text finds, since each link counts 23. Two sections were
written for older rules, and their cases run with the difference stated.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.checks.length import x_valid, x_weighted_length
from assistant.checks.x_links import x_links

DATA = Path(__file__).parent / "data" / "twitter_text"
VALIDATE: dict[str, list[dict[str, Any]]] = json.loads((DATA / "validate.json").read_text())
EXTRACT: dict[str, list[dict[str, Any]]] = json.loads((DATA / "extract_urls.json").read_text())


def _cases(data: dict[str, list[dict[str, Any]]], *sections: str) -> list[Any]:
    return [pytest.param(case, id=f"{section}: {case['description']}")
            for section in sections for case in data[section]]


@pytest.mark.parametrize("case", _cases(VALIDATE, "WeightedTweetsWithDiscountedEmojiCounterTest",
                                        "UnicodeDirectionalMarkerCounterTest"))
def test_v3_weighted_length_and_validity(case: dict[str, Any]) -> None:
    expected = case["expected"]
    assert x_weighted_length(case["text"]) == expected["weightedLength"]
    assert x_valid(case["text"]) is expected["valid"]


# Config v2 weighed every code point of an emoji sequence; v3 (X today) weighs the sequence
# 2. The cases whose text has an emoji sequence are the v3 section's too, with v3 numbers.
V2_ONLY = {
    "Count a mix of single byte single word, and double word unicode characters": 7,
    "Count unicode emoji chars outside the basic multilingual plane with skin tone modifiers": 4,
}


@pytest.mark.parametrize("case", _cases(VALIDATE, "WeightedTweetsCounterTest"))
def test_v2_weighted_length_is_v3_except_emoji_sequences(case: dict[str, Any]) -> None:
    expected = V2_ONLY.get(case["description"], case["expected"]["weightedLength"])
    assert x_weighted_length(case["text"]) == expected
    assert x_valid(case["text"]) is case["expected"]["valid"]


# The `tweets` section checks the 140-character limit of before November 2017. Under it
# two 141-character posts were invalid; X accepts them today.
VALID_SINCE_280 = {"Invalid Tweet: 141 characters",
                   "Invalid Tweet: 141 characters (due to newline)"}


@pytest.mark.parametrize("case", _cases(VALIDATE, "tweets"))
def test_tweet_validity_with_the_280_limit(case: dict[str, Any]) -> None:
    expected = case["expected"] or case["description"] in VALID_SINCE_280
    assert x_valid(case["text"]) is expected
    if case["description"] in VALID_SINCE_280:
        assert 140 < x_weighted_length(case["text"]) <= 280


@pytest.mark.parametrize("case", _cases(EXTRACT, "urls", "tco_urls_with_params"))
def test_links_x_finds(case: dict[str, Any]) -> None:
    assert x_links(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases(EXTRACT, "urls_with_indices",
                                        "urls_with_directional_markers"))
def test_links_x_finds_with_their_places(case: dict[str, Any]) -> None:
    assert x_links(case["text"]) == [found["url"] for found in case["expected"]]
    # each link counts 23 wherever it stands: the text around it keeps its own weight
    text = case["text"]
    rest = text
    for found in reversed(case["expected"]):
        start, end = found["indices"]
        rest = rest[:start] + rest[end:]
    assert x_weighted_length(text) == x_weighted_length(rest) + 23 * len(case["expected"])
