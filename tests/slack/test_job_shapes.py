"""Requests queued by an older version (Slack fields at the top level) are still answered,
in the right thread; new requests carry the chat surface and a reply reference."""

from __future__ import annotations

from integrations.slack.deps import JOB
from tests.slack.conftest import CHANNEL, USER, SlackRig

THREAD = "1700000000.000100"


def test_a_job_queued_in_the_old_shape_is_answered_in_its_thread(rig: SlackRig) -> None:
    from assistant.jobs import enqueue_job

    old = {"id": "old-1", "kind": "review", "text": "Buy now!!! Link in bio, share it with everyone",
           "platform": "x", "channel": CHANNEL, "thread_ts": THREAD, "fetch_parent": False,
           "user": USER, "team_id": "T0TEAM", "response_url": None, "origin": "shortcut"}
    enqueue_job(rig.redis, JOB, old, "review queued before the upgrade", job_id="old-1")
    rig.work()
    posts = rig.posted()
    assert posts, "the old job was answered"
    assert all(p["channel"] == CHANNEL and p["thread_ts"] == THREAD for p in posts)
    assert "Draft review" in posts[0]["text"]


def test_a_command_queues_the_neutral_shape(rig: SlackRig) -> None:
    from assistant.jobs import queue

    rig.command("a short honest post about our week")
    (job,) = queue(rig.redis).get_jobs()
    payload = job.args[0]
    assert payload["surface"] == "slack"
    assert payload["reply"]["channel"] == CHANNEL and payload["reply"]["team_id"]
    assert not {"channel", "thread_ts", "response_url", "team_id"} & set(payload)
