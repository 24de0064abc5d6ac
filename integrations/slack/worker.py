"""The job the worker runs: review a draft or audit a feed, then post the answer to Slack.

This is where slow work happens (the LLM critique, feed fetches) and the only place that
waits out Slack's 429s (`RateLimitErrorRetryHandler` honours `Retry-After`), so none of it
can delay an acknowledgement. A job may run more than once (retries, a killed worker):
every message of its answer is posted through `integrations.slack.posting`, keyed by the
request's id, so the answer lands exactly once.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.jobs import JobRequest
from assistant.models import FeedAudit, Review
from assistant.sources.http import AddressRule, public_address

if TYPE_CHECKING:
    from redis import Redis

    from assistant.effects import Effects
    from slack_sdk import WebClient

    from assistant.checks.ruleset import RuleSet
    from assistant.config import WorkspaceConfig
    from assistant.render.slack import Message
    from assistant.settings import Settings
    from assistant.sources.fetch import FetchOptions
    from assistant.sources.http import HttpClient

log = logging.getLogger("assistant.slack.worker")

__all__ = ["WorkerContext", "configure", "perform", "web_client"]
NOT_IN_CHANNEL = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}
Target = TypeVar("Target", Review, FeedAudit)
NOT_PUBLIC = "not a public address I can reach"


@dataclass
class WorkerContext:
    """What every job needs, built once per worker process."""

    settings: Settings
    workspace: WorkspaceConfig
    rules: RuleSet
    redis: Redis | None
    client: WebClient
    http: HttpClient
    fetch_options: FetchOptions
    own_domains: frozenset[str] = field(default_factory=frozenset)
    address_rule: AddressRule = public_address  # where chat-given sources may connect


_context: WorkerContext | None = None


def web_client(settings: Settings) -> WebClient:
    """A Web API client for the worker: Slack's base URL from settings, 429s waited out
    (5xx and dropped connections are retried by `integrations.slack.posting`, which looks
    for the message before posting it again)."""
    from integrations.slack.posting import web_client as client

    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return client(token, settings.slack_api_url)


def effects(ctx: WorkerContext) -> Effects:
    """The idempotency records of this worker's outward posts (in the shared Redis)."""
    from assistant.effects import Effects

    if ctx.redis is None:
        import redis as redis_lib

        ctx.redis = redis_lib.Redis.from_url(ctx.settings.redis_url)
    return Effects(ctx.redis)


def configure(settings: Settings, workspace: WorkspaceConfig, redis: Redis | None = None, *,
              address_rule: AddressRule = public_address) -> None:
    """Set this process's context (the `worker` command and tests call it before working).

    Feeds are fetched as the daily report fetches them (`fetch_setup`: same settings, same
    Redis ETag cache). `address_rule` says which addresses a source typed in chat may
    reach: public ones only (tests that serve "public" feeds on loopback widen it).
    """
    from assistant.checks.ruleset import RuleSet
    from assistant.sources.fetch import fetch_setup

    global _context
    http, options = fetch_setup(settings, redis)
    _context = WorkerContext(
        settings=settings,
        workspace=workspace,
        rules=RuleSet.from_config(workspace.rules, path=workspace.path, text=workspace.text),
        redis=redis,
        client=web_client(settings),
        http=http,
        fetch_options=options,
        own_domains=frozenset(d.lower().removeprefix("www.") for d in workspace.agency.own_domains),
        address_rule=address_rule,
    )
    from integrations.slack.approval_jobs import install

    install(_context)


def worker_context() -> WorkerContext:
    """The context `configure` set up (built from the environment under a plain `rq worker`)."""
    if _context is None:  # a worker started by plain `rq worker`: build from the environment
        from assistant.config import load_workspace
        from assistant.settings import load_settings

        settings = load_settings()
        configure(settings, load_workspace(settings.config))
    assert _context is not None
    return _context


def perform(payload: dict[str, Any]) -> dict[str, Any]:
    """The RQ job: one review or audit, answered where it was asked. Returns what was posted."""
    request = JobRequest.model_validate(payload)
    if not request.id:  # enqueued by an older version: the job's id keys its effects
        from rq import get_current_job

        job = get_current_job()
        request.id = job.id if job is not None else uuid.uuid4().hex
    ctx = worker_context()
    if request.kind == "audit":
        return _audit(ctx, request)
    if request.kind == "report":
        return _report(ctx, request)
    return _review(ctx, request)


def with_critique(target: Target, ctx: WorkerContext, posts: list[Any] | None = None) -> Target:
    """The LLM critique (cached in Redis), or the target with a note saying why there is none."""
    from assistant.critique.cache import CritiqueCache
    from assistant.critique.critic import critique_or_note

    cache = CritiqueCache(ctx.settings.redis_url, ttl=ctx.settings.llm_cache_ttl)
    return critique_or_note(target, ctx.settings, rules_fingerprint=ctx.rules.fingerprint(),
                            cache=cache, posts=posts)


def _review(ctx: WorkerContext, request: JobRequest) -> dict[str, Any]:
    from assistant.models import Post
    from assistant.render.slack import notice, review_summary, review_thread
    from assistant.review import review_post

    text = request.text
    if request.fetch_parent and request.thread_ts:
        text = _parent_text(ctx.client, request.channel, request.thread_ts)
        if text is None:
            return _send(ctx, request, notice("I could not read the first message of this thread."), [])
    if not text.strip():
        return _send(ctx, request, notice("There is no text to review in that message."), [])
    now = datetime.now(UTC)
    post = Post(id="draft", platform=request.platform, created_at=now, text=text)  # type: ignore[arg-type]
    review = review_post(post, ctx.rules, own_domains=ctx.own_domains, as_of=now)
    review = with_critique(review, ctx)
    return _send(ctx, request, review_summary(review, asked_by=request.user), review_thread(review))


def _audit(ctx: WorkerContext, request: JobRequest) -> dict[str, Any]:
    from assistant.errors import InputError
    from assistant.render.slack import audit_summary, audit_thread, notice
    from assistant.sources.fetch import public_source

    try:
        audit, posts = _run_audit(ctx, request.text)
    except InputError as exc:
        # posted in the channel: the source as typed (privately) may carry a token
        shown = public_source(request.text)
        return _send(ctx, request, notice(f"I could not audit {shown}: {exc}"), [])
    audit = with_critique(audit, ctx, posts)
    if ctx.redis is not None:
        from assistant.store import Store

        Store(ctx.redis).record_health(audit.account.name, audit.health.score,
                                       audit.as_of.isoformat(), audit.source)
    return _send(ctx, request, audit_summary(audit, asked_by=request.user), audit_thread(audit))


def _report(ctx: WorkerContext, request: JobRequest) -> dict[str, Any]:
    """`/review report`: today's report for the feeds routed to the asking channel, posted there.

    A feed is routed to its own `slack_channel`, or to `[reports].slack_channel` when it has
    none; other channels' feeds (other clients') never appear here. On demand it does not
    claim the day, so the scheduled daily report still goes out.
    """
    from assistant.render.slack import notice
    from assistant.reports.deliver import feeds_for_channel
    from assistant.reports.run import run_report

    if not ctx.workspace.feeds:
        return _private(ctx, request, notice(
            "No feeds are tracked yet: add [[feeds]] to assistant.toml to get a report."))
    if not feeds_for_channel(ctx.workspace, request.channel):
        return _private(ctx, request, notice(
            "No tracked feed reports to this channel. Set `slack_channel` on a feed (or "
            "`[reports].slack_channel`) in assistant.toml to this channel's id, then ask here."))
    from integrations.slack.report_poster import SlackReportPoster

    result = run_report(ctx.settings, ctx.workspace, channel=request.channel,
                        request_id=request.id or None,
                        slack_poster=SlackReportPoster.from_settings)
    if not result.ok:
        failed = [d for d in result.deliveries if d.status == "failed"]
        reason = failed[0].error if failed and failed[0].error else result.status
        return _send(ctx, request, notice(f"The report could not be posted: {reason}"), [])
    return {"status": result.status, "channel": request.channel}


def _private(ctx: WorkerContext, request: JobRequest, answer: Message) -> dict[str, Any]:
    """An answer only the asker sees (via the command's response_url), else in the channel."""
    if not request.response_url:
        return _send(ctx, request, answer, [])
    _respond(ctx, request, "private", {"response_type": "ephemeral", "replace_original": True,
                                       **answer})
    return {"posted": 0, "private": True}


def _run_audit(ctx: WorkerContext, source: str) -> tuple[FeedAudit, list[Any]]:
    """Resolve a tracked feed's name (or check a chat-given source), fetch it and audit it.

    Tracked feeds (an admin wrote them) report why a fetch failed. A source typed in chat
    is fetched through the address rule (every hop, pinned to the checked address), and a
    failure says only "not a feed I can read": error details (HTTP status, connection
    errors, importer messages quoting the body) would turn the command into a scanner.
    """
    from assistant.audit import audit_feed
    from assistant.errors import InputError
    from assistant.sources.fetch import FetchError, chat_client, fetch_feed, public_source

    tracked = next((f for f in ctx.workspace.feeds if f.name.casefold() == source.casefold()), None)
    domains = set(ctx.own_domains)
    if tracked:
        domains |= {d.lower().removeprefix("www.") for d in tracked.own_domains}
        try:
            feed = fetch_feed(tracked.source, name=tracked.name, owner=tracked.owner,
                              platform=tracked.platform, client=ctx.http,
                              options=ctx.fetch_options)
        except FetchError as exc:
            raise InputError(exc.reason) from None
    else:
        _check_chat_source(source, ctx.address_rule, ctx.fetch_options)
        shown = public_source(source)
        client = chat_client(source, ctx.http, ctx.fetch_options, ctx.address_rule)
        try:
            feed = fetch_feed(source, name=shown, owner="client", platform=None, client=client,
                              options=ctx.fetch_options)
        except (FetchError, InputError) as exc:
            log.warning("chat audit of %s failed: %s", shown, exc)
            raise InputError("not a feed I can read") from None
    audit = audit_feed(feed, ctx.rules, as_of=datetime.now(UTC), own_domains=frozenset(domains))
    return audit, list(feed.posts)


def _check_chat_source(source: str, allow: AddressRule, options: FetchOptions) -> None:
    """Anyone in the workspace can type a source: no server files, no private addresses.

    Tracked feeds in assistant.toml are trusted (an admin wrote them); a chat-given URL must
    resolve to addresses `allow` accepts (public ones), so `/review audit` cannot probe the
    internal network. This is the early, friendly answer; the fetch checks again on every
    connection and redirect, connecting only to the address it checked.
    """
    from urllib.parse import urlsplit

    from assistant.errors import InputError
    from assistant.sources.fetch import parse_source
    from assistant.sources.http import AddressRefused, checked_addresses

    spec = parse_source(source)
    if spec.kind == "file":
        raise InputError("from Slack I audit tracked feeds (by name), URLs and handles, not files "
                         "(a tracked feed's name, rss:https://..., mastodon:@user@server, bluesky:handle)")
    if spec.kind == "bluesky" or (spec.kind == "mastodon" and options.mastodon_base_url):
        return  # fetched from the configured AppView or Mastodon proxy, whatever the handle says
    url = spec.target if spec.kind in ("rss", "url") else f"https://{spec.host}"
    try:
        checked_addresses(urlsplit(url).hostname or "", None, allow)
    except AddressRefused:
        # one answer whether the name does not resolve or resolves inside: otherwise the
        # worker's resolver would tell a member which internal host names exist
        raise InputError(NOT_PUBLIC) from None


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
    channel = request.channel
    try:
        if is_user_id(channel):  # an answer by DM (the modal): to the DM's own id, once
            channel = open_dm(ctx.client, channel)
        top = post_once(ctx.client, record, f"{key}:summary", channel=channel,
                        thread_ts=request.thread_ts, **summary).value
        parent = request.thread_ts or top
        for number, item in enumerate(thread):
            post_once(ctx.client, record, f"{key}:thread:{number}", channel=channel,
                      thread_ts=parent, **item)
    except SlackApiError as exc:
        error = exc.response.get("error", "")
        if error not in NOT_IN_CHANNEL or not request.response_url:
            raise
        _respond(ctx, request, "fallback", _cannot_post(summary))
        return {"posted": 0, "fallback": "response_url", "error": error}
    if request.response_url and request.origin == "command":
        _respond(ctx, request, "done", {"response_type": "ephemeral", "replace_original": True,
                                        "text": "Done: the answer is in the channel."})
    return {"posted": 1 + len(thread), "channel": channel, "ts": parent}


def _cannot_post(summary: Message) -> dict[str, Any]:
    """The summary, privately, with how to let the app into the channel."""
    from assistant.render.slack import section

    hint = section(":lock: I can't post in this channel. Invite me with `/invite @assistant` "
                   "to get the full review in a thread. Here is the summary:")
    blocks = [hint, *summary["blocks"]][:50]
    return {"response_type": "ephemeral", "replace_original": True, "text": summary["text"],
            "blocks": blocks}


def _respond(ctx: WorkerContext, request: JobRequest, step: str, body: dict[str, Any]) -> None:
    """POST to the request's response_url once per step (429s retried); a dead URL is
    logged, not fatal."""
    from integrations.slack.posting import respond_once

    assert request.response_url
    respond_once(effects(ctx), f"job:{request.id}:respond:{step}", request.response_url, body)
