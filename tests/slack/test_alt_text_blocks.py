"""Slack shows a carousel's images without alt text as one finding per problem, in the
review's summary (counts and top problems), its thread and the approval message, with the
score and verdict of every image charged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from assistant.approvals.model import QueuedPost
from assistant.checks.ruleset import RuleSet
from assistant.models import Review
from assistant.review import post_score, review_post
from integrations.slack.approval_blocks import approval_message
from integrations.slack.render import blocks as render
from tests.checks.examples import NOW, img, p
from tests.slack.blockcheck import message_problems

NO_ALT = "4 of 10 images have no alt text: describe what they show for people who cannot see them."
SHARE = "Asks people to share or follow"
JUNK = "2 of 10 images have junk alt text: describe what they show for people who cannot see them."


def carousel() -> Review:
    """Ten images: 2, 3, 5 and 9 without alt text, 4 and 6 with junk; and a share request,
    which the alt text no longer pushes out of the top three."""
    alts = ["A designer sketching", None, "", "IMG_123", None, "DSC_0042", "Swatches", "Notes",
            None, "A tote bag"]
    post = p("Ten sketches from our rebrand. Please share this with your network!",
             platform="instagram", media=[img(a) for a in alts])
    return review_post(post, RuleSet.from_config())


def sections(message: Any) -> list[str]:
    return [b["text"]["text"] for b in message["blocks"] if b["type"] == "section" and "text" in b]


def test_the_summary_counts_and_lists_the_shown_findings() -> None:
    review = carousel()
    summary = render.review_summary(review)
    assert message_problems(dict(summary)) == []
    [counts] = [f["text"] for b in summary["blocks"] if "fields" in b for f in b["fields"]
                if f["text"].startswith("*Findings*")]
    assert counts == "*Findings*\n0 errors, 3 warnings, 0 info"
    top = next(s for s in sections(summary) if "missing-alt-text" in s)
    assert top.count("missing-alt-text") == 2 and NO_ALT in top and JUNK in top
    assert SHARE in top and "more in the thread" not in top
    assert f"{post_score(review)}/100" in str(summary["blocks"])


def test_the_thread_shows_each_group_with_the_images_it_names() -> None:
    [thread] = render.review_thread(carousel())
    assert thread["blocks"][2]["text"]["text"] == "Findings (3)"
    shown = sections(thread)
    assert sum(s.endswith(NO_ALT) for s in shown) == 1 and sum(s.endswith(JUNK) for s in shown) == 1
    assert "> images 2, 3, 5 and 9 of 10: no alt text" in shown
    assert "> images 4 and 6 of 10: alt text “IMG_123” and “DSC_0042”" in shown
    assert not any("Image 2 of 10" in s for s in shown)


def test_the_approval_message_lists_the_groups_among_its_top_problems() -> None:
    review = carousel()
    post = review.post
    record = QueuedPost(id="q1", client="Acme", scheduled_at=NOW + timedelta(days=1),
                        created_at=datetime.now(UTC), updated_at=datetime.now(UTC), post=post,
                        review=review, reviewed_version=1, submitter="U0AUTHOR")
    message = approval_message(record, "Acme")
    assert message_problems(dict(message)) == []
    top = next(s for s in sections(message) if "missing-alt-text" in s)
    assert top.count("missing-alt-text") == 2 and NO_ALT in top and JUNK in top
    assert SHARE in top
    assert f"score {post_score(review)}/100" in str(message["blocks"])
