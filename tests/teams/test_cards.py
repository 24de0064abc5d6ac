"""Teams cards: valid Adaptive Card 1.4 (official schema), under the size limit, text shown literally."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import adaptive_cards
import jsonschema
import pytest

from assistant.models import (
    Account,
    FeedAudit,
    FeedStats,
    Finding,
    Health,
    HealthComponent,
    Post,
    Review,
)
from integrations.teams.cards import MAX_PAYLOAD_BYTES, audits_card, payload_size, review_card

SCHEMA = json.loads(
    (Path(adaptive_cards.__file__).parent / "schemas" / "schema-1.4.json").read_text()
)
NOW = datetime(2026, 11, 11, tzinfo=UTC)


def validate(card: dict[str, Any]) -> None:
    """The official 1.4 schema knows nothing of the Teams-only `msteams` key: strip it first."""
    stripped = {k: v for k, v in card.items() if k != "msteams"}
    jsonschema.validate(stripped, SCHEMA)
    assert card["version"] == "1.4"


def audit(i: int, findings: int = 8) -> FeedAudit:
    components = {
        name: HealthComponent(name=name, score=40 + i % 50, weight=0.2, rules=["repeat-post"])
        for name in ("conversation", "promotion", "repetition", "cadence", "accessibility")
    }
    return FeedAudit(
        account=Account(name=f"Client feed {i} " + "x" * 40, platform="x", owner="client"),
        as_of=NOW,
        stats=FeedStats(posts=100),
        health=Health(score=55, components=components),
        findings=[
            Finding(rule="repeat-post", severity="warning", message="The same post 9 times " * 5,
                    evidence="Our latest blog post: " + "y" * 300, examples=["a", "b"])
            for _ in range(findings)
        ],
    )


def test_review_card_validates_and_shows_post_text_literally() -> None:
    text = "**Buy now** [click](https://evil.example) <at>everyone</at>"
    review = Review(
        post=Post(id="d", created_at=NOW, text=text),
        findings=[Finding(rule="sales-pitch", severity="warning", message="Hard sell", evidence="Buy now")],
    )
    card = review_card(review, link="https://slack.example/archives/C1/p1")
    validate(card)
    runs = [run for block in card["body"] if block["type"] == "RichTextBlock" for run in block["inlines"]]
    assert any(run["text"] == text for run in runs), "post text must be a TextRun, shown as written"
    assert not any(block["type"] == "TextBlock" for block in card["body"]), "TextBlock reads markdown"
    assert card["actions"][0]["type"] == "Action.OpenUrl"


@pytest.mark.parametrize("feeds", [1, 10, 50])
def test_report_card_for_many_feeds_validates_and_fits(feeds: int) -> None:
    card = audits_card([audit(i) for i in range(feeds)], title="Daily feed health",
                       notes=["Practise what we preach: our own feed repeats itself."])
    validate(card)
    assert payload_size(card) <= MAX_PAYLOAD_BYTES
    names = json.dumps(card)
    assert all(f"Client feed {i} " in names for i in range(feeds)), "every feed is on the card"


def test_small_report_keeps_findings_big_report_trims_them() -> None:
    small = json.dumps(audits_card([audit(0)], title="t"))
    big = audits_card([audit(i) for i in range(50)], title="t")
    assert "repeat-post" in small
    per_feed = [c for c in big["body"] if c["type"] == "Container"]
    assert len(per_feed) == 50
    assert sum(len(c["items"]) for c in per_feed) < 50 * (2 + 3)


def _verdict_review(severity: str, model_verdict: str | None) -> Review:
    from assistant.models import Critique

    post = Post(id="p", created_at=NOW, text="Only 3 days left!!! Buy now")
    finding = Finding(rule="too-long", severity=severity, message="over the limit")  # type: ignore[arg-type]
    critique = (Critique(available=True, verdict=model_verdict, summary="Pushy.")  # type: ignore[arg-type]
                if model_verdict else None)
    return Review(post=post, findings=[finding], critique=critique)


@pytest.mark.parametrize("severity, model_verdict, shown", [
    ("error", "revise", "Do not publish as written"),  # rules win over a softer model
    ("warning", None, "Revise before publishing"),  # no critique: the rules' verdict still shows
    ("info", "reject", "Do not publish as written"),  # the model can be stricter
])
def test_teams_shows_the_same_verdict_as_slack(severity: str, model_verdict: str | None,
                                               shown: str) -> None:
    from integrations.slack.render.blocks import review_summary

    review = _verdict_review(severity, model_verdict)
    card = review_card(review)
    validate(card)
    assert f"Verdict: {shown}" in json.dumps(card)
    assert shown in json.dumps(review_summary(review)["blocks"])
