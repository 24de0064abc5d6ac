"""The validated models: posts, feeds and audits as pydantic checks and serialises them.

`assistant.models` names every one of them without importing pydantic, so a command that
only reviews a draft never pays for it; this module is loaded on the first real use of a
model (validating a file, a config, JSON out). Findings and reviews are plain dataclasses
there, which these models hold.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    field_validator,
    model_serializer,
    model_validator,
)

from assistant.models import (
    Finding,
    OwnerKind,
    Platform,
    PostKind,
    Review,
    severity_rank,
)
from assistant.text import extract_hashtags, extract_mentions, extract_urls, retweeted_author


class _Model(BaseModel):
    # Schemas are built on first use, not at import: the CLI starts faster, and a
    # command that never touches an audit never pays for the audit models.
    model_config = ConfigDict(defer_build=True)


class _Strict(_Model):
    model_config = ConfigDict(extra="forbid", defer_build=True)


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

    `original_author` is, for a repost, who wrote the post it passes on, as the source
    names them (Mastodon's `reblog.account.acct`, Bluesky's `post.author.handle`, X's
    `retweeted_status.user.screen_name`); absent, it is read from a repost's text written
    "RT @user: ...", else None (the source does not say). It tells a repost of the
    account's own post, which is its own broadcast again, from sharing others' posts.
    Written out only when known, so posts without it serialise as before.
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
    original_author: str | None = None

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
            if not data.get("original_author") and data.get("kind") == "repost":
                data["original_author"] = retweeted_author(text)
        return data

    @model_serializer(mode="wrap")
    def _known_only(self, handler: SerializerFunctionWrapHandler) -> Any:
        # An unknown original author is left out, not written as null: the JSON of every
        # post without one stays what it was, which versions before the field read too.
        data = handler(self)
        if isinstance(data, dict) and data.get("original_author", "") is None:
            del data["original_author"]
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
    later: int = 0  # posts dated after the audit's moment: not part of the feed yet


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


@cache
def _reviews() -> TypeAdapter[Review]:
    return TypeAdapter(Review)


def review_to_json(review: Review) -> str:
    """A review as JSON, as stored with a queued post."""
    return _reviews().dump_json(review).decode()


def review_from_json(data: str | bytes) -> Review:
    """A review stored by `review_to_json`, validated."""
    return _reviews().validate_json(data)
