"""hashtag-stuffing: more hashtags than the platform's norm.

A post that reads "#marketing #socialmedia #growth #digital #branding" is written for a
search box, not for people. Norms differ by platform, so `max_hashtags` is per platform;
Instagram also rejects a post with more than 30 (`hard_max`), which is an error. Blogs
use tags, not hashtags, and are skipped. The same hashtag twice counts twice: it is
stuffing all the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checks.length import PLATFORM_NAMES
from assistant.checks.registry import Hit, PostContext, rule
from assistant.models import Post

HASHTAG_STUFFING = rule(
    "hashtag-stuffing",
    severity="warning",
    component="promotion",
    rationale=(
        "A string of hashtags is written for an algorithm, not for people: it is hard to "
        "read, screen readers spell every one out, and past the platform's norm it looks "
        "like spam. One or two that mean something beat ten that do not."
    ),
    thresholds={
        "max_hashtags": {
            "x": 2,
            "linkedin": 5,
            "facebook": 2,
            "instagram": 15,
            "threads": 3,
            "mastodon": 5,
            "bluesky": 3,
        },
        "hard_max": {"instagram": 30},
    },
)


@HASHTAG_STUFFING.post_check
def _too_many_hashtags(post: Post, ctx: PostContext) -> Iterator[Hit]:
    count = len(post.hashtags)
    norm = ctx.thresholds["max_hashtags"].get(post.platform)
    if not count or norm is None or count <= norm:
        return
    shown = " ".join("#" + tag for tag in post.hashtags[:8]) + (" …" if count > 8 else "")
    name = PLATFORM_NAMES.get(post.platform, post.platform)
    hard = ctx.thresholds["hard_max"].get(post.platform)
    if hard is not None and count > hard:
        yield Hit(
            message=f"{count} hashtags: {name} allows at most {hard}, so the post "
            "will fail. Keep the few that mean something.",
            evidence=f"{count}/{hard} hashtags: {shown}",
            severity="error",
        )
        return
    yield Hit(
        message=f"{count} hashtags where {norm} is the norm on {name}. Keep the "
        "one or two that mean something to the reader.",
        evidence=f"{count}/{norm} hashtags: {shown}",
        impact=min(1.0, (count - norm) / max(norm, 1)),
    )
