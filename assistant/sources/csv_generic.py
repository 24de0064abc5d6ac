"""Any other CSV export, through a column mapping; and the support-tweets (twcs) data set.

A mapping names, for each Post field, the column that holds it:
`{"text": "body", "created_at": "date", "id": "tweet_id"}`. Fields it leaves out are
looked up under their usual names (`text`, `body`, `message`, `date`, ...). `text` and
`created_at` are required; a missing `id` becomes `<file stem>:<line>`.

Kinds come from the columns exports use (see `_kinds`): Twitter API names
(`in_reply_to_status_id`, `in_reply_to_user_id`, `retweeted_status_id`,
`quoted_status_id`), flag columns whose name says reply, retweet/repost or quote
(`is_retweet`, `is_reply`, `is_quote`), a `kind` or `tweet_type` column, the
"RT @user:" prefix, and a quoted post's permalink among the links. What they do not
cover, a mapping names: `kind=COLUMN` (values post, reply, retweet, ...), or a yes/no
(or id) column per kind, `repost=COLUMN`, `reply=COLUMN`, `quote=COLUMN`. A retweeted
row whose author is the original's and that names the retweeter (`user_rt`,
`retweeted_by`) is the retweeter's repost. Who wrote a repost's original comes from the
row too (`KindColumns.original_author`: `retweet_screen_name`, that author, "RT @user:").
Text is HTML-unescaped as API dumps escape it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from assistant.errors import InputError
from assistant.models import Post

from ._common import Options, Parsed, entry, make_post, most_common, optional_int
from ._kinds import KindColumns, own_media, quoted_status, unescape
from ._tabular import cell, header_index, parse_time, platform_named, table

# The fields a mapping may name, with the column names tried when it does not.
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "post_id", "tweet_id", "status_id", "id_str"),
    "text": ("text", "full_text", "body", "message", "content", "post", "caption", "tweet"),
    "created_at": ("created_at", "date", "datetime", "timestamp", "time", "published",
                   "posted_at", "posting time", "scheduled_at"),
    "author": ("author", "username", "screen_name", "user_screen_name", "user.screen_name",
               "user.username", "author_username", "user_username", "handle", "from_user",
               "user", "account", "author_id"),
    "platform": ("platform", "network", "profile"),
    "kind": ("kind",),
    "in_reply_to": ("in_reply_to", "in_reply_to_id", "reply_to", "in_response_to_tweet_id",
                    "in_reply_to_status_id", "in_reply_to_status_id_str",
                    "in_reply_to_tweet_id"),
    "title": ("title",),
    "url": ("url", "link", "urls", "expanded_urls", "links"),
    "image": ("image", "image_url", "image url", "media_url", "media_urls", "photos", "photo",
              "media"),
    "image_alt": ("image_alt", "alt", "alt_text"),
    "likes": ("likes", "like_count", "favorite_count", "likes_count"),
    "shares": ("shares", "share_count", "retweet_count", "reposts", "retweets_count"),
    "replies": ("replies", "reply_count", "replies_count"),
    "quotes": ("quotes", "quote_count", "quotes_count"),
    "impressions": ("impressions", "impression_count", "views", "view_count"),
}
# The engagement counts a column (or --map likes=COLUMN ...) can hold.
COUNTS = ("likes", "shares", "replies", "quotes", "impressions")
# Mapping fields that name where the kind lives rather than a Post field.
KIND_FIELDS = ("repost", "reply", "quote")
# The "Customer Support on Twitter" data set: brands and (anonymised) customers talking.
TWCS_MAPPING = {"id": "tweet_id", "author": "author_id", "created_at": "created_at",
                "text": "text", "in_reply_to": "in_response_to_tweet_id"}
_URL = re.compile(r"https?://[^\s,'\"\]\[<>]+")
_VIDEO = re.compile(r"\.(?:mp4|mov|m3u8|webm)(?:\?|$)", re.IGNORECASE)


def parse_csv(data: bytes | str, name: str, mapping: Mapping[str, str] | None = None,
              options: Options | None = None) -> list[Post]:
    """Posts from a CSV with a header row, columns chosen by `mapping` (see the module doc)."""
    return _parse(data, name, mapping, options)[0]


def _parse(data: bytes | str, name: str, mapping: Mapping[str, str] | None,
           options: Options | None) -> tuple[list[Post], list[list[str]], dict[str, int]]:
    """Posts, their rows, and the header index (the twcs reader reads `inbound`)."""
    options = options or Options()
    mapping = dict(mapping or {})
    unknown = sorted(set(mapping) - set(FIELDS) - set(KIND_FIELDS))
    if unknown:
        raise InputError(f"unknown mapping field(s) {', '.join(unknown)} "
                         f"(known: {', '.join([*FIELDS, *KIND_FIELDS])})", path=name)
    header_line, header, rows = table(data, name)
    columns = _resolve(header, mapping, name, header_line)
    kinds = _kind_columns(header, mapping, columns, name, header_line)
    stem = PurePath(name).stem or name
    posts: list[Post] = []
    kept: list[list[str]] = []
    for line, row in rows:
        posts.append(_post(row, columns, kinds, name, line, stem, options))
        kept.append(row)
    return posts, kept, header_index(header)


def row_lines(data: bytes | str, name: str, mapping: Mapping[str, str] | None = None
              ) -> dict[str, int]:
    """The line each row starts on, by the id of its post (the first row of an id): what
    the approval queue names a row by when the file has ids of its own."""
    header_line, header, rows = table(data, name)
    columns = _resolve(header, dict(mapping or {}), name, header_line)
    stem = PurePath(name).stem or name
    lines: dict[str, int] = {}
    for line, row in rows:
        lines.setdefault(_row_id(row, columns, stem, line), line)
    return lines


def _row_id(row: list[str], columns: dict[str, int], stem: str, line: int) -> str:
    """A row's post id: its id column, else `<file stem>:<line>`."""
    return cell(row, columns.get("id")) or f"{stem}:{line}"


def _resolve(header: list[str], mapping: Mapping[str, str], name: str,
             line: int) -> dict[str, int]:
    """Column position per field: the mapping's column, else the first usual name present."""
    index = header_index(header)
    listing = ", ".join(header)
    columns: dict[str, int] = {}
    for field, usual in FIELDS.items():
        if field in mapping:
            columns[field] = _column(mapping[field], field, index, listing, name, line)
            continue
        found = next((index[c] for c in usual if c in index), None)
        if found is not None:
            columns[field] = found
    for required in ("text", "created_at"):
        if required not in columns:
            raise InputError(f"no column for {required} (columns: {listing})", path=name, line=line,
                             hint=f"name it with --map {required}=<column>")
    return columns


def _column(column: str, field: str, index: dict[str, int], listing: str, name: str,
            line: int) -> int:
    """The position of a mapped column, or an error listing the columns there are."""
    key = str(column).strip().casefold()
    if key not in index:
        raise InputError(f"missing column {column!r} for {field} (columns: {listing})",
                         path=name, line=line)
    return index[key]


def _kind_columns(header: list[str], mapping: Mapping[str, str], columns: dict[str, int],
                  name: str, line: int) -> tuple[KindColumns, dict[str, int]]:
    """Where the kind lives in this header, and the position of each column it reads."""
    index = header_index(header)
    listing = ", ".join(header)
    kind_mapping = {f: c for f, c in mapping.items() if f in (*KIND_FIELDS, "kind")}
    for field, column in kind_mapping.items():
        _column(column, field, index, listing, name, line)
    # Columns that hold a Post field already are not read again as kind flags, except the
    # reply id, which says both.
    taken = {header[p].strip() for f, p in columns.items() if f not in ("in_reply_to", "kind")}
    names = [h.strip() for h in header if h.strip() not in taken]
    kinds = KindColumns.from_names(names, {f: c.strip() for f, c in kind_mapping.items()})
    if "in_reply_to" in columns:
        replied = header[columns["in_reply_to"]].strip()
        if replied in kinds.reply_ids:
            kinds.reply_ids.remove(replied)
        kinds.reply_ids.insert(0, replied)
    positions = {c: index[c.casefold()] for c in kinds.columns if c.casefold() in index}
    return kinds, positions


def _post(row: list[str], columns: dict[str, int], kinds: tuple[KindColumns, dict[str, int]],
          name: str, line: int, stem: str, options: Options) -> Post:
    """One row as a Post."""
    def get(field: str) -> str:
        return cell(row, columns.get(field))

    detector, positions = kinds

    def column(header_name: str) -> str:
        return cell(row, positions.get(header_name))

    what = "row"
    with entry(name, what, line):
        text = unescape(row[columns["text"]] if columns["text"] < len(row) else "")
        row_id = get("id")
        kind, reply_to = detector.kind_of(column, text)
        urls, attached = own_media(_links(get("url")), row_id)
        platform = platform_named(get("platform")) or "x"
        if kind == "post" and platform == "x" and quoted_status(urls, row_id):
            kind = "quote"
        author = get("author")
        original = None
        if kind == "repost":
            original = detector.original_author(column, author, text)
            author = detector.reposted_by(column) or author
        fields: dict[str, Any] = {
            "id": _row_id(row, columns, stem, line),
            "platform": platform,
            "kind": kind,
            "author": author,
            "created_at": parse_time(get("created_at"), options.tz),
            "text": text,
            "title": get("title") or None,
            "urls": urls,
            "media": _media(get("image"), get("image_alt")) or attached,
            "in_reply_to": reply_to,
            "original_author": original,
        }
        counts = {key: optional_int(_count(get(key))) for key in COUNTS}
        if any(value is not None for value in counts.values()):
            fields["metrics"] = counts
    post = make_post(fields, name, what, line)
    if attached:
        # A link column that lists the post's own photo says what its t.co link was.
        post.urls = urls
    return post


def _links(value: str) -> list[str]:
    """The links of a link cell: one, or several (`expanded_urls` joins them by commas)."""
    if not value or value in ("[]", "{}"):
        return []
    return _URL.findall(value) or [value]


def _count(value: str) -> str:
    """Spreadsheets write counts as `4.0`."""
    return value[:-2] if value.endswith(".0") else value


def _media(value: str, alt: str) -> list[dict[str, Any]]:
    """Attachments from a media cell: one URL, or several (a list, or commas)."""
    if not value:
        return []
    urls = _URL.findall(value) or ([value] if value not in ("[]", "{}") else [])
    return [{"type": "video" if _VIDEO.search(url) else "image", "url": url,
             "alt": alt or None} for url in urls]


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point for a generic CSV."""
    posts = parse_csv(data, name, options.mapping, options)
    return Parsed(posts, account=None, platform=most_common([p.platform for p in posts]) or "x")


def read_twcs(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point for the support-tweets data set (its mapping built in).

    The account of a support file is the side that answers: rows with `inbound` False
    are the brands', the others their customers'."""
    mapping = {**TWCS_MAPPING, **(options.mapping or {})}
    posts, rows, index = _parse(data, name, mapping, options)
    inbound = index.get("inbound")
    brands = frozenset(p.author for p, row in zip(posts, rows, strict=True)
                       if p.author and cell(row, inbound).casefold() == "false")
    return Parsed(posts, account=None, platform="x", account_authors=brands or None)
