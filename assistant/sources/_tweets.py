"""Tweet objects as Post fields: the v1.1 shape (archives, API and streaming dumps) and v2.

Kinds come from the tweet's own fields (see PLATFORM_NOTES):
- repost: `retweeted_status`, or text starting "RT @user:" (archives keep no object);
  who wrote the original is `retweeted_status.user.screen_name`, else that @user;
- reply: `in_reply_to_status_id(_str)`, or `in_reply_to_user_id(_str)` alone (a post
  addressed to someone without a parent id is still a reply to that person);
- quote: `quoted_status_id(_str)`, `quoted_status`, `is_quote_status`, or, in archives
  that keep none of those, a post permalink among the expanded links.
Text is unescaped (`&amp;` -> `&`) and kept whole: the t.co link of an attached photo or
of the quoted post stays in it, and the attachments are in `media` (length counting
knows what X does not count).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from ._common import iso_datetime, list_of, mapping_of, optional_int
from ._kinds import (
    embedded_author,
    empty_id,
    is_retweet_text,
    quoted_status,
    retweeted_author,
    unescape,
)

MEDIA_TYPES = {"photo": "image", "video": "video", "animated_gif": "gif"}
# v2 media keys start with the media's type: 3_ photo, 7_ and 13_ video, 16_ GIF.
_MEDIA_KEY_TYPES = {"3": "image", "7": "video", "13": "video", "16": "gif"}
TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"
_UTC_TIME = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) "
                       r"(\d{2}:\d{2}:\d{2}) \+0000 (\d{4})$")
_MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}


def twitter_time(value: Any) -> datetime:
    """`Wed Oct 10 20:19:24 +0000 2018` (v1.1), or ISO 8601 (v2, converted dumps)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("created_at is missing")
    text = str(value).strip()
    if text[:1].isdigit():
        return iso_datetime(text.replace(" +0000", "+00:00"))
    # strptime is most of the cost of reading a tweet; X writes UTC in one fixed form.
    match = _UTC_TIME.match(text)
    if match and match.group(2) in _MONTHS:
        day, month, hms, year = match.group(3), _MONTHS[match.group(2)], match.group(4), match[5]
        return datetime(int(year), month, int(day), int(hms[:2]), int(hms[3:5]), int(hms[6:]),
                        tzinfo=UTC)
    return datetime.strptime(text, TWITTER_TIME)


def _text_of(tweet: dict[str, Any]) -> str:
    """The whole text: `extended_tweet.full_text` (streaming), `full_text`, or `text`."""
    extended = tweet.get("extended_tweet")
    if isinstance(extended, dict) and extended.get("full_text"):
        return str(extended["full_text"])
    value = tweet.get("full_text", tweet.get("text"))
    return "" if value is None else str(value)


def _entities(tweet: dict[str, Any], key: str) -> dict[str, Any]:
    extended = tweet.get("extended_tweet")
    source = extended if isinstance(extended, dict) and extended.get(key) else tweet
    return mapping_of(source.get(key) or {}, key)


def v1_fields(tweet: dict[str, Any]) -> dict[str, Any]:
    """Post fields of a v1.1 tweet object (archive or API); the caller adds the id check."""
    tweet_id = str(tweet.get("id_str") or tweet["id"])
    text = unescape(_text_of(tweet))
    entities = _entities(tweet, "entities")
    urls = [str(u["expanded_url"]) for u in list_of(entities.get("urls"), "entities.urls")
            if mapping_of(u, "url").get("expanded_url")]
    reply_to = next((str(tweet[k]) for k in ("in_reply_to_status_id_str",
                                            "in_reply_to_status_id")
                     if not empty_id(tweet.get(k))), None)
    reply_user = any(not empty_id(tweet.get(k)) for k in (
        "in_reply_to_user_id_str", "in_reply_to_user_id", "in_reply_to_screen_name"))
    quoted = (not empty_id(tweet.get("quoted_status_id_str"))
              or not empty_id(tweet.get("quoted_status_id"))
              or isinstance(tweet.get("quoted_status"), dict)
              or tweet.get("is_quote_status") in (True, "true", "True")
              or quoted_status(urls, tweet_id) is not None)
    if isinstance(tweet.get("retweeted_status"), dict) or is_retweet_text(text):
        kind = "repost"
    elif reply_to or reply_user:
        kind = "reply"
    elif quoted:
        kind = "quote"
    else:
        kind = "post"
    user = tweet.get("user")
    author = ""
    if isinstance(user, dict) and user.get("screen_name"):
        author = str(user["screen_name"])
    fields: dict[str, Any] = {
        "id": tweet_id,
        "platform": "x",
        "kind": kind,
        "author": author,
        "created_at": twitter_time(tweet["created_at"]),
        "text": text,
        "urls": urls,
        "media": v1_media(tweet, entities),
        "in_reply_to": reply_to if kind == "reply" else None,
        "metrics": {"likes": optional_int(tweet.get("favorite_count")),
                    "shares": optional_int(tweet.get("retweet_count")),
                    "quotes": optional_int(tweet.get("quote_count")),
                    "replies": optional_int(tweet.get("reply_count"))},
        "original_author": _retweeted_user(tweet, text) if kind == "repost" else None,
    }
    return fields


def _retweeted_user(tweet: dict[str, Any], text: str) -> str | None:
    """Who wrote the retweeted tweet: `retweeted_status.user.screen_name`, else the
    "RT @user:" of the text (archives keep no `retweeted_status`)."""
    original = tweet.get("retweeted_status")
    return (embedded_author(original) if isinstance(original, dict) else None) or retweeted_author(text)


def v1_media(tweet: dict[str, Any], entities: dict[str, Any]) -> list[dict[str, Any]]:
    """Attachments from `extended_entities` (all of them) or else `entities.media`."""
    extended = _entities(tweet, "extended_entities")
    items = list_of(extended.get("media") or entities.get("media"), "media")
    media = []
    for item in items:
        item = mapping_of(item, "media")
        alt = item.get("ext_alt_text")
        media.append({
            "type": MEDIA_TYPES.get(str(item.get("type")), "other"),
            "url": str(item.get("media_url_https") or item.get("media_url") or ""),
            "alt": str(alt) if alt else None,
            "alt_known": "ext_alt_text" in item,
        })
    return media


def is_v2(tweet: dict[str, Any]) -> bool:
    """A v2 tweet object (`author_id`, `referenced_tweets`, `edit_history_tweet_ids`)."""
    return any(k in tweet for k in ("author_id", "referenced_tweets", "edit_history_tweet_ids",
                                    "public_metrics", "conversation_id", "note_tweet"))


def v2_fields(tweet: dict[str, Any], users: dict[str, str],
              media: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Post fields of a v2 tweet; `users` (id -> username) and `media` (media_key -> media)
    come from the response's `includes`."""
    tweet_id = str(tweet["id"])
    note = tweet.get("note_tweet")
    raw = note.get("text") if isinstance(note, dict) and note.get("text") else tweet.get("text")
    text = unescape("" if raw is None else str(raw))
    refs = {str(mapping_of(r, "referenced tweet").get("type")): str(r.get("id"))
            for r in list_of(tweet.get("referenced_tweets"), "referenced_tweets")}
    reply_to = refs.get("replied_to")
    if "retweeted" in refs or is_retweet_text(text):
        kind = "repost"
    elif reply_to or not empty_id(tweet.get("in_reply_to_user_id")):
        kind = "reply"
    elif "quoted" in refs:
        kind = "quote"
    else:
        kind = "post"
    entities = mapping_of(tweet.get("entities") or {}, "entities")
    urls = [str(u.get("unwound_url") or u["expanded_url"])
            for u in list_of(entities.get("urls"), "entities.urls")
            if mapping_of(u, "url").get("expanded_url") and not u.get("media_key")]
    if kind == "post" and quoted_status(urls, tweet_id):
        kind = "quote"
    author_id = str(tweet.get("author_id") or "")
    attachments = mapping_of(tweet.get("attachments") or {}, "attachments")
    metrics = mapping_of(tweet.get("public_metrics") or {}, "public_metrics")
    return {
        "id": tweet_id,
        "platform": "x",
        "kind": kind,
        "author": users.get(author_id, author_id),
        "created_at": twitter_time(tweet["created_at"]),
        "text": text,
        "urls": urls,
        "media": [_v2_media(str(key), media) for key in
                  list_of(attachments.get("media_keys"), "attachments.media_keys")],
        "in_reply_to": reply_to if kind == "reply" else None,
        # v2 names a retweet's original only by id; its text says "RT @user:"
        "original_author": retweeted_author(text) if kind == "repost" else None,
        "metrics": {"likes": optional_int(metrics.get("like_count")),
                    "shares": optional_int(metrics.get("retweet_count")),
                    "replies": optional_int(metrics.get("reply_count")),
                    "quotes": optional_int(metrics.get("quote_count")),
                    "impressions": optional_int(metrics.get("impression_count"))},
    }


def _v2_media(key: str, media: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One attachment: from `includes.media` when the dump has it, else its key's type."""
    item = media.get(key)
    if item is None:
        return {"type": _MEDIA_KEY_TYPES.get(key.split("_", 1)[0], "other"), "url": "",
                "alt": None}
    alt = item.get("alt_text")
    return {"type": MEDIA_TYPES.get(str(item.get("type")), "other"),
            "url": str(item.get("url") or item.get("preview_image_url") or ""),
            "alt": str(alt) if alt else None}
