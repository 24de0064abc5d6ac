"""The bolt app factory: one `App`, its listeners, and the state they share.

Listeners only acknowledge, claim and enqueue (a few milliseconds); reviews and audits run
in the worker. The listener pool is larger than bolt's default of 5 so that acks never
wait behind the few quick Web API calls made here (Home tab, modal).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from redis import Redis
    from slack_bolt import App

    from assistant.config import WorkspaceConfig
    from assistant.settings import Settings

LISTENER_THREADS = 32
WEB_API_TIMEOUT = 5  # seconds; the web process never waits long for Slack


def _secret(value: object) -> str | None:
    return value.get_secret_value() if value is not None else None  # type: ignore[attr-defined]


def _redis(url: str) -> Redis:
    """A Redis client that fails fast: acks are due within 3 s, and redis-py's default
    retries (with backoff) spend ~4 s on a dead server before the listener could say so."""
    import redis as redis_lib
    from redis.backoff import ExponentialBackoff
    from redis.retry import Retry

    return redis_lib.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=2.0,
                                    retry=Retry(ExponentialBackoff(cap=0.2, base=0.05), 1))


def create_app(settings: Settings, workspace: WorkspaceConfig, *, redis: Redis | None = None) -> App:
    """A configured bolt `App`; `redis` defaults to a client for `settings.redis_url`.

    `App()` calls `auth.test` on construction (against `settings.slack_api_url`).
    """
    from slack_bolt import App
    from slack_sdk import WebClient

    from assistant.checks.ruleset import RuleSet
    from assistant.store import Store
    from integrations.slack.dedupe import event_dedupe
    from integrations.slack.deps import Deps
    from integrations.slack.listeners import actions, commands, events, shortcuts, views

    token = _secret(settings.slack_bot_token)
    if not token:
        raise ConfigError("SLACK_BOT_TOKEN is not set (the bot token, xoxb-...)")
    if redis is None:
        if not settings.redis_url:
            raise ConfigError("REDIS_URL is not set: the Slack app keeps its queue and state in Redis")
        redis = _redis(settings.redis_url)
    rules = RuleSet.from_config(workspace.rules, path=workspace.path, text=workspace.text)
    store = Store(redis)
    deps = Deps(settings=settings, workspace=workspace, rules=rules, redis=redis, store=store)

    app = App(
        client=WebClient(token=token, base_url=settings.slack_api_url, timeout=WEB_API_TIMEOUT),
        signing_secret=_secret(settings.slack_signing_secret) or "",
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_THREADS,
                                             thread_name_prefix="slack-listener"),
        name="assistant",
    )
    app.use(event_dedupe(store))
    for module in (commands, actions, shortcuts, events, views):
        module.register(app, deps)
    return app
