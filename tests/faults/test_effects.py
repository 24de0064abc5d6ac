"""The idempotency helper on a real Redis: racing attempts, dead attempts, reconciliation."""

from __future__ import annotations

import threading
import time

import pytest
import redis as redis_lib

from assistant.effects import PREFIX, Effects


@pytest.fixture
def effects(redis_url: str) -> Effects:
    return Effects(redis_lib.Redis.from_url(redis_url), lease=1.0, wait=10.0)


def test_racing_attempts_run_the_effect_once(effects: Effects) -> None:
    calls: list[int] = []

    def do() -> str:
        calls.append(1)
        time.sleep(2.5)  # longer than the 1 s lease: only a renewed lease keeps the others out
        return "ts-1"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(effects.once("race", do).value))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and results == ["ts-1"] * 8


def test_an_attempt_that_died_mid_call_is_reconciled_not_repeated(effects: Effects) -> None:
    # what a SIGKILLed attempt leaves: the pending mark, and a lock that lapses
    effects.redis.set(PREFIX + "dead", '{"state": "pending", "since": 100.0, "attempts": 1}')
    effects.redis.set(PREFIX + "dead:lock", "someone", px=500)
    seen: list[float] = []

    def find(since: float) -> str | None:
        seen.append(since)
        return "ts-landed"

    done = effects.once("dead", lambda: pytest.fail("posted again"), find=find)
    assert done.value == "ts-landed" and not done.fresh and seen == [100.0]
    assert effects.value("dead") == "ts-landed"


def test_without_a_way_to_look_a_dead_attempt_is_sent_again(effects: Effects) -> None:
    effects.redis.set(PREFIX + "blind", '{"state": "pending", "since": 100.0, "attempts": 1}')
    done = effects.once("blind", lambda: "sent")
    assert done.fresh and effects.value("blind") == "sent"
    assert effects.once("blind", lambda: pytest.fail("twice")).value == "sent"


def test_a_failed_call_stays_pending_so_the_next_attempt_looks_first(effects: Effects) -> None:
    with pytest.raises(RuntimeError):
        effects.once("flaky", lambda: (_ for _ in ()).throw(RuntimeError("503")))
    assert effects.record("flaky")["state"] == "pending"
    assert effects.once("flaky", lambda: pytest.fail("posted"), find=lambda since: "ts").value == "ts"
