"""The Teams approval card: the review card plus the post's facts and a link to decide.

Workflows webhook cards cannot post back (only Action.OpenUrl works there), so the card
links to the Slack thread where the buttons are; deciding in Teams needs the Teams bot
(a client's `teams_channel`).
"""

from __future__ import annotations

from typing import Any

from assistant.approvals.model import LABELS, QueuedPost
from assistant.models import Review
from integrations.teams.cards import card, open_url, plain, review_card


def approval_card(record: QueuedPost, review: Review, *, client: str,
                  link: str | None) -> dict[str, Any]:
    """An Adaptive Card 1.4: who, when, the post and its findings, and where to decide."""
    body = review_card(review, title=f"Approval needed: {client}")["body"]
    facts = {"type": "FactSet", "facts": [
        {"title": "Client", "value": client},
        {"title": "Platform", "value": record.post.platform},
        {"title": "Scheduled", "value": f"{record.scheduled_at:%Y-%m-%d %H:%M} UTC"},
        {"title": "Status", "value": f"{LABELS[record.state]} (version {record.version})"},
        {"title": "Queue id", "value": record.id},
    ]}
    body.insert(1, facts)
    body.append(plain("Not approved by its scheduled time, the post expires and is never "
                      "released.", isSubtle=True))
    return card(body, [open_url("Approve or reject in Slack", link)] if link else ())
