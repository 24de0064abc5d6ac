"""View submissions: the "Review a draft" modal; the review arrives in a DM from the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.jobs import JobRequest
from assistant.models import PLATFORMS
from integrations.slack.deps import slack_reply

if TYPE_CHECKING:
    from slack_bolt import Ack, App

    from integrations.slack.deps import Deps


def register(app: App, deps: Deps) -> None:
    """Attach the view submission listeners."""
    from integrations.slack.listeners.views import approvals

    approvals.register(app, deps)

    @app.view("review_draft")
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        """Validate the draft in the modal (errors show inline), then queue its review."""
        values = view.get("state", {}).get("values", {})
        text = ((values.get("draft") or {}).get("text") or {}).get("value") or ""
        option = ((values.get("platform") or {}).get("platform") or {}).get("selected_option") or {}
        platform = option.get("value") if option.get("value") in PLATFORMS else "x"
        if not text.strip():
            ack(response_action="errors", errors={"draft": "Paste the draft you want reviewed."})
            return
        user = (body.get("user") or {}).get("id", "")
        # a user id as channel: the worker opens the DM (conversations.open) and posts there
        deps.enqueue(JobRequest(kind="review", text=text, platform=str(platform), surface="slack",
                                reply=slack_reply(user, team_id=(body.get("team") or {}).get("id", "")),
                                user=user, origin="modal"))
        ack()
