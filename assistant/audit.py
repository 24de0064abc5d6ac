"""Audit one feed: stats, every feed rule, post rules summarised, and the health score.

Pure: no I/O and no clock; `as_of` says when the audit is taken, and posts after it
are ignored (a scheduled post is not part of the feed yet).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from operator import attrgetter
from typing import Any, Protocol

from assistant.audit_parallel import (
    BlockClaims,
    Chunks,
    Forked,
    worth_forking,
    worth_forking_stream,
)
from assistant.audit_summary import summary
from assistant.checks.history import History, trim_link_caches
from assistant.checks.registry import (
    IN_MEMORY,
    Brief,
    FeedContext,
    FeedTally,
    Hit,
    Keeper,
    PostContext,
    TallyFactory,
    fold,
    iter_hits,
)
from assistant.checks.ruleset import ActiveRule, RuleSet
from assistant.evidence import compare_posts, counted
from assistant.gcpause import collector_paused
from assistant.health import RuleImpact, health_score, points_lost
from assistant.models import (
    POST_KINDS,
    Account,
    Feed,
    FeedAudit,
    FeedStats,
    Finding,
    Post,
    is_dated,
    severity_rank,
)

PROGRESS_EVERY = 1000
STAGE_FEED = "checking feed habits (near-duplicates, links, cadence)"
STAGE_POSTS = "checking posts"
# Post rules: a quarter of the posts doing it is as far from the norm as a feed gets.
POST_RULE_SATURATION = 0.25
# Posts in one chunk the parent and a forked child claim: ~30 ms of checks, so the one
# that finishes first waits for the other at most that long.
CHUNK_POSTS = 1000


# Found = what post rules found, per rule in order: (posts checked, severity -> (ids, evidence)).
Found = list[tuple[int, dict[str, tuple[list[str], str]]]]


def _check_posts(posts: Sequence[Post], tallies: list[_Tally],
                 progress: Callable[[str, int, int], None] | None = None) -> None:
    """Run every post rule over the posts into `tallies`."""
    total = len(posts)
    # The hot loop (posts x post rules): per kind, the checks that apply, as plain tuples.
    plans: dict[str, list[tuple[Any, PostContext, _Tally]]] = {}
    for kind, count in Counter(post.kind for post in posts).items():
        plans[kind] = []
        for tally in tallies:
            if kind in tally.active.rule.applies_to:
                tally.applicable += count
                plans[kind].append((tally.active.rule.post, tally.context, tally))
    for done, post in enumerate(posts):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(STAGE_POSTS, done, total)
        for check, context, tally in plans[post.kind]:
            hits = check(post, context)
            if hits:
                rest = iter(hits)
                for first in rest:  # most posts hit nothing: no call for them
                    tally.add(post.id, first, rest)
                    break
    if progress is not None:
        progress(STAGE_POSTS, total, total)


def _fresh(tallies: list[_Tally]) -> list[_Tally]:
    return [_Tally(t.active, t.context) for t in tallies]


def _check_chunks(posts: Sequence[Post], tallies: list[_Tally], claim: Callable[[], int | None],
                  checked: Callable[[], None] | None = None) -> list[Found]:
    """Check the chunks of posts `claim` hands out until none is left; what each found, in
    the order claimed. `checked` is called after each chunk."""
    parts = []
    while (chunk := claim()) is not None:
        part = _fresh(tallies)
        _check_posts(posts[chunk * CHUNK_POSTS : (chunk + 1) * CHUNK_POSTS], part)
        parts.append([t.found() for t in part])
        if checked is not None:
            checked()
    return parts


# What one side of a forked audit found: the hits of the feed rules it ran, by the rule's
# place in the rule set, and the post rules' findings of each chunk it checked, in order.
Shared = tuple[dict[int, list[Hit]], list[Found]]


def _feed_rule(active: ActiveRule, as_of: datetime, own_domains: frozenset[str],
               shared: dict[type, Any], keeper: Keeper = IN_MEMORY) -> tuple[TallyFactory, FeedContext]:
    """What makes a feed rule's running state, and its context in one audit; `shared`: what
    the audit's feed rules share (`FeedContext.shared`); `keeper`: how they keep posts."""
    assert active.rule.tally is not None  # a feed rule (RuleSet.feed_rules)
    return active.rule.tally, FeedContext(active.thresholds, as_of, own_domains, shared, keeper)


def _feed_hits(index: int, rules: RuleSet, view: Feed, as_of: datetime,
               own_domains: frozenset[str], shared: dict[type, Any]) -> list[Hit]:
    make, context = _feed_rule(rules.feed_rules[index], as_of, own_domains, shared)
    return list(iter_hits(fold(make, view, context)))


def _child_share(rules: RuleSet, view: Feed, as_of: datetime, own_domains: frozenset[str],
                 feed_claims: Chunks, tallies: list[_Tally], chunks: Chunks) -> Shared:
    """The forked child's part: feed rules from the back of the rule set (the cheap ones:
    repeat detection, the costliest, comes first), then chunks of posts from the front."""
    shared: dict[type, Any] = {}  # what its feed rules share (FeedContext.shared)
    hits = {}
    while (index := feed_claims.back()) is not None:
        hits[index] = _feed_hits(index, rules, view, as_of, own_domains, shared)
    return hits, _check_chunks(view.posts, tallies, chunks.front)


def _share_posts(posts: Sequence[Post], tallies: list[_Tally], chunks: Chunks, child: Forked,
                 progress: Callable[[str, int, int], None] | None) -> dict[int, list[Hit]] | None:
    """Check the chunks the child has not claimed, from the back, then put what both found
    into `tallies` in the posts' order (a child that failed: its chunks are checked here).
    The feed rules' hits the child sends back, or None when it failed. `progress` hears of
    the posts both have taken to check, after each chunk this process checks."""
    total = len(posts)

    def taken() -> None:
        if progress is not None:
            progress(STAGE_POSTS, min(total, chunks.claimed() * CHUNK_POSTS), total)
    taken()
    mine = _check_chunks(posts, tallies, chunks.back, taken)
    theirs: Shared | None = child.result()
    if theirs is None:
        _check_posts(posts[: chunks.claimed_from_back() * CHUNK_POSTS], tallies)
    for part in [*(theirs[1] if theirs else ()), *reversed(mine)]:
        for tally, found in zip(tallies, part, strict=True):
            tally.extend(found)
    if progress is not None:
        progress(STAGE_POSTS, total, total)
    return theirs[0] if theirs else None


def _split(posts: int, feed_rules: int) -> tuple[Chunks, Chunks] | None:
    """The claims a parent and its forked child share (feed rules, chunks of posts), or None
    when the feed is audited in this process alone."""
    if not worth_forking(posts):
        return None
    chunks = Chunks.shared(-(-posts // CHUNK_POSTS))
    if chunks is None:
        return None
    rule_claims = Chunks.shared(feed_rules)
    if rule_claims is None:
        chunks.close()
        return None
    return rule_claims, chunks


def default_as_of(feed: Feed, now: datetime) -> datetime:
    """When to audit `feed` when nobody says: now; for a plan, the end of the plan if later,
    so next month's schedule is checked, not left out as "not posted yet". A plan is a
    schedule or drafts file, or any feed whose dated posts are all still to come (the
    queue's own JSON Lines export)."""
    # all() stops at a feed's first post already out: a live feed of a million posts costs nothing
    if feed.planned or (feed.posts and all(p.created_at > now for p in feed.posts)):
        dated = [p.created_at for p in feed.posts if is_dated(p)]
        if dated:
            return max(now, max(dated))
    return now


def _kinds(stats: FeedStats) -> frozenset[str]:
    """The kinds of post a feed holds, from its counts."""
    others = {"reply": stats.replies, "repost": stats.reposts, "quote": stats.quotes, "dm": stats.dms}
    others["post"] = stats.posts - sum(others.values())
    return frozenset(kind for kind, n in others.items() if n)


@dataclass
class _Bucket:
    """The posts one post rule hit at one severity."""

    ids: list[str] = field(default_factory=list)
    evidence: str = ""


@dataclass
class _Tally:
    """What one post rule found across the feed, apart by severity.

    A post counts once per rule, at its worst hit: "3 posts over the limit" (error) and
    "211 longer than what performs" (info) are different posts, and neither inflates
    the other's share, severity or evidence.
    """

    active: ActiveRule
    context: PostContext
    applicable: int = 0
    buckets: dict[str, _Bucket] = field(default_factory=dict)

    def add(self, post_id: str, first: Hit, rest: Iterable[Hit]) -> None:
        """The post's worst hit: `first` or one of the `rest`."""
        worst, severity = first, self._severity(first)
        for hit in rest:
            this = self._severity(hit)
            if severity_rank(this) > severity_rank(severity):
                worst, severity = hit, this
        bucket = self.buckets.setdefault(severity, _Bucket())
        bucket.ids.append(post_id)
        bucket.evidence = bucket.evidence or worst.evidence or worst.message

    def _severity(self, hit: Hit) -> str:
        return self.active.severity if self.active.regraded else (hit.severity or self.active.severity)

    def found(self) -> tuple[int, dict[str, tuple[list[str], str]]]:
        """What this tally holds as plain data (what a child process sends back)."""
        return self.applicable, {severity: (b.ids, b.evidence) for severity, b in self.buckets.items()}

    def extend(self, found: tuple[int, dict[str, tuple[list[str], str]]]) -> None:
        """Add what the same rule found in the posts after these."""
        applicable, buckets = found
        self.applicable += applicable
        for severity, (ids, evidence) in buckets.items():
            bucket = self.buckets.setdefault(severity, _Bucket())
            bucket.ids += ids
            bucket.evidence = bucket.evidence or evidence

    def findings(self, present: frozenset[str]) -> Iterator[tuple[Finding, float, list[str]]]:
        """One finding per severity hit, worst first, its impact on the health score and
        the ids of every post behind it. `present` are the kinds the feed holds: when the
        rule checks only some of them, its count says which ("9 of 171 posts and quotes")."""
        checked = [kind for kind in POST_KINDS if kind in present and kind in self.active.rule.applies_to]
        kinds = None if set(checked) == present else checked
        for severity in sorted(self.buckets, key=severity_rank, reverse=True):
            bucket = self.buckets[severity]
            share = len(bucket.ids) / self.applicable
            # Re-graded, one bucket holds hits of every kind: say what they share.
            kind = None if self.active.regraded else severity
            finding = Finding(
                rule=self.active.id,
                severity=severity,  # type: ignore[arg-type]
                message=summary(self.active.id, len(bucket.ids), self.applicable, kind, kinds,
                                self.context.in_force),
                evidence=bucket.evidence,
                examples=bucket.ids[:5],
            )
            yield finding, min(1.0, share / POST_RULE_SATURATION), bucket.ids


def audit_feed(
    feed: Feed,
    rules: RuleSet,
    *,
    as_of: datetime,
    own_domains: frozenset[str] = frozenset(),
    progress: Callable[[str, int, int], None] | None = None,
    left_out: int = 0,
) -> FeedAudit:
    """Audit `feed` as of `as_of`: findings worst first, and the health score they give.
    `left_out`: posts of other authors the loader kept out of `feed` (a file of several
    authors), which the audit's stats report.

    Post rules that have a feed check (e.g. repeat-post) run only as feed checks; the
    others run on every post of a kind they apply to and are summarised as one finding
    each. `progress(stage, done, total)` names each stage as it starts ("feed habits",
then "posts", whose `done` moves every ~1000 posts).
    """
    with collector_paused():  # millions of objects, no cycles: see assistant.gcpause
        result = _audit(feed, rules, as_of, own_domains, progress)
    result.stats.left_out = left_out
    return result


class OutOfOrder(ValueError):
    """A feed shown in blocks whose posts do not come oldest first (`audit_blocks`)."""


class BlockReader(Protocol):
    """Reads a feed from the start, a block of posts at a time, oldest first: each call a new
    reading (a forked child reads the file itself, never the parent's posts). With `only`,
    the posts of those ids alone may be given (others may come too: they are passed over)."""

    def __call__(self, only: Collection[str] | None = None) -> Iterable[Sequence[Post]]: ...


def audit_blocks(
    read: BlockReader,
    account: Account,
    rules: RuleSet,
    *,
    as_of: datetime,
    source: str = "",
    size: int = 0,
    blocks: int = 0,
    own_domains: frozenset[str] = frozenset(),
    progress: Callable[[str, int, int], None] | None = None,
) -> FeedAudit:
    """`audit_feed` of a feed `read` a block of posts at a time, oldest first, each block
    dropped once it is checked: what stays is what the feed rules keep (a `Brief` or the id of
    a post, its words only where a rule judges them at the end, `Keeper`; `_ReadAgain` reads
    again the posts a finding shows) and, of the posts with engagement counts, what the
    comparison reads (`counted`). The same findings as `audit_feed` of the same posts, for a
    feed that is no plan and whose loading left nobody's posts out (`stream_feed`'s);
    `OutOfOrder` when a post is older than one before it (a caller should then read the
    feed whole, which sorts it). Posts after `as_of` are counted as later.

    `size`: the feed's size in bytes, and `blocks` how many blocks a reading gives at most,
    when known. A big feed is read twice over at once, by
    this process and a forked child: the child runs the feed rules, and both claim blocks to
    check with the post rules (each the next block nobody has claimed), so both finish
    together. A child that fails leaves this process to read the feed again and do its part.
    """
    if as_of.utcoffset() is None:  # the posts' times all carry a zone
        raise ValueError("as_of must carry a time zone")
    with collector_paused():
        claims = BlockClaims.shared(blocks) if blocks and worth_forking_stream(size) else None
        try:
            return _audit_blocks(read, account, rules, as_of, source, own_domains, progress, claims)
        finally:
            if claims is not None:
                claims.close()


STAGE_STREAM = "checking posts and feed habits"


def _audit_blocks(read: BlockReader, account: Account, rules: RuleSet, as_of: datetime, source: str,
                  own_domains: frozenset[str], progress: Callable[[str, int, int], None] | None,
                  claims: BlockClaims | None) -> FeedAudit:
    run = _Run(account, False, rules, as_of, own_domains, _ReadAgain(read, as_of))
    child = Forked(lambda: _child_blocks(read, account, rules, as_of, own_domains, claims)) \
        if claims is not None else None
    if child is None or not child.pid:  # one process reads (or the fork failed)
        kept = _Kept(read(), as_of)
        for block in kept:
            run.take(block)
            run.feed_all(block)
            run.check(block)
            if progress is not None:
                progress(STAGE_STREAM, run.seen.posts, 0)
        return run.result(source, kept.later)
    assert claims is not None  # (a child was forked)
    mine: dict[int, Found] = {}
    try:
        kept = _Kept(read(), as_of)
        for index, block in enumerate(kept):
            run.take(block)
            if claims.claim(index):
                mine[index] = run.found(block)
            if progress is not None:
                progress(STAGE_STREAM, run.seen.posts, 0)
        theirs: tuple[list[list[Hit]], dict[int, Found]] | None = child.result()
    except BaseException:
        child.stop()
        raise
    if theirs is None:  # the child failed: its part is done here, from a new reading
        for index, block in enumerate(_Kept(read(), as_of)):
            run.feed_all(block)
            if index not in mine:
                mine[index] = run.found(block)
        hits = None
    else:
        hits, found = theirs
        mine.update(found)
    for index in sorted(mine):
        for tally, part in zip(run.tallies, mine[index], strict=True):
            tally.extend(part)
    return run.result(source, kept.later, hits)


def _child_blocks(read: BlockReader, account: Account, rules: RuleSet, as_of: datetime,
                  own_domains: frozenset[str], claims: BlockClaims) -> tuple[list[list[Hit]], dict[int, Found]]:
    """The forked child's part of `audit_blocks`: every block shown to the feed rules, and
    the post rules run on each block it claims. Their hits, and what it found by block."""
    run = _Run(account, False, rules, as_of, own_domains, _ReadAgain(read, as_of))
    found: dict[int, Found] = {}
    for index, block in enumerate(_Kept(read(), as_of)):
        run.history_of(block)
        run.feed_all(block)
        if claims.claim(index, lead=int(index * TAIL_SHARE)):
            found[index] = run.found(block)
    return [list(iter_hits(tally.hits())) for tally in run.feed_tallies], found


# The feed rules' findings, once a feed is read (repeat detection's clusters, mostly), take
# about as long as the post rules take on this share of its blocks (measured: 1.35 s to
# 4.4 s at 100,000 posts): the child leaves the parent that many blocks behind it to check.
TAIL_SHARE = 0.3


class _ReadAgain:
    """The `Keeper` of a feed read a block at a time: a post is kept by its id, and read again
    (a new reading of the posts wanted, to the block of the last one) when a finding shows it;
    what a rule reads of every post is a `Brief`. Ids are one a post there: a reading that
    finds one twice is refused (`stream_feed`)."""

    def __init__(self, read: BlockReader, as_of: datetime) -> None:
        self.read, self.as_of = read, as_of
        self._last: tuple[Post | None, Brief | None] = (None, None)

    @staticmethod
    def keep(post: Post) -> str:
        return post.id

    def brief(self, post: Post) -> Brief:
        """One brief a post, whichever rules ask (all ask of a post before the next)."""
        last, brief = self._last
        if post is last and brief is not None:  # (never None then: for the type checker)
            return brief
        brief = Brief(post.id, post.kind, post.created_at, post.author, post.in_reply_to)
        self._last = (post, brief)
        return brief

    def recall(self, tokens: Sequence[Any]) -> list[Post]:
        wanted = set(tokens)
        found: dict[str, Post] = {}
        if wanted:
            for block in _Kept(self.read(wanted), self.as_of):
                found.update((post.id, post) for post in block if post.id in wanted)
                if len(found) == len(wanted):
                    break
        return [found[token] for token in tokens]


class _Kept:
    """The blocks of a reading, their posts up to `as_of`, empty ones left out; `OutOfOrder`
    at a post older than the one before it. `later`: the posts after `as_of`, once read.
    Once a block is done with, the link caches are trimmed (`trim_link_caches`)."""

    def __init__(self, blocks: Iterable[Sequence[Post]], as_of: datetime) -> None:
        self.blocks, self.as_of, self.later = blocks, as_of, 0

    def __iter__(self) -> Iterator[Sequence[Post]]:
        as_of = self.as_of
        last: datetime | None = None
        for block in self.blocks:
            if not block:
                continue
            if last is not None and block[0].created_at < last:
                raise OutOfOrder(f"post {block[0].id} is older than the one before it")
            for before, after in zip(block, block[1:]):  # noqa: B905 (one shorter)
                if after.created_at < before.created_at:
                    raise OutOfOrder(f"post {after.id} is older than the one before it")
            last = block[-1].created_at
            if self.later or last > as_of:
                kept = [p for p in block if p.created_at <= as_of]
                self.later += len(block) - len(kept)
                block = kept
            if block:
                yield block
                trim_link_caches()


def _audit(
    feed: Feed,
    rules: RuleSet,
    as_of: datetime,
    own_domains: frozenset[str],
    progress: Callable[[str, int, int], None] | None,
) -> FeedAudit:
    if as_of.utcoffset() is None:  # the posts' times all carry a zone
        raise ValueError("as_of must carry a time zone")
    # Compared in the posts' own zone: two times of one tzinfo compare field by field, ~10x
    # cheaper than converting both to UTC (the same answer either way).
    cutoff = as_of.astimezone(feed.posts[0].created_at.tzinfo) if feed.posts else as_of
    posts = sorted((p for p in feed.posts if p.created_at <= cutoff), key=attrgetter("created_at"))
    view = Feed.model_construct(account=feed.account, posts=posts, source=feed.source,
                                planned=feed.planned)
    run = _Run(feed.account, feed.planned, rules, as_of, own_domains)
    run.take(posts)
    # A big feed is audited by this process and a forked child together. Both claim feed
    # rules, this process from the front of the rule set, the child from the back; then
    # chunks of posts, the child from the front, this process from the back. So both
    # finish together, whichever rules a feed makes costly.
    feed_count = len(rules.feed_rules)
    if progress is not None:
        progress(STAGE_FEED, 0, 0)
    split = _split(len(posts), feed_count)
    if split is None:
        run.feed_all(posts)
        run.check(posts, progress)
        return run.result(feed.source, len(feed.posts) - len(posts))
    hits: dict[int, list[Hit]] = {}
    shared: dict[type, Any] = {}  # what the feed rules share (FeedContext.shared)
    rule_claims, chunks = split
    tallies = run.tallies
    child = Forked(lambda: _child_share(rules, view, as_of, own_domains, rule_claims, tallies, chunks))
    try:
        for index in iter(rule_claims.front, None):
            hits[index] = _feed_hits(index, rules, view, as_of, own_domains, shared)
        theirs = _share_posts(posts, tallies, chunks, child, progress)
        for index in range(rule_claims.claimed_from_back(), feed_count):  # the child's rules
            hits[index] = theirs[index] if theirs is not None else _feed_hits(
                index, rules, view, as_of, own_domains, shared)
    except BaseException:
        child.stop()
        raise
    finally:
        rule_claims.close()
        chunks.close()
    return run.result(feed.source, len(feed.posts) - len(posts), [hits[i] for i in range(feed_count)])


class _Stats:
    """A feed's plain counts as its posts are shown, oldest first (`FeedStats`)."""

    def __init__(self) -> None:
        self.posts = 0
        self.kinds = {"reply": 0, "repost": 0, "quote": 0, "dm": 0}
        self.first: datetime | None = None  # the first dated post's time
        self.last: datetime | None = None  # the last post's

    def count(self, posts: Sequence[Post]) -> None:
        self.posts += len(posts)
        kinds = self.kinds
        for post in posts:
            if post.kind in kinds:
                kinds[post.kind] += 1
        if self.first is None:
            self.first = next((p.created_at for p in posts if is_dated(p)), None)
        if posts:
            self.last = posts[-1].created_at

    def stats(self) -> FeedStats:
        """The counts; the span runs from the first dated post (undated drafts, at the Unix
        epoch, would make it 56 years) to the last post, and there is none without a dated
        post."""
        first, kinds = self.first, self.kinds
        last = self.last if first else None
        days = (last - first).total_seconds() / 86400 if first and last else 0.0
        return FeedStats(
            posts=self.posts, replies=kinds["reply"], reposts=kinds["repost"], quotes=kinds["quote"],
            dms=kinds["dm"], first_post=first, last_post=last, days=round(days, 2),
        )


class _Run:
    """One audit as it runs: the feed rules' running state, the post rules' tallies, the
    DMs the post rules see as history, the feed's counts, and the posts with engagement
    counts (the evidence of a finding is the account's own numbers)."""

    def __init__(self, account: Account, planned: bool, rules: RuleSet, as_of: datetime,
                 own_domains: frozenset[str], keeper: Keeper = IN_MEMORY) -> None:
        self.account, self.planned, self.rules, self.as_of = account, planned, rules, as_of
        self.keeper = keeper  # how the feed rules keep the posts they show (`Keeper`)
        self.in_blocks = keeper is not IN_MEMORY  # the feed is read a block at a time
        # Post rules see the feed's DMs as history, so sales-pitch can tell a first DM from a later one.
        self.history = History()
        self.tallies = [
            _Tally(active, PostContext(active.thresholds, own_domains, self.history, as_of, rules.in_force))
            for active in rules.post_rules
            if active.rule.feed is None
        ]
        self.own_domains = own_domains
        self.seen = _Stats()
        # The posts an engagement comparison reads: those with counts (a post without them is
        # neither a measured hit nor a measured other); read in blocks, without their words
        # (`counted`).
        self.measured: list[Post] = []

    def history_of(self, posts: Sequence[Post]) -> None:
        """The DMs among `posts` (no earlier than those added before) into the history."""
        for post in posts:
            if post.kind == "dm":
                self.history.add_dm(post)

    def take(self, posts: Sequence[Post]) -> None:
        """The next posts of the feed: into the history, the counts, and (those with
        engagement counts) the posts measured."""
        self.history_of(posts)
        self.seen.count(posts)
        with_counts = (p for p in posts if p.metrics)
        self.measured.extend(map(counted, with_counts) if self.in_blocks else with_counts)

    @cached_property
    def feed_tallies(self) -> list[FeedTally]:
        """The feed rules' running state, made when first shown posts (a forked audit_feed
        runs its feed rules apart, `_feed_hits`)."""
        shared: dict[type, Any] = {}
        rules = (_feed_rule(active, self.as_of, self.own_domains, shared, self.keeper)
                 for active in self.rules.feed_rules)
        return [make(self.account, self.planned, context) for make, context in rules]

    def feed_all(self, posts: Sequence[Post]) -> None:
        """Show `posts` to every feed rule. In memory, one rule takes them all before the
        next (post by post measured ~11% more CPU); read in blocks, a post goes to all rules
        before the next, so the rules that keep its brief share one (`_ReadAgain.brief`;
        the same CPU, ~5% less memory)."""
        if self.in_blocks:
            adds = [tally.add for tally in self.feed_tallies]
            for post in posts:
                for add in adds:
                    add(post)
            return
        for tally in self.feed_tallies:
            add = tally.add
            for post in posts:
                add(post)

    def check(self, posts: Sequence[Post], progress: Callable[[str, int, int], None] | None = None) -> None:
        """Run the post rules over `posts`."""
        _check_posts(posts, self.tallies, progress)

    def found(self, posts: Sequence[Post]) -> Found:
        """What the post rules find in `posts` alone, as plain data (`_Tally.found`)."""
        part = _fresh(self.tallies)
        _check_posts(posts, part)
        return [tally.found() for tally in part]

    def result(self, source: str, later: int, hits: list[list[Hit]] | None = None) -> FeedAudit:
        """The audit: every finding, worst first, and the health score. `hits`: the feed
        rules' hits, when found elsewhere (a forked child), else asked of their tallies."""
        if hits is None:
            hits = [list(iter_hits(tally.hits())) for tally in self.feed_tallies]
        measured = self.measured
        by_id = {p.id: p for p in measured}

        def engage(finding: Finding, ids: Sequence[str]) -> None:
            """The account's own numbers behind a finding, when its export counts them."""
            if by_id and ids:
                finding.engagement = compare_posts([by_id[i] for i in ids if i in by_id], measured,
                                                   finding.rule)

        # (finding, impact, component, posts behind it)
        scored: list[tuple[Finding, float, str | None, int]] = []
        for active, found in zip(self.rules.feed_rules, hits, strict=True):
            for hit in found:
                finding = active.finding(hit)
                engage(finding, hit.posts)
                scored.append((finding, hit.impact, active.rule.component, len(hit.posts)))
        stats = self.seen.stats()
        stats.later = later
        present = _kinds(stats)
        for tally in self.tallies:
            for finding, impact, ids in tally.findings(present):
                if not tally.active.rule.is_note:  # a note is no habit engagement would tell of
                    engage(finding, ids)
                scored.append((finding, impact, tally.active.rule.component, len(ids)))

        # Worst first: by severity, then by what the finding alone costs the score (a saturated
        # habit of a heavy component before one of a light one), then by the posts behind it
        # (one template sent 23 times before one link posted 5 times), then by rule id.
        scored.sort(key=lambda s: (-severity_rank(s[0].severity), -points_lost(s[2], s[0].severity, s[1]),
                                   -s[3], s[0].rule))
        # A schedule or drafts never holds replies: its conversation is not judged, not perfect.
        unjudged = ("conversation",) if self.planned or stats.first_post is None else ()
        # A note (component None) says what was not judged: it moves no component.
        health = health_score((RuleImpact(f.rule, comp, f.severity, imp) for f, imp, comp, _ in scored
                               if comp is not None), unjudged=unjudged)
        return FeedAudit(
            account=self.account,
            source=source,
            as_of=self.as_of,
            stats=stats,
            health=health,
            findings=[f for f, *_ in scored],
        )
