"""Workers killed mid-traffic: every review and approval request is posted, none twice.

Three `assistant worker` processes work 50 `/review` jobs and 12 approval requests while
the fake Slack holds every answer for 0.2 s after the message has landed (so kills land
mid-post as well as mid-job); one worker is SIGKILLed every 2 s and a new one started, as
an orchestrator would. Then: every job finished, every message it should post landed
exactly once (counted by the idempotency key each message carries), and no job failed.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis as redis_lib
from rq.job import Job, JobStatus
from rq.registry import FailedJobRegistry

from assistant.approvals.jobs import enqueue_review
from assistant.approvals.store import ApprovalStore
from assistant.jobrunner import started_entries
from assistant.jobs import QUEUE_NAME, JobRequest, enqueue, queue
from assistant.models import Post
from integrations.slack.deps import JOB
from tests.fakes.slack_api import FakeSlack
from tests.faults.conftest import RedisProcess, Workers, effect_keys, wait_until

CLIENT = "Acme Bakery"
CONFIG = f"""
[agency]
name = "Bright Pixel"

[[clients]]
name = "{CLIENT}"
approvers = ["U0APPROVE1"]
approvals_channel = "C0APPROVALS"
"""
DRAFTS = [
    "Our latest post! Please RT https://brightpixel-agency.example/blog/{i}",
    "Limited time: 20% off, book a call today! #deal #sale #offer #promo #now ({i})",
    "What was the best reply you got this week? Ours is below, number {i}.",
]


def configure(workers: Workers, tmp_path: Path) -> None:
    path = tmp_path / "assistant.toml"
    path.write_text(CONFIG)
    workers.env["ASSISTANT_CONFIG"] = str(path)


def enqueue_reviews(redis: redis_lib.Redis, count: int) -> list[str]:
    return [enqueue(redis, JOB, JobRequest(kind="review", text=DRAFTS[i % 3].format(i=i),
                                           channel="C0REVIEWS", user="U0AUTHOR"))
            for i in range(count)]


def children(pid: int) -> list[str]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return found.stdout.split()


def check_reviews(redis: redis_lib.Redis, slack: FakeSlack, ids: list[str]) -> int:
    """Every review job finished and its answer landed once; returns the messages counted."""
    keys = effect_keys(slack)
    assert len(keys) == len(set(keys)), "a message was posted twice"
    total = 0
    for job_id in ids:
        job = Job.fetch(job_id, connection=redis, serializer=queue(redis).serializer)
        assert job.get_status() == JobStatus.FINISHED, (job_id, job.get_status())
        posted = job.return_value()["posted"]
        mine = [k for k in keys if k.startswith(f"job:{job_id}:")]
        assert len(mine) == posted and f"job:{job_id}:summary" in mine, (job_id, mine)
        total += posted
    return total


@pytest.mark.slow
def test_sigkilled_workers_lose_no_review_and_no_approval_request_and_post_none_twice(
        aof_redis: RedisProcess, slack: FakeSlack, workers: Workers, tmp_path: Path) -> None:
    configure(workers, tmp_path)
    slack.slow_after_post = 0.2
    redis = redis_lib.Redis.from_url(aof_redis.url)
    ids = enqueue_reviews(redis, 50)
    store = ApprovalStore(redis)
    when = datetime.now(UTC) + timedelta(days=1)
    records = store.create(CLIENT, [Post(id="p", platform="x", created_at=when + timedelta(minutes=i),
                                         text=DRAFTS[i % 3].format(i=100 + i))  # type: ignore[arg-type]
                                    for i in range(12)], submitter="U0AUTHOR")
    for record in records:
        enqueue_review(redis, record)
    for _ in range(3):
        workers.start()
    time.sleep(3)  # let them start and pick up work
    rng = random.Random(13)
    orphans = []
    while workers.kills < 6:
        victim = rng.choice(workers.alive())
        orphans += children(victim.pid)
        workers.sigkill(victim)
        workers.start()
        time.sleep(2)
    assert orphans == [], "a worker had a child process (a forked scheduler) that would outlive it"

    def all_done() -> bool:
        return (all(Job.fetch(i, connection=redis, serializer=queue(redis).serializer).get_status()
                    == JobStatus.FINISHED for i in ids)
                and all((r := store.get(rec.id)) is not None and r.ts for rec in records)
                and not started_entries(redis, QUEUE_NAME) and len(queue(redis)) == 0)

    try:
        wait_until(all_done, 180, "every job to finish after the kills")
    except AssertionError:
        statuses = [Job.fetch(i, connection=redis, serializer=queue(redis).serializer).get_status()
                    for i in ids]
        unposted = [r.id for r in records if not store.get(r.id).ts]
        raise AssertionError(f"statuses {statuses}, unposted approvals {unposted}, started "
                             f"{started_entries(redis, QUEUE_NAME)}, queued {len(queue(redis))}"
                             f"\n{workers.logs()}") from None
    messages = check_reviews(redis, slack, ids)
    keys = effect_keys(slack)
    for record in records:
        assert keys.count(f"approval:{record.id}:v1:message") == 1
        assert any(k.startswith(f"approval:{record.id}:v1:review:") for k in keys)
        assert store.get(record.id).ts in [m["ts"] for m in slack.landed("C0APPROVALS")]
    assert FailedJobRegistry(QUEUE_NAME, connection=redis).count == 0
    requeued = workers.logs().count("of a dead worker: requeued")
    print(f"\nworker kills: {workers.kills}; reviews: {len(ids)} ({messages} messages); approval "
          f"requests: {len(records)}; jobs requeued from dead workers: {requeued}; lost 0, "
          f"duplicated 0")
    assert requeued >= 1, "no kill landed mid-job: the test proves nothing"


@pytest.mark.slow
def test_sigterm_finishes_the_current_job_and_releases_the_scheduler_lock(
        aof_redis: RedisProcess, slack: FakeSlack, workers: Workers) -> None:
    slack.slow_after_post = 1.0
    redis = redis_lib.Redis.from_url(aof_redis.url)
    worker = workers.start()
    wait_until(lambda: bool(redis.keys("rq:scheduler-lock:*")), 15, "the scheduler lock")
    [job_id] = enqueue_reviews(redis, 1)
    wait_until(lambda: bool(slack.landed()), 15, "the first post")
    started = time.monotonic()
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
    job = Job.fetch(job_id, connection=redis, serializer=queue(redis).serializer)
    assert job.get_status() == JobStatus.FINISHED, "the job was finished before stopping"
    assert time.monotonic() - started >= 1.0
    assert not redis.keys("rq:scheduler-lock:*"), "the scheduler lock was released"
    check_reviews(redis, slack, [job_id])


@pytest.mark.slow
def test_a_job_not_finished_within_the_grace_period_is_requeued_and_finished_once(
        aof_redis: RedisProcess, slack: FakeSlack, workers: Workers) -> None:
    slack.slow_after_post = 4.0  # each post lands at once but is answered 4 s later
    redis = redis_lib.Redis.from_url(aof_redis.url)
    first = workers.start("--grace", "1")
    [job_id] = enqueue_reviews(redis, 1)
    wait_until(lambda: bool(slack.landed()), 15, "the first post")
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=15) == 0
    job = Job.fetch(job_id, connection=redis, serializer=queue(redis).serializer)
    assert job.get_status() == JobStatus.QUEUED, "put back in the queue"
    slack.slow_after_post = 0.0
    workers.start()
    wait_until(lambda: job.get_status() == JobStatus.FINISHED, 60, "the requeued job")
    # the summary landed before the stop: the rerun found it by its key and did not repost
    check_reviews(redis, slack, [job_id])
