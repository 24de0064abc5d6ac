"""The data everything else speaks: posts, feeds, findings, reviews and audits.

These are the contracts of DESIGN.md. The JSON form of `Post` is the canonical
JSON Lines post format; the JSON form of `Review` and `FeedAudit` is the stable
machine output of the command line.

Importing this module does not import pydantic: a review of one draft (a `PostRecord`,
plain `Finding`s in a plain `Review`) never needs it. The validated models (`Post`,
`Feed`, `FeedAudit`, ...) are named here by stand-ins and defined in `assistant.schema`,
which their first use loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from assistant.text import extract_hashtags, extract_mentions, extract_urls, retweeted_author

Platform = Literal["x", "linkedin", "facebook", "instagram", "threads", "bluesky", "mastodon", "blog"]
PostKind = Literal["post", "reply", "repost", "quote", "dm"]
OwnerKind = Literal["agency", "executive", "client"]
Severity = Literal["info", "warning", "error"]
Scope = Literal["post", "feed"]
FindingSource = Literal["rule", "llm"]

PLATFORMS: tuple[str, ...] = Platform.__args__  # type: ignore[attr-defined]
POST_KINDS: tuple[str, ...] = PostKind.__args__  # type: ignore[attr-defined]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    """Order severities so that comparisons read naturally (info < warning < error)."""
    return SEVERITIES.index(severity)


class _Deferred(type):
    """The metaclass of a model's stand-in: calling the stand-in, reading an attribute of
    it (`Post.model_validate`), `isinstance` and a pydantic field of its type are the
    model's, which `assistant.schema` defines and which is loaded then. Its own dunder
    names stay its own, so typing and annotations never load pydantic."""

    def model(cls) -> Any:
        from assistant import schema

        return getattr(schema, cls.__name__)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls.model()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(cls.model(), name)

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, cls.model())

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, cls.model())


def _schema_of_model(cls: Any, source: Any, handler: Any) -> Any:
    # pydantic asks a field's type for its schema: a stand-in answers with its model's.
    return handler(cls.model())


def _deferred(name: str) -> Any:
    """A stand-in for the model `name` of `assistant.schema`."""
    return _Deferred(name, (), {"__module__": __name__, "__qualname__": name,
                                "__get_pydantic_core_schema__": classmethod(_schema_of_model)})


if TYPE_CHECKING:
    from assistant.schema import (
        Account,
        Critique,
        Feed,
        FeedAudit,
        FeedStats,
        Health,
        HealthComponent,
        Media,
        Metrics,
        Post,
    )
else:
    Media = _deferred("Media")
    Metrics = _deferred("Metrics")
    Post = _deferred("Post")
    Account = _deferred("Account")
    Feed = _deferred("Feed")
    Critique = _deferred("Critique")
    HealthComponent = _deferred("HealthComponent")
    Health = _deferred("Health")
    FeedStats = _deferred("FeedStats")
    FeedAudit = _deferred("FeedAudit")


@dataclass(slots=True)
class Engagement:
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


@dataclass(slots=True)
class Finding:
    """One problem: which rule, how bad, what it saw, and where. `examples` are the post
    ids behind a feed-level finding."""

    rule: str
    severity: Severity
    message: str
    evidence: str = ""
    post_id: str | None = None
    source: FindingSource = "rule"
    examples: list[str] = field(default_factory=list)
    engagement: Engagement | None = None


@dataclass
class Review:
    """The review of one post: a draft's is a `PostRecord`, so a review never needs
    pydantic until its critique or its JSON for the approval queue."""

    post: Post | PostRecord
    findings: list[Finding] = field(default_factory=list)
    critique: Critique | None = None

    # Validated from the queue's JSON, where the post is always a `Post`.
    __pydantic_config__ = {"arbitrary_types_allowed": True}


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
    as `Post` does when they are absent, and so is a repost's original author ("RT @user:").
    `to_post()` gives the validated model at the edges (review, approvals, JSON out).
    """

    __slots__ = (
        "_hashtags",
        "_mentions",
        "_original_author",
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

    # Positional too: the JSON Lines reader builds a million of these, and keywords cost
    # ~0.4 µs a call more.
    def __init__(self, id: str, created_at: datetime, text: str = "",
                 platform: str = "x", kind: str = "post", author: str = "",
                 title: str | None = None, urls: list[str] | None = None,
                 mentions: list[str] | None = None, hashtags: list[str] | None = None,
                 media: list[MediaRecord] | None = None, in_reply_to: str | None = None,
                 metrics: Metrics | None = None, original_author: str | None = None) -> None:
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
        # None: not given, read from an "RT @user:" repost's text when first asked ("" when
        # it names nobody), as `Post` does when it is absent.
        self._original_author = original_author or None

    @property
    def original_author(self) -> str | None:
        if self._original_author is None:
            self._original_author = (retweeted_author(self.text) if self.kind == "repost" else None) or ""
        return self._original_author or None

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

    def fields(self) -> dict[str, Any]:
        """`Post`'s fields and their values here (the entities extracted if not given)."""
        return {
            "id": self.id, "platform": self.platform, "kind": self.kind, "author": self.author,
            "created_at": self.created_at, "text": self.text, "title": self.title,
            "urls": self.urls, "mentions": self.mentions, "hashtags": self.hashtags,
            "media": self.media, "in_reply_to": self.in_reply_to, "metrics": self.metrics,
            "original_author": self.original_author,
        }

    def to_post(self) -> Post:
        """The validated model of this post."""
        return Post.model_validate({
            **self.fields(), "media": [m.fields() if isinstance(m, MediaRecord) else m for m in self.media]})

    def __repr__(self) -> str:
        return f"PostRecord(id={self.id!r}, kind={self.kind!r}, created_at={self.created_at!r})"


# Shared empty lists (most posts have no media, links, mentions or hashtags): a million
# posts then hold no million empty lists. Nothing appends to a post's lists in place.
_NO_MEDIA: list[MediaRecord] = []
_NONE: list[str] = []


def is_dated(post: Post | PostRecord) -> bool:
    """False for an undated draft: importers put those at the Unix epoch."""
    return dated(post.created_at)


def dated(moment: datetime) -> bool:
    """False for the time of an undated draft, the Unix epoch (`is_dated`)."""
    # The year first: ~15x cheaper than timestamp(), which only the epoch's own years
    # (1969 west of UTC) need; rules ask this of every post of a feed.
    return moment.year not in (1969, 1970) or moment.timestamp() != 0


def as_post(post: Post | PostRecord) -> Post:
    """`post` as the validated model (records are converted, models pass through)."""
    return post.to_post() if isinstance(post, PostRecord) else post
