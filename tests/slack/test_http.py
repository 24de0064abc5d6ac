"""The HTTP surface: signatures, replay window, health check."""

from __future__ import annotations

import json
import time
import urllib.request

from tests.slack.conftest import CHANNEL, SlackRig, command_body, signed_post


def test_bad_signature_is_rejected_with_401_and_nothing_is_queued(rig: SlackRig) -> None:
    body = command_body("Check out our new blog post", rig.fake.response_url())
    reply = signed_post(rig.events_url, body, "application/x-www-form-urlencoded",
                        signature="v0=" + "0" * 64)
    assert reply.status == 401
    rig.work()
    assert rig.posted() == []


def test_wrong_secret_is_rejected_with_401(rig: SlackRig) -> None:
    body = command_body("Hello world, a draft", rig.fake.response_url())
    reply = signed_post(rig.events_url, body, "application/x-www-form-urlencoded", secret="not-it")
    assert reply.status == 401


def test_stale_timestamp_is_rejected_even_when_correctly_signed(rig: SlackRig) -> None:
    body = command_body("Hello world, a draft", rig.fake.response_url())
    reply = signed_post(rig.events_url, body, "application/x-www-form-urlencoded",
                        timestamp=int(time.time()) - 6 * 60)
    assert reply.status == 401


def test_healthz_reports_ok_when_redis_answers(rig: SlackRig) -> None:
    with urllib.request.urlopen(rig.url + "/healthz", timeout=5) as answer:
        assert answer.status == 200
        assert json.loads(answer.read()) == {"status": "ok"}


def test_unknown_path_is_404(rig: SlackRig) -> None:
    reply = signed_post(rig.url + "/nope", "x=1", "application/x-www-form-urlencoded")
    assert reply.status == 404
    assert CHANNEL not in reply.body
