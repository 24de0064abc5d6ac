"""Blog feeds: articles far longer than the norm.

The average blog post runs about 1,400 words (Orbit Media's yearly blogger survey,
2023: 1,427); we flag articles at twice that, as information: long can be right,
but an agency blog of 5,000-word posts is rarely read to the end.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checks.registry import FeedContext, Hit, rule
from assistant.models import Feed
from assistant.text import html_to_text

LONG_BLOG_POST = rule(
    "long-blog-post",
    severity="info",
    component="cadence",
    rationale=(
        "We tell clients to respect the reader's time: a typical blog post is about 1,400 words, "
        "and articles twice that long lose most readers before the point."
    ),
    thresholds={"max_words": 3000},
    applies_to=("post",),
)


def word_count(text: str) -> int:
    """Words in an article (markup removed when there is any)."""
    return len((html_to_text(text) if "<" in text else text).split())


@LONG_BLOG_POST.feed_check
def _long_blog_posts(feed: Feed, ctx: FeedContext) -> Iterator[Hit]:
    articles = [
        p for p in feed.posts
        if p.kind == "post" and (p.platform == "blog" or feed.account.platform == "blog")
    ]
    if not articles:
        return
    limit = ctx.thresholds["max_words"]
    long = [(word_count(p.text), p) for p in articles]
    long = [(n, p) for n, p in long if n > limit]
    if not long:
        return
    words, longest = max(long, key=lambda np_: np_[0])
    share = len(long) / len(articles)
    yield Hit(
        f"{len(long)} of {len(articles)} articles are longer than {limit:,} words",
        evidence=f'longest: "{longest.title or longest.id}" at {words:,} words',
        impact=min(1.0, share * 2),
        examples=tuple(p.id for _, p in long[:5]),
    )
