"""A fake Slack Web API on loopback that records every call, for tests and benchmarks.

It answers the methods the app uses (auth.test, chat.postMessage, chat.postEphemeral,
views.publish, views.open, conversations.open, conversations.replies,
conversations.history) and
`response_url` POSTs (any path under /response/). Posted messages are kept with their
metadata (`messages`), so history and replies find them as Slack would. Switches:
`rate_limit_once(method, seconds)` answers the next call of a method with 429 +
Retry-After; `storm(method, answers)` scripts the next answers of a method (429s, 5xx,
or "land then fail": the message is kept but the answer is a 500); `slow_after_post`
holds the answer of a post that has already landed (to kill the poster mid-call);
`not_in_channel` lists channels the bot is not in. As in Slack, a message posted to a user
id lands in the app's DM with that user (`dm_channel(user)`, the id conversations.open
answers), and history or replies asked of a user id answer `channel_not_found`.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER = "UBOT"
TEAM = "T0001"


def is_user(channel: str) -> bool:
    """A user id (U…, W…) rather than a conversation id (C…, G…, D…)."""
    return channel[:1] in ("U", "W")


def dm_channel(user: str) -> str:
    """The id of the app's DM with `user` (what conversations.open answers)."""
    return "D" + user[1:]


@dataclass
class Call:
    """One request the fake received: the API method (or "response_url"), its body, status."""

    method: str
    body: dict[str, Any]
    path: str
    status: int
    at: float = field(default_factory=time.monotonic)


class FakeSlack:
    """Start with `start()`, point `SLACK_API_URL` at `api_url`, read `calls`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.calls: list[Call] = []
        self.threads: dict[tuple[str, str], str] = {}  # (channel, ts) -> text of that message
        self.not_in_channel: set[str] = set()
        self.uploads: dict[str, bytes] = {}  # file id -> bytes of files_upload_v2 uploads
        self._file_ids = itertools.count(1)
        self._rate_limits: dict[str, int] = {}
        self.messages: list[dict[str, Any]] = []  # every message that landed, with channel
        self._storms: dict[str, list[tuple[int, dict[str, str], bool]]] = {}
        self.slow_after_post = 0.0
        self._upload_names: dict[str, str] = {}
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                try:
                    fake._handle(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the caller died waiting (fault tests kill it on purpose)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}/response/{name}"

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def rate_limit_once(self, method: str, retry_after: int = 1) -> None:
        """Answer the next call of `method` with 429 and `Retry-After: retry_after`."""
        with self._lock:
            self._rate_limits[method] = retry_after

    def storm(self, method: str, answers: list[tuple[int, dict[str, str]] | tuple[int, dict[str, str], bool]]) -> None:
        """Answer the next calls of `method` with these (status, headers[, lands]) first.

        `lands=True` keeps the message (Slack accepted it) although the answer is an error.
        """
        with self._lock:
            self._storms.setdefault(method, []).extend(
                (a[0], a[1], bool(a[2]) if len(a) > 2 else False) for a in answers)

    def landed(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Messages that landed (in `channel`), in order."""
        with self._lock:
            return [m for m in self.messages if channel is None or m["channel"] == channel]

    def of(self, method: str) -> list[Call]:
        """The calls of one method that succeeded, in order."""
        with self._lock:
            return [c for c in self.calls if c.method == method and c.status == 200]

    def wait_for(self, predicate: Callable[[FakeSlack], bool], timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self):
                return True
            time.sleep(0.02)
        return predicate(self)

    # --- request handling --------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        if parts.path.startswith("/upload/"):  # the file POST of files_upload_v2
            file_id = parts.path.removeprefix("/upload/")
            self.uploads[file_id] = raw
            self._record("upload", {"file_id": file_id, "bytes": len(raw)}, parts.path, 200)
            self._send_text(request, 200, f"OK - {len(raw)}")
            return
        body: dict[str, Any] = dict(parse_qsl(parts.query))
        kind = request.headers.get("Content-Type", "")
        if raw and "json" in kind:
            body.update(json.loads(raw))
        elif raw:
            body.update(dict(parse_qsl(raw.decode())))
        for key in ("blocks", "view"):  # form-encoded clients send JSON strings
            if isinstance(body.get(key), str):
                body[key] = json.loads(body[key])
        if parts.path.startswith("/response/"):
            method = "response_url"
        else:
            method = parts.path.removeprefix("/api/")
        with self._lock:
            retry_after = self._rate_limits.pop(method, None)
            storm = self._storms.get(method)
            scripted = storm.pop(0) if storm else None
        if scripted is not None:
            status, headers, lands = scripted
            if lands:
                self._answer(method, body)
            self._record(method, body, parts.path, status)
            error = "ratelimited" if status == 429 else "internal_error"
            self._send(request, status, {"ok": False, "error": error}, headers)
            return
        if retry_after is not None:
            self._record(method, body, parts.path, 429)
            self._send(request, 429, {"ok": False, "error": "ratelimited"},
                       {"Retry-After": str(retry_after)})
            return
        status, answer = self._answer(method, body)
        if method == "chat.postMessage" and answer.get("ok") and self.slow_after_post:
            time.sleep(self.slow_after_post)  # landed; the poster may die waiting
        self._record(method, body, parts.path, status)
        if method == "response_url":
            self._send_text(request, status, "ok")
        else:
            self._send(request, status, answer)

    def _record(self, method: str, body: dict[str, Any], path: str, status: int) -> None:
        with self._lock:
            self.calls.append(Call(method, body, path, status))

    def _answer(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "response_url":
            return 200, {}
        if method == "auth.test":
            return 200, {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "assistant",
                         "team_id": TEAM, "user_id": BOT_USER, "bot_id": "BBOT", "is_enterprise_install": False}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            channel = body.get("channel", "")
            if channel in self.not_in_channel:
                return 200, {"ok": False, "error": "not_in_channel"}
            if is_user(channel) and method == "chat.postMessage":
                channel = dm_channel(channel)  # Slack posts it in the app's DM
            ts = f"{int(time.time())}.{next(self._ts):06d}"
            key = "ts" if method == "chat.postMessage" else "message_ts"
            if method == "chat.postMessage":
                metadata = body.get("metadata")
                if isinstance(metadata, str):
                    metadata = json.loads(metadata)
                with self._lock:
                    self.messages.append({"channel": channel, "ts": ts, "text": body.get("text", ""),
                                          "thread_ts": body.get("thread_ts"),
                                          "metadata": metadata})
            return 200, {"ok": True, "channel": channel, key: ts,
                         "message": {"text": body.get("text", ""), "ts": ts}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._file_ids):08d}"
            self._upload_names[file_id] = body.get("filename", "")
            return 200, {"ok": True, "file_id": file_id, "upload_url": f"{self.url}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            files = body.get("files")
            files = json.loads(files) if isinstance(files, str) else (files or [])
            shared = [{"id": f.get("id"), "name": self._upload_names.get(f.get("id", ""), ""),
                       "title": f.get("title", "")} for f in files]
            if body.get("channel_id"):
                with self._lock:
                    self.messages.append({"channel": body["channel_id"], "text": "",
                                          "ts": f"{int(time.time())}.{next(self._ts):06d}",
                                          "thread_ts": body.get("thread_ts"), "files": shared,
                                          "metadata": None})
            return 200, {"ok": True, "files": shared or [{"id": "F1", "title": body.get("title", "")}]}
        if method in ("views.publish", "views.open"):
            return 200, {"ok": True, "view": {"id": "V0001", **(body.get("view") or {})}}
        if method == "conversations.open":
            users = str(body.get("users", ""))
            if not users or "," in users or not is_user(users):
                return 200, {"ok": False, "error": "user_not_found"}
            return 200, {"ok": True, "channel": {"id": dm_channel(users)}}
        if method in ("conversations.replies", "conversations.history") and is_user(
                body.get("channel", "")):
            return 200, {"ok": False, "error": "channel_not_found"}
        if method == "conversations.replies":
            text = self.threads.get((body.get("channel", ""), body.get("ts", "")))
            if text is not None:
                return 200, {"ok": True, "messages": [{"type": "message", "text": text, "ts": body["ts"]}]}
            found = self._history(body, thread=body.get("ts", ""))
            if not found:
                return 200, {"ok": False, "error": "thread_not_found"}
            return 200, {"ok": True, "messages": found, "has_more": False}
        if method == "conversations.history":
            return 200, {"ok": True, "messages": self._history(body, thread=None)[::-1],
                         "has_more": False}
        return 200, {"ok": False, "error": "unknown_method"}

    def _history(self, body: dict[str, Any], *, thread: str | None) -> list[dict[str, Any]]:
        """Messages of a channel (top level) or of one thread (parent first), since `oldest`."""
        channel, oldest = body.get("channel", ""), float(body.get("oldest") or 0)
        metadata = str(body.get("include_all_metadata", "")).lower() in ("1", "true")
        out = []
        with self._lock:
            for m in self.messages:
                if m["channel"] != channel or float(m["ts"]) < oldest:
                    continue
                if thread is None and m.get("thread_ts"):
                    continue
                if thread is not None and m["ts"] != thread and m.get("thread_ts") != thread:
                    continue
                item = {"type": "message", "ts": m["ts"], "text": m["text"]}
                if m.get("files"):
                    item["files"] = m["files"]
                if metadata and m.get("metadata"):
                    item["metadata"] = m["metadata"]
                out.append(item)
        return out

    @staticmethod
    def _send(request: BaseHTTPRequestHandler, status: int, answer: dict[str, Any],
              headers: dict[str, str] | None = None) -> None:
        data = json.dumps(answer).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)

    @staticmethod
    def _send_text(request: BaseHTTPRequestHandler, status: int, text: str) -> None:
        data = text.encode()
        request.send_response(status)
        request.send_header("Content-Type", "text/plain")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)
