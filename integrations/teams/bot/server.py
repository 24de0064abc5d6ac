"""Serving the bot: uvicorn on the given port until SIGINT or SIGTERM, then a clean exit."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from microsoft_teams.apps import App

GRACE = 10  # seconds for in-flight requests after a stop signal
# What the SDK logs at start-up that `serve` already says in its own words.
_SAID_ALREADY = ("microsoft_teams.apps.app", "microsoft_teams.apps.http.http_server")


async def _serve(app: App, host: str, port: int) -> None:
    import uvicorn

    from integrations.teams.bot.app import web_app

    web = await web_app(app)
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", access_log=False,
                            timeout_graceful_shutdown=GRACE)
    await uvicorn.Server(config).serve()


def quiet_sdk_warnings() -> None:
    """Hide the SDK's warnings about missing credentials: `serve` says it in its own words."""
    for name in _SAID_ALREADY:
        logging.getLogger(name).setLevel(logging.ERROR)


def serve(app: App, *, host: str, port: int) -> None:
    """Serve `POST /api/messages` and `GET /healthz` until SIGINT or SIGTERM.

    uvicorn drains in-flight requests on the signal and then raises it again for the
    process; the handlers installed here take that second delivery, so a stop is a
    clean exit rather than a KeyboardInterrupt.
    """
    previous = {number: signal.signal(number, lambda *_: None)
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        asyncio.run(_serve(app, host, port))
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
