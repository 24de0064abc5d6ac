"""Report state in Redis: daily snapshots per feed, the day claim, and delivery steps.

Keys (all under `assistant:v1:report:`, all with a TTL):
    snap:<feed>:<date>          one feed's numbers for one day (retention_days)
    {day:<date>}:claim          the lease of the run posting that day (SET NX, renewed
                                while the run lives, lapses lease_seconds after it dies)
    {day:<date>}:done           the day was posted completely (retention_days)
    {day:<date>}:run            a fanned-out run of the day: its id, deadline, moment (hash)
    {day:<date>}:pending        the feeds whose worker job has not reported yet (set)
    {day:<date>}:lines          each reported feed's line as JSON (hash)
    host:<host>                 the next moment a fetch may start on that host (workers')

A day's keys share the hash tag `{day:<date>}`, so the scripts that touch several of them
run on Redis Cluster (every key of one call in one slot). `done:<date>`, the older name
of the done mark, is still read.

Delivery steps are effects (`assistant.effects`, key `report:{date}:{target}:{step}`):
"posted once" is per target and per step, and a rerun after a crash or a failed channel
skips every step already done and does only the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
from datetime import date
from typing import Any

from assistant.effects import Effects, Lease
from assistant.reports.model import last_days

PREFIX = "assistant:v1:report:"
DAY = 24 * 3600


def feed_key(name: str) -> str:
    """A stable, readable key for a feed: its slugged name plus a short hash of the name."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "feed"
    return f"{slug}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


# KEYS: run, pending, lines. ARGV: run id, deadline (epoch s), as_of, ttl, now, feed names...
# A run still before its deadline is kept (its id is returned); one past it is replaced.
START = """
local current = redis.call('hget', KEYS[1], 'id')
local deadline = tonumber(redis.call('hget', KEYS[1], 'deadline') or '0')
if current and tonumber(ARGV[5]) < deadline then return current end
redis.call('del', KEYS[1], KEYS[2], KEYS[3])
redis.call('hset', KEYS[1], 'id', ARGV[1], 'deadline', ARGV[2], 'as_of', ARGV[3])
redis.call('expire', KEYS[1], ARGV[4])
for i = 6, #ARGV do redis.call('sadd', KEYS[2], ARGV[i]) end
redis.call('expire', KEYS[2], ARGV[4])
return ARGV[1]
"""

# KEYS: run, pending, lines, done. ARGV: run id, feed, line JSON, ttl. Returns the feeds
# still pending; -1 when the run was replaced, -2 when the day is posted already (the
# deadline came first): either way the line is dropped.
RECORD = """
if redis.call('hget', KEYS[1], 'id') ~= ARGV[1] then return -1 end
if redis.call('exists', KEYS[4]) == 1 then return -2 end
redis.call('hset', KEYS[3], ARGV[2], ARGV[3])
redis.call('expire', KEYS[3], ARGV[4])
redis.call('srem', KEYS[2], ARGV[2])
return redis.call('scard', KEYS[2])
"""

# KEYS: host slot. ARGV: interval ms. Milliseconds to wait before this fetch may start.
HOST_TURN = """
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local slot = math.max(now, tonumber(redis.call('get', KEYS[1]) or '0'))
local nxt = slot + tonumber(ARGV[1])
redis.call('set', KEYS[1], nxt, 'px', nxt - now + 1000)
return slot - now
"""


# What `record_line` answers instead of the feeds still pending.
STALE_RUN, DAY_POSTED = -1, -2


def day_key(day: date, part: str) -> str:
    """A key of one report day's state; all share the day's hash tag (one cluster slot)."""
    return f"{PREFIX}{{day:{day.isoformat()}}}:{part}"


def step_key(scope: str, target: str, step: str) -> str:
    """The effect key of one delivery step: `report:{scope}:{target}:{step}`."""
    return f"report:{scope}:{target_key(target)}:{step}"


def target_key(target: str) -> str:
    """A key for a delivery target that never holds the target itself (webhook URLs are secrets)."""
    return hashlib.sha256(target.encode("utf-8")).hexdigest()[:16]


class ReportStore:
    """Snapshots, claims and steps for the daily report, on one Redis connection."""

    def __init__(self, client: Any, *, retention_days: int = 90) -> None:
        self.client = client
        self.retention = max(retention_days, 31) * DAY  # the trend chart needs 30 days

    # snapshots -------------------------------------------------------------------------
    def save_snapshot(self, feed: str, day: date, snapshot: dict[str, Any]) -> None:
        key = f"{PREFIX}snap:{feed_key(feed)}:{day.isoformat()}"
        self.client.set(key, json.dumps(snapshot, default=str), ex=self.retention)

    def snapshot(self, feed: str, day: date) -> dict[str, Any] | None:
        raw = self.client.get(f"{PREFIX}snap:{feed_key(feed)}:{day.isoformat()}")
        return json.loads(raw) if raw else None

    def history(self, feed: str, end: date, days: int = 30) -> list[tuple[date, int | None]]:
        """Scores of the `days` days ending on `end` (None where no snapshot has a score):
        the trend, and the last score the change is since (`build.last_score`)."""
        dates = last_days(end, days)
        key = feed_key(feed)
        # One round trip, one GET a day: the days' keys lie in different Cluster slots, and
        # a cluster client splits a pipeline by node where one MGET would be refused.
        pipe = self.client.pipeline(transaction=False)
        for d in dates:
            pipe.get(f"{PREFIX}snap:{key}:{d.isoformat()}")
        raws = pipe.execute()
        scores = [json.loads(raw).get("score") if raw else None for raw in raws]
        return list(zip(dates, scores, strict=True))

    # the day claim ---------------------------------------------------------------------
    def is_done(self, day: date) -> bool:
        # two calls: the older key is in another slot, and one EXISTS must stay in one
        return bool(self.client.exists(day_key(day, "done"))) or \
            bool(self.client.exists(f"{PREFIX}done:{day.isoformat()}"))

    def claim(self, day: date, lease_seconds: int) -> str | None:
        """A token when this run now owns the day, None when another run holds it."""
        token = secrets.token_hex(16)
        ok = self.client.set(day_key(day, "claim"), token, nx=True, ex=lease_seconds)
        return token if ok else None

    def hold(self, day: date, lease_seconds: int) -> Lease | None:
        """Claim the day with a lease renewed while this process lives; None when held."""
        lease = Lease(self.client, day_key(day, "claim"), lease_seconds)
        return lease if lease.acquire() else None

    def finish(self, day: date, summary: dict[str, Any]) -> None:
        self.client.set(day_key(day, "done"), json.dumps(summary, default=str),
                        ex=self.retention)

    # delivery steps --------------------------------------------------------------------
    def effects(self) -> Effects:
        """The step records (idempotency keys) of the report's posts."""
        return Effects(self.client, ttl=max(self.retention, 7 * DAY))

    def step(self, day: date, target: str, step: str) -> str | None:
        """The value of a step already done (a Slack ts, a file id), else None."""
        return self.effects().value(step_key(f"{day.isoformat()}", target, step))

    # a fanned-out run (assistant.reports.fanout) ---------------------------------------
    def _state(self, day: date) -> list[str]:
        return [day_key(day, "run"), day_key(day, "pending"), day_key(day, "lines")]

    def start_run(self, day: date, feeds: list[str], *, deadline: float, as_of: str,
                  run_id: str) -> str:
        """Start the day's fanned-out run with `feeds` pending; returns the run's id (an
        earlier run's while it is before its deadline: a repeat does not fetch twice)."""
        ttl = 2 * DAY
        raw = self.client.eval(START, 3, *self._state(day), run_id, f"{deadline:.3f}", as_of,
                               ttl, f"{time.time():.3f}", *feeds)
        return raw.decode() if isinstance(raw, bytes) else str(raw)

    def run_info(self, day: date) -> dict[str, str]:
        raw = self.client.hgetall(day_key(day, "run"))
        return {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes)
                else v) for k, v in raw.items()}

    def record_line(self, day: date, run_id: str, feed: str, line: str) -> int:
        """Keep a feed's line; returns how many feeds are still pending (`STALE_RUN`: the run
        was replaced; `DAY_POSTED`: the day's report is out already)."""
        return int(self.client.eval(RECORD, 4, *self._state(day), day_key(day, "done"), run_id, feed,
                                    line, 2 * DAY))

    def pending(self, day: date) -> set[str]:
        return {m.decode() if isinstance(m, bytes) else m
                for m in self.client.smembers(day_key(day, "pending"))}

    def lines(self, day: date) -> dict[str, str]:
        raw = self.client.hgetall(day_key(day, "lines"))
        return {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes)
                else v) for k, v in raw.items()}

    def host_turn(self, host: str, interval: float) -> float:
        """Seconds to wait before fetching from `host`, so all workers together start at
        most one fetch per `interval` there."""
        if interval <= 0 or not host:
            return 0.0
        key = f"{PREFIX}host:{hashlib.sha256(host.encode('utf-8')).hexdigest()[:16]}"
        return int(self.client.eval(HOST_TURN, 1, key, int(interval * 1000))) / 1000
