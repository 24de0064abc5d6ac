"""A Redis-backed job queue (RQ) for slow work: reviews with an LLM critique, feed audits.

A job is a plain JSON request (`JobRequest`), so the web process never pickles code and
a job enqueued by one version can be read by the next. The function that performs it is
named by its import path, so enqueuing never imports the worker's heavy dependencies.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, model_validator

if TYPE_CHECKING:
    from redis import Redis
    from rq import Queue, Retry
    from rq.job import Job

QUEUE_NAME = "assistant"
# Bulk work (a daily report's feed jobs) waits on a queue of its own, which every worker
# takes from only when the first is empty: a /review asked for while five hundred feeds are
# being fetched is the next job a worker starts, not the five hundred and first.
BULK_QUEUE_NAME = "assistant-bulk"
JOB_TIMEOUT = 300
RESULT_TTL = 3600
FAILURE_TTL = 7 * 24 * 3600


RETRY_MAX = 5  # retries after a failure or a dead worker (a job is tried at most 6 times)
RETRY_INTERVALS = [2, 10, 30, 60, 120]  # seconds before each retry after an exception


SLACK_REPLY_FIELDS = ("channel", "thread_ts", "response_url", "team_id")


class JobRequest(BaseModel):
    """What a chat user asked for, and where the answer goes.

    `surface` names the chat platform that answers ("slack", "teams") and `reply` is a
    reference only that platform reads (for Slack: channel, thread_ts, response_url,
    team_id). Requests queued in the older Slack-only shape (those four at the top level)
    are read as Slack requests.
    """

    id: str = Field(default="", description="the request's id (its job's id): keys its answers")
    kind: Literal["review", "audit", "report"]
    text: str = Field(default="", description="the draft for a review; the feed source for an audit")
    platform: str = Field(default="x", description="the social platform the draft is for")
    surface: str = Field(default="slack", description="the chat platform that answers")
    reply: dict[str, Any] = Field(default_factory=dict, description="where the answer goes")
    fetch_parent: bool = Field(default=False, description="review the thread's parent message")
    user: str = ""
    origin: Literal["command", "shortcut", "mention", "modal"] = "command"

    @model_validator(mode="before")
    @classmethod
    def _slack_shape(cls, data: Any) -> Any:
        """Top-level Slack fields (the older queued shape, and Slack's own listeners'
        shorthand) move into `reply`."""
        if isinstance(data, dict) and any(name in data for name in SLACK_REPLY_FIELDS):
            data = dict(data)
            reply = dict(data.get("reply") or {})
            for name in SLACK_REPLY_FIELDS:
                if name in data:
                    value = data.pop(name)
                    if value not in (None, ""):
                        reply[name] = value
            data["reply"] = reply
            data.setdefault("surface", "slack")
        return data

    @property
    def where(self) -> str:
        """Where the answer goes, in a few words (for logs and job descriptions)."""
        place = self.reply.get("channel") or self.reply.get("conversation") or "?"
        return f"{self.surface} {place}"


def queue(redis: Redis, name: str = QUEUE_NAME) -> Queue:
    """The job queue of the state client `redis` (on the Redis set apart for jobs, when
    there is one: see `assistant.connections`), JSON-serialised."""
    from rq import Queue
    from rq.serializers import JSONSerializer

    from assistant.connections import job_connection

    return Queue(name, connection=job_connection(redis), serializer=JSONSerializer,
                 default_timeout=JOB_TIMEOUT)


def retry_policy() -> Retry:
    """At-least-once: a job that raises, or whose worker dies, runs again (see
    `assistant.jobrunner`); its outward effects are idempotent (`assistant.effects`)."""
    from rq import Retry

    return Retry(max=RETRY_MAX, interval=RETRY_INTERVALS)


def due_time(when: float) -> datetime:
    """The time a job meant for `when` (epoch seconds) is scheduled at: the next whole second.

    RQ files a scheduled job by its time in whole seconds, rounded down, and runs it once that
    second has begun: a job due at a time with a fraction could start up to a second early and
    find its moment not come (a report's deadline assembler found feeds pending and waited for
    them; an approval's sweep found nothing expired)."""
    return datetime.fromtimestamp(math.ceil(when), UTC)


def enqueue_due(redis: Redis, when: datetime, func: str, payload: dict[str, Any], **options: Any) -> Job:
    """Queue `func(payload)` to run no earlier than `when` (`due_time`), on the worker that runs
    RQ's scheduler; `options` are `Queue.enqueue_at`'s."""
    return queue(redis).enqueue_at(due_time(when.timestamp()), func, payload, **options)


def enqueue_job(redis: Redis, func: str, payload: dict[str, object], description: str, *,
                job_id: str | None = None, timeout: int = JOB_TIMEOUT, bulk: bool = False) -> str:
    """Queue `func(payload)` with the retry policy; returns the job id. `timeout`: seconds
    the job may run before it is stopped (and retried); `bulk`: on the queue workers take
    from only when nobody waits on the first (`BULK_QUEUE_NAME`)."""
    jobs = queue(redis, BULK_QUEUE_NAME if bulk else QUEUE_NAME)
    job = jobs.enqueue_call(func, args=(payload,), timeout=timeout, result_ttl=RESULT_TTL,
                            failure_ttl=FAILURE_TTL, description=description,
                            retry=retry_policy(), job_id=job_id)
    return job.id


def enqueue(redis: Redis, func: str, request: JobRequest) -> str:
    """Queue `func(request_dict)` for a worker; returns the job id. Takes a millisecond or two.

    The request carries its job's id, which keys every message the answer posts, so a
    retried job never posts an answer twice.
    """
    import uuid

    request = request.model_copy(update={"id": request.id or uuid.uuid4().hex})
    return enqueue_job(redis, func, request.model_dump(mode="json"),
                       f"{request.kind} for {request.user or '?'} in {request.where}",
                       job_id=request.id)


def run_worker(redis: Redis, *, burst: bool = False, name: str | None = None,
               grace: float | None = None) -> bool:
    """Work the queues in this process until stopped (or until both are empty with
    `burst`): the first queue's jobs always before the bulk queue's.

    RQ's default worker spawns a fresh interpreter per job; our jobs are short network
    calls, so an in-process worker (timeouts still enforced by SIGALRM) is much faster.
    Scale out by running more worker processes. `assistant.jobrunner` makes it safe to
    kill: a dead worker's job is retried within seconds, the scheduler dies with it, and
    SIGTERM finishes (or, after `grace` seconds, requeues) the current job.
    """
    from assistant.jobrunner import GRACE, make_worker

    worker = make_worker([queue(redis), queue(redis, BULK_QUEUE_NAME)], name=name,
                         grace=GRACE if grace is None else grace)
    # The scheduler runs the approval expiry sweeps and the delayed retries.
    return worker.work(burst=burst, logging_level="WARNING", with_scheduler=True)
