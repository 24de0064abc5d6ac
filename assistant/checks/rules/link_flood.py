"""link-flood: one link pushed several times within a day, whatever the words around it.

This is the shared-link case that repeat-post leaves alone when the words differ:
`per_day` posts carrying the same page within 24 hours is broadcasting, however the
copy is varied. A home page counts too (a sponsor's site five times in a day is pushed
all day), except the account's own: one of its `--own-domain`s, or, when those are not
known, a home page on half or more of ten or more posts, which is a signature.
Counted: the account's broadcasts, reposts of its own posts among them (`is_broadcast`):
reposting a post puts its link in front of the same followers again, and the finding
says how many were reposts.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from assistant.checks.history import all_links, is_broadcast, self_repost_note
from assistant.checks.registry import FeedContext, Hit, rule
from assistant.checks.rules.repetition import SATURATION
from assistant.models import Account, Post
from assistant.text import count as count_of
from assistant.text import on_domain
from assistant.text import own_domains as normal_domains

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


def _signature(home: str, count: int, broadcasts: int, own_domains: frozenset[str]) -> bool:
    """True for the account's own home page, which rides along on posts as a signature."""
    if own_domains:
        return on_domain(home, normal_domains(own_domains))
    return broadcasts >= 10 and count * 2 >= broadcasts


def _ordinal(n: int) -> str:
    """3 -> "3rd", 11 -> "11th", 22 -> "22nd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


@LINK_FLOOD.feed_tally
class _LinkFlood:
    """Per link the account broadcast, the times of the posts that carry it (their 24-hour
    windows are counted once the feed is read: whether a home page is the account's
    signature depends on how many of all its broadcasts carry it), and the posts as the
    keeper keeps them: a finding recalls those of its busiest day (`FeedContext.keeper`)."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        self.account, self.ctx = account.name, ctx
        self.keep, self.recall = ctx.keeper.keep, ctx.keeper.recall
        self.times: dict[str, list[datetime]] = defaultdict(list)
        self.kept: dict[str, list[Any]] = defaultdict(list)
        self.broadcasts = 0

    def add(self, post: Post) -> None:
        if is_broadcast(post, self.account):
            self.broadcasts += 1
            links = all_links(post)
            if links:
                token = self.keep(post)
                for link in links:
                    self.times[link].append(post.created_at)
                    self.kept[link].append(token)

    def hits(self) -> Iterator[Hit]:
        return _floods(self, self.ctx)


def _floods(seen: _LinkFlood, ctx: FeedContext) -> Iterator[Hit]:
    per_day = ctx.thresholds["per_day"]
    times = seen.times
    for link in [lk for lk in times if "/" not in lk and "?" not in lk]:  # home pages
        if _signature(link, len(times[link]), seen.broadcasts, ctx.own_domains):
            del times[link], seen.kept[link]
    day = timedelta(hours=24)
    # (posts past the limit, the busiest day's count, link, where that day's posts end, days flooded)
    flooded: list[tuple[int, int, str, int, int]] = []
    for link, sent in times.items():
        if len(sent) < per_day:
            continue
        start, worst, worst_at, excess, floods = 0, 0, 0, 0, 0
        flood_began: datetime | None = None  # a flood is a day from its first post past the limit
        for end, moment in enumerate(sent):
            while moment - sent[start] >= day:
                start += 1
            count = end - start + 1
            if count >= per_day:
                excess += 1
                if flood_began is None or moment - flood_began >= day:
                    floods, flood_began = floods + 1, moment
            if count > worst:
                worst, worst_at = count, end
        if worst >= per_day:
            flooded.append((excess, worst, link, worst_at + 1, floods))
    if not flooded:
        return
    impact = min(1.0, sum(f[0] for f in flooded) / max(seen.broadcasts, 1) / SATURATION)
    flooded.sort(key=lambda f: (-f[0], f[2]))
    shown = flooded[: ctx.thresholds["max_findings"]]
    recalled = iter(seen.recall([token for _, worst, link, stop, _ in shown
                                 for token in seen.kept[link][stop - worst : stop]]))
    for excess, worst, link, _, floods in shown:
        burst = list(itertools.islice(recalled, worst))
        yield Hit(
            f"{link} was posted {worst} times within 24 hours{self_repost_note(burst, seen.account, one_post=True)}"
            + (f", and {per_day} or more times in 24 hours on {floods} days" if floods > 1 else ""),
            evidence=f"{link}: {worst} times from {_utc(burst[0].created_at)} "
            f"to {_utc(burst[-1].created_at)} UTC ({count_of(excess, 'post')} in all "
            f"{'was' if excess == 1 else 'were'} its {_ordinal(per_day)} or later in 24 hours)",
            impact=impact,
            examples=tuple(p.id for p in burst[:5]),
            posts=tuple(p.id for p in burst),
        )
