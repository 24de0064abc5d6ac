"""The Teams bot's part in a worker: present approvals in Teams (register the presenter).

Called once when a worker starts, after the core's approval jobs are configured; a
worker for a workspace with no `teams_channel` registers nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from redis import Redis

    from assistant.config import WorkspaceConfig
    from assistant.settings import Settings
    from integrations.teams.bot.approvals.presenter import TeamsPresenter
    from integrations.teams.bot.settings import TeamsSettings


def configure(settings: Settings, workspace: WorkspaceConfig, redis: Redis, *,
              teams: TeamsSettings | None = None) -> TeamsPresenter | None:
    """Register the Teams presenter when a client shows its posts in a Teams channel."""
    if not any(c.teams_channel for c in workspace.clients):
        return None
    from assistant.approvals import jobs
    from assistant.approvals.presenter import register
    from integrations.teams.bot.approvals.groups import GraphGroups
    from integrations.teams.bot.approvals.presenter import TeamsPresenter
    from integrations.teams.bot.connector import Connector
    from integrations.teams.bot.refs import ConversationRefs
    from integrations.teams.bot.settings import load_teams_settings

    try:
        import microsoft_teams.api  # noqa: F401 - the presenter speaks through the Teams SDK
    except ModuleNotFoundError:
        raise ConfigError("clients with a teams_channel need the Teams SDK in the worker: pip "
                          "install 'agency-assistant[teams]'") from None
    teams = teams or load_teams_settings()
    presenter = TeamsPresenter(Connector(ConversationRefs(redis), teams), redis)
    jobs.runtime().workflow.groups["teams"] = GraphGroups(redis, teams)
    register(presenter)
    return presenter
