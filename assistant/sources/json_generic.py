"""Generic JSON: arrays or JSON Lines of tweet- or post-like objects (API dumps, scrapes).

Read as they come:
- X API v1.1 tweets (`full_text`/`text`, `id_str`, `user.screen_name`, `created_at` as
  `Wed Oct 10 20:19:24 +0000 2018`, `entities`, `retweeted_status`, `quoted_status_id_str`,
  streaming `extended_tweet`), alone or in `{"statuses": [...]}`;
- X API v2 tweets (`author_id`, `referenced_tweets`, `note_tweet`), alone or as responses
  `{"data": [...], "includes": {"users": [...], "media": [...]}}` (usernames and media
  come from `includes`);
- other post-like objects (condensed archives, snscrape's `rawContent`/`user.username`,
  exports of schedulers): fields found under their usual names, kinds by the same
  conventions as the generic CSV (`_kinds`), and `--map field=path` (dotted paths such as
  `user.handle`) for the rest, `kind=`/`repost=`/`reply=`/`quote=` included;
- Bluesky post views and feed items (`searchPosts`' `{"posts": [...]}`, feed items one
  per line), read as the Bluesky importer reads them;
- canonical posts (only `Post` fields, with their types) validate as in JSON Lines;
  the same names with other types (`"id": 1`, X's dates) are read as above. So does a
  canonical post with a misspelt key (`misspelt_canonical`: `"txt": ...` where `text`
  was meant), which would otherwise read as a post with no text.
Text is HTML-unescaped as API dumps escape it. Several documents may follow each other
(JSON Lines, or pretty-printed objects one after another).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import PurePath
from typing import Any

from assistant.errors import InputError
from assistant.models import Post

from ._common import (
    POST_FIELDS,
    Options,
    Parsed,
    decode,
    describe,
    entry,
    is_canonical,
    make_post,
    most_common,
    optional_int,
    require_content,
)
from ._kinds import KindColumns, empty_id, own_media, quoted_status, squash, unescape
from ._tabular import parse_time, platform_named
from ._tweets import is_v2, v1_fields, v2_fields

# Keys of a wrapper object whose list holds the posts.
_LISTS = ("data", "statuses", "tweets", "posts", "items", "results")
# Usual names (squashed: `rawContent` is `raw_content`) per field, tried in order.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id_str", "id", "post_id", "tweet_id", "status_id", "uri"),
    "text": ("full_text", "text", "raw_content", "content", "body", "message",
             "rendered_content", "caption", "tweet", "post"),
    "created_at": ("created_at", "date", "datetime", "timestamp", "time", "published",
                   "published_at", "posted_at", "created", "created_time"),
    "author": ("author", "user", "username", "screen_name", "handle", "account",
               "from_user", "author_username", "author_id", "user_id"),
    "platform": ("platform", "network"),
    "title": ("title",),
    "url": ("urls", "outlinks", "links", "expanded_urls", "link", "url"),
    "image": ("media", "photos", "images", "image", "image_url", "media_url"),
    "in_reply_to": (),
    "likes": ("like_count", "likes", "favorite_count", "favourites_count", "likes_count"),
    "shares": ("retweet_count", "repost_count", "shares", "share_count", "reblogs_count",
               "reposts"),
    "replies": ("reply_count", "replies", "replies_count"),
    "quotes": ("quote_count", "quotes", "quotes_count"),
    "impressions": ("impression_count", "impressions", "views", "view_count"),
}
COUNTS = ("likes", "shares", "replies", "quotes", "impressions")
KIND_FIELDS = ("kind", "repost", "reply", "quote")
_NAME_KEYS = ("screen_name", "username", "handle", "acct", "name")
_URL_KEYS = ("expanded_url", "url", "full_url", "fullUrl", "uri", "href")


def parse_json_posts(data: bytes | str, name: str, options: Options | None = None
                     ) -> list[Post]:
    """Posts from a JSON document or a sequence of them (see the module doc)."""
    options = options or Options()
    mapping = dict(options.mapping or {})
    unknown = sorted(set(mapping) - set(ALIASES) - set(KIND_FIELDS))
    if unknown:
        raise InputError(f"unknown mapping field(s) {', '.join(unknown)} "
                         f"(known: {', '.join([*ALIASES, *KIND_FIELDS])})", path=name)
    text = decode(data, name)
    require_content(text, name)
    reader = _Reader(name, options, mapping)
    return [reader.post(record, line, number)
            for number, (record, line) in enumerate(_records(text, name), start=1)]


def _documents(text: str, name: str) -> Iterator[tuple[Any, int]]:
    """Each JSON document in `text` with the line it starts on."""
    decoder = json.JSONDecoder()
    position, end = 0, len(text)
    line, counted = 1, 0  # newlines counted up to `counted`: linear, not per document
    while True:
        while position < end and text[position] in " \t\r\n":
            position += 1
        if position >= end:
            return
        line += text.count("\n", counted, position)
        counted = position
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=name,
                             line=exc.lineno) from None
        except (ValueError, RecursionError) as exc:
            raise InputError(f"invalid JSON: {describe(exc)}", path=name, line=line) from None
        yield value, line


Includes = tuple[dict[str, str], dict[str, dict[str, Any]]]


def _records(text: str, name: str) -> Iterator[tuple[tuple[dict[str, Any], Includes], int]]:
    """(record, usernames and media of its response) with the line of their document."""
    for document, line in _documents(text, name):
        items, raw = _unwrap(document)
        includes = _includes(raw)
        for item in items:
            if not isinstance(item, dict):
                raise InputError(f"expected JSON objects (posts), found {type(item).__name__}",
                                 path=name, line=line)
            inner = item.get("tweet")
            yield (inner if isinstance(inner, dict) else item, includes), line


def _unwrap(document: Any) -> tuple[list[Any], dict[str, Any]]:
    """The posts a document holds, and the `includes` of a v2 response."""
    if isinstance(document, list):
        return document, {}
    if isinstance(document, dict):
        for key in _LISTS:
            value = document.get(key)
            if isinstance(value, list) and (key != "data" or not _is_record(document)):
                includes = document.get("includes")
                return value, includes if isinstance(includes, dict) else {}
        if isinstance(document.get("data"), dict) and len(document) <= 4:
            includes = document.get("includes")
            return [document["data"]], includes if isinstance(includes, dict) else {}
    return [document], {}


def _includes(includes: dict[str, Any]) -> Includes:
    """Usernames by user id and media by key, from a v2 response's `includes`."""
    users = {str(u.get("id")): str(u.get("username") or u.get("id"))
             for u in _list(includes.get("users")) if isinstance(u, dict)}
    media = {str(m.get("media_key")): m for m in _list(includes.get("media"))
             if isinstance(m, dict)}
    return users, media


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _is_record(document: dict[str, Any]) -> bool:
    """A post that merely has a `data` field, rather than a response wrapping posts."""
    return any(key in document for key in ("created_at", "text", "full_text", "id_str"))


class _Reader:
    """Turns records into posts; remembers per key set where the kind lives."""

    def __init__(self, name: str, options: Options, mapping: dict[str, str]) -> None:
        self.name = name
        self.options = options
        self.mapping = mapping
        self.kind_mapping = {f: c for f, c in mapping.items() if f in KIND_FIELDS}
        self.kinds: dict[frozenset[str], KindColumns] = {}
        self.stem = PurePath(name).stem or name

    def post(self, item: tuple[dict[str, Any], Includes], line: int, number: int) -> Post:
        record, includes = item
        what = f"object {number}"
        with entry(self.name, what, line):
            keys = record.keys()
            if _is_bluesky(record):
                from .bluesky import feed_item_post

                return feed_item_post(record if "post" in record else {"post": record},
                                      self.name, number)
            if "id" in keys and "created_at" in keys and not self.mapping \
                    and (is_canonical(record) or misspelt_canonical(record)):
                return make_post(record, self.name, what, line)
            known_links = False
            if is_v2(record) and "text" in record:
                fields = v2_fields(record, *includes)
                known_links = isinstance(record.get("entities"), dict)
            elif _is_v1(record):
                fields = v1_fields(record)
                known_links = isinstance(record.get("entities"), dict)
            else:
                fields = self._generic(record)
                known_links = "url" in self.mapping
            if self.mapping and (is_v2(record) or _is_v1(record)):
                self._apply_mapping(fields, record)
                known_links = known_links and "url" not in self.mapping
            if not fields.get("id"):
                fields["id"] = f"{self.stem}:{number}"
        post = make_post(fields, self.name, what, line)
        if known_links:
            # The text shows t.co links (an attached photo's among them); the entities
            # list the links the post really shares, even when there are none.
            post.urls = fields["urls"]
        return post

    def _columns(self, record: dict[str, Any]) -> KindColumns:
        keys = frozenset(record)
        found = self.kinds.get(keys)
        if found is None:
            found = KindColumns.from_names(keys, self.kind_mapping)
            self.kinds[keys] = found
        return found

    def _generic(self, record: dict[str, Any]) -> dict[str, Any]:
        """Fields of a post-like object found under their usual names."""
        index = {squash(k): k for k in reversed(list(record))}

        def first(field: str) -> Any:
            if field in self.mapping:
                value = _path(record, self.mapping[field])
                if value is None:
                    raise ValueError(f"no field {self.mapping[field]!r} for {field} "
                                     f"(fields: {', '.join(list(record)[:20])})")
                return value
            for alias in ALIASES[field]:
                key = index.get(alias)
                if key is not None and not empty_id(record[key]):
                    return record[key]
            return None

        text = unescape(_string(first("text")))
        columns = self._columns(record)
        kind, reply_to = columns.kind_of(lambda k: _path(record, k), text)
        platform = platform_named(_string(first("platform"))) or "x"
        post_id = _string(first("id"))
        urls, attached = own_media(_urls(first("url")), post_id)
        if kind == "post" and platform == "x" and quoted_status(urls, post_id):
            kind = "quote"
        author = _name(first("author"))
        original = None
        if kind == "repost":
            original = columns.original_author(lambda k: _path(record, k), author, text)
            author = columns.reposted_by(lambda k: _path(record, k)) or author
        when = first("created_at")
        if when is None:
            raise InputError("no date (created_at, date, timestamp...)",
                             hint="name it with --map created_at=<field>")
        return {
            "id": post_id or None,
            "platform": platform,
            "kind": kind,
            "author": author,
            "created_at": _moment(when, self.options),
            "text": text,
            "title": _string(first("title")) or None,
            "urls": urls,
            "media": _media(first("image")) or attached,
            "in_reply_to": reply_to,
            "metrics": {key: optional_int(_number(first(key))) for key in COUNTS},
            "original_author": original,
        }

    def _apply_mapping(self, fields: dict[str, Any], record: dict[str, Any]) -> None:
        """`--map field=path`: the user's word wins over what the reader found."""
        for field, path in self.mapping.items():
            value = _path(record, path)
            if field in KIND_FIELDS:
                continue
            if value is None:
                raise ValueError(f"no field {path!r} for {field} (fields: "
                                 f"{', '.join(list(record)[:20])})")
            if field == "text":
                fields["text"] = unescape(_string(value))
            elif field == "created_at":
                fields["created_at"] = _moment(value, self.options)
            elif field == "author":
                fields["author"] = _name(value)
            elif field == "id":
                fields["id"] = _string(value)
            elif field == "platform":
                fields["platform"] = platform_named(_string(value)) or _string(value)
            elif field == "url":
                fields["urls"] = _urls(value)
            elif field == "image":
                fields["media"] = _media(value)
            elif field == "in_reply_to":
                fields["in_reply_to"] = None if empty_id(value) else _string(value)
            elif field in COUNTS:
                metrics = dict(fields.get("metrics") or {})
                metrics[field] = optional_int(_number(value))
                fields["metrics"] = metrics
            elif field == "title":
                fields["title"] = _string(value) or None
        if self.kind_mapping:
            text = fields.get("text") or ""
            kind, reply_to = self._columns(record).kind_of(lambda k: _path(record, k), text)
            fields["kind"] = kind
            fields["in_reply_to"] = reply_to if kind == "reply" else None


def misspelt_canonical(record: dict[str, Any]) -> bool:
    """A canonical post with a misspelt key: `{"id": "1", "created_at": "2026-...Z",
    "txt": "hello"}`.

    `id` and `created_at` as a canonical post has them, every `Post` field it has of its
    canonical type, no text under any name this reader knows, and a key that is a near
    spelling of a `Post` field ("txt", "craeted_at"; not another export's own field such as
    "image_url" or "lang", which a dump may carry beside a post without text). Validated as
    canonical, the key is named (`txt: Extra inputs are not permitted`); read as a dump, it
    was a post without text that an audit scored as a clean one.
    """
    # Cheapest tests first: this is asked of every record of a generic dump.
    if "text" in record or "id" not in record or "created_at" not in record \
            or record.keys() <= POST_FIELDS:
        return False
    if not is_canonical({key: value for key, value in record.items() if key in POST_FIELDS}):
        return False
    extra = [key for key in record if key not in POST_FIELDS]
    if any(squash(key) in ALIASES["text"] for key in extra):
        return False
    from difflib import get_close_matches

    return any(get_close_matches(key, POST_FIELDS, n=1, cutoff=0.75) for key in extra)


def _is_bluesky(record: dict[str, Any]) -> bool:
    """A Bluesky feed item (`{"post": {...}}`) or post view (`uri` and `record`)."""
    post = record.get("post")
    if isinstance(post, dict):
        record = post
    return isinstance(record.get("uri"), str) and record["uri"].startswith("at://") \
        and isinstance(record.get("record"), dict)


def _is_v1(record: dict[str, Any]) -> bool:
    """A v1.1 tweet: `full_text`, `id_str`, or a `user` with a screen name, and a date."""
    if "created_at" not in record or not ("text" in record or "full_text" in record):
        return False
    user = record.get("user")
    return "full_text" in record or "id_str" in record or (
        isinstance(user, dict) and "screen_name" in user)


def _path(record: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path (`user.screen_name`), or None."""
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _string(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return str(value).strip() if not isinstance(value, str) else value


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (dict, list)):
        return None
    return value


def _name(value: Any) -> str:
    """An author: a name, or a user object's screen name / username / handle."""
    if isinstance(value, dict):
        for key in _NAME_KEYS:
            if value.get(key):
                return str(value[key])
        return ""
    return "" if value is None else str(value).strip()


def _moment(value: Any, options: Options) -> datetime:
    """A date: ISO 8601, X's `Wed Oct 10 ...`, the scheduler forms, or epoch seconds/ms."""
    if isinstance(value, bool):
        raise TypeError(f"date {value!r} is not a date")
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 100_000_000_000 else value
        return datetime.fromtimestamp(seconds, tz=UTC)
    return parse_time(_string(value), options.tz)


def _urls(value: Any) -> list[str]:
    """Links from a string, a list of strings, or a list of link objects."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = next((item[k] for k in _URL_KEYS if item.get(k)), None)
        if isinstance(item, str) and item.strip():
            found.extend(part.strip() for part in item.split(",") if part.strip())
    return list(dict.fromkeys(found))


def _media(value: Any) -> list[dict[str, Any]]:
    """Attachments from a URL, a list of URLs, or a list of media objects."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    media = []
    for item in items:
        if isinstance(item, dict):
            url = next((str(item[k]) for k in _URL_KEYS if item.get(k)), "")
            kind = str(item.get("type") or item.get("_type") or "").casefold()
            alt = item.get("alt") or item.get("alt_text") or item.get("description")
            media.append({"type": "video" if "video" in kind else "gif" if "gif" in kind
                          else "image", "url": url, "alt": str(alt) if alt else None})
        elif isinstance(item, str) and item.strip():
            media.append({"type": "image", "url": item.strip(), "alt": None})
    return media


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point; the account is the author of most posts."""
    posts = parse_json_posts(data, name, options)
    platform = most_common([p.platform for p in posts]) or "x"
    return Parsed(posts, account=most_common([p.author for p in posts]), platform=platform)
