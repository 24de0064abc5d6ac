"""`/review report`: today's feed health report, on demand, in the channel that asked."""

from __future__ import annotations

import json

from assistant.config import WorkspaceConfig
from tests.conftest import EXAMPLES
from tests.slack.conftest import CHANNEL, SlackRig


def test_report_is_acked_then_posted_in_the_asking_channel(rig: SlackRig) -> None:
    rig.workspace = WorkspaceConfig.model_validate({
        "agency": {"name": "Bright Pixel", "own_domains": ["brightpixel-agency.example"]},
        "feeds": [
            {"name": "Bright Pixel on X", "owner": "agency",
             "source": str(EXAMPLES / "brightpixel_x.jsonl")},
            {"name": "Quiet Studio", "owner": "client",
             "source": str(EXAMPLES / "quietstudio_x.jsonl")},
        ],
    })
    ack = rig.command("report").json()
    assert ack["response_type"] == "ephemeral"
    assert "feed health report" in ack["text"]
    rig.work()
    posted = rig.posted()
    assert posted, "the report was not posted"
    assert all(p["channel"] == CHANNEL for p in posted)
    text = json.dumps(posted)
    assert "Bright Pixel on X" in text and "Quiet Studio" in text
    assert "practise what we preach" in text.lower()
    assert rig.fake.uploads, "the 30-day trend chart was not uploaded"


def test_report_without_tracked_feeds_says_how_to_add_them(rig: SlackRig) -> None:
    rig.command("report")
    rig.work()
    (answer,) = rig.posted()
    assert answer["channel"] == CHANNEL
    assert "[[feeds]]" in answer["text"]
