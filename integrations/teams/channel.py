"""Reports to a Teams channel through the bot: the summary card, details and chart in its thread.

Registered as the "teams-channel" report destination (`channel = "19:...@thread.tacv2"`, or
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
from assistant.reports.outcome import DeliveryStatus
from assistant.reports.store import feed_key, step_key

if TYPE_CHECKING:
    from redis import Redis

    from assistant.reports.model import Report
    from assistant.reports.store import ReportStore
    from integrations.teams.bot.connector import Connector

log = logging.getLogger(__name__)
KIND = "teams-channel"
# (dpi, palette colours), sharpest first: the first whose inline image fits the card limit
CHART_SIZES = ((80, 32), (80, 16), (60, 16), (45, 16))
MAX_CHART_CARD = 24 * 1024  # bytes; Teams refuses a bot's message above about 28 KB


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
            raise ConfigError("a \"teams-channel\" destination takes one key, channel = "
                              "\"19:...@thread.tacv2\" (got "
                              f"{', '.join(sorted(options)) or 'none'})", path=setup.workspace.path)
        return cls(channel, setup)

    def connector(self, redis: Redis) -> Connector:
        from integrations.teams.bot.connector import shared_connector

        return shared_connector(redis)

    def _redis(self, store: ReportStore | None) -> Redis:
        if store is not None:
            return store.client
        from assistant.connections import connect

        return connect(self.setup.settings, "the Teams bot's channels are known in Redis")

    def deliver(self, report: Report, *, store: ReportStore | None, scope: str) -> Delivery:
        """Summary card in the channel, one detail card per feed in its thread, then the chart."""
        from integrations.teams.bot.deps import card_message
        from integrations.teams.report_card import detail_card, report_card

        delivery = Delivery(KIND, self.channel, DeliveryStatus.SKIPPED)
        effects = store.effects() if store else None

        def post(step: str, content: dict[str, Any], summary: str, thread_of: str = "") -> str:
            def send() -> str:
                return connector.send(self.channel, card_message(inert_card(content), summary),
                                      thread_of=thread_of)

            if effects is None:
                sent, fresh = send(), True
            else:
                done = effects.once(step_key(scope, self.key, step), send)
                sent, fresh = done.value, done.fresh
            if fresh:
                delivery.steps.append(step)
                delivery.status = DeliveryStatus.POSTED
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
                    chart = _chart(report, title)
                    if chart is not None:
                        post("chart", chart, title, top)
                    else:
                        log.warning("the trend chart does not fit a Teams card: not posted")
        except Exception as exc:  # noqa: BLE001 (one channel failing must not stop the others)
            delivery.status = DeliveryStatus.FAILED
            delivery.error = _reason(exc)
            log.warning("report for Teams channel %s failed: %s", self.channel, delivery.error)
        return delivery


def inert_card(node: Any) -> Any:
    """The card with every text run made inert (`integrations.teams.bot.text.inert`): feed
    names, errors and findings quoting posts cannot mention anyone or carry HTML into a
    channel the bot posts to."""
    from integrations.teams.bot.text import inert

    if isinstance(node, list):
        return [inert_card(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: inert_card(value) for key, value in node.items()}
    if out.get("type") == "TextRun" and isinstance(out.get("text"), str):
        out["text"] = inert(out["text"])
    return out


def _chart(report: Report, title: str) -> dict[str, Any] | None:
    """The chart card at the sharpest size that fits one message, or None when even the
    smallest does not (a card Teams would refuse must not take the report down with it)."""
    from assistant.reports.chart import trend_png
    from integrations.teams.report_card import chart_card, payload_size

    for dpi, colors in CHART_SIZES:
        content = chart_card(title, _palette(trend_png(report, dpi=dpi), colors))
        if payload_size(content) <= MAX_CHART_CARD:
            return content
    return None


def _palette(png: bytes, colors: int) -> bytes:
    """The PNG with a small palette: a line chart loses nothing a reader sees, and the image
    shrinks about threefold (it travels inline, base64, inside the card)."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        small = image.convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _reason(exc: Exception) -> str:
    from assistant.errors import AssistantError

    if isinstance(exc, AssistantError):
        return str(exc)
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if status is not None:
        return f"the Bot Connector answered {status}"
    return f"{type(exc).__name__}: {exc}"[:300]


register(KIND, TeamsChannel.from_config)
