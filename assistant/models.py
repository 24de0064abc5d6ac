"""The data everything else speaks: posts, feeds, findings, reviews and audits.

These are the contracts of DESIGN.md. The JSON form of `Post` is the canonical
JSON Lines post format; the JSON form of `Review` and `FeedAudit` is the stable
machine output of the command line.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.text import extract_hashtags, extract_mentions, extract_urls

Platform = Literal["x", "linkedin", "facebook", "instagram", "threads", "bluesky", "mastodon", "blog"]
PostKind = Literal["post", "reply", "repost", "quote", "dm"]
OwnerKind = Literal["agency", "executive", "client"]
Severity = Literal["info", "warning", "error"]
Scope = Literal["post", "feed"]
FindingSource = Literal["rule", "llm"]

PLATFORMS: tuple[str, ...] = Platform.__args__  # type: ignore[attr-defined]
POST_KINDS: tuple[str, ...] = PostKind.__args__  # type: ignore[attr-defined]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


class _Model(BaseModel):
    # Schemas are built on first use, not at import: the CLI starts faster, and a
    # command that never touches an audit never pays for the audit models.
    model_config = ConfigDict(defer_build=True)


class _Strict(_Model):
    model_config = ConfigDict(extra="forbid", defer_build=True)


def severity_rank(severity: str) -> int:
    """Order severities so that comparisons read naturally (info < warning < error)."""
    return SEVERITIES.index(severity)


class Media(_Strict):
    """One attachment. `content_hash` identifies the same picture behind different URLs."""

    type: Literal["image", "video", "gif", "link", "other"] = "image"
    url: str = ""
    alt: str | None = None
    # False when the source cannot say: X archives and API dumps without `ext_alt_text`
    # never carry alt text, so a missing one there is unknown, not missing.
    alt_known: bool = True
    content_hash: str | None = None


class Metrics(_Strict):
    """Engagement counts, when the source has them."""

    likes: int | None = None
    shares: int | None = None  # reposts, retweets, boosts
    replies: int | None = None
    quotes: int | None = None
    impressions: int | None = None


class Post(_Strict):
    """One post, reply, repost, quote or DM on one platform.

    `urls`, `mentions` and `hashtags` are extracted from the text when absent, so
    importers only fill them when the source knows better (expanded links).
    """

    id: str
    platform: Platform = "x"
    kind: PostKind = "post"
    author: str = ""
    created_at: datetime
    text: str = ""
    title: str | None = None
    urls: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)
    hashtags: list[str] = Field(default_factory=list)
    media: list[Media] = Field(default_factory=list)
    in_reply_to: str | None = None
    metrics: Metrics | None = None

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("created_at must carry a time zone (e.g. 2026-11-01T09:00:00Z)")
        return value

    @model_validator(mode="before")
    @classmethod
    def _extract_entities(cls, data: Any) -> Any:
        if isinstance(data, dict):
            text = data.get("text") or ""
            if not isinstance(text, str):
                return data
            data = dict(data)
            if not data.get("urls"):
                data["urls"] = extract_urls(text)
            if not data.get("mentions"):
                data["mentions"] = extract_mentions(text)
            if not data.get("hashtags"):
                data["hashtags"] = extract_hashtags(text)
        return data


class Account(_Strict):
    """Who a feed belongs to."""

    name: str
    platform: Platform = "x"
    owner: OwnerKind = "client"


class Feed(_Model):
    """An account and its posts, oldest first."""

    account: Account
    posts: list[Post] = Field(default_factory=list)
    source: str = ""
    # A schedule or drafts (a bulk-upload file), not a published history: it never holds
    # replies, so conversation is not judged on it.
    planned: bool = False


class Engagement(_Model):
    """The account's own numbers behind a finding (see `assistant.evidence`).

    `ratio` is the median (`statistic`; the mean when either median is 0) of `metric`
    on the posts that break the rule over the same on the account's comparable posts; `low`-`high` its 95% bootstrap interval; `p_value` a
    Mann-Whitney rank test. `note` says why a number is missing (too few posts, zeros).
    """

    metric: str = "likes"
    statistic: str = "median"
    against: str = "the account's other posts"
    n_hit: int = 0
    n_other: int = 0
    median_hit: float | None = None
    median_other: float | None = None
    ratio: float | None = None
    low: float | None = None
    high: float | None = None
    p_value: float | None = None
    note: str = ""

    @property
    def clear(self) -> bool:
        """The interval leaves out 1x and the rank test agrees: worth saying out loud."""
        return (self.low is not None and self.high is not None and self.p_value is not None
                and (self.high < 1 or self.low > 1) and self.p_value < 0.05)


class Finding(_Model):
    """One problem: which rule, how bad, what it saw, and where."""

    rule: str
    severity: Severity
    message: str
    evidence: str = ""
    post_id: str | None = None
    source: FindingSource = "rule"
    examples: list[str] = Field(default_factory=list, description="post ids behind a feed-level finding")
    engagement: Engagement | None = None


class Critique(_Model):
    """What the language model said, or why it said nothing."""

    available: bool = False
    note: str = ""
    verdict: Literal["publish", "revise", "reject"] | None = None
    summary: str = ""
    rewrite: str = ""
    practise_what_you_preach: str = ""
    model: str = ""
    cached: bool = False
    usage: dict[str, int] = Field(default_factory=dict)


class Review(_Model):
    """The review of one post."""

    post: Post
    findings: list[Finding] = Field(default_factory=list)
    critique: Critique | None = None

    @property
    def worst_severity(self) -> str | None:
        return max((f.severity for f in self.findings), key=severity_rank, default=None)


class HealthComponent(_Model):
    """One named part of a feed's health score and the rules that moved it."""

    name: str
    score: int
    weight: float
    rules: list[str] = Field(default_factory=list)


class Health(_Model):
    score: int
    components: dict[str, HealthComponent]


class FeedStats(_Model):
    """Plain counts a person can check against the feed."""

    posts: int = 0
    replies: int = 0
    reposts: int = 0
    quotes: int = 0
    dms: int = 0
    first_post: datetime | None = None
    last_post: datetime | None = None
    days: float = 0.0
    left_out: int = 0  # posts of other accounts in the files, not judged as this account's


class FeedAudit(_Model):
    """The audit of one feed as of a given moment."""

    account: Account
    source: str = ""
    as_of: datetime
    stats: FeedStats
    health: Health
    findings: list[Finding] = Field(default_factory=list)
    critique: Critique | None = None

    @property
    def worst_severity(self) -> str | None:
        return max((f.severity for f in self.findings), key=severity_rank, default=None)


class MediaRecord:
    """An attachment as an audit reads it: `Media`'s fields in slots (~100 bytes, not ~650)."""

    __slots__ = ("alt", "alt_known", "content_hash", "type", "url")

    def __init__(self, type: str = "image", url: str = "", alt: str | None = None,
                 alt_known: bool = True, content_hash: str | None = None) -> None:
        self.type = type
        self.url = url
        self.alt = alt
        self.alt_known = alt_known
        self.content_hash = content_hash

    def fields(self) -> dict[str, Any]:
        return {"type": self.type, "url": self.url, "alt": self.alt, "alt_known": self.alt_known,
                "content_hash": self.content_hash}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (MediaRecord, Media)):
            return all(getattr(self, f) == getattr(other, f) for f in self.__slots__)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like the model

    def __repr__(self) -> str:
        return f"MediaRecord(type={self.type!r}, url={self.url!r})"


class PostRecord:
    """A post as an audit reads it: `Post`'s fields in slots, a fraction of its memory.

    Importers on the hot path (canonical JSON Lines) build these from values already
    checked to be what `Post` would accept unchanged, so a million posts cost what their
    text costs. Links, mentions and hashtags are extracted from the text on first use,
    as `Post` does when they are absent. `to_post()` gives the validated model at the
    edges (review, approvals, JSON out).
    """

    __slots__ = (
        "_hashtags",
        "_mentions",
        "_urls",
        "author",
        "created_at",
        "id",
        "in_reply_to",
        "kind",
        "media",
        "metrics",
        "platform",
        "text",
        "title",
    )

    def __init__(self, id: str, created_at: datetime, text: str = "", *,
                 platform: str = "x", kind: str = "post", author: str = "",
                 title: str | None = None, urls: list[str] | None = None,
                 mentions: list[str] | None = None, hashtags: list[str] | None = None,
                 media: list[MediaRecord] | None = None, in_reply_to: str | None = None,
                 metrics: Metrics | None = None) -> None:
        self.id = id
        self.platform = platform
        self.kind = kind
        self.author = author
        self.created_at = created_at
        self.text = text
        self.title = title
        # None: not given, extracted from the text when first read (an empty list given
        # is extracted too, as `Post` does).
        self._urls = urls or None
        self._mentions = mentions or None
        self._hashtags = hashtags or None
        self.media = media or _NO_MEDIA
        self.in_reply_to = in_reply_to
        self.metrics = metrics

    @property
    def urls(self) -> list[str]:
        if self._urls is None:
            self._urls = extract_urls(self.text) or _NONE
        return self._urls

    @urls.setter
    def urls(self, value: list[str]) -> None:
        self._urls = value

    @property
    def mentions(self) -> list[str]:
        if self._mentions is None:
            self._mentions = extract_mentions(self.text) or _NONE
        return self._mentions

    @mentions.setter
    def mentions(self, value: list[str]) -> None:
        self._mentions = value

    @property
    def hashtags(self) -> list[str]:
        if self._hashtags is None:
            self._hashtags = extract_hashtags(self.text) or _NONE
        return self._hashtags

    @hashtags.setter
    def hashtags(self, value: list[str]) -> None:
        self._hashtags = value

    def to_post(self) -> Post:
        """The validated model of this post."""
        return Post.model_validate({
            "id": self.id, "platform": self.platform, "kind": self.kind, "author": self.author,
            "created_at": self.created_at, "text": self.text, "title": self.title,
            "urls": self.urls, "mentions": self.mentions, "hashtags": self.hashtags,
            "media": [m.fields() if isinstance(m, MediaRecord) else m for m in self.media],
            "in_reply_to": self.in_reply_to, "metrics": self.metrics,
        })

    def __repr__(self) -> str:
        return f"PostRecord(id={self.id!r}, kind={self.kind!r}, created_at={self.created_at!r})"


# Shared empty lists (most posts have no media, links, mentions or hashtags): a million
# posts then hold no million empty lists. Nothing appends to a post's lists in place.
_NO_MEDIA: list[MediaRecord] = []
_NONE: list[str] = []


def as_post(post: Post | PostRecord) -> Post:
    """`post` as the validated model (records are converted, models pass through)."""
    return post.to_post() if isinstance(post, PostRecord) else post
