"""Review one post: the rules in force, optionally against the account's history.

`verdict` and `post_score` are the one rule for what a review means, used by every
renderer (Slack, Teams) and the approval audit trail, so all of them say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Literal, cast

from assistant.checks.registry import is_note
from assistant.checks.ruleset import RuleSet
from assistant.models import Finding, Post, PostRecord, Review, severity_rank

if TYPE_CHECKING:
    from assistant.checks.history import History

Verdict = Literal["publish", "revise", "reject"]
_ORDER: tuple[Verdict, ...] = ("publish", "revise", "reject")
_PENALTY = {"error": 25, "warning": 10, "info": 2}
# Each verdict's scores (highest, lowest): a post the platform refuses never outscores one
# that can go out, however many warnings that one has.
_BAND: dict[Verdict, tuple[int, int]] = {"publish": (100, 90), "revise": (89, 50), "reject": (49, 0)}
# A rule's further findings on one post cost their severity's points divided by this (an
# info's 2 // 5: nothing). The model's findings are grouped by principle (`llm-<principle>`).
_AGAIN_DIVISOR = 5
# The finding that puts a post in its band costs nothing more there.
_SETS_BAND: dict[Verdict, str] = {"revise": "warning", "reject": "error"}


def review_post(
    post: Post | PostRecord,
    rules: RuleSet,
    *,
    history: History | None = None,
    own_domains: frozenset[str] = frozenset(),
    as_of: datetime | None = None,
) -> Review:
    """Run the deterministic checks on one post; worst findings first. A record (a draft)
    is read by the rules as the post it stands for: they read attributes only."""
    findings = rules.check_post(cast("Post", post), history=history, own_domains=own_domains,
                                as_of=as_of)
    findings.sort(key=lambda f: -severity_rank(f.severity))
    return Review(post=post, findings=findings)


def _judged(review: Review) -> list[Finding]:
    """The findings that judge the post: not the notes on what was not judged (a post the
    English-only rules cannot read is no worse for its language)."""
    if not review.findings:
        return review.findings
    return [f for f in review.findings if not is_note(f.rule)]


def post_score(review: Review) -> int:
    """A 0-100 score for one post, within its verdict's band (publish 90-100, revise 50-89,
    reject 0-49): each rule costs by the severity of its worst finding, but the first that
    set the band; its further findings on the post (a carousel's images without alt text, or
    the model's findings under one principle) cost a fifth each (an info's nothing), at most
    as much again, so one problem many times over never costs more than two problems. Notes
    cost nothing."""
    said = verdict(review)
    highest, lowest = _BAND[said]
    findings = _judged(review)
    by_rule: dict[str, list[int]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(_PENALTY[finding.severity])
    penalty = 0
    for costs in by_rule.values():
        worst, *more = sorted(costs, reverse=True)
        penalty += worst + min(worst, sum(cost // _AGAIN_DIVISOR for cost in more))
    # a rule's worst finding set the band (not the critique alone): that one is free
    if any(f.severity == _SETS_BAND.get(said) for f in findings):
        penalty -= _PENALTY[_SETS_BAND[said]]
    return max(lowest, highest - penalty)


def has_error(review: Review) -> bool:
    """Whether a rule found an error in the post (approving it then needs a reason). A note
    re-graded to error is still no fault of the post."""
    return any(f.severity == "error" for f in _judged(review))


def verdict(review: Review) -> Verdict:
    """The worse of the rules' verdict and the critique's (the model cannot soften rules).
    Notes, at whatever severity, are no verdict on the post."""
    worst = max((f.severity for f in _judged(review)), key=severity_rank, default=None)
    ruled: Verdict = "reject" if worst == "error" else "revise" if worst == "warning" else "publish"
    critique = review.critique
    if critique and critique.available and critique.verdict:
        return max(ruled, critique.verdict, key=_ORDER.index)
    return ruled


def shown_verdict(review: Review) -> str:
    """The verdict as every surface heads a review with it: `verdict(review)`, but "unread"
    for a publish with a note that rules could not read the post. A German hard sell that
    begs for shares came back "Ready to publish" in green, though the rules that catch both
    read English only. The verdict itself (JSON, approvals, `--fail-on`) stays "publish": a
    post is no worse for its language; only the headline no longer vouches for it."""
    said = verdict(review)
    if said == "publish" and any(is_note(f.rule) for f in review.findings):
        return "unread"
    return said


def verdict_words(shown: str) -> str:
    """A shown verdict (`shown_verdict`) in the terminal's words (a review, `queue show`):
    "publish", "revise", "reject", or "publish, but not all of it was read"."""
    return "publish, but not all of it was read" if shown == "unread" else shown


def shown_findings(findings: Sequence[Finding]) -> list[Finding]:
    """A review's findings as every surface lists them: a post's images with the same
    missing-alt-text problem as one finding ("4 of 11 images have no alt text"), so a
    carousel does not bury the other findings; the rest as they are, in their order.

    Only for showing: the score, the verdict and `--fail-on` charge each image, and JSON
    (the machine contract) keeps one finding per image. Counts shown beside a list count
    what it shows.
    """
    from assistant.checks.rules.alt_text import shown_together  # (loaded with the rules)

    return shown_together(findings)
