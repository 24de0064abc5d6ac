"""The daily report in a Teams channel through the bot: a proactive summary card, each feed's
details and the trend chart in its thread, once per day, over the real Teams SDK client, a
fake Bot Connector and a real Redis."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import redis as redis_lib

from assistant.config import load_workspace
from assistant.reports.run import run_report as core_run_report
from assistant.settings import Settings
from tests.conftest import EXAMPLES
from tests.teams.conftest import CHANNEL, TEAM, TENANT, _clean_env, texts
from tests.teams.fake_connector import FakeConnector

DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 23, 0, tzinfo=UTC)
NEVER_ADDED = "19:client-quiet@thread.tacv2"


def run_report(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
    """The core as `assistant report daily` runs it, with the Teams channel kind registered."""
    import integrations.teams.channel  # noqa: F401

    return core_run_report(*args, **kwargs)  # type: ignore[arg-type]


def added_to(redis_url: str, connector: FakeConnector, channel: str = CHANNEL) -> None:
    """The bot was added to the team: the channel's conversation reference is in Redis."""
    from integrations.teams.bot.refs import ConversationRef, ConversationRefs

    client = redis_lib.Redis.from_url(redis_url)
    ConversationRefs(client).save(ConversationRef(
        conversation_id=channel, service_url=connector.url, tenant_id=TENANT,
        bot_id="28:bot-app-id", conversation_type="channel", team_id=TEAM, name="reports"))
    client.close()


def workspace(tmp_path: Path, *, shorthand: bool = True) -> object:
    where = f'teams_channel = "{CHANNEL}"' if shorthand else \
        f'destinations = [{{ kind = "teams-channel", channel = "{CHANNEL}" }}]'
    path = tmp_path / "assistant.toml"
    path.write_text(f"""
[agency]
name = "Bright Pixel"

[[feeds]]
name = "Bright Pixel on X"
owner = "agency"
source = "{EXAMPLES / 'brightpixel_x.jsonl'}"
{where}

[[feeds]]
name = "Quiet Studio on X"
owner = "client"
source = "{EXAMPLES / 'quietstudio_x.jsonl'}"

[reports]
teams_channel = "{NEVER_ADDED}"
""")
    return load_workspace(path)


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)


@pytest.mark.parametrize("shorthand", [True, False], ids=["teams_channel", "destinations"])
def test_the_report_lands_in_the_channel_with_details_and_chart_in_its_thread(
        tmp_path: Path, redis_url: str, connector: FakeConnector, shorthand: bool) -> None:
    added_to(redis_url, connector)
    result = run_report(Settings(redis_url=redis_url), workspace(tmp_path, shorthand=shorthand),
                        date=DAY, now=NOW, environ={}, use_llm=False)

    summary, detail, chart = connector.sent()
    assert summary.conversation == CHANNEL  # a new post in the channel, not in a thread
    shown = " ".join(texts(summary.cards[0]))
    assert "Bright Pixel on X" in shown and "/100" in shown
    assert "Quiet Studio on X" not in shown  # that feed reports to another channel
    thread = f"{CHANNEL};messageid={summary.answered_id}"
    assert detail.conversation == thread and chart.conversation == thread
    assert "Bright Pixel on X" in " ".join(texts(detail.cards[0]))
    (image,) = [e for e in chart.cards[0]["body"] if e["type"] == "Image"]
    assert image["url"].startswith("data:image/png;base64,")
    assert base64.b64decode(image["url"].split(",", 1)[1]).startswith(b"\x89PNG")
    assert summary.body and summary.body["summary"].startswith("Feed health")

    ours = {d.target: d for d in result.deliveries}
    assert ours[CHANNEL].status == "posted"
    assert ours[CHANNEL].steps[0] == "summary" and ours[CHANNEL].steps[-1] == "chart"


def test_a_channel_the_bot_was_never_added_to_is_named_and_the_others_still_get_theirs(
        tmp_path: Path, redis_url: str, connector: FakeConnector) -> None:
    added_to(redis_url, connector)
    settings, config = Settings(redis_url=redis_url), workspace(tmp_path)

    first = run_report(settings, config, date=DAY, now=NOW, environ={}, use_llm=False)
    assert first.status == "partial"
    failed = {d.target: d for d in first.deliveries}[NEVER_ADDED]
    assert failed.status == "failed"
    assert failed.error and f"never added to channel '{NEVER_ADDED}'" in failed.error
    assert {c.conversation.split(";")[0] for c in connector.sent()} == {CHANNEL}
    posted = len(connector.sent())

    # the same day again (the scheduler retries a partial day): nothing posted twice
    again = run_report(settings, config, date=DAY, now=NOW, environ={}, use_llm=False)
    assert again.status == "partial" and len(connector.sent()) == posted

    # the bot is added to the client's channel: the next run posts only what was missing
    added_to(redis_url, connector, NEVER_ADDED)
    last = run_report(settings, config, date=DAY, now=NOW, environ={}, use_llm=False)
    assert last.status == "posted"
    new = connector.sent()[posted:]
    assert {c.conversation.split(";")[0] for c in new} == {NEVER_ADDED}
    assert len(new) == 3  # summary, one feed's details, the chart
    assert "Quiet Studio on X" in " ".join(texts(new[0].cards[0]))
    assert run_report(settings, config, date=DAY, now=NOW, environ={},
                      use_llm=False).status == "already-posted"
    assert len(connector.sent()) == posted + 3


def test_a_chart_of_twelve_jagged_trends_still_fits_one_card(
        redis_url: str, connector: FakeConnector) -> None:
    """Twelve feeds whose scores jump every day: the worst case for the inline image."""
    import io
    import random

    from PIL import Image

    from assistant.config import WorkspaceConfig
    from assistant.reports.destinations import Setup
    from assistant.reports.model import FeedLine, Report
    from assistant.reports.store import ReportStore
    from integrations.teams.channel import TeamsChannel

    added_to(redis_url, connector)
    jagged = random.Random(7)
    feeds = [FeedLine(name=f"Client number {i} on Bluesky", owner="client", score=60,
                      trend=[jagged.randint(20, 100) for _ in range(30)]) for i in range(12)]
    report = Report(agency="Bright Pixel", day=DAY, as_of=NOW, feeds=feeds)
    settings = Settings(redis_url=redis_url)
    setup = Setup(settings, {}, WorkspaceConfig())
    store = ReportStore(redis_lib.Redis.from_url(redis_url))
    delivery = TeamsChannel(CHANNEL, setup).deliver(report, store=store, scope="jagged")

    assert delivery.status == "posted" and delivery.steps[-1] == "chart"
    chart = connector.sent()[-1]  # the connector fixture fails the test on a card over 28 KB
    (image,) = [e for e in chart.cards[0]["body"] if e["type"] == "Image"]
    with Image.open(io.BytesIO(base64.b64decode(image["url"].split(",", 1)[1]))) as png:
        assert png.width >= 400  # still readable: 9 inches at 45 dpi or more


def test_feed_text_cannot_mention_anyone_or_carry_html_into_the_channel(
        redis_url: str, connector: FakeConnector) -> None:
    from assistant.config import WorkspaceConfig
    from assistant.reports.destinations import Setup
    from assistant.reports.model import FeedLine, Report
    from integrations.teams.channel import TeamsChannel

    added_to(redis_url, connector)
    hostile = "<at>General</at> <b>read</b> <img src=x onerror=alert(1)> this"
    report = Report(agency="Bright Pixel", day=DAY, as_of=NOW, feeds=[
        FeedLine(name="Client <at>Everyone</at>", owner="client", error=hostile)])
    setup = Setup(Settings(redis_url=redis_url), {}, WorkspaceConfig())
    assert TeamsChannel(CHANNEL, setup).deliver(report, store=None, scope="x").status == "posted"
    shown = " ".join(s for call in connector.sent() for card in call.cards for s in texts(card))
    assert "General" in shown and "Everyone" in shown  # the words stay, as words
    assert "<at" not in shown.lower() and "<b>" not in shown and "<img" not in shown
