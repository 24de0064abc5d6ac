"""The daily report fanned out over the workers: jobs of a few feeds each, then one job to deliver.

`start` records the day's run in Redis (its feeds pending, a deadline) and queues the feeds
in `feed_job`s of up to `FEEDS_PER_JOB` (at least `JOBS_PER_WORKER` jobs for each worker
listening, so the audits spread over them) and one `assemble_job` at the deadline. A feed
job fetches its feeds a few at a time, as the in-process run does, audits each as soon as
it is in and keeps its line; the job that reports the last pending feed queues the assembler at
once. The assembler builds the report from the kept lines (a feed with none by the
deadline is reported as late, by name) and delivers it under the same day claim and the
same per-step effects as the in-process run, so the report is posted once however many
assemblers run, retry or die.

Feed jobs are retried like every job (a killed worker's job runs again, for the feeds whose
lines it had not kept); a line kept twice is the same line. Politeness holds across
workers: each fetch first waits its turn on its host in Redis (`ReportStore.host_turn`),
then the worker's own client paces its further requests there.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from assistant.errors import DeliveryError
from assistant.reports.model import FeedLine, Report
from assistant.reports.outcome import DeliveryStatus, JobStatus
from assistant.reports.store import DAY_POSTED, STALE_RUN, ReportStore

if TYPE_CHECKING:
    from redis import Redis

    from assistant.checks.ruleset import RuleSet
    from assistant.config import FeedConfig, WorkspaceConfig
    from assistant.context import Critic
    from assistant.reports.run import Fetched
    from assistant.settings import Settings

log = logging.getLogger(__name__)

FEED_JOB = "assistant.reports.fanout.feed_job"
ASSEMBLE_JOB = "assistant.reports.fanout.assemble_job"
DEADLINE = 1800.0  # seconds after the start by which every feed should have reported
LATE = "late: no result from the workers by the report's deadline"
LEASE_SECONDS = 120
# Feeds a job holds at most: it fetches them `FETCH_THREADS` at a time, as the in-process
# run does, while it audits those already in. A job's first fetches overlap no audit of its
# own, so few big jobs waste less time than many small ones (measured: 500 feeds on one
# worker took 23.6 s in jobs of 8, 17.1 s in jobs of 32, against 14.5-15.1 s in one process).
# But a /review waits for the job its worker is running (not for those queued: they are on
# the bulk queue), so a job stays a few rounds of fetches long.
FEEDS_PER_JOB = 32
# A job's time limit: `JOB_TIMEOUT` for every this many feeds it holds. Fetched
# `FETCH_THREADS` at a time it usually needs less, but feeds on one host (every Bluesky feed
# goes to one API) are fetched one turn after another, across all the workers.
FEEDS_PER_TIMEOUT = 8
# Jobs at least for each worker listening when the run starts (as many as there are feeds at
# most): a few big feeds must not all fall to one worker while the others wait.
JOBS_PER_WORKER = 4


@dataclass
class Worker:
    """What the report's jobs use in a worker process: its config, Redis, rules and fetcher."""

    settings: Settings
    workspace: WorkspaceConfig
    redis: Redis
    rules: RuleSet
    fetcher: tuple[Any, Any]
    critic: Critic | None = None


_worker: Worker | None = None


def configure(settings: Settings, workspace: WorkspaceConfig, redis: Redis | None, *,
              rules: RuleSet | None = None, fetcher: tuple[Any, Any] | None = None) -> Worker:
    """Set this worker process's context for the report's jobs (the worker shares its rule
    set and HTTP client); without a call, the first job builds it from the environment."""
    from assistant.context import Critic, rule_set

    global _worker
    if redis is None:
        from assistant.connections import connect

        redis = connect(settings, "the report's jobs keep their state in Redis")
    rules = rules or rule_set(workspace)
    if fetcher is None:
        from assistant.sources.fetch import fetch_setup

        fetcher = fetch_setup(settings, redis)
    critic = Critic(settings, rules) if settings.llm_configured else None
    _worker = Worker(settings, workspace, redis, rules, fetcher, critic)
    return _worker


def worker() -> Worker:
    """This process's context (built from REDIS_URL and ASSISTANT_CONFIG under a plain worker)."""
    if _worker is None:
        from assistant.config import load_workspace
        from assistant.settings import load_settings

        settings = load_settings()
        return configure(settings, load_workspace(settings.config), None)
    return _worker


class DayHeld(RuntimeError):
    """Another run holds the day: this assembler is retried later (the job's retry policy).
    Flow control between workers, never shown to a person, so not an `AssistantError`."""


def start(settings: Settings, workspace: WorkspaceConfig, redis: Redis, *, day: date,
          as_of: datetime, deadline: float = DEADLINE) -> str:
    """Queue the day's feed jobs and its deadline assembler; returns the run's id.

    A repeat before the deadline finds the run already started and queues nothing."""
    from assistant.jobs import (
        FAILURE_TTL,
        JOB_TIMEOUT,
        RESULT_TTL,
        due_time,
        enqueue_due,
        enqueue_job,
        retry_policy,
    )

    store = ReportStore(redis, retention_days=workspace.reports.retention_days)
    names = [cfg.name for cfg in workspace.feeds]
    fresh = secrets.token_hex(8)
    # The deadline the assembler checks is the time it is scheduled at (a whole second).
    deadline_at = due_time(time.time() + deadline)
    run_id = store.start_run(day, names, deadline=deadline_at.timestamp(),
                             as_of=as_of.isoformat(), run_id=fresh)
    if run_id != fresh:
        log.info("the report of %s is already fanned out (run %s)", day, run_id)
        return run_id
    base = {"day": day.isoformat(), "run": run_id}
    for feeds in batches(names, workers_listening(redis)):
        more = f" and {len(feeds) - 1} more" if len(feeds) > 1 else ""
        enqueue_job(redis, FEED_JOB, {**base, "feeds": feeds}, f"report {day}: feed {feeds[0]}{more}",
                    timeout=JOB_TIMEOUT * -(-len(feeds) // FEEDS_PER_TIMEOUT), bulk=True)

    enqueue_due(redis, deadline_at, ASSEMBLE_JOB, base, job_id=f"report-deadline-{run_id}",
                retry=retry_policy(), result_ttl=RESULT_TTL, failure_ttl=FAILURE_TTL,
                description=f"report {day}: assemble at the deadline")
    return run_id


def batches(names: list[str], workers: int) -> list[list[str]]:
    """The day's feeds as the jobs that fetch them, in the config's order: up to
    `FEEDS_PER_JOB` a job, and `JOBS_PER_WORKER` jobs at least for each of `workers` (one when
    none listens yet), as many as there are feeds at most; sizes differ by one at most."""
    if not names:
        return []
    jobs = max(-(-len(names) // FEEDS_PER_JOB), min(len(names), JOBS_PER_WORKER * max(workers, 1)))
    size, bigger = divmod(len(names), jobs)
    out, start = [], 0
    for job in range(jobs):
        end = start + size + (job < bigger)
        out.append(names[start:end])
        start = end
    return out


def feed_job(payload: dict[str, Any]) -> dict[str, Any]:
    """The RQ job of a few feeds: fetch them `FETCH_THREADS` at a time, audit each as it comes
    in and keep its line; the job that keeps the last one queues the assembler. A retried job
    does only the feeds whose lines are not kept yet."""
    ctx = worker()
    store, day, run_id = _store(ctx), date.fromisoformat(payload["day"]), payload["run"]
    info = store.run_info(day)
    if info.get("id") != run_id:
        return {"status": JobStatus.STALE}
    if store.is_done(day):  # the deadline's assembler came first: nobody would read these lines
        return {"status": JobStatus.ALREADY_POSTED}
    pending = store.pending(day)
    # (a job queued by the release before this one names a single feed)
    named = payload["feeds"] if "feeds" in payload else [payload["feed"]]
    feeds = [name for name in named if name in pending]
    kept: list[str] = []
    remaining = len(pending)
    # closed on the way out, however it goes: no fetch of this job goes on after it
    with closing(_lines(ctx, store, feeds, day, datetime.fromisoformat(info["as_of"]))) as lines:
        for line in lines:
            remaining = store.record_line(day, run_id, line.name, line.model_dump_json())
            if remaining == DAY_POSTED:  # the report went out at its deadline meanwhile
                return {"status": JobStatus.ALREADY_POSTED, "feeds": kept}
            if remaining == STALE_RUN:
                return {"status": JobStatus.STALE, "feeds": kept}
            kept.append(line.name)
    if remaining == 0:  # (also a retried job whose lines were all kept before it died)
        _queue_assembler(ctx, day, run_id)
    return {"status": JobStatus.KEPT, "feeds": kept, "remaining": remaining}


def _lines(ctx: Worker, store: ReportStore, names: list[str], day: date,
           as_of: datetime) -> Generator[FeedLine, None, None]:
    """The lines of the feeds `names`, each as soon as its feed is in, audited in this thread
    (`lines_as_fetched`), each fetched after its turn on its host."""
    from assistant.reports.run import audit_line, lines_as_fetched

    configs = {cfg.name: cfg for cfg in ctx.workspace.feeds}
    for name in names:
        if name not in configs:
            yield FeedLine(name=name, owner="client",
                           error="not in this worker's config (workers and scheduler must share it)")
    stop = threading.Event()

    def fetch(cfg: FeedConfig) -> Fetched:
        return _fetch(ctx, store, cfg, as_of, stop)

    def audit(cfg: FeedConfig, fetched: Fetched) -> FeedLine:
        return audit_line(ctx.workspace, cfg, fetched, day=day, as_of=as_of, rules=ctx.rules,
                          critique=ctx.critic, store=store)

    found = [configs[name] for name in names if name in configs]
    try:
        with closing(lines_as_fetched(found, fetch, audit)) as lines:
            for _, line in lines:
                yield line
    finally:
        # A failed or stopped job (a stale run, its time limit): fetches still waiting for
        # their host's turn give up.
        stop.set()


def _fetch(ctx: Worker, store: ReportStore, cfg: FeedConfig, as_of: datetime,
           stop: threading.Event) -> Fetched:
    """One feed, fetched after its host's turn (shared by all workers in Redis), unless its
    job stops first."""
    from assistant.reports.run import Fetched, fetch_one

    http, options = ctx.fetcher
    try:
        host = source_host(cfg.source, options)
    except ValueError:  # a malformed address ("http://[::1/feed"): `fetch_one` says what is wrong
        host = ""
    if stop.is_set():
        return Fetched(None, "not fetched: its job stopped")
    wait = store.host_turn(host, ctx.settings.fetch_min_interval)
    if wait > 0 and stop.wait(wait):
        return Fetched(None, "not fetched: its job stopped")
    return fetch_one(cfg, http, options, as_of)


def source_host(source: str, options: Any) -> str:
    """The host a feed's first request goes to ("" for a file)."""
    from assistant.errors import InputError
    from assistant.sources.fetch import parse_source

    try:
        spec = parse_source(source)
    except InputError:
        return ""
    if spec.kind == "file":
        return ""
    if spec.kind == "bluesky":
        return urlsplit(str(getattr(options, "bluesky_api_url", "") or "")).netloc.lower()
    if spec.kind == "mastodon":
        base = getattr(options, "mastodon_base_url", None)
        return urlsplit(base).netloc.lower() if base else spec.host.lower()
    return urlsplit(spec.target).netloc.lower()


def _queue_assembler(ctx: Worker, day: date, run_id: str) -> None:
    from rq.job import Job

    from assistant.connections import job_connection
    from assistant.jobs import enqueue_job

    job_id = f"report-assemble-{run_id}"
    redis = ctx.redis
    if Job.exists(job_id, connection=job_connection(redis)):  # a retried last feed job: already queued
        return
    enqueue_job(redis, ASSEMBLE_JOB, {"day": day.isoformat(), "run": run_id},
                f"report {day}: assemble", job_id=job_id)


def assemble_job(payload: dict[str, Any]) -> dict[str, Any]:
    """The RQ job that builds the day's report from the kept lines and delivers it once."""
    ctx = worker()
    store, day, run_id = _store(ctx), date.fromisoformat(payload["day"]), payload["run"]
    if store.is_done(day):
        return {"status": JobStatus.ALREADY_POSTED}
    info = store.run_info(day)
    if info.get("id") != run_id:
        return {"status": JobStatus.STALE}
    if store.pending(day) and time.time() < float(info["deadline"]):
        return {"status": JobStatus.WAITING}  # the deadline's assembler will come
    lease = store.hold(day, LEASE_SECONDS)
    if lease is None:
        raise DayHeld(f"the report of {day} is being posted by another run")
    try:
        if store.is_done(day):
            return {"status": JobStatus.ALREADY_POSTED}
        report = assemble(ctx.workspace, store, day, datetime.fromisoformat(info["as_of"]))
        from assistant.reports.run import post_day

        deliveries = post_day(ctx.settings, ctx.workspace, report, store, os.environ)
        failed = [d for d in deliveries if d.status == DeliveryStatus.FAILED]
        if failed:  # the job is retried; what was posted is not posted again
            raise DeliveryError("report partly delivered: " + ", ".join(
                f"{d.kind} {d.target}: {d.error}" for d in failed))
        late = [f.name for f in report.feeds if f.error == LATE]
        return {"status": JobStatus.POSTED, "feeds": len(report.feeds), "late": late}
    finally:
        lease.release()


def assemble(workspace: WorkspaceConfig, store: ReportStore, day: date, as_of: datetime) -> Report:
    """The report from the kept lines, in the config's order; a feed without one is late."""
    from assistant.reports.run import history_line

    kept = store.lines(day)
    lines = []
    for cfg in workspace.feeds:
        raw = kept.get(cfg.name)
        if raw is None:
            lines.append(history_line(cfg, None, LATE, day=day, store=store))
            continue
        lines.append(FeedLine.model_validate_json(raw))
    return Report(agency=workspace.agency.name, day=day, as_of=as_of,
                  time_zone=workspace.reports.time_zone, feeds=lines)


def workers_listening(redis: Redis) -> int:
    """How many workers take the report's feed jobs (those on the bulk queue; 0: the jobs
    wait for one)."""
    from rq import Worker

    from assistant.jobs import BULK_QUEUE_NAME, queue

    jobs = queue(redis, BULK_QUEUE_NAME)
    return int(Worker.count(connection=jobs.connection, queue=jobs))


def wait_done(store: ReportStore, day: date, seconds: float) -> bool:
    """Whether the day was posted within `seconds` (the CLI waits for its workers)."""
    deadline = time.monotonic() + seconds
    while not store.is_done(day):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.5)
    return True


def _store(ctx: Worker) -> ReportStore:
    return ReportStore(ctx.redis, retention_days=ctx.workspace.reports.retention_days)
