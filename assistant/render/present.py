"""Neutral presentation data every surface shares: verdict labels, severity order and tones,
the findings as people read them, the worst problems first, finding counts.

Each surface maps a tone name to its own look (a Slack emoji, an Adaptive Card colour, a
terminal style), so the terminal, Slack and Teams say the same words in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from assistant.checks.registry import is_note
from assistant.checks.rules.alt_text import shown_together
from assistant.models import Finding, Review, severity_rank
from assistant.review import verdict

Tone = Literal["good", "caution", "bad", "note"]

SEVERITY_ORDER = ("error", "warning", "info")  # worst first
SEVERITY_TONE: dict[str, Tone] = {"error": "bad", "warning": "caution", "info": "note"}
# What each surface calls a verdict. "unread" is no verdict of its own: a publish that a note
# says was not all read (a post in another language), shown as such (`shown_verdict`).
VERDICT_LABEL = {
    "publish": "Ready to publish",
    "unread": "Not fully read: have someone who reads it check",
    "revise": "Revise before publishing",
    "reject": "Do not publish as written",
}
VERDICT_TONE: dict[str, Tone] = {"publish": "good", "unread": "caution", "revise": "caution",
                                 "reject": "bad"}


def shown_verdict(review: Review) -> str:
    """The verdict as surfaces head a review with it: `verdict(review)`, but "unread" for a
    publish with a note that rules could not read the post. A German hard sell that begs for
    shares came back "Ready to publish" in green, though the rules that catch both read
    English only. The verdict itself (JSON, approvals, `--fail-on`) stays "publish": a post
    is no worse for its language; only the headline no longer vouches for it."""
    said = verdict(review)
    if said == "publish" and any(is_note(f.rule) for f in review.findings):
        return "unread"
    return said


def shown_findings(findings: Sequence[Finding]) -> list[Finding]:
    """A review's findings as every surface lists them: a post's images with the same
    missing-alt-text problem as one finding ("4 of 11 images have no alt text"), so a
    carousel does not bury the other findings; the rest as they are, in their order.

    Only for showing: the score, the verdict and `--fail-on` charge each image, and JSON
    (the machine contract) keeps one finding per image. Counts shown beside a list count
    what it shows.
    """
    return shown_together(findings)


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
