"""The data block sent to the model: JSON, fenced by a random boundary, clipped to a budget.

Tokens are estimated at four characters each: close enough for a budget whose job is
to stop a 60,000-character post or a 5,000-post feed from being sent whole.
"""

from __future__ import annotations

import heapq
import json
import math
import secrets
from collections.abc import Sequence
from typing import Any

from assistant.checks.length import HARD_LIMITS
from assistant.checks.rules.alt_text import shown_together
from assistant.models import FeedAudit, Finding, Post, Review

CHARS_PER_TOKEN = 4
MIN_DATA_TOKENS = 200
MAX_FINDINGS = 12
MAX_EVIDENCE = 200
MAX_FEED_POST = 500
MAX_FEED_POSTS = 40
MAX_EXAMPLES_PER_RULE = 2

# The platforms' hard limits, for the rewrite (blog posts have none: use LinkedIn's).
PLATFORM_LIMITS = {platform: limit or HARD_LIMITS["linkedin"] for platform, limit in HARD_LIMITS.items()}


def estimate_tokens(text: str) -> int:
    """A rough token count (no tokenizer needed)."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


# Line breaks JSON writes raw with non-ASCII kept, which a reader (a model, str.splitlines)
# takes for new lines: escaped, as JSON allows, so the data stays one line.
_RAW_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def dumps(data: Any) -> str:
    """Compact JSON with non-ASCII kept: one line, so no post can fake a marker line."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_RAW_BREAKS)


def new_boundary(data: str) -> str:
    """A random marker token that does not occur in the data (so it cannot be guessed or faked)."""
    while True:
        token = secrets.token_hex(16)
        if token not in data:
            return token


def clip(text: str, max_chars: int) -> tuple[str, int]:
    """`text` cut to `max_chars` with a visible marker; also returns how many characters went."""
    if len(text) <= max_chars:
        return text, 0
    gone = len(text) - max_chars
    return text[:max_chars].rstrip() + f" [... {gone} characters clipped]", gone


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "evidence": clip(finding.evidence, MAX_EVIDENCE)[0],
    }


def post_data(review: Review, budget_tokens: int) -> tuple[dict[str, Any], int]:
    """The data block of a post critique and how many characters of the post were clipped."""
    post = review.post
    # a carousel's images with the same alt-text problem as one: twelve of them would leave
    # the model none of the post's other findings
    ruled = shown_together([f for f in review.findings if f.source == "rule"])
    findings = [_finding(f) for f in ruled][:MAX_FINDINGS]
    data: dict[str, Any] = {
        "post": {
            "platform": post.platform,
            "kind": post.kind,
            "author": clip(post.author, 100)[0],
            "title": clip(post.title, 300)[0] if post.title else None,
            "text": "",
            "links": len(post.urls),
            "media": [{"type": m.type, "alt": clip(m.alt or "", 300)[0]} for m in post.media[:4]],
        },
        "rule_findings": findings,
    }
    room = max(budget_tokens, MIN_DATA_TOKENS) * CHARS_PER_TOKEN - len(dumps(data))
    text, gone = clip(post.text, max(room - 40, 200))
    data["post"]["text"] = text
    return data, gone


def _group_findings(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for f in findings:
        if f.source != "rule":
            continue
        group = groups.setdefault(
            f.rule,
            {
                "rule": f.rule,
                "severity": f.severity,
                "count": 0,
                "message": f.message,
                "evidence": clip(f.evidence, MAX_EVIDENCE)[0],
                "example_post_ids": [],
            },
        )
        group["count"] += 1
        for pid in [f.post_id, *f.examples]:
            if pid and pid not in group["example_post_ids"] and len(group["example_post_ids"]) < 3:
                group["example_post_ids"].append(pid)
    return list(groups.values())[:MAX_FINDINGS]


def feed_data(audit: FeedAudit, posts: Sequence[Post], budget_tokens: int) -> dict[str, Any]:
    """The data block of a feed critique: numbers, grouped findings and a sample of posts.

    Posts that rule findings point at come first (they show the patterns), then the newest;
    posts are added until the budget is spent, so a feed of any size costs the same.
    """
    findings = _group_findings(audit.findings)
    data: dict[str, Any] = {
        "account": {
            "name": clip(audit.account.name, 100)[0],
            "platform": audit.account.platform,
            "owner": audit.account.owner,
        },
        "stats": audit.stats.model_dump(mode="json"),
        "health": {
            "score": audit.health.score,
            "components": {k: c.score for k, c in audit.health.components.items()},
        },
        "rule_findings": findings,
        "posts_total": len(posts),
        "posts_sampled": 0,
        "posts": [],
    }
    by_id = {p.id: p for p in posts}
    wanted: list[Post] = []
    for group in findings:
        for pid in group["example_post_ids"][:MAX_EXAMPLES_PER_RULE]:
            if pid in by_id and pid not in {w.id for w in wanted}:
                wanted.append(by_id[pid])
    # Only the newest few can fit: pick them in O(n) instead of sorting a million posts.
    taken = {w.id for w in wanted}
    newest = heapq.nlargest(MAX_FEED_POSTS + len(taken), posts, key=lambda p: p.created_at)
    wanted += [p for p in newest if p.id not in taken]
    room = max(budget_tokens, MIN_DATA_TOKENS) * CHARS_PER_TOKEN - len(dumps(data))
    for post in wanted[:MAX_FEED_POSTS]:
        item = {
            "id": post.id,
            "kind": post.kind,
            "created_at": post.created_at.isoformat(),
            "text": clip(post.text, MAX_FEED_POST)[0],
        }
        if post.media:
            item["media"] = [
                {"type": m.type, "alt": clip(m.alt or "", 100)[0]} for m in post.media[:2]
            ]
        size = len(dumps(item)) + 1
        if size > room:
            if data["posts"]:
                break
            item["text"] = clip(post.text, max(room - 120, 80))[0]
            size = len(dumps(item)) + 1
        data["posts"].append(item)
        room -= size
    data["posts_sampled"] = len(data["posts"])
    return data
