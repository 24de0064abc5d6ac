"""Blog feeds: articles far longer than the norm.

The average blog post runs about 1,400 words (Orbit Media's yearly blogger survey,
2023: 1,427); we flag articles at twice that, as information: long can be right,
but an agency blog of 5,000-word posts is rarely read to the end.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checks.registry import FeedContext, Hit, rule
from assistant.models import Account, Post
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


@LONG_BLOG_POST.feed_tally
class _LongBlogPosts:
    """How many articles, how many of them are long, and the longest."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        self.blog = account.platform == "blog"
        self.limit: int = ctx.thresholds["max_words"]
        self.articles = 0
        self.long: list[str] = []
        self.longest = (0, "")  # (words, its title or id)

    def add(self, post: Post) -> None:
        if post.kind != "post" or not (self.blog or post.platform == "blog"):
            return
        self.articles += 1
        words = word_count(post.text)
        if words > self.limit:
            self.long.append(post.id)
            if words > self.longest[0]:
                self.longest = (words, post.title or post.id)

    def hits(self) -> Iterator[Hit]:
        if not self.long:
            return
        words, longest = self.longest
        share = len(self.long) / self.articles
        yield Hit(
            f"{len(self.long)} of {self.articles} articles are longer than {self.limit:,} words",
            evidence=f'longest: "{longest}" at {words:,} words',
            impact=min(1.0, share * 2),
            examples=tuple(self.long[:5]),
        )
