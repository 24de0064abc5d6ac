"""The global shortcut "Submit a post for approval" (callback id `submit_for_approval`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from integrations.slack.deps import Deps

CALLBACK_ID = "submit_for_approval"


def register(app: App, deps: Deps) -> None:
    """Attach the approval shortcut."""
    from integrations.slack.listeners.actions.approvals import open_submit

    @app.shortcut(CALLBACK_ID)
    def submit_for_approval(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        open_submit(deps, client, body["trigger_id"], (body.get("user") or {}).get("id", ""))
