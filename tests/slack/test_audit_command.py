"""`/review audit`: tracked feeds by name; chat-given sources cannot reach files or private hosts."""

from __future__ import annotations

import json

import pytest

from assistant.config import WorkspaceConfig
from tests.conftest import EXAMPLES
from tests.slack.conftest import SlackRig


@pytest.fixture
def tracked(rig: SlackRig) -> SlackRig:
    rig.workspace = WorkspaceConfig.model_validate({
        "agency": {"name": "Bright Pixel"},
        "feeds": [{"name": "Bright Pixel on X", "owner": "agency",
                   "source": str(EXAMPLES / "brightpixel_x.jsonl")}],
    })
    return rig


def test_audit_of_a_tracked_feed_posts_health_and_feeds_the_home_tab(tracked: SlackRig) -> None:
    ack = tracked.command("audit bright pixel on x").json()
    assert "Auditing" in ack["text"]
    tracked.work()
    top, *thread = tracked.posted()
    assert "Feed health for Bright Pixel on X" in top["text"]
    assert thread and all(t["thread_ts"] for t in thread)
    assert "Findings" in json.dumps(thread)
    from assistant.store import Store

    assert "Bright Pixel on X" in Store(tracked.redis).latest_health()


@pytest.mark.parametrize("source, why", [
    ("/etc/passwd", "not files"),
    ("rss:http://127.0.0.1:9/feed.xml", "not a public address"),
    ("https://10.1.2.3/export.jsonl", "not a public address"),
])
def test_chat_given_sources_cannot_read_files_or_private_hosts(
    rig: SlackRig, source: str, why: str
) -> None:
    rig.command(f"audit {source}")
    rig.work()
    (answer,) = rig.posted()
    assert "could not audit" in answer["text"] and why in answer["text"]
