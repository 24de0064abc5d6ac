"""Neutral presentation data every surface shares: verdict labels, severity order and tones,
the findings as people read them, the worst problems first, finding counts.

Each surface maps a tone name to its own look (a Slack emoji, an Adaptive Card colour, a
terminal style), so the terminal, Slack and Teams say the same words in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from assistant.models import Finding, severity_rank
from assistant.review import shown_findings, shown_verdict

__all__ = ["SEVERITY_ORDER", "SEVERITY_TONE", "VERDICT_LABEL", "VERDICT_TONE", "Tone", "severity_counts",
           "shown_findings", "shown_verdict", "top_problems", "worst_first"]

Tone = Literal["good", "caution", "bad", "note"]

SEVERITY_ORDER = ("error", "warning", "info")  # worst first
SEVERITY_TONE: dict[str, Tone] = {"error": "bad", "warning": "caution", "info": "note"}
# What each surface calls a verdict. "unread" is no verdict of its own: a publish that a note
# says was not all read (a post in another language), shown as such (`review.shown_verdict`).
VERDICT_LABEL = {
    "publish": "Ready to publish",
    "unread": "Not fully read: have someone who reads it check",
    "revise": "Revise before publishing",
    "reject": "Do not publish as written",
}
VERDICT_TONE: dict[str, Tone] = {"publish": "good", "unread": "caution", "revise": "caution",
                                 "reject": "bad"}


def worst_first(findings: Sequence[Finding]) -> list[Finding]:
    """Findings ordered worst severity first (stable within a severity)."""
    return sorted(findings, key=lambda f: -severity_rank(f.severity))


def top_problems(findings: Sequence[Finding], count: int = 3) -> tuple[list[Finding], int]:
    """The `count` worst findings and how many more there are."""
    worst = worst_first(findings)[:count]
    return worst, len(findings) - len(worst)


def severity_counts(findings: Sequence[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present (worst first)."""
    return {s: sum(f.severity == s for f in findings) for s in SEVERITY_ORDER}
