"""The Teams approval card (Adaptive Card 1.5 with `Action.Execute`), its thread messages and
the submit dialog's form.

The card's actions carry `verb` = the decision (`approve`, `request_changes`, `reject`) and
`data` = `{"id": post id, "v": version}`, so a click on a stale version is refused rather
than applied to a post that has changed since. A request for changes and an override of
an error-level finding open an inline form (`Action.ShowCard`) asking for the reason;
after a request for changes, **Edit post…** opens the edit dialog.
As everywhere in the bot's cards, text from a post, a person or a model goes into
`TextRun`s only (`cards.plain`, `cards.run`); our own words alone go into TextBlocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from assistant.approvals.model import LABELS, AuditEntry, QueuedPost
from assistant.render.present import shown_findings, shown_verdict
from assistant.review import post_score
from integrations.teams.bot.cards import (
    DRAFT_LIMIT,
    MAX_CARD_BYTES,
    VERDICT_LABEL,
    Card,
    Element,
    card,
    finding_block,
    heading,
    plain,
    run,
    size,
)
from integrations.teams.bot.text import clip

APPROVE, CHANGES, REJECT = "approve", "request_changes", "reject"
VERBS = (APPROVE, CHANGES, REJECT)
SUBMIT_DIALOG = "approval_submit"  # the `dialog` a card button or message command opens
EDIT_DIALOG = "approval_edit"
REASON_MAX = 1000
MAX_ENTRIES = 40  # audit entries in one thread message (a first trail after many edits)
_HEADLINES = {
    "pending": "Approval needed", "approved": "Approved", "changes_requested": "Changes requested",
    "rejected": "Rejected", "expired": "Expired unapproved", "released": "Released",
}
_STATE_COLOR = {"approved": "Good", "changes_requested": "Warning", "rejected": "Attention",
                "expired": "Attention", "released": "Good", "pending": "Accent"}


def person(ref: str, name: str = "") -> str:
    """An actor as plain text (a display name when known): never a mention."""
    return name or ref or "someone"


def title(text: str) -> Element:
    """A headline that names a client or post: rich text, never parsed as markdown."""
    return plain(text, 150, weight="Bolder", size="Medium")


def when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def data(record: QueuedPost) -> dict[str, Any]:
    """What every action echoes back: the post and the version the card shows."""
    return {"id": record.id, "v": record.version}


def _execute(title: str, verb: str, record: QueuedPost, **extra: Any) -> Element:
    return {"type": "Action.Execute", "title": title, "verb": verb, "data": data(record), **extra}


def _reason_form(title: str, verb: str, record: QueuedPost, field: str, label: str,
                 button: str) -> Element:
    """An inline form: a required reason and the button that sends it."""
    form = {"type": "AdaptiveCard", "version": "1.5", "body": [{
        "type": "Input.Text", "id": field, "label": label, "isMultiline": True,
        "isRequired": True, "errorMessage": "Say why.", "maxLength": REASON_MAX}],
        "actions": [_execute(button, verb, record, associatedInputs="auto")]}
    return {"type": "Action.ShowCard", "title": title, "card": form}


def edit_button(record: QueuedPost) -> Element:
    """Opens the edit dialog (a task module) for the version the card shows."""
    return {"type": "Action.Submit", "title": "Edit post…",
            "data": {"msteams": {"type": "task/fetch"}, "dialog": EDIT_DIALOG, **data(record)}}


def _actions(record: QueuedPost) -> list[Element]:
    if record.state == "changes_requested":
        return [edit_button(record)]
    if record.state != "pending" or not record.reviewed:
        return []
    approve = (_reason_form("Approve with override…", APPROVE, record, "reason",
                            "Override reason (the post has an error-level finding)",
                            "Approve with override")
               if record.has_error else _execute("Approve", APPROVE, record, style="positive"))
    return [approve,
            _reason_form("Request changes…", CHANGES, record, "note", "What should change?",
                         "Request changes"),
            _execute("Reject", REJECT, record, style="destructive")]


def _facts(record: QueuedPost, client: str) -> list[Element]:
    submitted = person(record.submitter, record.submitter_name) if record.submitter else "import"
    lines = [("Client", client), ("Platform", record.post.platform),
             ("Scheduled", when(record.scheduled_at)), ("Submitted by", submitted)]
    return [{"type": "RichTextBlock", "inlines": [
        {"type": "TextRun", "text": f"{name}: ", "weight": "Bolder"}, run(clip(value, 200))]}
        for name, value in lines]


def _review(record: QueuedPost) -> list[Element]:
    review = record.review
    if review is None or not record.reviewed:
        return [plain("Reviewing this version…", isSubtle=True)]
    label = shown_verdict(review)
    body: list[Element] = [heading(f"Review: {VERDICT_LABEL[label]} · score "
                                   f"{post_score(review)}/100", "Default")]
    worst = sorted(shown_findings(review.findings),
                   key=lambda f: ("error", "warning", "info").index(f.severity))
    body += [finding_block(f) for f in worst[:3]]
    critique = review.critique
    if critique and critique.available and critique.summary:
        body.append(plain(critique.summary, 1000))
    if record.has_error:
        body.append(plain("This post has an error-level finding: approving it needs an "
                          "override with a reason.", weight="Bolder", color="Attention"))
    return body


def _outcome(record: QueuedPost) -> list[Element]:
    state = record.state
    if state == "pending":
        return [] if record.reviewed else [plain(
            f"Version {record.version} is being reviewed; the buttons come back with the new "
            "review.", isSubtle=True)]
    head = LABELS[state].capitalize()
    if state in ("approved", "changes_requested", "rejected") and record.decided_by:
        head += f" by {person(record.decided_by, record.decided_by_name)}"
        if record.decided_at:
            head += f" on {when(record.decided_at)}"
    if state == "expired":
        head += " at its scheduled time without approval: it will not be released."
    if state == "released" and record.release_format:
        head += f" in a {record.release_format} export"
    body = [plain(head, 600, weight="Bolder", color=_STATE_COLOR[state])]
    if record.override_reason:
        body.append(plain(f"Override reason: {record.override_reason}", REASON_MAX + 20))
    if record.feedback:
        body.append(plain(f"Feedback: {record.feedback}", REASON_MAX + 20))
    return body


def approval_card(record: QueuedPost, client: str) -> Card:
    """The card for a queued post as it should look now: buttons while it waits for a
    decision on a reviewed version, the outcome instead once decided (no stale buttons).

    A post of many multi-byte characters is shown shorter, so the card stays under Teams'
    message size (the whole post is in `assistant queue show`)."""
    limit = DRAFT_LIMIT
    while True:
        content = _approval_card(record, client, limit)
        if size(content) <= MAX_CARD_BYTES or limit <= 200:
            return content
        limit //= 2


def _approval_card(record: QueuedPost, client: str, limit: int) -> Card:
    body: list[Element] = [title(f"{_HEADLINES[record.state]}: {client}")]
    body += _facts(record, client)
    body.append(plain(record.post.text or "(empty post)", limit, italic=True))
    for media in record.post.media[:4]:
        alt = f"alt text: {media.alt}" if media.alt else "no alt text"
        body.append(plain(f"{media.type} {media.url} · {alt}", 800, isSubtle=True))
    body += _review(record)
    body += _outcome(record)
    body.append(plain(f"{record.id} · version {record.version} · {LABELS[record.state]} · "
                      "full review and audit trail in the thread", 300, isSubtle=True))
    return card(body, _actions(record))


def summary(record: QueuedPost, client: str) -> str:
    """The notification text (Teams shows it as plain text): our words and the client's name."""
    return f"{_HEADLINES[record.state]}: post {record.id} for {clip(client, 80)}"


def _entry(entry: AuditEntry) -> Element:
    actor = entry.actor_name or entry.actor or "someone"
    inlines = [run(when(entry.at) + " · ", isSubtle=True), run(actor + " · "),
               run(entry.action.replace("_", " "), weight="Bolder")]
    if entry.version:
        inlines.append(run(f" v{entry.version}"))
    if entry.reason:
        inlines.append(run(" · override: " + clip(entry.reason, 300)))
    if entry.note:
        inlines.append(run(" · " + clip(entry.note, 300)))
    return {"type": "RichTextBlock", "inlines": inlines}


def audit_card(record: QueuedPost, entries: Sequence[AuditEntry], *, continued: bool) -> Card:
    """Audit trail entries for the thread, oldest first (each decision adds only its own)."""
    head = f"Audit trail of {record.id}" + (", continued" if continued else "")
    shown = [_entry(e) for e in entries[-MAX_ENTRIES:]]
    while len(shown) > 1 and size(card([title(head), *shown])) > MAX_CARD_BYTES:
        shown.pop(0)  # the oldest go first; the newest are what this message is for
    body = [title(head)]
    if len(shown) < len(entries):
        body.append(plain(f"{len(entries) - len(shown)} earlier entries: assistant queue show "
                          f"{record.id}", 200, isSubtle=True))
    return card(body + shown)


def feedback_card(record: QueuedPost) -> Card:
    """What the approver asked to change, in full, for the submitter to act on."""
    by = person(record.decided_by, record.decided_by_name)
    return card([title("Changes requested"), plain(f"{by}: {record.feedback}",
                                                                 REASON_MAX + 200)])


def decision_card(record: QueuedPost, client: str) -> Card:
    """The submitter's note: what was decided on their post, by whom, and why."""
    body: list[Element] = [title(f"Your post for {client}: {LABELS[record.state]}"),
                           plain(record.post.text, 600, italic=True)]
    body += _outcome(record)
    return card(body)
