"""`assistant serve` as a real process on a free loopback port, with a fake Slack Web API
and the session's Redis: what hostile requests and signals are sent to."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, free_port
from tests.fakes.slack_api import FakeSlack

SECRET = "hostile-signing-secret"


@dataclass
class Served:
    """The running web process: its pid, port, and where its stderr goes."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path
    fake: FakeSlack

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_kb(self) -> int:
        """Resident memory of the web process, from /proc."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS line")

    def stderr(self) -> str:
        return self.log.read_text(errors="replace")


def start_serve(redis_url: str, fake: FakeSlack, log: Path, *extra: str) -> Served:
    """Start `assistant serve` and wait until /healthz answers."""
    port = free_port()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("SLACK_", "OPENAI_", "AZURE_", "ASSISTANT_"))}
    env.update(SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET=SECRET,
               SLACK_API_URL=fake.api_url, REDIS_URL=redis_url, PYTHONPATH=str(REPO))
    out = log.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", "from assistant.cli import run; run()", "serve",
         "--host", "127.0.0.1", "--port", str(port), *extra],
        env=env, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
    served = Served(process, port, log, fake)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"assistant serve exited {process.returncode}: {served.stderr()}")
        try:
            with urllib.request.urlopen(served.url + "/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return served
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"assistant serve did not start: {served.stderr()}")


@pytest.fixture
def served(redis_url: str, fake_slack: FakeSlack, tmp_path: Path) -> Iterator[Served]:
    web = start_serve(redis_url, fake_slack, tmp_path / "serve.log")
    yield web
    if web.process.poll() is None:
        web.process.kill()
        web.process.wait(timeout=10)
