"""Report destinations: the `destinations` lists, the shorthands, the fallback per kind, and
a destination kind nobody provides. Real Redis, a fake Slack Web API, a fake Teams webhook."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import integrations.slack.destination
import integrations.teams.destination  # noqa: F401 (the kinds a deployment registers)
from assistant.config import load_workspace
from assistant.reports.run import run_report
from assistant.settings import Settings
from tests.fakes.teams_webhook import fake_teams_webhook
from tests.reports.fake_slack import StallingFakeSlack

DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 23, 0, tzinfo=UTC)


def workspace(tmp_path: Path, realdata: Path, feeds_and_reports: str) -> object:
    path = tmp_path / "assistant.toml"
    path.write_text(f"""
[agency]
name = "Bright Pixel"

[[feeds]]
name = "Client blog"
source = "{realdata / 'rss' / 'TypePadNews.xml'}"
{feeds_and_reports}
""")
    return load_workspace(path)


def settings(slack: StallingFakeSlack, redis_url: str) -> Settings:
    return Settings(slack_bot_token="xoxb-test", slack_api_url=slack.api_url, redis_url=redis_url)


def test_a_feeds_destination_list_reaches_slack_and_teams(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    config = workspace(tmp_path, realdata, """destinations = [
  { kind = "slack", channel = "CBLOG" },
  { kind = "teams-webhook", webhook = "env:TEAMS_BLOG" },
]
""")
    with fake_teams_webhook() as teams:
        result = run_report(settings(slack, redis_url), config, date=DAY, now=NOW,  # type: ignore[arg-type]
                            environ={"TEAMS_BLOG": teams.url}, use_llm=False)
    assert result.status == "posted", result.deliveries
    assert [(d.kind, d.target, d.status) for d in result.deliveries] == [
        ("slack", "CBLOG", "posted"), ("teams", "env:TEAMS_BLOG", "posted")]
    assert len(slack.posts("CBLOG")) == 1 + 1, "the summary and the feed's detail"
    assert len(teams.cards) == 1 and "Client blog" in json.dumps(teams.cards[0])


def test_a_feed_falls_back_to_the_reports_destinations_of_kinds_it_does_not_name(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    config = workspace(tmp_path, realdata, """slack_channel = "CBLOG"

[reports]
destinations = [{ kind = "slack", channel = "CREPORTS" }]
teams_webhook = "env:TEAMS_REPORTS"
""")
    with fake_teams_webhook() as teams:
        result = run_report(settings(slack, redis_url), config, date=DAY, now=NOW,  # type: ignore[arg-type]
                            environ={"TEAMS_REPORTS": teams.url}, use_llm=False)
    assert result.status == "posted", result.deliveries
    assert slack.posts("CBLOG") and not slack.posts("CREPORTS"), \
        "its own Slack channel replaces the report's"
    assert len(teams.cards) == 1, "no Teams destination of its own: the report's"


def test_an_unknown_destination_kind_fails_alone_and_names_the_kinds(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    config = workspace(tmp_path, realdata, """destinations = [
  { kind = "slak", channel = "CBLOG" },
  { kind = "slack", channel = "CBLOG" },
]
""")
    result = run_report(settings(slack, redis_url), config, date=DAY, now=NOW,  # type: ignore[arg-type]
                        use_llm=False)
    assert result.status == "partial", "the scheduler must run it again"
    failed = [d for d in result.deliveries if d.status == "failed"]
    assert len(failed) == 1 and failed[0].error is not None
    assert "'slak'" in failed[0].error and "did you mean 'slack'" in failed[0].error
    assert slack.posts("CBLOG"), "the good destination is still posted"


def test_a_destination_missing_its_key_says_what_it_takes(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    config = workspace(tmp_path, realdata, """destinations = [{ kind = "teams-webhook", url = "x" }]
""")
    result = run_report(settings(slack, redis_url), config, date=DAY, now=NOW,  # type: ignore[arg-type]
                        use_llm=False)
    (delivery,) = result.deliveries
    assert delivery.status == "failed" and delivery.error is not None
    assert "webhook = \"env:NAME\"" in delivery.error and "x" not in delivery.target


def test_a_missing_token_or_webhook_variable_fails_its_destination_in_plain_words(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    config = workspace(tmp_path, realdata, """destinations = [
  { kind = "slack", channel = "CBLOG" },
  { kind = "teams-webhook", webhook = "env:TEAMS_BLOG" },
]
""")
    no_token = Settings(slack_bot_token=None, slack_api_url=slack.api_url, redis_url=redis_url)
    result = run_report(no_token, config, date=DAY, now=NOW, environ={},  # type: ignore[arg-type]
                        use_llm=False)
    assert result.status == "partial" and not result.ok
    assert [(d.kind, d.target, d.status, d.error) for d in result.deliveries] == [
        ("slack", "CBLOG", "failed", "SLACK_BOT_TOKEN is not set"),
        ("teams", "env:TEAMS_BLOG", "failed", "environment variable TEAMS_BLOG is not set")]
    assert not slack.posts("CBLOG")


def test_a_feed_name_with_slack_markup_notifies_nobody(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    """The messages' fallback text is what notifications show: escaped like the blocks, so a
    feed named "<!channel>" pings no one."""
    path = tmp_path / "assistant.toml"
    path.write_text(f"""
[[feeds]]
name = "<!channel> & <@U0BOSS> blog"
source = "{realdata / 'rss' / 'TypePadNews.xml'}"
slack_channel = "CBLOG"
""")
    result = run_report(settings(slack, redis_url), load_workspace(path), date=DAY, now=NOW,  # type: ignore[arg-type]
                        use_llm=False)
    assert result.status == "posted", result.deliveries
    posted = slack.posts("CBLOG")
    assert len(posted) == 2
    for message in posted:
        sent = json.dumps({"text": message.body["text"], "blocks": message.body["blocks"]})
        assert "<!channel>" not in sent and "<@U0BOSS>" not in sent
    assert posted[1].body["text"].startswith("&lt;!channel&gt; &amp; &lt;@U0BOSS&gt; blog")
