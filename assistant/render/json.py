"""Stable JSON output for machines (documented in the README; fields are only ever added)."""

from __future__ import annotations

import json
from typing import Any

from assistant.checks.ruleset import RuleSet
from assistant.models import FeedAudit, Review
from assistant.review import post_score, verdict

SCHEMA_VERSION = 1


def review_dict(review: Review) -> dict[str, Any]:
    """A review as plain data: the verdict, the post, its findings (worst first), the critique.

    `verdict` is the core's (the one every chat surface shows); `critique.verdict` is only
    what the model said.
    """
    return {
        "schema": f"assistant.review/v{SCHEMA_VERSION}",
        "verdict": verdict(review),
        "score": post_score(review),
        "post": review.post.model_dump(mode="json", exclude_none=True),
        "findings": [f.model_dump(mode="json") for f in review.findings],
        "critique": review.critique.model_dump(mode="json") if review.critique else None,
    }


def review_json(review: Review) -> str:
    """One review on one line (JSON Lines when several posts are reviewed)."""
    return json.dumps(review_dict(review), ensure_ascii=False)


def audit_dict(audit: FeedAudit) -> dict[str, Any]:
    """An audit as plain data: account, stats, health (score and components), findings."""
    return {
        "schema": f"assistant.audit/v{SCHEMA_VERSION}",
        **audit.model_dump(mode="json", include={"account", "source", "as_of", "stats"}),
        "health": audit.health.model_dump(mode="json"),
        "findings": [f.model_dump(mode="json") for f in audit.findings],
        "critique": audit.critique.model_dump(mode="json") if audit.critique else None,
    }


def rules_dict(rules: RuleSet) -> list[dict[str, Any]]:
    """The rules in force with their effective severity and thresholds."""
    return [
        {
            "id": active.id,
            "scopes": list(active.rule.scopes),
            "severity": active.severity,
            "default_severity": active.rule.severity,
            "component": active.rule.component,
            "rationale": active.rule.rationale,
            "thresholds": dict(active.thresholds),
        }
        for active in rules.active
    ]


def rules_json(rules: RuleSet) -> str:
    return json.dumps(rules_dict(rules), ensure_ascii=False, indent=2)
