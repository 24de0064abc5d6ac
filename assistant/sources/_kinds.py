"""Kinds (post, reply, repost, quote) from the fields exports carry, shared by importers.

Tabular and JSON exports name the same facts in many ways: Twitter API names
(`in_reply_to_status_id`, `retweeted_status_id`, `quoted_status_id`), flag columns
(`is_retweet`, `is_reply`, `isQuote`), a kind column (`kind`, `tweet_type`), the
"RT @user:" prefix, a quoted post's permalink. `KindColumns` recognises them from a
header (or a JSON object's keys) once, and `KindColumns.kind` reads one record.

Precedence when several say something: repost, then reply, then quote. A repost passes
on a post whatever else it is (whose post: `KindColumns.original_author`); a reply that
quotes is still a conversation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.text import retweeted_author

# Only what X and the APIs escape (and numeric references), each with its semicolon:
# html.unescape would also turn "&copy=2" in a link's query into "©=2".
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def unescape(text: str) -> str:
    """`text` with the HTML escapes of X and API dumps undone (`&amp;` is one `&`)."""
    if "&" not in text:
        return text
    return _ENTITY.sub(_entity, text)


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _NAMED:
        return _NAMED[name]
    try:
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else match[0]
    except ValueError:
        return match[0]


# A post's permalink on X: what a quote post links to (entities.urls, expanded_urls).
STATUS_LINK = re.compile(
    r"^https?://(?:www\.|mobile\.|m\.)?(?:twitter|x)\.com/(?:i/web/|i/)?(?:(\w{1,20})/)?"
    r"status(?:es)?/(\d+)(/(?:photo|video)/\d+)?/?(?:[?#]\S*)?$", re.IGNORECASE)


def is_retweet_text(text: str) -> bool:
    """True for the "RT @user: ..." form of a retweet (X archives, CSV dumps)."""
    return retweeted_author(text) is not None


def quoted_status(urls: Iterable[str], own_id: str = "") -> str | None:
    """The id of the post a quote links to: a status permalink (or a link to another
    post's photo) that is not the post's own (`.../status/<own id>/photo/1`)."""
    for url in urls:
        match = STATUS_LINK.match(url)
        if match and match.group(2) != own_id:
            return match.group(2)
    return None


def own_media(urls: list[str], own_id: str) -> tuple[list[str], list[dict[str, Any]]]:
    """(links, attachments): the post's own photo and video permalinks
    (`.../status/<own id>/photo/1`, as `expanded_urls` of CSV dumps list them) are its
    media, not links it shares."""
    if not own_id or not urls:
        return urls, []
    links: list[str] = []
    media: list[dict[str, Any]] = []
    for url in urls:
        match = STATUS_LINK.match(url)
        if match and match.group(3) and match.group(2) == own_id:
            kind = "video" if "/video/" in match.group(3) else "image"
            media.append({"type": kind, "url": url, "alt": None})
        else:
            links.append(url)
    return links, media


# Values a kind column may hold, by the names exports use for them.
KIND_NAMES = {
    "post": "post", "original": "post", "tweet": "post", "status": "post", "toot": "post",
    "skeet": "post", "update": "post", "article": "post", "note": "post",
    "reply": "reply", "replied_to": "reply", "replied to": "reply", "response": "reply",
    "comment": "reply",
    "repost": "repost", "retweet": "repost", "retweeted": "repost", "rt": "repost",
    "reblog": "repost", "boost": "repost", "reshare": "repost",
    "quote": "quote", "quoted": "quote", "quote_tweet": "quote", "quote tweet": "quote",
    "quote-tweet": "quote", "quote post": "quote", "quote_post": "quote", "qt": "quote",
    "dm": "dm", "direct message": "dm", "direct_message": "dm",
}
# Columns that may hold the kind. "type" is also a media or link type on many exports,
# so there an unknown value means nothing rather than an error.
KIND_COLUMNS = ("kind",)
LOOSE_KIND_COLUMNS = ("tweet_type", "post_type", "status_type", "type")
_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0", ""}
_EMPTY = {"", "0", "nan", "none", "null", "nil", "false", "[]", "{}", "-1"}
# Names (split into words) that make a column a reply, repost or quote id or flag.
_REPLY_COLUMNS = {"in_reply_to", "in_reply_to_id", "in_reply_to_status_id",
                  "in_reply_to_status_id_str", "in_reply_to_tweet_id", "in_response_to_tweet_id",
                  "in_reply_to_user_id", "in_reply_to_user_id_str", "in_reply_to_screen_name",
                  "in_reply_to_account_id", "reply_to", "reply_to_id", "parent_id",
                  "reply_to_status_id", "in_reply_to_user"}
_REPLY_IDS = ("in_reply_to_status_id_str", "in_reply_to_status_id", "in_reply_to_tweet_id",
              "in_response_to_tweet_id", "in_reply_to_id", "in_reply_to",
              "reply_to_status_id", "reply_to_id", "reply_to", "parent_id")
_REPOST_WORDS = {"retweet", "repost", "reblog", "rt", "boost", "reshare"}
_REPLY_WORDS = {"reply"}
_QUOTE_WORDS = {"quote", "qt"}
# Words that make a kind-named column something else: counts, v2's `reply_settings`.
_COUNT_WORDS = {"count", "counts", "num", "number", "total", "nb", "settings", "setting"}
# Words that make a kind-named column hold an id or a link when filled (`qt_of`, `rt_id`).
_ID_WORDS = {"id", "ids", "url", "urls", "link", "of", "permalink", "uri", "date", "time"}
# v1.1's `retweeted`/`favorited` say what the *authenticating* user did, not the kind.
_NOT_FLAGS = {"retweeted", "favorited", "reposted", "quoted"}
# Columns whose being filled makes a record a repost or a quote (API names, flattened
# objects such as pandas' `retweeted_status.id`, snscrape's `retweetedTweet`).
_REPOST_COLUMNS = {"retweeted_status", "retweeted_tweet", "reblog", "reposted_status",
                   "repost_of", "retweet_of", "retweet_id", "retweet_of_id", "reblog_of_id"}
_REPOST_PREFIXES = ("retweeted_status_", "retweeted_tweet_")
_QUOTE_COLUMNS = {"quoted_status", "quoted_tweet", "quote_url", "quoted_url", "quote_id",
                  "quote_of", "quote_of_id", "quote_tweet_id", "quoted_post", "quote"}
_QUOTE_PREFIXES = ("quoted_status_", "quoted_tweet_")
REPOSTER_COLUMNS = ("user_rt", "retweeted_by", "reposted_by", "retweeter",
                    "retweeter_screen_name", "boosted_by", "reblogged_by")
# Columns (squashed) naming who wrote a repost's original: rtweet's, v1.1 tweets and
# snscrape's and Mastodon's statuses flattened (pandas' `retweeted_status.user.screen_name`),
# and the canonical field.
ORIGINAL_COLUMNS = ("original_author", "retweet_screen_name", "retweeted_screen_name",
                    "retweeted_status_user_screen_name", "retweeted_tweet_user_username",
                    "reblog_account_acct")
# Where an embedded original names its author: `{"user": {"screen_name": ...}}` (X),
# `{"account": {"acct": ...}}` (Mastodon), `{"author": {"handle": ...}}` (Bluesky).
_WRITERS = ("user", "account", "author")
_WRITER_NAMES = ("screen_name", "username", "acct", "handle")


def words(name: str) -> list[str]:
    """A column name as lower-case words: `isRetweet` and `is_retweet` alike."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name.strip())
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if w]


def squash(name: str) -> str:
    """A column name in one canonical spelling: `inReplyToTweetId` -> `in_reply_to_tweet_id`."""
    return "_".join(words(name))


def empty_id(value: Any) -> bool:
    """True when an id cell says "none": blank, 0, NaN, null, an empty list."""
    if value is None or value is False:
        return True
    if isinstance(value, (dict, list)):
        return not value
    return str(value).strip().casefold() in _EMPTY


def clean_id(value: Any) -> str:
    """An id as text; `1.0836e+18`-style floats from spreadsheets cannot be saved, but
    `123.0` can."""
    text = str(value).strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


def truthy(value: Any) -> bool | None:
    """A flag cell as a bool, or None when it is not a yes/no value."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = str(value).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def _flag_kind(name: str) -> str | None:
    """The kind a flag column's name says (`is_retweet` -> repost), else None."""
    parts = words(name)
    if not parts or set(parts) & _COUNT_WORDS or "_".join(parts) in _NOT_FLAGS:
        return None
    if "_".join(parts) in _REPLY_COLUMNS or parts[0] in ("in", "num", "n"):
        return None
    found = set(parts)
    if found & _REPOST_WORDS:
        return "repost"
    if found & _QUOTE_WORDS:
        return "quote"
    if found & _REPLY_WORDS:
        return "reply"
    return None


def kind_named(value: Any) -> str | None:
    """The kind a kind column's value names, or None."""
    return KIND_NAMES.get(str(value).strip().casefold())


@dataclass
class KindColumns:
    """Where the kind lives in one header: resolved once, read per record."""

    kind: str | None = None  # a column naming the kind (strict: unknown values are errors)
    loose_kind: str | None = None  # tweet_type, type: unknown values mean nothing
    reply_ids: list[str] = field(default_factory=list)  # in order of preference
    reply_users: list[str] = field(default_factory=list)
    reposts: list[str] = field(default_factory=list)  # retweeted_status_id, reblog, flags
    quotes: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)  # flag columns: is_reply
    reposter: str | None = None  # who reposted, when the row's author is the original's
    originals: list[str] = field(default_factory=list)  # who wrote a repost's original
    flags: set[str] = field(default_factory=set)  # columns read as yes/no (or an id)
    yes_no: set[str] = field(default_factory=set)  # found by name: only a yes counts

    @classmethod
    def from_names(cls, names: Iterable[str], mapping: Mapping[str, str] | None = None
                   ) -> KindColumns:
        """Recognise the conventions among `names`; `mapping` (kind=COLUMN, repost=COLUMN,
        reply=COLUMN, quote=COLUMN) names columns that the conventions do not find."""
        mapping = mapping or {}
        found = cls()
        by_squash: dict[str, str] = {}
        for name in names:
            by_squash.setdefault(squash(name), name)
        for key in ("kind", *KIND_COLUMNS):
            if key in by_squash and found.kind is None:
                found.kind = by_squash[key]
        for key in LOOSE_KIND_COLUMNS:
            if key in by_squash and found.loose_kind is None and by_squash[key] != found.kind:
                found.loose_kind = by_squash[key]
        for key in _REPLY_IDS:
            if squash(key) in by_squash:
                found.reply_ids.append(by_squash[squash(key)])
        for key in ("in_reply_to_user_id_str", "in_reply_to_user_id", "in_reply_to_screen_name",
                    "in_reply_to_account_id", "in_reply_to_user"):
            if squash(key) in by_squash:
                found.reply_users.append(by_squash[squash(key)])
        for key in REPOSTER_COLUMNS:
            if key in by_squash:
                found.reposter = by_squash[key]
                break
        found.originals = [by_squash[key] for key in ORIGINAL_COLUMNS if key in by_squash]
        for squashed, name in by_squash.items():
            if name in found.reply_ids or name in found.reply_users or name == found.reposter \
                    or squashed in ("kind", *LOOSE_KIND_COLUMNS):
                continue
            if squashed in _REPOST_COLUMNS or squashed.startswith(_REPOST_PREFIXES):
                found.reposts.append(name)
            elif squashed in _QUOTE_COLUMNS or squashed.startswith(_QUOTE_PREFIXES):
                found.quotes.append(name)
            else:
                kind = _flag_kind(name)
                if kind is not None:
                    found.flags.add(name)
                    if not set(words(name)) & _ID_WORDS:
                        found.yes_no.add(name)
                    {"repost": found.reposts, "quote": found.quotes,
                     "reply": found.replies}[kind].append(name)
        found._apply_mapping(mapping, by_squash)
        return found

    def _apply_mapping(self, mapping: Mapping[str, str], by_squash: dict[str, str]) -> None:
        """`--map kind=COL`, `--map repost=COL` (and reply, quote): the user's word wins."""
        for field_name, column in mapping.items():
            name = by_squash.get(squash(column), column)
            if field_name == "kind":
                self.kind, self.loose_kind = name, None
            elif field_name == "repost":
                self.reposts.insert(0, name)
            elif field_name == "quote":
                self.quotes.insert(0, name)
            elif field_name == "reply":
                self.replies.insert(0, name)
            else:
                continue
            if field_name != "kind":
                self.flags.add(name)
                self.yes_no.discard(name)

    @property
    def columns(self) -> set[str]:
        """Every column this reads, to check a mapping names real columns."""
        named = {self.kind, self.loose_kind, self.reposter}
        return {c for c in named if c} | {*self.reply_ids, *self.reply_users, *self.reposts,
                                          *self.quotes, *self.replies, *self.originals}

    def kind_of(self, get: Callable[[str], Any], text: str) -> tuple[str, str | None]:
        """(kind, the id replied to) of one record; `get(column)` reads a value."""
        reply_to = next((clean_id(get(c)) for c in self.reply_ids if not empty_id(get(c))),
                        None)
        if self.kind is not None and not empty_id(get(self.kind)):
            named = kind_named(get(self.kind))
            if named is None:
                raise ValueError(f"unknown kind {str(get(self.kind))!r} "
                                 "(post, reply, repost, quote, dm, or e.g. retweet, reblog)")
            return named, reply_to if named == "reply" else None
        if self.loose_kind is not None:
            named = kind_named(get(self.loose_kind))
            if named is not None and named != "post":
                return named, reply_to if named == "reply" else None
        if is_retweet_text(text) or any(self._says(c, get(c)) for c in self.reposts):
            return "repost", None
        if reply_to is not None or any(self._says(c, get(c)) for c in self.replies) \
                or any(not empty_id(get(c)) for c in self.reply_users):
            return "reply", reply_to
        if any(self._says(c, get(c)) for c in self.quotes):
            return "quote", None
        return "post", None

    def _says(self, column: str, value: Any) -> bool:
        """A flag column says yes; an id or object column says yes by being filled."""
        if column in self.flags:
            said = truthy(value)
            if said is not None:
                return said
            if column in self.yes_no:
                return False  # `reply_text`, a free-text column that only sounds like a flag
        return not empty_id(value)

    def reposted_by(self, get: Callable[[str], Any]) -> str:
        """Who reposted, when the record names the reposter apart from the author."""
        if self.reposter is None:
            return ""
        value = get(self.reposter)
        return "" if empty_id(value) else str(value).strip()

    def original_author(self, get: Callable[[str], Any], author: str, text: str) -> str | None:
        """Who wrote the original of a repost record, as its own fields say: a column naming
        them (`retweet_screen_name`, `retweeted_status.user.screen_name`), the user of an
        embedded original (`retweeted_status`, `reblog`), the record's author when another
        column names the reposter (`user_rt`), else the "RT @user:" of the text. None when
        none of them says."""
        for column in self.originals:
            value = get(column)
            if not empty_id(value) and not isinstance(value, (dict, list)):
                return str(value).strip()
        for column in self.reposts:
            value = get(column)
            if isinstance(value, dict):
                name = embedded_author(value)
                if name:
                    return name
        if author and self.reposted_by(get):
            return author
        return retweeted_author(text)


def embedded_author(original: Mapping[str, Any]) -> str | None:
    """The author an embedded post names (`user.screen_name`, `account.acct`, ...)."""
    for key in _WRITERS:
        who = original.get(key)
        if isinstance(who, Mapping):
            name = next((who[k] for k in _WRITER_NAMES if who.get(k)), None)
            if name is not None and not isinstance(name, (dict, list)):
                return str(name).strip()
    return None
