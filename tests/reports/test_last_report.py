"""The change is since the last report, not since the calendar day before: an agency that
reports on weekdays only got "n/a" on every Monday (no snapshot on Sunday). Real Redis, the
fake Slack Web API and the fake Teams webhook; the report runs on Monday 30 November."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import redis

from assistant.config import load_workspace
from assistant.reports.store import ReportStore
from tests.fakes.teams_webhook import fake_teams_webhook
from tests.reports.fake_slack import StallingFakeSlack
from tests.reports.test_daily import config, run_report, settings

MONDAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
FRIDAY, SUNDAY = date(2026, 11, 27), date(2026, 11, 29)


@dataclass
class Posted:
    """What one Monday run showed: the report's JSON and each surface's words for a feed."""

    feeds: dict[str, dict]  # the report's JSON, per feed
    summary: str  # the Slack summary of the clients' channel
    details: list[str]  # its thread replies
    card: str  # the Teams webhook's card

    def slack_detail(self, feed: str) -> str:
        return next(d for d in self.details if feed in d)

    def teams_heading(self, feed: str) -> str:
        """The heading of `feed` on the Teams card: its score and change."""
        (heading,) = re.findall(rf'"({re.escape(feed)} \([^"]*)"', self.card)
        return heading

    def change(self, feed: str, *, old: int) -> str:
        """The signed change `feed` has against a score of `old`: "+3", "-5", "±0"."""
        change = self.feeds[feed]["score"] - old
        return "±0" if change == 0 else f"{change:+d}"


def monday(tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack,
           snapshots: dict[tuple[str, date], dict]) -> Posted:
    """Keep `snapshots` (feed and day: the snapshot), then post Monday's report."""
    store = ReportStore(redis.Redis.from_url(redis_url))
    for (feed, day), snap in snapshots.items():
        store.save_snapshot(feed, day, snap)
    workspace = load_workspace(config(tmp_path, realdata, broken=str(tmp_path / "gone.jsonl")))
    with fake_teams_webhook() as teams:
        result = run_report(settings(slack, redis_url), workspace, date=MONDAY, now=NOW,
                            environ={"TEAMS_WEBHOOK_SOCIAL": teams.url}, use_llm=False)
    assert result.status == "posted", result.deliveries
    (card,) = teams.cards
    summary, *details = [json.dumps(c.body["blocks"], ensure_ascii=False)
                         for c in slack.posts("CCLIENTS")]
    report = json.loads(result.report.model_dump_json())
    return Posted({f["name"]: f for f in report["feeds"]}, summary, details,
                  json.dumps(card, ensure_ascii=False))


def test_on_monday_the_change_is_since_fridays_report_and_says_which_day(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    posted = monday(tmp_path, realdata, redis_url, slack,
                    {("Client blog", FRIDAY): {"score": 50}})
    blog = posted.feeds["Client blog"]
    assert (blog["previous"], blog["previous_day"]) == (50, "2026-11-27")
    change = f"{posted.change('Client blog', old=50)} since Fri 27 Nov"
    assert f"({change})" in posted.summary
    assert "change is since the last report: yesterday's unless a day is named" in posted.summary
    assert f"({change})" in posted.slack_detail("Client blog")
    assert posted.teams_heading("Client blog").endswith(f"({change})")
    assert "n/a" not in posted.slack_detail("Client blog")


def test_a_last_report_more_than_a_week_old_gives_no_change(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    """A week is the bound: Monday a week ago still counts, the Sunday before it does not."""
    posted = monday(tmp_path, realdata, redis_url, slack, {
        ("Client blog", date(2026, 11, 22)): {"score": 50},
        ("Bright Pixel on X", date(2026, 11, 23)): {"score": 50}})
    blog, agency = posted.feeds["Client blog"], posted.feeds["Bright Pixel on X"]
    assert (blog["previous"], blog["previous_day"]) == (None, None)
    assert "(n/a: no score in the 7 days before)" in posted.slack_detail("Client blog")
    assert posted.teams_heading("Client blog").endswith("(n/a: no score in the 7 days before)")
    assert (agency["previous"], agency["previous_day"]) == (50, "2026-11-23")
    agency_summary = json.dumps(slack.posts("CAGENCY")[0].body["blocks"], ensure_ascii=False)
    assert f"({posted.change('Bright Pixel on X', old=50)} since Mon 23 Nov)" in agency_summary


def test_with_yesterdays_report_the_change_is_since_yesterday_as_before(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    """An on-demand report on Sunday kept a snapshot: Monday's change is since it, worded
    as it always was, and the JSON says which day it was."""
    posted = monday(tmp_path, realdata, redis_url, slack, {
        ("Client blog", FRIDAY): {"score": 40}, ("Client blog", SUNDAY): {"score": 50}})
    blog = posted.feeds["Client blog"]
    assert (blog["previous"], blog["previous_day"]) == (50, "2026-11-29")
    change = posted.change("Client blog", old=50)
    assert f"({change}) ·" in posted.summary and "since Fri" not in posted.summary
    assert "change is since yesterday's report" in posted.summary
    assert f"({change} since yesterday)" in posted.slack_detail("Client blog")
    assert posted.teams_heading("Client blog").endswith(f"({change} since yesterday)")


def test_a_feed_not_fetched_at_the_last_report_is_compared_with_its_last_score(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    """Sunday's run could not fetch it (no score kept): the change is since Friday's score,
    not "n/a"."""
    posted = monday(tmp_path, realdata, redis_url, slack, {
        ("Client blog", FRIDAY): {"score": 50},
        ("Client blog", SUNDAY): {"score": None, "error": "HTTP 503"}})
    blog = posted.feeds["Client blog"]
    assert (blog["previous"], blog["previous_day"]) == (50, "2026-11-27")
    change = f"({posted.change('Client blog', old=50)} since Fri 27 Nov)"
    assert posted.teams_heading("Client blog").endswith(change)


def test_a_feed_not_fetched_today_names_no_day_its_change_is_since(
        tmp_path: Path, realdata: Path, redis_url: str, slack: StallingFakeSlack) -> None:
    """The broken feed had a score on Friday, but today it shows only "not fetched": no change
    is dated, so the Slack footer still says the changes are since yesterday's report."""
    posted = monday(tmp_path, realdata, redis_url, slack, {
        ("Broken feed", FRIDAY): {"score": 40},
        ("Client blog", SUNDAY): {"score": 90}})
    assert posted.feeds["Broken feed"]["score"] is None
    assert "change is since yesterday's report" in posted.summary
    assert "unless a day is named" not in posted.summary
