"""Slack's presenter of approvals (`assistant.approvals.presenter`) and its user groups.

The request is a channel message with buttons (`approval_blocks`), the full review and the
audit trail go in its thread, the submitter hears by DM. Every first post goes through
`integrations.slack.posting`, keyed by the post and its version, so a retried or duplicate
job never posts twice. A client with a Teams Workflows webhook also gets a card there that
links to the Slack thread (webhook cards cannot post back; the Teams bot presents itself).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from assistant.approvals.presenter import Remember
from assistant.store import key

if TYPE_CHECKING:
    from redis import Redis
    from slack_sdk import WebClient

    from assistant.approvals.model import AuditEntry, QueuedPost
    from assistant.config import ClientConfig
    from assistant.effects import Effects

log = logging.getLogger("assistant.approvals")
GROUP_TTL = 60  # seconds a user group's members are cached (membership changes are rare)


class SlackGroups:
    """Slack user groups' members (usergroups.users.list), cached briefly in Redis."""

    def __init__(self, api: WebClient, redis: Redis) -> None:
        self.api, self.redis = api, redis

    def members(self, group: str) -> set[str]:
        from slack_sdk.errors import SlackApiError

        name = key("approvals", "usergroup", group)
        cached = self.redis.get(name)
        if cached is not None:
            return set(json.loads(cached))
        try:
            users = self.api.usergroups_users_list(usergroup=group).get("users") or []
        except SlackApiError as exc:  # e.g. missing usergroups:read: nobody from this group
            log.warning("cannot list user group %s: %s", group, exc.response.get("error"))
            return set()
        self.redis.set(name, json.dumps(sorted(users)), ex=GROUP_TTL)
        return set(users)


class SlackPresenter:
    """Approval requests as Slack messages, redrawn in place (`chat.update`)."""

    platform = "slack"

    def __init__(self, api: WebClient, redis: Redis, *,
                 environ: Mapping[str, str] | None = None) -> None:
        self.api, self.redis = api, redis
        self.environ = os.environ if environ is None else environ

    def _effects(self) -> Effects:
        from assistant.effects import Effects

        return Effects(self.redis)

    def serves(self, client: ClientConfig) -> bool:
        return bool(client.approvals_channel)

    def redraw(self, record: QueuedPost, client: ClientConfig | None = None, *,
               strict: bool = False) -> bool:
        """Redraw the post's message in place; False when it has no message yet.

        A failed update is logged and answers False, or with `strict` raises (so a job that
        must redraw fails and RQ retries it).
        """
        from slack_sdk.errors import SlackApiError

        from integrations.slack.approval_blocks import approval_message

        if not (record.channel and record.ts):
            return False
        msg = approval_message(record, record.client)
        try:
            self.api.chat_update(channel=record.channel, ts=record.ts, text=msg["text"],
                                 blocks=msg["blocks"])
        except SlackApiError as exc:
            log.warning("cannot update the message of %s: %s", record.id,
                        exc.response.get("error"))
            if strict:
                raise
            return False
        return True

    def show(self, record: QueuedPost, client: ClientConfig, remember: Remember) -> None:
        """Post (or redraw) the approval message, the full review in its thread, the Teams
        card: each an effect keyed by the post and its version, so a rerun posts only what
        is missing."""
        from integrations.slack.approval_blocks import approval_message
        from integrations.slack.posting import post_once
        from integrations.slack.render.blocks import review_thread

        channel = record.channel or client.approvals_channel or ""
        effects = self._effects()
        name = f"approval:{record.id}:v{record.version}"
        if record.ts and effects.value(f"{name}:message") is None:
            # the message of an earlier version: redraw it for this one (once); a failed
            # update raises and is not recorded, so the job's retry redraws it
            effects.once(f"{name}:redraw", lambda: str(int(self.redraw(record, strict=True))))
            ts = record.ts
        elif record.ts:
            ts = record.ts
        else:
            ts = post_once(self.api, effects, f"{name}:message", channel=channel,
                           **approval_message(record, record.client)).value
            remember({"channel": channel, "ts": ts})
        assert record.review is not None
        title = f"Review of version {record.version}"
        for number, item in enumerate(review_thread(record.review)):
            if number == 0:
                item = {**item, "text": title}
            post_once(self.api, effects, f"{name}:review:{number}", channel=channel,
                      thread_ts=ts, **item)
        if client.teams_webhook and not client.teams_channel:
            # a client with a Teams channel has the bot's own card there, with its buttons
            effects.once(f"{name}:teams", lambda: self._teams(record, client, channel, ts))

    def _teams(self, record: QueuedPost, client: ClientConfig, channel: str, ts: str) -> str:
        """The same request as an Adaptive Card in Teams, linking to the Slack thread."""
        from slack_sdk.errors import SlackApiError

        from assistant.errors import AssistantError
        from integrations.teams.approval_card import approval_card
        from integrations.teams.webhook import post_card, redact, resolve_secret

        link = None
        try:
            link = self.api.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
        except SlackApiError as exc:
            log.warning("no permalink for %s: %s", record.id, exc.response.get("error"))
        assert record.review is not None and client.teams_webhook
        reference = client.teams_webhook
        label = reference if reference.startswith("env:") else redact(reference)
        try:
            url = resolve_secret(reference, self.environ)
            post_card(url, approval_card(record, record.review, client=client.name, link=link))
        except AssistantError as exc:
            # the Slack request stands (its effects are recorded); raising leaves the card's
            # effect pending, so RQ's retry of the job sends only the card
            log.warning("Teams card for %s not posted to %s: %s", record.id, label, exc)
            raise
        return "posted"

    def post_trail(self, record: QueuedPost, entries: Sequence[AuditEntry], *,
                   continued: bool) -> None:
        """The feedback of a request for changes, then the new audit entries, in the thread."""
        from integrations.slack.approval_blocks import audit_messages, feedback_message

        if not (record.channel and record.ts):
            return
        if record.state == "changes_requested" and any(
                e.action == "changes_requested" and e.version == record.version for e in entries):
            self.api.chat_postMessage(channel=record.channel, thread_ts=record.ts,
                                      **feedback_message(record, record.client))
        for item in audit_messages(record, entries, continued=continued):
            self.api.chat_postMessage(channel=record.channel, thread_ts=record.ts, **item)

    def tell_submitter(self, record: QueuedPost) -> None:
        """DM the submitter (a Slack user) about a decision on their post, once per decision
        (a retried job does not DM again)."""
        from slack_sdk.errors import SlackApiError

        from integrations.slack.approval_blocks import decision_dm

        if not record.submitter.startswith(("U", "W")):
            return

        def send() -> str:
            answer = self.api.chat_postMessage(channel=record.submitter,
                                               **decision_dm(record, record.client))
            return str(answer.get("ts", "sent"))

        try:
            self._effects().once(f"approval:{record.id}:v{record.version}:told:{record.state}",
                                 send)
        except SlackApiError as exc:
            log.warning("cannot DM %s: %s", record.submitter, exc.response.get("error"))
