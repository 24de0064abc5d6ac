"""Cadence: how often the account posts, against each platform's norm (Hootsuite 2023).

Counted: posts, quotes and reposts (a repost fills followers' timelines just like a
post); replies and DMs are not (only the people in the conversation see them).
Measured over the most recent `window_days` of activity (ending at the last post, so
an old export is judged on its own last month) as posts per active day, i.e. per UTC
day with at least one post: one busy day is not averaged away by quiet ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, timedelta

from assistant.checks.registry import FeedContext, Hit, rule
from assistant.models import Feed

OVERPOSTING = rule(
    "overposting",
    severity="warning",
    component="cadence",
    rationale=(
        "More is not better: we plan clients at X 1-5 posts a day, LinkedIn 1-5, Facebook 1-2 and "
        "Instagram 3-7 a week (Hootsuite 2023). Past that, each post crowds out the last one."
    ),
    thresholds={
        "max_per_day": {
            "x": 5, "linkedin": 5, "facebook": 2, "instagram": 1, "threads": 5,
            "bluesky": 5, "mastodon": 5, "blog": 3,
        },
        "window_days": 28,
        "min_active_days": 3,
    },
)


@OVERPOSTING.feed_check
def _overposting(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    pool = [p for p in feed.posts if p.kind in ("post", "quote", "repost")]
    if not pool:
        return
    limit = ctx.thresholds["max_per_day"].get(feed.account.platform)
    if not limit:
        return
    end = pool[-1].created_at
    start = end - timedelta(days=ctx.thresholds["window_days"])
    days = Counter(p.created_at.astimezone(UTC).date() for p in pool if p.created_at > start)
    if len(days) < ctx.thresholds["min_active_days"]:
        return
    rate = sum(days.values()) / len(days)
    if rate <= limit:
        return
    busiest, most = max(days.items(), key=lambda kv: (kv[1], kv[0]))
    yield Hit(
        f"{rate:.1f} posts a day on {feed.account.platform} over the last "
        f"{ctx.thresholds['window_days']} days of activity; the norm is at most {limit}",
        evidence=f"{sum(days.values())} posts on {len(days)} active days; busiest {busiest}: {most}",
        impact=min(1.0, (rate / limit - 1) / 2),
    )
