"""Global middleware: answer Slack's retried event deliveries once.

Each Events API delivery is claimed in Redis on `(team_id, event_id)` when it arrives
(SET NX with a TTL); a retry of a claimed delivery gets a 200 and nothing else, so the
user sees one answer and Slack sees a healthy endpoint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse

from assistant.store import Store

log = logging.getLogger("assistant.slack")


def event_dedupe(store: Store) -> Callable[..., Any]:
    """A bolt middleware that drops repeated event deliveries."""

    def middleware(body: dict[str, Any], next: Callable[[], Any]) -> Any:  # bolt passes `next` by name
        # A mention's review is made idempotent by its message (see mention_intake): its
        # delivery must not be claimed before the job is queued, or a kill in between
        # would turn Slack's retry into a duplicate to drop.
        mention = (body.get("event") or {}).get("type") == "app_mention"
        if body.get("type") == "event_callback" and body.get("event_id") and not mention:
            team = body.get("team_id") or ""
            if not store.claim_event("slack", team, body["event_id"]):
                log.info("duplicate delivery of %s ignored", body["event_id"])
                return BoltResponse(status=200, body="")
        return next()

    return middleware
