"""Importers: exports and API responses in, `Post`s and a `Feed` out.

One module per format, chosen by sniffing the file's content (or named with `source=`).
Every problem with a file is an `InputError` naming the file and line; a load either
returns every post of every file or raises, never part of them.

Decisions where formats are silent (see each module's docstring for detail):
- Naive times (Hootsuite, Buffer, generic CSV) are UTC unless `tz="Europe/Paris"` etc.
- Buffer drafts without a time import with `created_at == UNDATED` (1970-01-01T00:00Z).
- RSS entries without a date take the feed's date; with neither, the import fails.
- Missing alt text is always `None` (X without ext_alt_text, Mastodon null, Bluesky "").
- `author=` fills in posts whose source names no author; it never overwrites one.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import re
import stat
from array import array
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from operator import attrgetter
from pathlib import Path, PurePath
from typing import BinaryIO, cast

from assistant.errors import InputError
from assistant.gcpause import collector_paused
from assistant.models import Account, Feed, Post, PostRecord, as_post
from assistant.zones import zone_named

from ._accounts import split_accounts
from ._common import (
    MAX_INPUT_BYTES,
    UNDATED,
    UTC,
    Options,
    Parsed,
    Reader,
    is_canonical,
    most_common,
    read_input,
    valid_platform,
)

__all__ = ["FORMATS", "UNDATED", "AccountFeed", "NotStreamable", "StreamedFeed", "UnknownFormat",
           "detect_format", "load_accounts", "load_feed", "load_posts", "stream_feed"]

FORMATS: tuple[str, ...] = (
    "jsonl", "x-archive", "mastodon", "bluesky", "rss", "hootsuite", "buffer", "csv", "twcs",
    "json",
)


class UnknownFormat(InputError):
    """A file whose format its content does not tell (one of `FORMATS`)."""


# format -> (module, function); imported on first use so the CLI starts fast.
_READERS: dict[str, tuple[str, str]] = {
    "jsonl": ("jsonl", "read"),
    "x-archive": ("x_archive", "read"),
    "mastodon": ("mastodon", "read"),
    "bluesky": ("bluesky", "read"),
    "rss": ("rss", "read"),
    "hootsuite": ("hootsuite", "read"),
    "buffer": ("buffer", "read"),
    "csv": ("csv_generic", "read"),
    "twcs": ("csv_generic", "read_twcs"),
    "json": ("json_generic", "read"),
}
HEAD_BYTES = 65536
# The formats a mapping (`--map field=column`) cannot name the columns or fields of: what
# each is, and the source that maps it, for the error that says so.
_UNMAPPED = {
    "jsonl": ("canonical JSON Lines, whose fields are a post's own",
              "--source json to map its fields"),
    "hootsuite": ("a Hootsuite file, whose columns are fixed (and headerless)", ""),
    "buffer": ("a Buffer file, whose columns are fixed", "--source csv to map them"),
    "x-archive": ("an X archive", ""),
    "mastodon": ("Mastodon statuses", ""),
    "bluesky": ("a Bluesky feed", ""),
    "rss": ("an RSS or Atom feed", ""),
}
# The others (csv, twcs, json): a mapping names their columns or fields.
_MAPPED_FORMATS = tuple(fmt for fmt in FORMATS if fmt not in _UNMAPPED)
_HOOTSUITE_ROW = re.compile(rb"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?,")
_BUFFER_COLUMNS = {"posting time", "scheduled date", "scheduled time", "profile", "image url"}
# An archive entry is `{"tweet": {...}}`; API and scraper dumps carry the user (or its id).
_ARCHIVE_ENTRY = re.compile(rb'\[\s*\{\s*"tweet"\s*:\s*\{')
_API_TWEET = re.compile(rb'"(?:user|author)"\s*:\s*\{|"(?:author_id|referenced_tweets|rawContent|'
                        rb'edit_history_tweet_ids|retweeted_status)"\s*:')


def detect_format(path: Path, head: bytes) -> str:
    """The format of a file from its first bytes (and, only to break ties, its suffix)."""
    name = str(path)
    if head.startswith(b"PK\x03\x04"):
        return "x-archive"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text:
        raise InputError("file is empty", path=name)
    if text.startswith((b"window.YTD.", b"module.exports")):
        return "x-archive"
    if text.startswith(b"<"):
        if re.search(rb"<(?:rss|feed|rdf:RDF)[\s>]", text):
            return "rss"
        raise InputError("XML or HTML but not an RSS or Atom feed", path=name)
    if text.startswith(b"["):
        if _ARCHIVE_ENTRY.match(text):
            return "x-archive"
        if _API_TWEET.search(text):
            return "json"
        if b'"full_text"' in text or b'"id_str"' in text:
            return "x-archive"  # older archives: bare tweet objects, no user
        if b'"in_reply_to_id"' in text or b'"reblog"' in text or text[1:].lstrip() == b"]":
            return "mastodon"
        if text[1:].lstrip().startswith(b"{"):
            return "json"
        raise InputError("a JSON array, but not of posts (objects)", path=name)
    if text.startswith(b"{"):
        if re.match(rb'\{\s*"feed"\s*:', text) or (b'"feed"' in text and b"at://" in text):
            return "bluesky"
        if b'"reblog"' in text and b'"account"' in text and b'"in_reply_to_id"' in text:
            return "mastodon"
        return _jsonl_or_json(text)
    if b"\x00" in text:
        raise InputError("a binary file, not an export this tool reads", path=name)
    first_line = text.split(b"\n", 1)[0]
    if _HOOTSUITE_ROW.match(first_line):
        return "hootsuite"
    try:
        header = next(csv.reader([first_line.decode("utf-8", "replace")]))
    except csv.Error:
        header = []
    columns = {column.strip().casefold() for column in header}
    if {"tweet_id", "author_id", "inbound"} <= columns:
        return "twcs"
    if "text" in columns and columns & _BUFFER_COLUMNS:
        return "buffer"
    if len(columns) >= 2:
        return "csv"
    raise UnknownFormat("cannot tell the format", path=name, line=1,
                        hint=f"name it with --source (one of {', '.join(FORMATS)})")


def _jsonl_or_json(text: bytes) -> str:
    """Canonical JSON Lines when the first line is one post written the canonical way
    (`Post` fields only, with their types), or so written but for a misspelt key (which
    the JSON Lines reader then names); anything else that starts with an object (a tweet
    dump, a pretty-printed response, a dump with numeric ids) is generic JSON."""
    first = text.split(b"\n", 1)[0]
    try:
        value = json.loads(first)
    except (ValueError, RecursionError):  # the reader names the problem with its line
        return "json"
    if not isinstance(value, dict):
        return "json"
    if is_canonical(value):
        return "jsonl"
    from .json_generic import misspelt_canonical

    return "jsonl" if misspelt_canonical(value) else "json"


def load_posts(paths: Sequence[str | Path] | str | Path, *, source: str | None = None,
               platform: str | None = None, author: str | None = None,
               mapping: Mapping[str, str] | None = None, tz: str | None = None) -> list[Post]:
    """Posts of one feed from one or more files (pages), de-duplicated by id, oldest first.

    `source` forces a format (one of FORMATS); `platform` overrides every post's platform;
    `author` fills in posts without one; `mapping` names CSV columns (see csv_generic) or
    generic JSON fields (json_generic), an InputError when none of the files is read by
    either; `tz` is the zone of times written without one (default UTC). "-" reads stdin.
    """
    return [as_post(p) for p in _load(paths, source, platform, author, mapping, tz)[0]]


def load_feed(paths: Sequence[str | Path] | str | Path, *, source: str | None = None,
              platform: str | None = None, owner: str = "client", name: str | None = None,
              mapping: Mapping[str, str] | None = None, author: str | None = None,
              tz: str | None = None) -> Feed:
    """A Feed: the posts of `load_posts` and an Account named from the data when it can be.

    The name is `name`, else what the data says (Mastodon acct, Bluesky handle, RSS channel
    title, X archive's account.js or file stem, the most common JSONL author), else `author`,
    else the first file's stem. The platform is `platform`, else the one most posts are on.
    """
    posts, parsed, names = _load(paths, source, platform, author, mapping, tz)
    # A name the data shows beats one guessed from a file name (an archive part).
    found = next((p.account for p in sorted(parsed, key=attrgetter("account_guessed"))
                  if p.account), None)
    account_name = name or found or author or Path(names[0]).stem or names[0]
    for post in posts:
        if not post.author:
            post.author = account_name
    account_platform = (platform or most_common([p.platform for p in posts])
                        or parsed[0].platform)
    try:
        account = Account(name=account_name, platform=account_platform, owner=owner)
    except ValueError:
        raise InputError(f"owner must be agency, executive or client, not {owner!r}") from None
    return Feed(account=account, posts=[as_post(p) for p in posts], source=", ".join(names),
                planned=all(p.planned for p in parsed))


@dataclass
class AccountFeed:
    """One account's feed from the files given, and what was left out of it."""

    feed: Feed
    left_out: int = 0  # posts of other authors in its files
    other_accounts: int = 0  # how many other authors wrote them


def load_accounts(paths: Sequence[str | Path] | str | Path, *, source: str | None = None,
                  platform: str | None = None, owner: str = "client", name: str | None = None,
                  mapping: Mapping[str, str] | None = None, author: str | None = None,
                  tz: str | None = None) -> list[AccountFeed]:
    """One feed per account in the files, for audits that judge one account at a time.

    A file with several authors is its main account's feed (most posts; `author` chooses;
    in a support file the side that answers), with others' posts left out and counted.
    Files of the same account merge like pages; different accounts stay apart, in the
    order given. `name` names the account (one account only); other options as
    `load_feed`. Posts of canonical JSON Lines are slim `PostRecord`s (what an audit
    reads, at a fraction of the memory); `as_post` gives the model of one.
    """
    with collector_paused():
        parsed, names = _parse_all(paths, source, platform, mapping, tz)
        groups = split_accounts(list(zip(names, parsed, strict=True)), author=author,
                                name=name, platform=platform)
        feeds = []
        for group in groups:
            posts = _merge(group.parts, platform, None)
            for post in posts:
                if not post.author:
                    post.author = group.account
            # Built, not validated: the posts are models or records already checked.
            feed = Feed.model_construct(account=_account(group.account, group.platform, owner),
                                        posts=posts, source=", ".join(group.files),
                                        planned=all(part.planned for part in group.parts))
            feeds.append(AccountFeed(feed, group.left_out, len(group.others)))
        return feeds


def _account(name: str, platform: str, owner: str) -> Account:
    try:
        return Account(name=name, platform=platform, owner=owner)
    except ValueError:
        raise InputError(f"owner must be agency, executive or client, not {owner!r}") from None


def _load(paths: Sequence[str | Path] | str | Path, source: str | None, platform: str | None,
          author: str | None, mapping: Mapping[str, str] | None,
          tz: str | None) -> tuple[list[Post | PostRecord], list[Parsed], list[str]]:
    """Read, parse, merge: all files or an InputError."""
    with collector_paused():
        parsed, names = _parse_all(paths, source, platform, mapping, tz)
        return _merge(parsed, platform, author), parsed, names


def _parse_all(paths: Sequence[str | Path] | str | Path, source: str | None,
               platform: str | None, mapping: Mapping[str, str] | None,
               tz: str | None) -> tuple[list[Parsed], list[str]]:
    """Every file parsed (format sniffed unless `source` names it), or an InputError."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise InputError("no input files given")
    if source is not None and source not in FORMATS:
        from assistant.errors import did_you_mean

        raise InputError(f"unknown source {source!r}{did_you_mean(source, FORMATS)} "
                         f"(one of {', '.join(FORMATS)})")
    if platform is not None:
        valid_platform(platform)
    options = Options(tz=_zone(tz), mapping=dict(mapping) if mapping else None)
    if options.mapping and source is not None and source not in _MAPPED_FORMATS:
        raise _unused_mapping(source)
    parsed: list[Parsed] = []
    names: list[str] = []
    formats: list[str] = []
    for path in paths:
        streamed = _stream_jsonl(path, source)
        if streamed is not None:
            parsed.append(streamed)
            names.append(str(path))
            formats.append("jsonl")
            continue
        name, data = _read_bytes(path)
        fmt = source or detect_format(Path(name), data[:HEAD_BYTES])
        try:
            parsed.append(_reader(fmt)(data, name, options))
        except InputError as exc:
            raise _with_hint(exc, source, name, data) from None
        names.append(name)
        formats.append(fmt)
    if options.mapping and not set(formats) & set(_MAPPED_FORMATS):
        raise _unused_mapping(formats[0], names[0])
    return parsed, names


def _unused_mapping(fmt: str, name: str | None = None) -> InputError:
    """A mapping none of the files reads (`name`: the first of them; None: `--source fmt`
    says so before any is read), which used to be silently ignored."""
    what, other = _UNMAPPED.get(fmt, ("", ""))
    if name is None:
        where = f"not to --source {fmt}" + (f" ({what})" if what else "")
        instead = f", or use {other}" if other else ""
    else:
        where = f"and this file is {what or fmt}"
        instead = f", or add {other}" if other else ""
    return InputError(f"--map applies to CSV files and generic JSON (--source csv, twcs or "
                      f"json), {where}: drop --map{instead}", path=name)


def _stream_jsonl(path: str | Path, source: str | None) -> Parsed | None:
    """A regular JSON Lines file within the size limit, clean from end to end, parsed as
    it is read (never whole in memory); None for anything else, which is read whole and
    then parsed (or refused) as any file is."""
    try:
        opened = _open_jsonl(path, source)
        if opened is None:
            return None
        with opened[0] as stream:
            from .jsonl import read_stream

            return read_stream(stream, str(path))
    except (OSError, InputError):
        return None


def _open_jsonl(path: str | Path, source: str | None) -> tuple[BinaryIO, os.stat_result] | None:
    """The file open at its start, and its status, when it is a regular file within the size
    limit that is (or `source` says is) canonical JSON Lines; else None. "-" (stdin) never
    is: it cannot be read twice."""
    if str(path) == "-" or source not in (None, "jsonl"):
        return None
    stream = open(path, "rb")  # noqa: SIM115 (the caller's, when returned)
    try:
        status = os.fstat(stream.fileno())
        if (not stat.S_ISREG(status.st_mode) or status.st_size > MAX_INPUT_BYTES
                or (source is None and detect_format(Path(path), stream.read(HEAD_BYTES)) != "jsonl")):
            stream.close()
            return None
        stream.seek(0)
    except BaseException:
        stream.close()
        raise
    return stream, status


class NotStreamable(Exception):
    """A file `stream_feed` cannot show a block at a time after all (found part-way): it is
    read whole instead, as any file is."""


@dataclass
class StreamedFeed:
    """One account's feed read from its file a block at a time (`stream_feed`): each
    `read()` a new reading from the start. The blocks hold `PostRecord`s, read as `Post`s
    (as a loaded feed's are)."""

    account: Account
    path: str
    status: os.stat_result  # the file's when first read: every reading must find it so
    first: Post  # its first post
    platform: str | None  # the platform every post is moved to (--platform)

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return self.status.st_size

    @property
    def blocks(self) -> int:
        """How many blocks a reading gives at most: one more than the reads the file takes
        (a block ends at the last line break of a read)."""
        from .jsonl import read_size

        return self.size // read_size() + 2

    def read(self, only: Collection[str] | None = None) -> Iterator[list[Post]]:
        """The posts, a block at a time; `NotStreamable` at what makes the file one to read
        whole: a line not written the canonical way, a second author or platform, a file
        changed since it was first read (readings of one audit must read the same posts),
        and an id seen twice (known at the end only: `load_accounts` keeps the first copy,
        which a reading cannot take back). With `only`, a reading again after a whole one:
        the posts of those ids, and of any line whose id is not read alone, and the other
        lines neither made posts nor checked (the file is the one read whole: `_same_file`)."""
        from .jsonl import Unclean, byte_blocks, record_blocks

        who, where, platform = self.first.author, self.first.platform, self.platform
        ids = array("q")  # a hash of each id: 8 bytes a post
        try:
            with open(self.path, "rb") as stream:
                if not _same_file(os.fstat(stream.fileno()), self.status):
                    raise NotStreamable
                for block in record_blocks(byte_blocks(stream), only):
                    for post in block:
                        if post.author != who or (platform is None and post.platform != where):
                            raise NotStreamable
                        if platform is not None:
                            post.platform = platform
                        if not who:  # a file that names no author: each post is the account's
                            post.author = self.account.name
                    if only is None:
                        ids.extend(hash(post.id) for post in block)
                    yield cast(list[Post], block)
                if not _same_file(os.fstat(stream.fileno()), self.status):
                    raise NotStreamable
        except Unclean:
            raise NotStreamable from None
        except OSError as exc:
            raise NotStreamable from exc
        if only is None and _repeats(ids):  # two ids of one hash only cost a reading in full
            raise NotStreamable


def _same_file(now: os.stat_result, then: os.stat_result) -> bool:
    return (now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns) == (
        then.st_dev, then.st_ino, then.st_size, then.st_mtime_ns)


def _repeats(hashes: array[int]) -> bool:
    """Whether a hash occurs twice, sorted in place as machine integers (a set of a million
    int objects took ~70 MB)."""
    import numpy as np

    values = np.frombuffer(hashes, dtype=np.int64).copy()
    values.sort()
    return bool(values.size > 1 and (values[1:] == values[:-1]).any())


def stream_feed(path: str | Path, *, source: str | None = None, platform: str | None = None,
                owner: str = "client", name: str | None = None,
                author: str | None = None) -> StreamedFeed | None:
    """The feed of one canonical JSON Lines file of one author, to read a block at a time
    (`StreamedFeed.read`) and never whole, or None for any other file, which is read whole
    with `load_accounts` (which also words any error). Only the first block is read here;
    what a reading finds later raises `NotStreamable`, and the file is then read whole: a
    stream never changes what `load_accounts` makes of a file.
    """
    if author is not None:
        return None  # (whose posts --author picks: load_accounts)
    if platform is not None:
        valid_platform(platform)
    from .jsonl import Unclean, byte_blocks, record_blocks

    try:
        opened = _open_jsonl(path, source)
        if opened is None:
            return None
        stream, status = opened
        with stream:
            head = next((block for block in record_blocks(byte_blocks(stream)) if block), None)
    except (OSError, InputError, Unclean):
        return None
    if head is None:
        return None
    first = cast(Post, head[0])
    # A file that names no author is the account `name` says, else the file's own (its stem).
    shown = name or first.author or PurePath(str(path).replace("\\", "/")).stem or str(path)
    return StreamedFeed(_account(shown, platform or first.platform, owner), str(path), status,
                        first, platform)


def _with_hint(exc: InputError, source: str | None, name: str, data: bytes) -> InputError:
    """A --source that does not fit the file: say what the file looks like instead."""
    if source is None:
        return exc
    try:
        looks = detect_format(Path(name), data[:HEAD_BYTES])
    except InputError:
        return exc
    if looks == source or {looks, source} <= {"csv", "twcs", "hootsuite", "buffer", "json", "jsonl"}:
        return exc
    hint = f"; the file looks like {looks}, not {source}: drop --source or use --source {looks}"
    return InputError(exc.message + hint, path=exc.path, line=exc.line)


def _merge(parsed: list[Parsed], platform: str | None,
           author: str | None) -> list[Post | PostRecord]:
    """One list: first copy of each id wins, stable sort by time, overrides applied."""
    seen: dict[str, Post | PostRecord] = {}
    for result in parsed:
        for post in result.posts:
            seen.setdefault(post.id, post)
    posts = sorted(seen.values(), key=attrgetter("created_at"))
    if platform is not None or author or any(result.author for result in parsed):
        for result in parsed:
            fill = author or result.author
            for post in result.posts:
                if platform is not None:
                    post.platform = platform
                if fill and not post.author:
                    post.author = fill
    return posts


def _read_bytes(path: str | Path) -> tuple[str, bytes]:
    """The file's name as the user gave it, and its bytes ("-" is stdin), within bounds."""
    return read_input(path)


def _reader(fmt: str) -> Reader:
    module, function = _READERS[fmt]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


def _zone(tz: str | None) -> tzinfo:
    """The zone naive times are in; unknown names are an input error."""
    if tz is None:
        return UTC
    try:
        return zone_named(tz)
    except ValueError as exc:
        raise InputError(str(exc)) from None
