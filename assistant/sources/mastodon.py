"""Mastodon statuses: `GET /api/v1/accounts/:id/statuses` responses, one or more pages.

Kinds: `reblog` is a repost (the words are the reblogged status's, written by its
`reblog.account.acct`: the account itself when it boosts its own post); `in_reply_to_id`, or
`in_reply_to_account_id` alone (the parent was deleted), a reply; `quote` a quote. The
text comes from the HTML `content`, entities unescaped.
"""

from __future__ import annotations

from typing import Any

from assistant.errors import InputError
from assistant.models import Post
from assistant.text import html_to_text

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

_MEDIA_TYPES = {"image": "image", "video": "video", "gifv": "gif"}


def parse_mastodon(data: bytes | str, name: str) -> list[Post]:
    """Posts from a JSON array of statuses (a single status object is accepted too)."""
    text = decode(data, name)
    require_content(text, name)
    statuses = parse_json(text, name)
    if isinstance(statuses, dict):
        statuses = [statuses]
    if not isinstance(statuses, list):
        raise InputError("expected a JSON array of Mastodon statuses", path=name)
    return [_post(status, name, index) for index, status in enumerate(statuses, start=1)]


def _post(value: Any, name: str, index: int) -> Post:
    """One status. A reblog is the account's repost; its words are the reblogged status's."""
    with entry(name, f"status {index}"):
        status = mapping_of(value, "status")
        status_id = str(status["id"])
        what = f"status {index} (id {status_id})"
    with entry(name, what):
        account = mapping_of(status["account"], "account")
        reblog = status.get("reblog")
        shown = mapping_of(reblog, "reblog") if reblog else status
        # A reply whose parent was deleted keeps `in_reply_to_account_id` only.
        if reblog:
            kind = "repost"
        elif status.get("in_reply_to_id") or status.get("in_reply_to_account_id"):
            kind = "reply"
        elif status.get("quote") or status.get("quote_id"):
            kind = "quote"
        else:
            kind = "post"
        mentions = ["@" + str(mapping_of(m, "mention")["acct"])
                    for m in list_of(shown.get("mentions"), "mentions")]
        tags = [str(mapping_of(t, "tag")["name"]) for t in list_of(shown.get("tags"), "tags")]
        fields = {
            "id": status_id,
            "platform": "mastodon",
            "kind": kind,
            "author": str(account["acct"]),
            "created_at": iso_datetime(status["created_at"]),
            "text": html_to_text(str(shown.get("content") or "")),
            "mentions": mentions,
            "hashtags": tags,
            "media": [_media(m) for m in list_of(shown.get("media_attachments"), "media")],
            "in_reply_to": (str(status["in_reply_to_id"])
                            if kind == "reply" and status.get("in_reply_to_id") else None),
            "metrics": {"likes": optional_int(status.get("favourites_count")),
                        "shares": optional_int(status.get("reblogs_count")),
                        "replies": optional_int(status.get("replies_count"))},
            "original_author": _acct(shown.get("account")) if reblog else None,
        }
    return make_post(fields, name, what)


def _acct(value: Any) -> str | None:
    """The `acct` of a reblogged status's account (None when the status does not say)."""
    account = mapping_of(value, "reblog.account") if value is not None else {}
    return str(account["acct"]) if account.get("acct") else None


def _media(value: Any) -> dict[str, Any]:
    """An attachment; a null description is missing alt text and stays None."""
    item = mapping_of(value, "media attachment")
    description = item.get("description")
    return {
        "type": _MEDIA_TYPES.get(str(item.get("type")), "other"),
        "url": str(item.get("url") or item.get("remote_url") or ""),
        "alt": str(description) if description else None,
    }


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point; the account is the acct most statuses belong to."""
    posts = parse_mastodon(data, name)
    return Parsed(posts, account=most_common([p.author for p in posts]), platform="mastodon")
