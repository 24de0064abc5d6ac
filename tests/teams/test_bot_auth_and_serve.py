"""Who may talk to the bot: nobody without credentials, unless a local test says so, and
`assistant teams serve` refuses to start unprotected."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis as redis_lib

from assistant.config import WorkspaceConfig
from assistant.settings import Settings
from tests.conftest import REPO, free_port
from tests.teams.conftest import PERSONAL, ServedBot, TeamsRig, post_json
from tests.teams.fake_connector import FakeConnector


def _served(redis_url: str, teams_settings: object) -> ServedBot:
    from integrations.teams.bot.app import create_app

    workspace = WorkspaceConfig.model_validate({"agency": {"name": "Bright Pixel"}})
    app = create_app(Settings(redis_url=redis_url), workspace, teams_settings,  # type: ignore[arg-type]
                     redis=redis_lib.Redis.from_url(redis_url))
    return ServedBot(app)


def _message(connector: FakeConnector) -> dict:
    rig = TeamsRig("", connector, None, None, None)  # type: ignore[arg-type]
    return rig.activity("message", conversation=PERSONAL, text="review Please RT this!")


@pytest.mark.usefixtures("clean_env")
def test_without_credentials_every_request_is_refused(redis_url: str,
                                                      connector: FakeConnector) -> None:
    from integrations.teams.bot.settings import TeamsSettings

    served = _served(redis_url, TeamsSettings())
    try:
        answer = post_json(served.url + "/api/messages", _message(connector))
    finally:
        served.stop()
    assert answer.status == 401
    assert connector.calls == []  # nothing was answered


@pytest.mark.usefixtures("clean_env")
def test_with_credentials_a_request_without_a_token_is_refused(redis_url: str,
                                                               connector: FakeConnector) -> None:
    from pydantic import SecretStr

    from integrations.teams.bot.settings import TeamsSettings

    teams = TeamsSettings(client_id="11111111-2222-4333-8444-555555555555",
                          client_secret=SecretStr("not-a-real-secret"), tenant_id="tenant-1")
    served = _served(redis_url, teams)
    try:
        bare = post_json(served.url + "/api/messages", _message(connector))
        forged = post_json(served.url + "/api/messages", _message(connector),
                           {"Authorization": "Bearer not.a.jwt"})
    finally:
        served.stop()
    assert (bare.status, forged.status) == (401, 401)
    assert connector.calls == []


def _assistant(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, check=False,
                          text=True, env=env, cwd=REPO, timeout=60)


def _env(**extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items()
            if k not in {"CLIENT_ID", "CLIENT_SECRET", "TENANT_ID", "REDIS_URL",
                         "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS", "SLACK_BOT_TOKEN",
                         "SLACK_SIGNING_SECRET", "ASSISTANT_CONFIG"}}
    return {**keep, "PYTHONPATH": str(REPO), **extra}


def test_serve_refuses_to_start_without_credentials(redis_url: str, tmp_path: Path) -> None:
    done = _assistant("teams", "serve", "--port", str(free_port()),
                      env=_env(REDIS_URL=redis_url, CLIENT_ID="abc"))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0  # one line, no traceback
    assert "CLIENT_SECRET, TENANT_ID are not set" in done.stderr
    assert "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS" in done.stderr


def test_serve_refuses_unauthenticated_requests_while_credentials_are_set(redis_url: str) -> None:
    """Forged activities must never get the bot's token: the flag and credentials exclude each other."""
    done = _assistant("teams", "serve", "--dangerously-allow-unauthenticated",
                      "--port", str(free_port()),
                      env=_env(REDIS_URL=redis_url, CLIENT_ID="abc", CLIENT_SECRET="s3cret",
                               TENANT_ID="t"))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "CLIENT_ID, CLIENT_SECRET, TENANT_ID are set" in done.stderr
    assert "s3cret" not in done.stderr


def test_serve_without_redis_url_says_so(tmp_path: Path) -> None:
    done = _assistant("teams", "serve", "--dangerously-allow-unauthenticated",
                      env=_env())
    assert done.returncode == 2
    assert done.stderr.strip() == ("assistant: error: REDIS_URL is not set: the Teams bot keeps "
                                   "its state in Redis")


def test_serve_for_local_tests_warns_once_and_answers(redis_url: str,
                                                      connector: FakeConnector) -> None:
    """With no Slack variable at all: the bot serves /healthz and answers a message."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "teams", "serve", "--port", str(port)],
        env=_env(REDIS_URL=redis_url, DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS="true"),
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    assert r.status == 200 and b"ok" in r.read()
                    break
            except OSError:
                assert process.poll() is None, process.communicate()[1]
                assert time.monotonic() < deadline, "the bot did not start"
                time.sleep(0.1)
        answer = post_json(f"http://127.0.0.1:{port}/api/messages", _message(connector))
        assert answer.status == 200
        (reply,) = connector.wait_for(1)
        assert reply.conversation == PERSONAL
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=20)
    warnings = [line for line in stderr.splitlines() if "never let this server face the internet"
                in line]
    assert len(warnings) == 1
    assert f"Teams bot on http://127.0.0.1:{port}/" in stderr  # loopback unless told otherwise
    assert process.returncode == 0 and "Teams bot stopped" in stderr  # a stop is a clean exit


def test_the_bot_serves_its_endpoint_and_health_and_no_api_pages(rig: TeamsRig) -> None:
    """FastAPI would describe the bot's API to anyone at /docs, /redoc and /openapi.json."""
    for page in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
        try:
            with urllib.request.urlopen(rig.url + page, timeout=5) as answer:
                status = answer.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        assert status == 404, page
    with urllib.request.urlopen(rig.url + "/healthz", timeout=5) as answer:
        assert answer.status == 200
