"""Slack posts that happen once, whatever retries, crashes and rate limits do in between.

Every message the worker and the reports post goes through `post_once`: the message
carries its idempotency key in Slack message metadata (`event_type` "assistant_effect",
`event_payload.key`), the key is recorded in Redis before the call and confirmed after it
(`assistant.effects`), and when an earlier attempt died mid-call the channel (or thread)
is searched for a message carrying the key before anything is posted again.

Retries: a 429 is retried after its `Retry-After` (Slack refused it, so it cannot have
landed); a 5xx, a timeout or a dropped connection may have landed, so it is retried only
through the effect, which looks first. The Web API client must therefore not retry those
itself (`web_client`).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.effects import Done, EffectBusy, Effects

if TYPE_CHECKING:
    from slack_sdk import WebClient

log = logging.getLogger(__name__)
T = TypeVar("T")
EVENT_TYPE = "assistant_effect"
TRANSIENT_ERRORS = {"internal_error", "fatal_error", "service_unavailable", "request_timeout",
                    "ratelimited", "team_added_to_org"}
ATTEMPTS = 5
SEARCH_MARGIN = 120.0  # seconds before the first attempt: clocks differ between us and Slack


def web_client(token: str | None, base_url: str, *, timeout: float = 30) -> WebClient:
    """A Web API client that waits out 429s (`Retry-After`) and retries nothing else itself."""
    from slack_sdk import WebClient
    from slack_sdk.http_retry import RateLimitErrorRetryHandler

    return WebClient(token=token, base_url=base_url, timeout=int(timeout),
                     retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=3)])


def transient_delay(exc: BaseException, attempt: int) -> float | None:
    """Seconds to wait before retrying after `exc`, or None when retrying cannot help."""
    import urllib.error
    from http.client import HTTPException

    from slack_sdk.errors import SlackApiError

    backoff = min(2.0 ** attempt, 8.0) * (0.5 + random.random() / 2)
    if isinstance(exc, SlackApiError):
        response = exc.response
        status = getattr(response, "status_code", 200)
        error = response.get("error", "") if hasattr(response, "get") else ""
        if status == 429 or status >= 500 or error in TRANSIENT_ERRORS:
            header = (getattr(response, "headers", None) or {}).get("Retry-After")
            if isinstance(header, list):
                header = header[0] if header else None
            if header and str(header).isdigit():
                return min(float(header), 60.0)
            return backoff
        return None
    if isinstance(exc, (EffectBusy, urllib.error.URLError, HTTPException, ConnectionError,
                        TimeoutError, OSError)):
        return backoff
    return None


def with_retries(call: Callable[[], T], *, attempts: int = ATTEMPTS,
                 sleep: Callable[[float], None] = time.sleep) -> T:
    """`call()`, retried after transient failures (see `transient_delay`)."""
    for attempt in range(attempts):
        try:
            return call()
        except Exception as exc:
            delay = transient_delay(exc, attempt)
            if delay is None or attempt == attempts - 1:
                raise
            log.warning("Slack call failed (%s); retrying in %.1f s", _reason(exc), delay)
            sleep(delay)
    raise AssertionError("unreachable")


def _reason(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if response is not None and hasattr(response, "get"):
        return f"{getattr(response, 'status_code', '?')} {response.get('error', '')}"
    return type(exc).__name__


def _pages(client: WebClient, channel: str, thread_ts: str | None,
           since: float) -> list[dict[str, Any]]:
    """Messages of the channel (or thread) since `since`, a few pages at most.

    Looking requires the history scopes (`im:history` for DMs, which must be given by
    their D… id: see `open_dm`); without them (or outside the channel) the answer is "not
    found", so the effect is sent again rather than lost.
    """
    from slack_sdk.errors import SlackApiError

    oldest = f"{max(since - SEARCH_MARGIN, 0.0):.6f}"
    messages: list[dict[str, Any]] = []
    cursor = None
    for _ in range(10):
        try:
            if thread_ts:
                page = client.conversations_replies(channel=channel, ts=thread_ts, oldest=oldest,
                                                    include_all_metadata=True, limit=200,
                                                    cursor=cursor)
            else:
                page = client.conversations_history(channel=channel, oldest=oldest,
                                                    include_all_metadata=True, limit=200,
                                                    cursor=cursor)
        except SlackApiError as exc:
            if transient_delay(exc, 0) is not None:
                raise
            log.warning("cannot look for an earlier post in %s: %s", channel, _reason(exc))
            return messages
        messages.extend(page.get("messages") or [])
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            break
    return messages


def find_message(client: WebClient, channel: str, thread_ts: str | None, key: str,
                 since: float) -> str | None:
    """The ts of our message carrying `key` in its metadata, if it is there."""
    for message in _pages(client, channel, thread_ts, since):
        metadata = message.get("metadata") or {}
        if (metadata.get("event_type") == EVENT_TYPE
                and (metadata.get("event_payload") or {}).get("key") == key):
            return str(message.get("ts"))
    return None


def is_user_id(channel: str) -> bool:
    """A user id (U…, W…), not a conversation id (C…, G…, D…)."""
    return channel[:1] in ("U", "W")


def open_dm(client: WebClient, user: str) -> str:
    """The id (D…) of the app's DM with `user`, via conversations.open (needs `im:write`).

    Posting to a user id lands in that DM too, but a user id has no history to search,
    so an answer posted that way could not be found again after a crash: post to this.
    Opening an open DM answers the same id, so retrying it is harmless.
    """
    answer = with_retries(lambda: client.conversations_open(users=user))
    return str(answer["channel"]["id"])


def post_once(client: WebClient, effects: Effects, key: str, *, channel: str,
              thread_ts: str | None = None, **message: Any) -> Done:
    """chat.postMessage exactly once for `key`; returns the message's ts.

    A user id as `channel` is replaced by the app's DM with that user (`open_dm`), the
    only form whose history the lookup after a crash can search.
    """
    metadata = {"event_type": EVENT_TYPE, "event_payload": {"key": key}}
    if is_user_id(channel):
        channel = open_dm(client, channel)

    def do() -> str:
        answer = client.chat_postMessage(channel=channel, thread_ts=thread_ts, metadata=metadata,
                                         **message)
        return str(answer["ts"])

    def find(since: float) -> str | None:
        return find_message(client, channel, thread_ts, key, since)

    return with_retries(lambda: effects.once(key, do, find=find))


def upload_once(client: WebClient, effects: Effects, key: str, *, channel: str,
                thread_ts: str, content: bytes, filename: str, title: str) -> Done:
    """files_upload_v2 into a thread exactly once for `key` (found again by file name)."""

    def do() -> str:
        answer = client.files_upload_v2(channel=channel, thread_ts=thread_ts, content=content,
                                        filename=filename, title=title)
        files = answer.get("files") or [answer.get("file") or {}]
        return str(files[0].get("id", "uploaded"))

    def find(since: float) -> str | None:
        for message in _pages(client, channel, thread_ts, since):
            for item in message.get("files") or []:
                if item.get("name") == filename:
                    return str(item.get("id", "uploaded"))
        return None

    return with_retries(lambda: effects.once(key, do, find=find))


def respond_once(effects: Effects, key: str, url: str, body: dict[str, Any]) -> Done:
    """POST to a response_url once for `key` (it cannot be looked up: sent again after a
    crash mid-call; `replace_original` answers replace themselves anyway)."""
    from slack_sdk.http_retry import RateLimitErrorRetryHandler
    from slack_sdk.webhook import WebhookClient

    def do() -> str:
        hook = WebhookClient(url, timeout=15, retry_handlers=[RateLimitErrorRetryHandler(3)])
        response = hook.send_dict(body)
        if response.status_code != 200:  # a dead URL (expired, used 5 times): not worth a retry
            log.warning("response_url answered %s", response.status_code)
        return str(response.status_code)

    return effects.once(key, do)
