"""`/review report`: today's feed health report, on demand, in the channel that asked.

Only the feeds routed to the asking channel are posted there (a feed's `slack_channel`,
else `[reports].slack_channel`): a channel shared with one client never sees another's.
"""

from __future__ import annotations

import json

from assistant.config import WorkspaceConfig
from tests.conftest import EXAMPLES
from tests.slack.conftest import CHANNEL, SlackRig

OTHER = "C0OTHERCLIENT"


def workspace(reports_channel: str | None = None) -> WorkspaceConfig:
    return WorkspaceConfig.model_validate({
        "agency": {"name": "Bright Pixel", "own_domains": ["brightpixel-agency.example"]},
        "feeds": [
            {"name": "Bright Pixel on X", "owner": "agency", "slack_channel": CHANNEL,
             "source": str(EXAMPLES / "brightpixel_x.jsonl")},
            {"name": "Quiet Studio", "owner": "client", "slack_channel": OTHER,
             "source": str(EXAMPLES / "quietstudio_x.jsonl")},
            {"name": "Unrouted Studio", "owner": "client",
             "source": str(EXAMPLES / "quietstudio_x.jsonl")},
        ],
        "reports": {"slack_channel": reports_channel} if reports_channel else {},
    })


def test_report_posts_only_the_feeds_routed_to_the_asking_channel(rig: SlackRig) -> None:
    rig.workspace = workspace()
    ack = rig.command("report").json()
    assert ack["response_type"] == "ephemeral"
    assert "feed health report" in ack["text"]
    rig.work()
    posted = rig.posted()
    assert posted, "the report was not posted"
    assert all(p["channel"] == CHANNEL for p in posted)
    text = json.dumps(posted)
    assert "Bright Pixel on X" in text
    assert "Quiet Studio" not in text and "Unrouted Studio" not in text, "another client's feed"
    assert "practise what we preach" in text.lower()
    assert rig.fake.uploads, "the 30-day trend chart was not uploaded"


def test_feeds_without_a_channel_go_to_the_reports_channel(rig: SlackRig) -> None:
    rig.workspace = workspace(reports_channel=CHANNEL)
    rig.command("report")
    rig.work()
    text = json.dumps(rig.posted())
    assert "Bright Pixel on X" in text and "Unrouted Studio" in text
    assert "Quiet Studio" not in text


def test_report_in_a_channel_no_feed_reports_to_answers_privately(rig: SlackRig) -> None:
    rig.workspace = workspace()
    rig.command("report", channel="C0SHARED")
    rig.work()
    assert not rig.posted(), "nothing may be posted in a channel no feed reports to"
    (private,) = rig.posted("response_url")
    assert private["response_type"] == "ephemeral"
    assert "No tracked feed reports to this channel" in private["text"]


def test_report_without_tracked_feeds_says_how_to_add_them(rig: SlackRig) -> None:
    rig.command("report")
    rig.work()
    assert not rig.posted()
    (answer,) = rig.posted("response_url")
    assert answer["response_type"] == "ephemeral"
    assert "[[feeds]]" in answer["text"]
