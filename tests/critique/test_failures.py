"""Every way the model can fail: the right number of requests, and a review that still works.

Transport errors, 429 and 5xx are retried by the SDK (max_retries=2 here); unusable
answers (not JSON, wrong schema, cut off) are retried once by us; nothing is retried twice
over. Whatever happens, the user gets the rule findings and a one-line reason in time.
"""

from __future__ import annotations

import time

import pytest

from assistant.critique import apply_critique, critique_review
from tests.conftest import free_port
from tests.critique.conftest import (
    ERROR_FINDING,
    GOOD,
    RULES,
    WARNING_FINDING,
    make_review,
    make_settings,
)
from tests.fakes.openai_server import (
    Behaviour,
    FakeOpenAI,
    answer,
    raw,
    refusal,
    slow,
    status,
    truncated,
)

MISMATCH = {**GOOD, "verdict": "ship it"}

CASES: list[tuple[str, list[Behaviour], int, str | None]] = [
    # (name, script, requests expected, None for success or the expected note)
    ("429 then success", [status(429, retry_after="0.1"), answer(GOOD)], 2, None),
    ("500 then success", [status(500), answer(GOOD)], 2, None),
    ("persistent 500", [status(500)] * 3, 3, "the model endpoint failed (500) after 2 retries"),
    (
        "persistent 429",
        [status(429, retry_after="0.1")] * 3,
        3,
        "rate limited by the model endpoint (429) after 2 retries",
    ),
    ("401 is not retried", [status(401)], 1, "the model endpoint rejected the credentials (401)"),
    (
        "refusal",
        [refusal("I can't help with that.")],
        1,
        "the model refused: I can't help with that.",
    ),
    (
        "invalid JSON then success",
        [raw("Sure! Here is my critique: {verdict: revise"), answer(GOOD)],
        2,
        None,
    ),
    (
        "invalid JSON twice",
        [raw("not json at all")] * 2,
        2,
        "the model's answer was not valid JSON (2 attempts)",
    ),
    ("truncated then success", [truncated(GOOD), answer(GOOD)], 2, None),
    (
        "truncated twice",
        [truncated(GOOD)] * 2,
        2,
        "the model's answer was cut off at 800 output tokens (2 attempts)",
    ),
    ("schema mismatch then success", [answer(MISMATCH), answer(GOOD)], 2, None),
    (
        "schema mismatch twice",
        [answer(MISMATCH), answer({"verdict": "revise"})],
        2,
        "the model's answer did not match the schema (2 attempts)",
    ),
    (
        "content filter",
        [raw("", finish_reason="content_filter")],
        1,
        "the endpoint's content filter stopped the answer",
    ),
]


@pytest.mark.parametrize(("name", "script", "requests", "note"), CASES, ids=[c[0] for c in CASES])
def test_scripted_behaviour(
    fake: FakeOpenAI, name: str, script: list[Behaviour], requests: int, note: str | None
) -> None:
    fake.default = status(500, message="the script ran out")
    fake.script(*script)
    review = make_review(findings=[ERROR_FINDING, WARNING_FINDING])
    result = critique_review(review, make_settings(fake.url), rules_fingerprint=RULES)
    reviewed = apply_critique(review, result)

    assert fake.calls == requests
    assert reviewed.findings[:2] == [ERROR_FINDING, WARNING_FINDING]
    if note is None:
        assert result.critique.available and result.critique.verdict == "revise"
        answered = sum(1 for b in script[:requests] if b.status == 200)
        assert result.critique.usage["model_calls"] == answered
    else:
        assert not result.critique.available
        assert result.critique.note == f"critique unavailable: {note}"
        assert "\n" not in result.critique.note
        assert reviewed.findings == [ERROR_FINDING, WARNING_FINDING]


def test_retry_after_is_honoured(fake: FakeOpenAI) -> None:
    fake.script(status(429, retry_after="1"), answer(GOOD))
    started = time.monotonic()
    result = critique_review(make_review(), make_settings(fake.url), rules_fingerprint=RULES)
    assert result.critique.available
    assert 0.95 <= time.monotonic() - started < 3


def test_a_slow_endpoint_times_out_quickly(fake: FakeOpenAI) -> None:
    fake.default = slow(3.0, answer(GOOD))
    settings = make_settings(fake.url, llm_timeout=0.5, llm_max_retries=1)
    started = time.monotonic()
    result = critique_review(make_review(), settings, rules_fingerprint=RULES)
    elapsed = time.monotonic() - started

    assert fake.calls == 2  # the first try and the SDK's one retry, nothing more
    assert result.critique.note == (
        "critique unavailable: the model endpoint did not answer within 0.5s after 1 retry"
    )
    assert elapsed < 2.5


def test_a_dead_endpoint_is_unavailable_not_an_error() -> None:
    settings = make_settings(f"http://127.0.0.1:{free_port()}/v1", llm_max_retries=1)
    started = time.monotonic()
    result = critique_review(make_review(), settings, rules_fingerprint=RULES)
    assert (
        result.critique.note
        == "critique unavailable: cannot reach the model endpoint after 1 retry"
    )
    assert result.findings == []
    assert time.monotonic() - started < settings.llm_deadline


def test_the_overall_deadline_is_kept_whatever_the_sdk_does(fake: FakeOpenAI) -> None:
    fake.default = slow(3.0, answer(GOOD))
    settings = make_settings(fake.url, llm_timeout=10.0, llm_deadline=0.6)
    started = time.monotonic()
    result = critique_review(make_review(), settings, rules_fingerprint=RULES)
    elapsed = time.monotonic() - started

    assert result.critique.note == "critique unavailable: no answer within the 0.6s deadline"
    assert elapsed < 1.2
    assert fake.calls == 1


def test_output_retries_stop_at_the_deadline(fake: FakeOpenAI) -> None:
    """A bad answer that took most of the deadline is not tried again past it."""
    fake.default = slow(0.5, raw("not json"))
    settings = make_settings(fake.url, llm_timeout=2.0, llm_deadline=0.8)
    started = time.monotonic()
    result = critique_review(make_review(), settings, rules_fingerprint=RULES)
    assert not result.critique.available
    assert time.monotonic() - started < 1.4
    assert fake.calls <= 2
