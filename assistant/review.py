"""Review one post: the rules in force, optionally against the account's history.

`verdict` and `post_score` are the one rule for what a review means, used by every
renderer (Slack, Teams) and the approval audit trail, so all of them say the same.
"""

from __future__ import annotations

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
# A rule's further findings on one post cost this fraction of their severity's points.
_AGAIN = 5
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
    set the band; its further findings on the post (a carousel's images without alt text)
    cost a fifth each, at most as much again, so one problem many times over never costs
    more than two problems. Notes cost nothing."""
    said = verdict(review)
    highest, lowest = _BAND[said]
    findings = _judged(review)
    by_rule: dict[str, list[int]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(_PENALTY[finding.severity])
    penalty = 0
    for costs in by_rule.values():
        worst, *more = sorted(costs, reverse=True)
        penalty += worst + min(worst, sum(cost // _AGAIN for cost in more))
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
