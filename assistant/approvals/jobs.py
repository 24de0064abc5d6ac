"""The approval jobs, run in the core: review a version and present it, redraw, expire.

Jobs are named by import path (RQ imports them in the worker) and take a small JSON
payload, so the CLI and the chat listeners enqueue them without importing a worker:
- `run_review {id, version}`: review the version (rules + critique) and show it on every
  registered presenter whose platform the client uses;
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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

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
    from assistant.approvals.workflow import Workflow
    from assistant.config import ClientConfig, WorkspaceConfig
    from assistant.models import Post, Review
    from assistant.settings import Settings

log = logging.getLogger("assistant.approvals")

__all__ = ["REFRESH", "REVIEW", "SWEEP", "configure", "enqueue_refresh", "enqueue_review",
           "reviewer", "run_refresh", "run_review", "run_sweep", "runtime"]

Reviewer = Callable[["Post", "ClientConfig | None"], "Review"]


@dataclass
class Runtime:
    """What the approval jobs need in a worker: the workflow and how to review a post."""

    workflow: Workflow
    review: Reviewer


_runtime: Runtime | None = None


def reviewer(settings: Settings, workspace: WorkspaceConfig) -> Reviewer:
    """Review a queued post as `assistant review` would: the workspace's rules, the agency's
    and the client's own domains, and the critique (cached in Redis), or a note saying why
    there is none."""
    from assistant.context import Critic, domains_for, own_domains, rule_set
    from assistant.review import review_post

    rules = rule_set(workspace)
    agency = own_domains(workspace.agency.own_domains)  # normalised once, not per post
    critic = Critic(settings, rules)

    def review(post: Post, client: ClientConfig | None) -> Review:
        domains = domains_for(agency, None, client.own_domains if client else ())
        result = review_post(post, rules, own_domains=domains, as_of=datetime.now(UTC))
        return critic(result)

    return review


def configure(settings: Settings, workspace: WorkspaceConfig, redis: Redis | None = None, *,
              review: Reviewer | None = None) -> Workflow:
    """Set up this worker's approval jobs (the `worker` command calls it once)."""
    from assistant.approvals.workflow import Workflow

    global _runtime
    if redis is None:
        from assistant.connections import connect

        redis = connect(settings, "the approval queue lives in Redis")
    workflow = Workflow(redis, workspace)
    _runtime = Runtime(workflow, review or reviewer(settings, workspace))
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
    """Review one version, store the review, and present it on every platform of the client."""
    rt = runtime()
    workflow, store = rt.workflow, rt.workflow.store
    _redraw_all(workflow, store.sweep())
    post_id, version = str(payload["id"]), int(payload["version"])
    record = store.get(post_id)
    if record is None or record.version != version or record.state != "pending":
        return {"skipped": "moved on" if record else Code.MISSING}
    client = workflow.client(record.client)
    code = store.set_review(post_id, version, rt.review(record.post, client))
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
