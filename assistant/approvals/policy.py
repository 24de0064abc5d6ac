"""Who may do what to a queued post: actors, approvers written with a platform prefix, rules.

An `Actor` is a person on one chat platform (or the command line). Approvers are written
in `assistant.toml` as `slack:U012ABC` (a Slack user), `slack:S0GROUP` (a Slack user
group), `teams:<AAD object id>` (a Teams user) or `teams:group:<AAD object id>` (an AAD
group); a bare Slack id (`U012ABC`, `S0GROUP`) means `slack:`. Group membership is asked
of the `GroupResolver` the platform provides (Slack: usergroups.users.list); without one,
a group grants nobody.

The rules (`refusal`):
- anyone may submit a post for a client that has somewhere to show it;
- only the client's approvers may approve, request changes or reject;
- nobody who wrote the post's words may approve it unless the client allows
  self-approval: not its submitter, and not anyone who edited it (any version, not only the
  latest: words outlive the edit that brought them, and a later edit may change only the
  time). So an approver who rewrites a post leaves the approval to another approver.
  Rejecting or asking for changes is fine for them; an approver who wants a say in the
  words without giving up their approval asks for changes instead of editing;
- the submitter or an approver may edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from assistant.approvals.model import Code
from assistant.config import APPROVER_FORMS, Approver

__all__ = ["APPROVER_FORMS", "Action", "Actor", "Approver", "GroupResolver", "is_approver",
           "refusal"]

if TYPE_CHECKING:
    from collections.abc import Mapping

    from assistant.approvals.model import QueuedPost
    from assistant.config import ClientConfig

_SLACK_USER = re.compile(r"[UW][A-Z0-9]{2,}")


class Action(StrEnum):
    """What a person can do to a queued post."""

    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    REJECT = "reject"
    EDIT = "edit"


@dataclass(frozen=True)
class Actor:
    """A person acting on the queue: their platform, their id there, a name to show.

    `ref` is how the queue records them (`submitter`, `decided_by`, audit entries): a Slack
    user as their bare id (as posts queued before platforms record them), anyone else as
    `platform:id` (`teams:<aad id>`, `cli:alice`).
    """

    platform: str
    id: str
    name: str = ""

    def __post_init__(self) -> None:
        if self.platform == "teams":  # AAD object ids arrive in either case: one spelling
            object.__setattr__(self, "id", self.id.lower())

    @property
    def ref(self) -> str:
        return self.id if self.platform in ("slack", "") else f"{self.platform}:{self.id}"

    @classmethod
    def from_ref(cls, ref: str, name: str = "") -> Actor:
        """The actor a recorded `ref` names ("" and "system" are nobody on any platform)."""
        platform, sep, rest = ref.partition(":")
        if sep and platform and rest:
            return cls(platform, rest, name)
        return cls("slack" if _SLACK_USER.fullmatch(ref) else "", ref, name)


class GroupResolver(Protocol):
    """The members of a group on one platform (ids as that platform's actors carry them)."""

    def members(self, group: str) -> set[str]: ...


def is_approver(actor: Actor, client: ClientConfig,
                groups: Mapping[str, GroupResolver]) -> bool:
    """True when `actor` is one of the client's approvers, directly or through a group."""
    mine = [a for a in client.approver_entries() if a.platform == actor.platform]
    if any(a.id == actor.id for a in mine if not a.group):
        return True
    resolver = groups.get(actor.platform)
    if resolver is None:
        return False
    fold = actor.platform == "teams"
    return any(actor.id in {m.lower() if fold else m for m in resolver.members(a.id)}
               for a in mine if a.group)


def refusal(actor: Actor, action: Action, record: QueuedPost, client: ClientConfig | None,
            groups: Mapping[str, GroupResolver]) -> Code | None:
    """Why `actor` may not do `action` to `record`, or None when they may."""
    if client is None:
        return Code.NOT_APPROVER
    approver = is_approver(actor, client, groups)
    if action == Action.EDIT:
        mine = actor.ref.casefold() == record.submitter.casefold()  # AAD ids have either case
        return None if approver or mine else Code.NOT_EDITOR
    if not approver:
        return Code.NOT_APPROVER
    if action == Action.APPROVE and record.wrote(actor.ref) and not client.allow_self_approval:
        return Code.SELF_APPROVAL
    return None
