"""Where reports go: the destination interface, the registry of kinds, and the routing.

A destination is a small class in a chat platform's integration (a Slack channel, a
Teams Workflows webhook, a Teams channel) registered under its kind with `register`. The
config names destinations per feed and for the report (`destinations = [{kind = "slack",
channel = "C123"}]`); `slack_channel`, `teams_webhook` and `teams_channel` stay as
shorthands. A feed goes to its own destinations and, for each kind it names none of, to
the report's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from assistant.errors import ConfigError
from assistant.reports.outcome import DeliveryStatus

if TYPE_CHECKING:
    from assistant.config import FeedConfig, WorkspaceConfig
    from assistant.reports.model import Report
    from assistant.reports.store import ReportStore
    from assistant.settings import Settings


@dataclass
class Delivery:
    """What happened at one destination; `target` is a channel id or a redacted webhook."""

    kind: str
    target: str
    status: DeliveryStatus
    error: str | None = None
    steps: list[str] = field(default_factory=list)


class Destination(Protocol):
    """One place a report is posted to, each step once per `scope` (the day, or an
    on-demand request's id) when a store is given."""

    key: str  # stable identity, in effect keys: "slack:C123", "teams:env:WEBHOOK"

    def deliver(self, report: Report, *, store: ReportStore | None, scope: str) -> Delivery:
        """Post `report` (already cut to the feeds routed here); never raises for a
        platform's refusal: the failure is in the returned delivery."""
        ...


@dataclass(frozen=True)
class Setup:
    """What a destination is built with: the process settings, the environment (secret
    references such as `env:NAME` resolve against it) and the `[reports]` options."""

    settings: Settings
    environ: Mapping[str, str]
    workspace: WorkspaceConfig


# (the destination's own config keys, setup) -> destination; ConfigError for bad keys
Factory = Callable[[dict[str, Any], Setup], Destination]
_kinds: dict[str, Factory] = {}


def register(kind: str, factory: Factory) -> None:
    """Make `kind` deliverable (called by a chat platform's integration when loaded)."""
    _kinds[kind] = factory


def kinds() -> list[str]:
    """The destination kinds registered in this process."""
    return sorted(_kinds)


def build(spec: dict[str, Any], setup: Setup) -> Destination:
    """The destination a config entry describes; ConfigError for a kind nobody registered."""
    kind = spec.get("kind", "")
    factory = _kinds.get(kind)
    if factory is None:
        from assistant.errors import did_you_mean

        known = ", ".join(kinds()) or "none loaded"
        raise ConfigError(f"destination kind {kind!r}{did_you_mean(kind, _kinds)} is not "
                          f"available (kinds: {known})", path=setup.workspace.path)
    return factory({k: v for k, v in spec.items() if k != "kind"}, setup)


def _declared(destinations: list[Any], slack_channel: str | None, teams_webhook: str | None,
              legacy: bool, teams_channel: str | None = None) -> list[dict[str, Any]]:
    """Config entries as plain dicts, the shorthands included."""
    out = [{"kind": d.kind, **d.options()} for d in destinations]
    if slack_channel:
        out.append({"kind": "slack", "channel": slack_channel})
    if teams_webhook:
        out.append({"kind": "teams-webhook", "webhook": teams_webhook, "legacy": legacy})
    if teams_channel:
        out.append({"kind": "teams-channel", "channel": teams_channel})
    return out


def report_destinations(workspace: WorkspaceConfig) -> list[dict[str, Any]]:
    """The `[reports]` destinations: where feeds go for the kinds they do not name."""
    reports = workspace.reports
    return _declared(reports.destinations, reports.slack_channel, reports.teams_webhook,
                     reports.teams_legacy, reports.teams_channel)


def feed_destinations(feed: FeedConfig | None, workspace: WorkspaceConfig) -> list[dict[str, Any]]:
    """Where one feed's report goes: its own destinations, then the report's of every kind
    it names none of. A feed with neither is only in the snapshots and the preview."""
    own = [] if feed is None else _declared(feed.destinations, feed.slack_channel,
                                            feed.teams_webhook, workspace.reports.teams_legacy,
                                            feed.teams_channel)
    named = {d["kind"] for d in own}
    return own + [d for d in report_destinations(workspace) if d["kind"] not in named]


def routes(report: Report, workspace: WorkspaceConfig) -> list[tuple[dict[str, Any], set[str]]]:
    """Each destination (as configured) with the names of the feeds routed to it; grouped
    by kind in the order kinds first appear in the config's feeds (not in the report's
    ranking, which changes by the day), so one platform's posts go out together."""
    by_name = {f.name: f for f in workspace.feeds}
    order = {name: n for n, name in enumerate(by_name)}
    grouped: dict[str, dict[str, tuple[dict[str, Any], set[str]]]] = {}
    for line in sorted(report.feeds, key=lambda line: order.get(line.name, len(order))):
        for spec in feed_destinations(by_name.get(line.name), workspace):
            same = json.dumps(spec, sort_keys=True, default=str)
            entry = grouped.setdefault(spec["kind"], {}).setdefault(same, (spec, set()))
            entry[1].add(line.name)
    return [entry for group in grouped.values() for entry in group.values()]


def feeds_routed_to(workspace: WorkspaceConfig, kind: str, **where: Any) -> list[FeedConfig]:
    """The tracked feeds whose report goes to the `kind` destination with these keys (e.g.
    `kind="slack", channel="C123"`): what an on-demand report asked there may show."""
    def matches(spec: dict[str, Any]) -> bool:
        return spec["kind"] == kind and all(spec.get(k) == v for k, v in where.items())

    return [f for f in workspace.feeds if any(matches(d) for d in feed_destinations(f, workspace))]
