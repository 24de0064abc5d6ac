"""A polite HTTP GET for live feed sources: timeouts, retries, conditional requests, rate limit.

Stdlib `urllib` (no new dependency) wrapped with tenacity: 429, 5xx and connection
errors are retried with exponential backoff, honouring `Retry-After` (capped). Responses
that carry an `ETag` or `Last-Modified` (and are at most `MAX_CACHED_BODY`) are cached
(Redis when given, else in memory) and revalidated with `If-None-Match` /
`If-Modified-Since`, so a daily run against an unchanged feed transfers nothing. Each
host gets at most one request per `min_interval`.

A client with `allow_address` set (sources typed in chat) connects only to addresses the
rule allows: every connection, redirects included, resolves the host once, checks every
address, and connects to the address it checked (no second lookup for DNS rebinding).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.client
import ipaddress
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

from tenacity import RetryCallState, retry, retry_if_exception_type, stop_after_attempt

from assistant.errors import SourceError

USER_AGENT = "agency-assistant/0.1 (+feed health reports)"
MAX_BODY = 20 * 1024 * 1024  # a feed page far beyond this is not a feed page
MAX_CACHED_BODY = 2 * 1024 * 1024  # bigger bodies are fetched but not kept for revalidation
CACHE_PREFIX = "assistant:v1:http:"
MAX_REDIRECTS = 5
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressRule = Callable[[IPAddress], bool]


def public_address(address: IPAddress) -> bool:
    """The rule for sources typed in chat: globally routable addresses only."""
    return address.is_global


class FetchError(SourceError):
    """A source could not be fetched; `reason` is one line fit for a report (no secrets)."""

    def __init__(self, reason: str, *, source: str = "") -> None:
        super().__init__(f"{source}: {reason}" if source else reason)
        self.reason = reason
        self.source = source


class AddressRefused(SourceError, OSError):
    """A connection the address rule does not allow (never retried)."""


def checked_addresses(host: str, port: int | None, allow: AddressRule) -> list[str]:
    """Every address `host` resolves to, refused unless the rule allows all of them."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise AddressRefused(f"cannot resolve {host!r}") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses or not all(allow(ipaddress.ip_address(a.split("%")[0])) for a in addresses):
        raise AddressRefused(f"{host!r} is not a public address")
    return addresses


def _pinned_connect(allow: AddressRule, address: tuple[str, int], timeout: Any = None,
                    source_address: Any = None) -> socket.socket:
    """`socket.create_connection`, but only to the addresses that were just checked."""
    host, port = address
    error: OSError | None = None
    for ip in checked_addresses(host, port, allow):
        try:
            return socket.create_connection((ip, port), timeout, source_address)
        except OSError as exc:
            error = exc
    raise error or AddressRefused(f"cannot connect to {host!r}")


class _GuardedHTTP(http.client.HTTPConnection):
    def __init__(self, *args: Any, allow: AddressRule, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_pinned_connect, allow)


class _GuardedHTTPS(http.client.HTTPSConnection):
    # HTTPSConnection.connect wraps the socket with server_hostname=self.host, so the
    # certificate is still checked against the name, not the pinned address.
    def __init__(self, *args: Any, allow: AddressRule, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_pinned_connect, allow)


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow: AddressRule) -> None:
        super().__init__()
        self.allow = allow

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(functools.partial(_GuardedHTTP, allow=self.allow), req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow: AddressRule) -> None:
        super().__init__()
        self.allow = allow

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(functools.partial(_GuardedHTTPS, allow=self.allow), req,
                            context=self._context)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects to http(s) only, a few hops; each hop connects through the guard again."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Any:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise AddressRefused("redirected to a non-HTTP URL")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def guarded_opener(allow: AddressRule) -> urllib.request.OpenerDirector:
    """An opener for untrusted URLs: no proxies, no file:/ftp:/data:, every hop checked."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.UnknownHandler(), _GuardedHTTPHandler(allow),
                    _GuardedHTTPSHandler(allow), urllib.request.HTTPDefaultErrorHandler(),
                    _HttpOnlyRedirects(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


class _Retryable(FetchError):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    headers: dict[str, str]
    url: str
    from_cache: bool = False


class Cache(Protocol):
    def get(self, key: str) -> dict[str, Any] | None: ...
    def put(self, key: str, value: dict[str, Any]) -> None: ...


class MemoryCache:
    """Conditional-request cache for one process (CLI previews, tests)."""

    def __init__(self) -> None:
        self._items: dict[str, dict[str, Any]] = {}

    def get(self, key: str) -> dict[str, Any] | None:
        return self._items.get(key)

    def put(self, key: str, value: dict[str, Any]) -> None:
        self._items[key] = value


class RedisCache:
    """Conditional-request cache shared by every scheduler and worker; entries expire."""

    def __init__(self, client: Any, ttl: int = 3 * 24 * 3600) -> None:
        self.client = client
        self.ttl = ttl

    def get(self, key: str) -> dict[str, Any] | None:
        raw = self.client.get(CACHE_PREFIX + key)
        if raw is None:
            return None
        value = json.loads(raw)
        value["body"] = base64.b64decode(value["body"])
        return value

    def put(self, key: str, value: dict[str, Any]) -> None:
        stored = {**value, "body": base64.b64encode(value["body"]).decode("ascii")}
        self.client.set(CACHE_PREFIX + key, json.dumps(stored), ex=self.ttl)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def redact(url: str) -> str:
    """A URL fit for a report or a log: no query string, no user info."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}" + ("?…" if parts.query else "")


@dataclass
class HttpClient:
    """GETs with a timeout, retries with backoff, a per-host rate limit and a revalidation cache.

    `backoff` is the first retry wait in seconds (doubling, capped at `max_wait`); tests
    set it tiny. `Retry-After` wins over the backoff but is capped at `max_wait` too, so a
    hostile server cannot park the daily run for an hour.

    `allow_address` (None: no check, for admin-configured sources) is the address rule
    every connection must pass; use `guarded()` for sources typed in chat.
    """

    timeout: float = 15.0
    attempts: int = 4
    backoff: float = 1.0
    max_wait: float = 60.0
    min_interval: float = 1.0
    cache: Cache | None = field(default_factory=MemoryCache)
    user_agent: str = USER_AGENT
    allow_address: AddressRule | None = None
    _next_slot: dict[str, float] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _opener: urllib.request.OpenerDirector | None = field(default=None, init=False, repr=False)

    def guarded(self, allow: AddressRule = public_address) -> HttpClient:
        """This client (same cache, same pacing) connecting only where `allow` says."""
        return replace(self, allow_address=allow)

    def _open(self, request: urllib.request.Request) -> Any:
        if self.allow_address is None:
            return urllib.request.urlopen(request, timeout=self.timeout)
        if self._opener is None:
            self._opener = guarded_opener(self.allow_address)
        return self._opener.open(request, timeout=self.timeout)

    def _wait_turn(self, url: str) -> None:
        """Space requests to one host by `min_interval` seconds, across threads."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, 0.0))
            self._next_slot[host] = slot + self.min_interval
        if slot > now:
            time.sleep(slot - now)

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _Retryable) and error.retry_after is not None:
            return min(error.retry_after, self.max_wait)
        return min(self.backoff * 2 ** (state.attempt_number - 1), self.max_wait)

    def get(self, url: str, *, headers: dict[str, str] | None = None,
            conditional: bool = True) -> Response:
        """The body of `url` (or the cached one after a 304); FetchError when it cannot be had."""
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        cached = self.cache.get(key) if conditional and self.cache is not None else None
        request_headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity",
                           **(headers or {})}
        if cached:
            if cached.get("etag"):
                request_headers["If-None-Match"] = cached["etag"]
            if cached.get("last_modified"):
                request_headers["If-Modified-Since"] = cached["last_modified"]

        fetch = retry(retry=retry_if_exception_type(_Retryable), wait=self._wait,
                      stop=stop_after_attempt(self.attempts), reraise=True)(self._once)
        try:
            response = fetch(url, request_headers)
        except _Retryable as exc:
            raise FetchError(f"{exc.reason} (gave up after {self.attempts} attempts)") from None
        if response.status == 304 and cached:
            return Response(200, cached["body"], dict(cached.get("headers") or {}), url, True)
        if self.cache is not None and conditional:
            etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
            if (etag or modified) and len(response.body) <= MAX_CACHED_BODY:
                self.cache.put(key, {"etag": etag, "last_modified": modified,
                                     "body": response.body, "headers": response.headers})
        return response

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_turn(url)
        request = urllib.request.Request(url, headers=headers, method="GET")
        where = redact(url)
        try:
            with self._open(request) as answer:
                body = answer.read(MAX_BODY + 1)
                status = answer.status
                answer_headers = {k.lower(): v for k, v in answer.headers.items()}
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(304, b"", {k.lower(): v for k, v in exc.headers.items()}, url)
            if exc.code == 429 or exc.code >= 500:
                raise _Retryable(f"{where} answered HTTP {exc.code}",
                                 parse_retry_after(exc.headers.get("Retry-After"))) from None
            raise FetchError(f"{where} answered HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, AddressRefused):
                raise FetchError(f"{where} refused: {exc.reason}") from None
            raise _Retryable(f"{where} unreachable: {exc.reason}") from None
        except AddressRefused as exc:
            raise FetchError(f"{where} refused: {exc}") from None
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            raise _Retryable(f"{where} unreachable: {exc or type(exc).__name__}") from None
        if len(body) > MAX_BODY:
            raise FetchError(f"{where} sent more than {MAX_BODY // (1024 * 1024)} MB")
        return Response(status, body, answer_headers, url)
