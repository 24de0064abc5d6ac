"""Review one post: the rules in force, optionally against the account's history.

`verdict` and `post_score` are the one rule for what a review means, used by every
renderer (Slack, Teams) and the approval audit trail, so all of them say the same.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal, cast

from assistant.checks.ruleset import RuleSet
from assistant.models import Post, PostRecord, Review, severity_rank

if TYPE_CHECKING:
    from assistant.checks.history import History

Verdict = Literal["publish", "revise", "reject"]
_ORDER: tuple[Verdict, ...] = ("publish", "revise", "reject")
_PENALTY = {"error": 25, "warning": 10, "info": 2}


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


def post_score(review: Review) -> int:
    """A 0-100 score for one post: each finding costs by severity."""
    return max(0, 100 - sum(_PENALTY[f.severity] for f in review.findings))


def verdict(review: Review) -> Verdict:
    """The worse of the rules' verdict and the critique's (the model cannot soften rules)."""
    worst = review.worst_severity
    ruled: Verdict = "reject" if worst == "error" else "revise" if worst == "warning" else "publish"
    critique = review.critique
    if critique and critique.available and critique.verdict:
        return max(ruled, critique.verdict, key=_ORDER.index)
    return ruled
