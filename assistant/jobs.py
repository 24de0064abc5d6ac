"""A Redis-backed job queue (RQ) for slow work: reviews with an LLM critique, feed audits.

A job is a plain JSON request (`JobRequest`), so the web process never pickles code and
a job enqueued by one version can be read by the next. The function that performs it is
named by its import path, so enqueuing never imports the worker's heavy dependencies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from redis import Redis
    from rq import Queue

QUEUE_NAME = "assistant"
JOB_TIMEOUT = 300
RESULT_TTL = 3600
FAILURE_TTL = 7 * 24 * 3600


class JobRequest(BaseModel):
    """What a chat user asked for and where the answer goes."""

    kind: Literal["review", "audit", "report"]
    text: str = Field(default="", description="the draft for a review; the feed source for an audit")
    platform: str = "x"
    channel: str
    thread_ts: str | None = Field(default=None, description="answer in this thread when set")
    fetch_parent: bool = Field(default=False, description="review the thread's parent message")
    user: str = ""
    team_id: str = ""
    response_url: str | None = None
    origin: Literal["command", "shortcut", "mention", "modal"] = "command"


def queue(redis: Redis, name: str = QUEUE_NAME) -> Queue:
    """The job queue on this Redis, JSON-serialised."""
    from rq import Queue
    from rq.serializers import JSONSerializer

    return Queue(name, connection=redis, serializer=JSONSerializer, default_timeout=JOB_TIMEOUT)


def enqueue(redis: Redis, func: str, request: JobRequest) -> str:
    """Queue `func(request_dict)` for a worker; returns the job id. Takes a millisecond or two."""
    job = queue(redis).enqueue_call(
        func,
        args=(request.model_dump(mode="json"),),
        result_ttl=RESULT_TTL,
        failure_ttl=FAILURE_TTL,
        description=f"{request.kind} for {request.user or '?'} in {request.channel}",
    )
    return job.id


def run_worker(redis: Redis, *, burst: bool = False, name: str | None = None) -> bool:
    """Work the queue in this process until stopped (or until it is empty with `burst`).

    RQ's default worker spawns a fresh interpreter per job; our jobs are short network
    calls, so a `SimpleWorker` (jobs in-process, timeouts still enforced by SIGALRM) is
    much faster. Scale out by running more worker processes.
    """
    from rq import SimpleWorker
    from rq.serializers import JSONSerializer

    worker = SimpleWorker([queue(redis)], connection=redis, serializer=JSONSerializer, name=name)
    # The scheduler runs the approval expiry sweeps queued for each post's scheduled time.
    return worker.work(burst=burst, logging_level="WARNING", with_scheduler=True)
