"""The imperative "share this" is sought only where one of its first words stands: every
word that list names starts a request the imperative's pattern finds, so a word added to
one and not the other shows here."""

from __future__ import annotations

import pytest

from assistant.checks.spread import _ACTS, _HANDS_ON, _LEADS, spread_request

# What each act needs after it to be the act: "signal boost", "quote tweet".
_COMPLETED = {"signal": "signal boost", "quote": "quote tweet"}
_HANDED_ON = {"forward": "Forward this to a friend", "send": "Send this to a friend",
              "pass": "Pass it on to a friend", "get": "Get the word out there"}


@pytest.mark.parametrize("act", _ACTS.split())
def test_every_act_the_start_list_names_is_a_request(act: str) -> None:
    text = f"Big news from the studio today. {_COMPLETED.get(act, act).capitalize()} this!"
    assert spread_request(text) is not None


@pytest.mark.parametrize("lead", _LEADS.split())
def test_every_word_that_may_lead_the_act_leads_it(lead: str) -> None:
    assert spread_request(f"Big news from the studio today. {lead.capitalize()} share this!") is not None


@pytest.mark.parametrize("verb", _HANDS_ON.split())
def test_every_hand_on_verb_is_a_request(verb: str) -> None:
    assert spread_request(f"Big news from the studio today. {_HANDED_ON[verb]}.") is not None


def test_what_follows_can_make_the_act_talk() -> None:
    """The list finds where to look; the pattern still decides: "share your thoughts" asks
    for a conversation, not a share."""
    assert spread_request("Big news from the studio today. Share your thoughts below!") is None
