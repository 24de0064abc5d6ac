"""The bot's app factory: one Teams SDK `App` with its handlers, and its web application.

`POST /api/messages` is the SDK's (it verifies every request's Bot Framework token with
the app's credentials, or answers 401); `GET /healthz` is ours, for load balancers.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from fastapi import FastAPI
    from microsoft_teams.apps import App
    from redis import Redis

    from assistant.config import WorkspaceConfig
    from assistant.settings import Settings
    from integrations.teams.bot.settings import TeamsSettings


def create_app(settings: Settings, workspace: WorkspaceConfig, teams: TeamsSettings, *,
               redis: Redis | None = None) -> App:
    """A configured Teams `App` with every handler attached (not yet initialised)."""
    with warnings.catch_warnings():  # the SDK flags one of its own preview features at import
        warnings.simplefilter("ignore")
        try:
            from microsoft_teams.apps import App
        except ModuleNotFoundError:
            raise ConfigError("the Teams bot needs the Teams SDK: pip install "
                              "'agency-assistant[teams]'") from None

    from assistant.approvals.workflow import Workflow
    from integrations.teams.bot.approvals.groups import GraphGroups
    from integrations.teams.bot.deps import Deps
    from integrations.teams.bot.handlers import actions, approvals, lifecycle, messages
    from integrations.teams.bot.refs import ConversationRefs
    from integrations.teams.bot.work import Work

    if redis is None:
        from assistant.connections import connect

        redis = connect(settings, "the Teams bot keeps its state in Redis", fail_fast=True)
    workflow = Workflow(redis, workspace, groups={"teams": GraphGroups(redis, teams)})
    deps = Deps(work=Work(settings, workspace, redis), refs=ConversationRefs(redis),
                approvals=workflow)
    secret = teams.client_secret.get_secret_value() if teams.client_secret else None
    app = App(client_id=teams.client_id, client_secret=secret, tenant_id=teams.tenant_id,
              dangerously_allow_unauthenticated_requests=teams.allow_unauthenticated)
    for module in (messages, actions, approvals, lifecycle):
        module.register(app, deps)
    return app


async def web_app(app: App) -> FastAPI:
    """The ASGI application serving the bot: the SDK's routes plus `GET /healthz`."""
    from fastapi import FastAPI

    await app.initialize()
    web = getattr(app.server.adapter, "app", None)  # the SDK's default adapter: FastAPI
    if not isinstance(web, FastAPI):
        raise TypeError("the Teams app is not served by FastAPI")

    # FastAPI's own pages describe the bot's API to anyone who asks: not served.
    docs = {web.openapi_url, web.docs_url, web.redoc_url, web.swagger_ui_oauth2_redirect_url} - {None}
    web.router.routes[:] = [r for r in web.router.routes if getattr(r, "path", None) not in docs]

    @web.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return web
