"""Fixtures for the critique tests: a fake OpenAI server, settings pointing at it, reviews."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from assistant.models import Finding, Post, Review
from assistant.settings import Settings
from tests.fakes.openai_server import FakeOpenAI, answer

API_KEY = "sk-test-SECRET-0123456789"
RULES = "rules-fingerprint-1"

GOOD: dict[str, Any] = {
    "verdict": "revise",
    "summary": "Reads like a billboard: it asks for shares and gives the reader nothing.",
    "problems": [
        {
            "quote": "Please RT and share",
            "issue": "Asking strangers to share spends goodwill instead of earning it.",
            "principle": "no-spam",
            "severity": "warning",
        }
    ],
    "rewrite": "What is the one engagement tip you wish you had learned sooner? Ours is below.",
}

SPAMMY = (
    "5 tips to boost engagement https://brightpixel-agency.example/blog/5-tips "
    "Please RT and share with your network! #socialmedia #marketing"
)

ERROR_FINDING = Finding(
    rule="too-long",
    severity="error",
    message="Over the platform's hard limit",
    evidence="312 characters",
    post_id="p1",
)
WARNING_FINDING = Finding(
    rule="share-begging",
    severity="warning",
    message="Asks people to share",
    evidence="Please RT and share",
    post_id="p1",
)


def make_post(
    text: str = SPAMMY, *, platform: str = "x", post_id: str = "p1", **extra: Any
) -> Post:
    return Post(
        id=post_id,
        platform=platform,
        created_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
        author="@brightpixel",
        text=text,
        **extra,
    )


def make_review(text: str = SPAMMY, findings: list[Finding] | None = None, **extra: Any) -> Review:
    return Review(post=make_post(text, **extra), findings=list(findings or [WARNING_FINDING]))


def make_settings(base_url: str, **overrides: Any) -> Settings:
    """Settings as a user would set them, with tiny timeouts so failure tests take ~1 s."""
    values: dict[str, Any] = {
        "openai_base_url": base_url,
        "openai_api_key": API_KEY,
        "llm_model": "fake-model",
        "llm_timeout": 0.5,
        "llm_deadline": 5.0,
        "llm_max_retries": 2,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(autouse=True)
def _no_vendor_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own OpenAI/Azure variables must not leak into these tests."""
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "AZURE_OPENAI_API_KEY",
        "AZURE_OPENAI_ENDPOINT",
        "OPENAI_API_VERSION",
        "ASSISTANT_LLM_MODEL",
        "ASSISTANT_PROMPTS_DIR",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(default=answer(GOOD)) as server:
        yield server


@pytest.fixture
def settings(fake: FakeOpenAI) -> Settings:
    return make_settings(fake.url)
