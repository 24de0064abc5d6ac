"""The edge in front of bolt, as Slack and a user see it: the largest real payloads pass,
anything bigger is refused 413 before it is read, and bad headers never become a 500."""

from __future__ import annotations

import json
import time

from integrations.slack.edge import MAX_BODY_BYTES
from tests.fakes.slack_api import TEAM
from tests.slack.conftest import CHANNEL, USER, SlackRig, payload_body, signed_post

FORM = "application/x-www-form-urlencoded"


def _shortcut(text: str) -> dict:
    """A message shortcut on `text`, carried twice as Slack does (text and rich-text blocks)."""
    return {
        "type": "message_action", "callback_id": "review_message", "trigger_id": "1.2.3",
        "team": {"id": TEAM}, "channel": {"id": CHANNEL}, "user": {"id": USER},
        "message": {"type": "message", "text": text, "ts": "1700000000.000100",
                    "blocks": [{"type": "rich_text", "elements": [{"type": "rich_text_section",
                                "elements": [{"type": "text", "text": text}]}]}]},
    }


def test_a_shortcut_on_slacks_longest_message_is_accepted_and_reviewed(rig: SlackRig) -> None:
    # 40,000 characters is Slack's message limit; emoji are the worst case once JSON-escaped
    # and form-encoded (16 bytes each, twice).
    text = "\U0001f389" * 40_000
    body = payload_body(_shortcut(text))
    assert 1_200_000 < len(body.encode()) < MAX_BODY_BYTES
    reply = signed_post(rig.events_url, body, FORM)
    assert reply.status == 200
    deadline = time.monotonic() + 10
    while not rig.posted() and time.monotonic() < deadline:  # the shortcut enqueues after its ack
        rig.work()
        time.sleep(0.1)
    assert rig.posted(), "the review was not posted"


def test_a_body_over_the_limit_is_refused_413_even_when_signed(rig: SlackRig) -> None:
    from urllib.parse import urlsplit

    from tests.hostile.wire import Wire, send, signature
    from tests.slack.conftest import SECRET

    body = payload_body(_shortcut("x" * MAX_BODY_BYTES)).encode()
    stamp = str(int(time.time()))
    wire = Wire("too-large", body=body, headers=[
        ("Content-Type", FORM), ("X-Slack-Request-Timestamp", stamp),
        ("X-Slack-Signature", signature(SECRET, stamp, body))])
    address = urlsplit(rig.url)
    assert send(address.hostname, address.port, wire) == 413
    rig.work()
    assert rig.posted() == []


def test_a_timestamp_that_is_not_a_number_is_401_not_a_crash(rig: SlackRig) -> None:
    body = payload_body(_shortcut("hello"))
    for stamp in ("abc", "", "1e9", " 17", "-5"):
        reply = signed_post(rig.events_url, body, FORM,
                            headers={"X-Slack-Request-Timestamp": stamp})
        assert reply.status == 401, stamp


def test_a_future_timestamp_outside_the_window_is_refused(rig: SlackRig) -> None:
    body = payload_body(_shortcut("hello"))
    assert signed_post(rig.events_url, body, FORM, timestamp=int(time.time()) + 400).status == 401


def test_signed_malformed_bodies_are_400(rig: SlackRig) -> None:
    for body, content_type in (("{bad", "application/json"), ("payload={broken", FORM),
                               ("[1, 2]", "application/json"), ("payload=%5B%5D", FORM),
                               ("[" * 50_000, "application/json")):
        reply = signed_post(rig.events_url, body, content_type)
        assert reply.status == 400, body[:20]
        assert "error" in json.loads(reply.body)


def test_a_signed_payload_of_the_wrong_shape_is_400_and_nothing_is_posted(rig: SlackRig) -> None:
    reply = rig.interact({"type": "block_actions", "user": {"id": USER}, "actions": "approve"})
    assert reply.status == 400 and reply.seconds < 3
    rig.work()
    assert rig.posted() == []


def test_other_methods_get_405(rig: SlackRig) -> None:
    import urllib.error
    import urllib.request

    try:
        urllib.request.urlopen(rig.events_url, timeout=5)
    except urllib.error.HTTPError as exc:
        assert exc.code == 405
        assert exc.headers["Allow"] == "POST"
    else:
        raise AssertionError("GET /slack/events was answered 2xx")
