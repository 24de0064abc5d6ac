"""Stable JSON output for machines (documented in the README; fields are only ever added)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from assistant.checks.ruleset import RuleSet
from assistant.models import FeedAudit, Finding, MediaRecord, Post, PostRecord, Review
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
        "post": post_dict(review.post),
        "findings": [finding_dict(f) for f in review.findings],
        "critique": review.critique.model_dump(mode="json") if review.critique else None,
    }


def post_dict(post: Post | PostRecord) -> dict[str, Any]:
    """A post as `Post`'s JSON without its empty (None) fields; a record (a draft) the
    same, written without pydantic."""
    if not isinstance(post, PostRecord):
        return post.model_dump(mode="json", exclude_none=True)
    fields = post.fields()
    fields.update(
        created_at=json_time(post.created_at), media=[_media_dict(m) for m in post.media],
        metrics=post.metrics.model_dump(mode="json", exclude_none=True) if post.metrics else None,
    )
    return {key: value for key, value in fields.items() if value is not None}


def _media_dict(media: Any) -> dict[str, Any]:
    fields = media.fields() if isinstance(media, MediaRecord) else media.model_dump()
    return {key: value for key, value in fields.items() if value is not None}


def json_time(when: datetime) -> str:
    """An aware time as pydantic writes it: ISO 8601, "Z" for UTC, the offset in whole
    minutes."""
    offset = when.utcoffset()
    text = when.replace(tzinfo=None).isoformat()
    if not offset:
        return text + "Z"
    minutes = int(abs(offset.total_seconds())) // 60
    sign = "-" if offset.total_seconds() < 0 else "+"
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as plain data, its engagement numbers nested (null when none)."""
    return asdict(finding)


def review_json(review: Review) -> str:
    """One review on one line (JSON Lines when several posts are reviewed)."""
    return json.dumps(review_dict(review), ensure_ascii=False)


def audit_dict(audit: FeedAudit) -> dict[str, Any]:
    """An audit as plain data: account, stats, health (score and components), findings."""
    return {
        "schema": f"assistant.audit/v{SCHEMA_VERSION}",
        **audit.model_dump(mode="json", include={"account", "source", "as_of", "stats"}),
        "health": audit.health.model_dump(mode="json"),
        "findings": [finding_dict(f) for f in audit.findings],
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
