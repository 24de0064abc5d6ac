"""Conversation: does the account talk with people, or only broadcast at them?

A conversation is a reply to somebody else or a DM. A reply to the account's own post
(a thread) is still broadcasting, so it does not count. Broadcasts are posts, quotes
and reposts: everything that lands in followers' timelines unasked. The audit's header
counts a thread's replies as replies, so broadcast-only's evidence names them ("2019
posts, quotes and reposts, 43 replies to its own posts (...); 34 replies to others"):
the numbers on the page add up.

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
("Thanks for the follow!"). The judgement is sales-pitch's own (`opening_pitch`,
`pitch_evidence`), with its default thresholds, whether or not the user shows sales-pitch
findings: ignoring that rule hides its findings, it does not make a cold pitch a
conversation. Only DMs are asked.

A later DM that pitches earns that benefit of the doubt only where the export shows whom it
continues with, and only when it was written for them:
- a DM with no thread and naming nobody cannot be told apart from any earlier DM
  (`is_first_dm` reads it as following them all), so nothing shows it answers anyone: if it
  pitches, it is outreach. Else six cold DMs in a DM export without thread ids would count
  as one pitch and five conversations;
- a mailing, the same words in `MAILING` DMs or more with only the greeting or the handle
  changed ("Hi Priya, ..." / "Hi Tom, ..."), is outreach whatever its threading when it
  pitches: a sequence tool's follow-up sits in each recipient's thread, yet nobody asked
  for it. A mailing that does not pitch is left as it is: a support desk's canned answer is
  the same words to many people, each of whom wrote first (their messages are not in the
  account's export), and it is conversation.

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

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from assistant.checks.history import GREETINGS, DmThreads, content_links, repeat_form
from assistant.checks.neardup import MIN_WORDS, near_duplicate_labels
from assistant.checks.registry import IN_MEMORY, Briefed, FeedContext, Hit, rule
from assistant.checks.rules.sales_pitch import is_first_dm, opening_pitch, pitch_evidence
from assistant.models import Account, Feed, Post, dated, is_dated
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


# The same words in this many DMs are a mailing, not messages written for each person.
MAILING = 3
# How alike two DMs must be to be one text (`repeat-post`'s default for "nearly the same").
_SAME_TEXT = 0.6
# What a mail merge changes: the greeting's name ("Hi Priya,", "Dear Ms Okafor:") and handles.
_GREETING = re.compile(
    rf"^\W*(?:{GREETINGS}|morning|good (?:morning|afternoon|evening))\b[^\n,.!:;?]{{0,40}}",
    re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w[\w.]*")


@dataclass(frozen=True, slots=True)
class Split:
    """A feed's broadcasts and conversations, as this module defines them (`Conversations`)."""

    broadcasts: list[Briefed]
    talks: list[Briefed]
    mailed: dict[str, int]  # the DMs sent as a mailing, by id: which text (`_mailings`)


class Conversations:
    """A feed read into broadcasts and conversations, post by post (oldest first, as
    `FeedTally` is shown them), split once the feed is read: a reply's parent may be any
    post of the feed, and a mailing is known only once all DMs are. The only DMs among the
    broadcasts are cold pitches (`_pitches_cold`). Every post is kept as `brief` gives it
    (`Keeper.brief`); the DMs whole, since they are read for a pitch."""

    def __init__(self, brief: Callable[[Post], Briefed] = IN_MEMORY.brief) -> None:
        self.posts: list[Briefed] = []
        self.dms: list[Post] = []
        self.first: datetime | None = None  # the first and last dated posts (None: no post is dated)
        self.last: datetime | None = None
        self._brief = brief
        self._split: Split | None = None

    def add(self, post: Post) -> None:
        self._split = None
        self.posts.append(self._brief(post))
        if post.kind == "dm":
            self.dms.append(post)
        if is_dated(post):
            self.first = self.first or post.created_at
            self.last = post.created_at

    def split(self) -> Split:
        """The broadcasts and conversations of the feed (read once: both rules ask)."""
        if self._split is None:
            self._split = _split(self.posts, self.dms)
        return self._split


def _split(posts: list[Briefed], dms: list[Post]) -> Split:
    # A reply to a post of the same author is a thread; a reply to anyone else (even one
    # whose post is in the same export, as in support data sets) is a conversation.
    author_of = {p.id: p.author for p in posts}
    cold, mailed = _read_dms(dms)
    pitches = iter(cold)  # in the DMs' order, as they come below
    broadcasts: list[Briefed] = []
    talks: list[Briefed] = []
    for post in posts:
        if post.kind == "dm":
            (broadcasts if next(pitches) else talks).append(post)
        elif post.kind == "reply" and author_of.get(post.in_reply_to or "", None) != post.author:
            talks.append(post)
        elif post.kind in ("post", "quote", "repost", "reply"):
            broadcasts.append(post)
    return Split(broadcasts, talks, mailed)


def _read_dms(dms: list[Post]) -> tuple[list[bool], dict[str, int]]:
    """Whether each DM is a cold pitch, and the DMs sent as a mailing (`_mailings`)."""
    if not dms:
        return [], {}
    mailed = _mailings(dms)
    # The account's DMs so far: posts come oldest first (FeedContext), so these are all the
    # DMs a DM's conversation can have begun with. Only a DM is asked whether it pitches.
    sent = DmThreads()
    cold = []
    for dm in dms:
        cold.append(_pitches_cold(dm, sent.earlier(dm), mailed))
        sent.add(dm)
    return cold, mailed


def _pitches_cold(dm: Post, earlier: list[Post], mailed: dict[str, int]) -> bool:
    """True when `dm` is outreach: it pitches, and nothing shows it answers someone. A first
    DM of its conversation answers nobody (`opening_pitch`); a later one does when the export
    shows its conversation (a thread or the people it names) and it was written for them."""
    if opening_pitch(dm, earlier):
        return True
    if is_first_dm(dm, earlier):  # one that does not pitch ("Thanks for the follow!")
        return False
    answers = bool(dm.in_reply_to or dm.mentions) and dm.id not in mailed
    return not answers and pitch_evidence(dm) is not None


def _mailings(dms: list[Post]) -> dict[str, int]:
    """The DMs whose words, the greeting's name and handles aside, went out in `MAILING` DMs
    or more (one text sent to many), by id: a number naming their text. Near-duplicate
    clustering, so linear."""
    forms = (repeat_form(_HANDLE.sub("", _GREETING.sub("", dm.text)), content_links(dm)) for dm in dms)
    labels = near_duplicate_labels(forms, _SAME_TEXT, min_words=MIN_WORDS)
    sizes = Counter(labels)
    return {dm.id: label for dm, label in zip(dms, labels, strict=True) if sizes[label] >= MAILING}


def _cold_pitches(broadcasts: list[Briefed]) -> str:
    """How many of `broadcasts` are cold pitch DMs, said of them ("6 of them cold pitch DMs",
    "all of them cold pitch DMs"; empty when none is)."""
    cold = sum(p.kind == "dm" for p in broadcasts)
    if not cold:
        return ""
    if cold == len(broadcasts):
        return "all of them cold pitch DMs" if cold > 1 else "a cold pitch DM"
    return f"{cold} of them cold pitch DMs" if cold > 1 else "1 of them a cold pitch DM"


class _Conversing:
    """What both conversation rules read: the feed's split (`Conversations`), whether it is a
    plan, and whose it is."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        self.ctx = ctx
        self.blog, self.planned = account.platform == "blog", planned
        # Both rules read the feed the same way, and reading each DM for a pitch is most of
        # an audit of a DM export: the first rule's tally reads, the second asks it. So a
        # driver must show the first every post before asking the second (the audit does).
        shared = ctx.shared.get(Conversations)
        if shared is None:
            shared = ctx.shared[Conversations] = Conversations(ctx.keeper.brief)
            self.add = shared.add
        else:
            self.add = _read_by_another
        self.conversations: Conversations = shared

    def can_converse(self) -> bool:
        """A blog has no replies to give; its conversation happens on the accounts that share
        it. A plan (a schedule, or drafts: no post dated, `is_plan`) never holds replies."""
        return not self.blog and not self.planned and self.conversations.first is not None


def _read_by_another(post: Post) -> None:
    """A post the tally that shares its `Conversations` has read already."""


@BROADCAST_ONLY.feed_tally
class _BroadcastOnly(_Conversing):
    def hits(self) -> Iterator[Hit]:
        if not self.can_converse():
            return
        ctx, read = self.ctx, self.conversations
        assert read.first is not None and read.last is not None  # dated (can_converse)
        if (read.last - read.first).total_seconds() < ctx.thresholds["min_days"] * 86400:
            return
        split = read.split()
        broadcasts, talks = split.broadcasts, split.talks
        limit = ctx.thresholds["max_broadcasts_per_reply"]
        if len(broadcasts) < ctx.thresholds["min_posts"] or len(broadcasts) <= limit * len(talks):
            return
        target = 1 / (1 + limit)
        share = len(talks) / (len(talks) + len(broadcasts))
        ratio = f"{len(broadcasts) / len(talks):.0f} to 1" if talks else "no replies at all"
        pitched = _cold_pitches(broadcasts)
        yield Hit(
            f"{count(len(broadcasts), 'broadcast')}{f', {pitched},' if pitched else ''} for {count(len(talks), 'reply')} ({ratio}); "
            f"the norm we preach is at most {limit} to 1",
            evidence=_what_was_counted(split),
            impact=min(1.0, 1 - share / target),
            posts=tuple(p.id for p in broadcasts),
        )


def _what_was_counted(split: Split) -> str:
    """The broadcasts and talks by kind, so that they add up to the audit's own counts: a
    reply in the account's own thread is a broadcast, and the header counts it as a reply
    ("2019 posts, quotes and reposts, 43 replies to its own posts (...); 34 replies to others")."""
    kinds = Counter("dm" if p.kind == "dm" else "thread" if p.kind == "reply" else "post" for p in split.broadcasts)
    said = [f"{count(kinds['post'], 'post')}, quotes and reposts"]
    if kinds["thread"]:
        said.append(f"{count(kinds['thread'], 'reply', 'replies')} to its own posts (threads count as broadcasts)")
    if kinds["dm"]:
        said.append(f"{count(kinds['dm'], 'cold pitch DM')}{_mailed(split, kinds['dm'])}")
    talked = f"{count(len(split.talks), 'reply', 'replies')} to others and {'other ' if kinds['dm'] else ''}DMs"
    return f"{', '.join(said)}; {talked}"


def _mailed(split: Split, cold: int) -> str:
    """How many of the `cold` pitch DMs were a mailing (" (all of them copies of one
    message)"), or ""."""
    mailed = [p for p in split.broadcasts if p.id in split.mailed]
    if not mailed:
        return ""
    texts = len({split.mailed[p.id] for p in mailed})
    of = "one message" if texts == 1 else f"{texts} messages"
    if len(mailed) == 1:
        return f" (1 of them a copy of {of})"
    return f" ({'all' if len(mailed) == cold else len(mailed)} of them copies of {of})"


def _published_by(posts: list[Briefed], as_of: datetime) -> list[Briefed]:
    """The dated posts out by `as_of`: a draft has no time, a later post is not out yet."""
    return [p for p in posts if dated(p.created_at) and p.created_at <= as_of]


def _unanswered(broadcasts: list[Briefed], since: datetime, end: datetime, last_talk: datetime | None) -> str:
    """What the account did in its gap, with the dates that bound it."""
    posted = count(len(broadcasts), "broadcast")
    if pitched := _cold_pitches(broadcasts):
        posted += f" ({pitched})"
    if last_talk is None:
        return f"{posted} from {since:%Y-%m-%d} to {end:%Y-%m-%d}, no reply to anyone"
    # "to someone": a reply in the account's own thread is no conversation (`Conversations`); the
    # dates of the broadcasts themselves, since the gap may open with weeks of silence
    return (f"last replied to someone on {last_talk:%Y-%m-%d}; {posted} since, "
            f"{_between(broadcasts[0].created_at, end)}")


def _between(first: datetime, last: datetime) -> str:
    return f"on {first:%Y-%m-%d}" if first.date() == last.date() else f"from {first:%Y-%m-%d} to {last:%Y-%m-%d}"


@ENGAGEMENT_GAP.feed_tally
class _EngagementGap(_Conversing):
    def hits(self) -> Iterator[Hit]:
        if self.can_converse():
            yield from _gap(self.conversations.split(), self.ctx)


def _gap(split: Split, ctx: FeedContext) -> Iterator[Hit]:
    broadcasts, talks = _published_by(split.broadcasts, ctx.as_of), _published_by(split.talks, ctx.as_of)
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
