"""Any other CSV export, through a column mapping; and the support-tweets (twcs) data set.

A mapping names, for each Post field, the column that holds it:
`{"text": "body", "created_at": "date", "id": "tweet_id"}`. Fields it leaves out are
looked up under their usual names (`text`, `body`, `message`, `date`, ...). `text` and
`created_at` are required; a missing `id` becomes `<file stem>:<line>`. A non-empty
`in_reply_to` makes the row a reply unless a `kind` column says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from assistant.errors import InputError
from assistant.models import Post

from ._common import Options, Parsed, entry, make_post, most_common, optional_int
from ._tabular import cell, header_index, parse_time, platform_named, records

# The fields a mapping may name, with the column names tried when it does not.
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "post_id", "tweet_id", "status_id"),
    "text": ("text", "body", "message", "content", "post", "caption"),
    "created_at": ("created_at", "date", "datetime", "timestamp", "time", "published",
                   "posted_at", "posting time", "scheduled_at"),
    "author": ("author", "author_id", "username", "user", "handle", "screen_name", "account"),
    "platform": ("platform", "network", "profile"),
    "kind": ("kind",),
    "in_reply_to": ("in_reply_to", "in_reply_to_id", "reply_to", "in_response_to_tweet_id"),
    "title": ("title",),
    "url": ("url", "link"),
    "image": ("image", "image_url", "image url", "media_url"),
    "image_alt": ("image_alt", "alt", "alt_text"),
    "likes": ("likes", "like_count", "favorite_count"),
    "shares": ("shares", "share_count", "retweet_count", "reposts"),
    "replies": ("replies", "reply_count"),
}
# The "Customer Support on Twitter" data set: brands and (anonymised) customers talking.
TWCS_MAPPING = {"id": "tweet_id", "author": "author_id", "created_at": "created_at",
                "text": "text", "in_reply_to": "in_response_to_tweet_id"}


def parse_csv(data: bytes | str, name: str, mapping: Mapping[str, str] | None = None,
              options: Options | None = None) -> list[Post]:
    """Posts from a CSV with a header row, columns chosen by `mapping` (see the module doc)."""
    options = options or Options()
    unknown = sorted(set(mapping or {}) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown mapping field(s) {', '.join(unknown)} "
                         f"(known: {', '.join(FIELDS)})", path=name)
    rows = records(data, name)
    first = next(rows, None)
    if first is None:
        raise InputError("no header row", path=name, line=1)
    header_line, header = first
    columns = _resolve(header, mapping or {}, name, header_line)
    stem = PurePath(name).stem or name
    return [_post(row, columns, name, line, stem, options) for line, row in rows]


def _resolve(header: list[str], mapping: Mapping[str, str], name: str,
             line: int) -> dict[str, int]:
    """Column position per field: the mapping's column, else the first usual name present."""
    index = header_index(header)
    listing = ", ".join(header)
    columns: dict[str, int] = {}
    for field, usual in FIELDS.items():
        if field in mapping:
            column = str(mapping[field]).strip().casefold()
            if column not in index:
                raise InputError(f"missing column {mapping[field]!r} for {field} "
                                 f"(columns: {listing})", path=name, line=line)
            columns[field] = index[column]
            continue
        found = next((index[c] for c in usual if c in index), None)
        if found is not None:
            columns[field] = found
    for required in ("text", "created_at"):
        if required not in columns:
            raise InputError(f"no column for {required} (columns: {listing}); name it with a "
                             f"mapping, e.g. {required}=<column>", path=name, line=line)
    return columns


def _post(row: list[str], columns: dict[str, int], name: str, line: int, stem: str,
          options: Options) -> Post:
    """One row as a Post."""
    def get(field: str) -> str:
        return cell(row, columns.get(field))

    what = "row"
    with entry(name, what, line):
        reply_to = get("in_reply_to")
        image = get("image")
        fields: dict[str, Any] = {
            "id": get("id") or f"{stem}:{line}",
            "platform": platform_named(get("platform")) or "x",
            "kind": get("kind").casefold() or ("reply" if reply_to else "post"),
            "author": get("author"),
            "created_at": parse_time(get("created_at"), options.tz),
            "text": row[columns["text"]] if columns["text"] < len(row) else "",
            "title": get("title") or None,
            "urls": [get("url")] if get("url") else [],
            "media": [{"type": "image", "url": image, "alt": get("image_alt") or None}]
            if image else [],
            "in_reply_to": reply_to or None,
        }
        counts = {key: optional_int(get(key)) for key in ("likes", "shares", "replies")}
        if any(value is not None for value in counts.values()):
            fields["metrics"] = counts
    return make_post(fields, name, what, line)


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point for a generic CSV."""
    posts = parse_csv(data, name, options.mapping, options)
    return Parsed(posts, account=None, platform=most_common([p.platform for p in posts]) or "x")


def read_twcs(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point for the support-tweets data set (its mapping built in)."""
    mapping = {**TWCS_MAPPING, **(options.mapping or {})}
    return Parsed(parse_csv(data, name, mapping, options), account=None, platform="x")
