"""Canonical post dicts that `Post` would accept unchanged, turned into slim records."""

from __future__ import annotations

import re
import sys
from datetime import datetime, tzinfo
from typing import Any

from assistant.models import PLATFORMS, POST_KINDS, MediaRecord, Metrics, PostRecord

# Each a single shared string: a million posts then hold one "post", not a million copies.
_PLATFORMS = {p: p for p in PLATFORMS}
_KINDS = {k: k for k in POST_KINDS}
_FIELDS = frozenset({"id", "platform", "kind", "author", "created_at", "text", "title", "urls",
                     "mentions", "hashtags", "media", "in_reply_to", "metrics", "original_author"})
# The ISO 8601 forms both datetime.fromisoformat and pydantic read the same way, with a
# zone: anything else goes to pydantic, which decides (and words any error).
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")
# pydantic's own tzinfo for each offset, so a record's times are the model's to the byte.
_ZONES: dict[str, tzinfo] = {}


def _zone(suffix: str) -> tzinfo | None:
    zone = _ZONES.get(suffix)
    if zone is None:
        from pydantic import TypeAdapter

        try:
            zone = TypeAdapter(datetime).validate_python(f"2000-01-01T00:00:00{suffix}").tzinfo
        except ValueError:  # an offset pydantic refuses (+24:00): it words the error
            return None
        if zone is None:
            return None
        _ZONES[suffix] = zone
    return zone


def _stamp(value: Any) -> datetime | None:
    if type(value) is not str:
        return None
    match = _STAMP.fullmatch(value)
    if match is None:
        return None
    suffix = match.group(1)
    zone = _ZONES.get(suffix) or _zone(suffix)
    if zone is None:
        return None
    try:
        moment = datetime.fromisoformat(value[: match.start(1)])
    except ValueError:  # e.g. month 13: pydantic words the error
        return None
    # Built anew rather than `moment.replace(tzinfo=zone)`: replace's keyword parsing
    # costs ~1.2 µs a call, a second at a million posts.
    return datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute,
                    moment.second, moment.microsecond, zone)


def _strings(value: Any) -> list[str] | None | bool:
    """A list of str as given, None when absent; False when pydantic must look at it."""
    if value is None:
        return None
    if type(value) is list and all(type(item) is str for item in value):
        return value
    return False


def fast_post(value: dict[str, Any]) -> PostRecord | None:
    """A record of `value` when it is a post written exactly the canonical way, else None
    (the caller validates it with `Post`, which converts or explains)."""
    if not value.keys() <= _FIELDS:
        return None
    get = value.get
    post_id = get("id")
    text = get("text", "")
    author = get("author", "")
    platform = get("platform", "x")
    kind = get("kind", "post")
    title = get("title")
    reply_to = get("in_reply_to")
    original = get("original_author")
    if (type(post_id) is not str or type(text) is not str or type(author) is not str
            or type(platform) is not str or type(kind) is not str
            or (title is not None and type(title) is not str)
            or (reply_to is not None and type(reply_to) is not str)
            or (original is not None and type(original) is not str)):
        return None
    platform, kind = _PLATFORMS.get(platform), _KINDS.get(kind)
    if platform is None or kind is None:
        return None
    created = _stamp(get("created_at"))
    if created is None:
        return None
    urls, mentions, hashtags = get("urls"), get("mentions"), get("hashtags")
    # most canonical posts carry none of these: no call for what is absent
    if urls is not None or mentions is not None or hashtags is not None:
        urls, mentions, hashtags = _strings(urls), _strings(mentions), _strings(hashtags)
        if urls is False or mentions is False or hashtags is False:
            return None
    media = _media(value["media"]) if "media" in value else None
    metrics = _metrics(get("metrics"))
    if media is False or metrics is False:
        return None
    return PostRecord(post_id, created, text, platform, kind, sys.intern(author), title,  # (positional: the hot path)
                      urls, mentions, hashtags, media, reply_to, metrics, original)  # type: ignore[arg-type]


_MEDIA_FIELDS = frozenset({"type", "url", "alt", "alt_known", "content_hash"})
_MEDIA_TYPES = {t: t for t in ("image", "video", "gif", "link", "other")}


def _media(value: Any) -> list[MediaRecord] | bool:
    if type(value) is not list:  # null included: `Post` refuses it
        return False
    out = []
    for item in value:
        if type(item) is not dict or not item.keys() <= _MEDIA_FIELDS:
            return False
        kind = item.get("type", "image")
        kind = _MEDIA_TYPES.get(kind) if type(kind) is str else None
        url, alt = item.get("url", ""), item.get("alt")
        known, digest = item.get("alt_known", True), item.get("content_hash")
        if (kind is None or type(url) is not str or type(known) is not bool
                or (alt is not None and type(alt) is not str)
                or (digest is not None and type(digest) is not str)):
            return False  # pydantic converts or refuses, and words it
        out.append(MediaRecord(kind, url, alt, known, digest))
    return out


def _metrics(value: Any) -> Metrics | None | bool:
    if value is None:
        return None
    try:
        return Metrics.model_validate(value)
    except ValueError:
        return False
