"""Cadence: how often the account posts, against each platform's norm (Hootsuite 2023).

Counted: what the account writes, posts and quotes. Replies and DMs are not (only the
people in the conversation see them), nor are reposts: passing on others' posts is
curation, and a feed that is mostly reposts is judged as what it is (self-promo-ratio
counts them as the sharing side of 80/20), not as an account posting too much.

Two checks, one rule, both on recent activity (windows ending at the last post, so an
old export is judged on its own last months, and an archive on what the account does
now rather than what an auto-poster did ten years before):
- the rate, over the last `window_days`: posts per active day, i.e. per UTC day with at
  least one post: one busy day is not averaged away by quiet ones;
- bursts, over the last `burst_window_days`: any `burst_hours` holding more than
  `burst_ratio` times the day's norm. A scheduler firing 23 posts in 11 hours is
  overposting even when the export covers two days, too few for a rate.
Both are the same habit, so the health score counts the worse of the two, not both.
Undated drafts (the Unix epoch) have no posting time and are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

from assistant.checks.length import PLATFORM_NAMES
from assistant.checks.registry import FeedContext, Hit, rule
from assistant.models import Feed, Post, is_dated
from assistant.text import count as count_of
from assistant.text import duration

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
        "burst_window_days": 90,
        "min_active_days": 3,
        "burst_hours": 24,
        "burst_ratio": 2.0,
    },
)


@OVERPOSTING.feed_check
def _overposting(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    # Undated drafts (imported at the Unix epoch) have no posting time to judge.
    dated = [
        p for p in feed.posts
        if p.kind in ("post", "quote") and is_dated(p)
    ]
    if not dated:
        return
    limit = ctx.thresholds["max_per_day"].get(feed.account.platform)
    if not limit:
        return
    yield from _rate(_recent(dated, ctx.thresholds["window_days"]), limit,
                     feed.account.platform, ctx)
    yield from _bursts(_recent(dated, ctx.thresholds["burst_window_days"]), limit,
                       feed.account.platform, ctx)


def _recent(posts: Sequence[Post], days: int) -> list[Post]:
    """The posts of the last `days` before the last post (oldest first)."""
    start = posts[-1].created_at - timedelta(days=days)
    return [p for p in posts if p.created_at > start]


def _rate(pool: Sequence[Post], limit: int, platform: str, ctx: FeedContext) -> Iterator[Hit]:
    days = Counter(p.created_at.astimezone(UTC).date() for p in pool)
    if len(days) < ctx.thresholds["min_active_days"]:
        return
    rate = sum(days.values()) / len(days)
    if rate <= limit:
        return
    busiest, most = max(days.items(), key=lambda kv: (kv[1], kv[0]))
    yield Hit(
        f"{rate:.1f} posts a day on {PLATFORM_NAMES.get(platform, platform)} on the "
        f"{count_of(len(days), 'day')} it posted in the {ctx.thresholds['window_days']} days to its "
        f"last post; the norm is at most {limit}",
        evidence=f"{sum(days.values())} posts on {len(days)} active days; busiest {busiest}: {most}",
        impact=min(1.0, (rate / limit - 1) / 2),
        # the posts of days over the norm, for the account's own numbers against the rest
        posts=tuple(p.id for p in pool if days[p.created_at.astimezone(UTC).date()] > limit),
    )


def _bursts(pool: Sequence[Post], limit: int, platform: str, ctx: FeedContext) -> Iterator[Hit]:
    """Posts that went out in a window of `burst_hours` holding more than the burst limit."""
    hours = ctx.thresholds["burst_hours"]
    most = int(ctx.thresholds["burst_ratio"] * limit)
    times = [p.created_at for p in pool]
    span = timedelta(hours=hours)
    in_burst = [False] * len(times)
    worst = (0, 0, 0)  # (count, first index, last index) of the densest window
    start = 0
    marked = 0  # in_burst is set for every index below this
    for end, moment in enumerate(times):
        while moment - times[start] >= span:
            start += 1
        count = end - start + 1
        if count > most:
            for i in range(max(start, marked), end + 1):
                in_burst[i] = True
            marked = end + 1
            if count > worst[0]:
                worst = (count, start, end)
    bursting = sum(in_burst)
    if not bursting:
        return
    count, first, last = worst
    days = len({times[i].astimezone(UTC).date() for i, hit in enumerate(in_burst) if hit})
    took = duration(times[first], times[last])
    examples = tuple(pool[i].id for i in range(first, min(last + 1, first + 5)))
    yield Hit(
        f"{bursting} of {len(pool)} posts went out in bursts of more than {most} within "
        f"{count_of(hours, 'hour')} (on {count_of(days, 'day')}); the norm on "
        f"{PLATFORM_NAMES.get(platform, platform)} "
        f"is at most {limit} a day",
        evidence=f"{count} posts in {took}, {_utc(times[first])} to {_utc(times[last])} UTC",
        impact=bursting / len(pool),
        examples=examples,
        posts=tuple(pool[i].id for i, hit in enumerate(in_burst) if hit),
    )


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")

