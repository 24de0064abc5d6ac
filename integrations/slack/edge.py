"""The Slack endpoint's edge: refuse bad requests before anything parses them.

Every request to `/slack/events` passes, in this order and before bolt sees it:
the method (POST), the size (413 above `MAX_BODY_BYTES`, from Content-Length and again
while reading), the signature (HMAC over the raw bytes, timestamp digits only, 5-minute
window: 401), the content type (415), UTF-8 and the body's syntax (400). Only then is a
`BoltRequest` built and dispatched. A signed request that bolt or a listener cannot handle
(a payload of the wrong shape) is logged with its cause and answered 400: Slack retries
either way, and the endpoint never answers 500 to input.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slack_bolt import App

log = logging.getLogger("assistant.slack.edge")

# Slack's largest payloads are message shortcuts on a 40,000-character message, which carry
# the text twice (text and blocks), JSON-escaped and form-encoded: about 1.3 MB at worst
# (all emoji), under 0.2 MB for ordinary text. Anything bigger is not from Slack.
MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_SKEW = 5 * 60  # seconds: Slack's replay window, both directions
_CHUNK = 64 * 1024
_TIMESTAMP = re.compile(r"[0-9]{1,12}")  # ASCII only: int() would take "٣" or " 12"
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
_CONTENT_TYPES = ("application/x-www-form-urlencoded", "application/json")

StartResponse = Callable[..., Any]


class Refused(Exception):
    """A request answered by the edge itself: an HTTP status and a short reason. It never
    leaves the edge (it becomes the HTTP answer), so it is not an `AssistantError`."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def answer(start_response: StartResponse, status: int, body: dict[str, Any],
           headers: Iterable[tuple[str, str]] = ()) -> list[bytes]:
    """A small JSON response."""
    from http import HTTPStatus

    data = json.dumps(body).encode()
    start_response(f"{status} {HTTPStatus(status).phrase}",
                   [("Content-Type", "application/json"), ("Content-Length", str(len(data))),
                    *headers])
    return [data]


def read_body(environ: dict[str, Any], limit: int) -> bytes:
    """The request body, never more than `limit` bytes read (413 when there is more)."""
    raw_length = str(environ.get("CONTENT_LENGTH") or "").strip()
    stream = environ.get("wsgi.input")
    if raw_length:
        if not raw_length.isdigit() or len(raw_length) > 15:
            raise Refused(400, "bad Content-Length")
        expected = int(raw_length)
        if expected > limit:
            raise Refused(413, f"body over {limit:,} bytes")
    elif environ.get("wsgi.input_terminated"):
        expected = limit + 1  # read to the end, one byte past the limit at most
    else:
        expected = 0  # PEP 3333: without a length, reading may block forever
    if stream is None:
        return b""
    parts: list[bytes] = []
    got = 0
    while got < expected:
        part = stream.read(min(_CHUNK, expected - got))
        if not part:
            break
        parts.append(part)
        got += len(part)
        if got > limit:
            raise Refused(413, f"body over {limit:,} bytes")
    return b"".join(parts)


def _header(environ: dict[str, Any], name: str) -> str:
    return str(environ.get("HTTP_" + name.upper().replace("-", "_")) or "")


def verify(environ: dict[str, Any], body: bytes, secret: bytes, now: float) -> None:
    """Slack's v0 signature over the raw bytes, and a timestamp within the replay window."""
    timestamp = _header(environ, "X-Slack-Request-Timestamp").strip()
    signature = _header(environ, "X-Slack-Signature").strip()
    if not timestamp or not signature:
        raise Refused(401, "unsigned request")
    if not _TIMESTAMP.fullmatch(timestamp) or not _SIGNATURE.fullmatch(signature):
        raise Refused(401, "malformed signature headers")
    if abs(now - int(timestamp)) > MAX_SKEW:
        raise Refused(401, "stale or future timestamp")
    expected = hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    if not hmac.compare_digest("v0=" + expected.hexdigest(), signature):
        raise Refused(401, "bad signature")


def content_type(environ: dict[str, Any]) -> str:
    """The media type, lower-cased, if it is one Slack sends; else 415."""
    media = str(environ.get("CONTENT_TYPE") or "").split(";", 1)[0].strip().lower()
    if media not in _CONTENT_TYPES:
        raise Refused(415, "content type must be form-encoded or JSON")
    return media


def bolt_headers(environ: dict[str, Any], media: str) -> dict[str, str]:
    """The headers as bolt's WSGI adapter builds them, with the normalised content type."""
    headers = {key[5:].lower().replace("_", "-"): str(value)
               for key, value in environ.items() if key.startswith("HTTP_")}
    headers["content-type"] = media
    headers["content-length"] = str(environ.get("CONTENT_LENGTH") or "")
    return headers


class SlackEdge:
    """The WSGI app for `/slack/events`: checks, then one `BoltRequest` to `app.dispatch`."""

    def __init__(self, app: App, signing_secret: str, *, max_body: int = MAX_BODY_BYTES,
                 clock: Callable[[], float] = time.time) -> None:
        self.app = app
        self.secret = signing_secret.encode()
        self.max_body = max_body
        self.clock = clock

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return answer(start_response, 405, {"error": "POST only"}, [("Allow", "POST")])
        try:
            request = self._checked(environ)
        except Refused as refused:
            return answer(start_response, refused.status, {"error": refused.reason})
        return self._dispatch(request, start_response)

    def _checked(self, environ: dict[str, Any]) -> Any:
        """The BoltRequest for a request that passed every check, or Refused."""
        from slack_bolt.request import BoltRequest

        body = read_body(environ, self.max_body)
        if not self.secret:
            raise Refused(401, "no signing secret configured")
        verify(environ, body, self.secret, self.clock())
        media = content_type(environ)
        if not body.strip():
            raise Refused(400, "empty body")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(400, "body is not UTF-8") from None
        try:
            request = BoltRequest(body=text, query=str(environ.get("QUERY_STRING") or ""),
                                  headers=bolt_headers(environ, media))
        except Exception as exc:  # noqa: BLE001 - bolt's parsing raises anything on bad input
            raise Refused(400, f"malformed {_what(media)} body ({type(exc).__name__})") from None
        if not isinstance(request.body, dict) or not request.body:
            raise Refused(400, f"malformed {_what(media)} body (not an object)")
        return request

    def _dispatch(self, request: Any, start_response: StartResponse) -> Iterable[bytes]:
        from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse

        kind = str(request.body.get("type") or request.body.get("command") or "?")[:40]
        try:
            response = self.app.dispatch(request)
        except Exception:  # noqa: BLE001 - bolt catches its own; this is the last line
            log.exception("signed %r request could not be handled: answered 400", kind)
            return answer(start_response, 400, {"error": "request could not be handled"})
        if response.status >= 500:
            # bolt has logged the listener's exception; the payload had a shape we cannot use.
            log.warning("signed %r request failed in the app (%d): answered 400", kind,
                        response.status)
            return answer(start_response, 400, {"error": "request could not be handled"})
        wsgi = WsgiHttpResponse(status=response.status, headers=response.headers,
                                body=response.body)
        start_response(wsgi.status, wsgi.get_headers())
        return wsgi.get_body()


def _what(media: str) -> str:
    return "JSON" if media == "application/json" else "form"
