"""Deliver a report to every destination it is routed to, each step once per scope.

Every step a destination takes (a channel's summary, each feed's reply, the chart, a
card) is an effect (`assistant.effects`): its key is recorded before the post and
confirmed after it, so a rerun after a kill, a failed destination or a storm of 429s and
5xx skips what is done. A failing destination is recorded and does not stop the others.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from assistant.config import WorkspaceConfig
from assistant.errors import AssistantError
from assistant.reports.destinations import Delivery, Setup, build, routes
from assistant.reports.model import Report
from assistant.reports.outcome import DeliveryStatus
from assistant.reports.store import ReportStore
from assistant.settings import Settings

log = logging.getLogger(__name__)


def deliver_all(settings: Settings, workspace: WorkspaceConfig, report: Report, *,
                store: ReportStore | None, environ: Mapping[str, str]) -> list[Delivery]:
    """Every destination in turn, with the feeds routed to it."""
    setup = Setup(settings=settings, environ=environ, workspace=workspace)
    return [deliver_to(spec, report.subset(names), setup, store=store,
                       scope=report.day.isoformat())
            for spec, names in routes(report, workspace)]


def deliver_to(spec: dict[str, Any], report: Report, setup: Setup, *,
               store: ReportStore | None, scope: str) -> Delivery:
    """One destination; a destination that cannot be built (an unknown kind, a missing
    key) is a failed delivery naming why."""
    try:
        destination = build(spec, setup)
    except AssistantError as exc:
        log.warning("report destination %s failed: %s", spec.get("kind"), exc)
        return Delivery(str(spec.get("kind", "?")), _label(spec), DeliveryStatus.FAILED,
                        error=str(exc))
    return destination.deliver(report, store=store, scope=scope)


def _label(spec: dict[str, Any]) -> str:
    """A destination's kind for an outcome line: its keys may hold secrets, so none shown."""
    return str(spec.get("kind", "?"))
