"""A post the English-only rules could not read is headed "Not fully read" on every surface,
not "Ready to publish": a German hard sell that begs for shares came back green at 100. Its
verdict stays "publish" in JSON, approvals and `--fail-on` (a post is no worse for its
language); only the headline no longer vouches for what nobody read."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from assistant.approvals.model import QueuedPost
from assistant.checks.ruleset import RuleSet
from assistant.models import Review
from assistant.render.json import review_dict
from assistant.render.plain import PlainConsole
from assistant.render.text import print_review
from assistant.review import post_score, review_post, verdict
from integrations.slack.approval_blocks import approval_message
from integrations.slack.render.blocks import review_summary
from integrations.teams.bot.approvals.card import approval_card
from integrations.teams.bot.cards import review_card as bot_review_card
from integrations.teams.bot.cards import review_summary as bot_summary
from integrations.teams.cards import review_card
from tests.checks.examples import NOW, p

GERMAN = ("Nur heute: 50% Rabatt auf alles! Jetzt kaufen und bitte teilt diesen Beitrag mit "
          "euren Freunden: https://shop.example/angebot")
ENGLISH = "Thoughtful piece on why trust beats reach for service businesses. https://hbr.org/2026/10/trust"
UNREAD = "Not fully read: have someone who reads it check"


def reviewed(text: str) -> Review:
    return review_post(p(text, platform="instagram", id="d1"), RuleSet.from_config())


def queued(review: Review) -> QueuedPost:
    return QueuedPost(id="q1", client="Acme", scheduled_at=NOW + timedelta(days=1),
                      created_at=datetime.now(UTC), updated_at=datetime.now(UTC), post=review.post,
                      review=review, reviewed_version=1, submitter="U0AUTHOR")


def headlines(review: Review, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """What each surface heads the review with, as text."""
    print_review(review, PlainConsole())
    return {
        "terminal": next(line for line in capsys.readouterr().out.splitlines()
                         if line.startswith("Verdict:")),
        "slack": json.dumps(review_summary(review)["blocks"][:2], ensure_ascii=False),
        "slack approval": json.dumps(approval_message(queued(review), "Acme")["blocks"], ensure_ascii=False),
        "teams": json.dumps(review_card(review)["body"][:3], ensure_ascii=False),
        "teams bot": json.dumps(bot_review_card(review)["body"][:3], ensure_ascii=False),
        "teams bot summary": bot_summary(review),
        "teams approval": json.dumps(approval_card(queued(review), "Acme")["body"], ensure_ascii=False),
    }


def test_a_post_in_another_language_is_not_headed_ready_to_publish(
        capsys: pytest.CaptureFixture[str]) -> None:
    review = reviewed(GERMAN)
    assert [f.rule for f in review.findings] == ["not-english"]
    shown = headlines(review, capsys)
    assert shown.pop("terminal").startswith("Verdict: publish, but not all of it was read")
    for surface, text in shown.items():
        assert UNREAD in text and "Ready to publish" not in text, surface
    assert (verdict(review), post_score(review)) == ("publish", 100)
    assert review_dict(review)["verdict"] == "publish"


@pytest.mark.parametrize(("text", "label"), [
    (ENGLISH, "Ready to publish"),
    (GERMAN + " Please share it with your friends, and RT!", "Revise before publishing"),
], ids=["read-in-full", "found-wanting"])
def test_a_post_read_in_full_or_already_found_wanting_keeps_its_headline(
        text: str, label: str, capsys: pytest.CaptureFixture[str]) -> None:
    shown = headlines(reviewed(text), capsys)
    assert not any(UNREAD in headline for headline in shown.values())
    assert label in shown["slack"] and label in shown["teams"]
