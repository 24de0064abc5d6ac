"""Events: app mentions ("@assistant review this") and the Home tab."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from assistant.jobs import JobRequest
from assistant.render import slack as render
from integrations.slack.text import from_message

if TYPE_CHECKING:
    from slack_bolt import App
    from slack_sdk import WebClient

    from integrations.slack.deps import Deps

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_REVIEW = re.compile(r"^\s*(?:please\s+)?review(?:\s+(?:this|that|it|please))?\s*[:,.!-]?\s*",
                     re.IGNORECASE)


def register(app: App, deps: Deps) -> None:
    """Attach the event listeners (retries are already dropped by the dedupe middleware)."""

    @app.event("app_mention")
    def mention(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        """In a thread: review its first message. At top level: review the text after "review"."""
        channel, ts = event.get("channel", ""), event.get("ts", "")
        if event.get("bot_id") or not deps.store.claim_message(channel, ts):
            return
        said = _MENTION.sub("", event.get("text", ""))
        match = _REVIEW.match(said)
        thread_ts = event.get("thread_ts")
        in_thread = bool(thread_ts and thread_ts != ts)
        draft = from_message(said[match.end():]).strip() if match else ""
        if match and (draft or in_thread):
            deps.enqueue(JobRequest(
                kind="review",
                text=draft,
                fetch_parent=not draft,
                channel=channel,
                thread_ts=thread_ts or ts,
                user=event.get("user", ""),
                team_id=body.get("team_id", ""),
                origin="mention",
            ))
            return
        help_msg = render.help_message()
        client.chat_postMessage(channel=channel, thread_ts=thread_ts or ts, **help_msg)

    @app.event("app_home_opened")
    def home(event: dict[str, Any], client: WebClient) -> None:
        """Publish the Home tab: what the assistant does, rules in force, latest health."""
        if event.get("tab", "home") != "home":
            return
        view = render.home_view(deps.rules, deps.store.latest_health(), deps.workspace.agency.name)
        client.views_publish(user_id=event["user"], view=view)
