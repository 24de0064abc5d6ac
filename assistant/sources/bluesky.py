"""Bluesky author feeds: `app.bsky.feed.getAuthorFeed` responses (`{"feed": [...]}`).

Kinds: a `reason` of type reasonRepost is the feed owner's repost (dated when reposted) of
the post by `post.author.handle` (its own, when that is the owner's handle);
`record.reply` a reply; an embedded post (`embed` record view, or the record's own
`app.bsky.embed.record`) a quote. A pinned post (reasonPin) is a post like any other.
`record.text` is plain text: nothing to unescape.
"""

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
_QUOTE_RECORDS = ("app.bsky.embed.record", "app.bsky.embed.recordWithMedia")
# An embedded record that is a post (or a post that is gone); feeds, lists and starter
# packs can be embedded too, and a post that shows one is not quoting anybody.
_POST_VIEWS = ("app.bsky.embed.record#viewRecord", "app.bsky.embed.record#viewNotFound",
               "app.bsky.embed.record#viewBlocked", "app.bsky.embed.record#viewDetached")


def parse_bluesky(data: bytes | str, name: str) -> list[Post]:
    """Posts from one getAuthorFeed page; a repost is the feed owner's, dated when reposted."""
    text = decode(data, name)
    require_content(text, name)
    return author_feed_posts(parse_json(text, name), name)


def author_feed_posts(document: Any, name: str) -> list[Post]:
    """The posts of a getAuthorFeed response already read as JSON (the fetcher reads the
    page's cursor from the same document, so a page is parsed once)."""
    if not isinstance(document, dict) or not isinstance(document.get("feed"), list):
        raise InputError('expected a getAuthorFeed response: {"feed": [...]}', path=name)
    return [feed_item_post(item, name, index)
            for index, item in enumerate(document["feed"], start=1)]


def feed_item_post(value: Any, name: str, index: int) -> Post:
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
        original = None
        if reason.get("$type") == _REPOST:
            by = mapping_of(reason["by"], "reason.by")
            kind, author = "repost", str(by["handle"])
            created_at = iso_datetime(reason.get("indexedAt") or record["createdAt"])
            post_id = str(reason.get("uri") or f"{uri}#repost-by-{by.get('did', author)}")
            written_by = mapping_of(post.get("author") or {}, "author")
            original = str(written_by["handle"]) if written_by.get("handle") else None
        else:
            kind = "reply" if reply else "quote" if _quotes(embed, record) else "post"
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
                        "replies": optional_int(post.get("replyCount")),
                        "quotes": optional_int(post.get("quoteCount"))},
            "original_author": original,
        }
    return make_post(fields, name, what)


def _quotes(embed: dict[str, Any], record: dict[str, Any]) -> bool:
    """True when the post embeds another post: the view's record, else the record's own
    embed (`app.bsky.embed.record` pointing at an `app.bsky.feed.post`)."""
    if embed.get("$type") in _QUOTES:
        shown = embed.get("record")
        if embed.get("$type") == "app.bsky.embed.recordWithMedia#view" and isinstance(shown, dict):
            shown = shown.get("record")
        kind = shown.get("$type") if isinstance(shown, dict) else None
        return kind is None or kind in _POST_VIEWS
    own = record.get("embed")
    if not isinstance(own, dict) or own.get("$type") not in _QUOTE_RECORDS:
        return False
    target = own.get("record")
    if own.get("$type") == "app.bsky.embed.recordWithMedia" and isinstance(target, dict):
        target = target.get("record")
    uri = target.get("uri") if isinstance(target, dict) else None
    return isinstance(uri, str) and "/app.bsky.feed.post/" in uri


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
