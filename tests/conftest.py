"""Shared fixtures: a real redis-server on a free loopback port, and paths to real data."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from tests.fakes.slack_api import FakeSlack

# Property tests run the same examples every time, so a run of the suite is reproducible
# and CI never fails on a case nobody can replay. `HYPOTHESIS_PROFILE=explore pytest`
# searches new random examples (run it when changing an importer or a length counter).
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Rule patterns kept compiled (`assistant.checks.pattern_cache`) go to the session's own
# cache directory, never the user's: set before any test or child process looks for it.
_CACHE_HOME = tempfile.mkdtemp(prefix="assistant-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
os.environ.pop("ASSISTANT_PATTERN_CACHE", None)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    os.environ["ASSISTANT_PATTERN_CACHE"] = "off"  # (this process saves nothing at exit)
    shutil.rmtree(_CACHE_HOME, ignore_errors=True)


REPO = Path(__file__).resolve().parent.parent
REALDATA = REPO / "tests" / "realdata"  # a copy of shared/realdata: fixtures only, see its README
EXAMPLES = REPO / "examples"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`assistant ARGV`, in-process: (exit code, stdout, stderr)."""
    from assistant.cli import main

    with pytest.raises(SystemExit) as exited:
        main(list(argv))
        sys.exit(0)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_worker_burst(env: dict[str, str], cwd: Path, *, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`assistant worker --burst` as its own process, with `env` and none of this shell's
    chat, LLM, Redis or assistant settings."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SLACK_", "OPENAI_", "ASSISTANT_", "REDIS_", "TEAMS_"))}
    return subprocess.run([sys.executable, "-m", "assistant", "worker", "--burst"],
                          env={**clean, **env}, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def run_on_terminal(argv: list[str], *, terminal: str, env: dict[str, str],
                    ) -> tuple[subprocess.CompletedProcess[bytes], bytes]:
    """Run `argv` with its `terminal` stream ("stdout" or "stderr") on a pseudo-terminal and
    the other on a pipe: the process, and every byte it showed on the terminal."""
    import pty

    leader, follower = pty.openpty()
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, terminal: follower}
    done = subprocess.run(argv, cwd=REPO, env=env, timeout=120, check=False, **streams)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: everything was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return done, shown


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start a private redis-server for the test session; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed; the tests need a real Redis")
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_url(redis_server: str) -> Iterator[str]:
    """A clean database on the session's Redis for each test."""
    import redis

    client = redis.Redis.from_url(redis_server)
    client.flushdb()
    yield redis_server
    client.flushdb()
    client.close()


@pytest.fixture
def realdata() -> Path:
    """The folder of real exports; tests that need it fail loudly when it is missing."""
    if not REALDATA.is_dir():
        pytest.fail(f"real data folder not found: {REALDATA}")
    return REALDATA


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A fake Slack Web API on loopback, for every package's tests."""
    from tests.fakes.slack_api import FakeSlack

    fake = FakeSlack().start()
    yield fake
    fake.stop()
