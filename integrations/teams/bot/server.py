"""Serving the bot: uvicorn on the given port, until stopped."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from microsoft_teams.apps import App


async def _serve(app: App, host: str, port: int) -> None:
    import uvicorn

    from integrations.teams.bot.app import web_app

    web = await web_app(app)
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", access_log=False)
    await uvicorn.Server(config).serve()


def serve(app: App, *, host: str, port: int) -> None:
    """Serve `POST /api/messages` and `GET /healthz` until SIGINT or SIGTERM."""
    asyncio.run(_serve(app, host, port))
