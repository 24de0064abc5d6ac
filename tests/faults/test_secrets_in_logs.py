"""What a worker logs while it works holds no secret of the set-up it was given."""

from __future__ import annotations

import pytest
import redis as redis_lib

from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.slack_api import FakeSlack
from tests.faults.conftest import RedisProcess, Workers, wait_until
from tests.faults.test_redis_and_model_faults import finished
from tests.faults.test_worker_kills import check_reviews, enqueue_reviews


@pytest.mark.slow
def test_a_model_endpoint_behind_a_password_keeps_the_password_out_of_the_worker_log(
        aof_redis: RedisProcess, slack: FakeSlack, workers: Workers) -> None:
    """An OpenAI-compatible proxy with basic auth in its URL: the HTTP client logs every
    request's URL at INFO, which a worker's log would then hold once a critique."""
    with FakeOpenAI() as model:
        behind_auth = model.url.replace("http://", "http://proxyuser:Sup3rS3cret@", 1)
        workers.env.update({"OPENAI_BASE_URL": behind_auth, "OPENAI_API_KEY": "sk-test",
                            "ASSISTANT_LLM_MAX_RETRIES": "0"})
        redis = redis_lib.Redis.from_url(aof_redis.url)
        ids = enqueue_reviews(redis, 2)
        workers.start("--burst")
        wait_until(lambda: finished(redis, ids), 60, "the reviews")
        check_reviews(redis, slack, ids)
        assert model.calls >= 1, "the critique went to the model"
    workers.stop_all()
    logs = workers.logs()
    assert "Sup3rS3cret" not in logs and "sk-test" not in logs
    assert "://***@127.0.0.1" in logs, "the requests are still logged, their credentials redacted"
