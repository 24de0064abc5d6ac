"""X (Twitter) account archives: `tweets.js`, its parts, or the whole archive `.zip`.

The archive's files are JavaScript that assigns JSON (`window.YTD.tweets.part0 = [...]`);
we strip the assignment and parse the JSON. Nothing in the file is ever executed.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

from assistant.errors import InputError
from assistant.models import Post
from assistant.text import url_host

from ._common import (
    Options,
    Parsed,
    decode,
    entry,
    make_post,
    mapping_of,
    parse_json,
    require_content,
)
from ._tweets import v1_fields
from ._zip import BoundedZip

_ASSIGNMENT = re.compile(r"\s*(?:window\.YTD\.\w+\.part\d+|module\.exports)\s*=\s*")
_ZIP_MEMBER = re.compile(r"(?:^|/)data/tweets?(?:-part(\d+))?\.js$")
# A link to the account's own photo or video: `twitter.com/<name>/status/<id>/photo/1`.
_OWN_MEDIA = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,20})/status/(\d+)/"
                        r"(?:photo|video)/\d+$", re.IGNORECASE)
_PART = re.compile(r"-part\d+$")


def parse_x_archive(data: bytes | str, name: str) -> list[Post]:
    """Posts from an archive's `tweets.js` (or `tweet.js`, a part, or bare JSON)."""
    return _parse(data, name)[0]


def _parse(data: bytes | str, name: str) -> tuple[list[Post], str | None]:
    """Posts, and the account's username when the tweets show it."""
    text = decode(data, name)
    require_content(text, name)
    match = _ASSIGNMENT.match(text)
    entries = parse_json(text, name, match.end() if match else 0)
    if not isinstance(entries, list):
        raise InputError("expected a list of tweets after the assignment", path=name)
    posts = [_post(item, name, index) for index, item in enumerate(entries, start=1)]
    tweets = [e.get("tweet", e) if isinstance(e, dict) else None for e in entries]
    return posts, archive_owner([t for t in tweets if isinstance(t, dict)])


def _read_zip(data: bytes, name: str) -> tuple[list[Post], str | None]:
    """Posts (every tweets file, parts in order) and account name from an archive `.zip`,
    read within `BoundedZip`'s limits."""
    archive = BoundedZip(data, name)
    members = archive.find(lambda filename: bool(_ZIP_MEMBER.search(filename)))
    if not members:
        raise InputError("no data/tweets.js (or tweet.js) in this archive", path=name)
    members.sort(key=lambda info: int(_ZIP_MEMBER.search(info.filename).group(1) or 0))
    posts: list[Post] = []
    shown: str | None = None
    for info in members:
        member = f"{name}!{PurePosixPath(info.filename)}"
        part, owner = _parse(archive.read(info), member)
        posts.extend(part)
        shown = shown or owner
    return posts, _zip_account(archive) or shown


def _post(item: Any, name: str, index: int) -> Post:
    """One archive entry (`{"tweet": {...}}` or the bare object) as a Post."""
    with entry(name, f"tweet {index}"):
        tweet = mapping_of(item, "entry")
        tweet = mapping_of(tweet.get("tweet", tweet), "tweet")
        tweet_id = str(tweet.get("id_str") or tweet["id"])
        what = f"tweet {index} (id {tweet_id})"
    with entry(name, what):
        fields = v1_fields(tweet)
        urls = fields["urls"]
        if not fields["author"]:
            del fields["author"]
    post = make_post(fields, name, what)
    # The text holds t.co links, including the one X adds for attached media: the
    # expanded links are the post's real links. Tweets from before X wrapped every link
    # (2010-2011) list none and hold theirs in the text as typed: those are read from it,
    # never a t.co link, whose target only an entity says.
    post.urls = urls or [u for u in post.urls if url_host(u) != "t.co"]  # (read from the text by Post)
    return post


def archive_owner(tweets: list[dict[str, Any]]) -> str | None:
    """The account's username as the archive itself shows it: the links of its own media
    (`twitter.com/<name>/status/<own id>/photo/1`)."""
    names: dict[str, int] = {}
    for tweet in tweets:
        entities = tweet.get("entities")
        media = entities.get("media") if isinstance(entities, dict) else None
        for item in media if isinstance(media, list) else []:
            link = item.get("expanded_url") if isinstance(item, dict) else None
            match = _OWN_MEDIA.match(str(link or ""))
            if match and match.group(2) == str(tweet.get("id_str") or tweet.get("id")):
                names[match.group(1)] = names.get(match.group(1), 0) + 1
    return max(names, key=names.__getitem__) if names else None


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
    account.js does; otherwise the links of the account's own media show its username,
    and failing that the file's stem (without `-partN`) stands in for it, marked as a
    guess: a part without media joins the account the other parts show."""
    stem = _PART.sub("", PurePosixPath(name.replace("\\", "/")).stem) or name
    if data[:4] == b"PK\x03\x04":
        posts, found = _read_zip(data, name)
    else:
        posts, found = _parse(data, name)
    account = found or stem
    return Parsed(posts, account=account, platform="x", author=found, owner_only=True,
                  account_guessed=found is None)
