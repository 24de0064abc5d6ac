"""The Slack app end to end: the real bolt app behind waitress on a free port, a fake Slack
Web API on loopback, a real Redis, and the RQ worker run in burst mode in this process.

Every payload the app sends (recorded by the fake) is checked against Block Kit limits
when each test ends.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
import redis as redis_lib
from slack_sdk.signature import SignatureVerifier

from assistant.config import WorkspaceConfig
from assistant.settings import Settings
from assistant.sources.http import public_address
from tests.conftest import free_port
from tests.fakes.slack_api import TEAM, FakeSlack
from tests.slack.blockcheck import call_problems

SECRET = "test-signing-secret"
CHANNEL = "C0REVIEWS"
USER = "U0AUTHOR"


@dataclass
class Reply:
    status: int
    body: str
    seconds: float

    def json(self) -> dict[str, Any]:
        return json.loads(self.body)


def signed_post(url: str, body: str, content_type: str, *, secret: str = SECRET,
                timestamp: int | None = None, signature: str | None = None,
                headers: dict[str, str] | None = None) -> Reply:
    """POST `body` the way Slack does: X-Slack-Request-Timestamp and a v0= signature."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    sig = signature or SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    request = urllib.request.Request(url, data=body.encode(), method="POST", headers={
        "Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig,
        **(headers or {}),
    })
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return Reply(answer.status, answer.read().decode(), time.monotonic() - started)
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, exc.read().decode(), time.monotonic() - started)


def command_body(text: str, response_url: str, *, channel: str = CHANNEL) -> str:
    return urlencode({
        "token": "x", "team_id": TEAM, "team_domain": "fake", "channel_id": channel,
        "channel_name": "reviews", "user_id": USER, "user_name": "author", "command": "/review",
        "text": text, "api_app_id": "A0APP", "response_url": response_url, "trigger_id": "1.2.3",
    })


def payload_body(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})


def event_body(event: dict[str, Any], event_id: str) -> str:
    return json.dumps({
        "token": "x", "team_id": TEAM, "api_app_id": "A0APP", "type": "event_callback",
        "event_id": event_id, "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": TEAM, "user_id": "UBOT", "is_bot": True}],
    })


@dataclass
class SlackRig:
    """Everything a test drives: the app's URL, the fake Slack, Redis, and the worker."""

    url: str
    fake: FakeSlack
    redis: redis_lib.Redis
    settings: Settings
    workspace: WorkspaceConfig
    address_rule: Callable[[Any], bool] = public_address  # where chat-given sources may connect

    @property
    def events_url(self) -> str:
        return self.url + "/slack/events"

    def command(self, text: str, **kwargs: Any) -> Reply:
        body = command_body(text, self.fake.response_url(), **kwargs)
        return signed_post(self.events_url, body, "application/x-www-form-urlencoded")

    def interact(self, payload: dict[str, Any]) -> Reply:
        return signed_post(self.events_url, payload_body(payload), "application/x-www-form-urlencoded")

    def event(self, event: dict[str, Any], event_id: str, retry: int = 0) -> Reply:
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
        return signed_post(self.events_url, event_body(event, event_id), "application/json",
                           headers=headers)

    def work(self) -> None:
        """Run every queued job now (RQ worker in burst mode, in this process)."""
        from assistant.jobs import run_worker
        from integrations.slack.worker import configure

        configure(self.settings, self.workspace, self.redis, address_rule=self.address_rule)
        run_worker(self.redis, burst=True)

    def posted(self, method: str = "chat.postMessage") -> list[dict[str, Any]]:
        return [call.body for call in self.fake.of(method)]


@pytest.fixture
def rig(monkeypatch: pytest.MonkeyPatch, redis_url: str, fake_slack: FakeSlack) -> Iterator[SlackRig]:
    """The app serving on a free port; fails the test if any payload broke a Block Kit limit."""
    for name in ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "OPENAI_API_KEY", "OPENAI_BASE_URL",
                 "AZURE_OPENAI_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    from integrations.slack.app import create_app
    from integrations.slack.server import serve_in_thread

    settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                        slack_api_url=fake_slack.api_url, redis_url=redis_url)
    workspace = WorkspaceConfig.model_validate({"agency": {"name": "Bright Pixel"}})
    redis = redis_lib.Redis.from_url(redis_url)
    app = create_app(settings, workspace, redis=redis)
    url, stop = serve_in_thread(app, port=free_port(), redis=redis)
    yield SlackRig(url, fake_slack, redis, settings, workspace)
    stop()
    redis.close()
    broken = {
        f"{call.method} #{index}": problems
        for index, call in enumerate(fake_slack.calls)
        if call.status == 200 and (problems := call_problems(call.method, call.body))
    }
    assert not broken, f"payloads breaking Block Kit limits: {broken}"
