"""Interactive work before bulk work: a worker takes a daily report's feed jobs only when no
/review, audit or approval waits; a job taken from either queue stays where RQ's stuck-job
check finds it until the worker has registered it; a dead worker's bulk job comes back to
the bulk queue."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
import redis as redis_lib
from rq import get_current_job
from rq.exceptions import DequeueTimeout
from rq.job import Job, JobStatus
from rq.registry import ScheduledJobRegistry, StartedJobRegistry

from assistant.jobrunner import InOrderQueue, ThreadScheduler
from assistant.jobs import (
    BULK_QUEUE_NAME,
    enqueue_due,
    enqueue_job,
    queue,
    retry_policy,
    run_worker,
)

RECORD = "tests.test_job_queues.record"
ORDER = "test:job-order"


def record(payload: dict[str, Any]) -> None:
    """A job that notes its name in the order jobs ran."""
    job = get_current_job()
    assert job is not None
    job.connection.rpush(ORDER, payload["name"])


def _ran(redis: redis_lib.Redis) -> list[str]:
    return [name.decode() for name in redis.lrange(ORDER, 0, -1)]


def test_a_review_queued_behind_a_reports_feed_jobs_runs_first(redis_url: str) -> None:
    redis = redis_lib.Redis.from_url(redis_url)
    for n in range(3):
        enqueue_job(redis, RECORD, {"name": f"feeds {n}"}, f"report: feeds {n}", bulk=True)
    enqueue_job(redis, RECORD, {"name": "review"}, "review for U1")
    enqueue_job(redis, RECORD, {"name": "approval"}, "approval review")
    assert len(queue(redis, BULK_QUEUE_NAME)) == 3 and len(queue(redis)) == 2

    assert run_worker(redis, burst=True)

    assert _ran(redis) == ["review", "approval", "feeds 0", "feeds 1", "feeds 2"]


def test_a_dead_workers_bulk_job_is_run_again_from_the_bulk_queue(redis_url: str) -> None:
    redis = redis_lib.Redis.from_url(redis_url)
    bulk = queue(redis, BULK_QUEUE_NAME)
    job = bulk.enqueue(RECORD, {"name": "feeds again"}, retry=retry_policy())
    redis.lrem(bulk.key, 0, job.id)  # a worker took it, then died: its lease lapsed
    job.set_status(JobStatus.STARTED)
    registry = StartedJobRegistry(BULK_QUEUE_NAME, connection=redis, serializer=bulk.serializer)
    redis.zadd(registry.key, {f"{job.id}:{uuid.uuid4().hex}": time.time() - 1})

    assert run_worker(redis, burst=True)  # the keeper's first round reaps it, the worker runs it

    assert _ran(redis) == ["feeds again"]
    assert Job.fetch(job.id, connection=redis, serializer=bulk.serializer).origin == BULK_QUEUE_NAME


def _intermediate(redis: redis_lib.Redis, name: str) -> list[str]:
    return queue(redis, name).intermediate_queue.get_job_ids()


def test_a_job_taken_from_either_queue_waits_on_its_intermediate_list_until_registered(
        redis_url: str) -> None:
    """Taken (by a worker then killed before it registered the job): still findable. Run to
    its end: on no list (else the stuck-job check would fail a finished job)."""
    redis = redis_lib.Redis.from_url(redis_url)
    queues = [queue(redis), queue(redis, BULK_QUEUE_NAME)]
    job_id = enqueue_job(redis, RECORD, {"name": "feeds"}, "report: feeds", bulk=True)
    taken = InOrderQueue.dequeue_any(queues, None, connection=redis, serializer=queues[0].serializer)
    assert taken is not None and taken[0].id == job_id and taken[1].name == BULK_QUEUE_NAME
    assert _intermediate(redis, BULK_QUEUE_NAME) == [job_id], "a job popped by a worker killed now is lost"
    assert len(queues[1]) == 0

    review = enqueue_job(redis, RECORD, {"name": "review"}, "review for U1")
    seen = queue(redis).intermediate_queue
    seen.set_first_seen(review)  # the check caught it in between once (an earlier take)
    assert run_worker(redis, burst=True)
    assert _ran(redis) == ["review"]
    assert _intermediate(redis, "assistant") == [], "a finished job left for the stuck-job check"
    assert seen.get_first_seen(review) is None, "an old mark would have the next check fail it at once"


def test_an_idle_worker_takes_a_bulk_job_within_a_look_and_times_out_when_none_comes(
        redis_url: str) -> None:
    redis = redis_lib.Redis.from_url(redis_url)
    queues = [queue(redis), queue(redis, BULK_QUEUE_NAME)]
    started = time.monotonic()
    with pytest.raises(DequeueTimeout):
        InOrderQueue.dequeue_any(queues, 2, connection=redis, serializer=queues[0].serializer)
    assert 1.9 <= time.monotonic() - started < 4

    threading.Timer(0.3, lambda: enqueue_job(redis, RECORD, {"name": "feeds"}, "report", bulk=True)).start()
    started = time.monotonic()
    taken = InOrderQueue.dequeue_any(queues, 30, connection=redis, serializer=queues[0].serializer)
    assert taken is not None and taken[1].name == BULK_QUEUE_NAME
    assert time.monotonic() - started < 3, "a bulk job waited for the whole timeout"


def test_a_scheduler_takes_over_a_queue_whose_lock_another_held_within_seconds(redis_url: str) -> None:
    """Two workers started together may each take one queue's scheduler lock; once the other
    is gone, retries and deadlines on its queue are moved on time again within seconds (RQ
    alone tries again two minutes later)."""
    redis = redis_lib.Redis.from_url(redis_url)
    queues = [queue(redis), queue(redis, BULK_QUEUE_NAME)]
    lock = ThreadScheduler.get_locking_key("assistant")
    redis.set(lock, "another-worker", ex=2)  # the other worker's lock, lapsing as it died
    scheduler = ThreadScheduler(queues, connection=redis, serializer=queues[0].serializer)
    scheduler.acquire_locks(auto_start=True)
    try:
        assert scheduler.acquired_locks == {BULK_QUEUE_NAME}
        deadline = time.monotonic() + 6
        while scheduler.acquired_locks != {"assistant", BULK_QUEUE_NAME} and time.monotonic() < deadline:
            time.sleep(0.1)
        assert scheduler.acquired_locks == {"assistant", BULK_QUEUE_NAME}
        assert redis.get(lock) == scheduler.name.encode()
    finally:
        scheduler.request_stop()
        if scheduler._process is not None:
            scheduler._process.join(5)


@pytest.mark.parametrize("fraction", [0.0, 0.001, 0.5, 0.999])
def test_a_scheduled_job_is_never_due_before_its_time(redis_url: str, fraction: float) -> None:
    """RQ files a scheduled job by the whole second, rounded down: one meant for 12:00:00.5
    could run at 12:00:00.0, before the moment it was for (an approval's sweep finding its
    post not yet expired). Scheduled here, it is due at the next whole second at the latest."""
    redis = redis_lib.Redis.from_url(redis_url)
    when = datetime.fromtimestamp(2_000_000_000 + fraction, UTC)
    job = enqueue_due(redis, when, RECORD, {"name": "late enough"})
    due = ScheduledJobRegistry(queue=queue(redis)).get_scheduled_time(job)
    assert when <= due <= datetime.fromtimestamp(2_000_000_001, UTC)
