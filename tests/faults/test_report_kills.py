"""The daily report killed six times mid-post: each step posted once, and the day finishes.

`assistant report daily` runs as a subprocess against real Redis and the fake Slack,
which holds every answer 0.4 s after the message has landed, so most kills come while a
post is in flight (landed in Slack, not yet confirmed in Redis). Each time a new run is
started at once, as a CronJob restart would: it waits for the dead run's lease to lapse,
takes over, looks up what landed, and posts only what is missing.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fakes.slack_api import FakeSlack
from tests.faults.conftest import RedisProcess, effect_keys, process_env, wait_until


def config(tmp_path: Path, realdata: Path) -> Path:
    path = tmp_path / "assistant.toml"
    path.write_text(f"""
[agency]
name = "Bright Pixel"

[[feeds]]
name = "Bright Pixel on X"
owner = "agency"
source = "{realdata / 'x_archive' / 'linchwyjournal_tweets.js'}"
slack_channel = "CAGENCY"

[[feeds]]
name = "Client blog"
owner = "client"
source = "{realdata / 'rss' / 'TypePadNews.xml'}"

[[feeds]]
name = "Client podcast"
owner = "client"
source = "{realdata / 'rss' / 'TypePadNews.xml'}"

[reports]
slack_channel = "CCLIENTS"
time_zone = "Europe/London"
""")
    return path


@pytest.mark.slow
def test_a_report_killed_six_times_mid_post_finishes_with_every_step_once(
        aof_redis: RedisProcess, slack: FakeSlack, tmp_path: Path, realdata: Path) -> None:
    slack.slow_after_post = 0.4
    env = process_env(aof_redis.url, slack)
    code = "from assistant.cli import run; run()"
    args = [sys.executable, "-c", code, "report", "daily", "--config", str(config(tmp_path, realdata)),
            "--date", "2026-11-25", "--lease-seconds", "2", "--wait-seconds", "60", "--no-llm"]
    expected = 2 + 1 + 2 + 2  # two summaries, three feed replies, two charts
    kills = 0
    for target in range(1, 7):  # kill once `target` posts have landed
        run = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_until(lambda: len(slack.landed()) >= target or run.poll() is not None, 120,  # noqa: B023
                   f"post {target}")
        if run.poll() is None:
            run.send_signal(signal.SIGKILL)
            kills += 1
        run.wait(timeout=10)
    last = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert last.returncode == 0, last.stderr
    keys = [k for k in effect_keys(slack) if k]
    charts = [m for m in slack.landed() if m.get("files")]
    assert len(keys) == len(set(keys)) == expected - len(charts), "a report step was posted twice"
    assert len(charts) == 2 and len({(m["channel"]) for m in charts}) == 2
    assert len(slack.landed()) == expected
    again = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert again.returncode == 0 and "already posted" in again.stderr
    assert len(slack.landed()) == expected
    print(f"\nreport kills: {kills}; steps: {expected}, each posted once")
    assert kills >= 5


@pytest.mark.slow
def test_a_run_that_finds_the_day_held_by_a_live_run_waits_and_exits_partial(
        aof_redis: RedisProcess, slack: FakeSlack, tmp_path: Path, realdata: Path) -> None:
    slack.slow_after_post = 3.0  # the first run is alive but slow
    env = process_env(aof_redis.url, slack)
    code = "from assistant.cli import run; run()"
    base = [sys.executable, "-c", code, "report", "daily", "--config", str(config(tmp_path, realdata)),
            "--date", "2026-11-25", "--no-llm"]
    first = subprocess.Popen([*base, "--lease-seconds", "2"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    try:
        wait_until(lambda: bool(slack.landed()), 60, "the first run's first post")
        started = time.monotonic()
        second = subprocess.run([*base, "--wait-seconds", "3"], env=env, capture_output=True,
                                text=True, timeout=60, check=False)
        assert second.returncode == 1, "something is still missing: the scheduler must retry"
        assert "another run still holds this date" in second.stderr
        assert time.monotonic() - started >= 3, "it waited (the holder renews its lease)"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
