"""What the approval queue holds: a queued post with its state, one audit entry, an outcome.

A queued post lives in one Redis hash; `to_hash`/`from_hash` are the only places that
know its layout, so the Lua scripts (assistant.approvals.scripts) and Python agree. The
messages a post was shown in are kept per chat platform (`msg:<platform>` fields holding
the platform's own reference, e.g. Slack `{"channel", "ts"}`); the `channel`/`ts` fields of
posts queued before that still read as the Slack reference.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field, computed_field, field_serializer

from assistant.models import Post, Review
from assistant.schema import review_from_json, review_to_json

State = Literal["pending", "approved", "changes_requested", "rejected", "expired", "released"]
STATES: tuple[str, ...] = State.__args__  # type: ignore[attr-defined]
LIVE: tuple[str, ...] = ("pending", "changes_requested", "approved")  # can still expire
FINAL: tuple[str, ...] = ("rejected", "expired", "released")
LABELS = {
    "pending": "pending approval",
    "approved": "approved",
    "changes_requested": "changes requested",
    "rejected": "rejected",
    "expired": "expired",
    "released": "released",
}


def epoch(moment: datetime) -> float:
    return moment.timestamp()


def from_epoch(value: float | str) -> datetime:
    return datetime.fromtimestamp(float(value), tz=UTC)


class QueuedPost(BaseModel):
    """One post in the approval queue. `version` goes up on each edit; the review, buttons
    and decisions all name the version they are about, so a stale one is refused."""

    id: str
    client: str
    state: State = "pending"
    version: int = 1
    reviewed_version: int = 0
    has_error: bool = False
    submitter: str = ""
    editors: list[str] = Field(
        default_factory=list, description="who edited the post (refs, first edit first): with "
                                          "the submitter, the people who wrote its words")
    origin: str = Field(default="", description="where it came from: file:line or slack")
    scheduled_at: datetime
    created_at: datetime
    updated_at: datetime
    submitter_name: str = ""
    decided_by: str = ""
    decided_by_name: str = ""
    decided_at: datetime | None = None
    override_reason: str = ""
    feedback: str = ""
    messages: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="platform -> that platform's reference of the message")
    released_at: datetime | None = None
    release_format: str = ""
    post: Post
    review: Review | None = None

    @property
    def reviewed(self) -> bool:
        """True when the review on record is of the current version."""
        return self.review is not None and self.reviewed_version == self.version

    def wrote(self, ref: str) -> bool:
        """True when `ref` wrote words of this post: its submitter or anyone who edited it
        (AAD ids arrive in either case, so refs compare without case)."""
        ref = ref.casefold()
        return bool(ref) and any(ref == who.casefold() for who in (self.submitter, *self.editors))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def verdict(self) -> str | None:
        """The review's verdict when the current version was reviewed, else None."""
        from assistant.review import verdict

        return verdict(self.review) if self.review is not None and self.reviewed else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def score(self) -> int | None:
        """The review's 0-100 score when the current version was reviewed, else None."""
        from assistant.review import post_score

        return post_score(self.review) if self.review is not None and self.reviewed else None

    @field_serializer("has_error")
    def _has_error_once_reviewed(self, value: bool) -> bool | None:
        """In JSON, None until the current version is reviewed: false would read as checked."""
        return value if self.reviewed else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def channel(self) -> str:
        """The Slack channel of the post's approval message ("" when none)."""
        return self.messages.get("slack", {}).get("channel", "")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ts(self) -> str:
        """The Slack ts of the post's approval message ("" when none)."""
        return self.messages.get("slack", {}).get("ts", "")

    def to_hash(self) -> dict[str, str]:
        """The Redis hash fields (strings; times as epoch seconds for the Lua scripts)."""
        out: dict[str, str] = {
            "id": self.id, "client": self.client, "state": self.state,
            "version": str(self.version), "reviewed_version": str(self.reviewed_version),
            "has_error": "1" if self.has_error else "0", "submitter": self.submitter,
            "editors": dumps(self.editors),
            "origin": self.origin, "scheduled_ts": repr(epoch(self.scheduled_at)),
            "created_at": self.created_at.isoformat(), "updated_at": self.updated_at.isoformat(),
            "submitter_name": self.submitter_name, "decided_by": self.decided_by,
            "decided_by_name": self.decided_by_name, "override_reason": self.override_reason,
            "feedback": self.feedback, "release_format": self.release_format,
            "post": self.post.model_dump_json(),
        }
        if self.decided_at:
            out["decided_at"] = self.decided_at.isoformat()
        if self.released_at:
            out["released_at"] = self.released_at.isoformat()
        if self.review is not None:
            out["review"] = review_to_json(self.review)
        for platform, ref in self.messages.items():
            out[f"msg:{platform}"] = dumps(ref)
        return out

    @classmethod
    def from_hash(cls, raw: dict[Any, Any]) -> QueuedPost:
        data = {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
                for k, v in raw.items()}
        review = data.get("review")
        # Posts edited before editors were recorded have no field: the store fills it in
        # from their audit trail (`ApprovalStore.get`).
        editors = json.loads(data["editors"]) if data.get("editors") else []
        messages = {name[4:]: json.loads(value) for name, value in data.items()
                    if name.startswith("msg:")}
        if "slack" not in messages and data.get("ts"):  # queued before messages were per platform
            messages["slack"] = {"channel": data.get("channel", ""), "ts": data["ts"]}
        return cls(
            id=data["id"], client=data["client"],
            state=data["state"],  # type: ignore[arg-type]
            version=int(data["version"]), reviewed_version=int(data.get("reviewed_version") or 0),
            has_error=data.get("has_error") == "1", submitter=data.get("submitter", ""),
            editors=[str(e) for e in editors] if isinstance(editors, list) else [],
            submitter_name=data.get("submitter_name", ""),
            decided_by_name=data.get("decided_by_name", ""),
            origin=data.get("origin", ""), scheduled_at=from_epoch(data["scheduled_ts"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            updated_at=datetime.fromisoformat(data["updated_at"]),
            decided_by=data.get("decided_by", ""),
            decided_at=datetime.fromisoformat(data["decided_at"]) if data.get("decided_at") else None,
            override_reason=data.get("override_reason", ""), feedback=data.get("feedback", ""),
            messages=messages,
            released_at=datetime.fromisoformat(data["released_at"]) if data.get("released_at") else None,
            release_format=data.get("release_format", ""),
            post=Post.model_validate_json(data["post"]),
            review=review_from_json(review) if review else None,
        )

    def summary(self) -> dict[str, Any]:
        """The stable JSON of `queue list`: no review body, just what a person scans."""
        return {
            "id": self.id, "client": self.client, "state": self.state, "version": self.version,
            # The same spellings as `queue show` (the model's JSON): "Z" times, "" for nobody.
            "platform": self.post.platform,
            "scheduled_at": self.scheduled_at.isoformat().replace("+00:00", "Z"),
            "submitter": self.submitter, "decided_by": self.decided_by,
            # The review of the current version (None until it has run), as `queue show` says.
            "verdict": self.verdict, "score": self.score,
            "text": self.post.text,
        }


class AuditEntry(BaseModel):
    """One line of a post's audit log: who did what, when, to which version, and why."""

    id: str = Field(description="the Redis stream id (ms-seq): the order of entries")
    at: datetime
    actor: str
    actor_name: str = ""
    action: str
    from_state: str = ""
    to_state: str = ""
    version: int = 0
    reason: str = ""
    note: str = ""

    @classmethod
    def from_stream(cls, entry_id: Any, fields: dict[Any, Any]) -> AuditEntry:
        data = {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
                for k, v in fields.items()}
        return cls(
            id=entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id),
            at=datetime.fromisoformat(data["at"]), actor=data.get("actor", ""),
            actor_name=data.get("name", ""),
            action=data.get("action", ""), from_state=data.get("from", ""),
            to_state=data.get("to", ""), version=int(data.get("version") or 0),
            reason=data.get("reason", ""), note=data.get("note", ""),
        )


class Code(StrEnum):
    """Why an operation did what it did. A StrEnum: it compares equal to its value."""

    OK = "ok"
    MISSING = "missing"  # no such post
    STATE = "state"  # already decided (or final): `decided_by` says by whom
    STALE = "stale"  # the version acted on was edited since
    UNREVIEWED = "unreviewed"  # the review of this version is still running
    OVERRIDE_REQUIRED = "override_required"  # an error-level finding and no reason given
    NO_OVERRIDE_NEEDED = "no_override_needed"  # an override reason but no error-level finding
    REASON_REQUIRED = "reason_required"  # request changes without saying what
    EXPIRED = "expired"
    NOT_DUE = "not_due"
    PAST = "past"  # a new time that is not in the future
    DUPLICATE = "duplicate"  # the same client, platform, time and text is already live
    NOT_APPROVER = "not_approver"
    SELF_APPROVAL = "self_approval"
    NOT_EDITOR = "not_editor"
    NO_CLIENT = "no_client"  # no such client in assistant.toml
    NO_SURFACE = "no_surface"  # the client has nowhere to show posts for approval
    DONE = "done"  # this version's review was recorded already (a job run twice)


class Outcome(BaseModel):
    """What a transition did: `ok`, or why not (the state it found and who put it there)."""

    ok: bool
    code: Code
    post: QueuedPost | None = None
    duplicate_of: str = Field(default="", description="for `duplicate`: the live post an edit "
                                                      "would have copied")

    def __bool__(self) -> bool:
        return self.ok


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
