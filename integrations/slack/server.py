"""Serving the app: a WSGI app (`/slack/events`, `/healthz`) under waitress, or Socket Mode.

waitress is a production WSGI server with a fixed pool of request threads; bolt's own
`App.start()` is a development server that drops connections under load.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis import Redis
    from slack_bolt import App

HTTP_THREADS = 16
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def wsgi_app(app: App, redis: Redis | None = None) -> WSGIApp:
    """Route `/healthz` here and everything else to bolt's WSGI adapter."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
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
        return slack(environ, start_response)

    return application


def http_server(app: App, *, host: str, port: int, redis: Redis | None = None,
                threads: int = HTTP_THREADS) -> Any:
    """A waitress server (not yet running): call `.run()`, and `.close()` to stop it."""
    from waitress.server import create_server

    return create_server(wsgi_app(app, redis), host=host, port=port, threads=threads,
                         ident="assistant", clear_untrusted_proxy_headers=True)


def socket_mode(app: App, app_token: str) -> Any:
    """A Socket Mode handler (not yet started): call `.start()` to connect and block."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(app, app_token)


def serve_in_thread(app: App, *, host: str = "127.0.0.1", port: int = 0,
                    redis: Redis | None = None, threads: int = HTTP_THREADS) -> tuple[str, Callable[[], None]]:
    """Run the HTTP server in a background thread (tests, benchmarks, embedding).

    Returns the base URL and a `stop()` that closes the server from its own loop thread,
    so shutting down never races the socket poll.
    """
    import threading

    server = http_server(app, host=host, port=port, redis=redis, threads=threads)
    stopping = threading.Event()

    def loop() -> None:
        while not stopping.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1)
        server.close()
        server.task_dispatcher.shutdown()

    thread = threading.Thread(target=loop, name="assistant-http", daemon=True)
    thread.start()

    def stop() -> None:
        stopping.set()
        thread.join(timeout=10)

    return f"http://{server.effective_host}:{server.effective_port}", stop
