"""The Redis critique cache: hits, misses on what changes the answer, Redis down, one call."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import redis

from assistant.critique import CritiqueCache, critique_review
from assistant.critique.prompts import default_dir
from tests.conftest import free_port
from tests.critique.conftest import GOOD, RULES, make_review, make_settings
from tests.fakes.openai_server import FakeOpenAI, answer, status


def test_a_second_identical_review_is_served_from_the_cache(
    fake: FakeOpenAI, redis_url: str
) -> None:
    settings = make_settings(fake.url)
    cache = CritiqueCache(redis_url)
    first = critique_review(make_review(), settings, rules_fingerprint=RULES, cache=cache)
    second = critique_review(make_review(), settings, rules_fingerprint=RULES, cache=cache)

    assert fake.calls == 1
    assert not first.critique.cached and second.critique.cached
    assert second.critique.verdict == first.critique.verdict
    assert second.critique.summary == first.critique.summary
    assert second.findings == first.findings
    assert second.critique.usage == first.critique.usage  # what it cost when it was made


def test_entries_are_namespaced_have_a_ttl_and_carry_their_usage(
    fake: FakeOpenAI, redis_url: str
) -> None:
    settings = make_settings(fake.url, llm_cache_ttl=3600)
    critique_review(
        make_review(), settings, rules_fingerprint=RULES, cache=CritiqueCache(redis_url)
    )

    client = redis.Redis.from_url(redis_url)
    [key] = client.keys("assistant:v1:critique:*")
    assert 3500 < client.ttl(key) <= 3600
    entry = json.loads(client.get(key))
    assert entry["usage"]["total_tokens"] == 160 and entry["model"] == "fake-model"
    assert client.keys("assistant:v1:critique-lock:*") == []  # the lock is released


def test_whitespace_differences_hit_but_other_changes_miss(
    fake: FakeOpenAI, redis_url: str
) -> None:
    cache = CritiqueCache(redis_url)
    settings = make_settings(fake.url)

    def run(review=None, **overrides) -> bool:
        used = make_settings(fake.url, **overrides) if overrides else settings
        result = critique_review(
            review or make_review(), used, rules_fingerprint=RULES, cache=cache
        )
        return result.critique.cached

    assert run() is False
    assert (
        run(
            make_review(
                text="5 tips to boost   engagement https://brightpixel-agency.example/blog/5-tips "
                "Please RT and share with your network!  #socialmedia #marketing "
            )
        )
        is True
    )
    assert run(llm_model="another-model") is False
    assert run(make_review(platform="linkedin")) is False
    assert run(make_review(text="A different post entirely, Please RT and share")) is False
    result = critique_review(make_review(), settings, rules_fingerprint="other-rules", cache=cache)
    assert result.critique.cached is False
    assert fake.calls == 5


def test_a_new_prompt_version_misses_the_cache(
    fake: FakeOpenAI, redis_url: str, tmp_path: Path
) -> None:
    cache = CritiqueCache(redis_url)
    prompts = tmp_path / "prompts"
    shutil.copytree(default_dir(), prompts, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    settings = make_settings(fake.url, prompts_dir=prompts)
    assert not critique_review(
        make_review(), settings, rules_fingerprint=RULES, cache=cache
    ).critique.cached
    assert critique_review(
        make_review(), settings, rules_fingerprint=RULES, cache=cache
    ).critique.cached

    path = prompts / "post_critique.toml"
    path.write_text(path.read_text().replace("version = 1", "version = 2", 1))
    assert not critique_review(
        make_review(), settings, rules_fingerprint=RULES, cache=cache
    ).critique.cached
    assert fake.calls == 2


def test_failures_are_not_cached(fake: FakeOpenAI, redis_url: str) -> None:
    cache = CritiqueCache(redis_url)
    settings = make_settings(fake.url, llm_max_retries=0)
    fake.script(status(503))
    assert not critique_review(
        make_review(), settings, rules_fingerprint=RULES, cache=cache
    ).critique.available
    again = critique_review(make_review(), settings, rules_fingerprint=RULES, cache=cache)
    assert again.critique.available and not again.critique.cached
    assert fake.calls == 2


def test_redis_down_slows_nothing_and_breaks_nothing(fake: FakeOpenAI) -> None:
    settings = make_settings(fake.url)
    cache = CritiqueCache(f"redis://127.0.0.1:{free_port()}/0")
    baseline_started = time.monotonic()
    critique_review(make_review(), settings, rules_fingerprint=RULES)
    baseline = time.monotonic() - baseline_started

    started = time.monotonic()
    results = [
        critique_review(make_review(), settings, rules_fingerprint=RULES, cache=cache)
        for _ in range(3)
    ]
    elapsed = time.monotonic() - started

    assert all(r.critique.available and not r.critique.cached for r in results)
    assert fake.calls == 4
    assert elapsed < 3 * baseline + 0.5


def test_a_blackholed_redis_costs_at_most_one_short_timeout() -> None:
    """10.255.255.1 is not routed: connects hang until the socket timeout, once."""
    cache = CritiqueCache("redis://10.255.255.1:6379/0", socket_timeout=0.2)
    started = time.monotonic()
    for _ in range(5):
        assert cache.get("k") is None
        assert cache.acquire("k", 1.0) == ""
    assert time.monotonic() - started < 1.0  # one 0.2 s timeout, not ten (2 s); margin for load


def test_concurrent_identical_requests_make_one_model_call(
    fake: FakeOpenAI, redis_url: str
) -> None:
    fake.default = answer(GOOD, delay=0.4)
    settings = make_settings(fake.url)
    cache = CritiqueCache(redis_url)
    results = []
    barrier = threading.Barrier(5)

    def worker() -> None:
        barrier.wait()
        results.append(
            critique_review(make_review(), settings, rules_fingerprint=RULES, cache=cache)
        )

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert fake.calls == 1
    assert len(results) == 5
    assert all(r.critique.available and r.critique.verdict == "revise" for r in results)
    assert sorted(r.critique.cached for r in results) == [False, True, True, True, True]
