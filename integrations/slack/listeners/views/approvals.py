"""Approval modals: submit a post, approve with an override reason, request changes, edit.

Each submission is validated before it is acknowledged, so problems show inline in the
modal (`response_action: errors`) and nothing is queued or decided half-way.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from integrations.slack import approval_blocks as render

if TYPE_CHECKING:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from assistant.models import Post
    from integrations.slack.deps import Deps

log = logging.getLogger("assistant.approvals")


def _value(values: dict[str, Any], block: str, action: str) -> Any:
    element = (values.get(block) or {}).get(action) or {}
    if "selected_option" in element:
        return (element.get("selected_option") or {}).get("value")
    if "selected_date_time" in element:
        return element.get("selected_date_time")
    return element.get("value")


def read_post(values: dict[str, Any], now: datetime) -> tuple[Post | None, dict[str, str]]:
    """The post described by the modal's inputs, or the errors to show next to them."""
    from assistant.approvals.intake import hard_limit_problems
    from assistant.models import PLATFORMS, Post

    errors: dict[str, str] = {}
    platform = _value(values, "platform", "platform") or "x"
    text = _value(values, "text", "text") or ""
    moment = _value(values, "when", "when")
    image = (_value(values, "image", "url") or "").strip()
    alt = (_value(values, "alt", "alt") or "").strip()
    if platform not in PLATFORMS:
        errors["platform"] = "Pick a platform."
    if not text.strip():
        errors["text"] = "Write the post."
    scheduled = None
    try:
        scheduled = datetime.fromtimestamp(int(moment), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        errors["when"] = "Pick the date and time it is scheduled for."
    if scheduled is not None and scheduled <= now:
        errors["when"] = "The scheduled time must be in the future."
    if image and not image.startswith(("https://", "http://")):
        errors["image"] = "An image URL starts with https://"
    if alt and not image:
        errors["alt"] = "Alt text describes an image: add the image URL too."
    if errors:
        return None, errors
    media = [{"type": "image", "url": image, "alt": alt or None}] if image else []
    post = Post(id="slack", platform=platform, created_at=scheduled, text=text, media=media)
    over = hard_limit_problems(post, now)
    if over:
        return None, {"text": over[0][:150]}
    return post, {}


def register(app: App, deps: Deps) -> None:
    """Attach the approval view listeners."""
    from assistant.approvals.model import Code
    from assistant.approvals.policy import Action
    from integrations.slack.listeners.actions.approvals import (
        actor,
        after_decision,
        presenter,
        tell,
        workflow_for,
    )

    workflow = workflow_for(app, deps)

    @app.view(render.VIEW_SUBMIT)
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        """Queue the post (validated first); the worker reviews it and presents it."""
        values = view.get("state", {}).get("values", {})
        user = (body.get("user") or {}).get("id", "")
        name = _value(values, "client", "client") or ""
        post, errors = read_post(values, datetime.now(UTC))
        config = workflow.client(name)
        if config is None or not config.presented:
            errors["client"] = "Pick a client with an approvals channel."
        if errors or post is None:
            ack(response_action="errors", errors=errors)
            return
        submission = workflow.submit(actor(body), name, [post], origins=["slack"])
        if submission.code == Code.DUPLICATE:
            ack(response_action="errors",
                errors={"text": f"Already in the queue as {submission.duplicates[0][1]}."})
            return
        if not submission.ok:
            ack(response_action="errors",
                errors={"client": render.refusal(submission.code, None, name)[:150]})
            return
        ack()
        record = submission.records[0]
        tell(client, "", user, f"Submitted {record.id} for approval by {name}'s approvers; "
             "the review and the decision will appear in their approvals channel.")

    @app.view(render.VIEW_OVERRIDE)
    def override(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        """Approve a post with an error-level finding, with the approver's reason."""
        decide_from_modal(ack, body, view, client, Action.APPROVE)

    @app.view(render.VIEW_CHANGES)
    def changes(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        """Request changes; the feedback goes into the thread and to the submitter."""
        decide_from_modal(ack, body, view, client, Action.REQUEST_CHANGES)

    def decide_from_modal(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                          client: WebClient, action: Action) -> None:
        user = (body.get("user") or {}).get("id", "")
        ref = render.parse_ref(view.get("private_metadata"))
        reason = (_value(view.get("state", {}).get("values", {}), "reason", "reason") or "").strip()
        record = workflow.store.get(ref[0]) if ref else None
        if record is None or ref is None:
            ack(response_action="errors", errors={"reason": render.refusal(Code.MISSING, None)})
            return
        problem = workflow.check(actor(body), action, record)
        if problem:
            ack(response_action="errors",
                errors={"reason": render.refusal(problem, record, record.client)[:150]})
            return
        if not reason:
            ack(response_action="errors", errors={"reason": "Say why."})
            return
        kwargs = {"reason": reason} if action == Action.APPROVE else {"note": reason}
        outcome = workflow.decide(actor(body), record.id, action, version=ref[1], **kwargs)
        if not outcome.ok and outcome.code != Code.EXPIRED:
            ack(response_action="errors",
                errors={"reason": render.refusal(outcome.code, outcome.post, record.client)[:150]})
            return
        ack()
        after_decision(workflow, client, deps, outcome, user)

    @app.view(render.VIEW_EDIT)
    def edit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        """A new version: back to pending, the message loses its buttons until re-reviewed."""
        ref = render.parse_ref(view.get("private_metadata"))
        record = workflow.store.get(ref[0]) if ref else None
        if record is None or ref is None:
            ack(response_action="errors", errors={"text": render.refusal(Code.MISSING, None)})
            return
        problem = workflow.check(actor(body), Action.EDIT, record)
        post, errors = read_post(view.get("state", {}).get("values", {}), datetime.now(UTC))
        if problem:
            errors["text"] = render.refusal(problem, record, record.client)[:150]
        if errors or post is None:
            ack(response_action="errors", errors=errors)
            return
        outcome = workflow.edit(actor(body), record.id, post, version=ref[1])
        if outcome.code == Code.DUPLICATE:
            ack(response_action="errors", errors={"text": (
                f"{outcome.duplicate_of} is already in the queue with this text and time; "
                "change one of them, or reject the copy you do not need.")[:150]})
            return
        if not outcome.ok or outcome.post is None:
            ack(response_action="errors",
                errors={"text": render.refusal(outcome.code, outcome.post, record.client)[:150]})
            return
        ack()
        workflow.publish(outcome.post, here=presenter(client, deps))
