"""Block Kit for approvals: the request with its buttons, the outcome that replaces them,
the audit trail, the modals, and the short private answers.

The Slack face of `assistant.approvals` (the words of refusals come from
`assistant.approvals.texts`). Same promises as the Slack review renderer, whose helpers this
reuses: every piece of user, post or model text is escaped (`escape`, `chunks`, `clip`), and
Block Kit limits hold by construction. Buttons carry `{"id": ..., "v": version}`, so a click on a stale version
is refused rather than applied to a post that has changed since.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from assistant.approvals.model import LABELS, AuditEntry, Code, QueuedPost
from assistant.models import PLATFORMS
from assistant.render.present import shown_findings, shown_verdict
from assistant.review import post_score
from integrations.slack.render.blocks import (
    _VERDICT,
    Block,
    Message,
    _top_problems,
    button,
    clip,
    clip_escaped,
    context,
    fields,
    header,
    long_text,
    message,
    pack,
    section,
    who,
)
from integrations.slack.render.mrkdwn import escape

APPROVE = "approval_approve"
CHANGES = "approval_changes"
REJECT = "approval_reject"
EDIT = "approval_edit"
OPEN_SUBMIT = "open_approval_submit"
VIEW_SUBMIT = "approval_submit"
VIEW_OVERRIDE = "approval_override"
VIEW_CHANGES = "approval_changes_modal"
VIEW_EDIT = "approval_edit_modal"
TEXT_MAX = 3000  # Slack's plain_text_input limit
_USER = re.compile(r"[UW][A-Z0-9]{2,}")
_OUTCOME = {
    "approved": ":white_check_mark: *Approved*",
    "changes_requested": ":pencil2: *Changes requested*",
    "rejected": ":no_entry: *Rejected*",
    "expired": ":hourglass: *Expired*",
    "released": ":rocket: *Released*",
}


# --- small pieces ---------------------------------------------------------------------------

def ref(record: QueuedPost) -> str:
    """What a button or modal carries: the post and the version it shows."""
    return json.dumps({"id": record.id, "v": record.version})


def parse_ref(value: str | None) -> tuple[str, int] | None:
    """(id, version) from a button value or private_metadata; None when it is not ours."""
    try:
        data = json.loads(value or "")
        return str(data["id"]), int(data["v"])
    except (ValueError, TypeError, KeyError):
        return None


def quiet(user: str) -> str:
    """A user named without notifying them (their id as code): for the audit trail, where a
    mention would ping every earlier actor again at each decision."""
    return f"`{user}`" if _USER.fullmatch(user) else escape(user or "someone")


def person(ref: str, name: str = "") -> str:
    """An actor as Slack shows them: a Slack user as a mention, anyone else (a Teams user,
    the CLI) by their display name or recorded id, escaped."""
    return who(ref) if _USER.fullmatch(ref) else escape(name or ref or "someone")


def when(moment: datetime) -> str:
    """A time every reader sees in their own zone, with a UTC fallback."""
    fallback = f"{moment:%Y-%m-%d %H:%M} UTC"
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} at {{time}}|{fallback}>"


def _post_blocks(record: QueuedPost) -> list[Block]:
    """The post as it will appear: its text (quoted) and its images with their alt text."""
    post = record.post
    blocks = long_text(post.text or "(empty post)", quote=True)
    if len(blocks) > 1:  # the message stays under Slack's ~12,000 characters of block text
        blocks = [blocks[0], context("_…the rest of the post is in the thread._")]
    for media in post.media[:4]:
        alt = (f"alt text: {clip(media.alt, 400)}" if media.alt
               else ":warning: no alt text")
        blocks.append(context(f":frame_with_picture: {escape(media.type)} "
                              f"{clip(media.url, 600)} · {alt}"))
    return blocks


def _facts(record: QueuedPost, client: str) -> Block:
    return fields([
        ("Client", escape(client)),
        ("Platform", escape(record.post.platform)),
        ("Scheduled", when(record.scheduled_at)),
        ("Submitted by", person(record.submitter, record.submitter_name) if record.submitter
         else "_import_"),
    ])


def _review_blocks(record: QueuedPost) -> list[Block]:
    review = record.review
    if review is None or not record.reviewed:
        return [context(":hourglass_flowing_sand: Reviewing this version…")]
    label = shown_verdict(review)
    blocks = [section(f"*Review:* {_VERDICT[label]} · score {post_score(review)}/100"),
              _top_problems(shown_findings(review.findings), 3)]
    critique = review.critique
    if critique and critique.available and critique.summary:
        blocks.append(context(f"*Critique:* {clip(critique.summary, 1000)}"))
    if record.has_error:
        blocks.append(context(":red_circle: This post has an error-level finding: approving it "
                              "needs an override with a reason."))
    return blocks


def _buttons(record: QueuedPost) -> Block:
    value = ref(record)
    approve = button("Approve with override…" if record.has_error else "Approve", APPROVE,
                     value, style="primary")
    reject = button("Reject", REJECT, value, style="danger")
    reject["confirm"] = {
        "title": {"type": "plain_text", "text": "Reject this post?"},
        "text": {"type": "plain_text", "text": "It will not be released. This cannot be undone."},
        "confirm": {"type": "plain_text", "text": "Reject"},
        "deny": {"type": "plain_text", "text": "Cancel"},
    }
    return {"type": "actions", "block_id": f"approval:{record.id}",
            "elements": [approve, button("Request changes", CHANGES, value), reject]}


def _outcome_blocks(record: QueuedPost) -> list[Block]:
    state = record.state
    if state == "pending":
        return [context(f":hourglass_flowing_sand: Version {record.version} is being reviewed; "
                        "the buttons come back with the new review.")]
    head = _OUTCOME[state]
    if state in ("approved", "changes_requested", "rejected") and record.decided_by:
        head += f" by {person(record.decided_by, record.decided_by_name)}"
        if record.decided_at:
            head += f" {when(record.decided_at)}"
    if state == "expired":
        head += " at its scheduled time without approval: it will not be released."
    if state == "released":
        head += f" in a {escape(record.release_format)} export"
        if record.released_at:
            head += f" {when(record.released_at)}"
    blocks = [section(head)]
    if record.override_reason:
        blocks.append(section(f"*Override reason:* {clip(record.override_reason, 1000)}"))
    if record.feedback:  # in full in the thread and the submitter's DM
        blocks.append(section(f"*Feedback:* {clip(record.feedback, 1000)}"))
    if state == "changes_requested":
        blocks.append({"type": "actions", "block_id": f"approval:{record.id}",
                       "elements": [button("Edit post", EDIT, ref(record), style="primary")]})
    return blocks


# --- messages -------------------------------------------------------------------------------

# The header says where the post stands now, so a decided message never still asks for a decision.
_HEADLINES: dict[str, str] = {
    "pending": "Approval needed", "approved": "Approved", "changes_requested": "Changes requested",
    "rejected": "Rejected", "expired": "Expired unapproved", "released": "Released",
}

def approval_message(record: QueuedPost, client: str) -> Message:
    """The channel message for a queued post, as it should look now.

    Pending and reviewed: the buttons. Anything else: the outcome instead of the buttons,
    so nobody clicks a stale one.
    """
    blocks: list[Block] = [header(f"{_HEADLINES[record.state]}: {client}"), _facts(record, client)]
    blocks.extend(_post_blocks(record))
    blocks.extend(_review_blocks(record))
    if record.state == "pending" and record.reviewed:
        blocks.append(_buttons(record))
    else:
        blocks.extend(_outcome_blocks(record))
    blocks.append(context(f"`{escape(record.id)}` · version {record.version} · "
                          f"{escape(LABELS[record.state])} · full review and audit trail in the "
                          f"thread · `assistant queue show {escape(record.id)}`"))
    label = LABELS[record.state]
    return message(f"{client}: post {record.id} {label}", blocks[:50])


def _entry_line(entry: AuditEntry) -> str:
    actor = quiet(entry.actor) if _USER.fullmatch(entry.actor) or not entry.actor_name \
        else escape(entry.actor_name)
    line = f"{when(entry.at)} · {actor} · *{escape(entry.action.replace('_', ' '))}*"
    if entry.version:
        line += f" v{entry.version}"
    if entry.reason:
        line += f" · override: {clip(entry.reason, 300)}"
    if entry.note:
        line += f" · {clip(entry.note, 300)}"
    return line


def audit_messages(record: QueuedPost, entries: Sequence[AuditEntry], *,
                   continued: bool = False) -> list[Message]:
    """Audit trail entries for the thread, oldest first; `continued` when earlier entries
    are already in the thread (each decision posts only what it added)."""
    lines = [_entry_line(e) for e in entries] or ["_No entries._"]
    title = f"Audit trail of `{escape(record.id)}`" + (", continued" if continued else "")
    blocks: list[Block] = [section(f"*{title}*")]
    current = ""
    for line in lines:
        line = clip_escaped(line, 1000)
        if current and len(current) + len(line) + 1 > 2900:
            blocks.append(section(current))
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        blocks.append(section(current))
    return pack(blocks, f"Audit trail of {record.id}" + (", continued" if continued else ""))


def feedback_message(record: QueuedPost, client: str) -> Message:
    """For the thread and the submitter: the changes an approver asked for."""
    blocks = [section(f":pencil2: {person(record.decided_by, record.decided_by_name)} asked for changes to the "
                      f"{escape(client)} post `{escape(record.id)}` scheduled {when(record.scheduled_at)}:")]
    blocks.extend(long_text(record.feedback or "(no feedback given)", quote=True))
    blocks.append(context("Use *Edit post* on the approval message to send a new version."))
    return message(f"Changes requested on {record.id}", blocks)


def decision_dm(record: QueuedPost, client: str) -> Message:
    """For the submitter: what happened to their post."""
    if record.state == "changes_requested":
        return feedback_message(record, client)
    text = (f"{_OUTCOME.get(record.state, escape(record.state))} — your {escape(client)} post "
            f"`{escape(record.id)}` scheduled {when(record.scheduled_at)}")
    if record.decided_by:
        text += f", by {person(record.decided_by, record.decided_by_name)}"
    blocks = [section(text)]
    blocks.extend(long_text(record.post.text, quote=True)[:2])
    return message(f"Your post {record.id}: {LABELS[record.state]}", blocks)


# --- private answers ------------------------------------------------------------------------

def refusal(code: Code, record: QueuedPost | None, client: str = "") -> str:
    """Why a click did nothing, in words (text for an ephemeral message; actors as mentions)."""
    from assistant.approvals.texts import refusal as words

    return words(code, record, client, who=person)


# --- modals ---------------------------------------------------------------------------------

def _option(value: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": value[:75]}, "value": value[:150]}


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False,
           hint: str = "") -> Block:
    block: Block = {"type": "input", "block_id": block_id, "optional": optional,
                    "label": {"type": "plain_text", "text": label}, "element": element}
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


def _post_inputs(record: QueuedPost | None = None) -> list[Block]:
    post = record.post if record else None
    platforms = [_option(p) for p in PLATFORMS if p != "blog"]
    current = next((o for o in platforms if post and o["value"] == post.platform), platforms[0])
    text: dict[str, Any] = {"type": "plain_text_input", "action_id": "text", "multiline": True,
                            "max_length": TEXT_MAX}
    when_el: dict[str, Any] = {"type": "datetimepicker", "action_id": "when"}
    image: dict[str, Any] = {"type": "plain_text_input", "action_id": "url"}
    alt: dict[str, Any] = {"type": "plain_text_input", "action_id": "alt", "multiline": True,
                           "max_length": 1000}
    if post:
        text["initial_value"] = post.text[:TEXT_MAX]
        when_el["initial_date_time"] = int(post.created_at.timestamp())
        first = next((m for m in post.media if m.url), None)
        if first:
            image["initial_value"] = first.url[:3000]
            if first.alt:
                alt["initial_value"] = first.alt[:1000]
    return [
        _input("platform", "Platform", {"type": "static_select", "action_id": "platform",
                                        "options": platforms, "initial_option": current}),
        _input("text", "Post text", text),
        _input("when", "Scheduled time", when_el,
               hint="Not approved by then, the post expires and is never released."),
        _input("image", "Image URL", image, optional=True),
        _input("alt", "Image alt text", alt, optional=True,
               hint="What the image shows, for people using screen readers."),
    ]


def submit_modal(clients: Sequence[str], channel: str = "") -> dict[str, Any]:
    """"Submit a post for approval": client, platform, text, time, image URL and alt text."""
    options = [_option(c) for c in clients[:100]]
    client: dict[str, Any] = {"type": "static_select", "action_id": "client", "options": options}
    if len(options) == 1:
        client["initial_option"] = options[0]
    return {
        "type": "modal", "callback_id": VIEW_SUBMIT,
        "title": {"type": "plain_text", "text": "Submit for approval"},
        "submit": {"type": "plain_text", "text": "Submit"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": channel[:3000],
        "blocks": [_input("client", "Client", client), *_post_inputs()],
    }


def edit_modal(record: QueuedPost) -> dict[str, Any]:
    """Edit a queued post: a new version, reviewed again and back to pending."""
    return {
        "type": "modal", "callback_id": VIEW_EDIT,
        "title": {"type": "plain_text", "text": "Edit the post"},
        "submit": {"type": "plain_text", "text": "Save and resubmit"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": ref(record),
        "blocks": [*([section(f"*Feedback:* {clip(record.feedback, 2800)}")] if record.feedback
                     else []), *_post_inputs(record)],
    }


def _reason_modal(callback_id: str, title: str, submit: str, intro: str, label: str,
                  record: QueuedPost) -> dict[str, Any]:
    return {
        "type": "modal", "callback_id": callback_id,
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": submit},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": ref(record),
        "blocks": [
            section(intro),
            _input("reason", label, {"type": "plain_text_input", "action_id": "reason",
                                     "multiline": True, "min_length": 3, "max_length": 2000}),
        ],
    }


def override_modal(record: QueuedPost) -> dict[str, Any]:
    """Approving a post with an error-level finding: the approver must say why."""
    errors = [f for f in shown_findings(record.review.findings if record.review else [])
              if f.severity == "error"]
    lines = "\n".join(f"• `{escape(f.rule)}` {clip(f.message, 300)}" for f in errors[:5])
    intro = (f"`{escape(record.id)}` has error-level findings:\n{lines}\n"
             "Approving it anyway is recorded with your reason in the audit trail.")
    return _reason_modal(VIEW_OVERRIDE, "Approve with override", "Approve", intro,
                         "Why approve it anyway?", record)


def changes_modal(record: QueuedPost) -> dict[str, Any]:
    """Request changes: the feedback goes into the thread and to the submitter."""
    intro = (f"What should change in `{escape(record.id)}`? Your feedback goes into the "
             "thread and to the submitter.")
    return _reason_modal(VIEW_CHANGES, "Request changes", "Send", intro, "Feedback", record)
