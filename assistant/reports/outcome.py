"""What a report run, a destination and a fan-out job did, as typed codes.

Each is a `StrEnum`: a member is its value, so the text a command prints, the JSON a job
returns and comparisons with the plain word all stay as they were.
"""

from __future__ import annotations

from enum import StrEnum


class RunStatus(StrEnum):
    """How a report run ended (`assistant report daily` prints it; "partial" exits 1)."""

    POSTED = "posted"
    PARTIAL = "partial"  # a destination failed: run it again, what was posted stays posted
    ALREADY_POSTED = "already-posted"
    CLAIMED_ELSEWHERE = "claimed-elsewhere"  # another live run still holds the day
    NOT_POSTED = "not-posted"  # a preview, or an on-demand report with no feed routed there


class DeliveryStatus(StrEnum):
    """What one destination did with a report."""

    POSTED = "posted"
    SKIPPED = "skipped"  # every step was posted before (a rerun)
    FAILED = "failed"


class JobStatus(StrEnum):
    """What one job of a fanned-out report did (its RQ result)."""

    KEPT = "kept"  # a feed's line is kept for the assembler
    STALE = "stale"  # the job belongs to a run that was replaced
    WAITING = "waiting"  # feeds are still out and the deadline has not come
    POSTED = "posted"
    ALREADY_POSTED = "already-posted"
