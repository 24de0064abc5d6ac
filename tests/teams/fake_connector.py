"""A fake Bot Connector on loopback: records what the bot sends, as Teams would receive it.

Serves `POST /v3/conversations/{id}/activities[/{activityId}]` (send, reply),
`PUT /v3/conversations/{id}/activities/{activityId}` (update),
`POST /v3/conversations` (a personal chat with a user, created) and
`GET /v3/teams/{id}/conversations` (a team's channels), so the real Teams SDK client
runs end to end over real HTTP.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import unquote


@dataclass
class Call:
    """One request the bot made."""

    method: str
    path: str
    conversation: str
    activity_id: str | None
    body: dict[str, Any] | None
    answered_id: str = ""  # the activity id the fake gave back

    @property
    def cards(self) -> list[dict[str, Any]]:
        """The Adaptive Cards the activity carries."""
        return [a["content"] for a in (self.body or {}).get("attachments", [])
                if a.get("contentType") == "application/vnd.microsoft.card.adaptive"]


class FakeConnector:
    """Answers every send with a new activity id; `channels` is what a team lists."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.channels: dict[str, list[dict[str, str]]] = {}
        self.created: list[dict[str, Any]] = []  # bodies of conversations the bot created
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self.url = ""

    def __enter__(self) -> Self:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status: int, body: dict[str, Any]) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _record(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                parts = unquote(self.path.split("?")[0]).strip("/").split("/")
                if parts == ["v3", "conversations"] and self.command == "POST":
                    body = json.loads(raw or b"{}")
                    with fake._lock:
                        fake.created.append(body)
                    member = (body.get("members") or [{}])[0].get("id", "")
                    return self._answer(201, {"id": f"a:personal-{member}"})
                if parts[:2] != ["v3", "conversations"] or len(parts) < 4:
                    return self._answer(404, {"error": {"code": "NotFound"}})
                with fake._lock:
                    call = Call(self.command, self.path, parts[2],
                                parts[4] if len(parts) > 4 else None,
                                json.loads(raw) if raw else None)
                    fake.calls.append(call)
                    call.answered_id = (call.activity_id if self.command == "PUT" else None) \
                        or f"1{len(fake.calls):06d}"
                self._answer(200 if self.command == "PUT" else 201, {"id": call.answered_id})

            do_POST = _record
            do_PUT = _record

            def do_GET(self) -> None:
                parts = unquote(self.path).strip("/").split("/")
                if parts[:2] == ["v3", "teams"] and parts[3:] == ["conversations"]:
                    return self._answer(200, {"conversations": fake.channels.get(parts[2], [])})
                self._answer(404, {"error": {"code": "NotFound"}})

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    def sent(self) -> list[Call]:
        """Every new message (not updates)."""
        return [c for c in self.calls if c.method == "POST"]

    def updates(self) -> list[Call]:
        return [c for c in self.calls if c.method == "PUT"]

    def wait_for(self, count: int, method: str = "POST", timeout: float = 10.0) -> list[Call]:
        """Wait until at least `count` calls of `method` arrived (background work)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [c for c in self.calls if c.method == method]
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {count} {method} calls, got {self.calls}")
