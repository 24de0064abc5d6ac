"""Reports to a Teams channel through the bot: the summary card, details and chart in its thread.

Registered as the "teams_channel" report destination (`channel = "19:...@thread.tacv2"`, or
the `teams_channel` shorthand on a feed or `[reports]`). The bot speaks there proactively
with the conversation reference it stored when it was added to the team; a channel it was
never added to is a failed delivery naming the channel (the other destinations still get
theirs). Every message is an effect keyed by the scope (the day), the channel and the
step, so a rerun or a retried job posts only what is missing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from assistant.errors import ConfigError
from assistant.reports.destinations import Delivery, Setup, register
from assistant.reports.store import feed_key, step_key

if TYPE_CHECKING:
    from redis import Redis

    from assistant.reports.model import Report
    from assistant.reports.store import ReportStore
    from integrations.teams.bot.connector import Connector

log = logging.getLogger(__name__)
KIND = "teams_channel"
CHART_DPIS = (60, 45, 35)  # the first whose inline image keeps the card under the limit
MAX_CHART_CARD = 24 * 1024


class TeamsChannel:
    """One Teams channel as a report destination (`assistant.reports.destinations`)."""

    def __init__(self, channel: str, setup: Setup) -> None:
        from integrations.teams.bot.refs import base_id

        self.channel = base_id(channel)
        self.setup = setup
        self.key = f"teams-channel:{self.channel}"

    @classmethod
    def from_config(cls, options: dict[str, Any], setup: Setup) -> TeamsChannel:
        channel = options.get("channel")
        if not isinstance(channel, str) or not channel or set(options) - {"channel"}:
            raise ConfigError("a \"teams_channel\" destination takes one key, channel = "
                              "\"19:...@thread.tacv2\" (got "
                              f"{', '.join(sorted(options)) or 'none'})", path=setup.workspace.path)
        return cls(channel, setup)

    def connector(self, redis: Redis) -> Connector:
        from integrations.teams.bot.connector import Connector
        from integrations.teams.bot.refs import ConversationRefs
        from integrations.teams.bot.settings import load_teams_settings

        return Connector(ConversationRefs(redis), load_teams_settings())

    def _redis(self, store: ReportStore | None) -> Redis:
        if store is not None:
            return store.client
        if not self.setup.settings.redis_url:
            raise ConfigError("REDIS_URL is not set: the Teams bot's channels are known in Redis")
        import redis as redis_lib

        return redis_lib.Redis.from_url(self.setup.settings.redis_url)

    def deliver(self, report: Report, *, store: ReportStore | None, scope: str) -> Delivery:
        """Summary card in the channel, one detail card per feed in its thread, then the chart."""
        from integrations.teams.bot.deps import card_message
        from integrations.teams.report_card import detail_card, report_card

        delivery = Delivery(KIND, self.channel, "skipped")
        effects = store.effects() if store else None

        def post(step: str, content: dict[str, Any], summary: str, thread_of: str = "") -> str:
            def send() -> str:
                return connector.send(self.channel, card_message(content, summary),
                                      thread_of=thread_of)

            if effects is None:
                sent, fresh = send(), True
            else:
                done = effects.once(step_key(scope, self.key, step), send)
                sent, fresh = done.value, done.fresh
            if fresh:
                delivery.steps.append(step)
                delivery.status = "posted"
            return sent

        try:
            connector = self.connector(self._redis(store))
            connector.refs.get(self.channel)  # unknown channel: say so before building cards
            top = post("summary", report_card(report), report.title)
            for line in report.feeds:
                post(f"detail:{feed_key(line.name)}", detail_card(line),
                     f"{report.title}: {line.name}", top)
            if any(line.score is not None for line in report.feeds):
                title = f"Feed health, 30 days to {report.day.isoformat()}"
                key = step_key(scope, self.key, "chart")
                if effects is None or effects.value(key) is None:  # drawn only when needed
                    post("chart", _chart(report, title), title, top)
        except Exception as exc:  # noqa: BLE001 (one channel failing must not stop the others)
            delivery.status = "failed"
            delivery.error = _reason(exc)
            log.warning("report for Teams channel %s failed: %s", self.channel, delivery.error)
        return delivery


def _chart(report: Report, title: str) -> dict[str, Any]:
    """The chart card at the largest resolution that fits one message."""
    from assistant.reports.chart import trend_png
    from integrations.teams.report_card import chart_card, payload_size

    for dpi in CHART_DPIS:
        content = chart_card(title, trend_png(report, dpi=dpi))
        if payload_size(content) <= MAX_CHART_CARD:
            return content
    return content


def _reason(exc: Exception) -> str:
    from assistant.errors import AssistantError

    if isinstance(exc, AssistantError):
        return str(exc)
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if status is not None:
        return f"the Bot Connector answered {status}"
    return f"{type(exc).__name__}: {exc}"[:300]


register(KIND, TeamsChannel.from_config)
