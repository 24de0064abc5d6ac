"""Fault injection with real processes: a private redis-server (AOF on, restartable), worker
subprocesses (`assistant worker`) killed with SIGKILL or stopped with SIGTERM, and the
fake Slack Web API on loopback (storms of 429/5xx, posts that land but answer slowly).

Tests marked `slow` take tens of seconds each; CI runs them with the rest.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis as redis_lib

from tests.conftest import REPO, free_port
from tests.fakes.slack_api import FakeSlack


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: fault injection with real processes (tens of seconds)")


@dataclass
class RedisProcess:
    """A redis-server with AOF on a fixed port, so it can be killed and started again."""

    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if redis_lib.Redis(port=self.port, socket_timeout=0.5).ping():
                    return
            except redis_lib.exceptions.RedisError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


@dataclass
class Workers:
    """Worker subprocesses sharing one Redis and one fake Slack."""

    env: dict[str, str]
    logdir: Path
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    kills: int = 0

    def start(self, *extra: str) -> subprocess.Popen[bytes]:
        log = open(self.logdir / f"worker-{len(self.procs)}.log", "wb")  # noqa: SIM115
        code = "from assistant.cli import run; run()"
        proc = subprocess.Popen([sys.executable, "-c", code, "worker", *extra], env=self.env,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(proc)
        return proc

    def alive(self) -> list[subprocess.Popen[bytes]]:
        return [p for p in self.procs if p.poll() is None]

    def sigkill(self, proc: subprocess.Popen[bytes]) -> None:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        self.kills += 1

    def stop_all(self) -> None:
        for proc in self.alive():
            proc.send_signal(signal.SIGKILL)
        for proc in self.procs:
            proc.wait(timeout=10)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:]
                         for p in sorted(self.logdir.glob("worker-*.log")))


@pytest.fixture
def aof_redis(tmp_path: Path) -> Iterator[RedisProcess]:
    server = RedisProcess(tmp_path / "redis")
    server.workdir.mkdir()
    server.start()
    yield server
    if server.process and server.process.poll() is None:
        server.process.terminate()
        server.process.wait(timeout=10)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def process_env(redis_url: str, slack: FakeSlack, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT",
                        "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "ASSISTANT_CONFIG")}
    env.update({"REDIS_URL": redis_url, "SLACK_BOT_TOKEN": "xoxb-test",
                "SLACK_API_URL": slack.api_url, "PYTHONPATH": str(REPO), **extra})
    return env


@pytest.fixture
def workers(aof_redis: RedisProcess, slack: FakeSlack, tmp_path: Path) -> Iterator[Workers]:
    group = Workers(process_env(aof_redis.url, slack), tmp_path)
    yield group
    group.stop_all()


def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def effect_keys(slack: FakeSlack) -> list[str]:
    """The idempotency key of every message that landed in Slack (one per post)."""
    return [(m.get("metadata") or {}).get("event_payload", {}).get("key", "")
            for m in slack.landed()]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0
