"""Exactly-once outward effects for at-least-once jobs: an idempotency key per effect.

Jobs may run twice (a worker killed mid-job is retried; a frozen worker may wake up
after its job was requeued), so every outward call (a Slack message, a Teams card, a
report step) goes through `Effects.once(key, do, find=...)`:

1. `done` recorded under the key: the call already happened; its value (e.g. a Slack
   ts) is returned and nothing is sent.
2. Otherwise the key is locked (a short lease, renewed while the call runs) and marked
   `pending` *before* the call, then `done` with the call's value after it.
3. A `pending` mark found later means an earlier attempt died or failed mid-call: it may
   or may not have landed. Where the platform can be asked (`find`, e.g. a Slack message
   carrying the key in its metadata), the helper reconciles with what is really there;
   where it cannot, it sends again (at least once beats never for a report or an approval
   request; the window is the few milliseconds between the answer and the Redis write).
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redis import Redis

log = logging.getLogger(__name__)

PREFIX = "assistant:v1:effect:"
TTL = 8 * 24 * 3600  # longer than any job retry or report rerun
LEASE = 15.0  # seconds; a dead attempt's lock lapses after this
_RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0"
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class EffectBusy(RuntimeError):
    """Another live attempt holds this effect for longer than we were willing to wait.
    Flow control: the caller's retry policy takes it as transient and tries again, so it
    is not an `AssistantError` (whose text is for a person)."""


@dataclass(frozen=True)
class Done:
    """An effect that has happened: its value, and whether this call made it happen."""

    value: str
    fresh: bool


class Lease:
    """A Redis lock with a TTL, renewed in the background while held (released on exit)."""

    def __init__(self, redis: Redis, key: str, seconds: float) -> None:
        self.redis, self.key, self.ms = redis, key, int(seconds * 1000)
        self.token = secrets.token_hex(8)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def acquire(self) -> bool:
        if not self.redis.set(self.key, self.token, nx=True, px=self.ms):
            return False
        self._thread = threading.Thread(target=self._renew, daemon=True, name="lease")
        self._thread.start()
        return True

    def _renew(self) -> None:
        while not self._stop.wait(self.ms / 3000):
            try:
                if not self.redis.eval(_RENEW, 1, self.key, self.token, self.ms):
                    return
            except Exception:  # noqa: BLE001 (Redis away: the lease lapses, which is safe)
                log.warning("cannot renew lease %s", self.key)

    def release(self) -> None:
        self._stop.set()
        try:
            self.redis.eval(_RELEASE, 1, self.key, self.token)
        except Exception:  # noqa: BLE001 (it lapses by itself)
            log.warning("cannot release lease %s", self.key)


class Effects:
    """Idempotency records in Redis: `assistant:v1:effect:<key>` (JSON, with a TTL)."""

    def __init__(self, redis: Redis, *, ttl: int = TTL, lease: float = LEASE,
                 wait: float = 4 * LEASE) -> None:
        self.redis, self.ttl, self.lease, self.wait = redis, ttl, lease, wait

    def record(self, key: str) -> dict[str, object] | None:
        raw = self.redis.get(PREFIX + key)
        return json.loads(raw) if raw else None

    def value(self, key: str) -> str | None:
        """The value of a done effect, else None."""
        rec = self.record(key)
        return str(rec["value"]) if rec and rec.get("state") == "done" else None

    def confirm(self, key: str, value: str) -> None:
        """Record `key` as done with `value` (also used to adopt what reconciliation found)."""
        body = json.dumps({"state": "done", "value": value, "at": time.time()})
        self.redis.set(PREFIX + key, body, ex=self.ttl)

    def once(self, key: str, do: Callable[[], str], *,
             find: Callable[[float], str | None] | None = None) -> Done:
        """Run `do()` unless the effect `key` already happened; returns its value.

        `find(since)` looks the effect up on the platform (since: when the unfinished
        attempt started, epoch seconds) and returns its value, or None when it is not
        there. An exception from `do` leaves the effect pending, so the next attempt
        reconciles before sending.
        """
        deadline = time.monotonic() + self.wait
        while True:
            done = self.value(key)
            if done is not None:
                return Done(done, False)
            lease = Lease(self.redis, PREFIX + key + ":lock", self.lease)
            if lease.acquire():
                break
            if time.monotonic() > deadline:
                raise EffectBusy(f"effect {key} is held by another attempt")
            time.sleep(0.1)
        try:
            rec = self.record(key)
            if rec and rec.get("state") == "done":
                return Done(str(rec["value"]), False)
            if rec and rec.get("state") == "pending" and find is not None:
                found = find(float(rec.get("since", 0.0)))  # type: ignore[arg-type]
                if found is not None:
                    log.info("effect %s had landed before its attempt died: adopted", key)
                    self.confirm(key, found)
                    return Done(found, False)
            attempts = int(rec.get("attempts", 0)) if rec else 0  # type: ignore[call-overload]
            since = float(rec["since"]) if rec and "since" in rec else time.time()  # type: ignore[arg-type]
            body = json.dumps({"state": "pending", "since": since, "attempts": attempts + 1})
            self.redis.set(PREFIX + key, body, ex=self.ttl)
            value = do()
            self.confirm(key, value)
            return Done(value, True)
        finally:
            lease.release()
