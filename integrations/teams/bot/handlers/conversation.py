"""Reading where an activity came from: its conversation reference and the bot's mention."""

from __future__ import annotations

from typing import Any

from integrations.teams.bot.refs import ConversationRef, base_id


def reference(activity: Any) -> ConversationRef:
    """The conversation reference an activity carries. In a channel the reference is the
    channel's (not the thread's), so a later message can start a new thread there."""
    conversation = activity.conversation
    data = activity.channel_data
    team = getattr(data, "team", None) if data else None
    channel = getattr(data, "channel", None) if data else None
    tenant = getattr(conversation, "tenant_id", None) or (
        data.tenant.id if data is not None and getattr(data, "tenant", None) else "")
    conversation_id = base_id(channel.id if channel and channel.id else conversation.id)
    return ConversationRef(
        conversation_id=conversation_id,
        service_url=activity.service_url or "",
        tenant_id=tenant or "",
        bot_id=activity.recipient.id if activity.recipient else "",
        bot_name=(activity.recipient.name or "") if activity.recipient else "",
        conversation_type=conversation.conversation_type or "",
        team_id=(team.id or "") if team else "",
        name=(channel.name or "") if channel else (conversation.name or ""),
    )


def bot_mentions(activity: Any) -> tuple[str, ...]:
    """The `<at>...</at>` texts in a message that mention the bot itself."""
    bot = activity.recipient.id if activity.recipient else None
    found = []
    for entity in activity.entities or []:
        if getattr(entity, "type", None) != "mention":
            continue
        mentioned = getattr(entity, "mentioned", None)
        text = getattr(entity, "text", None)
        if mentioned is not None and mentioned.id == bot and text:
            found.append(text)
    return tuple(found)
