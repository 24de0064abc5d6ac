"""`serve`/`worker` commands stay light to import; the manifest matches what the app listens for."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from tests.conftest import REPO


def test_cli_module_imports_no_slack_redis_or_rq() -> None:
    code = ("import sys, integrations.slack.cli; "
            "print(sorted(m for m in ('slack_bolt', 'slack_sdk', 'redis', 'rq', 'waitress') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_serve_without_redis_says_what_is_missing(monkeypatch) -> None:
    from assistant.errors import ConfigError
    from integrations.slack.cli import serve

    monkeypatch.delenv("REDIS_URL", raising=False)
    result = CliRunner().invoke(serve, ["--port", "0"])
    assert isinstance(result.exception, ConfigError)
    assert "REDIS_URL" in str(result.exception)


def test_manifest_declares_the_command_shortcut_events_and_interactivity() -> None:
    manifest = (REPO / "deploy" / "slack" / "manifest.yml").read_text()
    for needle in ("command: /review", "callback_id: review_message", "- app_mention",
                   "- app_home_opened", "home_tab_enabled: true", "- chat:write", "- commands",
                   "/slack/events", "should_escape: false", "- im:history", "- im:write"):
        assert needle in manifest, needle


def test_the_queued_job_path_names_the_worker_function() -> None:
    import importlib

    from integrations.slack import worker
    from integrations.slack.deps import JOB

    module, _, name = JOB.rpartition(".")
    assert getattr(importlib.import_module(module), name) is worker.perform


@pytest.mark.parametrize(("url", "shown"), [
    ("redis://:s3cr@t/x@cache:6379/0", "redis://:***@cache:6379/0"),
    ("redis://worker:p@ss/w0rd@cache:6380/1", "redis://worker:***@cache:6380/1"),
    ("redis://cache:6379/0?password=hunter2", "redis://cache:6379/0"),
    ("rediss://worker:hunter2@[::1]:6379/2?ssl_cert_reqs=none&password=hunter2",
     "rediss://worker:***@[::1]:6379/2"),
    ("unix:///run/redis.sock?password=hunter2&db=0", "unix:///run/redis.sock"),
    ("redis://worker@cache", "redis://worker@cache"),
    ("redis://:hunter2@cache#hunter2", "redis://:***@cache"),
    ("redis://worker:12?x@cache:1/0", "(the Redis URL not shown)"),
])
def test_the_start_line_never_shows_the_redis_password(url: str, shown: str) -> None:
    from assistant.worker import safe_url as _safe_url

    safe = _safe_url(url)
    assert safe == shown
    for secret in ("s3cr", "t/x", "p@ss", "w0rd", "hunter2", "12?x"):
        assert secret not in safe


def test_the_start_line_says_where_jobs_and_state_are_when_they_are_apart() -> None:
    from assistant.settings import Settings
    from assistant.worker import _where

    cluster = Settings(redis_url="rediss://app:hunter2@node-1:7000/0", redis_cluster=True,
                       queue_redis_url="redis://jobs:hunter2@queue:6379/0")
    assert _where(cluster) == ("jobs from redis://jobs:***@queue:6379/0, "
                               "state on the Redis Cluster at rediss://app:***@node-1:7000/0")
    assert _where(Settings(redis_url="redis://cache:6379/0")) == "jobs from redis://cache:6379/0"
