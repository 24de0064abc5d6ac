"""Teams' answers to queued requests: what the core worker (`assistant.dispatch`) hands a
review, an audit or an on-demand report to when the request came from the Teams bot.

The bot answers at once with a card ("auditing…", or the rules' verdict) and queues the
slow part with `surface="teams"` and a reply reference (`TeamsReply`): the worker then
updates that card in place, or replies in the asker's thread when there is no card to
update. Every answer is an effect keyed by the request's id, so a retried job never posts
twice. Importing this module registers Teams with the core worker; `perform` is the job
the bot queues (`integrations.teams.bot.work.JOB`, by name).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from assistant import dispatch
from assistant.dispatch import perform
from assistant.jobs import JobRequest
from assistant.models import FeedAudit, Review

if TYPE_CHECKING:
    from integrations.teams.bot.cards import Card
    from integrations.teams.bot.connector import Connector

__all__ = ["TeamsReplies", "TeamsReply", "perform"]
log = logging.getLogger("assistant.teams.worker")


@dataclass(frozen=True)
class TeamsReply:
    """Where a Teams request is answered (its `JobRequest.reply`): the conversation (a
    channel's id without its thread part, or a chat), the thread's first message in a
    channel, the message to reply to, the card to update, and where the Bot Connector is."""

    conversation: str
    service_url: str = ""
    tenant: str = ""
    thread: str = ""  # a channel thread's first message id ("" outside channels)
    reply_to: str = ""  # the asker's message
    activity: str = ""  # the bot's card to update with the answer
    bot_id: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}

    @classmethod
    def of(cls, request: JobRequest) -> TeamsReply:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: str(v) for k, v in request.reply.items() if k in known and v})


class TeamsReplies:
    """The Teams surface of the core worker (`assistant.dispatch.Surface`)."""

    def __init__(self, core: dispatch.WorkerContext) -> None:
        self.core = core
        self._connector: Connector | None = None

    @property
    def connector(self) -> Connector:
        if self._connector is None:
            from integrations.teams.bot.connector import Connector
            from integrations.teams.bot.refs import ConversationRefs
            from integrations.teams.bot.settings import load_teams_settings

            self.core.effects()  # connects to Redis if the worker has not yet
            assert self.core.redis is not None
            self._connector = Connector(ConversationRefs(self.core.redis), load_teams_settings())
        return self._connector

    def parent_text(self, request: JobRequest) -> str | None:
        return request.text  # the bot sends the message's own text with the request

    def review(self, request: JobRequest, review: Review) -> dict[str, Any]:
        from integrations.teams.bot.cards import review_card, review_summary

        return self._answer(request, review_card(review), review_summary(review))

    def audit(self, request: JobRequest, audit: FeedAudit) -> dict[str, Any]:
        from integrations.teams.bot.cards import audit_card

        return self._answer(request, audit_card(audit),
                            f"Feed audit: {audit.account.name} {audit.health.score}/100")

    def notice(self, request: JobRequest, text: str) -> dict[str, Any]:
        from integrations.teams.bot.cards import notice_card

        return self._answer(request, notice_card(text), text[:120])

    def report(self, request: JobRequest) -> dict[str, Any]:
        """`review report`: today's report for the feeds routed to the asking channel,
        posted there (summary, details in its thread, chart). Other channels' feeds never
        appear; the day is not claimed, so the scheduled report still goes out."""
        import integrations.teams.channel  # noqa: F401 (the "teams-channel" destination kind)
        from assistant.reports.destinations import feeds_routed_to
        from integrations.teams.bot.cards import notice_card
        from integrations.teams.bot.refs import base_id

        channel = base_id(TeamsReply.of(request).conversation)
        workspace = self.core.workspace
        if not workspace.feeds:
            return self.notice(request, "No feeds are tracked yet: add [[feeds]] to "
                               "assistant.toml to get a report.")
        if not feeds_routed_to(workspace, "teams-channel", channel=channel):
            return self.notice(request, "No tracked feed reports to this channel. Set "
                               f"teams_channel = \"{channel}\" on a feed (or in [reports]) in "
                               "assistant.toml, then ask here.")
        result = self.core.service.report(to={"kind": "teams-channel", "channel": channel},
                                          request_id=request.id or None)
        if not result.ok:
            return self.notice(request, f"The report could not be posted: {result.problem}")
        feeds = len(result.report.feeds) if result.report else 0
        self._answer(request, notice_card(f"Today's feed health report for {feeds} "
                                         f"feed{'s' if feeds != 1 else ''} is posted in this "
                                         "channel."), "Feed health report posted")
        return {"status": result.status, "channel": channel}

    def _answer(self, request: JobRequest, content: Card, summary: str) -> dict[str, Any]:
        """Update the bot's card with the answer, or reply in the asker's thread; once per
        request however often the job runs."""
        from integrations.teams.bot.deps import card_message

        reply = TeamsReply.of(request)
        connector = self.connector
        self._know(reply)

        def update() -> str:
            connector.update(reply.conversation, reply.activity, card_message(content, summary))
            return reply.activity

        def send() -> str:
            message = card_message(content, summary, reply_to=reply.reply_to or None)
            return connector.send(reply.conversation, message, thread_of=reply.thread)

        done = self.core.effects().once(f"job:{request.id}:teams:answer",
                                        update if reply.activity else send)
        return {"posted": int(done.fresh), "conversation": reply.conversation,
                "activity": done.value, "updated": bool(reply.activity)}

    def _know(self, reply: TeamsReply) -> None:
        """Keep the reference the request carries when Redis has none (it was cleared)."""
        from integrations.teams.bot.refs import ConversationRef

        refs = self.connector.refs
        if reply.service_url and refs.find(reply.conversation) is None:
            refs.save(ConversationRef(conversation_id=reply.conversation,
                                      service_url=reply.service_url, tenant_id=reply.tenant,
                                      bot_id=reply.bot_id))


def register() -> None:
    """Teams answers the requests that came from the Teams bot."""
    dispatch.reply_with("teams", TeamsReplies)


register()
