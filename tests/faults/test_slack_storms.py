"""Slack storms: 429s with Retry-After and 5xx (some after the message landed) are retried,
and each message lands exactly once. The real slack_sdk client talks to the fake Slack
Web API on loopback; the idempotency records live in a real Redis."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import redis as redis_lib
from slack_sdk.errors import SlackApiError

from assistant.effects import Effects
from integrations.slack.posting import post_once, web_client
from tests.fakes.slack_api import FakeSlack, dm_channel
from tests.faults.conftest import effect_keys


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    slack = FakeSlack().start()
    yield slack
    slack.stop()


@pytest.fixture
def effects(redis_url: str) -> Effects:
    return Effects(redis_lib.Redis.from_url(redis_url))


def test_a_429_storm_is_waited_out_as_slack_asks(fake: FakeSlack, effects: Effects) -> None:
    fake.storm("chat.postMessage", [(429, {"Retry-After": "1"})] * 3)
    client = web_client("xoxb-test", fake.api_url)
    started = time.monotonic()
    done = post_once(client, effects, "storm:429", channel="C1", text="hello")
    assert time.monotonic() - started >= 3.0, "each Retry-After: 1 was honoured"
    assert done.fresh and effect_keys(fake) == ["storm:429"]
    assert [c.status for c in fake.calls if c.method == "chat.postMessage"] == [429, 429, 429, 200]


def test_a_5xx_storm_where_the_post_landed_is_not_posted_again(fake: FakeSlack,
                                                                effects: Effects) -> None:
    # the first answer is a 500 although Slack kept the message; then 503s while we look
    fake.storm("chat.postMessage", [(500, {}, True)])
    fake.storm("conversations.history", [(503, {"Retry-After": "0"})])
    client = web_client("xoxb-test", fake.api_url)
    done = post_once(client, effects, "storm:landed", channel="C1", text="hello")
    assert effect_keys(fake) == ["storm:landed"], "found by its key, not posted twice"
    assert done.value == fake.landed()[0]["ts"]
    assert effects.value("storm:landed") == done.value


def test_a_5xx_storm_where_nothing_landed_posts_once_it_clears(fake: FakeSlack,
                                                               effects: Effects) -> None:
    fake.storm("chat.postMessage", [(500, {}), (503, {"Retry-After": "1"}), (502, {})])
    client = web_client("xoxb-test", fake.api_url)
    done = post_once(client, effects, "storm:5xx", channel="C1", text="hello")
    assert done.fresh and effect_keys(fake) == ["storm:5xx"]
    again = post_once(client, effects, "storm:5xx", channel="C1", text="hello")
    assert not again.fresh and again.value == done.value and len(fake.landed()) == 1


def test_a_storm_longer_than_the_retries_fails_and_the_next_attempt_reconciles(
        fake: FakeSlack, effects: Effects) -> None:
    fake.storm("chat.postMessage", [(500, {"Retry-After": "0"}, True)] + [(500, {"Retry-After": "0"})] * 4)
    fake.storm("conversations.history", [(500, {"Retry-After": "0"})] * 5)
    client = web_client("xoxb-test", fake.api_url)
    with pytest.raises(SlackApiError):
        post_once(client, effects, "storm:long", channel="C1", text="hello")
    assert effects.value("storm:long") is None, "left pending: it may have landed"
    # the job's retry (RQ) runs later, when Slack is back: it finds the landed message
    done = post_once(client, effects, "storm:long", channel="C1", text="hello")
    assert not done.fresh and effect_keys(fake) == ["storm:long"]


def test_a_refusal_is_not_retried(fake: FakeSlack, effects: Effects) -> None:
    fake.not_in_channel.add("C1")
    client = web_client("xoxb-test", fake.api_url)
    with pytest.raises(SlackApiError) as caught:
        post_once(client, effects, "refused", channel="C1", text="hello")
    assert caught.value.response["error"] == "not_in_channel"
    assert len(fake.of("chat.postMessage")) == 1


def test_a_dm_answer_that_landed_before_a_500_is_not_posted_again(fake: FakeSlack,
                                                                   effects: Effects) -> None:
    # a user id has no history to search: the post goes to the DM's own id, found again there
    fake.storm("chat.postMessage", [(500, {}, True)])
    client = web_client("xoxb-test", fake.api_url)
    done = post_once(client, effects, "storm:dm", channel="U0READER", text="your review")
    assert effect_keys(fake) == ["storm:dm"], "found in the DM by its key, not posted twice"
    assert [m["channel"] for m in fake.landed()] == [dm_channel("U0READER")]
    assert done.value == fake.landed()[0]["ts"] and not done.fresh
