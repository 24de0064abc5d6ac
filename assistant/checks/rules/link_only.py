"""link-only: a link with nothing around it for the reader.

A bare link, or one dressed only in filler ("New post:", "Check it out", "Read more",
"Latest blog 👇", hashtags, emoji, tags), asks for a click and gives nothing: no point,
no opinion, no reason to care. It fires when, after removing links, mentions, hashtags,
emoji, punctuation and filler words, fewer than `min_words` words remain. Replies are
left alone: a link in answer to someone is help. Blog posts have their own body.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from assistant.checks.registry import Hit, PostContext, rule
from assistant.models import Post
from assistant.text import strip_urls

LINK_ONLY = rule(
    "link-only",
    severity="warning",
    component="conversation",
    rationale=(
        "A bare link is a broadcast, not a conversation: say what is in it and why it "
        "matters to the reader, or there is no reason to click and nothing to reply to."
    ),
    thresholds={"min_words": 2},
    applies_to=("post", "quote", "dm"),
)

# Words that fill space around a link without saying anything about it.
_FILLER_WORDS = """
    new newest latest recent fresh just now today out live up here this that it its our my
    the a an post posts blog blogs article articles piece story video videos episode podcast
    pod read reading more check look looking see watch listen click tap link links below
    above bio in on at from via by of to for and is are please pls go find get full
    icymi case you missed fyi must worth must-read hot off press published posted dropped
    thread guide newsletter issue edition update updates ep vol part
"""
_FILLER = frozenset(_FILLER_WORDS.split())
_NOISE = regex.compile(
    r"(?<![\w@])[@#][\w.@-]+|[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]"
    r"|[^\w\s'’-]|(?<!\w)['’-]|['’-](?!\w)"
)
_WORDS = regex.compile(r"[\w'’-]+")


def substantive_words(text: str) -> list[str]:
    """The words of `text` that say something: no links, tags, emoji, filler."""
    bare = _NOISE.sub(" ", strip_urls(text))
    return [w for w in _WORDS.findall(bare.lower()) if w not in _FILLER and not w.isdigit()]


@LINK_ONLY.post_check
def _bare_link(post: Post, ctx: PostContext) -> Iterator[Hit]:
    if not post.urls or post.platform == "blog":
        return
    words = substantive_words(post.text)
    if len(words) >= ctx.thresholds["min_words"]:
        return
    around = _NOISE.sub(" ", strip_urls(post.text)).split()
    evidence = " ".join(strip_urls(post.text).split()) or post.urls[0]
    yield Hit(
        message=(
            "Just a link" + (" and filler" if around else "")
            + ": say what is in it and why it matters to the reader."
        ),
        evidence=evidence[:120],
    )
