"""Queue the approval jobs (`assistant.approvals.jobs`) by name, with their retry policy.

Apart from the jobs themselves, so the workflow can queue them without importing the
code that runs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis import Redis

    from assistant.approvals.model import QueuedPost

# The jobs, named by import path (RQ imports them in the worker).
REVIEW = "assistant.approvals.jobs.run_review"
REFRESH = "assistant.approvals.jobs.run_refresh"
SWEEP = "assistant.approvals.jobs.run_sweep"


def _enqueue(redis: Redis, func: str, payload: dict[str, Any], description: str) -> str:
    """With the jobs' retry policy: a worker killed mid-job loses no approval request."""
    from assistant.jobs import enqueue_job

    return enqueue_job(redis, func, payload, description)


def enqueue_review(redis: Redis, record: QueuedPost) -> str:
    """Review this version and post it for approval; a sweep is scheduled for its time.

    The sweep only runs when a worker runs RQ's scheduler; without it, expiry still happens
    at the next click, export, `queue list` or `queue expire` (nothing is ever late).
    """
    from assistant.jobs import FAILURE_TTL, enqueue_due, retry_policy

    job_id = _enqueue(redis, REVIEW, {"id": record.id, "version": record.version},
                      f"approval review of {record.id} v{record.version}")
    enqueue_due(redis, record.scheduled_at, SWEEP, {}, failure_ttl=FAILURE_TTL,
                job_id=f"approval-expiry-{record.id}", retry=retry_policy())
    return job_id


def enqueue_refresh(redis: Redis, ids: list[str], *, skip: list[str] | None = None,
                    trail: bool = False, notify: bool = False) -> str | None:
    """Redraw these posts' messages on every platform (but `skip`) after a change."""
    if not ids:
        return None
    payload: dict[str, Any] = {"ids": ids}
    if skip:
        payload["skip"] = skip
    if trail:
        payload["trail"] = True
    if notify:
        payload["notify"] = True
    return _enqueue(redis, REFRESH, payload, f"approval refresh of {len(ids)} posts")
