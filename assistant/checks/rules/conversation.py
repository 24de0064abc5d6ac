"""Conversation: does the account talk with people, or only broadcast at them?

A conversation is a reply to somebody else or a DM. A reply to the account's own post
(a thread) is still broadcasting, so it does not count. Broadcasts are posts, quotes
and reposts: everything that lands in followers' timelines unasked.

A DM that opens its conversation with a pitch (cold outreach: the first DM of its
conversation, as sales-pitch tells it, in which sales-pitch finds a pitch) is no
conversation: it is counted as a broadcast. It lands unasked like a post, only in one
stranger's inbox instead of followers' timelines, and it is push marketing at its
purest. Counted as neither, an account that only cold-pitches would show no broadcasts
and so a perfect conversation; counted as a broadcast, its pitches weigh in the ratio and
keep the gap open while it sends them, as a post would (it is not dormant, it is selling).
The findings name them ("36 broadcasts, 6 of them cold pitch DMs"). A DM later in a
conversation (a reply in its thread, a later DM to the same people) stays conversation
even if it gives prices: they may have asked. So does a first DM that does not pitch
("Thanks for the follow!"). The judgement is sales-pitch's own (`opening_pitch`), with its
default thresholds, whether or not the user shows sales-pitch findings: ignoring that
rule hides its findings, it does not make a cold pitch a conversation. Only DMs are asked.

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

from assistant.checks.history import DmThreads
from assistant.checks.registry import FeedContext, Hit, rule
from assistant.checks.rules.sales_pitch import opening_pitch
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
    """(broadcasts, conversations) of a feed, as this module defines them. The only DMs
    among the broadcasts are the cold pitches (`opening_pitch`)."""
    # A reply to a post of the same author is a thread; a reply to anyone else (even one
    # whose post is in the same export, as in support data sets) is a conversation.
    author_of = {p.id: p.author for p in feed.posts}
    # The account's DMs so far: posts come oldest first (FeedContext), so these are all the
    # DMs a DM's conversation can have begun with. Only a DM is asked whether it pitches.
    sent = DmThreads()
    broadcasts: list[Post] = []
    talks: list[Post] = []
    for post in feed.posts:
        if post.kind == "dm":
            (broadcasts if opening_pitch(post, sent.earlier(post)) else talks).append(post)
            sent.add(post)
        elif post.kind == "reply" and author_of.get(post.in_reply_to or "", None) != post.author:
            talks.append(post)
        elif post.kind in ("post", "quote", "repost", "reply"):
            broadcasts.append(post)
    return broadcasts, talks


def _cold_pitches(broadcasts: list[Post]) -> tuple[int, str]:
    """How many of `broadcasts` are cold pitch DMs, and that said of them ("6 of them cold
    pitch DMs", "all of them cold pitch DMs"; empty when none is)."""
    cold = sum(p.kind == "dm" for p in broadcasts)
    if not cold:
        return 0, ""
    if cold == len(broadcasts):
        return cold, "all of them cold pitch DMs" if cold > 1 else "a cold pitch DM"
    return cold, f"{cold} of them cold pitch DMs" if cold > 1 else "1 of them a cold pitch DM"


@BROADCAST_ONLY.feed_check
def _broadcast_only(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    if not _can_converse(feed):
        return
    times = [p.created_at for p in feed.posts if is_dated(p)]
    if not times or (times[-1] - times[0]).total_seconds() < ctx.thresholds["min_days"] * 86400:
        return
    broadcasts, talks = split_feed(feed)
    limit = ctx.thresholds["max_broadcasts_per_reply"]
    if len(broadcasts) < ctx.thresholds["min_posts"] or len(broadcasts) <= limit * len(talks):
        return
    target = 1 / (1 + limit)
    share = len(talks) / (len(talks) + len(broadcasts))
    ratio = f"{len(broadcasts) / len(talks):.0f} to 1" if talks else "no replies at all"
    cold, pitched = _cold_pitches(broadcasts)
    yield Hit(
        f"{count(len(broadcasts), 'broadcast')}{f', {pitched},' if pitched else ''} for {count(len(talks), 'reply')} ({ratio}); "
        f"the norm we preach is at most {limit} to 1",
        evidence=f"{count(len(broadcasts) - cold, 'post')}, quotes and reposts"
        + (f", {count(cold, 'cold pitch DM')}; " if cold else "; ")
        + f"{count(len(talks), 'reply', 'replies')} to others and {'other ' if cold else ''}DMs",
        impact=min(1.0, 1 - share / target),
        posts=tuple(p.id for p in broadcasts),
    )


def _published_by(posts: list[Post], as_of: datetime) -> list[Post]:
    """The dated posts out by `as_of`: a draft has no time, a later post is not out yet."""
    return [p for p in posts if is_dated(p) and p.created_at <= as_of]


def _unanswered(broadcasts: list[Post], since: datetime, end: datetime, last_talk: datetime | None) -> str:
    """What the account did in its gap, with the dates that bound it."""
    posted = count(len(broadcasts), "broadcast")
    if pitched := _cold_pitches(broadcasts)[1]:
        posted += f" ({pitched})"
    if last_talk is None:
        return f"{posted} from {since:%Y-%m-%d} to {end:%Y-%m-%d}, no reply to anyone"
    # "to someone": a reply in the account's own thread is no conversation (split_feed); the
    # dates of the broadcasts themselves, since the gap may open with weeks of silence
    return (f"last replied to someone on {last_talk:%Y-%m-%d}; {posted} since, "
            f"{_between(broadcasts[0].created_at, end)}")


def _between(first: datetime, last: datetime) -> str:
    return f"on {first:%Y-%m-%d}" if first.date() == last.date() else f"from {first:%Y-%m-%d} to {last:%Y-%m-%d}"


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
        f"{span_of_days(gap).capitalize()} without a conversation while still posting: "
        f"{_unanswered(ignored, since, end, last_talk)}",
        evidence=f"last reply: {last_talk.isoformat() if last_talk else 'none in the feed'}; "
        f"last broadcast: {end.isoformat()}{' (a cold pitch DM)' if broadcasts[-1].kind == 'dm' else ''}",
        impact=min(1.0, (gap - max_days) / (4 * max_days)),
        posts=tuple(p.id for p in ignored),
    )
