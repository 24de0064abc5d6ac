"""The bolt app factory: one `App`, its listeners, and the state they share.

Listeners only acknowledge, claim and enqueue (a few milliseconds); reviews and audits run
in the worker. The listener pool is larger than bolt's default of 5 so that acks never
wait behind the few quick Web API calls made here (Home tab, modal).
"""

from __future__ import annotations

import logging
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


def create_app(settings: Settings, workspace: WorkspaceConfig, *, redis: Redis | None = None) -> App:
    """A configured bolt `App`; `redis` defaults to a client for `settings.redis_url`.

    `App()` calls `auth.test` on construction (against `settings.slack_api_url`).
    """
    from slack_bolt import App
    from slack_sdk import WebClient

    from assistant.service import Assistant
    from assistant.store import Store
    from integrations.slack.dedupe import event_dedupe
    from integrations.slack.deps import Deps
    from integrations.slack.listeners import actions, commands, events, shortcuts, views

    token = _secret(settings.slack_bot_token)
    if not token:
        raise ConfigError("SLACK_BOT_TOKEN is not set (the bot token, xoxb-...)")
    if redis is None:
        from assistant.connections import connect

        redis = connect(settings, "the Slack app keeps its queue and state in Redis", fail_fast=True)
    service = Assistant(workspace, settings=settings, redis=redis)
    store = Store(redis)
    deps = Deps(settings=settings, workspace=workspace, rules=service.rules, redis=redis,
                store=store, service=service)

    app = App(
        client=WebClient(token=token, base_url=settings.slack_api_url, timeout=WEB_API_TIMEOUT),
        logger=_bolt_logger(),
        signing_secret=_secret(settings.slack_signing_secret) or "",
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_THREADS,
                                             thread_name_prefix="slack-listener"),
        name="assistant",
    )
    app.use(event_dedupe(store))
    for module in (commands, actions, shortcuts, events, views):
        module.register(app, deps)
    return app


class _DropMessage(logging.Filter):
    """Drops one exact log message; everything else passes."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != self.message


def _bolt_logger() -> logging.Logger:
    """bolt's logger, without the start-up warning it gives for what we do on purpose.

    bolt reads SLACK_BOT_TOKEN from the environment by itself and warns that it "will be
    unused" because we pass a client (built from that same token, with our base URL and
    timeout). Every other bolt message passes through.
    """
    from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped

    logger = logging.getLogger("slack_bolt.App")
    expected = warning_client_prioritized_and_token_skipped()
    if not any(isinstance(f, _DropMessage) for f in logger.filters):
        logger.addFilter(_DropMessage(expected))
    return logger
