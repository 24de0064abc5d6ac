"""What a refused approval operation tells the person, in words any chat platform can show.

Plain text with no platform markup: the presenter passes `who`, its own way of naming an
actor (a Slack mention, a Teams name), and escapes the result for its surface if needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.approvals.model import LABELS, Code

if TYPE_CHECKING:
    from assistant.approvals.model import QueuedPost


def plain_name(ref: str, name: str = "") -> str:
    """An actor as plain text: their display name when known, else their recorded id."""
    return name or ref or "someone"


def refusal(code: Code, record: QueuedPost | None, client: str = "", *,
            who: Callable[[str, str], str] = plain_name) -> str:
    """Why an operation did nothing. `who(ref, name)` names an actor for the surface."""
    if record is None or code == Code.MISSING:
        return "That post is no longer in the approval queue."
    texts = {
        Code.NOT_APPROVER: f"You are not an approver for {client}.",
        Code.SELF_APPROVAL: (f"You submitted or edited this post, so someone else must "
                             f"approve it ({client} does not allow self-approval)."),
        Code.NOT_EDITOR: f"Only the submitter or an approver for {client} can edit this post.",
        Code.EXPIRED: "This post expired at its scheduled time; it can no longer be approved.",
        Code.STALE: (f"This post was edited since (now version {record.version}); "
                     "decide on the current version."),
        Code.UNREVIEWED: "The review of this version is still running; try again in a moment.",
        Code.OVERRIDE_REQUIRED: ("This post has an error-level finding: approving it needs an "
                                 "override reason."),
        Code.NO_OVERRIDE_NEEDED: ("This post has no error-level finding: approve it without an "
                                  "override reason."),
        Code.REASON_REQUIRED: "Say what should change.",
        Code.PAST: "The scheduled time must be in the future.",
        Code.DUPLICATE: "The same post (client, platform, time and text) is already in the queue.",
        Code.NO_CLIENT: f"There is no client named {client} in assistant.toml.",
        Code.NO_SURFACE: f"{client} has no approvals channel, so nobody could approve its posts.",
    }
    if code == Code.STATE:
        by = f" by {who(record.decided_by, record.decided_by_name)}" if record.decided_by else ""
        return f"Too late: this post was already {LABELS[record.state]}{by}."
    return texts.get(code, "That did not work; please try again.")
