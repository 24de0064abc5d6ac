"""Post Adaptive Cards to a Teams Workflows webhook, with retries and a secret-safe URL.

A Workflows webhook answers 202 with an empty body when it accepts a card: accepted,
not delivered (card errors show only in the flow's run history). 429 and 5xx are
retried with backoff, honouring `Retry-After`. The URL's `sig` parameter is a
credential, so errors and logs only ever show the redacted URL.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from tenacity import (
    RetryCallState,
    retry,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from assistant.errors import ConfigError, DeliveryError
from integrations.teams.cards import MAX_PAYLOAD_BYTES, workflows_envelope

log = logging.getLogger(__name__)


class TeamsError(DeliveryError):
    """A card could not be posted; the message never contains the webhook secret."""


class _Retryable(TeamsError):
    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def redact(url: str) -> str:
    """The webhook URL without its query (where the `sig` credential lives), fragment or
    user info, whatever its scheme (or none: a URL pasted without `https://`)."""
    text = url.strip()
    cut = min((i for i in (text.find("?"), text.find("#")) if i >= 0), default=len(text))
    head, hidden = text[:cut], cut < len(text)
    parts = urlsplit(head)
    if parts.scheme and parts.netloc:
        host = parts.netloc.rpartition("@")[2]
        return f"{parts.scheme}://{host}{parts.path}" + ("?…" if hidden else "")
    return head.rpartition("@")[2] + ("?…" if hidden else "")


def _check_url(url: str) -> None:
    """Only http(s) URLs are posted to; anything else is refused without echoing its secret
    (urllib's own ValueError would quote the whole URL, `sig` included)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("https", "http") or not parts.netloc:
        raise TeamsError(f"Teams webhook {redact(url)} is not an https:// URL")


def resolve_secret(reference: str, environ: Mapping[str, str]) -> str:
    """`env:NAME` reads the environment; anything else is the URL itself.

    The documented way to configure a webhook (its `sig` is a credential, never inline).
    Raises ConfigError naming the variable when it is not set.
    """
    if reference.startswith("env:"):
        name = reference[4:]
        value = environ.get(name)
        if not value:
            raise ConfigError(f"environment variable {name} is not set")
        return value
    return reference


def _wait(state: RetryCallState) -> float:
    error = state.outcome.exception() if state.outcome else None
    backoff = wait_exponential_jitter(multiplier=0.5, max=20, jitter=0.5)(state)
    if isinstance(error, _Retryable) and error.retry_after is not None:
        return min(max(error.retry_after, 0.0), 60.0)
    return backoff


def post_card(url: str, adaptive_card: dict[str, Any], *, timeout: float = 10.0,
              attempts: int = 4) -> None:
    """Send one card; raise TeamsError (with the URL redacted) if Teams never accepts it."""
    _check_url(url)
    body = json.dumps(workflows_envelope(adaptive_card), ensure_ascii=False).encode("utf-8")
    if len(body) > MAX_PAYLOAD_BYTES:
        raise TeamsError(f"card is {len(body)} bytes; Teams accepts at most {MAX_PAYLOAD_BYTES}")

    @retry(
        retry=retry_if_exception(lambda e: isinstance(e, _Retryable)),
        stop=stop_after_attempt(attempts),
        wait=_wait,
        reraise=True,
    )
    def send() -> None:
        request = urllib.request.Request(
            url, data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except ValueError:  # a malformed URL: urllib's message quotes it, `sig` and all
            raise TeamsError(f"Teams webhook {redact(url)} is not a URL I can post to") from None
        except urllib.error.HTTPError as exc:
            status = exc.code
            if status == 429 or status >= 500:
                header = exc.headers.get("Retry-After")
                retry_after = float(header) if header and header.isdigit() else None
                log.warning("Teams webhook %s answered %s; retrying", redact(url), status)
                raise _Retryable(f"Teams webhook {redact(url)} answered {status}", retry_after) from None
            raise TeamsError(f"Teams webhook {redact(url)} refused the card: HTTP {status}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise _Retryable(f"Teams webhook {redact(url)} unreachable: {reason}", None) from None
        if status not in (200, 202):
            raise TeamsError(f"Teams webhook {redact(url)} answered HTTP {status}")

    try:
        send()
    except _Retryable as exc:
        raise TeamsError(f"{exc} (gave up after {attempts} attempts)") from None


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!<>|~"})


def markdown_escape(text: str) -> str:
    """Untrusted text for a MessageCard, whose text fields are read as markdown."""
    return text.translate(_MARKDOWN_SPECIALS)


def post_legacy_card(url: str, title: str, text: str) -> None:
    """For tenants that still have an Office 365 connector: a MessageCard via pymsteams.

    `title` and `text` are escaped here; connectors retired in 2026 for most tenants.
    """
    _check_url(url)
    import pymsteams

    message = pymsteams.connectorcard(url)
    message.title(markdown_escape(title))
    message.text(markdown_escape(text))
    try:
        message.send()
    except Exception as exc:  # noqa: BLE001 (pymsteams raises its own and requests' errors)
        raise TeamsError(f"legacy connector {redact(url)} refused the card: {type(exc).__name__}") from None


def serves(settings: Any, workspace: Any) -> tuple[str | None, str]:
    """What a worker answers on through Teams Workflows webhooks (None when assistant.toml
    names none), and how to turn it on; the core `assistant worker` asks it."""
    from assistant.reports.destinations import feed_destinations, report_destinations

    webhooks = {client.teams_webhook for client in workspace.clients if client.teams_webhook}
    for spec in [*report_destinations(workspace),
                 *(d for feed in workspace.feeds for d in feed_destinations(feed, workspace))]:
        if spec["kind"] == "teams-webhook" and spec.get("webhook"):
            webhooks.add(spec["webhook"])
    if not webhooks:
        return None, "teams_webhook in assistant.toml (ASSISTANT_CONFIG) for Teams"
    from assistant.text import count

    return f"Teams ({count(len(webhooks), 'webhook')})", ""
