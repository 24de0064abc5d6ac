"""stale-latest: calling a link "our latest" when it is not, or not any more.

A post that calls a link new or latest ("our latest report", "NEW:", "just published")
is only wrong when the reader can tell: something newer came out since (a later post
links a different article of the same site: the account's own domains, or else the
link's host), or the same "latest" keeps coming back (the link went out again
`comebacks` times or more after its first day), or it calls new (not "latest") a link
first posted more than `new_for_days` before: "NEW on the blog" on a six-month-old article
is untrue whatever came after it. "Our latest report" posted again a week later, while it
still is the latest, is a fair reminder. In the feed check, a repost of the account's own
post is that post going out again (`is_broadcast`), and the finding says how many of the
stale calls were reposts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import NamedTuple

from assistant.checks.history import (
    NewerLinks,
    content_links,
    is_broadcast,
    is_self_repost,
    reposts_note,
)
from assistant.checks.registry import Briefed, FeedContext, Hit, PostContext, rule
from assistant.checks.rules.repetition import SATURATION, day
from assistant.models import Account, Post

STALE_LATEST = rule(
    "stale-latest",
    severity="warning",
    component="repetition",
    rationale=(
        "Calling an old link our \"latest\" is the spam-engine habit we warn clients about: "
        "people notice the same \"new\" post every day and stop believing us."
    ),
    thresholds={"grace_hours": 24, "comebacks": 2, "new_for_days": 30},
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


# A word every branch of LATEST holds whole: without one (most posts) it cannot match. Only
# for ASCII text, where IGNORECASE is plain ASCII case (Unicode text may match through "ſ").
_LATEST_WORDS = re.compile(r"\b(?:our|my|latest|new|just|fresh|hot|out)\b")


def latest_claim(text: str) -> str | None:
    """The words by which a post calls itself new ("our latest post", "NEW:"), or None."""
    if text.isascii() and _LATEST_WORDS.search(text.lower()) is None:
        return None
    match = LATEST.search(text)
    return match.group(0) if match else None


def _says_new(claim: str) -> bool:
    """True for a claim a link's age alone makes untrue ("new", "just published", "out now");
    "latest" and "newest" stay true until something newer comes out."""
    lowered = claim.lower()
    return "latest" not in lowered and "newest" not in lowered


def _too_old(claim: str, first: datetime, at: datetime, ctx: FeedContext | PostContext) -> bool:
    """A claim of "new" on a link first posted more than `new_for_days` before `at`."""
    return _says_new(claim) and at - first > timedelta(days=ctx.thresholds["new_for_days"])


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@STALE_LATEST.post_check
def _stale_against_history(post: Post, ctx: PostContext) -> Iterator[Hit]:
    claim = latest_claim(post.text)
    if claim is None or ctx.history is None:
        return
    grace = timedelta(hours=ctx.thresholds["grace_hours"])
    for link in content_links(post):
        earlier = [s for s in ctx.history.links.get(link, ())
                   if s.post_id != post.id and s.created_at < post.created_at]
        if not earlier or earlier[0].created_at >= post.created_at - grace:
            continue
        first = earlier[0]
        days = (post.created_at - first.created_at).days
        said = f'Says "{claim}" but this link was first posted {days} days earlier'
        where = f"{link} first posted on {day(first.created_at)} (post {first.post_id})"
        newer = ctx.history.newer_link(link, first.created_at, post.created_at, ctx.own_domains)
        if newer is not None:
            other, seen = newer
            yield Hit(f"{said}, and {other} came out since",
                      evidence=f"{where}; {other} on {day(seen.created_at)} (post {seen.post_id})")
            return
        if _too_old(claim, first.created_at, post.created_at, ctx):
            yield Hit(f"{said}: it is not new any more", evidence=where)
            return
        back = sum(1 for s in earlier if s.created_at >= first.created_at + grace) + 1
        if back >= ctx.thresholds["comebacks"]:
            yield Hit(f"{said}; this is the {_ordinal(len(earlier) + 1)} time it goes out", evidence=where)
            return


class _Claim(NamedTuple):
    """A broadcast that called an old link new (as the keeper briefs it, and whether it
    reposts the account's own post), and what the finding says of it."""

    post: Briefed
    reposted: bool
    claim: str
    link: str
    newer: str | None  # what came out since, when something did


@STALE_LATEST.feed_tally
class _StaleInFeed:
    """Per link, when it first went out and how often it came back; and each post that
    called an old link new."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        self.account, self.ctx = account.name, ctx
        self.grace = timedelta(hours=ctx.thresholds["grace_hours"])
        self.first_seen: dict[str, datetime] = {}
        self.newer = NewerLinks(ctx.own_domains)  # the links first seen, by group
        self.returns: dict[str, int] = defaultdict(int)  # times a link went out again after its first day
        self.brief = ctx.keeper.brief
        self.claims: list[_Claim] = []
        self.broadcasts = 0

    def add(self, post: Post) -> None:
        if post.kind == "dm":
            return
        links = content_links(post)
        first_seen = self.first_seen
        # a repost of its own post says its "NEW:" to the same followers again
        if is_broadcast(post, self.account):
            self.broadcasts += 1
            old = []
            if links:
                cutoff = post.created_at - self.grace
                old = [lk for lk in links if lk in first_seen and first_seen[lk] < cutoff]
            if old:
                for link in old:
                    self.returns[link] += 1
                claim = latest_claim(post.text)  # the regex only when it matters
                if claim:
                    newer = self.newer.newest(old[0], first_seen[old[0]])
                    self.claims.append(_Claim(self.brief(post), is_self_repost(post, self.account), claim,
                                              old[0], newer))
        for link in links:
            if link not in first_seen:
                first_seen[link] = post.created_at
                self.newer.add(post.created_at, link)

    def hits(self) -> Iterator[Hit]:
        ctx, first_seen, returns = self.ctx, self.first_seen, self.returns
        stale = [c for c in self.claims
                 if c.newer is not None or returns[c.link] >= ctx.thresholds["comebacks"]
                 or _too_old(c.claim, first_seen[c.link], c.post.created_at, ctx)]
        if not stale:
            return
        by_link: dict[str, list[_Claim]] = defaultdict(list)
        for claimed in stale:
            by_link[claimed.link].append(claimed)
        worst = max(by_link, key=lambda lk: len(by_link[lk]))
        claim, newer = next((c.claim, c.newer) for c in stale if c.link == worst)
        if newer:
            why = f"{newer} came out since"
        elif returns[worst] >= ctx.thresholds["comebacks"]:
            why = f"went out {returns[worst] + 1} times in all"
        else:
            why = f"the first {(by_link[worst][0].post.created_at - first_seen[worst]).days} days later"
        reposts = reposts_note(sum(c.reposted for c in stale), len(stale))
        yield Hit(
            f"{len(stale)} posts{reposts} call a link new or latest although it was posted before and "
            f"something newer came out, it keeps coming back, or it is over "
            f"{ctx.thresholds['new_for_days']} days old ({len(by_link)} links)",
            evidence=f'"{claim}" {worst}: first posted {day(first_seen[worst])}, called new '
            f"{_times(len(by_link[worst]))} since; {why}",
            impact=min(1.0, len(stale) / max(self.broadcasts, 1) / SATURATION),
            examples=tuple(c.post.id for c in stale[:5]),
            posts=tuple(c.post.id for c in stale),
        )
