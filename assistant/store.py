"""Shared state in Redis: namespaced, versioned keys (`assistant:v1:...`) with TTLs.

Chat apps claim each delivery here so a platform's retries (and, on Slack, one message
arriving as both `message` and `app_mention`) produce one answer, whichever process
receives them. Claims carry the chat platform, so two platforms' ids never collide.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis import Redis

PREFIX = "assistant:v1"
EVENT_TTL = 3600  # platforms retry for minutes (Slack about 5); keep claims well past that.
HEALTH_TTL = 90 * 24 * 3600


def key(*parts: str) -> str:
    """A namespaced key: `assistant:v1:<part>:<part>...`."""
    return ":".join((PREFIX, *parts))


class Store:
    """The few Redis operations the chat apps need, each atomic."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    def _claim(self, name: str, ttl: int) -> bool:
        return bool(self.redis.set(name, "1", nx=True, ex=ttl))

    def claim_event(self, platform: str, workspace: str, event_id: str,
                    ttl: int = EVENT_TTL) -> bool:
        """True the first time a platform's event delivery is seen (in a workspace, team or
        tenant); False for its retries."""
        return self._claim(key("event", platform, workspace or "-", event_id), ttl)

    def claim_message(self, platform: str, conversation: str, message: str,
                      ttl: int = EVENT_TTL) -> bool:
        """True the first time a message is handled, whatever event carried it."""
        return self._claim(key("message", platform, conversation, message), ttl)

    def message_claimed(self, platform: str, conversation: str, message: str) -> bool:
        """Whether `claim_message` was already called for this message."""
        return bool(self.redis.exists(key("message", platform, conversation, message)))

    def record_health(self, feed: str, score: int, as_of: str, source: str = "") -> None:
        """Remember a feed's latest health score (shown on the Home tab)."""
        name = key("health", "latest")
        value = json.dumps({"score": score, "as_of": as_of, "source": source})
        pipe = self.redis.pipeline()
        pipe.hset(name, feed, value)
        pipe.expire(name, HEALTH_TTL)
        pipe.execute()

    def latest_health(self, tracked: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Latest health score of each `tracked` feed name (case-insensitive) that has one.

        Only tracked feeds: a release before this one recorded audits of sources typed in
        chat too, which must not reach every member's Home tab (nor do feeds since removed
        from assistant.toml).
        """
        names = {name.casefold() for name in tracked}
        raw = self.redis.hgetall(key("health", "latest"))
        out: dict[str, dict[str, Any]] = {}
        for feed, value in sorted(raw.items()):
            name = feed.decode() if isinstance(feed, bytes) else feed
            if name.casefold() not in names:
                continue
            try:
                out[name] = json.loads(value)
            except (ValueError, TypeError):
                continue
        return out
