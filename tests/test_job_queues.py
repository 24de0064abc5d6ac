"""Interactive work before bulk work: a worker takes a daily report's feed jobs only when no
/review, audit or approval waits, and a dead worker's bulk job comes back to the bulk queue."""

from __future__ import annotations

import time
import uuid
from typing import Any

import redis as redis_lib
from rq import get_current_job
from rq.job import Job, JobStatus
from rq.registry import StartedJobRegistry

from assistant.jobs import BULK_QUEUE_NAME, QUEUE_NAME, enqueue_job, queue, retry_policy, run_worker

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
    assert len(queue(redis, QUEUE_NAME)) == 0
