"""Approval buttons: Approve, Request changes, Reject, Edit post, and the Home tab's
"Submit a post for approval"; and what every approval listener shares.

A click is acknowledged at once, then translated into a workflow call
(`assistant.approvals.workflow`, which holds the policy: who may decide, self-approval,
overrides). The decision itself is one Lua script in Redis, so two approvers clicking
together get exactly one decision. Then the message is redrawn in place, the audit trail
goes into the thread and the submitter hears about it (in Slack now, on other platforms
through a job); whoever lost the race is told, privately, who decided first.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from assistant.approvals.model import Code
from integrations.slack import approval_blocks as render

if TYPE_CHECKING:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from assistant.approvals.model import Outcome, QueuedPost
    from assistant.approvals.policy import Actor
    from assistant.approvals.workflow import Workflow
    from integrations.slack.approval_presenter import SlackPresenter
    from integrations.slack.deps import Deps

log = logging.getLogger("assistant.approvals")


def workflow_for(app: App, deps: Deps) -> Workflow:
    """The approval workflow of this app: Slack user groups resolved through its client."""
    from assistant.approvals.workflow import Workflow
    from integrations.slack.approval_presenter import SlackGroups

    return Workflow(deps.redis, deps.workspace, groups={"slack": SlackGroups(app.client, deps.redis)})


def presenter(api: WebClient, deps: Deps) -> SlackPresenter:
    from integrations.slack.approval_presenter import SlackPresenter

    return SlackPresenter(api, deps.redis)


def actor(body: dict[str, Any]) -> Actor:
    """The Slack user behind a click or a submission."""
    from assistant.approvals.policy import Actor

    user = body.get("user") or {}
    return Actor("slack", user.get("id", ""), user.get("name") or user.get("username") or "")


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


def after_decision(workflow: Workflow, api: WebClient, deps: Deps, outcome: Outcome, user: str,
                   *, channel: str = "", ts: str = "") -> None:
    """Show the decision everywhere (redraw, thread, submitter); or say why not."""
    record = outcome.post
    if record is None:
        tell(api, channel, user, render.refusal(Code.MISSING, None))
        return
    channel = channel or record.channel
    here = presenter(api, deps)
    if not record.ts and channel and ts:  # clicked before the worker remembered the message
        workflow.store.set_message(record.id, "slack", {"channel": channel, "ts": ts})
        record = record.model_copy(update={"messages": {**record.messages,
                                                        "slack": {"channel": channel, "ts": ts}}})
    if not outcome.ok:
        tell(api, channel, user, render.refusal(outcome.code, record, record.client))
        if outcome.code == Code.EXPIRED:
            workflow.publish(record, here=here)
        return
    workflow.publish(record, here=here, trail=True, notify=True)


def _context(body: dict[str, Any]) -> tuple[str, str, str, tuple[str, int] | None]:
    """user, channel, message ts and (post id, version) of a button click."""
    action = (body.get("actions") or [{}])[0]
    return ((body.get("user") or {}).get("id", ""),
            (body.get("channel") or {}).get("id", ""),
            (body.get("message") or {}).get("ts", "") or (body.get("container") or {}).get("message_ts", ""),
            render.parse_ref(action.get("value")))


def open_submit(deps: Deps, api: WebClient, trigger_id: str, user: str, channel: str = "") -> None:
    """Open "Submit a post for approval", or say why there is nothing to submit to."""
    clients = [c.name for c in deps.workspace.clients if c.presented]
    if not clients:
        tell(api, channel, user, "No client has an approvals channel yet: add [[clients]] with "
             "approvers and approvals_channel to assistant.toml.")
        return
    api.views_open(trigger_id=trigger_id, view=render.submit_modal(clients, channel))


def register(app: App, deps: Deps) -> None:
    """Attach the approval action listeners."""
    from assistant.approvals.policy import Action

    workflow = workflow_for(app, deps)

    def load(api: WebClient, body: dict[str, Any], action: Action) -> tuple[QueuedPost, str, str, str, int] | None:
        user, channel, ts, ref = _context(body)
        record = workflow.store.get(ref[0]) if ref else None
        if record is None or ref is None:
            tell(api, channel, user, render.refusal(Code.MISSING, None))
            return None
        problem = workflow.check(actor(body), action, record)
        if problem:
            tell(api, channel, user, render.refusal(problem, record, record.client))
            return None
        return record, user, channel, ts, ref[1]

    def decide(api: WebClient, body: dict[str, Any],
               loaded: tuple[QueuedPost, str, str, str, int] | None, action: Action) -> None:
        if loaded is None:
            return
        record, user, channel, ts, version = loaded
        outcome = workflow.decide(actor(body), record.id, action, version=version)
        after_decision(workflow, api, deps, outcome, user, channel=channel, ts=ts)

    @app.action(render.APPROVE)
    def approve(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        loaded = load(client, body, Action.APPROVE)
        if loaded is not None:
            record, _, _, _, version = loaded
            if record.has_error and record.reviewed and record.version == version \
                    and record.state == "pending":
                # An error-level finding: approving needs an override with a reason.
                client.views_open(trigger_id=body["trigger_id"], view=render.override_modal(record))
                return
        decide(client, body, loaded, Action.APPROVE)

    @app.action(render.REJECT)
    def reject(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        decide(client, body, load(client, body, Action.REJECT), Action.REJECT)

    @app.action(render.CHANGES)
    def request_changes(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        loaded = load(client, body, Action.REQUEST_CHANGES)
        if loaded is None:
            return
        record, user, channel, _, version = loaded
        if record.state != "pending" or record.version != version:
            code = Code.STATE if record.state != "pending" else Code.STALE
            tell(client, channel, user, render.refusal(code, record, record.client))
            return
        client.views_open(trigger_id=body["trigger_id"], view=render.changes_modal(record))

    @app.action(render.EDIT)
    def edit(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        loaded = load(client, body, Action.EDIT)
        if loaded is None:
            return
        record, user, channel, _, _ = loaded
        if record.state not in ("pending", "changes_requested", "approved"):
            tell(client, channel, user, render.refusal(Code.STATE, record, record.client))
            return
        client.views_open(trigger_id=body["trigger_id"], view=render.edit_modal(record))

    @app.action(render.OPEN_SUBMIT)
    def open_submit_modal(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        open_submit(deps, client, body["trigger_id"], (body.get("user") or {}).get("id", ""))
