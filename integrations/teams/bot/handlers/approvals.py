"""Approval clicks and dialogs: `adaptiveCard/action` invokes decide a queued post;
`task/fetch` and `task/submit` open and send the "Submit for approval" and "Edit post" forms.

A decision answers the click with the refreshed card (Teams shows it in place of the
clicked one) and hands the rest to a job: every other platform's message is redrawn, the
audit trail lands in each thread, the submitter is told, and the Teams card is updated
for everyone. A refusal is a message only the person who clicked sees.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from assistant.approvals.model import Code
from assistant.approvals.policy import Actor
from integrations.teams.bot.approvals import card as approval
from integrations.teams.bot.approvals import dialog
from integrations.teams.bot.cards import CONTENT_TYPE

if TYPE_CHECKING:
    from microsoft_teams.apps import ActivityContext, App

    from assistant.approvals.model import QueuedPost
    from assistant.approvals.workflow import Submission, Workflow
    from integrations.teams.bot.deps import Deps

log = logging.getLogger("assistant.approvals")
NO_IDENTITY = "I cannot tell who you are in your organisation's directory, so I cannot take "\
              "a decision from you."


def register(app: App, deps: Deps) -> None:
    """Attach the card-action and dialog handlers."""

    @app.on_card_action
    async def on_card_action(ctx: ActivityContext[Any]) -> Any:
        return await decide(ctx, deps)

    @app.on_dialog_open
    async def on_dialog_open(ctx: ActivityContext[Any]) -> Any:
        if _dialog_data(ctx).get("dialog") == approval.EDIT_DIALOG:
            return await open_edit(ctx, deps)
        return await open_dialog(deps)

    @app.on_dialog_submit
    async def on_dialog_submit(ctx: ActivityContext[Any]) -> Any:
        if _dialog_data(ctx).get("dialog") == approval.EDIT_DIALOG:
            return await save_edit(ctx, deps)
        return await submit(ctx, deps)


def _dialog_data(ctx: ActivityContext[Any]) -> Mapping[str, Any]:
    """What a dialog's button and inputs sent (`value.data`)."""
    value = getattr(ctx.activity.value, "data", None) or {}
    return value if isinstance(value, Mapping) else {}


def _closing(text: str) -> dict[str, Any]:
    """A dialog answer that shows `text` in place of a form (to this person only)."""
    return {"status": 200, "body": {"task": {"type": "message", "value": text}}}


def actor_of(ctx: ActivityContext[Any]) -> Actor:
    """The person behind an activity: their AAD object id (what `teams:` approvers name)."""
    person = ctx.activity.from_
    return Actor("teams", getattr(person, "aad_object_id", None) or "",
                 getattr(person, "name", None) or "")


def message(text: str) -> dict[str, Any]:
    """An invoke answer showing `text` to the person who clicked, and nobody else."""
    return {"status": 200, "body": {"statusCode": 200,
                                    "type": "application/vnd.microsoft.activity.message",
                                    "value": text}}


def card_answer(content: dict[str, Any]) -> dict[str, Any]:
    """An invoke answer replacing the clicked card with `content`."""
    return {"status": 200, "body": {"statusCode": 200, "type": CONTENT_TYPE, "value": content}}


def _data(value: Any) -> tuple[str, Mapping[str, Any]]:
    action = getattr(value, "action", None)
    data = getattr(action, "data", None) or {}
    return str(getattr(action, "verb", None) or ""), data if isinstance(data, Mapping) else {}


async def decide(ctx: ActivityContext[Any], deps: Deps) -> dict[str, Any]:
    """Approve, request changes or reject the post the card shows, if this person may."""
    from assistant.approvals.texts import refusal

    workflow = deps.approvals
    verb, data = _data(ctx.activity.value)
    if workflow is None or verb not in approval.VERBS:
        return message("I don't know that action.")
    actor = actor_of(ctx)
    if not actor.id:
        return message(NO_IDENTITY)
    try:
        post_id, version = str(data["id"]), int(data["v"])
    except (KeyError, TypeError, ValueError):
        return message("That card is not one of mine any more; look for the post's current card.")
    outcome = await asyncio.to_thread(
        workflow.decide, actor, post_id, verb, version=version,
        reason=str(data.get("reason") or ""), note=str(data.get("note") or ""))
    if not outcome.ok or outcome.post is None:
        client = outcome.post.client if outcome.post else ""
        return message(refusal(outcome.code, outcome.post, client,
                               who=lambda ref, name: approval.person(ref, name)))
    record = outcome.post
    await asyncio.to_thread(workflow.publish, record, here=None, trail=True, notify=True)
    return card_answer(approval.approval_card(record, record.client))


def _task(content: dict[str, Any], title: str = dialog.TITLE) -> dict[str, Any]:
    return {"status": 200, "body": {"task": {"type": "continue", "value": {
        "title": title, "width": "medium", "height": "large",
        "card": {"contentType": CONTENT_TYPE, "content": content}}}}}


async def open_dialog(deps: Deps) -> dict[str, Any]:
    """The form, listing the clients a post can be submitted for."""
    clients = deps.approvals.clients_open_to_submit() if deps.approvals else []
    return _task(dialog.form_card(clients))


async def submit(ctx: ActivityContext[Any], deps: Deps) -> dict[str, Any]:
    """Queue the post of the form (it is reviewed and sent to the approvers), or show the
    form again with what is wrong."""
    workflow = deps.approvals
    values = _dialog_data(ctx)
    if workflow is None:
        return _task(dialog.form_card([]))
    clients = workflow.clients_open_to_submit()
    actor = actor_of(ctx)
    if not actor.id:
        return _task(dialog.form_card(clients, values, [NO_IDENTITY]))
    client = str(values.get("client") or "")
    post, problems = dialog.read_post(values, datetime.now(UTC))
    if client not in clients:
        problems = ["Pick a client.", *problems]
    if post is None or problems:
        return _task(dialog.form_card(clients, values, problems))
    result = await asyncio.to_thread(workflow.submit, actor, client, [post], origins=["teams"])
    if not result.ok:
        return _task(dialog.form_card(clients, values, [_submit_refusal(result)]))
    record = result.records[0]
    return _closing(f"Submitted as {record.id}: it is being reviewed, then goes to {client}'s "
                    "approvers.")


def _submit_refusal(result: Submission) -> str:
    """Why nothing was queued (a duplicate names the post already in the queue)."""
    if result.code == Code.DUPLICATE and result.duplicates:
        return (f"The same post (client, platform, time and text) is already in the queue as "
                f"{result.duplicates[0][1]}.")
    return "That post could not be queued: the client has no approvals channel any more."


def _editing(workflow: Workflow, ctx: ActivityContext[Any]
             ) -> tuple[QueuedPost | None, int, str]:
    """The post an edit dialog is about, the version it was opened on, and why this person
    may not edit it ("" when they may)."""
    from assistant.approvals.policy import Action
    from assistant.approvals.texts import refusal

    data = _dialog_data(ctx)
    try:
        post_id, version = str(data["id"]), int(data["v"])
    except (KeyError, TypeError, ValueError):
        return None, 0, refusal(Code.MISSING, None)
    record = workflow.store.get(post_id)
    if record is None:
        return None, version, refusal(Code.MISSING, None)
    actor = actor_of(ctx)
    problem = workflow.check(actor, Action.EDIT, record) if actor.id else None
    if not actor.id:
        return record, version, NO_IDENTITY
    return record, version, refusal(problem, record, record.client) if problem else ""


async def open_edit(ctx: ActivityContext[Any], deps: Deps) -> dict[str, Any]:
    """The form filled in with the post, for its submitter or an approver."""
    if deps.approvals is None:
        return _closing("Approvals are not set up here.")
    record, version, problem = await asyncio.to_thread(_editing, deps.approvals, ctx)
    if problem or record is None:
        return _closing(problem)
    return _task(dialog.form_card([], dialog.values_of(record.post),
                                  edit={"id": record.id, "v": version}), "Edit post")


async def save_edit(ctx: ActivityContext[Any], deps: Deps) -> dict[str, Any]:
    """A new version of the post: reviewed again, back to the approvers (or the form again,
    saying what is wrong)."""
    from assistant.approvals.texts import refusal

    workflow = deps.approvals
    if workflow is None:
        return _closing("Approvals are not set up here.")
    values = _dialog_data(ctx)
    record, version, problem = await asyncio.to_thread(_editing, workflow, ctx)
    if problem or record is None:
        return _closing(problem)
    edit = {"id": record.id, "v": version}
    post, problems = dialog.read_post(values, datetime.now(UTC))
    if post is None or problems:
        return _task(dialog.form_card([], values, problems, edit=edit), "Edit post")
    outcome = await asyncio.to_thread(workflow.edit, actor_of(ctx), record.id, post,
                                      version=version)
    if outcome.code == Code.DUPLICATE:
        copy = (f"{outcome.duplicate_of} is already in the queue with this text and time; "
                "change one of them, or reject the copy you do not need.")
        return _task(dialog.form_card([], values, [copy], edit=edit), "Edit post")
    if not outcome.ok or outcome.post is None:
        return _closing(refusal(outcome.code, outcome.post, record.client))
    await asyncio.to_thread(workflow.publish, outcome.post)
    return _closing(f"Saved as version {outcome.post.version} of {record.id}: it is being "
                    "reviewed, then goes back to the approvers.")
