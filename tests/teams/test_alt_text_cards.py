"""Teams shows a carousel's images without alt text as one finding per problem: the webhook's
review card, the bot's review card and notification text, and the bot's approval card, with
the verdict of every image charged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from assistant.approvals.model import QueuedPost
from assistant.checks.ruleset import RuleSet
from assistant.models import Review
from assistant.render.present import VERDICT_LABEL
from assistant.review import post_score, review_post, verdict
from integrations.teams.bot.approvals.card import approval_card
from integrations.teams.bot.cards import review_card as bot_review_card
from integrations.teams.bot.cards import review_summary
from integrations.teams.cards import review_card
from tests.checks.examples import NOW, img, p
from tests.teams.cardcheck import card_problems

NO_ALT = "4 of 10 images have no alt text: describe what they show for people who cannot see them."
JUNK = "2 of 10 images have junk alt text: describe what they show for people who cannot see them."


def carousel() -> Review:
    """Ten images: 2, 3, 5 and 9 without alt text, 4 and 6 with junk."""
    alts = ["A designer sketching", None, "", "IMG_123", None, "DSC_0042", "Swatches", "Notes",
            None, "A tote bag"]
    post = p("Ten sketches from our rebrand.", platform="instagram", media=[img(a) for a in alts])
    return review_post(post, RuleSet.from_config())


def finding_lines(card: dict[str, Any]) -> list[str]:
    """Each finding block's text, its runs joined."""
    return ["".join(run["text"] for run in block["inlines"]) for block in card["body"]
            if block.get("type") == "RichTextBlock" and len(block["inlines"]) > 1]


def test_the_webhook_review_card_shows_one_finding_per_problem() -> None:
    review = carousel()
    card = review_card(review)
    assert finding_lines(card) == [
        f"WARNING missing-alt-text: {NO_ALT}  “images 2, 3, 5 and 9 of 10: no alt text”",
        f"WARNING missing-alt-text: {JUNK}  “images 4 and 6 of 10: alt text “IMG_123” and “DSC_0042””",
    ]
    assert f"Verdict: {VERDICT_LABEL[verdict(review)]}" in str(card["body"])


def test_the_bot_review_card_and_its_notification_count_what_they_show() -> None:
    review = carousel()
    card = bot_review_card(review)
    assert card_problems(card) == []
    assert [line.split(": ", 1)[1] for line in finding_lines(card)] == [
        f"{NO_ALT}  “images 2, 3, 5 and 9 of 10: no alt text”",
        f"{JUNK}  “images 4 and 6 of 10: alt text “IMG_123” and “DSC_0042””",
    ]
    assert review_summary(review) == f"Post review: {VERDICT_LABEL[verdict(review)]} (2 warnings)"


def test_the_bot_approval_card_lists_the_groups_with_the_score_of_every_image() -> None:
    review = carousel()
    record = QueuedPost(id="q1", client="Acme", scheduled_at=NOW + timedelta(days=1),
                        created_at=datetime.now(UTC), updated_at=datetime.now(UTC),
                        post=review.post, review=review, reviewed_version=1, submitter="teams:abc")
    card = approval_card(record, "Acme")
    assert card_problems(card) == []
    lines = [line for line in finding_lines(card) if "missing-alt-text" in line]
    assert len(lines) == 2 and NO_ALT in lines[0] and JUNK in lines[1]
    assert f"score {post_score(review)}/100" in str(card["body"])
