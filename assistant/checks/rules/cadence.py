"""Cadence: how often the account posts, against each platform's norm (Hootsuite 2023).

Counted: what the account writes, posts and quotes, and its reposts of its own posts
(the same post out again to the same followers: `history.is_self_repost`). Replies and DMs
are not (only the people in the conversation see them), nor are reposts of others: passing
on others' posts is curation, and a feed that is mostly reposts is judged as what it is
(self-promo-ratio counts them as the sharing side of 80/20), not as an account posting too
much.

A platform's norm is a day's (`max_per_day`: X 1-5, LinkedIn 1-5, Facebook 1-2; Threads,
Bluesky and Mastodon as X; a blog 3) or a week's (`max_per_week`: Instagram 3-7), and is
judged in its own unit: posts per day cannot express a weekly norm. An Instagram account
posting twice on Tuesdays and twice on Fridays posts 4 times a week, within 3-7, yet read
per day it was "2.0 posts a day on the days it posted", over a cap of 1. A platform a
config gives both norms is judged against both.

The checks, all on recent activity (windows ending at the last post, so an old export is
judged on its own last months, and an archive on what the account does now rather than
what an auto-poster did ten years before):
- a daily norm's rate, over the last `window_days`: posts per active day, i.e. per UTC
  day with at least one post: one busy day is not averaged away by quiet ones;
- a daily norm's bursts, over the last `burst_window_days`: any `burst_hours` holding more
  than `burst_ratio` times the day's norm. A scheduler firing 23 posts in 11 hours is
  overposting even when the export covers two days, too few for a rate;
- a weekly norm's weeks, over the last `window_days`: any 7 days (a rolling week, not a
  calendar one, so Sunday's and Monday's posts are one week) holding more posts than the
  norm. A week is already a count, not a rate to extrapolate: one week is enough to judge,
  and a scheduler's burst there is a week over the norm.
They are the same habit, so the health score counts the worst of them, not all.
Undated drafts (the Unix epoch) have no posting time and are left out.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

from assistant.checks.history import is_broadcast
from assistant.checks.length import PLATFORM_NAMES
from assistant.checks.registry import Briefed, FeedContext, Hit, rule
from assistant.models import Account, Post, is_dated
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
            "x": 5, "linkedin": 5, "facebook": 2, "threads": 5, "bluesky": 5, "mastodon": 5, "blog": 3,
        },
        "max_per_week": {"instagram": 7},
        "window_days": 28,
        "burst_window_days": 90,
        "min_active_days": 3,
        "burst_hours": 24,
        "burst_ratio": 2.0,
    },
)


@OVERPOSTING.feed_tally
class _Overposting:
    """The dated broadcasts of the longest window a check looks back over, to the latest, as
    the keeper briefs them (their ids and times are all a finding reads)."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        self.account, self.platform, self.ctx = account.name, account.platform, ctx
        self.span = timedelta(days=max(ctx.thresholds["window_days"], ctx.thresholds["burst_window_days"]))
        self.brief = ctx.keeper.brief
        self.recent: deque[Briefed] = deque()

    def add(self, post: Post) -> None:
        # Undated drafts (imported at the Unix epoch) have no posting time to judge.
        if not is_broadcast(post, self.account) or not is_dated(post):
            return
        recent, start = self.recent, post.created_at - self.span
        while recent and recent[0].created_at <= start:
            recent.popleft()
        recent.append(self.brief(post))

    def hits(self) -> Iterator[Hit]:
        dated, ctx, platform = list(self.recent), self.ctx, self.platform
        if not dated:
            return
        if per_day := ctx.thresholds["max_per_day"].get(platform):
            yield from _rate(_recent(dated, ctx.thresholds["window_days"]), per_day, platform, ctx)
            yield from _bursts(_recent(dated, ctx.thresholds["burst_window_days"]), per_day, platform, ctx)
        if per_week := ctx.thresholds["max_per_week"].get(platform):
            yield from _weeks(_recent(dated, ctx.thresholds["window_days"]), per_week, platform, ctx)


def _recent(posts: Sequence[Briefed], days: int) -> list[Briefed]:
    """The posts of the last `days` before the last post (oldest first)."""
    start = posts[-1].created_at - timedelta(days=days)
    return [p for p in posts if p.created_at > start]


def _rate(pool: Sequence[Briefed], limit: int, platform: str, ctx: FeedContext) -> Iterator[Hit]:
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


def _bursts(pool: Sequence[Briefed], limit: int, platform: str, ctx: FeedContext) -> Iterator[Hit]:
    """Posts that went out in a window of `burst_hours` holding more than the burst limit."""
    hours = ctx.thresholds["burst_hours"]
    most = int(ctx.thresholds["burst_ratio"] * limit)
    times = [p.created_at for p in pool]
    crowded, (count, first, last) = _crowded(times, timedelta(hours=hours), most)
    if not crowded:
        return
    days = len({times[i].astimezone(UTC).date() for i in crowded})
    took = duration(times[first], times[last])
    examples = tuple(pool[i].id for i in range(first, min(last + 1, first + 5)))
    yield Hit(
        f"{len(crowded)} of {len(pool)} posts went out in bursts of more than {most} within "
        f"{count_of(hours, 'hour')} (on {count_of(days, 'day')}); the norm on "
        f"{PLATFORM_NAMES.get(platform, platform)} "
        f"is at most {limit} a day",
        evidence=f"{count} posts in {took}, {_utc(times[first])} to {_utc(times[last])} UTC",
        impact=len(crowded) / len(pool),
        examples=examples,
        posts=tuple(pool[i].id for i in crowded),
    )


def _weeks(pool: Sequence[Briefed], limit: int, platform: str, ctx: FeedContext) -> Iterator[Hit]:
    """Posts that went out in 7 days holding more than a weekly norm of `limit`."""
    times = [p.created_at for p in pool]
    crowded, (most, first, last) = _crowded(times, timedelta(days=7), limit)
    if not crowded:
        return
    window = ctx.thresholds["window_days"]
    yield Hit(
        f"{most} posts in 7 days on {PLATFORM_NAMES.get(platform, platform)} (its busiest week in the "
        f"{window} days to its last post); the norm is at most {limit} a week",
        evidence=f"{most} posts from {_utc(times[first])} to {_utc(times[last])} UTC; "
        f"{len(crowded)} of {len(pool)} posts in weeks over {limit}",
        impact=min(1.0, (most / limit - 1) / 2),
        examples=tuple(pool[i].id for i in range(first, min(last + 1, first + 5))),
        posts=tuple(pool[i].id for i in crowded),
    )


def _crowded(times: Sequence[datetime], span: timedelta, most: int) -> tuple[list[int], tuple[int, int, int]]:
    """The indices of `times` (oldest first) that fall in a window shorter than `span` holding
    more than `most` of them, and the densest such window: (count, first index, last index).
    One pass: each window is the one ending at a time, each time marked once."""
    crowded: list[int] = []
    worst = (0, 0, 0)
    start = 0
    marked = 0  # the current window's indices below this are in `crowded` already
    for end, moment in enumerate(times):
        while moment - times[start] >= span:
            start += 1
        count = end - start + 1
        if count > most:
            crowded.extend(range(max(start, marked), end + 1))
            marked = end + 1
            if count > worst[0]:
                worst = (count, start, end)
    return crowded, worst


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")

