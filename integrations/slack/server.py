"""Serving the app: a WSGI app (`/slack/events`, `/healthz`) under waitress, or Socket Mode.

waitress is a production WSGI server with a fixed pool of request threads; bolt's own
`App.start()` is a development server that drops connections under load. Requests to
`/slack/events` pass the edge (`integrations.slack.edge`) before bolt sees them.

Shutdown is graceful: `serve_until` stops accepting when asked (SIGTERM), lets requests
already on a connection finish and bolt's background listeners drain, for at most a grace
period, then stops.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from integrations.slack.edge import MAX_BODY_BYTES, SlackEdge, answer

if TYPE_CHECKING:
    from redis import Redis
    from slack_bolt import App

HTTP_THREADS = 16
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
SHUTDOWN_GRACE = 10.0  # seconds; Slack wants every ack within 3 s, k8s kills after 30 s
MAX_HEADER_BYTES = 32 * 1024  # Slack sends about 1 KB of headers
IDLE_TIMEOUT = 30  # seconds an idle or stalled connection is kept open
FIRST_REQUEST_WAIT = 1.0  # seconds a connection accepted before shutdown has to send

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
log = logging.getLogger("assistant.slack.server")


def wsgi_app(app: App, redis: Redis | None = None, *, signing_secret: str | None = None,
             max_body: int = MAX_BODY_BYTES) -> WSGIApp:
    """`/healthz` here, `/slack/events` through the edge to bolt, anything else 404.

    `signing_secret` defaults to the one the bolt app was built with.
    """
    secret = signing_secret if signing_secret is not None else getattr(app, "_signing_secret", "")
    edge = SlackEdge(app, secret or "", max_body=max_body)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO")
        if path == EVENTS_PATH:
            return edge(environ, start_response)
        if path == HEALTH_PATH:
            ok = True
            if redis is not None:
                try:
                    ok = bool(redis.ping())
                except Exception:  # noqa: BLE001 - any failure means unhealthy
                    ok = False
            body = json.dumps({"status": "ok" if ok else "redis unavailable"}).encode()
            start_response("200 OK" if ok else "503 Service Unavailable",
                           [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return answer(start_response, 404, {"error": "not found"})

    return application


def http_server(app: App, *, host: str, port: int, redis: Redis | None = None,
                threads: int = HTTP_THREADS, max_body: int = MAX_BODY_BYTES) -> Any:
    """A waitress server (not yet running): run it with `serve_until`.

    waitress itself answers 413 past `max_body` (Content-Length or chunked) and spools
    bodies over 512 KB to a temporary file, so a huge upload never sits in memory.
    """
    from waitress.server import create_server

    server = create_server(wsgi_app(app, redis, max_body=max_body), host=host, port=port,
                           threads=threads, ident="assistant", clear_untrusted_proxy_headers=True,
                           max_request_body_size=max_body + 1,  # waitress refuses at >=
                           max_request_header_size=MAX_HEADER_BYTES, channel_timeout=IDLE_TIMEOUT)
    server.channel_class = _channel_class()
    return server


def _channel_class() -> type:
    """waitress's connection class, answering 400 (not 501) to a transfer coding other than
    chunked: a request we refuse is the client's fault, and the endpoint never says 5xx."""
    from waitress.channel import HTTPChannel
    from waitress.parser import HTTPRequestParser, ParsingError, TransferEncodingNotImplemented

    class Parser(HTTPRequestParser):
        def parse_header(self, header_plus: bytes) -> None:
            try:
                super().parse_header(header_plus)
            except TransferEncodingNotImplemented as exc:
                raise ParsingError(f"unsupported transfer coding: {exc}") from None

    class Channel(HTTPChannel):
        parser_class = Parser

    return Channel


def serve_until(server: Any, stop: threading.Event, *, grace: float = SHUTDOWN_GRACE,
                app: App | None = None) -> int:
    """Serve until `stop` is set, then drain; returns how many requests the grace cut off.

    Draining: connections already queued in the kernel are taken, then the listening
    socket closes (new connections are refused, so a load balancer sends them elsewhere),
    idle keep-alive connections close, requests already received or arriving on an open
    connection run to the end, then bolt's listener threads (work after the ack) finish.
    All within `grace` seconds.
    """
    from waitress import wasyncore
    from waitress.channel import HTTPChannel

    def turn(timeout: float) -> None:
        wasyncore.loop(timeout=timeout, map=server._map, count=1,
                       use_poll=server.adj.asyncore_use_poll)

    while not stop.is_set():
        turn(0.1)
    deadline = time.monotonic() + grace
    _accept_backlog(server)
    wasyncore.dispatcher.close(server)  # the listener only: the wake-up trigger stays
    busy = _drain_connections(server, HTTPChannel, turn, deadline)
    if busy:
        log.warning("shutdown: grace of %.0f s over, %d request(s) cut off", grace, busy)
    if app is not None and not _drain_listeners(app, deadline):
        log.warning("shutdown: listeners still running after the grace period")
        busy += 1
    server.task_dispatcher.shutdown(timeout=max(0.0, deadline - time.monotonic()))
    wasyncore.close_all(server._map)
    return busy


def _accept_backlog(server: Any) -> None:
    """Take the connections the kernel completed before the signal: closing the listener
    with them still queued would reset clients that have already sent their request."""
    for _ in range(server.adj.backlog):
        before = len(server._map)
        server.handle_accept()
        if len(server._map) == before:
            return


def _drain_connections(server: Any, channel_class: type, turn: Callable[[float], None],
                       deadline: float) -> int:
    """Run the loop until no connection has a request in progress; close idle ones."""
    while True:
        busy = 0
        now = time.time()
        for channel in list(server._map.values()):
            if not isinstance(channel, channel_class):
                continue
            # Just accepted, nothing read yet: its request is most likely on the way.
            fresh = (channel.last_activity == channel.creation_time
                     and now - channel.creation_time < FIRST_REQUEST_WAIT)
            working = channel.requests or channel.total_outbufs_len or channel.request is not None
            if working or fresh:
                busy += 1
            elif not channel.will_close:
                channel.will_close = True  # idle keep-alive: closed by the loop below
        if not busy or time.monotonic() >= deadline:
            return busy
        turn(0.05)


def _drain_listeners(app: App, deadline: float) -> bool:
    """Wait for bolt's listener threads (work done after the ack) until `deadline`."""
    executor = getattr(getattr(app, "listener_runner", None), "listener_executor", None)
    if executor is None or not hasattr(executor, "shutdown"):
        return True
    waiter = threading.Thread(target=executor.shutdown, kwargs={"wait": True}, daemon=True)
    waiter.start()
    waiter.join(timeout=max(0.0, deadline - time.monotonic()))
    return not waiter.is_alive()


def bound_allocator(arenas: int = 2) -> bool:
    """Cap glibc's malloc arenas for this process (unless MALLOC_ARENA_MAX says otherwise).

    glibc gives each thread that allocates under contention its own arena, up to eight per
    core, and arenas keep their freed memory: measured, 16 request threads and 32 listener
    threads grew the web process by ~6 MB with every pass of the hostile corpus (52 MB to
    111 MB over five passes); with two arenas it stays within 61-69 MB. Call before any
    thread starts. Returns False where the C library has no such knob (musl, macOS).
    """
    import ctypes
    import ctypes.util
    import os

    if os.environ.get("MALLOC_ARENA_MAX"):
        return True
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return bool(libc and libc.mallopt(-8, arenas))  # -8: M_ARENA_MAX
    except (OSError, AttributeError):
        return False


def socket_mode(app: App, app_token: str) -> Any:
    """A Socket Mode handler (not yet started): call `.start()` to connect and block."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(app, app_token)


def serve_in_thread(app: App, *, host: str = "127.0.0.1", port: int = 0,
                    redis: Redis | None = None, threads: int = HTTP_THREADS,
                    max_body: int = MAX_BODY_BYTES,
                    grace: float = SHUTDOWN_GRACE) -> tuple[str, Callable[[], None]]:
    """Run the HTTP server in a background thread (tests, benchmarks, embedding).

    Returns the base URL and a `stop()` that shuts down gracefully from the server's own
    loop thread, so shutting down never races the socket poll.
    """
    server = http_server(app, host=host, port=port, redis=redis, threads=threads,
                         max_body=max_body)
    stopping = threading.Event()
    thread = threading.Thread(target=serve_until, args=(server, stopping),
                              kwargs={"grace": grace}, name="assistant-http", daemon=True)
    thread.start()

    def stop() -> None:
        stopping.set()
        thread.join(timeout=grace + 5)

    return f"http://{server.effective_host}:{server.effective_port}", stop
