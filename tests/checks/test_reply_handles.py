"""Replies that open with handles: an imperative said to the people tagged is a call to them,
while a handle's own letters are no word of the post ("@zappos_shop" tells nobody to shop).

Kept out of `examples.py`, which also trains the speech model: these cases pin what the
patterns read at the handles, not what the model weighs.
"""

from __future__ import annotations

import pytest

from tests.checks.examples import p
from tests.checks.test_post_rules import findings

CALLS_TO_THE_TAGGED = [
    "@joe_b @ana_k shop the new prints here, DM me for sizes",
    "@joe_b,@ana_k: grab the new prints, link in bio",
]
# A customer's complaint to a brand whose handle ends in a buying verb: before the handle had
# to end at a space, comma or colon, "shop" and "buy" here were read as imperatives and, with
# the days left beside them, as a sales pitch.
HANDLES_ENDING_IN_A_VERB = [
    "@zappos_shop where is my parcel? 3 days left on the return window",
    "@bestbuy my order is late and there are only 2 days left to return the other one",
]


@pytest.mark.parametrize("text", CALLS_TO_THE_TAGGED)
def test_an_imperative_after_the_opening_handles_is_a_call_to_them(text: str) -> None:
    found = findings(p(text, kind="reply"))
    assert "sales-pitch" in found, text
    assert " … " in found["sales-pitch"].evidence  # the imperative and the ask, both quoted


@pytest.mark.parametrize("text", HANDLES_ENDING_IN_A_VERB)
def test_a_verb_at_the_end_of_a_handle_is_no_imperative(text: str) -> None:
    assert "sales-pitch" not in findings(p(text, kind="reply")), text
