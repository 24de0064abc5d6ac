"""too-long: over the platform's hard limit (error), or longer than what performs (info).

Length is counted the platform's way (assistant.checks.length): X's weighted characters,
Bluesky's graphemes and bytes, Mastodon's graphemes with links as 23, Threads' link
limit. On X only what X counts is measured: the @mentions that open a reply and the
closing link of attached media or a quoted post are left out, as X leaves them out, so a
post X published is never "over the limit" here.

The length that performs (`performing_length`, per platform) is where an info starts. On
X it is the 280 limit itself: since the limit doubled, longer posts have done as well or
better (SocialFlow, December 2017, 30,000 publisher posts: those of 141-280 characters
got about twice the retweets and 1.7 times the likes of shorter ones, with as many
clicks), and X folds only a longer (Premium) post behind "Show more" after 280. Blogs have
no limit here (the feed rule long-blog-post covers them); DMs have their own, much larger
limits (10,000 on X) and no study behind a performing length, so they are left alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from assistant.checks.length import (
    HARD_LIMITS,
    PLATFORM_NAMES,
    URL_WEIGHT,
    Length,
    bluesky_short_links,
    measure,
    x_counted_text,
)
from assistant.checks.registry import Hit, PostContext, rule
from assistant.models import Post

TOO_LONG = rule(
    "too-long",
    severity="error",
    component="conversation",
    rationale=(
        "Over the platform's limit a post is rejected or cut off mid-sentence. Under it, "
        "length is rarely the problem: on X, posts of 141-280 characters got about twice "
        "the retweets and 1.7 times the likes of shorter ones (SocialFlow, 30,000 posts, "
        "2017), so only the limit counts there. Elsewhere we note posts past twice what "
        "performs (Facebook 80 characters, Jeff Bullas; LinkedIn's usual 1,300) as info."
    ),
    thresholds={
        # Where an info starts, in the platform's unit. x: the limit itself (see the module
        # docstring); facebook: twice the 80 characters that engaged best (Jeff Bullas,
        # 2012); linkedin: twice the usual practitioner target of 1,300 (the feed folds
        # after about 210); instagram: our house norm, under the 2,200 limit.
        "performing_length": {
            "x": 280,
            "facebook": 160,
            "linkedin": 2600,
            "instagram": 2000,
        },
    },
    applies_to=("post", "reply", "quote"),
)

_WHY = {
    "x": "X folds longer posts behind \"Show more\" after 280 characters",
    "facebook": "Facebook posts of 80 characters or fewer get the most engagement",
    "linkedin": "LinkedIn posts of about 1,300 characters are the usual target",
    "instagram": "our house norm keeps an Instagram caption within 2,000 of its 2,200 characters",
}
# What performs where the note starts at twice it (the default `performing_length` there): the
# evidence says "twice the 80 that performs", not that 160 performs.
_HALF_THE_DEFAULT = {"facebook": 80, "linkedin": 1300}


def counted_text(post: Post) -> str:
    """The part of the post's text its platform counts against the limit."""
    if post.platform != "x":
        return post.text
    return x_counted_text(post.text, reply=post.kind == "reply", media=bool(post.media),
                          quote=post.kind == "quote")


def _short_on_x(text: str, ctx: PostContext) -> bool:
    """Whether `text` is surely under both limits on X, without the exact count.

    ASCII weighs its length; any code point weighs at most 2 once in NFC (which can make a
    text longer), an emoji sequence 2 in all; a link at most 23 more than its own weight,
    and every link holds a dot. Under both limits even so, the post is short: most posts
    skip the exact count (emoji and other scripts included).
    """
    x_limit = HARD_LIMITS["x"] or 0
    performing = ctx.thresholds["performing_length"].get("x") or x_limit
    if text.isascii():
        weight = len(text)
    else:
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        weight = 2 * len(text)
    return weight + URL_WEIGHT * text.count(".") <= min(x_limit, performing)


def _fits_shortened(post: Post) -> Length | None:
    """On Bluesky, the length of a post over the limit only while its links are written in
    full, as the Bluesky app would post it (links shortened); None when even that is over."""
    if post.platform != "bluesky":
        return None
    shown = bluesky_short_links(post.text)
    if shown == post.text:
        return None
    length = measure(shown, "bluesky")
    return None if length.over_limit else length


@TOO_LONG.post_check
def _too_long(post: Post, ctx: PostContext) -> Iterator[Hit]:
    if post.platform == "blog" or not post.text:
        return
    if post.platform == "x" and _short_on_x(post.text, ctx):
        return  # the counted text is a part of the text: shorter still
    text = counted_text(post)
    if post.platform == "x" and _short_on_x(text, ctx):
        return
    length = measure(text, post.platform, links=len(post.urls))
    name = PLATFORM_NAMES.get(post.platform, post.platform)
    owner = f"{name}'" if name.endswith("s") else f"{name}'s"  # Threads' limit, X's limit
    # The hard limits, each a rejection (or a silent cut) by the platform.
    hard_limits = (
        (length.count, length.limit, length.unit,
         f"Over {owner} limit of {length.limit} {length.unit}: the post will be rejected or cut off."),
        (length.byte_count, length.byte_limit, "bytes",
         f"Over {owner} limit of {length.byte_limit} bytes of UTF-8."),
        (length.links, length.link_limit, "links",
         f"{name} allows at most {length.link_limit} links in a post."),
    )
    for count, limit, unit, message in hard_limits:
        if limit is not None and count > limit:
            shortened = _fits_shortened(post)
            if shortened is not None:
                yield Hit(
                    message="Over Bluesky's limit with its links written out in full. The Bluesky app shortens them and fits; a scheduler "
                    "that posts them in full will be refused. Shorten the links, or the text.",
                    evidence=f"{count}/{limit} {unit}; {shortened.count}/{shortened.limit} "
                    f"{shortened.unit} with links shortened",
                    severity="warning",
                )
                return
            yield Hit(message=message, evidence=f"{count}/{limit} {unit}", severity="error")
            return
    performing = ctx.thresholds["performing_length"].get(post.platform)
    if not performing or length.count <= performing:
        return
    ratio = length.count / performing
    why = _WHY.get(post.platform, f"on {name} about {performing} performs best")
    yield Hit(
        message=f"Longer than what performs ({why}). "
        "Cut it to the one point that matters.",
        evidence=f"{length.count}/{performing} {length.unit} ({_what_performs(post.platform, performing)})",
        severity="info",
        impact=min(1.0, ratio - 1.0),
    )


def _what_performs(platform: str, threshold: int) -> str:
    """What the threshold a post went past is, as its evidence says it."""
    performs = _HALF_THE_DEFAULT.get(platform)
    if performs is not None and threshold == 2 * performs:
        return f"twice the {performs:,} that performs"
    return "the length that performs"
