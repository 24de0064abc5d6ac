"""Enqueue the approval jobs: review a version, redraw messages, sweep at a post's time.

Jobs name core functions, so the CLI and the chat listeners enqueue without importing a
worker; the chat platform that presents approvals says how each job is performed when its
worker starts (`perform_with`), so the core never names a platform.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis import Redis

    from assistant.approvals.model import QueuedPost

# The jobs, named by import path (RQ imports them in the worker).
REVIEW = "assistant.approvals.jobs.run_review"
REFRESH = "assistant.approvals.jobs.run_refresh"
SWEEP = "assistant.approvals.jobs.run_sweep"

Performer = Callable[[dict[str, Any]], dict[str, Any]]
_performers: dict[str, Performer] = {}


def perform_with(*, review: Performer, refresh: Performer, sweep: Performer) -> None:
    """How this worker process performs the approval jobs (its chat platform's presenter)."""
    _performers.update(review=review, refresh=refresh, sweep=sweep)


def _perform(job: str, payload: dict[str, Any]) -> dict[str, Any]:
    performer = _performers.get(job)
    if performer is None:  # raised, so RQ retries it on a worker that has a platform
        raise RuntimeError(f"no chat platform performs approval {job} jobs in this worker")
    return performer(payload)


def run_review(payload: dict[str, Any]) -> dict[str, Any]:
    """Review a version and present it for approval."""
    return _perform("review", payload)


def run_refresh(payload: dict[str, Any]) -> dict[str, Any]:
    """Redraw posts' approval messages."""
    return _perform("refresh", payload)


def run_sweep(payload: dict[str, Any]) -> dict[str, Any]:
    """Expire what is past its time and redraw it."""
    return _perform("sweep", payload)


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
