"""X (Twitter) account archives: `tweets.js`, its parts, or the whole archive `.zip`.

The archive's files are JavaScript that assigns JSON (`window.YTD.tweets.part0 = [...]`);
we strip the assignment and parse the JSON. Nothing in the file is ever executed.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from assistant.errors import InputError
from assistant.models import Post

from ._common import (
    Options,
    Parsed,
    decode,
    entry,
    list_of,
    make_post,
    mapping_of,
    optional_int,
    parse_json,
    require_content,
)
from ._zip import BoundedZip

_ASSIGNMENT = re.compile(r"\s*(?:window\.YTD\.\w+\.part\d+|module\.exports)\s*=\s*")
_ZIP_MEMBER = re.compile(r"(?:^|/)data/tweets?(?:-part(\d+))?\.js$")
_MEDIA_TYPES = {"photo": "image", "video": "video", "animated_gif": "gif"}


def parse_x_archive(data: bytes | str, name: str) -> list[Post]:
    """Posts from an archive's `tweets.js` (or `tweet.js`, a part, or bare JSON)."""
    text = decode(data, name)
    require_content(text, name)
    match = _ASSIGNMENT.match(text)
    entries = parse_json(text, name, match.end() if match else 0)
    if not isinstance(entries, list):
        raise InputError("expected a list of tweets after the assignment", path=name)
    return [_post(item, name, index) for index, item in enumerate(entries, start=1)]


def parse_x_zip(data: bytes, name: str) -> list[Post]:
    """Posts from every tweets file inside a downloaded archive `.zip`, parts in order."""
    return _read_zip(data, name)[0]


def _read_zip(data: bytes, name: str) -> tuple[list[Post], str | None]:
    """Posts and account name from an archive `.zip`, read within `BoundedZip`'s limits."""
    archive = BoundedZip(data, name)
    members = archive.find(lambda filename: bool(_ZIP_MEMBER.search(filename)))
    if not members:
        raise InputError("no data/tweets.js (or tweet.js) in this archive", path=name)
    members.sort(key=lambda info: int(_ZIP_MEMBER.search(info.filename).group(1) or 0))
    posts: list[Post] = []
    for info in members:
        member = f"{name}!{PurePosixPath(info.filename)}"
        posts.extend(parse_x_archive(archive.read(info), member))
    return posts, _zip_account(archive)


def _post(item: Any, name: str, index: int) -> Post:
    """One archive entry (`{"tweet": {...}}` or the bare object) as a Post."""
    with entry(name, f"tweet {index}"):
        tweet = mapping_of(item, "entry")
        tweet = mapping_of(tweet.get("tweet", tweet), "tweet")
        tweet_id = str(tweet.get("id_str") or tweet["id"])
        what = f"tweet {index} (id {tweet_id})"
    with entry(name, what):
        text = html.unescape(str(tweet.get("full_text", tweet.get("text", ""))))
        reply_to = tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
        if text.startswith("RT @"):
            kind = "repost"
        elif reply_to:
            kind = "reply"
        elif tweet.get("is_quote_status") in (True, "true"):
            kind = "quote"
        else:
            kind = "post"
        entities = mapping_of(tweet.get("entities") or {}, "entities")
        urls = [str(u["expanded_url"]) for u in list_of(entities.get("urls"), "entities.urls")
                if mapping_of(u, "url").get("expanded_url")]
        fields = {
            "id": tweet_id,
            "platform": "x",
            "kind": kind,
            "created_at": datetime.strptime(str(tweet["created_at"]), "%a %b %d %H:%M:%S %z %Y"),
            "text": text,
            "urls": urls,
            "media": _media(tweet, entities),
            "in_reply_to": str(reply_to) if kind == "reply" else None,
            "metrics": {"likes": optional_int(tweet.get("favorite_count")),
                        "shares": optional_int(tweet.get("retweet_count"))},
        }
    post = make_post(fields, name, what)
    # The text holds t.co links, including the one X adds for attached media: the
    # expanded links are the post's real links, even when there are none.
    post.urls = urls
    return post


def _media(tweet: dict[str, Any], entities: dict[str, Any]) -> list[dict[str, Any]]:
    """Attachments from `extended_entities` (all of them) or else `entities.media`."""
    extended = mapping_of(tweet.get("extended_entities") or {}, "extended_entities")
    items = list_of(extended.get("media") or entities.get("media"), "media")
    media = []
    for item in items:
        item = mapping_of(item, "media")
        alt = item.get("ext_alt_text")
        media.append({
            "type": _MEDIA_TYPES.get(str(item.get("type")), "other"),
            "url": str(item.get("media_url_https") or item.get("media_url") or ""),
            "alt": str(alt) if alt else None,
        })
    return media


def _zip_account(archive: BoundedZip) -> str | None:
    """The username in a full archive's `data/account.js`, when it has one (1 MB at most)."""
    try:
        info = next((i for i in archive.find(lambda n: n.endswith("data/account.js"))), None)
        if info is None or info.file_size > 1 << 20:
            return None
        text = archive.read(info).decode("utf-8-sig")
        match = _ASSIGNMENT.match(text)
        accounts = json.loads(text[match.end() if match else 0:].strip().rstrip(";"))
        username = accounts[0]["account"]["username"]
        return str(username) if username else None
    except (InputError, ValueError, KeyError, IndexError, TypeError, RecursionError):
        return None


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point. tweets.js does not name its account: a full archive's
    account.js does, otherwise the file's stem stands in for it."""
    stem = PurePosixPath(name.replace("\\", "/")).stem or name
    if data[:4] == b"PK\x03\x04":
        posts, found = _read_zip(data, name)
        account = found or stem
    else:
        posts, account = parse_x_archive(data, name), stem
    return Parsed(posts, account=account, platform="x", author=account)
