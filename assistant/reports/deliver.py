"""Post a report to Slack channels and Teams webhooks, each step exactly once per day.

Every step (a channel's summary, each feed's reply, the chart, a Teams card) is an effect
(`assistant.effects`): its key is recorded before the post and confirmed after it, so a
rerun after a kill, a failed channel or a storm of 429s and 5xx skips what is done and
looks up (in Slack) what a dead run may have posted before posting it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from assistant.config import FeedConfig, WorkspaceConfig
from assistant.reports.model import Report
from assistant.reports.run import Delivery
from assistant.reports.store import ReportStore, feed_key, step_key
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.effects import Effects

log = logging.getLogger(__name__)


class SlackPoster(Protocol):
    """What delivery needs of Slack; the caller supplies it (the CLI entry point and the
    Slack worker wire in the Slack integration's report poster), so the core depends on
    no integration. Without `effects` (no Redis) it posts plainly; with them, once per key."""

    def post(self, effects: Effects | None, key: str, *, channel: str, thread_ts: str | None,
             **message: Any) -> tuple[str, bool]:
        """Post a message; (its ts, whether it was posted by this call)."""
        ...

    def upload(self, effects: Effects | None, key: str, *, channel: str, thread_ts: str,
               content: bytes, filename: str, title: str) -> bool:
        """Upload a file into a thread; whether it was uploaded by this call."""
        ...


# Settings -> poster; raises LookupError when Slack is not configured (no bot token)
SlackPosters = Callable[[Settings], SlackPoster]


def _no_slack(settings: Settings) -> SlackPoster:
    raise LookupError("no Slack poster was wired in (run it through `assistant report daily`)")


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
                store: ReportStore | None, environ: Mapping[str, str],
                slack_poster: SlackPosters = _no_slack) -> list[Delivery]:
    """Every target in turn; a failing target is recorded and does not stop the others."""
    slack, teams = routes(report, workspace)
    deliveries = [post_slack(settings, channel, report.subset(names), store=store,
                             slack_poster=slack_poster)
                  for channel, names in slack.items()]
    legacy = workspace.reports.teams_legacy
    for reference, names in teams.items():
        deliveries.append(post_teams(reference, report.subset(names), store=store,
                                     environ=environ, legacy=legacy))
    return deliveries


def post_slack(settings: Settings, channel: str, report: Report, *,
               store: ReportStore | None, scope: str | None = None,
               slack_poster: SlackPosters = _no_slack) -> Delivery:
    """Summary in the channel, one detail reply per feed in its thread, then the trend chart.

    `scope` names the steps' keys (default: the report's date, for the daily report; the
    on-demand report passes its request's id). Without a store (no Redis) it posts plainly.
    `slack_poster` makes the poster from the settings (see `SlackPoster`).
    """
    from assistant.render.slack_report import detail_blocks, summary_blocks

    delivery = Delivery("slack", channel, "skipped")
    day = report.day
    effects = store.effects() if store else None
    scope = scope or day.isoformat()

    def post(step: str, thread_ts: str | None, text: str, blocks: list[Any]) -> str:
        message = {"text": text, "blocks": blocks, "unfurl_links": False, "unfurl_media": False}
        ts, fresh = poster.post(effects, step_key(scope, f"slack:{channel}", step),
                                channel=channel, thread_ts=thread_ts, **message)
        if fresh:
            delivery.steps.append(step)
            delivery.status = "posted"
        return ts

    try:
        poster = slack_poster(settings)
        ts = post("summary", None, *summary_blocks(report))
        for line in report.feeds:
            post(f"detail:{feed_key(line.name)}", ts, *detail_blocks(line))
        if any(line.score is not None for line in report.feeds):
            from assistant.reports.chart import trend_png

            upload = {"channel": channel, "thread_ts": ts,
                      "filename": f"feed-health-{day.isoformat()}.png",
                      "title": f"Feed health, 30 days to {day.isoformat()}"}
            key = step_key(scope, f"slack:{channel}", "chart")
            # a chart already uploaded is not drawn again
            fresh = (effects is None or effects.value(key) is None) and poster.upload(
                effects, key, content=trend_png(report), **upload)
            if fresh:
                delivery.steps.append("chart")
                delivery.status = "posted"
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

    def send() -> str:
        url = resolve_secret(reference, environ)
        if legacy:
            from assistant.reports.teams_card import legacy_text

            post_legacy_card(url, report.title, legacy_text(report))
        else:
            from assistant.reports.teams_card import report_card

            post_card(url, report_card(report))
        return "posted"

    try:
        if store is None:
            send()
            fresh = True
        else:
            # a Workflows webhook cannot be asked what it received: a card whose post was
            # cut short by a crash is sent again (the window is a few milliseconds)
            fresh = store.effects().once(step_key(report.day.isoformat(), target, "card"),
                                         send).fresh
        if fresh:
            delivery.status = "posted"
            delivery.steps.append("card")
    except (TeamsError, LookupError, ValueError) as exc:
        delivery.status = "failed"
        delivery.error = str(exc)
        log.warning("report for Teams %s failed: %s", label, exc)
    return delivery
