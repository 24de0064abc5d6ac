"""Post a report to Slack channels and Teams webhooks, each step at most once per day."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from assistant.config import FeedConfig, WorkspaceConfig
from assistant.reports.model import Report
from assistant.reports.run import Delivery
from assistant.reports.store import ReportStore, feed_key
from assistant.settings import Settings

log = logging.getLogger(__name__)


def slack_channel(feed: FeedConfig | None, workspace: WorkspaceConfig) -> str | None:
    """The channel a feed's report goes to: its own `slack_channel`, else `[reports]`'s."""
    return (feed.slack_channel if feed else None) or workspace.reports.slack_channel


def feeds_for_channel(workspace: WorkspaceConfig, channel: str) -> list[FeedConfig]:
    """The tracked feeds whose report goes to `channel` (what `/review report` may show there)."""
    return [f for f in workspace.feeds if slack_channel(f, workspace) == channel]


def routes(report: Report, workspace: WorkspaceConfig) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Feed names per Slack channel and per Teams webhook reference.

    A feed goes to its own `slack_channel` / `teams_webhook` when it has one, else to the
    `[reports]` defaults; a feed with neither is only in the snapshots and the preview.
    """
    by_name = {f.name: f for f in workspace.feeds}
    slack: dict[str, set[str]] = {}
    teams: dict[str, set[str]] = {}
    for line in report.feeds:
        cfg = by_name.get(line.name)
        channel = slack_channel(cfg, workspace)
        webhook = (cfg.teams_webhook if cfg else None) or workspace.reports.teams_webhook
        if channel:
            slack.setdefault(channel, set()).add(line.name)
        if webhook:
            teams.setdefault(webhook, set()).add(line.name)
    return slack, teams


def deliver_all(settings: Settings, workspace: WorkspaceConfig, report: Report, *,
                store: ReportStore | None, environ: Mapping[str, str]) -> list[Delivery]:
    """Every target in turn; a failing target is recorded and does not stop the others."""
    slack, teams = routes(report, workspace)
    deliveries = [post_slack(settings, channel, report.subset(names), store=store)
                  for channel, names in slack.items()]
    legacy = workspace.reports.teams_legacy
    for reference, names in teams.items():
        deliveries.append(post_teams(reference, report.subset(names), store=store,
                                     environ=environ, legacy=legacy))
    return deliveries


def _slack_client(settings: Settings) -> Any:
    from slack_sdk import WebClient
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    if not token:
        raise LookupError("SLACK_BOT_TOKEN is not set")
    client = WebClient(token=token, base_url=settings.slack_api_url, timeout=30)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    return client


def post_slack(settings: Settings, channel: str, report: Report, *,
               store: ReportStore | None) -> Delivery:
    """Summary in the channel, one detail reply per feed in its thread, then the trend chart."""
    from assistant.render.slack_report import detail_blocks, summary_blocks

    delivery = Delivery("slack", channel, "skipped")
    day = report.day

    def done(step: str) -> str | None:
        return store.step(day, f"slack:{channel}", step) if store else None

    def record(step: str, value: str = "1") -> None:
        delivery.steps.append(step)
        delivery.status = "posted"
        if store:
            store.record_step(day, f"slack:{channel}", step, value)

    try:
        client = _slack_client(settings)
        ts = done("summary")
        if ts is None:
            text, blocks = summary_blocks(report)
            ts = client.chat_postMessage(channel=channel, text=text, blocks=blocks,
                                         unfurl_links=False, unfurl_media=False)["ts"]
            record("summary", ts)
        for line in report.feeds:
            step = f"detail:{feed_key(line.name)}"
            if done(step) is None:
                text, blocks = detail_blocks(line)
                client.chat_postMessage(channel=channel, thread_ts=ts, text=text, blocks=blocks,
                                        unfurl_links=False, unfurl_media=False)
                record(step)
        if done("chart") is None and any(line.score is not None for line in report.feeds):
            from assistant.reports.chart import trend_png

            client.files_upload_v2(channel=channel, thread_ts=ts, content=trend_png(report),
                                   filename=f"feed-health-{day.isoformat()}.png",
                                   title=f"Feed health, 30 days to {day.isoformat()}")
            record("chart")
    except Exception as exc:  # noqa: BLE001 (one channel failing must not stop the others)
        delivery.status = "failed"
        delivery.error = _slack_reason(exc)
        log.warning("report for Slack channel %s failed: %s", channel, delivery.error)
    return delivery


def _slack_reason(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if response is not None:
        error = response.get("error") if hasattr(response, "get") else None
        return f"Slack answered {error or getattr(response, 'status_code', 'an error')}"
    return f"{type(exc).__name__}: {exc}"[:300]


def post_teams(reference: str, report: Report, *, store: ReportStore | None,
               environ: Mapping[str, str], legacy: bool = False) -> Delivery:
    """The report card to one Workflows webhook (or a legacy MessageCard when asked)."""
    from integrations.teams.webhook import (
        TeamsError,
        post_card,
        post_legacy_card,
        redact,
        resolve_secret,
    )

    label = reference if reference.startswith("env:") else redact(reference)
    delivery = Delivery("teams-legacy" if legacy else "teams", label, "skipped")
    target = f"teams:{reference}"
    if store and store.step(report.day, target, "card"):
        return delivery
    try:
        url = resolve_secret(reference, environ)
        if legacy:
            from assistant.reports.teams_card import legacy_text

            post_legacy_card(url, report.title, legacy_text(report))
        else:
            from assistant.reports.teams_card import report_card

            post_card(url, report_card(report))
        delivery.status = "posted"
        delivery.steps.append("card")
        if store:
            store.record_step(report.day, target, "card")
    except (TeamsError, LookupError, ValueError) as exc:
        delivery.status = "failed"
        delivery.error = str(exc)
        log.warning("report for Teams %s failed: %s", label, exc)
    return delivery
