"""The approval workflow: submit, decide, edit, expire, export, with the policy applied, and
what every platform shows afterwards. Platform-neutral; chat listeners and the CLI call it.

    workflow = Workflow(redis, workspace, groups={"slack": SlackGroups(...)})
    outcome = workflow.decide(Actor("teams", aad_id, "Ana"), "q12", Action.APPROVE, version=2)
    if outcome.ok:
        workflow.publish(outcome.post, here=my_presenter, trail=True, notify=True)
    else:
        say(texts.refusal(outcome.code, outcome.post, client_name, who=my_who))

A chat platform wires it like this: its listeners build an `Actor` from the request
(`Actor("teams", activity.from.aadObjectId, activity.from.name)`), call the operation,
render the `Outcome` (a refusal only the person sees, from `texts.refusal`), and call
`publish` with their own presenter as `here`; a platform whose answer to the request
already shows the new state (a Teams invoke answered with the refreshed card) may pass
`here=None`, and the job redraws it in place as well. Group approvers are resolved by
`groups[platform]` (Slack user groups, AAD groups through Graph). Its worker calls
`jobs.configure(...)` and registers its presenter (`presenter.register`).

Every operation returns a typed answer (`Outcome` with a `Code`, `Submission`); none
raises for a refusal. `publish` redraws the post on the platform the person used at once
(`here`) and enqueues a job that redraws it, posts the trail and tells the submitter on
every other platform the client uses (`jobs.run_refresh`), so a decision taken in Teams
redraws the Slack message too, and the other way round.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from typing import TYPE_CHECKING

from assistant.approvals.model import Code, Outcome
from assistant.approvals.policy import Action, Actor, GroupResolver, refusal
from assistant.approvals.store import ApprovalStore, DuplicateError

if TYPE_CHECKING:
    from redis import Redis

    from assistant.approvals.export import Export
    from assistant.approvals.model import QueuedPost
    from assistant.approvals.presenter import Presenter
    from assistant.config import ClientConfig, WorkspaceConfig
    from assistant.models import Post

log = logging.getLogger(__name__)


@dataclass
class Submission:
    """What a submit did: the queued posts, or why nothing was queued."""

    ok: bool
    code: Code
    records: list[QueuedPost] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (index, live post id)


class Workflow:
    """The approval operations on one workspace's queue (Redis) under its policy."""

    def __init__(self, redis: Redis, workspace: WorkspaceConfig, *,
                 groups: Mapping[str, GroupResolver] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.redis = redis
        self.workspace = workspace
        self.groups: dict[str, GroupResolver] = dict(groups or {})
        self.store = ApprovalStore(redis, clock=clock)

    # --- policy ---------------------------------------------------------------------------

    def client(self, name: str) -> ClientConfig | None:
        """The `[[clients]]` entry called `name`, or None."""
        return next((c for c in self.workspace.clients if c.name == name), None)

    def clients_open_to_submit(self) -> list[str]:
        """The clients a post can be submitted for (they have somewhere to show it)."""
        return [c.name for c in self.workspace.clients if c.presented]

    def check(self, actor: Actor, action: Action, record: QueuedPost) -> Code | None:
        """Why `actor` may not do `action` to `record` now, or None (before opening a form).

        Every refusal is logged here (who, which post, what, why; never the post's text),
        whether a listener asks before opening a form or `decide`/`edit` ask.
        """
        problem = refusal(actor, action, record, self.client(record.client), self.groups)
        if problem is not None:
            log.info("approval refused: actor=%s post=%s action=%s code=%s",
                     actor.ref, record.id, action.value, problem.value)
        return problem

    # --- operations -----------------------------------------------------------------------

    def submit(self, actor: Actor, client_name: str, posts: Sequence[Post], *,
               origins: Sequence[str] | None = None, submitter: Actor | None = None) -> Submission:
        """Queue posts for a client's approval (all or none) and have each reviewed.

        `submitter` is who hears the outcome and may not approve their own post (default:
        `actor`; the CLI imports on behalf of a named person, or of nobody).
        """
        client = self.client(client_name)
        if client is None:
            return Submission(False, Code.NO_CLIENT)
        if not client.presented:
            return Submission(False, Code.NO_SURFACE)
        person = actor if submitter is None else submitter
        try:
            records = self.store.create(client.name, posts, submitter=person.ref if person.id else "",
                                        submitter_name=person.name, origins=origins)
        except DuplicateError as exc:
            return Submission(False, Code.DUPLICATE, duplicates=exc.duplicates)
        from assistant.approvals.queueing import enqueue_review

        for record in records:
            enqueue_review(self.redis, record)
        return Submission(True, Code.OK, records)

    def decide(self, actor: Actor, post_id: str, action: Action | str, *,
               version: int | None = None, reason: str = "", note: str = "") -> Outcome:
        """Approve (with `reason` to override an error-level finding), request changes
        (`note` says what), or reject: once, atomically, if `actor` may."""
        action = Action(action)
        if action == Action.EDIT:
            raise ValueError("an edit is `edit`, not a decision")
        record = self.store.get(post_id)
        if record is None:
            return Outcome(ok=False, code=Code.MISSING)
        problem = self.check(actor, action, record)
        if problem is not None:
            return Outcome(ok=False, code=problem, post=record)
        if action == Action.REQUEST_CHANGES and not note.strip():
            return Outcome(ok=False, code=Code.REASON_REQUIRED, post=record)
        # The decision is about the version the policy was checked on (its editors are that
        # version's): an edit landing meanwhile makes it stale, never decided unchecked.
        if version is None:
            version = record.version
        elif version > record.version:  # a version that did not exist when checked
            return Outcome(ok=False, code=Code.STALE, post=record)
        return self.store.decide(post_id, action.value, actor=actor.ref, version=version,
                                 reason=reason if action == Action.APPROVE else "",
                                 note=note, actor_name=actor.name)

    def edit(self, actor: Actor, post_id: str, post: Post, *,
             version: int | None = None) -> Outcome:
        """A new text or time: a new version, back to pending, reviewed again."""
        record = self.store.get(post_id)
        if record is None:
            return Outcome(ok=False, code=Code.MISSING)
        problem = self.check(actor, Action.EDIT, record)
        if problem is not None:
            return Outcome(ok=False, code=problem, post=record)
        outcome = self.store.edit(post_id, post, actor=actor.ref, version=version,
                                  actor_name=actor.name)
        if outcome.ok and outcome.post is not None:
            from assistant.approvals.queueing import enqueue_review

            enqueue_review(self.redis, outcome.post)
        return outcome

    def expire(self) -> list[str]:
        """Expire every post past its time; their messages are redrawn by a job."""
        from assistant.approvals.queueing import enqueue_refresh

        expired = self.store.sweep()
        enqueue_refresh(self.redis, expired)
        return expired

    def export(self, actor: Actor, fmt: str, *, client: str | None = None,
               platform: str | None = None, kinds: Sequence[str] = (),
               output: str | None = None, tz: tzinfo = UTC,
               sink: Callable[[str], object] | None = None) -> Export:
        """Release every approved future post into a scheduler's file, exactly once; posts
        the format cannot hold (a DM in a bulk schedule, two platforms in a file uploaded to
        one profile) refuse it, with nothing released."""
        from assistant.approvals.export import export_approved
        from assistant.approvals.queueing import enqueue_refresh

        result = export_approved(self.store, fmt, actor=actor.ref, client=client,
                                 platform=platform, kinds=kinds,
                                 output=output, tz=tz, sink=sink)
        enqueue_refresh(self.redis, [p.id for p in result.posts])
        return result

    # --- what the platforms show ----------------------------------------------------------

    def publish(self, record: QueuedPost, *, here: Presenter | None = None, trail: bool = False,
                notify: bool = False) -> None:
        """Show a change everywhere: on `here` now, on every other platform through a job.

        `trail`: post the new audit entries in each thread; `notify`: tell the submitter
        (on their own platform). After a decision both; after an edit or expiry neither.
        """
        from assistant.approvals.queueing import enqueue_refresh

        if here is not None:
            self.present_change(record, [here], trail=trail, notify=notify)
        enqueue_refresh(self.redis, [record.id], skip=[here.platform] if here else [],
                        trail=trail, notify=notify)

    def present_change(self, record: QueuedPost, presenters: Sequence[Presenter], *,
                       trail: bool, notify: bool) -> None:
        """Redraw `record` on each presenter, then its trail and the submitter's note."""
        client = self.client(record.client)
        submitter = Actor.from_ref(record.submitter)
        for presenter in presenters:
            presenter.redraw(record, client)
            if trail and record.messages.get(presenter.platform):
                entries, first = self.store.claim_audit(record.id, presenter.platform)
                if entries:
                    try:
                        presenter.post_trail(record, entries, continued=not first)
                    except BaseException:  # refused or cut off: the retry posts them again
                        self.store.unclaim_audit(record.id, presenter.platform, entries)
                        raise
            if notify and submitter.platform == presenter.platform:
                presenter.tell_submitter(record)
