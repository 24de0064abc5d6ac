"""The approval jobs, run in the core: review a version and present it, redraw, expire.

Jobs are named by import path (RQ imports them in the worker) and take a small JSON
payload, so the CLI and the chat listeners enqueue them without importing a worker:
- `run_review {id, version}`: review the version (rules + critique) against the client's
  other queued posts (`queue_history`) and show it on every registered presenter whose
  platform the client uses;
- `run_refresh {ids, skip?, trail?, notify?}`: redraw the posts on every presenter that
  has shown them (but those in `skip`), posting new audit entries to each thread (`trail`)
  and telling the submitter (`notify`) when asked;
- `run_sweep {}`: expire what is past its time and redraw it.
The worker says how to review and who presents: `configure(...)` once, and each chat
integration `presenter.register(...)`s its presenter when its worker starts. Every job
may run more than once (RQ retries, a killed worker): the store's scripts are idempotent
and presenters send only what is missing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from assistant.approvals.model import Code

# Queuing lives apart (the workflow queues jobs; the jobs run the workflow: no cycle).
from assistant.approvals.queueing import (
    REFRESH,
    REVIEW,
    SWEEP,
    enqueue_refresh,
    enqueue_review,
)

if TYPE_CHECKING:
    from redis import Redis

    from assistant.approvals.model import QueuedPost
    from assistant.approvals.presenter import Presenter
    from assistant.approvals.store import ApprovalStore
    from assistant.approvals.workflow import Workflow
    from assistant.checks.history import History
    from assistant.checks.ruleset import RuleSet
    from assistant.config import ClientConfig, WorkspaceConfig
    from assistant.models import Post, Review
    from assistant.settings import Settings

log = logging.getLogger("assistant.approvals")

__all__ = ["COUNTED", "LOOKBACK", "REFRESH", "REVIEW", "SWEEP", "configure", "enqueue_refresh",
           "enqueue_review", "queue_history", "reviewer", "run_refresh", "run_review", "run_sweep",
           "runtime"]

# The states of the posts that are out or will be: a queued post is judged against them.
# A rejected or expired post never goes out, so it makes nothing a copy.
COUNTED: tuple[str, ...] = ("pending", "changes_requested", "approved", "released")
# How far back the queue is read as history: past repeat-post's window (14 days by default;
# `lookback` follows a longer one set in assistant.toml), and far enough for stale-latest to
# see a "latest" link that first went out weeks before.
LOOKBACK = timedelta(days=30)


class Reviewer(Protocol):
    """How the worker reviews one queued post, with its client's other queued posts as
    history (None: it has none)."""

    def __call__(self, post: Post, client: ClientConfig | None, /,
                 history: History | None = None) -> Review: ...


@dataclass
class Runtime:
    """What the approval jobs need in a worker: the workflow, how to review a post, and how
    far back the queue is read as its history."""

    workflow: Workflow
    review: Reviewer
    lookback: timedelta = LOOKBACK


_runtime: Runtime | None = None


def reviewer(settings: Settings, workspace: WorkspaceConfig, rules: RuleSet) -> Reviewer:
    """Review a queued post as `assistant review --history` would: the workspace's `rules`,
    the agency's and the client's own domains, the history given (`queue_history`), and the
    critique (cached in Redis), or a note saying why there is none."""
    from assistant.context import Critic, domains_for, own_domains
    from assistant.review import review_post

    agency = own_domains(workspace.agency.own_domains)  # normalised once, not per post
    critic = Critic(settings, rules)

    def review(post: Post, client: ClientConfig | None, /,
               history: History | None = None) -> Review:
        domains = domains_for(agency, None, client.own_domains if client else ())
        result = review_post(post, rules, history=history, own_domains=domains,
                             as_of=datetime.now(UTC))
        return critic(result)

    return review


def lookback(rules: RuleSet) -> timedelta:
    """How far back a review reads the queue: `LOOKBACK`, or repeat-post's window when the
    workspace sets a longer one."""
    active = rules.by_id.get("repeat-post")
    days = active.thresholds.get("window_days", 0) if active is not None else 0
    return max(LOOKBACK, timedelta(days=days))


def _order(post_id: str) -> int:
    """A queue id's number (q12: 12): of two posts at one time, the one queued first is first."""
    return int(post_id[1:]) if post_id[1:].isdigit() else 0


def queue_history(store: ApprovalStore, record: QueuedPost,
                  back: timedelta = LOOKBACK) -> History | None:
    """What a queued post is reviewed against, as `assistant review --history` reviews a
    draft against an account's posts: the same client's broadcasts (posts and quotes) on
    the same platform that are out or will be (pending, changes requested, approved,
    released: `COUNTED`; not rejected or expired), scheduled before it (at the same
    time: queued before it) and at most `back` earlier; never the post itself.

    - Only earlier posts: repeat-post's post check matches history on either side of a
      post, so with later ones the first of two copies would be flagged for the second. The
      first is the original; the copy is the one that goes out after it.
    - One platform: the same words on X and LinkedIn at once are cross-posting, each
      audience sees them once; the same words twice on X are a repeat. (repeat-post's post
      check compares whatever history it is given, whatever its platform.)
    - No DMs (`History.dms` stays empty): the queue holds only the account's own messages,
      never the other side's answers, so an earlier queued DM proves no conversation, and
      sales-pitch's `is_first_dm` would read a DM that names nobody as following any earlier
      DM, to anyone. A queued DM is judged as a first DM, as a draft is.
    None when there is no such post.
    """
    from assistant.checks.history import BROADCAST_KINDS, History

    at, order = record.scheduled_at, _order(record.id)
    posts = [p for p in store.posts_of(record.client, COUNTED, since=at - back, until=at)
             if p.id != record.id and p.kind in BROADCAST_KINDS
             and p.platform == record.post.platform
             and (p.created_at < at or _order(p.id) < order)]
    return History.from_posts(posts) if posts else None


def configure(settings: Settings, workspace: WorkspaceConfig, redis: Redis | None = None, *,
              review: Reviewer | None = None) -> Workflow:
    """Set up this worker's approval jobs (the `worker` command calls it once)."""
    from assistant.approvals.workflow import Workflow

    global _runtime
    if redis is None:
        from assistant.connections import connect

        redis = connect(settings, "the approval queue lives in Redis")
    from assistant.context import rule_set

    workflow = Workflow(redis, workspace)
    rules = rule_set(workspace)  # built once: the reviewer's and the queue history's
    _runtime = Runtime(workflow, review or reviewer(settings, workspace, rules), lookback(rules))
    return workflow


def runtime() -> Runtime:
    """The runtime `configure` set up (built from the environment under a plain `rq worker`)."""
    if _runtime is None:
        from assistant.config import load_workspace
        from assistant.settings import load_settings

        settings = load_settings()
        configure(settings, load_workspace(settings.config))
    assert _runtime is not None
    return _runtime


def _presenters(client: ClientConfig | None) -> list[Presenter]:
    from assistant.approvals.presenter import registered

    return [p for p in registered() if client is not None and p.serves(client)]


def _shown_on(record: QueuedPost, skip: list[str] | tuple[str, ...] = ()) -> list[Presenter]:
    from assistant.approvals.presenter import registered

    return [p for p in registered() if p.platform in record.messages and p.platform not in skip]


def _redraw_all(workflow: Workflow, ids: list[str]) -> None:
    for record in workflow.store.get_many(ids):
        workflow.present_change(record, _shown_on(record), trail=False, notify=False)


def run_review(payload: dict[str, Any]) -> dict[str, Any]:
    """Review one version against the client's other queued posts (`queue_history`), store
    the review, and present it on every platform of the client.

    A review is of one version against the queue at that moment. An edited post is reviewed
    again; the other posts are not: when the original of a copy is rejected, the copy keeps
    its repeat-post finding (it names the post, a warning needs no override to approve),
    and a copy moved before its original leaves the original's clean review as it was."""
    rt = runtime()
    workflow, store = rt.workflow, rt.workflow.store
    _redraw_all(workflow, store.sweep())
    post_id, version = str(payload["id"]), int(payload["version"])
    record = store.get(post_id)
    if record is None or record.version != version or record.state != "pending":
        return {"skipped": "moved on" if record else Code.MISSING}
    client = workflow.client(record.client)
    history = queue_history(store, record, rt.lookback)
    code = store.set_review(post_id, version, rt.review(record.post, client, history=history))
    record = store.get(post_id)
    if record is None:
        return {"skipped": Code.MISSING}
    # "done": a duplicate job (an RQ retry, a worker killed mid-way, a re-enqueue) or one
    # whose first run could not post (the bot not yet in the channel, an outage): present
    # it again; presenters send only what is missing
    if code not in (Code.OK, Code.DONE):
        workflow.present_change(record, _shown_on(record), trail=False, notify=False)
        return {"skipped": code}
    presenters = _presenters(client)
    if not presenters:
        log.warning("client %r has no approvals channel this worker presents; %s is queued "
                    "but not posted", record.client, record.id)
        return {"posted": 0, "id": record.id}
    assert client is not None
    failure: Exception | None = None
    for presenter in presenters:
        def remember(ref: dict[str, str], platform: str = presenter.platform) -> None:
            store.set_message(post_id, platform, ref)

        try:
            presenter.show(record, client, remember)
        except Exception as exc:  # noqa: BLE001 (the others still get it; raised below so RQ retries)
            log.warning("%s could not show %s: %s", presenter.platform, record.id, exc)
            failure = failure or exc
    if failure is not None:
        raise failure
    record = store.get(post_id) or record
    return {"posted": 1, "id": record.id, "messages": record.messages}


def run_refresh(payload: dict[str, Any]) -> dict[str, Any]:
    """Redraw posts where they were shown (all platforms but `skip`); with `trail`, post the
    new audit entries in each thread; with `notify`, tell the submitter."""
    workflow = runtime().workflow
    ids = [str(i) for i in payload.get("ids", [])]
    skip = [str(p) for p in payload.get("skip", [])]
    trail, notify = bool(payload.get("trail")), bool(payload.get("notify"))
    for record in workflow.store.get_many(ids):
        workflow.present_change(record, _shown_on(record, skip), trail=trail, notify=notify)
    return {"redrawn": len(ids)}


def run_sweep(payload: dict[str, Any]) -> dict[str, Any]:
    """Expire every post whose time has come and redraw it (its buttons removed)."""
    workflow = runtime().workflow
    expired = workflow.store.sweep()
    _redraw_all(workflow, expired)
    return {"expired": expired}
