"""Repetition: the same post again, "new" links that are not new, one link all day long.

Only broadcasts (posts and quotes) count as posting again: replies and DMs are
conversation, and a repost shares somebody else's words. A bare home-page link is a
signature, not content, so it never makes two posts "the same".
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from assistant.checks.history import BROADCAST_KINDS, content_links
from assistant.checks.neardup import MIN_WORDS, UnionFind, near_duplicate_labels
from assistant.checks.registry import FeedContext, Hit, PostContext, rule
from assistant.models import Feed, Post
from assistant.text import normalise

# A quarter of the posts being repeats is as far from the norm as a feed gets.
SATURATION = 0.25

REPEAT_POST = rule(
    "repeat-post",
    severity="warning",
    component="repetition",
    rationale=(
        "We tell clients not to repeat themselves: X's rules forbid duplicative or substantially "
        "similar posts, and followers who see the same words twice learn to scroll past us."
    ),
    thresholds={"window_days": 14, "similarity": 0.6, "max_findings": 5},
)

STALE_LATEST = rule(
    "stale-latest",
    severity="warning",
    component="repetition",
    rationale=(
        "Calling an old link our \"latest\" is the spam-engine habit we warn clients about: "
        "people notice the same \"new\" post every day and stop believing us."
    ),
    thresholds={"grace_hours": 24},
)

LINK_FLOOD = rule(
    "link-flood",
    severity="warning",
    component="repetition",
    rationale=(
        "Pushing one link several times a day is broadcasting, not a relationship: the people "
        "who follow us see it every time, and schedulers cap repeats at once per 48 hours for a reason."
    ),
    thresholds={"per_day": 3, "max_findings": 3},
)

LATEST = re.compile(
    r"""\b(?:our|my)\s+(?:brand[-\s])?(?:new|newest|latest)\b
      | \blatest\s+(?:blog|post|article|episode|video|issue|podcast)\b
      | \bnew\s+(?:blog|post|article|episode|video|podcast)\b
      | \bnew\s+(?:on|in)\s+(?:the|our)\s+(?:blog|podcast|channel|site|shop)\b
      | \bjust\s+(?:published|posted|released|launched|dropped|went\s+live|out)\b
      | \b(?:fresh|hot)\s+off\s+the\s+press\b
      | \bnew\s*:
      | \bout\s+now\b""",
    re.IGNORECASE | re.VERBOSE,
)


def latest_claim(text: str) -> str | None:
    """The words by which a post calls itself new ("our latest post", "NEW:"), or None."""
    match = LATEST.search(text)
    return match.group(0) if match else None


def _day(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _snippet(text: str, size: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "\u2026"


def _dates(moments: list[datetime], limit: int = 6) -> str:
    days = list(dict.fromkeys(_day(m) for m in moments))
    shown = ", ".join(days[:limit])
    return shown + (f" and {len(days) - limit} more days" if len(days) > limit else "")


@REPEAT_POST.post_check
def _repeat_against_history(post: Post, ctx: PostContext) -> Iterator[Hit]:
    if ctx.history is None or post.kind not in BROADCAST_KINDS:
        return
    window = timedelta(days=ctx.thresholds["window_days"])
    near = [
        m for m in ctx.history.similar(post.text, ctx.thresholds["similarity"])
        if m.post_id != post.id and abs(post.created_at - m.created_at) <= window
    ]
    if near:
        last = near[-1]
        how = "the same post" if last.similarity >= 1.0 else f"a {last.similarity:.0%} match of a post"
        yield Hit(
            f"This is {how} already published on {_day(last.created_at)}",
            evidence=f'"{_snippet(last.text)}" (post {last.post_id}, {_dates([m.created_at for m in near])})',
        )
        return
    for link in content_links(post):
        earlier = [
            s for s in ctx.history.links.get(link, ())
            if s.post_id != post.id and abs(post.created_at - s.created_at) <= window
        ]
        if earlier:
            yield Hit(
                f"This link was already posted {len(earlier)} time(s) in the last "
                f"{ctx.thresholds['window_days']} days",
                evidence=f"{link} on {_dates([s.created_at for s in earlier])}",
            )
            return


@STALE_LATEST.post_check
def _stale_against_history(post: Post, ctx: PostContext) -> Iterator[Hit]:
    claim = latest_claim(post.text)
    if claim is None or ctx.history is None:
        return
    grace = timedelta(hours=ctx.thresholds["grace_hours"])
    for link in content_links(post):
        first = ctx.history.links.get(link)
        if first and first[0].post_id != post.id and first[0].created_at < post.created_at - grace:
            days = (post.created_at - first[0].created_at).days
            yield Hit(
                f'Says "{claim}" but this link was first posted {days} days earlier',
                evidence=f"{link} first posted on {_day(first[0].created_at)} (post {first[0].post_id})",
            )
            return


@REPEAT_POST.feed_check
def _repeats_in_feed(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    posts = [p for p in feed.posts if p.kind in BROADCAST_KINDS]
    if len(posts) < 2:
        return
    labels = near_duplicate_labels(
        [normalise(p.text) for p in posts], ctx.thresholds["similarity"], min_words=MIN_WORDS
    )
    clusters = UnionFind(len(posts))
    first_with_link: dict[str, int] = {}
    for i, post in enumerate(posts):
        if labels[i] != i:
            clusters.union(labels[i], i)
        for link in content_links(post):
            clusters.union(first_with_link.setdefault(link, i), i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in clusters.touched:  # most posts are never joined to another: skip them
        groups[clusters.find(i)].append(i)
    window = timedelta(days=ctx.thresholds["window_days"])
    found = []
    for members in groups.values():
        members.sort()
        times = [posts[i].created_at for i in members]
        repeats = sum(1 for a, b in itertools.pairwise(times) if b - a <= window)
        if repeats:
            found.append((repeats, members))
    if not found:
        return
    total = sum(r for r, _ in found)
    impact = min(1.0, total / len(posts) / SATURATION)
    found.sort(key=lambda rm: (-rm[0], rm[1][0]))
    for repeats, members in found[: ctx.thresholds["max_findings"]]:
        first = posts[members[0]]
        times = [posts[i].created_at for i in members]
        what = _snippet(first.text) or ", ".join(content_links(first))
        yield Hit(
            f"The same or nearly the same post went out {len(members)} times ({repeats} within "
            f'{window.days} days of the previous one): "{what}"',
            evidence=f'"{what}" x{len(members)} on {_dates(times)}',
            impact=impact,
            examples=tuple(posts[i].id for i in members[:5]),
        )


@STALE_LATEST.feed_check
def _stale_in_feed(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    grace = timedelta(hours=ctx.thresholds["grace_hours"])
    first_seen: dict[str, datetime] = {}
    stale: list[tuple[Post, str, str]] = []
    broadcasts = 0
    for post in feed.posts:
        if post.kind == "dm":
            continue
        links = content_links(post)
        if post.kind in BROADCAST_KINDS:
            broadcasts += 1
            old = next(
                (lk for lk in links if lk in first_seen and first_seen[lk] < post.created_at - grace),
                None,
            )
            claim = latest_claim(post.text) if old else None  # the regex only when it matters
            if old and claim:
                stale.append((post, claim, old))
        for link in links:
            first_seen.setdefault(link, post.created_at)
    if not stale:
        return
    by_link: dict[str, list[Post]] = defaultdict(list)
    for post, _, link in stale:
        by_link[link].append(post)
    worst = max(by_link, key=lambda lk: len(by_link[lk]))
    claim = next(c for p, c, lk in stale if lk == worst)
    yield Hit(
        f"{len(stale)} posts call a link new or latest although it was posted before "
        f"({len(by_link)} links)",
        evidence=f'"{claim}" {worst}: first posted {_day(first_seen[worst])}, called new '
        f"{len(by_link[worst])} times since",
        impact=min(1.0, len(stale) / max(broadcasts, 1) / SATURATION),
        examples=tuple(p.id for p, _, _ in stale[:5]),
    )


@LINK_FLOOD.feed_check
def _link_flood(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    per_day = ctx.thresholds["per_day"]
    times: dict[str, list[Post]] = defaultdict(list)
    broadcasts = 0
    for post in feed.posts:
        if post.kind in BROADCAST_KINDS:
            broadcasts += 1
            for link in dict.fromkeys(content_links(post)):
                times[link].append(post)
    day = timedelta(hours=24)
    flooded: list[tuple[int, int, str, list[Post]]] = []
    for link, posts in times.items():
        if len(posts) < per_day:
            continue
        start, worst, worst_at, excess = 0, 0, 0, 0
        for end, post in enumerate(posts):
            while post.created_at - posts[start].created_at >= day:
                start += 1
            count = end - start + 1
            excess += count >= per_day
            if count > worst:
                worst, worst_at = count, end
        if worst >= per_day:
            flooded.append((excess, worst, link, posts[worst_at - worst + 1 : worst_at + 1]))
    if not flooded:
        return
    impact = min(1.0, sum(f[0] for f in flooded) / max(broadcasts, 1) / SATURATION)
    flooded.sort(key=lambda f: (-f[0], f[2]))
    for excess, worst, link, burst in flooded[: ctx.thresholds["max_findings"]]:
        yield Hit(
            f"{link} was posted {worst} times within 24 hours",
            evidence=f"{link}: {worst} times from {_utc(burst[0].created_at)} "
            f"to {_utc(burst[-1].created_at)} UTC ({excess} posts at or over the limit in all)",
            impact=impact,
            examples=tuple(p.id for p in burst[:5]),
        )
