"""Bluesky author feeds: `app.bsky.feed.getAuthorFeed` responses (`{"feed": [...]}`)."""

from __future__ import annotations

from typing import Any

from assistant.errors import InputError
from assistant.models import Post

from ._common import (
    Options,
    Parsed,
    decode,
    entry,
    iso_datetime,
    list_of,
    make_post,
    mapping_of,
    most_common,
    optional_int,
    parse_json,
    require_content,
)

_REPOST = "app.bsky.feed.defs#reasonRepost"
_QUOTES = ("app.bsky.embed.record#view", "app.bsky.embed.recordWithMedia#view")


def parse_bluesky(data: bytes | str, name: str) -> list[Post]:
    """Posts from one getAuthorFeed page; a repost is the feed owner's, dated when reposted."""
    text = decode(data, name)
    require_content(text, name)
    document = parse_json(text, name)
    if not isinstance(document, dict) or not isinstance(document.get("feed"), list):
        raise InputError('expected a getAuthorFeed response: {"feed": [...]}', path=name)
    return [_post(item, name, index) for index, item in enumerate(document["feed"], start=1)]


def _post(value: Any, name: str, index: int) -> Post:
    """One feed item (`post`, optional `reason`) as a Post."""
    with entry(name, f"feed item {index}"):
        item = mapping_of(value, "feed item")
        post = mapping_of(item["post"], "post")
        uri = str(post["uri"])
        what = f"feed item {index} ({uri})"
    with entry(name, what):
        record = mapping_of(post["record"], "record")
        reason = mapping_of(item.get("reason") or {}, "reason")
        embed = mapping_of(post.get("embed") or {}, "embed")
        reply = record.get("reply")
        if reason.get("$type") == _REPOST:
            by = mapping_of(reason["by"], "reason.by")
            kind, author = "repost", str(by["handle"])
            created_at = iso_datetime(reason.get("indexedAt") or record["createdAt"])
            post_id = str(reason.get("uri") or f"{uri}#repost-by-{by.get('did', author)}")
        else:
            kind = "reply" if reply else "quote" if embed.get("$type") in _QUOTES else "post"
            author = str(mapping_of(post["author"], "author")["handle"])
            created_at = iso_datetime(record["createdAt"])
            post_id = uri
        fields = {
            "id": post_id,
            "platform": "bluesky",
            "kind": kind,
            "author": author,
            "created_at": created_at,
            "text": str(record.get("text") or ""),
            "urls": _links(record, embed),
            "media": _media(embed),
            "in_reply_to": (str(mapping_of(mapping_of(reply, "reply")["parent"], "parent")["uri"])
                            if kind == "reply" else None),
            "metrics": {"likes": optional_int(post.get("likeCount")),
                        "shares": optional_int(post.get("repostCount")),
                        "replies": optional_int(post.get("replyCount"))},
        }
    return make_post(fields, name, what)


def _links(record: dict[str, Any], embed: dict[str, Any]) -> list[str]:
    """Link facets (the text shows links shortened) and a link card's target."""
    links: list[str] = []
    for facet in list_of(record.get("facets"), "facets"):
        for feature in list_of(mapping_of(facet, "facet").get("features"), "features"):
            feature = mapping_of(feature, "feature")
            if feature.get("$type") == "app.bsky.richtext.facet#link" and feature.get("uri"):
                links.append(str(feature["uri"]))
    external = embed.get("external")
    if isinstance(external, dict) and external.get("uri"):
        links.append(str(external["uri"]))
    return list(dict.fromkeys(links))


def _media(embed: dict[str, Any]) -> list[dict[str, Any]]:
    """Images and video of the embed view; an empty alt is missing alt and reads as None."""
    if embed.get("$type") == "app.bsky.embed.recordWithMedia#view":
        embed = mapping_of(embed.get("media") or {}, "embed.media")
    kind = embed.get("$type")
    if kind == "app.bsky.embed.images#view":
        return [{"type": "image", "url": str(mapping_of(image, "image").get("fullsize") or ""),
                 "alt": str(image["alt"]) if image.get("alt") else None}
                for image in list_of(embed.get("images"), "images")]
    if kind == "app.bsky.embed.video#view":
        alt = embed.get("alt")
        return [{"type": "video", "url": str(embed.get("playlist") or ""),
                 "alt": str(alt) if alt else None}]
    return []


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point; the account is the handle behind most items."""
    posts = parse_bluesky(data, name)
    return Parsed(posts, account=most_common([p.author for p in posts]), platform="bluesky")
