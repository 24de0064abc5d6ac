"""too-long: over the platform's hard limit (error), or far over the length that performs.

Length is counted the platform's way (assistant.checks.length): X's weighted characters,
Bluesky's graphemes and bytes, Mastodon's graphemes with links as 23, Threads' link
limit. Performing lengths are thresholds per platform (`performing_length`); a post over
`info_ratio` times that length gets an info, over `warning_ratio` times a warning.
Blogs have no limit here (the feed rule long-blog-post covers them); DMs have their own,
much larger limits (10,000 on X) and no study behind a performing length, so they are
left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checks.length import PLATFORM_NAMES, measure
from assistant.checks.registry import Hit, PostContext, rule
from assistant.models import Post

TOO_LONG = rule(
    "too-long",
    severity="error",
    component="conversation",
    rationale=(
        "Over the platform's limit a post is rejected or cut off mid-sentence. Under it, "
        "shorter usually does better: X posts under 100 characters had 17% more engagement "
        "(Buddy Media, 2012) and Facebook posts of 40 characters or fewer 86% more (Jeff "
        "Bullas, 2012). Long is fine when it earns it; we flag posts far past what performs."
    ),
    thresholds={
        # x and facebook: the studies above; linkedin: the usual practitioner target (the
        # feed folds after about 210 characters); instagram: our house norm.
        "performing_length": {
            "x": 100,
            "facebook": 80,
            "linkedin": 1300,
            "instagram": 1000,
        },
        "info_ratio": 2.0,
        "warning_ratio": 3.0,
    },
    applies_to=("post", "reply", "quote"),
)

_WHY = {
    "x": "X posts under 100 characters had 17% more engagement",
    "facebook": "Facebook posts of 40-80 characters get the most engagement",
}


@TOO_LONG.post_check
def _too_long(post: Post, ctx: PostContext) -> Iterator[Hit]:
    if post.platform == "blog" or not post.text:
        return
    length = measure(post.text, post.platform, links=len(post.urls))
    name = PLATFORM_NAMES.get(post.platform, post.platform)
    # The hard limits, each a rejection (or a silent cut) by the platform.
    hard_limits = (
        (length.count, length.limit, length.unit,
         f"Over {name}'s limit of {length.limit} {length.unit}: the post will be rejected or cut off."),
        (length.byte_count, length.byte_limit, "bytes",
         f"Over {name}'s limit of {length.byte_limit} bytes of UTF-8."),
        (length.links, length.link_limit, "links",
         f"{name} allows at most {length.link_limit} links in a post."),
    )
    for count, limit, unit, message in hard_limits:
        if limit is not None and count > limit:
            yield Hit(message=message, evidence=f"{count}/{limit} {unit}", severity="error")
            return
    performing = ctx.thresholds["performing_length"].get(post.platform)
    if not performing:
        return
    ratio = length.count / performing
    if ratio <= ctx.thresholds["info_ratio"]:
        return
    why = _WHY.get(post.platform, f"on {name} about {performing} performs best")
    yield Hit(
        message=f"{ratio:.1f}× the length that performs ({why}). Cut it to the one point "
        "that matters.",
        evidence=f"{length.count}/{performing} {length.unit} (the length that performs)",
        severity="warning" if ratio > ctx.thresholds["warning_ratio"] else "info",
        impact=min(1.0, ratio / ctx.thresholds["warning_ratio"]),
    )
