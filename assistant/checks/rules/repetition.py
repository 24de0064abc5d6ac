"""repeat-post: the same words again, or one link pushed again and again in new words.

Only broadcasts (posts, quotes, and reposts of the account's own posts) count as posting
again: replies and DMs are conversation, and a repost of somebody else's post shares their
words. Reposting its own post is the spam engine's "same post three times a day" by the
button: it counts as the post again, and the finding says how many copies were reposts
("4 times in 12 hours (3 of them reposts of its own post)"). Posts are compared as a reader
sees them (`history.repeat_form`): the words with their @mentions and the page each links.
So "on @showA now!" and "on @showB now!" are two posts, a template that announces a
different video each time is not one post repeated, and the same thank-you sent 23 times
with only the sponsor's name changed is. A shared link alone never joins two posts: a
year of different news linking one page is not "the same post"; the same link with
different words is reported on its own, only when pushed more often than a reshare
schedule would (`link_repeats` times within `window_days`). A bare home-page link is a
signature, not content, so it never makes two posts "the same".
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from assistant.checks.history import (
    BROADCAST_KINDS,
    content_links,
    is_broadcast,
    repeat_form,
    self_repost_note,
    tagged_apart,
)
from assistant.checks.neardup import MIN_WORDS, NearDuplicates
from assistant.checks.registry import FeedContext, Hit, PostContext, rule
from assistant.models import Account, Post
from assistant.text import duration

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
    thresholds={"window_days": 14, "similarity": 0.6, "max_findings": 5, "link_repeats": 5},
)


def day(moment: datetime) -> str:
    """The UTC date of a moment, as the findings print it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


def snippet(text: str, size: int = 80) -> str:
    """One line of at most `size` characters."""
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "\u2026"


def dates(moments: Sequence[datetime], limit: int = 6) -> str:
    """The distinct days of `moments`, the first `limit` of them spelled out."""
    days = list(dict.fromkeys(day(m) for m in moments))
    shown = ", ".join(days[:limit])
    return shown + (f" and {len(days) - limit} more days" if len(days) > limit else "")


def what_repeats(posts: Sequence[Post]) -> str:
    """Say exactly what the posts of one cluster share: the words, and whether the link too."""
    words = {repeat_form(p.text) for p in posts}
    links = {tuple(sorted(content_links(p))) for p in posts}
    same = "The same words" if len(words) == 1 else "Nearly the same words"
    if links == {()}:
        return same
    if len(links) == 1:
        return f"{same} and the same link"
    return f"{same} with {len(links)} different links"


def _wordings(posts: Sequence[Post]) -> str:
    count = len({repeat_form(p.text) for p in posts})
    return f" in {count} wordings" if count > 1 else ""


@REPEAT_POST.post_check
def _repeat_against_history(post: Post, ctx: PostContext) -> Iterator[Hit]:
    if ctx.history is None or post.kind not in BROADCAST_KINDS:
        return
    window = timedelta(days=ctx.thresholds["window_days"])
    near = [
        m for m in ctx.history.similar(post, ctx.thresholds["similarity"])
        if m.post_id != post.id and abs(post.created_at - m.created_at) <= window
    ]
    if near:
        last = near[-1]
        how = "the same post" if last.similarity >= 1.0 else f"a {last.similarity:.0%} match of a post"
        # a queued original (the approval queue's history) is not out yet
        out = "scheduled for" if ctx.as_of is not None and last.created_at > ctx.as_of else "published on"
        yield Hit(
            f"This is {how} already {out} {day(last.created_at)}",
            evidence=f'"{snippet(last.text)}" (post {last.post_id}, {dates([m.created_at for m in near])})',
        )
        return
    for link in content_links(post):
        earlier = [
            s for s in ctx.history.links.get(link, ())
            if s.post_id != post.id and abs(post.created_at - s.created_at) <= window
        ]
        if len(earlier) + 1 >= ctx.thresholds["link_repeats"]:
            yield Hit(
                f"This link already went out {len(earlier)} times in the last "
                f"{window.days} days; this would be time {len(earlier) + 1}",
                evidence=f"{link} on {dates([s.created_at for s in earlier])}",
            )
            return


def _text_clusters(seen: _RepeatsInFeed) -> list[list[int]]:
    """Groups of two or more broadcasts with the same or nearly the same repeat form."""
    tagged = seen.tagged
    labels = seen.texts.labels(
        apart=lambda i, j: i in tagged and j in tagged and tagged_apart(tagged[i], tagged[j]))
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        if label != i:  # a label is its cluster's first member, so singletons never enter
            groups[label].append(i)
    return [[label, *members] for label, members in groups.items()]


def _link_pushes(times: list[datetime], by_link: dict[str, list[int]], labels: dict[int, int],
                 window: timedelta, repeats: int) -> Iterator[tuple[list[int], str, list[int], int]]:
    """Links that went out `repeats` times or more within `window` in more than one wording.

    Yields (the posts at or over the limit, link, the busiest window's posts, its wordings).
    """
    for link, members in by_link.items():
        if len(members) < repeats:
            continue
        start, worst, worst_at = 0, 0, 0
        over: list[int] = []
        for end, i in enumerate(members):
            while times[i] - times[members[start]] > window:
                start += 1
            count = end - start + 1
            if count >= repeats:
                over.append(i)
            if count > worst:
                worst, worst_at = count, end
        if worst < repeats:
            continue
        burst = members[worst_at - worst + 1 : worst_at + 1]
        wordings = len({labels.get(i, i) for i in burst})
        if wordings > 1:  # one wording is a text cluster, reported as the same words
            yield over, link, burst, wordings


def _cluster_hit(cluster: list[Post], again: int, window: timedelta, account: str = "") -> Hit:
    what = snippet(cluster[0].text) or ", ".join(content_links(cluster[0]))
    first, last = cluster[0].created_at, cluster[-1].created_at
    # All of them close together: how close says it best ("3 times within a minute", "23 times
    # in 11 hours"); spread out, how many came soon after the one before.
    if again < len(cluster) - 1 or last - first > window:
        when = f"({again} within {window.days} days of the previous one)"
    else:
        when = "within a minute" if last - first < timedelta(minutes=1) else f"in {duration(first, last)}"
    reposts = self_repost_note(cluster, account, one_post=True)
    return Hit(
        f'{what_repeats(cluster)} went out {len(cluster)} times {when}{reposts}: "{what}"',
        evidence=f'"{what}" x{len(cluster)}{_wordings(cluster)} on {dates([p.created_at for p in cluster])}',
        examples=tuple(p.id for p in cluster[:5]),
        posts=tuple(p.id for p in cluster[1:]),  # the copies after the first
    )


def _push_hit(burst: list[Post], link: str, wordings: int, account: str = "") -> Hit:
    first, last = burst[0].created_at, burst[-1].created_at
    return Hit(
        f"The same link with different words went out {len(burst)} times in "
        f"{(last - first).days + 1} days{self_repost_note(burst, account)}: {link}",
        evidence=f"{link}: {len(burst)} posts in {wordings} wordings from {day(first)} to {day(last)}",
        examples=tuple(p.id for p in burst[:5]),
        posts=tuple(p.id for p in burst[1:]),
    )


@REPEAT_POST.feed_tally
class _RepeatsInFeed:
    """The account's broadcasts, compared once the feed is read: near-repeats are sought
    across the whole feed, and which posts a cluster holds is known only then. A broadcast
    is kept as its time, its links and its words' digests (`NearDuplicates`); the posts a
    finding shows are recalled at the end (`FeedContext.keeper`), and only the texts that tag
    someone stay for `tagged_apart`."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        self.account, self.ctx = account.name, ctx
        self.keep, self.recall = ctx.keeper.keep, ctx.keeper.recall
        self.kept: list[Any] = []  # each broadcast, as the keeper keeps it
        self.times: list[datetime] = []
        self.by_link: dict[str, list[int]] = defaultdict(list)  # each content link's broadcasts
        self.tagged: dict[int, str] = {}  # the texts of the broadcasts that tag someone
        self.texts = NearDuplicates(ctx.thresholds["similarity"], min_words=MIN_WORDS)

    def add(self, post: Post) -> None:
        if not is_broadcast(post, self.account):
            return
        index = len(self.kept)
        self.kept.append(self.keep(post))
        self.times.append(post.created_at)
        links = content_links(post)
        for link in links:
            self.by_link[link].append(index)
        text = post.text
        if "@" in text:  # most posts tag nobody: the test is skipped for them
            self.tagged[index] = text
        self.texts.add(repeat_form(text, links))

    def hits(self) -> Iterator[Hit]:
        return _repeats(self, self.account, self.ctx)


def _repeats(seen: _RepeatsInFeed, account: str, ctx: FeedContext) -> Iterator[Hit]:
    if len(seen.kept) < 2:
        return
    window = timedelta(days=ctx.thresholds["window_days"])
    times = seen.times
    # (weight, first post, the posts it shows, how to say it of them): only the posts of the
    # findings shown are recalled, and their words put together
    found: list[tuple[int, int, list[int], Callable[[list[Post]], Hit]]] = []
    repeated: set[int] = set()
    labels: dict[int, int] = {}
    for members in _text_clusters(seen):
        labels.update(dict.fromkeys(members, members[0]))
        again = [b for a, b in itertools.pairwise(members) if times[b] - times[a] <= window]
        if again:
            repeated.update(again)
            found.append((len(again), members[0], members,
                          partial(_cluster_hit, again=len(again), window=window, account=account)))
    for over, link, burst, wordings in _link_pushes(times, seen.by_link, labels, window,
                                                    ctx.thresholds["link_repeats"]):
        repeated.update(over)
        found.append((len(over), burst[0], burst, partial(_push_hit, link=link, wordings=wordings, account=account)))
    if not found:
        return
    impact = min(1.0, len(repeated) / len(seen.kept) / SATURATION)
    found.sort(key=lambda f: (-f[0], f[1]))
    shown = found[: ctx.thresholds["max_findings"]]
    recalled = iter(seen.recall([seen.kept[i] for _, _, members, _ in shown for i in members]))
    for _, _, members, say in shown:
        hit = say(list(itertools.islice(recalled, len(members))))
        yield Hit(hit.message, hit.evidence, impact=impact, examples=hit.examples, posts=hit.posts)
