"""Images: the same picture on post after post.

Filed under repetition, not accessibility: the harm is sameness (the meaningless stock
photo on every post); missing descriptions are `missing-alt-text`'s business.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from assistant.checks.history import canonical_link
from assistant.checks.registry import FeedContext, Hit, rule
from assistant.models import Feed, Media

REPEATED_IMAGE = rule(
    "repeated-image",
    severity="warning",
    component="repetition",
    rationale=(
        "The same stock photo on every post tells followers nothing new and teaches them to skip "
        "our posts; we ask clients for a picture that belongs to each post."
    ),
    thresholds={"max_share": 0.2, "min_count": 3},
)


def image_key(media: Media) -> str | None:
    """What identifies a picture: its content hash, else its canonical URL."""
    if media.type not in ("image", "gif"):
        return None
    if media.content_hash:
        return "hash:" + media.content_hash
    return canonical_link(media.url) if media.url else None


@REPEATED_IMAGE.feed_check
def _repeated_image(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    # A blog's images come from its articles' HTML, where the same logo, banner or signature
    # in every article is the template, not a stock photo chosen for each post.
    if feed.account.platform == "blog":
        return
    pool = [p for p in feed.posts if p.kind in ("post", "quote")]
    carriers: dict[str, list[str]] = defaultdict(list)
    for post in pool:
        for key in {k for k in map(image_key, post.media) if k}:
            carriers[key].append(post.id)
    if not carriers:
        return
    key, ids = max(carriers.items(), key=lambda kv: len(kv[1]))
    share = len(ids) / len(pool)
    limit = ctx.thresholds["max_share"]
    if len(ids) < ctx.thresholds["min_count"] or share <= limit:
        return
    yield Hit(
        f"The same image is on {len(ids)} of {len(pool)} posts ({share:.0%})",
        evidence=key.removeprefix("hash:"),
        impact=min(1.0, (share - limit) / (1 - limit)) if limit < 1 else 0.0,
        examples=tuple(ids[:5]),
        posts=tuple(ids),
    )
