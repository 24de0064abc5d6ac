"""Approval buttons: Approve, Request changes, Reject, Edit post, and the Home tab's
"Submit a post for approval". Also the checks every approval listener shares.

A click is acknowledged at once; the decision itself is one Lua script in Redis (a few
hundred microseconds), so two approvers clicking together get exactly one decision.
Then the message is redrawn in place, the audit trail goes into the thread, and the
submitter hears about it; whoever lost the race is told, privately, who decided first.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from assistant.render import slack_approvals as render
from assistant.store import key

if TYPE_CHECKING:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from assistant.approvals.model import Outcome, QueuedPost
    from assistant.config import ClientConfig
    from integrations.slack.deps import Deps

log = logging.getLogger("assistant.approvals")
GROUP_TTL = 60  # seconds a user group's members are cached (membership changes are rare)


class Gate:
    """Who may do what to a queued post: approvers by id or user group, the submitter."""

    def __init__(self, deps: Deps) -> None:
        from assistant.approvals.store import ApprovalStore

        self.deps = deps
        self.store = ApprovalStore(deps.redis)

    def client(self, name: str) -> ClientConfig | None:
        from assistant.approvals.clients import client_config

        return client_config(self.deps.workspace, name)

    def members(self, api: WebClient, group: str) -> set[str]:
        """A user group's members, from usergroups.users.list, cached briefly in Redis."""
        from slack_sdk.errors import SlackApiError

        name = key("approvals", "usergroup", group)
        cached = self.deps.redis.get(name)
        if cached is not None:
            return set(json.loads(cached))
        try:
            users = api.usergroups_users_list(usergroup=group).get("users") or []
        except SlackApiError as exc:  # e.g. missing usergroups:read: nobody from this group
            log.warning("cannot list user group %s: %s", group, exc.response.get("error"))
            return set()
        self.deps.redis.set(name, json.dumps(sorted(users)), ex=GROUP_TTL)
        return set(users)

    def is_approver(self, api: WebClient, client: ClientConfig, user: str) -> bool:
        if user in client.approvers:
            return True
        return any(user in self.members(api, g) for g in client.approvers if g.startswith("S"))

    def refuse(self, api: WebClient, record: QueuedPost, user: str, action: str) -> str | None:
        """Why `user` may not do `action` (approve/reject/request_changes/edit), or None."""
        client = self.client(record.client)
        if client is None:
            return "not_approver"
        approver = self.is_approver(api, client, user)
        if action == "edit":
            return None if approver or user == record.submitter else "not_editor"
        if not approver:
            return "not_approver"
        if action == "approve" and user == record.submitter and not client.allow_self_approval:
            return "self_approval"
        return None


def tell(api: WebClient, channel: str, user: str, text: str) -> None:
    """A private note to one user in the channel (or a DM when there is no channel)."""
    from slack_sdk.errors import SlackApiError

    try:
        if channel:
            api.chat_postEphemeral(channel=channel, user=user, text=text)
        else:
            api.chat_postMessage(channel=user, text=text)
    except SlackApiError as exc:
        log.warning("cannot tell %s: %s", user, exc.response.get("error"))


def notify_submitter(api: WebClient, record: QueuedPost) -> None:
    """DM the submitter (when a Slack user submitted it) about a decision on their post."""
    from slack_sdk.errors import SlackApiError

    if not record.submitter.startswith(("U", "W")):
        return
    try:
        api.chat_postMessage(channel=record.submitter,
                             **render.decision_dm(record, record.client))
    except SlackApiError as exc:
        log.warning("cannot DM %s: %s", record.submitter, exc.response.get("error"))


def after_decision(gate: Gate, api: WebClient, outcome: Outcome, user: str, *,
                   channel: str = "", ts: str = "") -> None:
    """Redraw the message, write to the thread and the submitter; or say why not."""
    from integrations.slack.approval_jobs import post_audit, show

    record = outcome.post
    if record is None:
        tell(api, channel, user, render.refusal("missing", None))
        return
    channel = channel or record.channel
    if not outcome.ok:
        tell(api, channel, user, render.refusal(outcome.code, record, record.client))
        if outcome.code == "expired":
            show(api, record, record.client, channel=channel, ts=ts)
        return
    show(api, record, record.client, channel=channel, ts=ts)
    thread = record if record.ts else record.model_copy(update={"channel": channel, "ts": ts})
    if record.state == "changes_requested" and thread.ts:
        api.chat_postMessage(channel=thread.channel, thread_ts=thread.ts,
                             **render.feedback_message(record, record.client))
    post_audit(api, gate.store, thread)
    notify_submitter(api, record)


def _context(body: dict[str, Any]) -> tuple[str, str, str, tuple[str, int] | None]:
    """user, channel, message ts and (post id, version) of a button click."""
    action = (body.get("actions") or [{}])[0]
    return ((body.get("user") or {}).get("id", ""),
            (body.get("channel") or {}).get("id", ""),
            (body.get("message") or {}).get("ts", "") or (body.get("container") or {}).get("message_ts", ""),
            render.parse_ref(action.get("value")))


def open_submit(deps: Deps, api: WebClient, trigger_id: str, user: str, channel: str = "") -> None:
    """Open "Submit a post for approval", or say why there is nothing to submit to."""
    clients = [c.name for c in deps.workspace.clients if c.approvals_channel]
    if not clients:
        tell(api, channel, user, "No client has an approvals channel yet: add [[clients]] with "
             "approvers and approvals_channel to assistant.toml.")
        return
    api.views_open(trigger_id=trigger_id, view=render.submit_modal(clients, channel))


def register(app: App, deps: Deps) -> None:
    """Attach the approval action listeners."""
    gate = Gate(deps)

    def load(api: WebClient, body: dict[str, Any], action: str) -> tuple[QueuedPost, str, str, str, int] | None:
        user, channel, ts, ref = _context(body)
        record = gate.store.get(ref[0]) if ref else None
        if record is None or ref is None:
            tell(api, channel, user, render.refusal("missing", None))
            return None
        problem = gate.refuse(api, record, user, action)
        if problem:
            tell(api, channel, user, render.refusal(problem, record, record.client))
            return None
        return record, user, channel, ts, ref[1]

    def decide(api: WebClient, loaded: tuple[QueuedPost, str, str, str, int] | None, action: str) -> None:
        if loaded is None:
            return
        record, user, channel, ts, version = loaded
        outcome = gate.store.decide(record.id, action, actor=user, version=version)
        after_decision(gate, api, outcome, user, channel=channel, ts=ts)

    @app.action(render.APPROVE)
    def approve(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        loaded = load(client, body, "approve")
        if loaded is not None:
            record, _, _, _, version = loaded
            if record.has_error and record.reviewed and record.version == version \
                    and record.state == "pending":
                # An error-level finding: approving needs an override with a reason.
                client.views_open(trigger_id=body["trigger_id"], view=render.override_modal(record))
                return
        decide(client, loaded, "approve")

    @app.action(render.REJECT)
    def reject(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        decide(client, load(client, body, "reject"), "reject")

    @app.action(render.CHANGES)
    def request_changes(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        loaded = load(client, body, "request_changes")
        if loaded is None:
            return
        record, user, channel, _, version = loaded
        if record.state != "pending" or record.version != version:
            code = "state" if record.state != "pending" else "stale"
            tell(client, channel, user, render.refusal(code, record, record.client))
            return
        client.views_open(trigger_id=body["trigger_id"], view=render.changes_modal(record))

    @app.action(render.EDIT)
    def edit(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        loaded = load(client, body, "edit")
        if loaded is None:
            return
        record, user, channel, _, _ = loaded
        if record.state not in ("pending", "changes_requested", "approved"):
            tell(client, channel, user, render.refusal("state", record, record.client))
            return
        client.views_open(trigger_id=body["trigger_id"], view=render.edit_modal(record))

    @app.action(render.OPEN_SUBMIT)
    def open_submit_modal(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        open_submit(deps, client, body["trigger_id"], (body.get("user") or {}).get("id", ""))
