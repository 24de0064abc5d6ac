"""Shortcuts: the message shortcut "Review this post"."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from assistant.jobs import JobRequest
from integrations.slack.deps import slack_reply
from integrations.slack.text import from_message

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond
    from slack_sdk import WebClient

    from integrations.slack.deps import Deps

log = logging.getLogger("assistant.slack")
CALLBACK_ID = "review_message"
QUEUE_DOWN = ("Sorry, I can't take work right now (queue unavailable). "
              "Please try again in a minute.")


def register(app: App, deps: Deps) -> None:
    """Attach the shortcut listeners."""
    from integrations.slack.listeners.shortcuts import approvals

    approvals.register(app, deps)

    @app.shortcut(CALLBACK_ID)
    def review_message(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        """Review the message the shortcut was used on; the answer goes in its thread.

        The job is queued before the ack (a few milliseconds), so a web process killed
        right after acknowledging cannot lose the review. A message shortcut's ack carries
        no message, so when the queue is down the user is told privately afterwards (like
        `/review` does), never left waiting for nothing.
        """
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id", "")
        user = (body.get("user") or {}).get("id", "")
        ts = message.get("ts")
        try:
            deps.enqueue(JobRequest(
                kind="review",
                text=from_message(message.get("text", "")),
                surface="slack",
                reply=slack_reply(channel, thread_ts=message.get("thread_ts") or ts,
                                  team_id=(body.get("team") or {}).get("id", ""),
                                  response_url=body.get("response_url")),
                user=user,
                origin="shortcut",
            ))
        except Exception:  # the user must hear about it
            log.exception("cannot enqueue a shortcut review")
            ack()
            _tell(respond, client, body, channel, user)
            return
        ack()


def _tell(respond: Respond, client: WebClient, body: dict[str, Any], channel: str,
          user: str) -> None:
    """The queue-down notice, privately: via the response_url, else an ephemeral message."""
    try:
        if body.get("response_url"):
            respond(text=QUEUE_DOWN, response_type="ephemeral", replace_original=False)
        else:
            client.chat_postEphemeral(channel=channel, user=user, text=QUEUE_DOWN)
    except Exception:  # nothing else left to try
        log.exception("cannot tell %s that the queue is down", user)
