"""Enqueue the approval jobs: review a version, redraw messages, sweep at a post's time.

Only RQ and the jobs' import paths are needed here, so the CLI and the Slack listeners
enqueue without importing the worker (integrations.slack.approval_jobs performs them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis import Redis

    from assistant.approvals.model import QueuedPost

# The functions that perform the jobs, named by import path (RQ imports them in the worker).
REVIEW = "integrations.slack.approval_jobs.review_and_post"
REFRESH = "integrations.slack.approval_jobs.refresh"
SWEEP = "integrations.slack.approval_jobs.sweep"


def _enqueue(redis: Redis, func: str, payload: dict[str, Any], description: str) -> str:
    """With the jobs' retry policy: a worker killed mid-job loses no approval request."""
    from assistant.jobs import enqueue_job

    return enqueue_job(redis, func, payload, description)


def enqueue_review(redis: Redis, record: QueuedPost) -> str:
    """Review this version and post it for approval; a sweep is scheduled for its time.

    The sweep only runs when a worker runs RQ's scheduler; without it, expiry still happens
    at the next click, export, `queue list` or `queue expire` (nothing is ever late).
    """
    from assistant.jobs import FAILURE_TTL, queue, retry_policy

    job_id = _enqueue(redis, REVIEW, {"id": record.id, "version": record.version},
                      f"approval review of {record.id} v{record.version}")
    queue(redis).enqueue_at(record.scheduled_at, SWEEP, {}, failure_ttl=FAILURE_TTL,
                            job_id=f"approval-expiry-{record.id}", retry=retry_policy())
    return job_id


def enqueue_refresh(redis: Redis, ids: list[str]) -> str | None:
    """Redraw these posts' Slack messages (after an expiry or an export from the CLI)."""
    if not ids:
        return None
    return _enqueue(redis, REFRESH, {"ids": ids}, f"approval refresh of {len(ids)} posts")
