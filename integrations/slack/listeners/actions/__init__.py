"""Block actions: the Home tab's "Review a draft" button opens the review modal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from integrations.slack.render.blocks import review_modal

if TYPE_CHECKING:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from integrations.slack.deps import Deps


def register(app: App, deps: Deps) -> None:
    """Attach the action listeners."""
    from integrations.slack.listeners.actions import approvals

    approvals.register(app, deps)

    @app.action("open_review_modal")
    def open_modal(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        """Open the modal at once: a trigger_id is only good for 3 seconds."""
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=review_modal())
