"""Promotion: how much of the feed pushes our own content and offers (80/20, 4-1-1)."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checks.history import canonical_link
from assistant.checks.registry import FeedContext, Hit, rule
from assistant.checks.signals import promotional_phrase
from assistant.models import Feed, Post

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


def own_link(post: Post, domains: frozenset[str]) -> str | None:
    """`signals.links_to` with remembered canonical links (a feed repeats its links).

    Together with `promotional_phrase` this is exactly `signals.self_promotes`.
    """
    if not domains or not post.urls:
        return None
    wanted = tuple(d.lower().removeprefix("www.") for d in domains)
    for url in post.urls:
        host = canonical_link(url).split("/", 1)[0].split("?", 1)[0]
        if any(host == d or host.endswith("." + d) for d in wanted):
            return url
    return None


@SELF_PROMO_RATIO.feed_check
def _self_promo_ratio(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    # Reposts count in the denominator: sharing others' content is the 80 of 80/20.
    pool = [p for p in feed.posts if p.kind in ("post", "quote", "repost")]
    if len(pool) < ctx.thresholds["min_posts"]:
        return
    promoting = []
    first_evidence = ""
    for post in pool:
        if post.kind == "repost":
            continue
        hit = own_link(post, ctx.own_domains) or promotional_phrase(post.text)
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
    )
