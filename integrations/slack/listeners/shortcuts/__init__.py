"""Shortcuts: the message shortcut "Review this post"."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from assistant.jobs import JobRequest
from integrations.slack.text import from_message

if TYPE_CHECKING:
    from slack_bolt import Ack, App

    from integrations.slack.deps import Deps

log = logging.getLogger("assistant.slack")
CALLBACK_ID = "review_message"


def register(app: App, deps: Deps) -> None:
    """Attach the shortcut listeners."""
    from integrations.slack.listeners.shortcuts import approvals

    approvals.register(app, deps)

    @app.shortcut(CALLBACK_ID)
    def review_message(ack: Ack, body: dict[str, Any]) -> None:
        """Review the message the shortcut was used on; the answer goes in its thread."""
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id", "")
        ts = message.get("ts")
        try:
            deps.enqueue(JobRequest(
                kind="review",
                text=from_message(message.get("text", "")),
                channel=channel,
                thread_ts=message.get("thread_ts") or ts,
                user=(body.get("user") or {}).get("id", ""),
                team_id=(body.get("team") or {}).get("id", ""),
                response_url=body.get("response_url"),
                origin="shortcut",
            ))
        finally:
            ack()
