"""A scriptable HTTP server on loopback for the fake feed APIs (Mastodon, Bluesky, RSS).

Each fake supplies a `route(request) -> (status, headers, body)`; `script` overrides the
next answers (a 429 with `Retry-After`, a 500, garbage) before the route takes over.
Every request is recorded with its arrival time, so tests can check pacing and headers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

Answer = tuple[int, dict[str, str], bytes]


@dataclass
class Request:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    at: float


@dataclass
class FakeServer:
    route: Callable[[Request], Answer]
    script: list[Answer] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    url: str = ""

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]


class SlowFeed:
    """A route that answers `body` (RSS) after `delay` seconds and counts the requests it
    answers at once: `most` is the most it held at one time."""

    def __init__(self, body: bytes, delay: float) -> None:
        self.body, self.delay = body, delay
        self.most = 0
        self._now = 0
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Answer:
        with self._lock:
            self._now += 1
            self.most = max(self.most, self._now)
        time.sleep(self.delay)
        with self._lock:
            self._now -= 1
        return 200, {"Content-Type": "application/rss+xml"}, self.body


@contextmanager
def serve(route: Callable[[Request], Answer], address: str = "127.0.0.1") -> Iterator[FakeServer]:
    """Serve `route` on a free port of `address` (any 127.x.y.z address is loopback)."""
    fake = FakeServer(route)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            request = Request(parts.path, query, {k.lower(): v for k, v in self.headers.items()},
                              time.monotonic())
            with lock:
                fake.requests.append(request)
                scripted = fake.script.pop(0) if fake.script else None
            status, headers, body = scripted or fake.route(request)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 64  # a report opens 16 connections at once; 5 would drop SYNs

    server = Server((address, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    fake.url = f"http://{address}:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
