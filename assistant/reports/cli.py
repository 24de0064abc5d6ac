"""`assistant report preview` and `assistant report daily` (registered on the main CLI).

Heavy imports (fetchers, audit, Redis, slack_sdk, matplotlib) load inside the commands.
"""

from __future__ import annotations

import sys
from datetime import date as Date
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from assistant.config import WorkspaceConfig
    from assistant.errors import InputError
    from assistant.settings import Settings


def _day(value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--date") from None


@click.group()
def report() -> None:
    """Daily feed health reports: preview in the terminal, or post to Slack and Teams."""


@report.command()
@click.argument("sources", nargs=-1)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="ASSISTANT_CONFIG",
              help="assistant.toml with [[feeds]] (default: $ASSISTANT_CONFIG).")
@click.option("--owner", type=click.Choice(["agency", "executive", "client"]), default="client",
              show_default=True, help="Whose feeds the SOURCES are.")
@click.option("--name", "names", multiple=True,
              help="Name of each SOURCE, in order: one per SOURCE, or none (a file is then "
                   "named by its data, as `assistant audit` names it; a live feed by its source).")
@click.option("--date", "day", help="Report date (YYYY-MM-DD; default: today in reports.time_zone).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--llm/--no-llm", "use_llm", default=None, help="Force or skip the feed critique.")
def preview(sources: tuple[str, ...], config_path: str | None, owner: str, names: tuple[str, ...],
            day: str | None, output_format: str, use_llm: bool | None) -> None:
    """Print the report without posting: the configured feeds, or SOURCES (files, rss:URL,
    mastodon:@user@host, bluesky:handle, https export URLs). Reads each feed's last report
    (within 7 days) from Redis when REDIS_URL is set; never writes."""
    from assistant.config import FeedConfig, load_workspace
    from assistant.errors import InputError
    from assistant.reports.run import build_report, connect, report_day
    from assistant.reports.store import ReportStore
    from assistant.settings import load_settings

    if names and len(names) != len(sources):
        if not sources:
            raise click.UsageError("--name names SOURCES, and none were given")
        raise click.UsageError(
            f"{len(sources)} SOURCE{'S' if len(sources) != 1 else ''} but {len(names)} --name: "
            "give one --name per SOURCE, in their order, or none")
    settings = load_settings()
    workspace = load_workspace(config_path)
    feeds = None
    if sources:
        from assistant.sources.fetch import public_source

        for source in sources:
            _check_source(source)
        # a name made from the source is shown: made from its public form (no token)
        shown = [public_source(source).removesuffix("?…") for source in sources]
        feeds = [FeedConfig.model_validate({
                     "name": names[i] if names else shown[i].rsplit("/", 1)[-1] or shown[i],
                     "owner": owner, "source": source})
                 for i, source in enumerate(sources)]
    elif not workspace.feeds:
        _no_feeds(config_path, "add some there, or give SOURCES",
                  "no feeds: give SOURCES, or a --config (or ASSISTANT_CONFIG) with [[feeds]]")
    redis_client = connect(settings)
    store = ReportStore(redis_client, retention_days=workspace.reports.retention_days) \
        if redis_client is not None else None
    try:
        # SOURCES are the user's to correct: a file that is no feed is a mistake, not a row
        result = build_report(settings, workspace, day=_day(day) or report_day(workspace),
                              feeds=feeds, store=store, use_llm=use_llm,
                              name_from_data=bool(sources) and not names, strict=bool(sources))
    except InputError as exc:  # one line, exit 2 (assistant.cli.main), as the file says it
        raise _for_a_report(exc) from None
    if output_format == "json":
        click.echo(result.model_dump_json(indent=2))
    else:
        from assistant.reports.text import print_report

        print_report(result)


def _no_feeds(config_path: str | None, then: str, without_config: str) -> NoReturn:
    """No feed to report on, said as it is: the config given (--config or ASSISTANT_CONFIG)
    has none (`then`: what to do), or no config was given at all (`without_config`)."""
    from assistant.errors import ConfigError

    if config_path is not None:
        raise ConfigError(f"no [[feeds]] in it: {then}", path=config_path)
    raise click.UsageError(without_config)


def _check_source(source: str) -> None:
    """A SOURCE that names no source (a typo'd kind, a malformed handle or URL) is refused
    before anything is fetched, in one line naming it as typed (a URL without its user
    info and query string, which may hold a token)."""
    from assistant.errors import InputError
    from assistant.sources.fetch import BadSource, parse_source, public_source

    try:
        parse_source(source)
    except InputError as exc:
        typed = public_source(source) if "://" in source else source.strip()
        problem = exc.problem if isinstance(exc, BadSource) else exc.message
        raise InputError(f"{typed}: {problem}") from None


def _for_a_report(exc: InputError) -> InputError:
    """A file's problem without advice naming `assistant audit`'s options (--source, --map):
    a report takes an export as it is."""
    from assistant.sources import FORMATS, UnknownFormat

    if isinstance(exc, UnknownFormat):
        return exc.without_hint(f"a report reads {', '.join(FORMATS)}, told apart by their content")
    return exc.without_hint()


@report.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="ASSISTANT_CONFIG",
              help="assistant.toml with [[feeds]] and [reports] (default: $ASSISTANT_CONFIG).")
@click.option("--date", "day", help="Report date (YYYY-MM-DD; default: today in reports.time_zone).")
@click.option("--lease-seconds", type=click.IntRange(1), default=120, show_default=True,
              help="How long the day stays claimed after this run dies (renewed while it lives).")
@click.option("--wait-seconds", type=click.FloatRange(0), default=600, show_default=True,
              help="How long to wait for another run holding the day before giving up (exit 1).")
@click.option("--llm/--no-llm", "use_llm", default=None, help="Force or skip the feed critique.")
@click.option("--fan-out/--in-process", "fan_out", default=False, envvar="ASSISTANT_REPORT_FANOUT",
              show_default=True,
              help="Queue the feeds in jobs for the workers (`assistant worker`), then wait for "
                   "their report; or fetch every feed in this process.")
@click.option("--deadline-seconds", type=click.FloatRange(1), default=1800, show_default=True,
              help="With --fan-out: feeds without a result by then are reported as late.")
def daily(config_path: str | None, day: str | None, lease_seconds: int, wait_seconds: float,
          use_llm: bool | None, fan_out: bool, deadline_seconds: float) -> None:
    """Fetch, audit, snapshot and post today's report once. Exit 1 ("partial") while
    anything is missing, so the scheduler runs it again; a rerun posts only what is missing."""
    from assistant.config import load_workspace
    from assistant.reports.outcome import RunStatus
    from assistant.reports.run import run_report
    from assistant.settings import load_settings

    settings = load_settings()
    workspace = load_workspace(config_path)
    if not workspace.feeds:
        _no_feeds(config_path, "nothing to report",
                  "no config: give --config assistant.toml with [[feeds]] (or set ASSISTANT_CONFIG)")
    if fan_out:
        _fan_out(settings, workspace, _day(day), deadline_seconds, wait_seconds)
        return
    # the destinations' kinds come from the entry point (assistant.cli), which wires the
    # chat platforms in
    wiring = click.get_current_context().find_root().obj or {}
    if "destinations" in wiring:
        wiring["destinations"]()
    result = run_report(settings, workspace, date=_day(day), lease_seconds=lease_seconds,
                        wait_seconds=wait_seconds, use_llm=use_llm)
    if result.status == RunStatus.ALREADY_POSTED:
        click.echo("assistant report: already posted for this date; nothing to do", err=True)
        return
    if result.status == RunStatus.CLAIMED_ELSEWHERE:
        click.echo(f"assistant report: partial: another run still holds this date after "
                   f"{wait_seconds:g} s; run again later", err=True)
        sys.exit(1)
    for delivery in result.deliveries:
        detail = f": {delivery.error}" if delivery.error else ""
        click.echo(f"{delivery.kind} {delivery.target}: {delivery.status}{detail}", err=True)
    if result.report:
        failed = [f for f in result.report.feeds if f.error]
        click.echo(f"assistant report: {len(result.report.feeds)} feeds, {len(failed)} not "
                   f"fetched, status {result.status}", err=True)
    if not result.ok:
        sys.exit(1)


def _fan_out(settings: Settings, workspace: WorkspaceConfig, day: Date | None, deadline: float,
             wait: float) -> None:
    """Queue the day's jobs, then wait for the workers to post it (exit 1 if they have not)."""
    from datetime import UTC, datetime

    from assistant.errors import ConfigError
    from assistant.reports import fanout
    from assistant.reports.run import connect, report_as_of, report_day
    from assistant.reports.store import ReportStore

    redis_client = connect(settings)
    if redis_client is None:
        raise ConfigError("assistant report daily --fan-out needs REDIS_URL (the job queue the "
                          "workers read); without it, run it --in-process")
    day = day or report_day(workspace)
    store = ReportStore(redis_client, retention_days=workspace.reports.retention_days)
    if store.is_done(day):
        click.echo("assistant report: already posted for this date; nothing to do", err=True)
        return
    as_of = report_as_of(workspace, day, datetime.now(UTC))
    run_id = fanout.start(settings, workspace, redis_client, day=day, as_of=as_of,
                          deadline=deadline)
    click.echo(f"assistant report: {len(workspace.feeds)} feeds queued for the workers "
               f"(run {run_id}); waiting for the report", err=True)
    if not fanout.workers_listening(redis_client):
        click.echo("assistant report: no `assistant worker` is running on this Redis yet; the "
                   "jobs wait in the queue until one starts", err=True)
    if not fanout.wait_done(store, day, deadline + wait):
        click.echo("assistant report: partial: the workers have not posted the report yet; "
                   "run again later (what was posted is not posted twice)", err=True)
        sys.exit(1)
    click.echo("assistant report: posted by the workers", err=True)
