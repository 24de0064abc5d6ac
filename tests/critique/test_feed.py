"""The feed critique: one call per feed whatever its size, budgeted, with the preach note."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from assistant.critique import CritiqueCache, apply_critique, critique_audit
from assistant.critique.payload import estimate_tokens
from assistant.models import (
    Account,
    FeedAudit,
    FeedStats,
    Finding,
    Health,
    HealthComponent,
    OwnerKind,
    Post,
)
from tests.critique.conftest import RULES, make_settings
from tests.fakes.openai_server import FakeOpenAI, answer

BLOCK = re.compile(r"^<<<DATA ([0-9a-f]{32})>>>\n(.*)\n<<<END \1>>>$", re.DOTALL | re.MULTILINE)
START = datetime(2026, 10, 1, 9, tzinfo=UTC)
BLOG = "Our latest blog post: 5 tips to boost engagement https://brightpixel-agency.example/blog/5-tips"


def feed_posts(count: int) -> list[Post]:
    return [
        Post(
            id=f"bp{i:04d}",
            platform="x",
            author="@brightpixel",
            created_at=START + timedelta(hours=6 * i),
            text=f"{BLOG} #{i} " + "so much more to say about it " * 10,
        )
        for i in range(count)
    ]


def make_audit(posts: list[Post], owner: OwnerKind = "agency") -> tuple[FeedAudit, Finding]:
    repeat = Finding(
        rule="repeat-post",
        severity="warning",
        message="The same post again and again",
        evidence=BLOG,
        post_id=None,
        examples=[posts[3].id, posts[7].id],
    )
    audit = FeedAudit(
        account=Account(name="Bright Pixel", platform="x", owner=owner),
        as_of=START + timedelta(days=90),
        stats=FeedStats(
            posts=len(posts),
            first_post=posts[0].created_at,
            last_post=posts[-1].created_at,
            days=90.0,
        ),
        health=Health(
            score=41,
            components={
                "repetition": HealthComponent(
                    name="repetition", score=20, weight=0.3, rules=["repeat-post"]
                ),
            },
        ),
        findings=[repeat],
    )
    return audit, repeat


def feed_answer(post_id: str) -> dict:
    return {
        "summary": "A billboard of the same three blog links; no conversations.",
        "problems": [
            {
                "quote": "Our latest blog post",
                "issue": "The same announcement on repeat.",
                "principle": "engagement",
                "severity": "warning",
                "post_id": post_id,
            }
        ],
        "suggested_post": "What was the best reply you got from a customer this week? Ours:",
        "practise_what_you_preach": "Prospective clients read this feed before they hire us.",
    }


@pytest.mark.parametrize("count", [8, 3000])
def test_one_call_per_feed_within_the_token_budget(fake: FakeOpenAI, count: int) -> None:
    posts = feed_posts(count)
    audit, repeat = make_audit(posts)
    fake.default = answer(feed_answer(posts[3].id))
    settings = make_settings(fake.url, llm_max_input_tokens=2500)
    result = critique_audit(audit, posts, settings, rules_fingerprint=RULES)
    audited = apply_critique(audit, result)

    assert fake.calls == 1
    [request] = fake.requests
    assert sum(estimate_tokens(m["content"]) for m in request.messages) <= 2500
    data = json.loads(BLOCK.search(request.messages[1]["content"]).group(2))
    sampled = [p["id"] for p in data["posts"]]
    assert sampled[:2] == [posts[3].id, posts[7].id]  # the posts the findings point at come first
    assert data["posts_total"] == count
    assert audited.findings[0] == repeat
    [llm] = audited.findings[1:]
    assert (llm.rule, llm.source, llm.post_id) == ("llm-engagement", "llm", posts[3].id)
    critique = audited.critique
    assert critique.available and critique.verdict is None
    assert critique.practise_what_you_preach.startswith("Prospective clients")
    assert critique.rewrite.startswith("What was the best reply")
    if count > 100:
        assert len(sampled) < count
        assert critique.note == f"sampled {len(sampled)} of {count} posts for the token budget"
    else:
        assert len(sampled) == count and critique.note == ""


def test_a_client_feed_gets_no_practise_what_you_preach_note(fake: FakeOpenAI) -> None:
    posts = feed_posts(8)
    audit, _ = make_audit(posts, owner="client")
    fake.default = answer(feed_answer(posts[0].id))
    result = critique_audit(audit, posts, make_settings(fake.url), rules_fingerprint=RULES)
    assert result.critique.available and result.critique.practise_what_you_preach == ""
    assert "Owner kind: client" in fake.requests[0].messages[1]["content"]


def test_feed_critiques_are_cached_too(fake: FakeOpenAI, redis_url: str) -> None:
    posts = feed_posts(20)
    audit, _ = make_audit(posts)
    fake.default = answer(feed_answer(posts[3].id))
    cache = CritiqueCache(redis_url)
    settings = make_settings(fake.url)
    first = critique_audit(audit, posts, settings, rules_fingerprint=RULES, cache=cache)
    second = critique_audit(audit, posts, settings, rules_fingerprint=RULES, cache=cache)
    assert fake.calls == 1 and second.critique.cached and second.findings == first.findings


def test_a_feed_critique_failure_leaves_the_audit_as_it_was(fake: FakeOpenAI) -> None:
    posts = feed_posts(8)
    audit, repeat = make_audit(posts)
    fake.default = answer({"summary": "missing everything else"})
    audited = apply_critique(
        audit, critique_audit(audit, posts, make_settings(fake.url), rules_fingerprint=RULES)
    )
    assert audited.findings == [repeat]
    assert audited.critique.note == (
        "critique unavailable: the model's answer did not match the schema (2 attempts)"
    )
    assert audited.health == audit.health
