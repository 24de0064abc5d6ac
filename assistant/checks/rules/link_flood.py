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

from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from assistant.checks.history import all_links, is_broadcast, is_self_repost, repost_note
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


class _Sent(NamedTuple):
    """One post of a link: what its finding says of it."""

    id: str
    created_at: datetime
    self_repost: bool


_DAY = timedelta(hours=24)


class _Link:
    """One link's running count: its posts of the last 24 hours, its busiest 24 hours so
    far, and the posts that were its `per_day`th or later in 24 hours."""

    __slots__ = ("count", "window", "worst", "excess", "floods", "flood_began")

    def __init__(self) -> None:
        self.count = 0
        self.window: deque[_Sent] = deque()
        self.worst: tuple[_Sent, ...] = ()
        self.excess = self.floods = 0
        self.flood_began: datetime | None = None  # a flood is a day from its first post past the limit

    def add(self, sent: _Sent, per_day: int) -> None:
        self.count += 1
        window, now = self.window, sent.created_at
        while window and now - window[0].created_at >= _DAY:
            window.popleft()
        window.append(sent)
        if len(window) >= per_day:
            self.excess += 1
            if self.flood_began is None or now - self.flood_began >= _DAY:
                self.floods, self.flood_began = self.floods + 1, now
        if len(window) > len(self.worst):
            self.worst = tuple(window)


@LINK_FLOOD.feed_tally
class _LinkFlood:
    """Per link the account broadcast, its running count (`_Link`)."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        self.account, self.ctx = account.name, ctx
        self.per_day: int = ctx.thresholds["per_day"]
        self.links: dict[str, _Link] = {}
        self.broadcasts = 0

    def add(self, post: Post) -> None:
        if not is_broadcast(post, self.account):
            return
        self.broadcasts += 1
        links = all_links(post)
        if links:
            sent = _Sent(post.id, post.created_at, is_self_repost(post, self.account))
            for link in links:
                state = self.links.get(link)
                if state is None:
                    state = self.links[link] = _Link()
                state.add(sent, self.per_day)

    def hits(self) -> Iterator[Hit]:
        per_day, broadcasts, own = self.per_day, self.broadcasts, self.ctx.own_domains
        flooded = [
            (state.excess, link, state) for link, state in self.links.items()
            if len(state.worst) >= per_day
            # the account's own home page rides along on its posts as a signature
            and ("/" in link or "?" in link or not _signature(link, state.count, broadcasts, own))
        ]
        if not flooded:
            return
        impact = min(1.0, sum(f[0] for f in flooded) / max(broadcasts, 1) / SATURATION)
        flooded.sort(key=lambda f: (-f[0], f[1]))
        for excess, link, state in flooded[: self.ctx.thresholds["max_findings"]]:
            burst, worst, floods = state.worst, len(state.worst), state.floods
            reposts = repost_note(sum(sent.self_repost for sent in burst), worst, one_post=True)
            yield Hit(
                f"{link} was posted {worst} times within 24 hours{reposts}"
                + (f", and {per_day} or more times in 24 hours on {floods} days" if floods > 1 else ""),
                evidence=f"{link}: {worst} times from {_utc(burst[0].created_at)} "
                f"to {_utc(burst[-1].created_at)} UTC ({count_of(excess, 'post')} in all "
                f"{'was' if excess == 1 else 'were'} its {_ordinal(per_day)} or later in 24 hours)",
                impact=impact,
                examples=tuple(sent.id for sent in burst[:5]),
                posts=tuple(sent.id for sent in burst),
            )
