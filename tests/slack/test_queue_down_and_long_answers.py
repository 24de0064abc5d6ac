"""The user always hears back: a dead queue is reported from every entry point, and a
long `/review rules` answer arrives whole (the first message in the ack, the rest after)."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.checks.ruleset import RuleSet
from assistant.config import WorkspaceConfig
from assistant.settings import Settings
from tests.conftest import REPO, free_port
from tests.fakes.slack_api import TEAM, FakeSlack
from tests.slack.conftest import CHANNEL, SECRET, USER, command_body, payload_body, signed_post


@pytest.fixture
def dead_queue_app(fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The real app, built by `create_app` with its own client, whose Redis (the job queue)
    refuses connections."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    from integrations.slack.app import create_app
    from integrations.slack.server import serve_in_thread

    settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                        slack_api_url=fake_slack.api_url,
                        redis_url=f"redis://127.0.0.1:{free_port()}/0")
    app = create_app(settings, WorkspaceConfig.model_validate({"agency": {"name": "BP"}}))
    url, stop = serve_in_thread(app, port=free_port())
    yield url + "/slack/events"
    stop()


def test_message_shortcut_tells_the_user_when_the_queue_is_down(
    dead_queue_app: str, fake_slack: FakeSlack
) -> None:
    reply = signed_post(dead_queue_app, payload_body({
        "type": "message_action", "callback_id": "review_message", "trigger_id": "1.2.3",
        "response_url": fake_slack.response_url("s1"), "team": {"id": TEAM},
        "channel": {"id": CHANNEL}, "user": {"id": USER},
        "message": {"type": "message", "text": "Buy now!!!", "ts": "1700000000.000100"},
    }), "application/x-www-form-urlencoded")
    assert reply.status == 200
    assert fake_slack.wait_for(lambda f: bool(f.of("response_url")), timeout=5)
    (told,) = [c.body for c in fake_slack.of("response_url")]
    assert told["response_type"] == "ephemeral" and "queue unavailable" in told["text"]


def test_review_command_tells_the_user_when_the_queue_is_down(
    dead_queue_app: str, fake_slack: FakeSlack
) -> None:
    reply = signed_post(dead_queue_app, command_body("Buy now!!!", fake_slack.response_url()),
                        "application/x-www-form-urlencoded")
    assert reply.status == 200
    assert "queue unavailable" in reply.json()["text"]
    assert reply.seconds < 2.5, "the ack must beat Slack's 3 s deadline"


@pytest.fixture
def unreachable_redis() -> Iterator[str]:
    """The URL of a Redis whose connects hang, as when its host is gone or a firewall drops
    the packets: a listener whose one-place accept queue is already full, so the kernel
    drops every further SYN."""
    with socket.socket() as listener, socket.socket() as filler:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        filler.connect(("127.0.0.1", port))
        with socket.socket() as probe:
            probe.settimeout(0.3)
            with pytest.raises(TimeoutError):
                probe.connect(("127.0.0.1", port))
        yield f"redis://127.0.0.1:{port}/0"


@contextmanager
def serving(env: dict[str, str], log: Path) -> Iterator[str]:
    """`assistant serve` as its own process on a free loopback port, with `env` and none of
    this shell's chat, LLM, Redis or assistant settings: its /slack/events URL."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SLACK_", "OPENAI_", "AZURE_OPENAI_", "ASSISTANT_", "REDIS_"))}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", "0",
             "--grace", "0"], env={**clean, **env}, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not (found := re.search(r"Slack app on (http://\S+/slack/events)", log.read_text())):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.1)
        yield found[1]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def silent_redis() -> Iterator[str]:
    """The URL of a Redis that takes connections and never answers, as a server stuck in a
    long script or swapping does: each command waits out the client's socket timeout."""
    held: list[socket.socket] = []
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listener.settimeout(0.1)
        stop = threading.Event()

        def accept() -> None:
            while not stop.is_set():
                try:
                    held.append(listener.accept()[0])
                except TimeoutError:
                    continue

        taker = threading.Thread(target=accept, daemon=True)
        taker.start()
        try:
            yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
        finally:
            stop.set()
            taker.join()
            for connection in held:
                connection.close()


@pytest.mark.parametrize("redis_fixture", ["unreachable_redis", "silent_redis"])
def test_serve_acks_in_time_when_redis_does_not_answer(
    redis_fixture: str, fake_slack: FakeSlack, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """`assistant serve` itself, not an app built the way a test thinks it is: with redis-py's
    default timeouts a hanging connect or an unanswered command outlasts Slack's 3 s, and the
    user sees Slack's "operation_timeout" instead of a word from us."""
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": fake_slack.api_url, "REDIS_URL": request.getfixturevalue(redis_fixture)}
    with serving(env, tmp_path / "serve.log") as events_url:
        reply = signed_post(events_url, command_body("Buy now!!!", fake_slack.response_url()),
                            "application/x-www-form-urlencoded")
    assert reply.status == 200, f"{reply.status} after {reply.seconds:.1f} s: {reply.body}"
    assert "queue unavailable" in reply.json()["text"]
    assert reply.seconds < 2.5, "the ack must beat Slack's 3 s deadline"


def test_a_long_rules_list_arrives_whole() -> None:
    from integrations.slack.deps import Deps
    from integrations.slack.listeners.commands.review import handle_review

    real = RuleSet.from_config(WorkspaceConfig.model_validate({"agency": {"name": "BP"}}).rules)
    many = [SimpleNamespace(id=f"{a.id}-{n}", severity=a.severity, rule=a.rule)
            for n in range(20) for a in real.active]
    deps = Deps(settings=Settings(), workspace=WorkspaceConfig.model_validate({}),
                rules=SimpleNamespace(active=many), redis=None, store=None)  # type: ignore[arg-type]
    acked: list[dict[str, Any]] = []
    followed: list[dict[str, Any]] = []
    handle_review(deps)(ack=lambda **kw: acked.append(kw), respond=lambda **kw: followed.append(kw),
                        command={"text": "rules", "channel_id": CHANNEL})
    (ack,) = acked
    assert ack["response_type"] == "ephemeral"
    assert followed, "rules past the first message were dropped"
    assert all(f["response_type"] == "ephemeral" and not f["replace_original"] for f in followed)
    shown = json.dumps([ack["blocks"], *[f["blocks"] for f in followed]])
    assert all(f"`{r.id}`" in shown for r in many), "every rule is listed somewhere"
