"""A fake Teams Workflows webhook on loopback: records each POST, answers as scripted."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeTeamsWebhook:
    """Answers from `script` in order (status, headers), then 202 for ever."""

    def __init__(self) -> None:
        self.script: list[tuple[int, dict[str, str]]] = []
        self.requests: list[dict[str, Any]] = []
        self.url = ""

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [r["json"]["attachments"][0]["content"] for r in self.requests if r["json"]]


@contextmanager
def fake_teams_webhook() -> Iterator[FakeTeamsWebhook]:
    fake = FakeTeamsWebhook()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = None
            fake.requests.append({"path": self.path, "body": raw, "json": parsed,
                                  "content_type": self.headers.get("Content-Type")})
            status, headers = fake.script.pop(0) if fake.script else (202, {})
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = (f"http://127.0.0.1:{server.server_address[1]}/workflows/abc/triggers/manual/run"
                "?api-version=1&sig=SECRET-SIGNATURE")
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
