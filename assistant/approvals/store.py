"""The approval queue in Redis: create, decide, edit, review, expire, release, read.

Layout (all under `assistant:v1:{approvals}`: the one hash tag puts the queue in one Redis
Cluster slot):
- `<id>:post`    hash: one queued post (see `QueuedPost.to_hash`)
- `<id>:audit`   stream: the post's append-only audit log (never trimmed)
- `all`         sorted set: every post id by scheduled time (for `queue list`)
- `live`        sorted set: pending / changes requested / approved ids by scheduled time
- `approved`    sorted set: approved ids by scheduled time (what an export releases)
- `fp:<client>:<sha256>`  the live post holding that client/platform/time/text (moved by an
  edit; expires a day after the post's scheduled time, when it can no longer be a duplicate)
- `seq`         the counter behind ids q1, q2, ...
Every change goes through one Lua script (assistant.approvals.scripts), so it is atomic.
Keys of the earlier layouts (under `assistant:v1:approvals`: `post:<id>` and `{<id>}:post`)
are moved by each process's first store (`migrate`): a rename per key, safe to run concurrently.
"""

from __future__ import annotations

import builtins
import hashlib
import logging
import re
import secrets
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from assistant.approvals import scripts
from assistant.approvals.model import AuditEntry, Code, Outcome, QueuedPost, dumps, epoch
from assistant.errors import InputError
from assistant.models import Post, Review
from assistant.store import key

if TYPE_CHECKING:
    from redis import Redis

log = logging.getLogger(__name__)
# Every key of the queue carries one hash tag, so each Lua script (a post, its audit stream,
# the queue-wide indexes and fingerprints together) touches one Redis Cluster slot.
PREFIX = key("{approvals}")
_EARLIER_PREFIX = key("approvals")  # layouts 1 and 2, before the queue shared one slot
DECISIONS = {
    # action: (states it may start from, state it leads to)
    "approve": ("pending", "approved"),
    "request_changes": ("pending", "changes_requested"),
    "reject": ("pending,changes_requested", "rejected"),
}
EDITABLE = "pending,changes_requested,approved"
_NO_ID = '{"id":""'  # how a post's JSON starts before CREATE gives it its id


class DuplicateError(InputError):
    """Some posts are already live in the queue: [(index in the batch, existing id)]."""

    def __init__(self, duplicates: list[tuple[int, str]]) -> None:
        super().__init__(f"{len(duplicates)} posts are already in the queue")
        self.duplicates = duplicates


def fingerprint(client: str, post: Post) -> str:
    """Same client, platform, time and text: the same post (re-importing a file is refused)."""
    text = " ".join(post.text.split())
    raw = f"{post.platform}\n{int(post.created_at.timestamp())}\n{text}"
    return f"{client}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def post_key(post_id: str) -> str:
    """The Redis hash of one queued post."""
    return f"{PREFIX}:{post_id}:post"


def audit_key(post_id: str) -> str:
    """The Redis stream of one post's audit log."""
    return f"{PREFIX}:{post_id}:audit"


# The queue's keys as the earlier layouts wrote them, past the prefix: a post's hash and audit
# stream as layout 1 ("post:q12") or 2 ("{q12}:post"), or a queue-wide key. Nothing else under
# that prefix (the approver-group caches) is the queue's.
_EARLIER_POST = re.compile(r"(?:(post|audit):(.+)|\{(.+)\}:(post|audit))")
_EARLIER_QUEUE = re.compile(r"all|live|approved|fp:.+")


def migrate(redis: Redis) -> int:
    """Move the queue's keys of the earlier layouts under its one hash tag; returns how many
    moved. Run on each process's first use, so keys an earlier release wrote meanwhile move
    too (stop its processes before upgrading: two releases writing at once would each issue
    ids the other does). RENAME keeps each key's expiry; a single Redis, where those layouts
    ran, lets keys move between slots. A key whose new name is taken stays where it is, and
    the log says so."""
    move, merge_seq = redis.register_script(scripts.MOVE), redis.register_script(scripts.MERGE_SEQ)
    moved = 0
    for name in [_s(n) for n in redis.scan_iter(match=f"{_EARLIER_PREFIX}:*", count=500)]:
        rest = name[len(_EARLIER_PREFIX) + 1:]
        if rest == "layout":
            redis.delete(name)
            continue
        if rest == "seq":
            moved += int(merge_seq(args=[name, f"{PREFIX}:seq"]))
            continue
        if (post := _EARLIER_POST.fullmatch(rest)) is not None:
            kind, post_id = (post.group(1), post.group(2)) if post.group(1) else (post.group(4), post.group(3))
            new = post_key(post_id) if kind == "post" else audit_key(post_id)
        elif _EARLIER_QUEUE.fullmatch(rest):
            new = f"{PREFIX}:{rest}"
        else:
            continue
        if int(move(args=[PREFIX, name, new])):
            moved += 1
        elif redis.exists(name):
            log.warning("approval queue key %s not moved: %s exists already", name, new)
    return moved


class ApprovalStore:
    """The queue's Redis operations. `clock` returns epoch seconds (tests may move time)."""

    def __init__(self, redis: Redis, *, clock: Callable[[], float] = time.time) -> None:
        self.redis = redis
        self.clock = clock
        self._scripts = {name: redis.register_script(getattr(scripts, name)) for name in
                         ("CREATE", "TRANSITION", "EDIT", "SET_REVIEW", "SWEEP", "RELEASE",
                          "UNRELEASE", "CLAIM_AUDIT", "UNCLAIM_AUDIT", "POSTS_OF")}
        self._migrated = False

    def _ready(self) -> None:
        """Move data of the earlier layouts on first use (not at construction: an app starts
        even while Redis is away)."""
        if not self._migrated:
            migrate(self.redis)
            self._migrated = True

    def _now(self) -> tuple[str, str]:
        now = self.clock()
        return repr(now), datetime.fromtimestamp(now, tz=UTC).isoformat()

    def _run(self, name: str, *args: Any) -> Any:
        self._ready()
        now, at = self._now()
        # The scripts build their keys from the prefix; the one key passed routes the call to
        # the queue's slot on Redis Cluster.
        return self._scripts[name](keys=[f"{PREFIX}:seq"], args=[PREFIX, now, at, *args])

    # --- writing ------------------------------------------------------------------------

    def create(self, client: str, posts: Sequence[Post], *, submitter: str = "",
               origins: Sequence[str] | None = None,
               submitter_name: str = "") -> list[QueuedPost]:
        """Queue posts for `client`, all or none (a post already live raises DuplicateError).

        Each gets an id `q<n>` (its `Post.id` becomes that id) and an audit entry "submitted".
        """
        if not posts:
            return []
        now = datetime.fromtimestamp(self.clock(), tz=UTC)
        records, items = [], []
        for offset, post in enumerate(posts):
            origin = origins[offset] if origins else ""
            # The id is issued by the script, once the batch is accepted (see CREATE).
            record = QueuedPost(id="", client=client, submitter=submitter, origin=origin,
                                submitter_name=submitter_name, scheduled_at=post.created_at,
                                created_at=now, updated_at=now,
                                post=post.model_copy(update={"id": ""}))
            fields = record.to_hash()
            del fields["id"]
            if not fields["post"].startswith(_NO_ID):
                raise ValueError(f"a post's JSON must start with {_NO_ID}: {fields['post'][:40]}")
            records.append(record)
            items.append({"fingerprint": fingerprint(client, post), "sched": epoch(post.created_at),
                          "fields": fields, "note": origin})
        code, answer = self._run("CREATE", dumps(items))
        if _s(code) == "duplicate":
            import json

            raise DuplicateError([(int(i), _s(e)) for i, e in json.loads(_s(answer))])
        first = int(_s(answer))
        return [r.model_copy(update={"id": f"q{first + n}",
                                     "post": r.post.model_copy(update={"id": f"q{first + n}"})})
                for n, r in enumerate(records)]

    def decide(self, post_id: str, action: str, *, actor: str, version: int | None = None,
               reason: str = "", note: str = "", actor_name: str = "") -> Outcome:
        """approve / request_changes / reject, atomically; the Outcome says why not.

        No policy here (who may decide): that is `assistant.approvals.workflow`'s job.
        """
        allowed, to = DECISIONS[action]
        answer = self._run("TRANSITION", post_id, action, allowed, to,
                           "" if version is None else str(version), actor, reason.strip(),
                           note.strip(), "1", actor_name)
        return self._outcome(post_id, answer)

    def expire(self, post_id: str) -> Outcome:
        """Expire one post if its time has come (ok), else `not_due`."""
        answer = self._run("TRANSITION", post_id, "expire", "", "expired", "", "system", "", "",
                           "0", "")
        return self._outcome(post_id, answer)

    def edit(self, post_id: str, post: Post, *, actor: str, version: int | None = None,
             actor_name: str = "") -> Outcome:
        """New text or time: version + 1, back to pending, awaiting a new review.

        The duplicate fingerprint follows the text: the original can be imported again, the
        edited text cannot. An edit that would copy another live post (same client, platform,
        time and text) is refused with code `duplicate` (`duplicate_of` names that post).
        """
        post = post.model_copy(update={"id": post_id})
        current = self.get(post_id)
        client = current.client if current else ""
        old_fp = fingerprint(client, current.post) if current else ""
        answer = self._run("EDIT", post_id, actor, post.model_dump_json(),
                           repr(epoch(post.created_at)), EDITABLE,
                           "" if version is None else str(version), fingerprint(client, post),
                           old_fp, actor_name)
        return self._outcome(post_id, answer)

    def set_review(self, post_id: str, version: int, review: Review) -> Code:
        """Record the review of `version` (ok, or stale/state/expired/missing/done)."""
        from assistant.review import has_error, verdict
        from assistant.schema import review_to_json

        return Code(_s(self._run("SET_REVIEW", post_id, str(version), review_to_json(review),
                                 "1" if has_error(review) else "0", f"verdict {verdict(review)}")))

    def set_message(self, post_id: str, platform: str, ref: dict[str, str]) -> None:
        """Remember the message that shows the post on `platform` (redrawn in place), as that
        platform's own reference (Slack: channel and ts)."""
        self._ready()
        self.redis.hset(post_key(post_id), f"msg:{platform}", dumps(ref))

    def sweep(self) -> list[str]:
        """Expire every live post whose scheduled time has passed; returns their ids."""
        return [_s(i) for i in self._run("SWEEP")]

    def release(self, fmt: str, *, actor: str, client: str | None = None,
                only: Sequence[QueuedPost] | None = None) -> tuple[str, list[QueuedPost]]:
        """Claim every approved, still-future post for one export (exactly once); with
        `only`, just those of them still approved at the version given (what the export
        checked: a post approved or edited meanwhile waits for the next export).

        Returns the batch id and the claimed posts, soonest first.
        """
        batch = secrets.token_hex(6)
        chosen = [] if only is None else ["only", *(v for p in only for v in (p.id, str(p.version)))]
        ids = [_s(i) for i in self._run("RELEASE", actor, fmt, batch, client or "", *chosen)]
        return batch, self.get_many(ids)

    def releasable(self, *, client: str | None = None) -> builtins.list[QueuedPost]:
        """The approved posts still to come (what `release` would claim now), soonest first;
        nothing is changed."""
        self._ready()
        ids = [_s(i) for i in self.redis.zrangebyscore(f"{PREFIX}:approved", f"({self.clock()!r}",
                                                       "+inf")]
        return [p for p in self.get_many(ids)
                if p.state == "approved" and (client is None or p.client == client)]

    def unrelease(self, batch: str, ids: Iterable[str], *, actor: str, reason: str) -> list[str]:
        """Put one export's posts back to approved (its file could not be written)."""
        return [_s(i) for i in self._run("UNRELEASE", actor, batch, reason, *ids)]

    # --- reading ------------------------------------------------------------------------

    def get(self, post_id: str) -> QueuedPost | None:
        self._ready()
        raw = self.redis.hgetall(post_key(post_id))
        return self._record(raw) if raw else None

    def get_many(self, ids: Sequence[str]) -> list[QueuedPost]:
        self._ready()
        pipe = self.redis.pipeline(transaction=False)
        for post_id in ids:
            pipe.hgetall(post_key(post_id))
        return [self._record(raw) for raw in pipe.execute() if raw]

    def _record(self, raw: dict[Any, Any]) -> QueuedPost:
        """The post a hash holds. One edited before `editors` was kept (no such field) gets
        them from its audit trail, so an editor of an older post is known as one too."""
        record = QueuedPost.from_hash(raw)
        if record.version > 1 and b"editors" not in raw and "editors" not in raw:
            editors = list(dict.fromkeys(e.actor for e in self.audit(record.id)
                                         if e.action == "edited" and e.actor))
            record = record.model_copy(update={"editors": editors})
        return record

    def list(self, *, client: str | None = None, state: str | None = None) -> list[QueuedPost]:
        """Every queued post (optionally one client's, one state's), soonest first."""
        self._ready()
        ids = [_s(i) for i in self.redis.zrange(f"{PREFIX}:all", 0, -1)]
        return [p for p in self.get_many(ids)
                if (client is None or p.client == client) and (state is None or p.state == state)]

    def posts_of(self, client: str, states: Collection[str], *, since: datetime,
                 until: datetime) -> builtins.list[Post]:
        """The posts (their current versions, each with its queue id as `Post.id`) of
        `client` in one of `states`, scheduled from `since` to `until` (both included),
        soonest first. Nothing is changed (a post past its time is not expired here).

        Read for each review, so it stays cheap on a long queue: one script walks the `all`
        index by time and sends back only the client's posts; no review or audit trail is
        read or parsed.
        """
        found = self._run("POSTS_OF", repr(epoch(since)), repr(epoch(until)), client,
                          ",".join(states))
        return [Post.model_validate_json(raw) for raw in found]

    def audit(self, post_id: str) -> builtins.list[AuditEntry]:
        """The post's audit log, oldest first."""
        self._ready()
        entries: Any = self.redis.xrange(audit_key(post_id))
        return [AuditEntry.from_stream(i, f) for i, f in entries]

    def claim_audit(self, post_id: str,
                    platform: str = "slack") -> tuple[builtins.list[AuditEntry], bool]:
        """The audit entries not yet posted to the post's thread on `platform`, now marked
        posted there (atomically): each platform's thread gets each entry once.

        The flag is True when these start the trail (nothing was posted before).
        """
        first, raw = self._run("CLAIM_AUDIT", post_id, platform)
        entries = [AuditEntry.from_stream(entry_id, dict(zip(flat[::2], flat[1::2], strict=True)))
                   for entry_id, flat in raw]
        return entries, _s(first) == "1"

    def unclaim_audit(self, post_id: str, platform: str,
                      entries: Sequence[AuditEntry]) -> bool:
        """Hand back entries `claim_audit` gave out that the platform did not take, so the
        retried job posts them (at least once: never lost). False when a later claim has
        moved the marker on since."""
        if not entries:
            return False
        return bool(self._run("UNCLAIM_AUDIT", post_id, platform, entries[0].id, entries[-1].id))

    def _outcome(self, post_id: str, answer: Sequence[Any]) -> Outcome:
        code = Code(_s(answer[0]))
        other = _s(answer[2]) if code == Code.DUPLICATE else ""
        return Outcome(ok=code == Code.OK, code=code, post=self.get(post_id),
                       duplicate_of=other)
