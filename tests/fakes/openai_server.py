"""A fake OpenAI-compatible server on loopback, scripted per test.

It serves `POST .../chat/completions` (the OpenAI path `/v1/chat/completions` and Azure's
`/openai/deployments/<name>/chat/completions`) so the real `openai` client runs end to
end over real HTTP. Each request takes the next scripted behaviour (or the default one)
and is recorded, so tests can count calls and read exactly what was sent.

    with FakeOpenAI() as fake:
        fake.script(status(429, retry_after="0"), answer({...}))
        settings = Settings(openai_base_url=fake.url, ...)
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass
class Behaviour:
    """What the server does with one request."""

    status: int = 200
    content: str | None = None
    refusal: str | None = None
    finish_reason: str = "stop"
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    delay: float = 0.0
    usage: tuple[int, int] = (120, 40)


def answer(
    obj: dict[str, Any], *, delay: float = 0.0, usage: tuple[int, int] = (120, 40)
) -> Behaviour:
    """A normal structured answer: `obj` as the message content."""
    return Behaviour(content=json.dumps(obj), delay=delay, usage=usage)


def raw(content: str, *, finish_reason: str = "stop") -> Behaviour:
    """An answer with this exact content (invalid JSON, a truncated object...)."""
    return Behaviour(content=content, finish_reason=finish_reason)


def truncated(obj: dict[str, Any]) -> Behaviour:
    """The model ran out of output tokens half-way through the JSON."""
    text = json.dumps(obj)
    return Behaviour(content=text[: len(text) // 2], finish_reason="length")


def refusal(text: str = "I'm sorry, I can't help with that.") -> Behaviour:
    """A structured-outputs refusal."""
    return Behaviour(refusal=text)


def status(
    code: int, *, retry_after: str | None = None, message: str = "scripted error"
) -> Behaviour:
    """An HTTP error, optionally with Retry-After (seconds)."""
    headers = {"retry-after": retry_after} if retry_after is not None else {}
    return Behaviour(
        status=code,
        headers=headers,
        body={"error": {"message": message, "type": "scripted", "code": None}},
    )


def slow(seconds: float, then: Behaviour | None = None) -> Behaviour:
    """Wait `seconds` before answering (longer than the client's timeout: a timeout)."""
    behaviour = then or answer({})
    behaviour.delay = seconds
    return behaviour


Script = Behaviour | Callable[[dict[str, Any]], Behaviour]


@dataclass
class Recorded:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", [])


class FakeOpenAI:
    """The server; `default` answers whatever the script does not cover."""

    def __init__(self, default: Script | None = None) -> None:
        self.default: Script = default or answer({})
        self.requests: list[Recorded] = []
        self._queue: list[Script] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        """The OpenAI-style base URL (`OPENAI_BASE_URL`)."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def root(self) -> str:
        """The bare origin (what Azure's `AZURE_OPENAI_ENDPOINT` looks like)."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def calls(self) -> int:
        """How many chat completion requests arrived."""
        with self._lock:
            return len(self.requests)

    def script(self, *behaviours: Script) -> None:
        """Answer the next requests with these, in order."""
        with self._lock:
            self._queue.extend(behaviours)

    def _next(self, body: dict[str, Any]) -> Behaviour:
        with self._lock:
            item = self._queue.pop(0) if self._queue else self.default
        return item(body) if callable(item) else item

    def _record(self, item: Recorded) -> None:
        with self._lock:
            self.requests.append(item)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                raw_body = self.rfile.read(length)
                if not self.path.split("?")[0].endswith("/chat/completions"):
                    self._send(404, {"error": {"message": "not found"}})
                    return
                body = json.loads(raw_body or b"{}")
                fake._record(
                    Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                behaviour = fake._next(body)
                if behaviour.delay:
                    time.sleep(behaviour.delay)
                if behaviour.status != 200:
                    self._send(behaviour.status, behaviour.body or {}, behaviour.headers)
                    return
                prompt, completion = behaviour.usage
                self._send(
                    200,
                    {
                        "id": "chatcmpl-fake",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": body.get("model", "fake-model"),
                        "choices": [
                            {
                                "index": 0,
                                "finish_reason": behaviour.finish_reason,
                                "message": {
                                    "role": "assistant",
                                    "content": behaviour.content,
                                    "refusal": behaviour.refusal,
                                },
                            }
                        ],
                        "usage": {
                            "prompt_tokens": prompt,
                            "completion_tokens": completion,
                            "total_tokens": prompt + completion,
                        },
                    },
                    behaviour.headers,
                )

            def _send(
                self, code: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(code)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to tell it

        return Handler

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
