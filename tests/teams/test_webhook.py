"""Posting cards to a Teams Workflows webhook over real HTTP on loopback."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from assistant.models import Post, Review
from integrations.teams.cards import review_card
from integrations.teams.webhook import TeamsError, post_card, redact
from tests.fakes.teams_webhook import fake_teams_webhook

CARD = review_card(Review(post=Post(id="d", created_at=datetime(2026, 11, 1, tzinfo=UTC), text="hi")))


def test_card_is_sent_in_the_workflows_envelope() -> None:
    with fake_teams_webhook() as teams:
        post_card(teams.url, CARD)
    assert len(teams.requests) == 1
    sent = teams.requests[0]
    assert sent["content_type"] == "application/json"
    attachment = sent["json"]["attachments"][0]
    assert sent["json"]["type"] == "message"
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert attachment["content"] == CARD


def test_429_and_500_are_retried_honouring_retry_after() -> None:
    with fake_teams_webhook() as teams:
        teams.script = [(429, {"Retry-After": "0"}), (500, {})]
        post_card(teams.url, CARD)
    assert len(teams.requests) == 3


def test_persistent_failure_gives_up_without_leaking_the_signature(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with fake_teams_webhook() as teams:
        teams.script = [(503, {"Retry-After": "0"})] * 10
        with pytest.raises(TeamsError) as failed:
            post_card(teams.url, CARD, attempts=3)
    assert len(teams.requests) == 3
    assert "SECRET-SIGNATURE" not in str(failed.value)
    assert "SECRET-SIGNATURE" not in caplog.text
    assert "gave up after 3 attempts" in str(failed.value)


def test_client_error_is_not_retried() -> None:
    with fake_teams_webhook() as teams:
        teams.script = [(400, {})]
        with pytest.raises(TeamsError, match="HTTP 400"):
            post_card(teams.url, CARD)
    assert len(teams.requests) == 1


def test_oversized_card_is_refused_before_sending() -> None:
    huge = dict(CARD, body=[{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "x" * 30_000}]}])
    with fake_teams_webhook() as teams, pytest.raises(TeamsError, match="bytes"):
        post_card(teams.url, huge)
    assert teams.requests == []


def test_redact_drops_the_query() -> None:
    assert redact("https://prod.azure.example/workflows/1/run?api-version=1&sig=abc") == (
        "https://prod.azure.example/workflows/1/run?…")


@pytest.mark.parametrize("url", [
    "prod-00.westeurope.logic.azure.com/workflows/1/run?api-version=1&sig=SECRET-SIGNATURE",
    "prod.azure.example:443/workflows/1/run?sig=SECRET-SIGNATURE",
    "ftp://prod.azure.example/workflows/1/run?sig=SECRET-SIGNATURE",
    "HTTPS://user:SECRET-SIGNATURE@prod.azure.example/run#sig=SECRET-SIGNATURE",
])
def test_redact_hides_the_signature_whatever_the_scheme(url: str) -> None:
    shown = redact(url)
    assert "SECRET-SIGNATURE" not in shown and "prod" in shown and shown.endswith("?…")


@pytest.mark.parametrize("send", ["adaptive", "legacy"])
def test_a_webhook_url_without_https_is_refused_without_its_signature(
    send: str, caplog: pytest.LogCaptureFixture,
) -> None:
    """An env var holding the URL minus `https://`: urllib's ValueError would quote it whole."""
    from integrations.teams.webhook import post_legacy_card

    caplog.set_level(logging.DEBUG)
    url = "prod-00.westeurope.logic.azure.com/workflows/1/run?api-version=1&sig=SECRET-SIGNATURE"
    with pytest.raises(TeamsError) as failed:
        if send == "adaptive":
            post_card(url, CARD, attempts=1)
        else:
            post_legacy_card(url, "title", "text")
    assert "SECRET-SIGNATURE" not in str(failed.value) and "https://" in str(failed.value)
    assert "prod-00.westeurope.logic.azure.com/workflows/1/run?…" in str(failed.value)
    assert "SECRET-SIGNATURE" not in caplog.text
