"""Events: app mentions ("@assistant review this") and the Home tab."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from assistant.jobs import JobRequest
from integrations.slack.deps import slack_reply
from integrations.slack.render import blocks as render
from integrations.slack.text import from_message

if TYPE_CHECKING:
    from slack_bolt import App
    from slack_sdk import WebClient

    from integrations.slack.deps import Deps

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_REVIEW = re.compile(r"^\s*(?:please\s+)?review(?:\s+(?:this|that|it|please))?\s*[:,.!-]?\s*",
                     re.IGNORECASE)


def mention_review(event: dict[str, Any], body: dict[str, Any]) -> JobRequest | None:
    """The review a mention asks for, or None when it asks for nothing (it gets help).

    In a thread: the thread's first message. At top level: the text after "review". The
    job's id comes from the message, so every delivery of it is the same job.
    """
    channel, ts = event.get("channel", ""), event.get("ts", "")
    said = _MENTION.sub("", event.get("text", ""))
    match = _REVIEW.match(said)
    thread_ts = event.get("thread_ts")
    in_thread = bool(thread_ts and thread_ts != ts)
    draft = from_message(said[match.end():]).strip() if match else ""
    if not (match and (draft or in_thread)):
        return None
    return JobRequest(
        id="mention-" + re.sub(r"[^A-Za-z0-9]", "-", f"{channel}-{ts}"),
        kind="review",
        text=draft,
        fetch_parent=not draft,
        surface="slack",
        reply=slack_reply(channel, thread_ts=thread_ts or ts, team_id=body.get("team_id", "")),
        user=event.get("user", ""),
        origin="mention",
    )


def mention_intake(deps: Deps) -> Any:
    """A middleware that queues a mention's review before Slack gets its 200.

    bolt acknowledges events before their listeners run, so a web process killed in
    between would lose the review, and Slack never retries an acknowledged event. Here
    the job is queued first (its id comes from the message, so a retry is the same job
    and its answer is posted once), then the message is claimed, then Slack is answered.
    """
    from slack_bolt import BoltResponse

    def middleware(body: dict[str, Any], next: Any) -> Any:  # bolt passes `next` by name
        event = body.get("event") or {}
        if body.get("type") != "event_callback" or event.get("type") != "app_mention" \
                or event.get("bot_id"):
            return next()
        request = mention_review(event, body)
        if request is None:
            return next()  # help in the thread, from the listener
        channel, ts = event.get("channel", ""), event.get("ts", "")
        if not deps.store.message_claimed("slack", channel, ts):
            deps.enqueue(request)
            deps.store.claim_message("slack", channel, ts)
        return BoltResponse(status=200, body="")

    return middleware


def register(app: App, deps: Deps) -> None:
    """Attach the event listeners (retries are already dropped by the dedupe middleware)."""
    app.use(mention_intake(deps))

    @app.event("app_mention")
    def mention(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        """A mention that asks for no review gets help in its thread (reviews are queued by
        `mention_intake` before this runs)."""
        channel, ts = event.get("channel", ""), event.get("ts", "")
        if event.get("bot_id") or not deps.store.claim_message("slack", channel, ts):
            return
        help_msg = render.help_message()
        client.chat_postMessage(channel=channel, thread_ts=event.get("thread_ts") or ts, **help_msg)

    @app.event("app_home_opened")
    def home(event: dict[str, Any], client: WebClient) -> None:
        """Publish the Home tab: what the assistant does, rules in force, latest health."""
        if event.get("tab", "home") != "home":
            return
        health = deps.store.latest_health(feed.name for feed in deps.workspace.feeds)
        view = render.home_view(deps.rules, health, deps.workspace.agency.name)
        client.views_publish(user_id=event["user"], view=view)
