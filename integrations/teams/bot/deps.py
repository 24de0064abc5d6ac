"""What the handlers share: the core operations, conversation references and reply helpers."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from integrations.teams.bot.cards import CONTENT_TYPE, Card
from integrations.teams.bot.text import inert

if TYPE_CHECKING:
    from microsoft_teams.api.activities.message import MessageActivityInput

    from assistant.approvals.workflow import Workflow
    from integrations.teams.bot.refs import ConversationRefs
    from integrations.teams.bot.work import Work

log = logging.getLogger("assistant.teams")

CRITIQUE_TIMEOUT = 60.0  # seconds the background critique may take before the card says so


@dataclass
class Deps:
    """Built once by `create_app` and handed to every handler module's `register`."""

    work: Work
    refs: ConversationRefs
    approvals: Workflow | None = None
    critique_timeout: float = CRITIQUE_TIMEOUT


def card_message(content: Card, summary: str, *, reply_to: str | None = None,
                 activity_id: str | None = None) -> MessageActivityInput:
    """A message carrying one Adaptive Card; `summary` is the notification text (made inert:
    it may name a feed or an account, which are not our words).

    `reply_to` threads the answer under the message it answers; `activity_id` makes it an
    update of a message already sent.
    """
    from microsoft_teams.api.activities.message import MessageActivityInput
    from microsoft_teams.api.models.attachment import Attachment

    message = MessageActivityInput()
    # Bot Framework's `summary`: the notification and fallback text (the input model omits it)
    message.summary = inert(summary)  # type: ignore[attr-defined]
    message.add_attachments(Attachment(content_type=CONTENT_TYPE, content=content))
    if reply_to:
        message.reply_to_id = reply_to
    if activity_id:
        message.id = activity_id
    return message


def invoke_card_response(content: Card, title: str) -> dict[str, Any]:
    """An invoke answer that opens a dialog showing `content` (only the clicker sees it)."""
    return {"status": 200, "body": {"task": {"type": "continue", "value": {
        "title": title, "width": "large", "height": "large",
        "card": {"contentType": CONTENT_TYPE, "content": content}}}}}
