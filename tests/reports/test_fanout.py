"""`report daily --fan-out`: real worker processes, real Redis, feeds and Slack on loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import redis as redis_lib

from assistant.reports.store import ReportStore
from tests.conftest import REPO
from tests.fakes.feed_server import FakeServer, Request, serve
from tests.reports.fake_slack import StallingFakeSlack

CODE = "from assistant.cli import run; run()"
FEEDS = ["Harbour Cafe", "Lumen Studio", "Oak & Iron", "Pier Bakery", "Kite Cycles", "Moss Gym"]


@pytest.fixture
def feeds(realdata: Path) -> Iterator[FakeServer]:
    """RSS feeds on loopback that answer in half a second; /stall/ ones in twenty."""
    body = (realdata / "rss" / "TypePadNews.xml").read_bytes()

    def route(request: Request) -> tuple[int, dict[str, str], bytes]:
        time.sleep(20 if request.path.startswith("/stall/") else 0.5)
        return 200, {"Content-Type": "application/rss+xml"}, body

    with serve(route) as server:
        yield server


def workspace(tmp_path: Path, server: FakeServer, *, stalled: str = "") -> Path:
    text = '[agency]\nname = "Bright Pixel"\n\n[reports]\nslack_channel = "CREPORT"\n'
    for n, name in enumerate(FEEDS):
        kind = "stall" if name == stalled else "feed"
        text += (f'\n[[feeds]]\nname = "{name}"\nowner = "client"\n'
                 f'source = "rss:{server.url}/{kind}/{n}.xml"\n')
    path = tmp_path / "assistant.toml"
    path.write_text(text)
    return path


def env(redis_url: str, slack: StallingFakeSlack, config: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT")}
    return {**base, "REDIS_URL": redis_url, "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_API_URL": slack.api_url, "ASSISTANT_CONFIG": str(config),
            "ASSISTANT_FETCH_TIMEOUT": "40", "PYTHONPATH": str(REPO)}


class Processes:
    def __init__(self, environ: dict[str, str], logdir: Path) -> None:
        self.environ, self.logdir = environ, logdir
        self.procs: list[subprocess.Popen[bytes]] = []

    def worker(self) -> subprocess.Popen[bytes]:
        log = open(self.logdir / f"worker-{len(self.procs)}.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen([sys.executable, "-c", CODE, "worker"], env=self.environ,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(proc)
        return proc

    def daily(self, *extra: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-c", CODE, "report", "daily", "--fan-out",
                                 "--wait-seconds", "60", *extra], env=self.environ,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-2000:] for p in self.logdir.glob("*.log"))


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    group = Processes({}, tmp_path)
    yield group
    group.stop()


def summary_text(slack: StallingFakeSlack) -> str:
    posts = slack.posts("CREPORT")
    assert posts, "the report was posted"
    return json.dumps(posts[0].body.get("blocks"))


def today(redis_url: str) -> date:
    client = redis_lib.Redis.from_url(redis_url)
    keys = [k.decode() if isinstance(k, bytes) else str(k)
            for k in client.keys("assistant:v1:report:{day:*}:run")]
    assert len(keys) == 1, keys
    return date.fromisoformat(keys[0].split("{day:")[1].split("}")[0])


def test_a_worker_killed_mid_feed_still_gives_one_report_with_every_feed(
        tmp_path: Path, redis_url: str, slack: StallingFakeSlack, feeds: FakeServer,
        processes: Processes) -> None:
    processes.environ = env(redis_url, slack, workspace(tmp_path, feeds))
    first = processes.worker()
    run = processes.daily("--deadline-seconds", "90")
    client = redis_lib.Redis.from_url(redis_url)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(feeds.requests) < 3:
        time.sleep(0.05)
    assert len(feeds.requests) >= 3, processes.logs()
    first.send_signal(signal.SIGKILL)  # in the middle of a feed's half-second fetch
    first.wait(timeout=10)
    store = ReportStore(client)
    assert store.pending(today(redis_url)), "feeds were left for the other worker"
    processes.worker()
    out, err = run.communicate(timeout=90)
    assert run.returncode == 0, err.decode() + processes.logs()
    assert b"posted by the workers" in err

    text = summary_text(slack)
    assert len(slack.posts("CREPORT")) == 1 + len(FEEDS), "one summary, one detail reply a feed"
    assert all(name.replace("&", "&amp;") in text for name in FEEDS)
    assert "late" not in text, "the killed worker's feed was retried, not reported late"

    again = processes.daily("--deadline-seconds", "90")
    _, err = again.communicate(timeout=30)
    assert again.returncode == 0 and b"already posted" in err
    assert len(slack.posts("CREPORT")) == 1 + len(FEEDS), "a repeat posts nothing"


def test_a_feed_without_a_result_by_the_deadline_is_reported_late_by_name(
        tmp_path: Path, redis_url: str, slack: StallingFakeSlack, feeds: FakeServer,
        processes: Processes) -> None:
    processes.environ = env(redis_url, slack, workspace(tmp_path, feeds, stalled="Kite Cycles"))
    processes.worker()
    processes.worker()
    started = time.monotonic()
    run = processes.daily("--deadline-seconds", "4")
    _, err = run.communicate(timeout=60)
    assert run.returncode == 0, err.decode() + processes.logs()
    assert time.monotonic() - started < 18, "posted at the deadline, not when the stall ended"
    text = summary_text(slack)
    assert "Kite Cycles" in text and "late" in text
    assert "Harbour Cafe" in text
    posts = len(slack.posts("CREPORT"))

    time.sleep(18)  # the stalled fetch ends and its job reports the last feed
    assert len(slack.posts("CREPORT")) == posts, "the late feed's result posts nothing more"


def _request_gaps(processes: Processes, feeds: FakeServer, workers: int) -> list[float]:
    """Seconds between the starts of the feeds' requests in a fanned-out report (posted)."""
    for _ in range(workers):
        processes.worker()
    run = processes.daily("--deadline-seconds", "90")
    _, err = run.communicate(timeout=90)
    assert run.returncode == 0, err.decode() + processes.logs()
    starts = sorted(r.at for r in feeds.requests)
    assert len(starts) == len(FEEDS)
    return [b - a for a, b in zip(starts, starts[1:], strict=False)]


def test_workers_together_fetch_from_one_host_no_faster_than_its_pace(
        tmp_path: Path, redis_url: str, slack: StallingFakeSlack, feeds: FakeServer,
        processes: Processes) -> None:
    processes.environ = {**env(redis_url, slack, workspace(tmp_path, feeds)),
                         "ASSISTANT_FETCH_MIN_INTERVAL": "0.8"}
    gaps = _request_gaps(processes, feeds, workers=2)
    assert min(gaps) >= 0.7, f"two workers hit the one host {min(gaps):.2f} s apart"


def test_one_worker_fetches_the_feeds_of_a_job_at_once(
        tmp_path: Path, redis_url: str, slack: StallingFakeSlack, feeds: FakeServer,
        processes: Processes) -> None:
    """A feed job fetches its feeds together, as the in-process run does: one worker no longer
    waits out each feed's half second in turn (500 feeds took 71 s on one worker that did).
    (The feeds share one host here: no pause between requests, as if each had its own.)"""
    processes.environ = {**env(redis_url, slack, workspace(tmp_path, feeds)),
                         "ASSISTANT_FETCH_MIN_INTERVAL": "0"}
    gaps = _request_gaps(processes, feeds, workers=1)
    assert min(gaps) < 0.25, f"one feed at a time: {[round(g, 2) for g in gaps]}"
    assert len(slack.posts("CREPORT")) == 1 + len(FEEDS)


def test_fan_out_without_redis_is_one_line_and_exit_2(tmp_path: Path, feeds: FakeServer) -> None:
    environ = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    done = subprocess.run([sys.executable, "-c", CODE, "report", "daily", "--fan-out", "--config",
                           str(workspace(tmp_path, feeds))],
                          env={**environ, "PYTHONPATH": str(REPO)}, capture_output=True, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "REDIS_URL" in lines[0] and "--in-process" in lines[0], lines
