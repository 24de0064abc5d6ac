"""Conversation references in Redis: where the bot may speak without being spoken to.

Teams gives a bot the service URL, conversation id and tenant of a conversation only when
something happens there (the app is installed, the bot is added to a team, someone writes
to it). They are kept here, so a worker can post a report or an approval card to a channel
later (a proactive message). A team's channels are listed under the team, so a channel
of a team that installed the bot is known even before anyone writes in it.

Keys (no TTL: a reference lives as long as the installation; removal deletes it):
`assistant:v1:teams:ref:{conversation id}` (hash), `assistant:v1:teams:team:{team id}` (set
of its channels' conversation ids). Delivered messages are remembered for ten minutes
(the core's message claim, `assistant:v1:message:teams:{conversation id}:{activity id}`)
so a redelivery is not answered twice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from redis import Redis

PREFIX = "assistant:v1:teams"


class UnknownConversation(ConfigError):
    """The bot has no reference for a conversation (it was never added there)."""


@dataclass(frozen=True)
class ConversationRef:
    """What a proactive message needs: where to send (service URL, conversation), as whom
    (bot id) and in which tenant. `team_id` and `name` are for people reading errors."""

    conversation_id: str
    service_url: str
    tenant_id: str = ""
    bot_id: str = ""
    bot_name: str = ""
    conversation_type: str = ""  # personal, channel or groupChat
    team_id: str = ""
    name: str = ""


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def base_id(conversation_id: str) -> str:
    """A conversation id without its thread part (`;messageid=...`): the channel's id."""
    return conversation_id.split(";", 1)[0]


class ConversationRefs:
    """Conversation references kept in Redis, keyed by conversation id."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    def _key(self, conversation_id: str) -> str:
        return f"{PREFIX}:ref:{base_id(conversation_id)}"

    def save(self, ref: ConversationRef) -> None:
        """Store (or refresh) a reference; a channel is also listed under its team."""
        ref = ConversationRef(**{**asdict(ref), "conversation_id": base_id(ref.conversation_id)})
        pipe = self.redis.pipeline()
        fields: dict[str | bytes, str] = {k: str(v) for k, v in asdict(ref).items()}
        pipe.hset(self._key(ref.conversation_id), mapping=fields)  # type: ignore[arg-type]
        if ref.team_id:
            pipe.sadd(f"{PREFIX}:team:{ref.team_id}", ref.conversation_id)
        pipe.execute()

    def find(self, conversation_id: str) -> ConversationRef | None:
        """The reference of a conversation (or channel), or None."""
        raw = self.redis.hgetall(self._key(conversation_id))
        if not raw:
            return None
        fields = {_text(k): _text(v) for k, v in raw.items()}
        known = set(ConversationRef.__dataclass_fields__)
        return ConversationRef(**{k: v for k, v in fields.items() if k in known})

    def get(self, conversation_id: str) -> ConversationRef:
        """The reference of a conversation, or `UnknownConversation` naming it and saying
        how to fix it."""
        ref = self.find(conversation_id)
        if ref is None:
            raise UnknownConversation(
                f"the Teams bot was never added to channel {base_id(conversation_id)!r}: add "
                "the app to its team (or write to the bot there) before sending to it")
        return ref

    def team_channels(self, team_id: str) -> list[str]:
        """Conversation ids of a team's known channels, sorted."""
        return sorted(_text(m) for m in self.redis.smembers(f"{PREFIX}:team:{team_id}"))

    def forget_team(self, team_id: str) -> None:
        """The app was removed from a team: drop its channels' references."""
        key = f"{PREFIX}:team:{team_id}"
        channels = self.team_channels(team_id)
        self.redis.delete(key, *(self._key(c) for c in channels))

    def first_delivery(self, conversation_id: str, activity_id: str, ttl: int = 600) -> bool:
        """True the first time an activity is seen: the Bot Connector redelivers a message
        it thinks went unanswered, and one message must get one answer."""
        from assistant.store import Store

        return Store(self.redis).claim_message("teams", base_id(conversation_id), activity_id,
                                               ttl)

    def forget(self, conversation_id: str) -> None:
        """The app was removed from a chat: drop its reference."""
        self.redis.delete(self._key(conversation_id))
