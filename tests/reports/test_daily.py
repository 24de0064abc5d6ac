"""The daily report end to end: real Redis, a fake Slack Web API, a fake Teams webhook."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import adaptive_cards
import jsonschema
import pytest
from slack_sdk.models.blocks import Block

from assistant.config import load_workspace
from assistant.reports.run import run_report as core_run_report
from assistant.reports.store import ReportStore
from assistant.settings import Settings
from assistant.sources.http import HttpClient
from tests.conftest import REPO, free_port
from tests.fakes.teams_webhook import fake_teams_webhook
from tests.reports.fake_slack import StallingFakeSlack

DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 23, 0, tzinfo=UTC)
SCHEMA = json.loads((Path(adaptive_cards.__file__).parent / "schemas" / "schema-1.4.json").read_text())


def run_report(*args: object, **kwargs: object) -> object:
    """The core as `assistant report daily` and the worker run it: with Slack and Teams
    destinations registered."""
    import integrations.slack.destination
    import integrations.teams.destination  # noqa: F401

    return core_run_report(*args, **kwargs)  # type: ignore[arg-type]


def config(tmp_path: Path, realdata: Path, *, broken: str) -> Path:
    text = f"""
[agency]
name = "Bright Pixel"
own_domains = ["brightpixel-agency.example"]

[[feeds]]
name = "Bright Pixel on X"
owner = "agency"
source = "{realdata / 'x_archive' / 'andreruffert_tweets.js'}"  # breaks link-only
slack_channel = "CAGENCY"

[[feeds]]
name = "Client blog"
owner = "client"
source = "{realdata / 'rss' / 'TypePadNews.xml'}"

[[feeds]]
name = "Broken feed"
owner = "client"
source = "{broken}"

[reports]
slack_channel = "CCLIENTS"
teams_webhook = "env:TEAMS_WEBHOOK_SOCIAL"
time_zone = "Europe/London"
"""
    path = tmp_path / "assistant.toml"
    path.write_text(text)
    return path


def settings(slack: StallingFakeSlack, redis_url: str) -> Settings:
    return Settings(slack_bot_token="xoxb-test", slack_api_url=slack.api_url, redis_url=redis_url)


def quick() -> HttpClient:
    return HttpClient(timeout=1.0, attempts=2, backoff=0.01, min_interval=0.0)


def validate_card(card: dict) -> None:
    jsonschema.validate({k: v for k, v in card.items() if k != "msteams"}, SCHEMA)


def test_daily_posts_every_target_once_and_reports_the_broken_feed(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    broken = f"rss:http://127.0.0.1:{free_port()}/feed.xml"
    workspace = load_workspace(config(tmp_path, realdata, broken=broken))
    with fake_teams_webhook() as teams:
        env = {"TEAMS_WEBHOOK_SOCIAL": teams.url}
        first = run_report(settings(slack, redis_url), workspace, date=DAY, now=NOW, environ=env,
                           http=quick(), use_llm=False)
        second = run_report(settings(slack, redis_url), workspace, date=DAY, now=NOW, environ=env,
                            http=quick(), use_llm=False)
    assert first.status == "posted", first.deliveries
    assert second.status == "already-posted"

    agency, clients = slack.posts("CAGENCY"), slack.posts("CCLIENTS")
    assert len(agency) == 1 + 1, "one summary and one thread reply for the one agency feed"
    assert len(clients) == 1 + 2
    summary = clients[0].body
    Block.parse_all(summary["blocks"])
    text = json.dumps(summary["blocks"])
    assert "Client blog" in text and "Broken feed" in text and "not fetched" in text
    assert "unreachable" in text, "the reason is in the report"
    assert all(c.body.get("thread_ts") == clients[0].body.get("thread_ts") or c.body.get("thread_ts")
               for c in clients[1:]), "details go in the thread"
    agency_text = json.dumps(agency[0].body["blocks"])
    assert "Practise what we preach" in agency_text
    assert len(slack.of("files.completeUploadExternal")) == 2, "one chart per channel"
    assert all(body.startswith(b"\x89PNG") for body in slack.uploads.values())

    assert len(teams.cards) == 1
    validate_card(teams.cards[0])
    assert "SECRET-SIGNATURE" not in json.dumps([d.target for d in first.deliveries])

    store = ReportStore(__import__("redis").Redis.from_url(redis_url))
    snap = store.snapshot("Bright Pixel on X", DAY)
    assert snap and snap["score"] == next(f.score for f in first.report.feeds
                                          if f.name == "Bright Pixel on X")
    assert store.snapshot("Broken feed", DAY)["error"]


def test_a_failed_channel_releases_the_day_and_the_retry_posts_only_what_is_missing(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    workspace = load_workspace(config(tmp_path, realdata, broken=str(tmp_path / "missing.jsonl")))
    workspace.reports.teams_webhook = None
    slack.not_in_channel.add("CCLIENTS")
    first = run_report(settings(slack, redis_url), workspace, date=DAY, now=NOW, use_llm=False)
    assert first.status == "partial"
    failed = [d for d in first.deliveries if d.status == "failed"]
    assert [d.target for d in failed] == ["CCLIENTS"] and "not_in_channel" in failed[0].error

    slack.not_in_channel.clear()
    second = run_report(settings(slack, redis_url), workspace, date=DAY, now=NOW, use_llm=False)
    assert second.status == "posted"
    assert len(slack.posts("CAGENCY")) == 2, "the channel that worked is not posted again"
    assert len(slack.posts("CCLIENTS")) == 3
    missing = json.dumps(slack.posts("CCLIENTS")[0].body["blocks"])
    assert "missing.jsonl" in missing


def test_change_since_yesterday_comes_from_yesterdays_snapshot(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    workspace = load_workspace(config(tmp_path, realdata, broken=str(tmp_path / "missing.jsonl")))
    workspace.reports.teams_webhook = None
    store = ReportStore(__import__("redis").Redis.from_url(redis_url))
    store.save_snapshot("Client blog", date(2026, 11, 24), {"score": 50})
    result = run_report(settings(slack, redis_url), workspace, date=DAY, now=NOW, post=False,
                        use_llm=False)
    blog = next(f for f in result.report.feeds if f.name == "Client blog")
    assert blog.previous == 50 and blog.change == blog.score - 50
    assert blog.trend[-2:] == [50, blog.score]
    assert slack.calls == [], "post=False posts nothing"


def test_killed_half_way_then_rerun_posts_each_channel_once(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    path = config(tmp_path, realdata, broken=str(tmp_path / "missing.jsonl"))
    text = path.read_text().replace('teams_webhook = "env:TEAMS_WEBHOOK_SOCIAL"\n', "")
    path.write_text(text)
    slack.stall_channels.add("CCLIENTS")  # CAGENCY is posted first, then the run hangs
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": slack.api_url,
           "REDIS_URL": redis_url, "PYTHONPATH": str(REPO)}
    env.pop("OPENAI_API_KEY", None)
    code = "from assistant.cli import run; run()"
    args = [sys.executable, "-c", code, "report", "daily", "--config", str(path), "--date", DAY.isoformat(),
            "--lease-seconds", "6", "--no-llm"]
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (
                slack.posts("CAGENCY") and len(slack.of("files.completeUploadExternal")) == 1):
            time.sleep(0.05)
        time.sleep(0.3)  # the run now hangs on CCLIENTS
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    assert len(slack.posts("CAGENCY")) == 2

    connection = __import__("redis").Redis.from_url(redis_url)
    store = ReportStore(connection)
    assert store.claim(DAY, 60) is None, "the dead run's lease still holds the day"
    assert not store.is_done(DAY)
    lease = connection.pttl(f"assistant:v1:report:{{day:{DAY.isoformat()}}}:claim")
    time.sleep(max(lease, 0) / 1000 + 0.05)
    slack.stall_channels.clear()
    rerun = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert len(slack.posts("CAGENCY")) == 2, "not posted again"
    assert len(slack.posts("CCLIENTS")) == 3
    assert len(slack.of("files.completeUploadExternal")) == 2
    again = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert "already posted" in again.stderr


def test_on_demand_report_posts_only_the_feeds_routed_to_the_asking_channel(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    workspace = load_workspace(config(tmp_path, realdata, broken=str(tmp_path / "missing.jsonl")))
    result = run_report(settings(slack, redis_url), workspace, date=DAY, now=NOW,
                        to={"kind": "slack", "channel": "CCLIENTS"}, use_llm=False)
    assert result.status == "posted"
    assert result.report is not None
    assert [f.name for f in result.report.feeds] == ["Broken feed", "Client blog"], "worst first"
    posted = slack.posts("CCLIENTS")
    assert len(posted) == 1 + 2 and not slack.posts("CAGENCY")
    assert "Bright Pixel on X" not in json.dumps([c.body for c in posted]), "another channel's feed"
    assert not ReportStore(__import__("redis").Redis.from_url(redis_url)).is_done(DAY)


def test_on_demand_report_in_a_channel_no_feed_reports_to_posts_nothing(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    workspace = load_workspace(config(tmp_path, realdata, broken=str(tmp_path / "missing.jsonl")))
    result = run_report(settings(slack, redis_url), workspace, date=DAY, now=NOW,
                        to={"kind": "slack", "channel": "CSHARED"}, use_llm=False)
    assert result.status == "not-posted" and result.report is None
    assert not slack.posts("CSHARED") and not slack.calls


def test_preview_prints_json_for_files_without_any_workspace(realdata: Path) -> None:
    from click.testing import CliRunner

    from assistant.reports.cli import report

    result = CliRunner().invoke(report, [
        "preview", str(realdata / "bluesky" / "benoist_getAuthorFeed.json"),
        str(realdata / "hootsuite" / "hbc_bsidesphilly_sponsors.csv"), "--owner", "agency",
        "--date", "2026-11-25", "--format", "json", "--no-llm"], env={"REDIS_URL": ""})
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # named as `assistant audit` names them: by the account their data shows, else the file
    assert sorted(f["name"] for f in data["feeds"]) == ["benoist.dev", "hbc_bsidesphilly_sponsors"]
    assert all(isinstance(f["score"], int) for f in data["feeds"])
    assert any(f["reminder"] for f in data["feeds"]), "agency feeds breaking rules get a reminder"


FEED_CRITIQUE = {
    "summary": "Mostly links out; few conversations.",
    "problems": [],
    "suggested_post": "What was the best reply you got this week? Ours is below.",
    "practise_what_you_preach": "",
}


def test_report_critiques_are_cached_like_the_chat_answers(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import SecretStr

    from tests.fakes.openai_server import FakeOpenAI, answer

    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    workspace = load_workspace(config(tmp_path, realdata, broken=str(tmp_path / "missing.jsonl")))
    with FakeOpenAI(default=answer(FEED_CRITIQUE)) as llm:
        with_llm = settings(slack, redis_url).model_copy(update={
            "openai_base_url": llm.url, "openai_api_key": SecretStr("sk-test"),
            "llm_model": "fake-model"})
        first = run_report(with_llm, workspace, date=DAY, now=NOW, post=False, http=quick())
        calls = llm.calls
        second = run_report(with_llm, workspace, date=DAY, now=NOW, post=False, http=quick())
    assert calls == 2, "one critique per fetched feed (the broken one has none)"
    assert llm.calls == calls, "the second run asked the model again instead of the cache"
    for result, cached in ((first, False), (second, True)):
        assert result.report is not None
        critiques = [f.audit.critique for f in result.report.feeds if f.audit]
        assert len(critiques) == 2
        assert all(c and c.available and c.cached is cached for c in critiques)


def test_the_core_imports_no_slack_integration() -> None:
    """Design rule: only the CLI entry point (assistant/cli.py) wires integrations in; report
    destinations are registered by the integrations themselves."""
    import ast

    offenders = []
    for path in sorted((REPO / "assistant").rglob("*.py")):
        if path == REPO / "assistant" / "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.relative_to(REPO)}:{node.lineno}" for n in names
                          if n.startswith("integrations.slack")]
    assert offenders == []
