"""Teams' part of `assistant worker`: what it answers on, with the Teams answers registered.

A Teams-only agency runs the worker with `REDIS_URL`, `ASSISTANT_CONFIG` and the bot's
credentials (`CLIENT_ID`, `CLIENT_SECRET`, `TENANT_ID`), and no Slack variables.
"""

from __future__ import annotations

from typing import Any


def serves(settings: Any, workspace: Any) -> tuple[str | None, str]:
    """What a worker answers on in Teams (the bot, Workflows webhooks), or None and how to
    turn it on; the core `assistant worker` asks it."""
    import integrations.teams.channel  # noqa: F401 (the "teams-channel" report destination)
    import integrations.teams.replies  # noqa: F401 (answers to the bot's queued requests)
    from integrations.teams.webhook import serves as webhooks

    places: list[str] = []
    if _bot(workspace):
        places.append("the Teams bot")
    hooks, _ = webhooks(settings, workspace)
    if hooks:
        places.append(hooks)
    if not places:
        return None, ("CLIENT_ID, CLIENT_SECRET and TENANT_ID (the Teams bot), or a "
                      "teams_webhook in assistant.toml (ASSISTANT_CONFIG), for Teams")
    return " and ".join(places), ""


def _bot(workspace: Any) -> bool:
    """True when the bot's credentials are set (or its local-test mode is on), or when
    assistant.toml sends approvals or reports to a Teams channel."""
    from assistant.reports.destinations import feed_destinations, report_destinations
    from integrations.teams.bot.settings import load_teams_settings

    teams = load_teams_settings()
    if not teams.missing() or teams.allow_unauthenticated:
        return True
    if any(client.teams_channel for client in workspace.clients):
        return True
    specs = [*report_destinations(workspace),
             *(d for feed in workspace.feeds for d in feed_destinations(feed, workspace))]
    return any(spec["kind"] == "teams-channel" for spec in specs)
