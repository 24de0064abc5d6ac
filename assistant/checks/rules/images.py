"""Images: the same picture on post after post.

Filed under repetition, not accessibility: the harm is sameness (the meaningless stock
photo on every post); missing descriptions are `missing-alt-text`'s business.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from assistant.checks.history import canonical_link
from assistant.checks.registry import FeedContext, Hit, rule
from assistant.models import Account, Media, Post

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


@REPEATED_IMAGE.feed_tally
class _RepeatedImage:
    """Per picture, the posts that carry it; and how many posts could carry one."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        # A blog's images come from its articles' HTML, where the same logo, banner or
        # signature in every article is the template, not a stock photo chosen for each post.
        self.judged = account.platform != "blog"
        self.ctx = ctx
        self.pool = 0
        self.carriers: dict[str, list[str]] = defaultdict(list)

    def add(self, post: Post) -> None:
        if post.kind not in ("post", "quote"):
            return
        self.pool += 1
        if post.media:
            # each picture once a post, in the post's order (so a tie is broken the same way every run)
            for key in dict.fromkeys(k for k in map(image_key, post.media) if k):
                self.carriers[key].append(post.id)

    def hits(self) -> Iterator[Hit]:
        if not self.judged or not self.carriers:
            return
        key, ids = max(self.carriers.items(), key=lambda kv: len(kv[1]))
        share = len(ids) / self.pool
        limit = self.ctx.thresholds["max_share"]
        if len(ids) < self.ctx.thresholds["min_count"] or share <= limit:
            return
        yield Hit(
            f"The same image is on {len(ids)} of {self.pool} posts ({share:.0%})",
            evidence=key.removeprefix("hash:"),
            impact=min(1.0, (share - limit) / (1 - limit)) if limit < 1 else 0.0,
            examples=tuple(ids[:5]),
            posts=tuple(ids),
        )
