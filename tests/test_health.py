"""The health score: calibrated bands on synthetic feeds, and sensible scores on real ones."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.audit import audit_feed
from assistant.checks.ruleset import RuleSet
from assistant.health import WEIGHTS, RuleImpact, health_score
from assistant.models import Account, Feed, FeedAudit, Media, Post
from integrations.sources import load_feed

START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
AS_OF = START + timedelta(days=91)
OWN = frozenset({"brightpixel.agency"})
RULES = RuleSet.from_config()


def spam_engine() -> Feed:
    """Everything DESIGN.md says agencies do wrong, for 90 days."""
    links = [f"https://brightpixel.agency/blog/{s}" for s in ("seo-tips", "reels-2026", "ai-content")]
    stock = Media(type="image", url="https://cdn.brightpixel.agency/stock/handshake.jpg", alt="")
    posts = []
    for day in range(90):
        for slot in range(10):
            if slot < 9:
                text = f"Our latest post is live! Please retweet and share it with your network {links[slot % 3]}"
            else:
                text = "Limited time offer: book a free consultation with our team today, DM us for pricing"
            posts.append(Post(id=f"s{day}-{slot}", created_at=START + timedelta(days=day, minutes=80 * slot),
                              text=text, media=[stock]))
    return Feed(account=Account(name="@brightpixel", owner="agency"), posts=posts)


def healthy() -> Feed:
    """Two varied posts a day, mostly others' content, pictures described, and replies."""
    rnd = random.Random(7)
    words = [
        "audience", "brand", "story", "campaign", "insight", "data", "client", "trust", "community",
        "video", "design", "strategy", "research", "trend", "launch", "team", "culture", "feedback",
        "report", "survey", "growth", "content", "channel", "idea"
    ]
    posts = []
    for day in range(90):
        for slot in range(2):
            when = START + timedelta(days=day, hours=9 + 4 * slot)
            own = rnd.random() < 0.15
            link = f"https://brightpixel.agency/blog/{day}" if own else f"https://news.example.org/{day}-{slot}"
            text = " ".join(rnd.choice(words) for _ in range(14)).capitalize() + f". {link}"
            picture = Media(url=f"https://cdn.brightpixel.agency/{day}-{slot}.jpg", alt="Our team at work")
            posts.append(Post(id=f"h{day}-{slot}", created_at=when, text=text, media=[picture]))
            posts.append(Post(id=f"r{day}-{slot}", created_at=when + timedelta(hours=1), kind="reply",
                              in_reply_to=f"them{day}{slot}", text="Good question: we measured it over six weeks."))
    return Feed(account=Account(name="@brightpixel", owner="agency"), posts=posts)


def audit(feed: Feed, as_of: datetime = AS_OF) -> FeedAudit:
    return audit_feed(feed, RULES, as_of=as_of, own_domains=OWN)


def test_no_hits_scores_100_with_every_component_named() -> None:
    health = health_score([])
    assert health.score == 100 and set(health.components) == set(WEIGHTS)
    assert all(c.score == 100 and c.rules == [] for c in health.components.values())


def test_one_full_warning_leaves_its_component_at_30_and_names_the_rule() -> None:
    health = health_score([
        RuleImpact("broadcast-only", "conversation", "warning", 1.0),
        RuleImpact("broadcast-only", "conversation", "warning", 0.2),  # same rule counts once
    ])
    component = health.components["conversation"]
    assert (component.score, component.rules) == (30, ["broadcast-only"])
    assert health.score == round(100 - 0.25 * 70)


def test_errors_weigh_more_than_info() -> None:
    error = health_score([RuleImpact("too-long", "cadence", "error", 0.5)])
    info = health_score([RuleImpact("too-long", "cadence", "info", 0.5)])
    assert error.components["cadence"].score < info.components["cadence"].score


def test_a_feed_that_breaks_no_rule_scores_above_70() -> None:
    result = audit(healthy())
    assert result.health.score > 70, result.findings
    assert result.health.components["conversation"].score >= 90


def test_a_spam_engine_scores_below_40_and_every_component_says_why() -> None:
    result = audit(spam_engine())
    assert result.health.score < 40
    moved = {c: set(result.health.components[c].rules) for c in WEIGHTS}
    assert {"broadcast-only", "engagement-gap"} <= moved["conversation"]
    assert {"repeat-post", "stale-latest", "link-flood", "repeated-image"} <= moved["repetition"]
    assert "self-promo-ratio" in moved["promotion"] and "overposting" in moved["cadence"]
    assert all(result.health.components[c].score < 70 for c in ("conversation", "repetition", "promotion"))


def _twcs_support_feed(folder: Path) -> Feed:
    """The brands' side of the support-tweets sample (customers are numeric ids there)."""
    loaded = load_feed(folder / "support_tweets" / "twcs_sample.csv")
    brands = [p for p in loaded.posts if not p.author.isdigit()]
    return Feed(account=Account(name="brand support"), posts=brands, source=loaded.source)


def _as_of_end(feed: Feed) -> datetime:
    return max(p.created_at for p in feed.posts) + timedelta(days=1)


def test_a_support_feed_that_talks_to_people_scores_well_on_conversation(realdata: Path) -> None:
    feed = _twcs_support_feed(realdata)
    result = audit(feed, _as_of_end(feed))
    assert result.stats.replies == result.stats.posts == 44
    conversation = result.health.components["conversation"]
    assert not {"broadcast-only", "engagement-gap"} & set(conversation.rules)
    assert result.health.score >= 80


def test_repeated_youtube_uploads_drag_down_repetition(realdata: Path) -> None:
    feed = load_feed(realdata / "x_archive" / "visbot_tweets.js")
    result = audit(feed, _as_of_end(feed))
    repetition = result.health.components["repetition"]
    assert "repeat-post" in repetition.rules and repetition.score < 100
    assert "broadcast-only" in result.health.components["conversation"].rules
    # Upload notices of different videos are different posts; a release bot's near-copies are not.
    biggest = next(f for f in result.findings if f.rule == "repeat-post")
    assert "#github release" in biggest.message and len(biggest.examples) == 5
    assert result.health.score < audit(_twcs_support_feed(realdata)).health.score

