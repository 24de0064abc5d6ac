"""The worker process: RQ's in-process worker, made safe to kill.

What plain RQ leaves to chance, and what this adds:

- **A killed worker's job is retried within seconds.** A keeper thread renews a short
  lease (`LEASE` seconds) on the running job's entry in RQ's StartedJobRegistry; every
  worker's keeper requeues entries whose lease lapsed (their worker died: SIGKILL, OOM,
  power) at the front of the queue, spending one of the job's retries. Plain RQ would
  wait for the job's whole timeout plus a minute, then for its 10-minute maintenance.
- **No orphan scheduler.** RQ forks its scheduler, and a SIGKILLed worker leaves that child
  running with the scheduler lock. Here the scheduler is a thread of the worker: it dies
  with it, and releases the lock on a graceful stop (on a kill the lock lapses in a
  minute and another worker's keeper takes the scheduler over).
- **Two queues, no job lost between them.** A worker takes the first queue's jobs before
  the bulk queue's (`assistant.jobs`), each moved onto its queue's intermediate list as it
  is taken (`InOrderQueue`), as RQ does for a worker of one queue only: a worker killed
  before it registered the job leaves it where the keeper's check finds it.
- **Graceful shutdown.** SIGTERM (or SIGINT): stop taking jobs, finish the current one
  within `grace` seconds; past that, or at a second signal, put it back at the front of
  the queue and exit. Its outward effects are idempotent (`assistant.effects`), so the
  rerun posts only what is missing.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rq import Queue, SimpleWorker
from rq.exceptions import DequeueTimeout
from rq.job import Job, JobStatus
from rq.registry import StartedJobRegistry
from rq.scheduler import RQScheduler
from rq.utils import as_text, get_version

if TYPE_CHECKING:
    from redis import Redis

log = logging.getLogger("assistant.worker")

BEAT = 2.0  # seconds between the keeper's rounds
LEASE = 10  # seconds: a running job whose lease lapsed belongs to a dead worker
GRACE = 25.0  # seconds to finish the current job after SIGTERM (k8s waits 30 by default)
REAP_LOCK = "assistant:v1:worker:reap-lock"
REQUEUE_ATTEMPTS = 5  # optimistic transactions before leaving an entry to the next round


# Seconds an idle worker of several queues waits on the first before it looks at the
# others again: a bulk job queued while it waits starts within this.
IDLE_LOOK = 1


class InOrderQueue(Queue):
    """RQ's queue, but a worker of several queues takes a job the way RQ's takes one from a
    single queue: moved (LMOVE) onto its queue's intermediate list, not popped. RQ pops from
    several queues with BLPOP, so a worker killed between the pop and registering the job
    lost it for good; from the intermediate list the keeper's check puts it back
    (`IntermediateQueue.cleanup`). The queues are tried in order, the first first."""

    @classmethod
    def dequeue_any(cls, queues: Iterable[Queue], timeout: int | None, connection: Redis,
                    job_class: type[Job] | None = None, serializer: Any = None,
                    death_penalty_class: Any = None) -> tuple[Job, Queue] | None:
        keys = [queue.key for queue in queues]
        if len(keys) == 1 or get_version(connection) < (6, 2, 0):  # (LMOVE is Redis 6.2's)
            return super().dequeue_any(queues, timeout, connection, job_class=job_class,
                                       serializer=serializer, death_penalty_class=death_penalty_class)
        started = time.monotonic()
        while True:
            taken = None
            for key in keys:
                taken = cls.lmove(connection, key, None)
                if taken is not None:
                    break
            if taken is None:
                if timeout is None:
                    return None
                left = timeout - (time.monotonic() - started)
                if left <= 0:
                    raise DequeueTimeout(timeout, keys)
                try:  # the first queue's next job at once, the others' within IDLE_LOOK
                    taken = cls.lmove(connection, keys[0], max(1, min(IDLE_LOOK, int(left))))
                except DequeueTimeout:
                    continue
            queue_key, job_id = map(as_text, taken)
            found = cls._fetch_dequeued_job(connection, queue_key, job_id, job_class=job_class,
                                            serializer=serializer, death_penalty_class=death_penalty_class)
            if found is not None:
                return found


class ThreadScheduler(RQScheduler):
    """RQ's scheduler as a thread of the worker, so it cannot outlive it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._wake = threading.Event()

    def start(self) -> Any:  # called by acquire_locks(auto_start=True)
        self._stop_requested = False
        self._wake.clear()
        self._status = self.Status.STARTED
        thread = threading.Thread(target=self._loop, daemon=True, name="rq-scheduler")
        self._process = thread  # RQ checks `_process.is_alive()`
        thread.start()
        return thread

    def _loop(self) -> None:
        try:
            self.register_birth()
            while not self._stop_requested:
                if self.should_reacquire_locks:
                    self.acquire_locks()
                self.heartbeat()
                self.enqueue_scheduled_jobs()
                self._wake.wait(self.interval)
        except Exception:  # noqa: BLE001 (the keeper restarts it)
            log.exception("scheduler thread failed")
        finally:
            try:
                self.stop()  # releases the locks it holds
            except Exception:  # noqa: BLE001
                log.warning("scheduler could not release its lock; it lapses in a minute")

    def request_stop(self, signum: Any = None, frame: Any = None) -> None:
        self._stop_requested = True
        self._wake.set()

    @property
    def should_reacquire_locks(self) -> bool:
        """True every round while another scheduler holds one of its queues' locks: two
        workers starting together may each take one queue's, and once the other dies RQ
        would try again only two minutes later (retries and deadlines waiting meanwhile)."""
        return bool(self._queue_names != self.acquired_locks)


def _first_seen_key(job: Job) -> str:
    """Where RQ's stuck-job check notes when it first saw `job` on its intermediate list."""
    return Queue(job.origin, connection=job.connection).intermediate_queue.get_first_seen_key(job.id)


def requeue(queue: Queue, entry: str, *, spend_retry: bool,
            lapsed_by: float | None = None) -> str:
    """Put the job of a StartedJobRegistry entry (`job_id:execution_id`) back in the queue.

    A short per-entry lock keeps two reapers from requeueing one job twice. The entry's
    lease, the job's status and the move itself are one transaction (WATCH on the registry
    and the job): with `lapsed_by`, an entry whose lease runs past it (its worker renewed
    it, however late) is left alone, and a renewal or a finish landing between the look
    and the move makes the transaction fail and the look happen again. The entry leaves
    the registry in the same transaction as the job enters the queue, so a reaper killed
    half-way leaves the entry for the next one rather than losing the job. With
    `spend_retry` a job out of retries goes to the failed registry instead. Returns what
    happened: requeued, failed, gone, alive or taken.
    """
    from redis.exceptions import WatchError

    connection = queue.connection
    lock = f"assistant:v1:worker:reaping:{entry}"
    if not connection.set(lock, "1", nx=True, ex=30):
        return "taken"
    for _ in range(REQUEUE_ATTEMPTS):
        try:
            outcome = _requeue_watched(queue, entry, spend_retry=spend_retry, lapsed_by=lapsed_by)
        except WatchError:  # the registry or the job changed while we looked: look again
            continue
        if outcome == "alive":
            connection.delete(lock)  # should its worker die later, the next round reaps it
        return outcome
    connection.delete(lock)
    return "taken"


def _requeue_watched(queue: Queue, entry: str, *, spend_retry: bool,
                     lapsed_by: float | None) -> str:
    """One optimistic attempt of `requeue` (raises WatchError when it must be tried again)."""
    from rq.job_lifecycle import record_job_failure

    connection = queue.connection
    registry = StartedJobRegistry(queue.name, connection=connection, serializer=queue.serializer)
    job_id = entry.split(":", 1)[0]
    with connection.pipeline() as pipe:
        pipe.watch(registry.key, Job.key_for(job_id))
        score = pipe.zscore(registry.key, entry)
        if score is None:
            return "taken"
        if lapsed_by is not None and score > lapsed_by:
            return "alive"  # renewed since the reaper saw it lapse: a late worker, not a dead one
        job = queue.fetch_job(job_id)
        status = job.get_status(refresh=True) if job is not None else None
        pipe.multi()
        pipe.zrem(registry.key, entry)
        # QUEUED: taken from the queue, then killed before it was marked started
        if job is None or status not in (JobStatus.STARTED, JobStatus.QUEUED) or (
                status == JobStatus.QUEUED and job.id in queue.get_job_ids()):
            pipe.execute()
            return "gone"
        pipe.lrem(queue.intermediate_queue_key, 0, job.id)
        pipe.delete(_first_seen_key(job))
        if spend_retry and not (job.retries_left and job.retries_left > 0):
            record_job_failure(job, "worker died while running it, and it has no retries left",
                               pipe)
            pipe.execute()
            return "failed"
        if spend_retry:
            job.retries_left = (job.retries_left or 1) - 1
        queue._enqueue_job(job, pipeline=pipe, at_front=True)
        pipe.execute()
    return "requeued"


def reap(queue: Queue, now: float | None = None) -> list[tuple[str, str]]:
    """Requeue the jobs of dead workers (their lease lapsed); returns (job id, outcome)."""
    registry = StartedJobRegistry(queue.name, connection=queue.connection,
                                  serializer=queue.serializer)
    now = time.time() if now is None else now
    expired = queue.connection.zrangebyscore(registry.key, 0, now)
    done = []
    for raw in expired:
        entry = raw.decode() if isinstance(raw, bytes) else raw
        outcome = requeue(queue, entry, spend_retry=True, lapsed_by=now)
        if outcome not in ("taken", "alive"):
            log.warning("job %s of a dead worker: %s", entry.split(":", 1)[0], outcome)
            done.append((entry.split(":", 1)[0], outcome))
    return done


class AssistantWorker(SimpleWorker):
    """SimpleWorker plus the keeper thread, the thread scheduler and graceful shutdown."""

    def __init__(self, *args: Any, grace: float = GRACE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.grace = grace
        self._keeper_stop = threading.Event()
        self._with_scheduler = False
        self._leaving = threading.Lock()
        self._timer: threading.Timer | None = None
        self._stuck_checked = 0.0

    # --- the keeper -------------------------------------------------------------------
    def work(self, burst: bool = False, *args: Any, **kwargs: Any) -> bool:  # type: ignore[override]
        self._with_scheduler = bool(kwargs.get("with_scheduler")) and not burst
        self._keeper_round(first=True)
        keeper = threading.Thread(target=self._keep, daemon=True, name="keeper")
        keeper.start()
        try:
            return super().work(burst, *args, **kwargs)
        finally:
            self._keeper_stop.set()
            if self._timer is not None:
                self._timer.cancel()

    def _keep(self) -> None:
        while not self._keeper_stop.wait(BEAT):
            try:
                self._keeper_round()
            except Exception:  # noqa: BLE001 (Redis restarting: try again next round)
                log.warning("keeper round failed", exc_info=True)

    def _keeper_round(self, first: bool = False) -> None:
        deadline = time.time() + LEASE
        with self.connection.pipeline() as pipe:
            for execution in list(self.executions.values()):
                key = StartedJobRegistry(execution.job.origin, connection=self.connection).key
                pipe.zadd(key, {execution.composite_key: deadline}, xx=True)
                pipe.expire(execution.key, LEASE)
            pipe.execute()
        if self.birth_date is not None:  # registered (a heartbeat before would block that)
            self.heartbeat(LEASE * 3)
        if self.connection.set(REAP_LOCK, self.name, nx=True, ex=max(int(BEAT * 2), 2)):
            check_stuck = time.monotonic() - self._stuck_checked > 15
            for queue in self.queues:
                reap(queue)
                if check_stuck:
                    # killed between taking a job and registering it: RQ's own check
                    # (requeued when seen there twice, a minute apart)
                    queue.intermediate_queue.cleanup(self, queue)
            if check_stuck:
                self._stuck_checked = time.monotonic()
        if not first and self._with_scheduler and self.scheduler is not None:
            process = self.scheduler._process
            if process is None or not process.is_alive():
                self.scheduler.acquire_locks(auto_start=True)

    def run_maintenance_tasks(self) -> None:
        """RQ's registry cleaning; the scheduler is looked after by the keeper thread."""
        self.clean_registries()
        self.clean_group_registries()

    def prepare_job_execution(self, job: Job, remove_from_intermediate_queue: bool = False) -> None:
        """RQ's, taking the job off its queue's intermediate list whatever the number of
        queues (`InOrderQueue` puts it there; RQ does so only for a worker of one queue), and
        forgetting when the stuck-job check first saw it there: a mark left from an earlier
        take would have the check fail the job the next time it catches one in between."""
        super().prepare_job_execution(job, remove_from_intermediate_queue=True)
        self.connection.delete(_first_seen_key(job))

    def get_heartbeat_ttl(self, job: Job, working_time: float = 0.0) -> int:
        """RQ leases an in-process job for its whole timeout plus a minute; the keeper renews
        a `LEASE`-second one instead, so a dead worker's job is noticed in seconds."""
        return LEASE

    # --- the scheduler ----------------------------------------------------------------
    def _start_scheduler(self, burst: bool = False, logging_level: Any = "INFO",
                         date_format: Any = None, log_format: Any = None) -> None:
        self.scheduler = ThreadScheduler(self.queues, connection=self.connection,
                                         logging_level=logging_level or "INFO",
                                         serializer=self.serializer)
        self.scheduler.acquire_locks()
        if not self.scheduler.acquired_locks:
            return
        if burst:
            try:
                self.scheduler.register_birth()
                self.scheduler.enqueue_scheduled_jobs()
            finally:
                self.scheduler.release_locks()
                self.scheduler.register_death()
        else:
            self.scheduler.start()

    def stop_scheduler(self) -> None:
        scheduler = self.scheduler
        if scheduler is None:
            return
        scheduler.request_stop()
        process = scheduler._process
        if isinstance(process, threading.Thread) and process is not threading.current_thread():
            process.join(timeout=5)

    # --- shutdown ---------------------------------------------------------------------
    def request_stop(self, signum: Any, frame: Any) -> None:
        """First SIGTERM/SIGINT: finish the current job within `grace` seconds, then stop."""
        if self.executions and self._timer is None:
            self._timer = threading.Timer(self.grace, self._leave, args=("did not finish in time",))
            self._timer.daemon = True
            self._timer.start()
            log.warning("stopping: finishing the current job (at most %.0f s)", self.grace)
        super().request_stop(signum, frame)

    def request_force_stop(self, signum: int, frame: Any) -> None:
        """A second signal: requeue the current job now and exit."""
        from datetime import timedelta

        from rq.utils import now

        started = self._shutdown_requested_date
        twice = started is not None and now() - started < timedelta(seconds=1)
        if self.executions and not twice:  # (a pool may deliver one signal twice)
            self._leave("stop requested twice")
        super().request_force_stop(signum, frame)

    def _leave(self, why: str) -> None:
        """Put the running job back at the front of its queue and end the process."""
        if not self._leaving.acquire(blocking=False):
            return
        for execution in list(self.executions.values()):
            queue = next((q for q in self.queues if q.name == execution.job.origin), self.queues[0])
            outcome = requeue(queue, execution.composite_key, spend_retry=False)
            log.warning("job %s %s: %s", execution.job_id, why, outcome)
        try:
            if self.scheduler is not None:
                self.scheduler.request_stop()
                self.scheduler.release_locks()
            self.register_death()
        finally:
            logging.shutdown()
            os._exit(0)


def make_worker(queues: Sequence[Queue], *, name: str | None = None, grace: float = GRACE) -> AssistantWorker:
    """A worker on `queues`, the first first (JSON-serialised jobs, as `assistant.jobs.queue`
    makes them; all on one Redis)."""
    ordered = [InOrderQueue(q.name, connection=q.connection, serializer=q.serializer,
                            default_timeout=q._default_timeout) for q in queues]
    return AssistantWorker(ordered, connection=ordered[0].connection, serializer=ordered[0].serializer,
                           queue_class=InOrderQueue, name=name, grace=grace)


def started_entries(redis: Redis, queue_name: str) -> list[str]:
    """The StartedJobRegistry entries of a queue (for tests and operators)."""
    key = StartedJobRegistry(queue_name, connection=redis).key
    return [e.decode() if isinstance(e, bytes) else e for e in redis.zrange(key, 0, -1)]
