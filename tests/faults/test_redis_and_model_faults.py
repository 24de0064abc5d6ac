"""Redis killed and restarted (AOF, appendfsync always) under load, and a model that fails
or hangs: with real worker processes, every review is still answered, once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import redis as redis_lib
from rq.job import Job, JobStatus

from assistant.jobs import queue
from tests.fakes.openai_server import FakeOpenAI, slow, status
from tests.fakes.slack_api import FakeSlack
from tests.faults.conftest import RedisProcess, Workers, effect_keys, wait_until
from tests.faults.test_worker_kills import check_reviews, enqueue_reviews


def finished(redis: redis_lib.Redis, ids: list[str]) -> bool:
    try:
        return all(Job.fetch(i, connection=redis, serializer=queue(redis).serializer).get_status()
                   == JobStatus.FINISHED for i in ids)
    except redis_lib.exceptions.ConnectionError:
        return False


@pytest.mark.slow
def test_a_redis_restart_under_load_loses_no_review_and_posts_none_twice(
        aof_redis: RedisProcess, slack: FakeSlack, workers: Workers) -> None:
    slack.slow_after_post = 0.1
    redis = redis_lib.Redis.from_url(aof_redis.url)
    ids = enqueue_reviews(redis, 30)
    for _ in range(2):
        workers.start()
    wait_until(lambda: len(slack.landed()) >= 10, 60, "traffic")
    aof_redis.kill()
    time.sleep(1.0)
    aof_redis.start()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not finished(redis, ids):
        for proc in list(workers.procs):  # an orchestrator restarts a worker that gave up
            if proc.poll() is not None and len(workers.alive()) < 2:
                workers.start()
        time.sleep(0.5)
    assert finished(redis, ids), workers.logs()
    check_reviews(redis, slack, ids)
    keys = effect_keys(slack)
    print(f"\nredis restart: {len(ids)} reviews, {len(keys)} messages, each once")


@pytest.mark.parametrize("behaviour", ["500", "hang"])
@pytest.mark.slow
def test_a_failing_or_hanging_model_still_gets_every_review_posted_once(
        aof_redis: RedisProcess, slack: FakeSlack, workers: Workers, behaviour: str,
        tmp_path: Path) -> None:
    default = status(500) if behaviour == "500" else slow(600)
    with FakeOpenAI(default=default) as model:
        workers.env.update({"OPENAI_BASE_URL": model.url, "OPENAI_API_KEY": "sk-test",
                            "ASSISTANT_LLM_TIMEOUT": "1", "ASSISTANT_LLM_DEADLINE": "3",
                            "ASSISTANT_LLM_MAX_RETRIES": "1"})
        redis = redis_lib.Redis.from_url(aof_redis.url)
        ids = enqueue_reviews(redis, 4)
        started = time.monotonic()
        workers.start()
        wait_until(lambda: finished(redis, ids), 90, "the reviews")
        took = time.monotonic() - started
        check_reviews(redis, slack, ids)
        assert model.calls >= 1
        print(f"\nmodel {behaviour}: {len(ids)} reviews posted once each in {took:.1f} s")
