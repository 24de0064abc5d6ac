"""Reports to a Slack channel: the summary, one detail reply per feed in its thread, the chart.

Registered as the "slack" report destination (`channel = "C123"`, or the `slack_channel`
shorthand). Posts go through `integrations.slack.report_poster`, once per step key, and
a step left unconfirmed by a killed run is looked up in Slack before it is posted again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError, ConfigError
from assistant.reports.destinations import Delivery, Setup, register
from assistant.reports.outcome import DeliveryStatus
from assistant.reports.store import feed_key, step_key

if TYPE_CHECKING:
    from assistant.reports.model import Report
    from assistant.reports.store import ReportStore
    from integrations.slack.report_poster import SlackReportPoster

log = logging.getLogger(__name__)
KIND = "slack"


class SlackChannel:
    """One Slack channel as a report destination (`assistant.reports.destinations`)."""

    def __init__(self, channel: str, setup: Setup) -> None:
        self.channel = channel
        self.setup = setup
        self.key = f"slack:{channel}"

    @classmethod
    def from_config(cls, options: dict[str, Any], setup: Setup) -> SlackChannel:
        channel = options.get("channel")
        unknown = set(options) - {"channel"}
        if not isinstance(channel, str) or not channel or unknown:
            raise ConfigError("a \"slack\" destination takes one key, channel = \"C...\" "
                              f"(got {', '.join(sorted(options)) or 'none'})",
                              path=setup.workspace.path)
        return cls(channel, setup)

    def poster(self) -> SlackReportPoster:
        from integrations.slack.report_poster import SlackReportPoster

        return SlackReportPoster.from_settings(self.setup.settings)

    def deliver(self, report: Report, *, store: ReportStore | None, scope: str) -> Delivery:
        """Summary in the channel, one detail reply per feed in its thread, then the chart.

        `scope` names the steps' keys (the report's date for the daily report; the
        on-demand report passes its request's id). Without a store (no Redis) it posts
        plainly."""
        from integrations.slack.render.blocks import message
        from integrations.slack.render.report import detail_blocks, summary_blocks

        channel = self.channel
        delivery = Delivery("slack", channel, DeliveryStatus.SKIPPED)
        day = report.day
        effects = store.effects() if store else None

        def post(step: str, thread_ts: str | None, text: str, blocks: list[Any]) -> str:
            # the fallback text escaped too: it is what notifications show
            ts, fresh = poster.post(effects, step_key(scope, self.key, step),
                                    channel=channel, thread_ts=thread_ts, **message(text, blocks))
            if fresh:
                delivery.steps.append(step)
                delivery.status = DeliveryStatus.POSTED
            return ts

        try:
            poster = self.poster()
            ts = post("summary", None, *summary_blocks(report))
            for line in report.feeds:
                post(f"detail:{feed_key(line.name)}", ts, *detail_blocks(line))
            if any(line.score is not None for line in report.feeds):
                from assistant.reports.chart import trend_png

                upload = {"channel": channel, "thread_ts": ts,
                          "filename": f"feed-health-{day.isoformat()}.png",
                          "title": f"Feed health, 30 days to {day.isoformat()}"}
                key = step_key(scope, self.key, "chart")
                # a chart already uploaded is not drawn again
                fresh = (effects is None or effects.value(key) is None) and poster.upload(
                    effects, key, content=trend_png(report), **upload)
                if fresh:
                    delivery.steps.append("chart")
                    delivery.status = DeliveryStatus.POSTED
        except Exception as exc:  # noqa: BLE001 (one channel failing must not stop the others)
            delivery.status = DeliveryStatus.FAILED
            delivery.error = _reason(exc)
            log.warning("report for Slack channel %s failed: %s", channel, delivery.error)
        return delivery


def _reason(exc: Exception) -> str:
    if isinstance(exc, AssistantError):  # written for a person already (a missing token)
        return str(exc)
    response = getattr(exc, "response", None)
    if response is not None:
        error = response.get("error") if hasattr(response, "get") else None
        return f"Slack answered {error or getattr(response, 'status_code', 'an error')}"
    return f"{type(exc).__name__}: {exc}"[:300]


register(KIND, SlackChannel.from_config)
