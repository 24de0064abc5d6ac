"""SIGTERM to a real `assistant serve`: it stops accepting at once, yet the requests it
already has (one waiting on a slow Redis, one whose body is still arriving) are answered
and their work queued; then it exits 0 within the grace period."""

from __future__ import annotations

import signal
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis as redis_lib

from tests.fakes.slack_api import TEAM, FakeSlack
from tests.hostile.conftest import SECRET, start_serve
from tests.hostile.wire import Wire, send, signature

BUSY_SCRIPT = """
local start = redis.call('TIME')
local began = tonumber(start[1]) + tonumber(start[2]) / 1e6
while true do
  local now = redis.call('TIME')
  if tonumber(now[1]) + tonumber(now[2]) / 1e6 - began > tonumber(ARGV[1]) then return 1 end
end
"""


def _review(text: str, response_url: str) -> bytes:
    return urlencode({"command": "/review", "text": text, "team_id": TEAM, "channel_id": "C0REV",
                      "user_id": "U0A", "response_url": response_url,
                      "trigger_id": "1.2.3"}).encode()


def _signed(name: str, body: bytes, **kwargs: object) -> Wire:
    stamp = str(int(time.time()))
    return Wire(name, headers=[("Content-Type", "application/x-www-form-urlencoded"),
                               ("X-Slack-Request-Timestamp", stamp),
                               ("X-Slack-Signature", signature(SECRET, stamp, body))],
                body=body, **kwargs)  # type: ignore[arg-type]


def test_sigterm_drains_in_flight_requests_and_refuses_new_ones(
        redis_url: str, fake_slack: FakeSlack, tmp_path: Path) -> None:
    web = start_serve(redis_url, fake_slack, tmp_path / "serve.log", "--grace", "10")
    redis = redis_lib.Redis.from_url(redis_url)
    results: dict[str, int] = {}
    try:
        # Redis busy for 2 s: the next /review waits inside the app for its enqueue.
        blocker = threading.Thread(target=lambda: redis_lib.Redis.from_url(redis_url).eval(
            BUSY_SCRIPT, 0, 2.0))
        blocker.start()
        time.sleep(0.2)
        waiting = threading.Thread(target=lambda: results.__setitem__(
            "waiting", send("127.0.0.1", web.port, _signed("waiting", _review(
                "Draft one: our autumn menu is here", fake_slack.response_url("a"))))))
        waiting.start()
        # A second request whose body is still on its way when the signal lands.
        slow_body = _review("Draft two: new opening hours", fake_slack.response_url("b"))
        half = len(slow_body) // 2
        slow = socket.create_connection(("127.0.0.1", web.port), timeout=20)
        wire = _signed("slow", slow_body)
        slow.sendall(wire.head() + slow_body[:half])
        time.sleep(0.3)

        web.process.send_signal(signal.SIGTERM)
        time.sleep(0.4)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", web.port), timeout=2).close()
        slow.sendall(slow_body[half:])
        answer = slow.recv(4096)
        slow.close()
        waiting.join(timeout=20)
        blocker.join(timeout=20)

        assert results["waiting"] == 200
        assert answer.startswith(b"HTTP/1.1 200"), answer[:80]
        assert web.process.wait(timeout=15) == 0
        assert "every request answered" in web.stderr()
        assert redis.llen("rq:queue:assistant") == 2  # both reviews reached the worker's queue
    finally:
        if web.process.poll() is None:
            web.process.kill()
        redis.close()


def test_sigterm_on_an_idle_server_exits_at_once(redis_url: str, fake_slack: FakeSlack,
                                                 tmp_path: Path) -> None:
    web = start_serve(redis_url, fake_slack, tmp_path / "serve.log")
    keepalive = socket.create_connection(("127.0.0.1", web.port), timeout=5)  # idle connection
    started = time.monotonic()
    web.process.send_signal(signal.SIGTERM)
    assert web.process.wait(timeout=10) == 0
    assert time.monotonic() - started < 5.0  # well under the 10 s grace: it did not wait
    assert keepalive.recv(10) == b""  # closed by the server, not left hanging
    keepalive.close()
