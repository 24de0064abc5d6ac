"""Reports to a Teams Workflows webhook: one Adaptive Card (or a legacy MessageCard).

Registered as the "teams-webhook" report destination (`webhook = "env:NAME"` or a URL,
`legacy = true` for a retired Office 365 connector; `teams_webhook` is the shorthand).
The webhook's URL is a secret: outcomes show the `env:` reference or a redacted URL.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError, ConfigError
from assistant.reports.destinations import Delivery, Setup, register
from assistant.reports.outcome import DeliveryStatus
from assistant.reports.store import step_key

if TYPE_CHECKING:
    from assistant.reports.model import Report
    from assistant.reports.store import ReportStore

log = logging.getLogger(__name__)
KIND = "teams-webhook"


class TeamsWebhook:
    """One Workflows webhook as a report destination (`assistant.reports.destinations`)."""

    def __init__(self, reference: str, setup: Setup, *, legacy: bool = False) -> None:
        from integrations.teams.webhook import redact

        self.reference = reference
        self.setup = setup
        self.legacy = legacy
        self.key = f"teams:{reference}"
        self.label = reference if reference.startswith("env:") else redact(reference)

    @classmethod
    def from_config(cls, options: dict[str, Any], setup: Setup) -> TeamsWebhook:
        reference = options.get("webhook")
        legacy = options.get("legacy", False)
        unknown = set(options) - {"webhook", "legacy"}
        if not isinstance(reference, str) or not reference or unknown or not isinstance(legacy, bool):
            raise ConfigError("a \"teams-webhook\" destination takes webhook = \"env:NAME\" (or "
                              "a URL) and optionally legacy = true", path=setup.workspace.path)
        return cls(reference, setup, legacy=legacy)

    def deliver(self, report: Report, *, store: ReportStore | None, scope: str) -> Delivery:
        """The report card to the webhook, once per scope when a store is given."""
        from integrations.teams.webhook import post_card, post_legacy_card, resolve_secret

        delivery = Delivery("teams-legacy" if self.legacy else "teams", self.label, DeliveryStatus.SKIPPED)

        def send() -> str:
            url = resolve_secret(self.reference, self.setup.environ)
            if self.legacy:
                from integrations.teams.report_card import legacy_text

                post_legacy_card(url, report.title, legacy_text(report))
            else:
                from integrations.teams.report_card import report_card

                post_card(url, report_card(report))
            return "posted"

        try:
            if store is None:
                send()
                fresh = True
            else:
                # a Workflows webhook cannot be asked what it received: a card whose post was
                # cut short by a crash is sent again (the window is a few milliseconds)
                fresh = store.effects().once(step_key(scope, self.key, "card"), send).fresh
            if fresh:
                delivery.status = DeliveryStatus.POSTED
                delivery.steps.append("card")
        except AssistantError as exc:
            delivery.status = DeliveryStatus.FAILED
            delivery.error = str(exc)
            log.warning("report for Teams %s failed: %s", self.label, exc)
        return delivery


register(KIND, TeamsWebhook.from_config)
