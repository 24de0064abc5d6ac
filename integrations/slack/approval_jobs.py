"""Worker jobs for approvals: review a queued post and put it in front of its approvers;
expire what is due; redraw a post's message after a change made elsewhere.

Jobs are named by import path and enqueued by assistant.approvals.jobs (the web process and
the CLI never import this module's heavy dependencies to enqueue); they take a small JSON
payload: RQ's JSON serializer.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from assistant.approvals.model import QueuedPost
    from assistant.approvals.store import ApprovalStore
    from assistant.config import ClientConfig

log = logging.getLogger("assistant.approvals")


# --- shared with the listeners ----------------------------------------------------------------

def show(api: WebClient, record: QueuedPost, client: str, *, channel: str = "",
         ts: str = "", strict: bool = False) -> bool:
    """Redraw the post's message in place (chat.update); False when it has no message yet.

    A failed update is logged and answers False, or with `strict` raises (so a job that
    must redraw fails and RQ retries it).
    """
    from slack_sdk.errors import SlackApiError

    from assistant.render.slack_approvals import approval_message

    channel, ts = channel or record.channel, ts or record.ts
    if not (channel and ts):
        return False
    msg = approval_message(record, client)
    try:
        api.chat_update(channel=channel, ts=ts, text=msg["text"], blocks=msg["blocks"])
    except SlackApiError as exc:
        log.warning("cannot update the message of %s: %s", record.id, exc.response.get("error"))
        if strict:
            raise
        return False
    return True


def post_audit(api: WebClient, store: ApprovalStore, record: QueuedPost) -> None:
    """The audit entries added since the last ones posted, in the post's thread.

    Each entry is claimed atomically before it is posted, so two decisions landing together
    never post the same entry twice (if Slack then fails, `queue show` still has it).
    """
    from assistant.render.slack_approvals import audit_messages

    if not (record.channel and record.ts):
        return
    entries, first = store.claim_audit(record.id)
    if not entries:
        return
    for item in audit_messages(record, entries, continued=not first):
        api.chat_postMessage(channel=record.channel, thread_ts=record.ts, **item)


# --- jobs -------------------------------------------------------------------------------------

def _context() -> tuple[Any, ApprovalStore]:
    from assistant.approvals.store import ApprovalStore
    from integrations.slack.worker import worker_context

    ctx = worker_context()
    redis = ctx.redis
    if redis is None:
        import redis as redis_lib

        redis = ctx.redis = redis_lib.Redis.from_url(ctx.settings.redis_url)
    return ctx, ApprovalStore(redis)


def _sweep(ctx: Any, store: ApprovalStore) -> list[str]:
    expired = store.sweep()
    _redraw(ctx, store, expired)
    return expired


def _redraw(ctx: Any, store: ApprovalStore, ids: list[str]) -> None:
    for record in store.get_many(ids):
        show(ctx.client, record, record.client)


def review_and_post(payload: dict[str, Any]) -> dict[str, Any]:
    """Review one version (rules + critique), store it, and post or redraw its message."""
    from assistant.review import review_post
    from integrations.slack.worker import with_critique

    ctx, store = _context()
    _sweep(ctx, store)
    post_id, version = str(payload["id"]), int(payload["version"])
    record = store.get(post_id)
    if record is None or record.version != version or record.state != "pending":
        return {"skipped": "moved on" if record else "missing"}
    from assistant.approvals.clients import client_config

    client = client_config(ctx.workspace, record.client)
    domains = set(ctx.own_domains)
    if client:
        domains |= {d.lower().removeprefix("www.") for d in client.own_domains}
    now = datetime.now(UTC)
    review = review_post(record.post, ctx.rules, own_domains=frozenset(domains), as_of=now)
    review = with_critique(review, ctx)
    code = store.set_review(post_id, version, review)
    record = store.get(post_id)
    if record is None:
        return {"skipped": "missing"}
    # "done": a duplicate job (an RQ retry, a worker killed mid-way, a re-enqueue) or one
    # whose first run could not post (the bot not yet in the channel, a Slack outage):
    # present it again; every post is an effect, so only what is missing goes out
    if code not in ("ok", "done"):
        show(ctx.client, record, record.client)
        return {"skipped": code}
    return _present(ctx, store, record, client)


def _present(ctx: Any, store: ApprovalStore, record: QueuedPost,
             client: ClientConfig | None) -> dict[str, Any]:
    """Post (or redraw) the approval message, the full review in its thread, the Teams card.

    Each is an effect keyed by the post and its version (`integrations.slack.posting`): a
    retry, a duplicate job or a worker killed mid-way never posts any of them twice, and
    the rerun posts what is missing.
    """
    from assistant.render.slack_approvals import approval_message
    from integrations.slack.posting import post_once
    from integrations.slack.render.blocks import review_thread
    from integrations.slack.worker import effects

    channel = record.channel or (client.approvals_channel if client else "") or ""
    if not channel:
        log.warning("client %r has no approvals_channel; %s is queued but not posted",
                    record.client, record.id)
        return {"posted": 0, "id": record.id}
    record_effects = effects(ctx)
    key = f"approval:{record.id}:v{record.version}"
    if record.ts and record_effects.value(f"{key}:message") is None:
        # the message of an earlier version: redraw it for this one (once)
        # a failed update raises and is not recorded, so the job's retry redraws it
        record_effects.once(f"{key}:redraw",
                            lambda: str(int(show(ctx.client, record, record.client, strict=True))))
        ts = record.ts
    elif record.ts:
        ts = record.ts
    else:
        ts = post_once(ctx.client, record_effects, f"{key}:message", channel=channel,
                       **approval_message(record, record.client)).value
        store.set_message(record.id, channel, ts)
    assert record.review is not None
    title = f"Review of version {record.version}"
    for number, item in enumerate(review_thread(record.review)):
        if number == 0:
            item = {**item, "text": title}
        post_once(ctx.client, record_effects, f"{key}:review:{number}", channel=channel,
                  thread_ts=ts, **item)
    if client and client.teams_webhook:
        record_effects.once(f"{key}:teams", lambda: _teams(ctx, record, client, channel, ts))
    return {"posted": 1, "id": record.id, "channel": channel, "ts": ts}


def _teams(ctx: Any, record: QueuedPost, client: ClientConfig, channel: str, ts: str) -> str:
    """The same request as an Adaptive Card in Teams, linking to the Slack thread."""
    from slack_sdk.errors import SlackApiError

    from assistant.approvals.teams_card import approval_card
    from integrations.teams.webhook import TeamsError, post_card, redact, resolve_secret

    link = None
    try:
        link = ctx.client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
    except SlackApiError as exc:
        log.warning("no permalink for %s: %s", record.id, exc.response.get("error"))
    assert record.review is not None and client.teams_webhook
    reference = client.teams_webhook
    label = reference if reference.startswith("env:") else redact(reference)
    try:
        url = resolve_secret(reference, os.environ)
        post_card(url, approval_card(record, record.review, client=client.name, link=link))
    except (TeamsError, LookupError, ValueError) as exc:
        # the Slack request stands (its effects are recorded); raising leaves the card's
        # effect pending, so RQ's retry of the job sends only the card
        log.warning("Teams card for %s not posted to %s: %s", record.id, label, exc)
        raise
    return "posted"


def refresh(payload: dict[str, Any]) -> dict[str, Any]:
    """Redraw the messages of `ids` to show their current state."""
    ctx, store = _context()
    ids = [str(i) for i in payload.get("ids", [])]
    _redraw(ctx, store, ids)
    return {"redrawn": len(ids)}


def sweep(payload: dict[str, Any]) -> dict[str, Any]:
    """Expire every post whose time has come and redraw its message (buttons removed)."""
    ctx, store = _context()
    return {"expired": _sweep(ctx, store)}
