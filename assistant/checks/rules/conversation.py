"""Conversation: does the account talk with people, or only broadcast at them?

A conversation is a reply to somebody else or a DM. A reply to the account's own post
(a thread) is still broadcasting, so it does not count. Broadcasts are posts, quotes
and reposts: everything that lands in followers' timelines unasked.

Some feeds cannot show conversation, so neither rule judges them:
- a blog (its conversation happens on the accounts that share it);
- a plan: a bulk-schedule or drafts file (`Feed.planned`, set by the Hootsuite and Buffer
  importers), or a feed of undated drafts only. Replies are never scheduled, so "no
  replies" there says nothing;
- an export too short to tell (`min_days` between its first and last dated post): a
  three-day page of a feed has not had the time to show who the account answers.
Undated drafts (the Unix epoch) never count as a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from assistant.checks.registry import FeedContext, Hit, rule
from assistant.models import Feed, Post, is_dated
from assistant.text import count, span_of_days

BROADCAST_ONLY = rule(
    "broadcast-only",
    severity="warning",
    component="conversation",
    rationale=(
        "We sell social media as relationships, not push marketing. Brands send 23 messages "
        "for every 1 reply to a consumer (Sprout Social Index 2016); our feeds should answer people."
    ),
    thresholds={"max_broadcasts_per_reply": 10, "min_posts": 10, "min_days": 7},
)

ENGAGEMENT_GAP = rule(
    "engagement-gap",
    severity="warning",
    component="conversation",
    rationale=(
        "Weeks of posting without answering anyone tell clients we talk at people; about 90% "
        "of messages to brands go unanswered (Sprout Social Index 2016), and ours should not."
    ),
    thresholds={"max_days": 14},
)


def is_plan(feed: Feed) -> bool:
    """True for a schedule or drafts: planned broadcasts, never a published history."""
    return feed.planned or not any(map(is_dated, feed.posts))


def _can_converse(feed: Feed) -> bool:
    # A blog has no replies to give; its conversation happens on the accounts that share it.
    return feed.account.platform != "blog" and not is_plan(feed)


def split_feed(feed: Feed) -> tuple[list[Post], list[Post]]:
    """(broadcasts, conversations) of a feed, as this module defines them."""
    # A reply to a post of the same author is a thread; a reply to anyone else (even one
    # whose post is in the same export, as in support data sets) is a conversation.
    author_of = {p.id: p.author for p in feed.posts}
    broadcasts: list[Post] = []
    talks: list[Post] = []
    for post in feed.posts:
        if post.kind == "dm" or (
            post.kind == "reply" and author_of.get(post.in_reply_to or "", None) != post.author
        ):
            talks.append(post)
        elif post.kind in ("post", "quote", "repost", "reply"):
            broadcasts.append(post)
    return broadcasts, talks


@BROADCAST_ONLY.feed_check
def _broadcast_only(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    if not _can_converse(feed):
        return
    broadcasts, talks = split_feed(feed)
    limit = ctx.thresholds["max_broadcasts_per_reply"]
    if len(broadcasts) < ctx.thresholds["min_posts"] or len(broadcasts) <= limit * len(talks):
        return
    times = [p.created_at for p in feed.posts if is_dated(p)]
    if not times or (times[-1] - times[0]).total_seconds() < ctx.thresholds["min_days"] * 86400:
        return
    target = 1 / (1 + limit)
    share = len(talks) / (len(talks) + len(broadcasts))
    ratio = f"{len(broadcasts) / len(talks):.0f} to 1" if talks else "no replies at all"
    yield Hit(
        f"{count(len(broadcasts), 'broadcast')} for {count(len(talks), 'reply')} ({ratio}); "
        f"the norm we preach is at most {limit} to 1",
        evidence=f"{count(len(broadcasts), 'post')}, quotes and reposts; "
        f"{count(len(talks), 'reply', 'replies')} to others and DMs",
        impact=min(1.0, 1 - share / target),
        posts=tuple(p.id for p in broadcasts),
    )


def _published_by(posts: list[Post], as_of: datetime) -> list[Post]:
    """The dated posts out by `as_of`: a draft has no time, a later post is not out yet."""
    return [p for p in posts if is_dated(p) and p.created_at <= as_of]


def _unanswered(broadcasts: int, since: datetime, end: datetime, last_talk: datetime | None) -> str:
    """What the account did in its gap, with the dates that bound it."""
    posted = count(broadcasts, "broadcast")
    if last_talk is None:
        return f"{posted} from {since:%Y-%m-%d} to {end:%Y-%m-%d}, no reply to anyone"
    return f"last replied on {last_talk:%Y-%m-%d}, {posted} since, the last on {end:%Y-%m-%d}"


@ENGAGEMENT_GAP.feed_check
def _engagement_gap(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    if not _can_converse(feed):
        return
    broadcasts, talks = (_published_by(posts, ctx.as_of) for posts in split_feed(feed))
    if not broadcasts:
        return
    last_talk: datetime | None = talks[-1].created_at if talks else None
    # no talk: every post out is a broadcast, oldest first (FeedContext), so the first opens the gap
    since = last_talk or broadcasts[0].created_at
    # Only a gap while broadcasting counts: a dormant account is not ignoring anyone. So the
    # gap ends at the last broadcast, never at the audit: what came after it (or after the
    # export was taken) is not in the data.
    end = broadcasts[-1].created_at
    max_days = ctx.thresholds["max_days"]
    gap = (end - since).total_seconds() / 86400
    # Judged in the whole days the message shows: never "14 days" as a breach of 14.
    if round(gap) <= max_days:
        return
    ignored = [p for p in broadcasts if last_talk is None or p.created_at > last_talk]
    yield Hit(
        f"Posted for {span_of_days(gap)} without a conversation: "
        f"{_unanswered(len(ignored), since, end, last_talk)}",
        evidence=f"last reply: {last_talk.isoformat() if last_talk else 'none in the feed'}; "
        f"last broadcast: {end.isoformat()}",
        impact=min(1.0, (gap - max_days) / (4 * max_days)),
        posts=tuple(p.id for p in ignored),
    )
