"""A Redis cache of critiques, with a lock so identical concurrent requests call the model once.

The cache is an optimisation and nothing more: with no URL it does nothing, and when Redis
is down every operation returns at once (short socket timeouts, no client retries, and a
pause of `down_for` seconds before the next try), so a review is never slower or broken
because of it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import time
from typing import Any

log = logging.getLogger("assistant.critique")

PREFIX = "assistant:v1:critique:"
LOCK_PREFIX = "assistant:v1:critique-lock:"
_RELEASE = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)


def cache_key(parts: dict[str, Any]) -> str:
    """A stable hash of everything that changes the answer."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class CritiqueCache:
    """Critiques in Redis under `assistant:v1:critique:<hash>`, each with a TTL."""

    def __init__(
        self,
        redis_url: str | None,
        *,
        cluster: bool = False,
        ttl: int = 7 * 24 * 3600,
        socket_timeout: float = 0.25,
        down_for: float = 30.0,
    ) -> None:
        self.ttl = ttl
        self.down_for = down_for
        self._down_until = 0.0
        self._client: Any = None
        self._url, self._cluster, self._socket_timeout = redis_url, cluster, socket_timeout

    def _connect(self) -> Any:
        # On first use, not at construction: a cluster client asks a node for the slot map
        # as it is made, and a cluster that is down then must cost the review nothing.
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        from assistant.connections import open_redis

        return open_redis(self._url or "", cluster=self._cluster,
                          socket_connect_timeout=self._socket_timeout,
                          socket_timeout=self._socket_timeout,
                          retry=Retry(NoBackoff(), 0), health_check_interval=0)

    @property
    def enabled(self) -> bool:
        """True when there is a Redis to talk to and it has not just failed."""
        return bool(self._url) and time.monotonic() >= self._down_until

    def _call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        if not self.enabled:
            return None
        try:
            if self._client is None:
                self._client = self._connect()
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - any cache failure means "no cache", never a failed review
            self._down_until = time.monotonic() + self.down_for
            log.warning(
                "critique cache unavailable (%s during %s); going on without it for %.0fs",
                type(exc).__name__,
                what,
                self.down_for,
            )
            return None

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached entry (answer, usage, model), or None."""
        raw = self._call("get", lambda: self._client.get(PREFIX + key))
        if not raw:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any], ttl: int | None = None) -> None:
        """Store an entry with its TTL (the default one when not given)."""
        blob = json.dumps(value, ensure_ascii=False)
        self._call("set", lambda: self._client.set(PREFIX + key, blob, ex=ttl or self.ttl))

    def acquire(self, key: str, ttl: float) -> str | None:
        """Try to become the one caller that asks the model.

        Returns a token to hand back to `release` when we may go ahead (also when there is
        no Redis: then the token is empty), or None when another caller holds the lock.
        """
        if not self.enabled:
            return ""
        token = secrets.token_hex(8)
        got = self._call(
            "lock",
            lambda: self._client.set(LOCK_PREFIX + key, token, nx=True, px=max(int(ttl * 1000), 1)),
        )
        if got:
            return token
        return "" if not self.enabled else None  # Redis just failed: go ahead without a lock

    def release(self, key: str, token: str | None) -> None:
        """Drop our lock (only ours: a lock that expired and was taken by another stays)."""
        if token:
            self._call("unlock", lambda: self._client.eval(_RELEASE, 1, LOCK_PREFIX + key, token))

    def locked(self, key: str) -> bool:
        """True while another caller holds the lock for `key`."""
        return bool(self._call("lock check", lambda: self._client.exists(LOCK_PREFIX + key)))

    def wait(self, key: str, timeout: float, poll: float = 0.05) -> dict[str, Any] | None:
        """Poll for the lock holder's answer until it lands, the lock goes, or `timeout`."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = self.get(key)
            if value is not None:
                return value
            if not self.locked(key):
                return self.get(key)
            time.sleep(poll)
        return None

    def close(self) -> None:
        if self._client is not None:
            self._call("close", self._client.close)
