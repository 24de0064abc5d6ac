"""Installation and membership: remember (or forget) the conversations the bot is in.

When the app is installed in a team the bot lists the team's channels and keeps a
reference for each, so reports and approval cards can go to any of them later.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from integrations.teams.bot.handlers.conversation import reference
from integrations.teams.bot.refs import ConversationRef

if TYPE_CHECKING:
    from microsoft_teams.apps import ActivityContext, App

    from integrations.teams.bot.deps import Deps

log = logging.getLogger("assistant.teams")


def register(app: App, deps: Deps) -> None:
    """Attach the installation and conversation-update handlers."""

    @app.on_install_add
    async def on_install(ctx: ActivityContext[Any]) -> None:
        await remember(ctx, deps)

    @app.on_install_remove
    async def on_uninstall(ctx: ActivityContext[Any]) -> None:
        await forget(ctx, deps)

    @app.on_conversation_update
    async def on_update(ctx: ActivityContext[Any]) -> None:
        activity = ctx.activity
        bot = activity.recipient.id if activity.recipient else None
        event = activity.channel_data.event_type if activity.channel_data else None
        if any(m.id == bot for m in activity.members_removed or []):
            await forget(ctx, deps)
        elif any(m.id == bot for m in activity.members_added or []):
            await remember(ctx, deps)
        elif event in ("channelCreated", "channelRenamed", "channelRestored"):
            await asyncio.to_thread(deps.refs.save, reference(activity))
        elif event == "channelDeleted":
            await asyncio.to_thread(deps.refs.forget, reference(activity).conversation_id)


async def remember(ctx: ActivityContext[Any], deps: Deps) -> None:
    """Store this conversation's reference and, in a team, every channel's."""
    ref = reference(ctx.activity)
    refs = [ref]
    if ref.team_id:
        refs += await team_channels(ctx, ref)
    for item in refs:
        await asyncio.to_thread(deps.refs.save, item)


async def team_channels(ctx: ActivityContext[Any], ref: ConversationRef) -> list[ConversationRef]:
    """References for the team's channels (from the Bot Connector's channel list)."""
    try:
        channels = await ctx.api.teams.get_conversations(ref.team_id)
    except Exception as exc:  # noqa: BLE001 - the installing channel is stored anyway
        log.warning("cannot list the channels of team %s: %s", ref.team_id, type(exc).__name__)
        return []
    return [replace(ref, conversation_id=c.id, name=c.name or ("General" if c.id == ref.team_id
                                                               else ""))
            for c in channels if c.id]


async def forget(ctx: ActivityContext[Any], deps: Deps) -> None:
    """The app was removed: drop the team's (or the chat's) references."""
    ref = reference(ctx.activity)
    if ref.team_id:
        await asyncio.to_thread(deps.refs.forget_team, ref.team_id)
    else:
        await asyncio.to_thread(deps.refs.forget, ref.conversation_id)
