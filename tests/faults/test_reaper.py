"""The reaper against a worker that is late, not dead: a lease renewed between the reaper's
look and its move keeps the job where it is (requeueing it would run it twice)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import redis as redis_lib
from rq.job import Job, JobStatus
from rq.registry import StartedJobRegistry

from assistant.jobrunner import LEASE, reap
from assistant.jobs import queue as make_queue
from assistant.jobs import retry_policy


class LateRenewal(redis_lib.Redis):
    """A real Redis client; after each ZRANGEBYSCORE (the reaper's look) `then()` runs, as a
    late worker's keeper renewing its lease at exactly that moment would."""

    then: Callable[[], None] = staticmethod(lambda: None)

    def zrangebyscore(self, *args: Any, **kwargs: Any) -> Any:
        answer = super().zrangebyscore(*args, **kwargs)
        self.then()
        return answer


def started_job(redis: redis_lib.Redis, lease_ends: float) -> tuple[Job, str, str]:
    """A job a worker took and is running, as RQ leaves it in Redis (status, registry entry)."""
    queue = make_queue(redis)
    job = queue.enqueue("builtins.print", "hi", retry=retry_policy())
    queue.connection.lrem(queue.key, 0, job.id)  # the worker took it
    job.set_status(JobStatus.STARTED)
    entry = f"{job.id}:{uuid.uuid4().hex}"
    registry = StartedJobRegistry(queue.name, connection=redis)
    redis.zadd(registry.key, {entry: lease_ends})
    return job, entry, registry.key


def test_a_lease_renewed_while_the_reaper_looks_keeps_the_job_running_once(redis_url: str) -> None:
    redis = LateRenewal.from_url(redis_url)
    job, entry, key = started_job(redis, lease_ends=time.time() - 1)  # the worker is late

    def renew() -> None:  # the keeper's renewal (zadd xx), landing between look and move
        redis_lib.Redis.from_url(redis_url).zadd(key, {entry: time.time() + LEASE}, xx=True)

    redis.then = renew
    queue = make_queue(redis)
    assert reap(queue) == []
    assert job.id not in queue.get_job_ids()  # not queued for a second run
    assert job.get_status(refresh=True) == JobStatus.STARTED
    assert redis.zscore(key, entry) is not None  # still leased by its worker
    redis.then = lambda: None
    assert reap(queue, now=time.time() + LEASE + 1) == [(job.id, "requeued")]  # dies later: reaped


def test_a_lease_that_stayed_lapsed_is_reaped_once(redis_url: str) -> None:
    redis = redis_lib.Redis.from_url(redis_url)
    job, entry, key = started_job(redis, lease_ends=time.time() - 1)
    queue = make_queue(redis)
    assert reap(queue) == [(job.id, "requeued")]
    assert queue.get_job_ids().count(job.id) == 1 and redis.zscore(key, entry) is None
    assert reap(queue) == []
