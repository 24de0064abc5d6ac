"""`assistant worker`: run queued jobs, answered on every chat platform wired in.

The chat platforms come from the entry point's wiring (`assistant.cli.WIRING["workers"]`):
each says what it answers on with this configuration, and how to turn it on, so the
worker starts without Slack variables when only Teams is configured (and the reverse).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import click

# (settings, workspace) -> (what it answers on, or None; how to turn it on)
ChatWorker = Callable[[Any, Any], tuple[str | None, str]]


@click.command()
@click.option("--burst", is_flag=True, help="Stop when the queues are empty (tests, cron).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="ASSISTANT_CONFIG",
              help="assistant.toml (default: $ASSISTANT_CONFIG).")
@click.option("--grace", type=click.FloatRange(0), default=25.0, show_default=True,
              help="Seconds to finish the current job after SIGTERM before requeueing it.")
def worker(burst: bool, config_path: str | None, grace: float) -> None:
    """Run a worker: reviews, audits and reports queued by the chat apps, answered there.

    Safe to kill: a job whose worker dies is retried by the other workers within seconds,
    and SIGTERM finishes the current job (or requeues it after --grace seconds)."""
    from assistant.config import load_workspace
    from assistant.connections import connect
    from assistant.dispatch import configure, on_configure
    from assistant.jobs import run_worker
    from assistant.logs import log_to_stderr
    from assistant.settings import load_settings

    log_to_stderr()
    settings = load_settings()
    workspace = load_workspace(config_path or settings.config)
    wiring = click.get_current_context().find_root().obj or {}
    serves = answers_on(wiring.get("workers", ()), settings, workspace)
    if "destinations" in wiring:  # a fanned-out daily report is delivered by a worker
        wiring["destinations"]()
    redis = connect(settings, "the chat apps and the worker share a Redis")
    on_configure(_report_jobs)
    configure(settings, workspace, redis)
    click.echo(f"assistant: worker for {serves}; {_where(settings)}", err=True)
    run_worker(redis, burst=burst, grace=grace)


def _report_jobs(core: Any) -> None:
    """The fanned-out daily report's jobs share the worker's Redis, rules and HTTP client."""
    from assistant.reports import fanout

    fanout.configure(core.settings, core.workspace, core.redis, rules=core.service.rules,
                     fetcher=core.service.fetcher())


def answers_on(workers: Sequence[ChatWorker], settings: Any, workspace: Any) -> str:
    """What this worker can answer on, in words; a ConfigError when it can answer nowhere."""
    from assistant.errors import ConfigError

    platforms: list[str] = []
    hints: list[str] = []
    for chat in workers:
        serves, hint = chat(settings, workspace)
        if serves:
            platforms.append(serves)
        elif hint:
            hints.append(hint)
    if not platforms:
        raise ConfigError("the worker has nowhere to answer: " + ", or ".join(hints or [
            "no chat platform is installed"]))
    return " and ".join(platforms)


def _where(settings: Any) -> str:
    """Where the jobs and the state are, for the start-up line (no passwords)."""
    if not settings.queue_redis_url:
        return f"jobs from {safe_url(settings.redis_url)}"
    state = "the Redis Cluster at " if settings.redis_cluster else ""
    return f"jobs from {safe_url(settings.queue_redis_url)}, state on {state}{safe_url(settings.redis_url)}"


def safe_url(url: str | None) -> str:
    """A Redis URL without its password or query (`?password=`), for the start-up line."""
    from urllib.parse import urlsplit

    url = url or ""
    # the query and fragment go whole (a `?password=` is a password too); then the last "@"
    # ends the userinfo, whatever "@", ":" or "/" an unescaped password holds
    scheme, sep, rest = url.partition("://")
    rest = rest.split("?", 1)[0].split("#", 1)[0]
    userinfo, at, location = rest.rpartition("@")
    try:
        parts = urlsplit(f"{scheme}://{location}")
        host, port = parts.hostname or "", parts.port
    except ValueError:  # not a URL we can take apart: say nothing of it rather than leak it
        return "(the Redis URL not shown)"
    if not sep or (not at and "@" in url):  # an "@" past the query: where did userinfo end?
        return "(the Redis URL not shown)"
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    if at:
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:***@{netloc}" if ":" in userinfo or not user else f"{user}@{netloc}"
    return f"{scheme}://{netloc}{parts.path}"
