"""Report state in Redis: daily snapshots per feed, the day claim, and delivery steps.

Keys (all under `assistant:v1:report:`, all with a TTL):
    snap:{feed}:{date}          one feed's numbers for one day (retention_days)
    claim:{date}                the lease of the run posting that day (SET NX, renewed
                                while the run lives, lapses lease_seconds after it dies)
    done:{date}                 the day was posted completely (retention_days)

Delivery steps are effects (`assistant.effects`, key `report:{date}:{target}:{step}`):
"posted once" is per target and per step, and a rerun after a crash or a failed channel
skips every step already done and does only the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
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
        """Scores of the `days` days ending on `end` (None where no snapshot has a score)."""
        dates = last_days(end, days)
        key = feed_key(feed)
        raws = self.client.mget([f"{PREFIX}snap:{key}:{d.isoformat()}" for d in dates])
        scores = [json.loads(raw).get("score") if raw else None for raw in raws]
        return list(zip(dates, scores, strict=True))

    # the day claim ---------------------------------------------------------------------
    def is_done(self, day: date) -> bool:
        return bool(self.client.exists(f"{PREFIX}done:{day.isoformat()}"))

    def claim(self, day: date, lease_seconds: int) -> str | None:
        """A token when this run now owns the day, None when another run holds it."""
        token = secrets.token_hex(16)
        ok = self.client.set(f"{PREFIX}claim:{day.isoformat()}", token, nx=True, ex=lease_seconds)
        return token if ok else None

    def hold(self, day: date, lease_seconds: int) -> Lease | None:
        """Claim the day with a lease renewed while this process lives; None when held."""
        lease = Lease(self.client, f"{PREFIX}claim:{day.isoformat()}", lease_seconds)
        return lease if lease.acquire() else None

    def finish(self, day: date, summary: dict[str, Any]) -> None:
        self.client.set(f"{PREFIX}done:{day.isoformat()}", json.dumps(summary, default=str),
                        ex=self.retention)

    # delivery steps --------------------------------------------------------------------
    def effects(self) -> Effects:
        """The step records (idempotency keys) of the report's posts."""
        return Effects(self.client, ttl=max(self.retention, 7 * DAY))

    def step(self, day: date, target: str, step: str) -> str | None:
        """The value of a step already done (a Slack ts, a file id), else None."""
        return self.effects().value(step_key(f"{day.isoformat()}", target, step))
