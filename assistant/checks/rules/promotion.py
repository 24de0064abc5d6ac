"""Promotion: how much of the feed pushes our own content and offers (80/20, 4-1-1).

What counts as promotion: a link to the account's own domains, a promotional phrase
(`signals.promotional_phrase`), or an announcement of the account's own upload or release
("I uploaded a @YouTube video", "#github release: ...", the auto-posts a channel or a
repository sends out). What it is weighed against: everything the account puts out that
is not about itself, which includes sharing others' posts (reposts) and talking with
people (replies to others): a developer who mentions his packages among many answers is
not an advert.

A blog is different by nature: every article is its own content on its own domain, so
a link to itself is what a blog is, not promotion. On a blog only selling counts (offers,
calls to buy, "our new ebook").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.registry import FeedContext, Hit, rule
from assistant.checks.signals import links_to, promotional_phrase
from assistant.models import Feed

SELF_PROMO_RATIO = rule(
    "self-promo-ratio",
    severity="warning",
    component="promotion",
    rationale=(
        "We advise clients to keep self-promotion to about one post in five (the 80/20 rule; "
        "4-1-1: four pieces of others' content and one reshare for each promotional post). "
        "A feed that is mostly about us reads like an advert and gets muted."
    ),
    thresholds={"max_share": 0.2, "min_posts": 10},
)

# The account announcing its own new upload or release, as auto-posters word it.
_OWN_RELEASE = re.compile(
    r"""\b(?:I|we)(?:'ve|\s+have)?\s+(?:just\s+)?(?:uploaded|released|published|launched)
        \s+(?:a|an|my|our|the|version|v\d)\b
      | \#github\s+release\b
      | \bnew\s+(?:videos?|release|episode)\s+(?:is\s+|are\s+)?(?:out|online|up|live)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# Self-promo counts a post's own links exactly as the post rules do.
own_link = links_to


def _may_announce(lowered: str) -> bool:
    """True when a lower-cased ASCII text holds one of the words each branch of _OWN_RELEASE has.

    Only for ASCII text: there the pattern's IGNORECASE is plain ASCII case, while Unicode
    text may match through "ſ" or "ı". Six tests spelled out: ~30% cheaper than any()
    over a tuple of the words, and ~2x cheaper than one regex of them.
    """
    return ("upload" in lowered or "releas" in lowered or "publish" in lowered
            or "launch" in lowered or "video" in lowered or "episode" in lowered)


def _own_release(text: str) -> str | None:
    # a case-insensitive scan costs ~10 µs a post; most posts announce nothing
    if text.isascii() and not _may_announce(text.lower()):
        return None
    match = _OWN_RELEASE.search(text)
    return match.group(0) if match else None


@SELF_PROMO_RATIO.feed_check
def _self_promo_ratio(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    # Reposts and replies count in the denominator: sharing others' content and talking
    # with people are the 80 of 80/20. DMs are private, not part of what the feed shows.
    pool = [p for p in feed.posts if p.kind != "dm"]
    if len(pool) < ctx.thresholds["min_posts"]:
        return
    domains = ctx.own_domains if feed.account.platform != "blog" else frozenset()
    promoting = []
    first_evidence = ""
    for post in pool:
        if post.kind not in ("post", "quote"):
            continue
        hit = own_link(post, domains) or promotional_phrase(post.text) or _own_release(post.text)
        if hit:
            promoting.append(post.id)
            first_evidence = first_evidence or hit
    limit = ctx.thresholds["max_share"]
    share = len(promoting) / len(pool)
    if share <= limit:
        return
    yield Hit(
        f"{len(promoting)} of {len(pool)} posts ({share:.0%}) promote our own content or offers; "
        f"the 80/20 norm is at most {limit:.0%}",
        evidence=f"first: {first_evidence}",
        impact=min(1.0, (share - limit) / (1 - limit)) if limit < 1 else 0.0,
        examples=tuple(promoting[:5]),
        posts=tuple(promoting),
    )
