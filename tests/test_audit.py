"""audit_feed: what a user of `assistant audit` sees for a whole feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.audit import audit_feed
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.models import Account, Feed, Post, severity_rank

START = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
WORDS = [
    "brand", "story", "client", "trust", "data", "video", "design", "research", "trend", "launch",
    "team", "culture"
]


def text(i: int) -> str:
    """A different sentence for every i (no two share enough words to look repeated)."""
    return " ".join(WORDS[(i * k + k * k) % len(WORDS)] + str(i % 7 + k) for k in range(1, 11))


def feed(posts: list[Post]) -> Feed:
    return Feed(account=Account(name="@bp"), posts=posts, source="test.jsonl")


def posts_over(days: int, per_day: int = 2, begging_every: int = 0) -> list[Post]:
    out = []
    for i in range(days * per_day):
        body = text(i)
        if begging_every and i % begging_every == 0:
            body += " Please retweet and share this!"
        out.append(Post(id=f"p{i}", created_at=START + timedelta(hours=24 * i / per_day), text=body))
    return out


def test_posts_after_as_of_are_not_part_of_the_audit() -> None:
    posts = posts_over(10)
    as_of = START + timedelta(days=5, minutes=-1)  # the post at exactly as_of would count
    result = audit_feed(feed(list(reversed(posts))), RuleSet.from_config(), as_of=as_of)
    assert result.stats.posts == 10 and result.stats.last_post < as_of
    assert result.stats.first_post == START and result.as_of == as_of
    assert result.account.name == "@bp" and result.source == "test.jsonl"


def test_post_rules_are_summarised_once_per_rule_with_share_and_examples() -> None:
    posts = posts_over(20, begging_every=4)  # 10 of 40 posts beg for shares
    result = audit_feed(feed(posts), RuleSet.from_config(), as_of=START + timedelta(days=30))
    begging = [f for f in result.findings if f.rule == "share-begging"]
    assert len(begging) == 1
    assert begging[0].message == "share-begging in 10 of 40 posts (25.0%)"
    assert begging[0].examples == ["p0", "p4", "p8", "p12", "p16"]
    assert "retweet" in begging[0].evidence.lower() and begging[0].post_id is None
    assert "share-begging" in result.health.components["promotion"].rules


def test_rules_with_a_feed_check_do_not_also_report_every_post() -> None:
    same = "We rebuilt the onboarding flow for new clients this week and it shows"
    posts = [Post(id=f"p{i}", created_at=START + timedelta(hours=5 * i), text=same) for i in range(6)]
    result = audit_feed(feed(posts), RuleSet.from_config(), as_of=START + timedelta(days=3))
    repeats = [f for f in result.findings if f.rule == "repeat-post"]
    assert len(repeats) == 1 and repeats[0].post_id is None and "6 times" in repeats[0].message
    assert all(f.post_id is None for f in result.findings)


def test_findings_come_worst_first_and_follow_the_config() -> None:
    posts = posts_over(30, per_day=1, begging_every=2)
    config = RulesConfig(severity={"broadcast-only": "error"}, ignore=["engagement-gap"])
    result = audit_feed(feed(posts), RuleSet.from_config(config), as_of=START + timedelta(days=60))
    assert result.findings[0].rule == "broadcast-only" and result.findings[0].severity == "error"
    ranks = [severity_rank(f.severity) for f in result.findings]
    assert ranks == sorted(ranks, reverse=True)
    assert "engagement-gap" not in {f.rule for f in result.findings}


def test_progress_is_reported_every_thousand_posts_and_at_the_end() -> None:
    calls: list[tuple[int, int]] = []
    posts = posts_over(1250, per_day=2)
    audit_feed(feed(posts), RuleSet.from_config(RulesConfig(select=["share-begging"])),
               as_of=START + timedelta(days=2000), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 2500), (1000, 2500), (2000, 2500), (2500, 2500)]


def test_the_same_feed_gives_the_same_audit() -> None:
    posts = posts_over(40, per_day=6, begging_every=3)
    posts += [Post(id=f"r{i}", created_at=START + timedelta(hours=9 * i), text=text(3 * i)) for i in range(40)]
    rules = RuleSet.from_config()
    first = audit_feed(feed(posts), rules, as_of=START + timedelta(days=41))
    again = audit_feed(feed(list(reversed(posts))), rules, as_of=START + timedelta(days=41))
    assert first.model_dump() == again.model_dump()


def test_an_empty_feed_is_healthy_and_says_nothing() -> None:
    result = audit_feed(feed([]), RuleSet.from_config(), as_of=START)
    assert result.findings == [] and result.stats.posts == 0 and result.health.score == 100


def test_a_pitch_in_a_later_dm_of_a_conversation_is_not_a_first_dm_pitch() -> None:
    first = Post(id="d1", kind="dm", in_reply_to="conv1", created_at=START,
                 text="Thanks for connecting, Robert! Loved your talk on community building.")
    later = Post(id="d2", kind="dm", in_reply_to="conv1", created_at=START + timedelta(days=3),
                 text="Since you asked: book a free consultation with us and we'll show you the numbers.")
    opener = Post(id="d3", kind="dm", in_reply_to="conv2", created_at=START + timedelta(days=4),
                  text="Hi Sam, thanks for connecting! Book a free consultation with us today.")
    rules = RuleSet.from_config(RulesConfig(select=["sales-pitch"]))
    as_of = START + timedelta(days=5)
    later_only = audit_feed(feed([first, later]), rules, as_of=as_of).findings
    assert [(f.rule, f.severity) for f in later_only] == [("sales-pitch", "warning")]
    with_opener = audit_feed(feed([first, later, opener]), rules, as_of=as_of).findings
    assert [(f.rule, f.severity) for f in with_opener] == [("sales-pitch", "error")]
