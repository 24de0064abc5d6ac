"""`/review submit`: opens "Submit a post for approval" (registered before `/review` itself,
so bolt hands it only the `submit` sub-command and everything else to the review listener)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from integrations.slack.deps import Deps


def is_submit(body: dict[str, Any]) -> bool:
    """True for `/review submit` (any case, nothing after it)."""
    return (body.get("text") or "").strip().casefold() == "submit"


def register(app: App, deps: Deps) -> None:
    """Attach `/review submit` (must run before the `/review` listener is registered)."""
    from integrations.slack.listeners.actions.approvals import open_submit

    @app.command("/review", matchers=[is_submit])
    def submit(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
        ack()
        open_submit(deps, client, command["trigger_id"], command.get("user_id", ""),
                    command.get("channel_id", ""))
