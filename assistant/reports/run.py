"""Run the daily report: fetch every tracked feed, audit, keep a snapshot, and post once.

The entry point for `assistant report daily`, `assistant report preview`, the scheduler
and the chat `/review report` command (`run_report(..., to=destination)`).

"Posts once" means, per date: each destination gets its report once (a Slack channel one
summary, one detail reply per feed and one chart; a Teams webhook one card), however often the run is
repeated, restarted or killed. The day is claimed with a Redis lease that the run renews
while it lives; a run that fails releases it at once, and a killed run's lease lapses
within `lease_seconds`. A run that finds the day held waits (up to `wait_seconds`) for
the holder to finish or its lease to lapse, then takes over. Each delivery step is an
effect (`assistant.effects`): recorded before the post and confirmed after it, and a
step left unconfirmed by a killed run is looked up in Slack (by the key in the
message's metadata) before anything is posted again. Anything still missing at the end
makes the run "partial" (exit status 1), so the scheduler retries it.

This is the in-process run; `assistant.reports.fanout` runs the same day over the workers
(jobs of a few feeds each) and delivers it under the same claim and the same steps.
"""

from __future__ import annotations

import logging
import os
import time as clock
from collections.abc import Callable, Generator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from assistant.config import FeedConfig, WorkspaceConfig
from assistant.errors import ConfigError, InputError
from assistant.reports.build import feed_line, last_score, quiet_finding, snapshot, went_quiet
from assistant.reports.destinations import Delivery
from assistant.reports.model import FeedLine, Report
from assistant.reports.outcome import DeliveryStatus, RunStatus
from assistant.reports.store import ReportStore, feed_key
from assistant.settings import Settings
from assistant.zones import zone_named

if TYPE_CHECKING:
    from assistant.checks.ruleset import RuleSet
    from assistant.context import Critic
    from assistant.models import Feed, FeedAudit

log = logging.getLogger(__name__)
FETCH_WINDOW = timedelta(days=30)
# Feeds fetched at once by a report in one process, and by each fanned-out job (each host
# still waits its turn: `fetch_min_interval`). Measured on 500 feeds of 100 ms a request:
# 8.1 s with 8, 5.5 s with 16, 6.1 s with 32 (by then the audits hold the interpreter).
FETCH_THREADS = 16


@dataclass
class ReportResult:
    status: RunStatus
    report: Report | None
    deliveries: list[Delivery] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False when anything is missing (a failed target, or a day still held by another
        run after waiting): the scheduler should run it again."""
        return self.status in (RunStatus.POSTED, RunStatus.ALREADY_POSTED, RunStatus.NOT_POSTED)

    @property
    def problem(self) -> str:
        """Why the run is not ok, for a chat answer: the first failed destination's error,
        or the status."""
        failed = [d for d in self.deliveries if d.status == DeliveryStatus.FAILED]
        return failed[0].error if failed and failed[0].error else str(self.status)


def zone(workspace: WorkspaceConfig) -> ZoneInfo:
    """The reports' zone (assistant.toml's `time_zone`, checked when the config was read)."""
    return zone_named(workspace.reports.time_zone)


def report_day(workspace: WorkspaceConfig, now: datetime | None = None) -> date:
    """Today in the reports' time zone (a 07:00 Sydney run reports Sydney's date)."""
    return (now or datetime.now(UTC)).astimezone(zone(workspace)).date()


def connect(settings: Settings) -> Any:
    """A Redis client, or None when REDIS_URL is not set."""
    if not settings.redis_url:
        return None
    from assistant.connections import connect as connect_redis

    return connect_redis(settings, "the reports keep their state in Redis")


def build_report(
    settings: Settings,
    workspace: WorkspaceConfig,
    *,
    day: date,
    feeds: list[FeedConfig] | None = None,
    now: datetime | None = None,
    store: ReportStore | None = None,
    http: Any = None,
    options: Any = None,
    use_llm: bool | None = None,
    rules: RuleSet | None = None,
    critic: Critic | None = None,
    name_from_data: bool = False,
    strict: bool = False,
) -> Report:
    """Fetch and audit every feed (failures become lines with their reason), with history.

    `rules` and `critic` are the service's when it runs the report (so a worker shares its
    rule set and critique cache); without them they are made from the workspace.
    `name_from_data`: the feeds' names were made up from their sources (`report preview
    FILE` without --name), so each line is named after the account its data shows, as
    `assistant audit` names it. `strict`: the feeds were typed by the user, so a local file
    that cannot be read as a feed raises its InputError instead of becoming a line (a live
    feed that cannot be fetched is a line either way)."""
    from assistant.context import Critic, rule_set

    as_of = report_as_of(workspace, day, now)
    rules = rules or rule_set(workspace)
    feeds = list(workspace.feeds if feeds is None else feeds)
    if http is None or options is None:
        from assistant.sources.fetch import fetch_setup

        shared_http, shared_options = fetch_setup(settings, store.client if store else None)
        http, options = http or shared_http, options or shared_options
    llm = settings.llm_configured if use_llm is None else use_llm
    critique = (critic or Critic(settings, rules)) if llm else None

    def fetch(cfg: FeedConfig) -> Fetched:
        return fetch_one(cfg, http, options, as_of, strict=strict)

    def audit(cfg: FeedConfig, fetched: Fetched) -> FeedLine:
        return audit_line(workspace, cfg, fetched, day=day, as_of=as_of, rules=rules, critique=critique,
                          store=store, name_from_data=name_from_data)

    # Files the user typed (`strict`) are all read first, so that one that is no feed stops
    # the command before any audit (or paid critique) is spent on the others.
    lines = dict(lines_as_fetched(feeds, fetch, audit, in_order=strict))
    return Report(agency=workspace.agency.name, day=day, as_of=as_of,
                  time_zone=workspace.reports.time_zone, feeds=[lines[i] for i in range(len(feeds))])


def lines_as_fetched(feeds: Sequence[FeedConfig], fetch: Callable[[FeedConfig], Fetched],
                     audit: Callable[[FeedConfig, Fetched], FeedLine], *,
                     in_order: bool = False) -> Generator[tuple[int, FeedLine], None, None]:
    """Each feed's line, with its place in `feeds`, as soon as the feed is in (a slow feed
    holds up only its own line): `FETCH_THREADS` fetched at a time while this thread audits
    those already in (a fetch mostly waits on the network, an audit on the CPU). `in_order`:
    every feed fetched first (the first failure raised), then audited in order.

    Closed early or failing, it starts no more fetches and does not wait for those under way
    (a request to a dead host retries for a minute): they end on their own."""
    pool = ThreadPoolExecutor(max_workers=max(1, min(FETCH_THREADS, len(feeds))))
    try:
        futures = {pool.submit(fetch, cfg): index for index, cfg in enumerate(feeds)}
        if in_order:
            for future in futures:
                future.result()
        for done in list(futures) if in_order else as_completed(futures):
            index, fetched = futures.pop(done), done.result()
            del done  # (a feed's posts are let go once its line is made)
            line = audit(feeds[index], fetched)
            del fetched
            yield index, line
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def report_as_of(workspace: WorkspaceConfig, day: date, now: datetime | None = None) -> datetime:
    """The report's moment: now, or the end of `day` for a past day (reports' time zone)."""
    tz = zone(workspace)
    end_of_day = datetime.combine(day, time(23, 59, 59), tzinfo=tz)
    return min(end_of_day, (now or datetime.now(UTC)).astimezone(tz))


@dataclass
class Fetched:
    """One feed as the report reads it: its posts, or why it has none, and, for a file of
    several authors, what was left out of it (the account judged is the feed's)."""

    feed: Feed | None
    error: str | None = None
    left_out: int = 0  # posts of other authors, not judged as this account's
    other_accounts: int = 0  # how many other authors wrote them


def fetch_one(cfg: FeedConfig, http: Any, options: Any, as_of: datetime, *,
              strict: bool = False) -> Fetched:
    """One feed as the report judges it, or why it could not be read: a file (or an
    export URL) whole, as `assistant audit` reads it; a live feed (Mastodon, Bluesky, RSS)
    its posts of the 30 days to `as_of` or, when it posted none in them, the 30 days to its
    last post (`audit_line` then says it went quiet). Posts after `as_of` stay: the audit
    leaves them out and counts them (`later`). `strict`: a local file that is no feed
    raises its InputError (see `build_report`)."""
    from assistant.sources.fetch import FetchError, fetch_feed, parse_source

    kind = None  # a malformed source string is no file: its InputError is a row
    try:
        kind = parse_source(cfg.source).kind
        since = None if kind in ("file", "url") else as_of - FETCH_WINDOW
        got = fetch_feed(cfg.source, name=cfg.name, owner=cfg.owner, platform=cfg.platform,
                         client=http, options=options, since=since, latest_if_quiet=True)
        if since is None:  # a file or an export: whole, its other authors' posts counted
            return Fetched(got.feed, left_out=got.left_out, other_accounts=got.other_accounts)
        feed = got.feed
        if not any(since <= p.created_at <= as_of for p in feed.posts):
            # A quiet account came back with its latest page. Only posts after `as_of` in the
            # window (a report of a past day): ask for its latest, as it was before.
            if kind in ("mastodon", "bluesky") and any(p.created_at >= since for p in feed.posts):
                latest = replace(options, max_posts=options.mastodon_page if kind == "mastodon"
                                 else options.bluesky_page)
                feed = fetch_feed(cfg.source, name=cfg.name, owner=cfg.owner,
                                  platform=cfg.platform, client=http, options=latest).feed
            out = [p.created_at for p in feed.posts if p.created_at <= as_of]
            since = max(out) - FETCH_WINDOW if out else since
        return Fetched(feed.model_copy(update={
            "posts": [p for p in feed.posts if p.created_at >= since]}))
    except FetchError as exc:
        return Fetched(None, exc.reason)
    except InputError as exc:
        if strict and kind == "file":
            raise
        return Fetched(None, str(exc))
    except Exception as exc:  # one broken feed must not stop the others
        log.exception("feed %s failed", cfg.name)
        return Fetched(None, f"unexpected error: {type(exc).__name__}: {exc}"[:300])


def audit_line(workspace: WorkspaceConfig, cfg: FeedConfig, fetched: Fetched, *,
               day: date, as_of: datetime, rules: RuleSet, critique: Critic | None,
               store: ReportStore | None, name_from_data: bool = False) -> FeedLine:
    """One feed's line of the report: its audit, insights and trend (history from `store`)."""
    from assistant.audit import audit_feed
    from assistant.context import domains_for
    from assistant.insights import insights
    from assistant.insights import lines as insight_lines

    audit = None
    feed, error = fetched.feed, fetched.error
    if feed is not None:
        judged = _until(feed.posts, as_of)  # (the later posts the audit only counts)
        if name_from_data:
            cfg = cfg.model_copy(update={"name": feed.account.name})
        own = domains_for(workspace.agency.own_domains, cfg.owner, cfg.own_domains)
        try:
            audit = audit_feed(feed, rules, as_of=as_of, own_domains=own, left_out=fetched.left_out)
            if critique is not None:
                audit = critique(audit, judged)
        except Exception as exc:
            log.exception("audit of %s failed", cfg.name)
            error = f"audit failed: {type(exc).__name__}: {exc}"[:300]
    quiet = audit is not None and feed is not None and lead_if_quiet(feed, audit)
    line = history_line(cfg, audit, error, day=day, store=store)
    if audit is not None and feed is not None:
        line.quiet, line.last_post = quiet, audit.stats.last_post
        line.other_accounts = fetched.other_accounts
        line.insights = insight_lines(insights(judged))
    return line


def lead_if_quiet(feed: Feed, audit: FeedAudit) -> bool:
    """Whether the feed posted nothing in the report's 30 days; if so its audit (of the 30
    days to its last post) is led by the finding that says so, as on every surface."""
    if not went_quiet(feed, audit, FETCH_WINDOW):
        return False
    audit.findings.insert(0, quiet_finding(audit, FETCH_WINDOW))
    return True


def _until(posts: list[Any], as_of: datetime) -> list[Any]:
    """The posts out by `as_of`: what the audit judged (the later ones it only counts)."""
    return [p for p in posts if p.created_at <= as_of]


def history_line(cfg: FeedConfig, audit: Any, error: str | None, *, day: date,
                 store: ReportStore | None) -> FeedLine:
    """A feed's line with the trend and the last score of the week before (a late feed's
    too): the change is since the last report, Friday's on a Monday when none ran at the
    weekend. Both come from one read of the 29 days before."""
    past = store.history(cfg.name, day - timedelta(days=1), 29) if store else []
    line = feed_line(cfg, audit, error=error, day=day, previous=last_score(past, day),
                     trend=[s for _, s in past])
    line.trend = line.trend + [line.score] if store else [line.score]
    line.history = store is not None
    return line


def run_report(
    settings: Settings,
    workspace: WorkspaceConfig,
    *,
    date: date | None = None,
    post: bool = True,
    to: dict[str, Any] | None = None,
    now: datetime | None = None,
    lease_seconds: int = 120,
    wait_seconds: float = 600,
    environ: Mapping[str, str] | None = None,
    http: Any = None,
    options: Any = None,
    use_llm: bool | None = None,
    request_id: str | None = None,
    rules: RuleSet | None = None,
    critic: Critic | None = None,
) -> ReportResult:
    """Build the report for `date` (default: today in reports.time_zone) and post it.

    `post=False` builds only (nothing posted, no snapshot written). `to` (a destination as
    configured, e.g. `{"kind": "slack", "channel": "C123"}`) posts on demand the report of
    the feeds routed to that destination only (`feeds_routed_to`), so one client's
    channel never sees another's feeds: no day claim, snapshots still saved, its posts
    keyed by `request_id` (the job's id, so a retried job posts only what is missing);
    with no feed routed there nothing is built and the status is "not-posted". Otherwise
    the daily flow: Redis is required, the day is claimed (or taken over from a dead run),
    and each destination is posted once. Destinations are delivered by the kinds the chat
    integrations registered (`assistant.reports.destinations.register`).
    """
    day = date or report_day(workspace, now)
    redis_client = connect(settings)
    store = ReportStore(redis_client, retention_days=workspace.reports.retention_days) \
        if redis_client is not None else None
    environ = os.environ if environ is None else environ

    def build(feeds: list[FeedConfig] | None = None) -> Report:
        return build_report(settings, workspace, day=day, feeds=feeds, now=now, store=store,
                            http=http, options=options, use_llm=use_llm, rules=rules,
                            critic=critic)

    if not post:
        return ReportResult(RunStatus.NOT_POSTED, build())
    if to is not None:
        from assistant.reports.deliver import deliver_to
        from assistant.reports.destinations import Setup, feeds_routed_to

        where = {k: v for k, v in to.items() if k != "kind"}
        routed = feeds_routed_to(workspace, to["kind"], **where)
        if not routed:
            return ReportResult(RunStatus.NOT_POSTED, None)
        report = build(routed)
        save_snapshots(store, report)
        delivery = deliver_to(to, report, Setup(settings, environ, workspace), store=store,
                              scope=f"ondemand:{request_id or os.urandom(8).hex()}")
        status = RunStatus.PARTIAL if delivery.status == DeliveryStatus.FAILED else RunStatus.POSTED
        return ReportResult(status, report, [delivery])
    if store is None:
        raise ConfigError("assistant report daily needs REDIS_URL (the day claim and the history "
                          "live in Redis); use `assistant report preview` without it")
    deadline = clock.monotonic() + wait_seconds
    while True:
        if store.is_done(day):
            return ReportResult(RunStatus.ALREADY_POSTED, None)
        lease = store.hold(day, lease_seconds)
        if lease is not None:
            break
        if clock.monotonic() >= deadline:
            return ReportResult(RunStatus.CLAIMED_ELSEWHERE, None)
        log.info("another run holds %s; waiting for it to finish or its lease to lapse", day)
        clock.sleep(min(1.0, max(deadline - clock.monotonic(), 0.01)))
    try:
        if store.is_done(day):  # finished by the run we waited for, just before its release
            return ReportResult(RunStatus.ALREADY_POSTED, None)
        report = build()
        deliveries = post_day(settings, workspace, report, store, environ)
        if any(d.status == DeliveryStatus.FAILED for d in deliveries):
            return ReportResult(RunStatus.PARTIAL, report, deliveries)
        return ReportResult(RunStatus.POSTED, report, deliveries)
    finally:
        lease.release()


def post_day(settings: Settings, workspace: WorkspaceConfig, report: Report, store: ReportStore,
             environ: Mapping[str, str]) -> list[Delivery]:
    """Keep the day's snapshots and deliver the report everywhere (under the day's lease);
    the day is marked done only when no destination failed."""
    from assistant.reports.deliver import deliver_all

    save_snapshots(store, report)
    deliveries = deliver_all(settings, workspace, report, store=store, environ=environ)
    if not any(d.status == DeliveryStatus.FAILED for d in deliveries):
        store.finish(report.day, {"feeds": len(report.feeds),
                                  "targets": [d.target for d in deliveries]})
    return deliveries


def save_snapshots(store: ReportStore | None, report: Report) -> None:
    """Keep each feed's numbers of the report's day (the history and tomorrow's deltas)."""
    if store is None:
        return
    for line in report.feeds:
        store.save_snapshot(line.name, report.day, snapshot(line, report.day))


__all__ = ["Delivery", "ReportResult", "RunStatus", "build_report", "feed_key", "report_day", "post_day", "run_report",
           "save_snapshots"]
