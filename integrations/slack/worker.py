"""Slack's answers to queued requests: the reply code the core worker (`assistant.dispatch`)
hands reviews, audits and reports to for requests that came from Slack.

This is the only place that waits out Slack's 429s (`RateLimitErrorRetryHandler` honours
`Retry-After`), so none of it can delay an acknowledgement. A job may run more than once
(retries, a killed worker): every message of its answer is posted through
`integrations.slack.posting`, keyed by the request's id, so the answer lands exactly once.
Importing this module registers Slack with the core worker; `perform` is the job the
Slack app queues.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant import dispatch
from assistant.dispatch import perform
from assistant.jobs import JobRequest
from assistant.models import FeedAudit, Review
from assistant.sources.http import AddressRule, public_address

if TYPE_CHECKING:
    from redis import Redis
    from slack_sdk import WebClient

    from assistant.checks.ruleset import RuleSet
    from assistant.config import WorkspaceConfig
    from assistant.effects import Effects
    from assistant.settings import Settings
    from integrations.slack.render.blocks import Message

log = logging.getLogger("assistant.slack.worker")

__all__ = ["SlackReplies", "WorkerContext", "configure", "perform", "web_client"]
NOT_IN_CHANNEL = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}


@dataclass
class WorkerContext:
    """The core worker's context seen from Slack: its service's parts and a Web API client."""

    core: dispatch.WorkerContext
    client: WebClient

    @property
    def settings(self) -> Settings:
        return self.core.settings

    @property
    def workspace(self) -> WorkspaceConfig:
        return self.core.workspace

    @property
    def rules(self) -> RuleSet:
        return self.core.service.rules

    @property
    def own_domains(self) -> frozenset[str]:
        return self.core.service.own_domains

    @property
    def redis(self) -> Redis | None:
        return self.core.redis

    @redis.setter
    def redis(self, value: Redis | None) -> None:
        self.core.redis = value


def web_client(settings: Settings) -> WebClient:
    """A Web API client for the worker: Slack's base URL from settings, 429s waited out
    (5xx and dropped connections are retried by `integrations.slack.posting`, which looks
    for the message before posting it again)."""
    from integrations.slack.posting import web_client as client

    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return client(token, settings.slack_api_url)


def effects(ctx: WorkerContext) -> Effects:
    """The idempotency records of this worker's outward posts (in the shared Redis)."""
    return ctx.core.effects()


def configure(settings: Settings, workspace: WorkspaceConfig, redis: Redis | None = None, *,
              address_rule: AddressRule = public_address) -> None:
    """Set the core worker's context and Slack's part of it (the `worker` command and the
    tests call it before working)."""
    _register()
    dispatch.configure(settings, workspace, redis, address_rule=address_rule)


def worker_context() -> WorkerContext:
    """The worker's context with Slack's client (built from the environment under a plain
    `rq worker`)."""
    replies = dispatch.worker_context().surface("slack")
    assert isinstance(replies, SlackReplies)
    return replies.ctx


class SlackReplies:
    """The Slack surface of the core worker (`assistant.dispatch.Surface`)."""

    def __init__(self, core: dispatch.WorkerContext) -> None:
        self.ctx = WorkerContext(core, web_client(core.settings))

    def parent_text(self, request: JobRequest) -> str | None:
        thread_ts = request.reply.get("thread_ts")
        if not thread_ts:
            return request.text
        return _parent_text(self.ctx.client, request.reply.get("channel", ""), thread_ts)

    def review(self, request: JobRequest, review: Review) -> dict[str, Any]:
        from integrations.slack.render.blocks import review_summary, review_thread

        return _send(self.ctx, request, review_summary(review, asked_by=request.user),
                     review_thread(review))

    def audit(self, request: JobRequest, audit: FeedAudit) -> dict[str, Any]:
        from integrations.slack.render.blocks import audit_summary, audit_thread

        return _send(self.ctx, request, audit_summary(audit, asked_by=request.user),
                     audit_thread(audit))

    def notice(self, request: JobRequest, text: str) -> dict[str, Any]:
        from integrations.slack.render.blocks import notice

        return _send(self.ctx, request, notice(text), [])

    def report(self, request: JobRequest) -> dict[str, Any]:
        return _report(self.ctx, request)


def _register() -> None:
    """Slack answers the requests that came from Slack, and presents approvals in every
    worker configured after this module is loaded."""
    dispatch.reply_with("slack", SlackReplies)
    dispatch.on_configure(_install)


def _install(core: dispatch.WorkerContext) -> None:
    from integrations.slack.approval_jobs import install

    replies = core.surface("slack")
    assert isinstance(replies, SlackReplies)
    install(replies.ctx)


_register()


@dataclass(frozen=True)
class SlackReply:
    """Where a Slack request is answered (its `JobRequest.reply`)."""

    channel: str = ""
    thread_ts: str | None = None
    response_url: str | None = None
    team_id: str = ""


def _ref(request: JobRequest) -> SlackReply:
    reply = request.reply
    return SlackReply(channel=str(reply.get("channel") or ""), thread_ts=reply.get("thread_ts"),
                      response_url=reply.get("response_url"),
                      team_id=str(reply.get("team_id") or ""))


def _report(ctx: WorkerContext, request: JobRequest) -> dict[str, Any]:
    """`/review report`: today's report for the feeds routed to the asking channel, posted there.

    A feed is routed to its own Slack destination (`slack_channel`), or to the report's
    when it has none; other channels' feeds (other clients') never appear here. On demand
    it does not claim the day, so the scheduled daily report still goes out.
    """
    import integrations.slack.destination  # noqa: F401 (the "slack" destination kind)
    from assistant.reports.destinations import feeds_routed_to
    from integrations.slack.render.blocks import notice

    channel = _ref(request).channel
    if not ctx.workspace.feeds:
        return _private(ctx, request, notice(
            "No feeds are tracked yet: add [[feeds]] to assistant.toml to get a report."))
    if not feeds_routed_to(ctx.workspace, "slack", channel=channel):
        return _private(ctx, request, notice(
            "No tracked feed reports to this channel. Set `slack_channel` on a feed (or "
            "`[reports].slack_channel`) in assistant.toml to this channel's id, then ask here."))
    result = ctx.core.service.report(to={"kind": "slack", "channel": channel},
                                     request_id=request.id or None)
    if not result.ok:
        return _send(ctx, request, notice(f"The report could not be posted: {result.problem}"), [])
    return {"status": result.status, "channel": channel}


def _private(ctx: WorkerContext, request: JobRequest, answer: Message) -> dict[str, Any]:
    """An answer only the asker sees (via the command's response_url), else in the channel."""
    if not _ref(request).response_url:
        return _send(ctx, request, answer, [])
    _respond(ctx, request, "private", {"response_type": "ephemeral", "replace_original": True,
                                       **answer})
    return {"posted": 0, "private": True}


def _parent_text(client: WebClient, channel: str, thread_ts: str) -> str | None:
    """The text of a thread's first message, in plain text."""
    from slack_sdk.errors import SlackApiError

    from integrations.slack.text import from_message

    try:
        answer = client.conversations_replies(channel=channel, ts=thread_ts, limit=1, inclusive=True)
    except SlackApiError as exc:
        log.warning("cannot read thread %s in %s: %s", thread_ts, channel, exc.response.get("error"))
        return None
    messages = answer.get("messages") or []
    return from_message(messages[0].get("text", "")) if messages else None


def _send(
    ctx: WorkerContext, request: JobRequest, summary: Message, thread: list[Message]
) -> dict[str, Any]:
    """Post the summary (top level, or in the asker's thread) and the details in its thread.

    Each message is an effect keyed by the request and its place in the answer, so a
    retried job (its worker killed mid-answer) posts only what is missing.
    """
    from slack_sdk.errors import SlackApiError

    from integrations.slack.posting import is_user_id, open_dm, post_once

    record, key = effects(ctx), f"job:{request.id}"
    channel = _ref(request).channel
    try:
        if is_user_id(channel):  # an answer by DM (the modal): to the DM's own id, once
            channel = open_dm(ctx.client, channel)
        top = post_once(ctx.client, record, f"{key}:summary", channel=channel,
                        thread_ts=_ref(request).thread_ts, **summary).value
        parent = _ref(request).thread_ts or top
        for number, item in enumerate(thread):
            post_once(ctx.client, record, f"{key}:thread:{number}", channel=channel,
                      thread_ts=parent, **item)
    except SlackApiError as exc:
        error = exc.response.get("error", "")
        if error not in NOT_IN_CHANNEL or not _ref(request).response_url:
            raise
        _respond(ctx, request, "fallback", _cannot_post(summary))
        return {"posted": 0, "fallback": "response_url", "error": error}
    if _ref(request).response_url and request.origin == "command":
        _respond(ctx, request, "done", {"response_type": "ephemeral", "replace_original": True,
                                        "text": "Done: the answer is in the channel."})
    return {"posted": 1 + len(thread), "channel": channel, "ts": parent}


def _cannot_post(summary: Message) -> dict[str, Any]:
    """The summary, privately, with how to let the app into the channel."""
    from integrations.slack.render.blocks import section

    hint = section(":lock: I can't post in this channel. Invite me with `/invite @assistant` "
                   "to get the full review in a thread. Here is the summary:")
    blocks = [hint, *summary["blocks"]][:50]
    return {"response_type": "ephemeral", "replace_original": True, "text": summary["text"],
            "blocks": blocks}


def _respond(ctx: WorkerContext, request: JobRequest, step: str, body: dict[str, Any]) -> None:
    """POST to the request's response_url once per step (429s retried); a dead URL is
    logged, not fatal."""
    from integrations.slack.posting import respond_once

    url = _ref(request).response_url
    assert url
    respond_once(effects(ctx), f"job:{request.id}:respond:{step}", url, body)
