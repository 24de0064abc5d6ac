"""Teams' presenter of approvals (`assistant.approvals.presenter`), run by the worker.

The request is an Adaptive Card posted proactively in the client's `teams_channel` (a
channel conversation id the bot was added to; its service URL comes from the stored
conversation reference), the full review and the audit trail go in the card's thread,
every change redraws the card in place (an activity update), and a submitter who is a
Teams user hears of a decision in their personal chat with the bot. Every first post is
an effect keyed by the post and its version (`assistant.effects`), so a retried or
duplicate job never posts twice. The post's reference is `{"conversation", "id"}`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from assistant.approvals.presenter import Remember

if TYPE_CHECKING:
    from redis import Redis

    from assistant.approvals.model import AuditEntry, QueuedPost
    from assistant.config import ClientConfig
    from assistant.effects import Effects
    from integrations.teams.bot.cards import Card
    from integrations.teams.bot.connector import Connector

log = logging.getLogger("assistant.approvals")


def _message(content: Card, summary: str) -> Any:
    from integrations.teams.bot.deps import card_message

    return card_message(content, summary)


class TeamsPresenter:
    """Approval requests as Teams channel cards, redrawn in place."""

    platform = "teams"

    def __init__(self, connector: Connector, redis: Redis) -> None:
        self.connector, self.redis = connector, redis

    def _effects(self) -> Effects:
        from assistant.effects import Effects

        return Effects(self.redis)

    def serves(self, client: ClientConfig) -> bool:
        return bool(client.teams_channel)

    def _card(self, record: QueuedPost) -> Any:
        from integrations.teams.bot.approvals.card import approval_card, summary

        return _message(approval_card(record, record.client), summary(record, record.client))

    def redraw(self, record: QueuedPost, client: ClientConfig | None = None, *,
               strict: bool = False) -> bool:
        """Update the post's card to its current state; False when it has no card yet.

        A refused update is logged and answers False, or with `strict` raises (so a job
        that must redraw fails and is retried).
        """
        ref = record.messages.get(self.platform)
        if not ref:
            return False
        try:
            self.connector.update(ref["conversation"], ref["id"], self._card(record))
        except Exception as exc:
            log.warning("cannot update the Teams card of %s: %s", record.id, exc)
            if strict:
                raise
            return False
        return True

    def show(self, record: QueuedPost, client: ClientConfig, remember: Remember) -> None:
        """Post (or redraw) the approval card, then the full review in its thread; each an
        effect keyed by the post and its version, so a rerun sends only what is missing.

        A channel the bot was never added to raises `UnknownConversation`, naming it."""
        from integrations.teams.bot.cards import review_card, review_summary

        effects = self._effects()
        name = f"teams:approval:{record.id}:v{record.version}"
        mine = record.messages.get(self.platform)
        if mine and effects.value(f"{name}:message") is None:
            # the card of an earlier version: redraw it for this one (once); a failed update
            # raises and is not recorded, so the job's retry redraws it
            effects.once(f"{name}:redraw", lambda: str(int(self.redraw(record, strict=True))))
            conversation, message_id = mine["conversation"], mine["id"]
        elif mine:
            conversation, message_id = mine["conversation"], mine["id"]
        else:
            conversation = client.teams_channel or ""
            message_id = effects.once(f"{name}:message", lambda: self.connector.send(
                conversation, self._card(record))).value
            remember({"conversation": conversation, "id": message_id})
        assert record.review is not None
        review = review_card(record.review, title=f"Review of version {record.version}")
        effects.once(f"{name}:review", lambda: self.connector.send(
            conversation, _message(review, review_summary(record.review)),  # type: ignore[arg-type]
            thread_of=message_id))

    def post_trail(self, record: QueuedPost, entries: Sequence[AuditEntry], *,
                   continued: bool) -> None:
        """The feedback of a request for changes, then the new audit entries, in the thread."""
        from integrations.teams.bot.approvals.card import audit_card, feedback_card

        ref = record.messages.get(self.platform)
        if not ref:
            return
        conversation, message_id = ref["conversation"], ref["id"]
        if record.state == "changes_requested" and any(
                e.action == "changes_requested" and e.version == record.version for e in entries):
            self.connector.send(conversation, _message(feedback_card(record), "Changes requested"),
                                thread_of=message_id)
        self.connector.send(conversation, _message(audit_card(record, entries, continued=continued),
                                                   f"Audit trail of {record.id}"),
                            thread_of=message_id)

    def tell_submitter(self, record: QueuedPost) -> None:
        """Tell the submitter (a Teams user) in their personal chat with the bot, once per
        decision (a retried job does not tell them again)."""
        from integrations.teams.bot.approvals.card import decision_card

        platform, _, aad_id = record.submitter.partition(":")
        ref = record.messages.get(self.platform)
        if platform != self.platform or not aad_id or not ref:
            return

        def send() -> str:
            chat = self.connector.personal(aad_id, via=ref["conversation"])
            return self.connector.send(chat, _message(decision_card(record, record.client),
                                                      f"Your post {record.id}: {record.state}"))

        try:
            self._effects().once(
                f"teams:approval:{record.id}:v{record.version}:told:{record.state}", send)
        except Exception as exc:  # noqa: BLE001 - the decision stands; only the note is lost
            log.warning("cannot tell %s in Teams about %s: %s", record.submitter, record.id, exc)
