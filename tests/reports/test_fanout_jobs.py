"""The fanned-out report's feed jobs: how the feeds are split into jobs, and what a job does
when it is retried or was queued by the release before (real Redis, feeds from files)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import redis as redis_lib
from rq.job import Job
from rq.registry import ScheduledJobRegistry

from assistant.config import WorkspaceConfig, load_workspace
from assistant.connections import job_connection
from assistant.jobs import queue
from assistant.reports import fanout
from assistant.reports.outcome import JobStatus
from assistant.reports.store import ReportStore
from assistant.settings import Settings
from tests.fakes.feed_server import Answer, Request, SlowFeed, serve

DAY = date(2026, 11, 25)
AS_OF = datetime(2026, 11, 25, 23, 0, tzinfo=UTC)
BLOGS = {"Client blog": "rss/TypePadNews.xml", "Agency blog": "rss/LinkBuildingBlog.xml"}


@pytest.mark.parametrize(("feeds", "workers", "sizes"), [
    (500, 0, [32] * 4 + [31] * 12),  # nobody listening yet: jobs of up to 32
    (500, 4, [32] * 4 + [31] * 12),  # 16 jobs: four for each worker
    (500, 8, [16] * 20 + [15] * 12),  # eight workers: 32 jobs, so each gets four
    (6, 0, [2, 2, 1, 1]),  # a handful of feeds still spreads over the workers
    (6, 2, [1] * 6),  # more workers than feeds need: a feed a job
    (1, 3, [1]),
    (0, 2, []),
])
def test_the_feeds_go_out_in_jobs_of_up_to_32_and_at_least_four_a_worker(
        feeds: int, workers: int, sizes: list[int]) -> None:
    names = [f"feed {n}" for n in range(feeds)]
    jobs = fanout.batches(names, workers)
    assert [len(job) for job in jobs] == sizes
    assert [name for job in jobs for name in job] == names, "each feed once, in the config's order"


def _workspace(tmp_path: Path, sources: dict[str, str]) -> WorkspaceConfig:
    """A workspace with the feeds `sources` (name: source), read from its config file."""
    config = tmp_path / "assistant.toml"
    config.write_text('[agency]\nname = "Bright Pixel"\n' + "".join(
        f'\n[[feeds]]\nname = "{name}"\nowner = "client"\nsource = "{source}"\n'
        for name, source in sources.items()))
    return load_workspace(config)


def _worker_of(tmp_path: Path, redis_url: str, sources: dict[str, str],
               settings: Settings | None = None) -> redis_lib.Redis:
    """This process as a worker of a workspace with the feeds `sources` (name: source)."""
    client = redis_lib.Redis.from_url(redis_url)
    settings = settings or Settings(redis_url=redis_url)
    fanout.configure(settings, _workspace(tmp_path, sources), client)  # as `assistant worker` does
    return client


def _blogs(realdata: Path) -> dict[str, str]:
    """`BLOGS` as feed sources: their files in the real data."""
    return {name: str(realdata / path) for name, path in BLOGS.items()}


@pytest.fixture
def started(tmp_path: Path, redis_url: str, realdata: Path) -> redis_lib.Redis:
    """The day's run started with two file feeds pending, and this process as its worker."""
    client = _worker_of(tmp_path, redis_url, _blogs(realdata))
    ReportStore(client).start_run(DAY, list(BLOGS), deadline=AS_OF.timestamp() + 3600,
                                  as_of=AS_OF.isoformat(), run_id="run1")
    return client


def _assembler_queued(client: redis_lib.Redis) -> bool:
    return Job.exists("report-assemble-run1", connection=job_connection(client))


def test_a_retried_job_does_only_the_feeds_whose_lines_were_not_kept(started: redis_lib.Redis) -> None:
    store = ReportStore(started)
    line = '{"name": "Client blog", "owner": "client", "error": "kept by the job before it died"}'
    assert store.record_line(DAY, "run1", "Client blog", line) == 1
    done = fanout.feed_job({"day": DAY.isoformat(), "run": "run1", "feeds": list(BLOGS)})
    assert done == {"status": JobStatus.KEPT, "feeds": ["Agency blog"], "remaining": 0}
    assert store.lines(DAY)["Client blog"] == line, "the kept line is not audited again"
    assert '"score"' in store.lines(DAY)["Agency blog"]
    assert _assembler_queued(started)


def test_a_job_retried_after_keeping_every_line_still_queues_the_assembler(
        started: redis_lib.Redis) -> None:
    store = ReportStore(started)
    for name in BLOGS:  # the job kept both lines, then died before it queued the assembler
        store.record_line(DAY, "run1", name, f'{{"name": "{name}", "owner": "client"}}')
    assert not _assembler_queued(started)
    done = fanout.feed_job({"day": DAY.isoformat(), "run": "run1", "feeds": list(BLOGS)})
    assert done == {"status": JobStatus.KEPT, "feeds": [], "remaining": 0}
    assert _assembler_queued(started), "the report is assembled now, not at the deadline"


def test_a_job_queued_by_the_release_before_names_one_feed(started: redis_lib.Redis) -> None:
    done = fanout.feed_job({"day": DAY.isoformat(), "run": "run1", "feed": "Agency blog"})
    assert done == {"status": JobStatus.KEPT, "feeds": ["Agency blog"], "remaining": 1}
    assert set(ReportStore(started).lines(DAY)) == {"Agency blog"}
    assert not _assembler_queued(started), "one feed is still pending"


def test_a_feed_whose_address_is_malformed_fails_alone_not_its_job(
        tmp_path: Path, redis_url: str, realdata: Path) -> None:
    client = _worker_of(tmp_path, redis_url, {"Client blog": str(realdata / BLOGS["Client blog"]),
                                              "Typo": "rss:http://[::1/feed.xml"})
    ReportStore(client).start_run(DAY, ["Client blog", "Typo"], deadline=AS_OF.timestamp() + 3600,
                                  as_of=AS_OF.isoformat(), run_id="run1")
    done = fanout.feed_job({"day": DAY.isoformat(), "run": "run1", "feeds": ["Typo", "Client blog"]})
    assert done["status"] == JobStatus.KEPT and sorted(done["feeds"]) == ["Client blog", "Typo"]
    lines = ReportStore(client).lines(DAY)
    assert '"score"' in lines["Client blog"]
    assert '"error"' in lines["Typo"] and '"score":null' in lines["Typo"].replace(" ", "")


def test_a_job_gets_five_minutes_for_every_eight_feeds_it_holds(
        tmp_path: Path, redis_url: str, realdata: Path) -> None:
    """However many it fetches at once: feeds on one host are fetched one turn after another."""
    from assistant.jobs import BULK_QUEUE_NAME, JOB_TIMEOUT, queue

    blog = str(realdata / BLOGS["Client blog"])
    client = _worker_of(tmp_path, redis_url, {f"Blog {n}": blog for n in range(40)})
    fanout.start(Settings(redis_url=redis_url), fanout.worker().workspace, client, day=DAY, as_of=AS_OF)
    jobs = queue(client, BULK_QUEUE_NAME).get_jobs()
    assert [len(job.args[0]["feeds"]) for job in jobs] == [10, 10, 10, 10]  # nobody listening: four jobs
    assert JOB_TIMEOUT == 300 and [job.timeout for job in jobs] == [600] * 4


def _job_interrupted_in_its_first_request(
        tmp_path: Path, redis_url: str, realdata: Path, run_deadline: float,
        meanwhile: Callable[[ReportStore], None]) -> tuple[dict[str, Any], float, ReportStore, int]:
    """A job of two feeds, A and B, on one host three seconds apart; `meanwhile` happens during
    the first request. What the job returned, how long it took, the store, and how many
    requests the host saw once B's turn had come."""
    slow = SlowFeed((realdata / BLOGS["Client blog"]).read_bytes(), 0.5)
    stores: list[ReportStore] = []

    def route(request: Request) -> Answer:
        if len(server.requests) == 1:
            meanwhile(stores[0])
        return slow(request)

    with serve(route) as server:
        settings = Settings(redis_url=redis_url, fetch_min_interval=3.0)  # type: ignore[call-arg]
        client = _worker_of(tmp_path, redis_url, {"A": f"rss:{server.url}/a.xml",
                                                  "B": f"rss:{server.url}/b.xml"}, settings)
        stores.append(ReportStore(client))
        stores[0].start_run(DAY, ["A", "B"], deadline=run_deadline, as_of=AS_OF.isoformat(), run_id="run1")
        started = time.monotonic()
        done = fanout.feed_job({"day": DAY.isoformat(), "run": "run1", "feeds": ["A", "B"]})
        took = time.monotonic() - started
        time.sleep(max(0.0, started + 4.0 - time.monotonic()))  # past B's turn
        return done, took, stores[0], len(server.requests)


def test_a_job_whose_run_was_replaced_stops_without_waiting_out_its_host_turns(
        tmp_path: Path, redis_url: str, realdata: Path) -> None:
    """Once the first line finds the run replaced, the job ends and the second feed gives up
    its turn instead of being fetched for nobody."""
    def restart(store: ReportStore) -> None:  # the day's run is started again meanwhile
        store.start_run(DAY, ["A", "B"], deadline=time.time() + 3600, as_of=AS_OF.isoformat(), run_id="run2")

    # its deadline already past: the run can be started again, as after a deadline
    done, took, store, requests = _job_interrupted_in_its_first_request(
        tmp_path, redis_url, realdata, time.time() - 1, restart)
    assert store.run_info(DAY)["id"] == "run2"
    assert done["status"] == JobStatus.STALE
    assert took < 2.5, f"the job waited {took:.1f} s for a feed nobody wanted any more"
    assert requests == 1, "B was fetched after its job had ended"


def test_a_job_fetches_its_feeds_as_many_at_a_time_as_the_in_process_run(
        tmp_path: Path, redis_url: str, realdata: Path) -> None:
    """More feeds in one job than it fetches at once, each answering in half a second: as many
    requests at once as the in-process run makes (`FETCH_THREADS`), and all done sooner than
    one at a time."""
    from assistant.reports.run import FETCH_THREADS

    route = SlowFeed((realdata / BLOGS["Client blog"]).read_bytes(), 0.5)
    names = [f"Blog {n}" for n in range(FETCH_THREADS + 2)]
    with serve(route) as server:
        settings = Settings(redis_url=redis_url, fetch_min_interval=0.0)  # type: ignore[call-arg]
        client = _worker_of(tmp_path, redis_url, {name: f"rss:{server.url}/{n}.xml"
                                                  for n, name in enumerate(names)}, settings)
        ReportStore(client).start_run(DAY, names, deadline=time.time() + 3600, as_of=AS_OF.isoformat(),
                                      run_id="run1")
        started = time.monotonic()
        done = fanout.feed_job({"day": DAY.isoformat(), "run": "run1", "feeds": names})
        took = time.monotonic() - started
    assert sorted(done["feeds"]) == sorted(names) and done["remaining"] == 0
    assert route.most == FETCH_THREADS
    assert took < len(names) * 0.5 / 2, f"{took:.1f} s: near as long as fetching them one at a time"


def test_a_job_for_a_day_already_posted_fetches_nothing(
        tmp_path: Path, redis_url: str, realdata: Path) -> None:
    """The deadline's assembler posted the report while this job was queued: its feeds would
    be fetched and audited for nobody."""
    route = SlowFeed((realdata / BLOGS["Client blog"]).read_bytes(), 0.0)
    with serve(route) as server:
        client = _worker_of(tmp_path, redis_url, {"A": f"rss:{server.url}/a.xml"})
        store = ReportStore(client)
        store.start_run(DAY, ["A"], deadline=time.time() + 3600, as_of=AS_OF.isoformat(), run_id="run1")
        store.finish(DAY, {"feeds": 1, "late": ["A"]})
        done = fanout.feed_job({"day": DAY.isoformat(), "run": "run1", "feeds": ["A"]})
        assert done == {"status": JobStatus.ALREADY_POSTED}
        assert server.requests == [] and store.lines(DAY) == {}


def test_a_job_whose_day_is_posted_while_it_runs_stops_after_that_line(
        tmp_path: Path, redis_url: str, realdata: Path) -> None:
    """The report goes out at its deadline during the first request: the job keeps no line
    after it and gives up the second feed's turn."""
    def post(store: ReportStore) -> None:  # the deadline's assembler
        store.finish(DAY, {"feeds": 2, "late": ["A", "B"]})

    done, took, store, requests = _job_interrupted_in_its_first_request(
        tmp_path, redis_url, realdata, time.time() + 3600, post)
    assert done == {"status": JobStatus.ALREADY_POSTED, "feeds": []}
    assert store.lines(DAY) == {}, "a line kept for a report already out"
    assert took < 2.5, f"the job waited {took:.1f} s for a feed nobody wanted any more"
    assert requests == 1, "B was fetched after the report was out"


@pytest.mark.parametrize("deadline", [0.3, 2.5, 59.9])
def test_the_deadline_assembler_is_never_due_before_the_deadline_it_checks(
        tmp_path: Path, redis_url: str, realdata: Path, deadline: float) -> None:
    """RQ files a scheduled job by the whole second, rounded down: an assembler due at a
    deadline with a fraction ran up to a second early, found the feeds pending and left the
    report waiting for the slowest feed instead of naming it late."""
    client = redis_lib.Redis.from_url(redis_url)
    workspace = _workspace(tmp_path, _blogs(realdata))
    asked = time.time() + deadline
    run_id = fanout.start(Settings(redis_url=redis_url), workspace, client, day=DAY, as_of=AS_OF,
                          deadline=deadline)
    checked = float(ReportStore(client).run_info(DAY)["deadline"])
    due = ScheduledJobRegistry(queue=queue(client)).get_scheduled_time(f"report-deadline-{run_id}")
    assert asked <= checked < asked + 2, "the deadline is the one asked for, to the next second"
    assert due.timestamp() >= checked, "the assembler is due no earlier than the deadline it checks"
