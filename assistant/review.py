"""Review one post: the rules in force, optionally against the account's history."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from assistant.checks.ruleset import RuleSet
from assistant.models import Post, Review, severity_rank

if TYPE_CHECKING:
    from assistant.checks.history import History


def review_post(
    post: Post,
    rules: RuleSet,
    *,
    history: History | None = None,
    own_domains: frozenset[str] = frozenset(),
    as_of: datetime | None = None,
) -> Review:
    """Run the deterministic checks on one post; worst findings first."""
    findings = rules.check_post(post, history=history, own_domains=own_domains, as_of=as_of)
    findings.sort(key=lambda f: -severity_rank(f.severity))
    return Review(post=post, findings=findings)
