"""What every importer shares: decoding, JSON with line numbers, post building, errors.

Importers read untrusted files, so every failure here becomes an `InputError` that names
the file and, when known, the line: never a traceback, never a partial result.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any, BinaryIO

from pydantic import ValidationError

from assistant.errors import InputError
from assistant.models import PLATFORMS, Post, PostRecord

# A Facebook post may hold 63,206 characters and a blog article a few tens of thousands;
# anything far beyond is a broken export or an attack on memory, not a post.
MAX_TEXT = 200_000
# One input file at most: a million posts of JSON Lines are about 400 MB. Beyond this it is
# a device or a runaway pipe (`/dev/zero`), and reading on would only exhaust memory.
MAX_INPUT_BYTES = 1 << 30
_READ_CHUNK = 1 << 20
# Posts that carry no time at all (Buffer drafts) get this instant: obviously not a real
# posting time, equal for all of them, and sorted first. Feed rules can skip it.
UNDATED = datetime(1970, 1, 1, tzinfo=UTC)
# Errors a converter may raise on data of the wrong shape (a list where a dict should be,
# a missing key, a bad date); pydantic's ValidationError is a ValueError.
SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)


@dataclass(frozen=True)
class Options:
    """Settings one import applies to every file: zone for naive times, CSV mapping."""

    tz: tzinfo = UTC
    mapping: Mapping[str, str] | None = None


@dataclass
class Parsed:
    """The posts of one file and what the file says about its account."""

    posts: Sequence[Post | PostRecord]  # records only from canonical JSON Lines
    account: str | None = None
    platform: str = "x"
    author: str | None = None  # for posts the file names no author of (X archives)
    # Every post is the account's, whatever its author field says (a blog's bylines).
    owner_only: bool = False
    # `account` is only the file's name standing in (an X archive part without the
    # account's own media), not a name the data shows.
    account_guessed: bool = False
    # Only these authors can be the file's account (a support file: those who answer).
    account_authors: frozenset[str] | None = None
    # A bulk-schedule or drafts file: planned posts, never a published history.
    planned: bool = False


def decode(data: bytes | str, name: str) -> str:
    """UTF-8 text of `data` without a byte-order mark; bad bytes name their line.

    The text must also be encodable again: a lone UTF-16 surrogate (a JSON escape such as
    `\\ud800` without its pair, or one in a `str` given directly) would otherwise pass
    the import and crash whatever writes it out (the terminal, JSON, Redis).
    """
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputError(f"character {exc.object[exc.start]!r} is half of a UTF-16 "
                                 "surrogate pair, not text", path=name,
                                 line=text.count("\n", 0, exc.start) + 1) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(f"not UTF-8 text (byte {exc.start})", path=name, line=line) from None
    if _looks_like_json(text):
        _refuse_lone_surrogate_escapes(text, name)
    return text


# Escaped backslashes are tokens of their own, so "\\\\ud800" (a backslash, then the
# letters) never reads as an escape: the scan stays in step with JSON's own tokenizer.
_ESCAPE_TOKEN = re.compile(r"\\\\|\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_JSON_START = re.compile(r"\s*(?:[\[{]|window\.YTD\.|module\.exports)")


def _looks_like_json(text: str) -> bool:
    """JSON formats (JSON Lines, X archives, API pages); in CSV, `\\ud800` is just text."""
    return _JSON_START.match(text) is not None


def _refuse_lone_surrogate_escapes(text: str, name: str) -> None:
    """An InputError at the first `\\uD800`-`\\uDFFF` escape that is not half of a pair.

    JSON's grammar allows them, but they decode to no character (RFC 8259 section 8.2).
    Text without any such escape, nearly all of it, costs two substring searches.
    """
    if "\\ud" not in text and "\\uD" not in text:
        return
    waiting: re.Match[str] | None = None  # a high half whose low half must come next
    for token in _ESCAPE_TOKEN.finditer(text):
        escape = token.group()
        is_low = len(escape) == 6 and escape[3] in "cdefCDEF"
        if waiting is not None:
            if is_low and token.start() == waiting.end():
                waiting = None
                continue
            _lone_surrogate(text, waiting, name)
        if len(escape) == 2:  # an escaped backslash
            continue
        if is_low:
            _lone_surrogate(text, token, name)
        waiting = token
    if waiting is not None:
        _lone_surrogate(text, waiting, name)


def _lone_surrogate(text: str, escape: re.Match[str], name: str) -> None:
    raise InputError(f"{escape.group()} is half of a UTF-16 surrogate pair, not a character",
                     path=name, line=text.count("\n", 0, escape.start()) + 1)


def read_input(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> tuple[str, bytes]:
    """The file's name as the user gave it and its bytes ("-" is stdin), at most `limit`.

    A regular file over the limit is refused from its size, unread; a pipe or a device
    (`/dev/zero`, `yes |`) is read in chunks and refused once it passes the limit.
    """
    if str(path) == "-":
        return "<stdin>", _read_capped(sys.stdin.buffer, "<stdin>", limit)
    name = str(path)
    try:
        with open(path, "rb") as stream:
            status = os.fstat(stream.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError
            if stat.S_ISREG(status.st_mode) and status.st_size > limit:
                raise InputError(f"file is {status.st_size:,} bytes (limit {limit:,})", path=name)
            return name, _read_capped(stream, name, limit)
    except FileNotFoundError:
        raise InputError("file not found", path=name) from None
    except IsADirectoryError:
        raise InputError("is a folder; name the files in it", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=name) from None


def _read_capped(stream: BinaryIO, name: str, limit: int) -> bytes:
    parts: list[bytes] = []
    got = 0
    while chunk := stream.read(_READ_CHUNK):
        got += len(chunk)
        if got > limit:
            raise InputError(f"more than {limit:,} bytes (the limit for one input)", path=name)
        parts.append(chunk)
    return b"".join(parts)


def require_content(text: str | bytes, name: str) -> None:
    """Empty files are a mistake (wrong path, failed export), not an empty feed."""
    if not text.strip():
        raise InputError("file is empty", path=name)


def parse_json(text: str, name: str, start: int = 0) -> Any:
    """The JSON document in `text` from offset `start`; errors carry the file's line number."""
    try:
        value, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=name,
                         line=exc.lineno) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply", path=name) from None
    except ValueError as exc:  # e.g. an integer literal of more than 4,300 digits
        raise InputError(f"invalid JSON: {describe(exc)}", path=name) from None
    rest = text[end:].strip().rstrip(";").strip()
    if rest:
        line = text.count("\n", 0, end) + 1
        raise InputError("unexpected content after the JSON document", path=name, line=line)
    return value


def describe(exc: BaseException) -> str:
    """A one-line reason from a converter's exception, pydantic's included."""
    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "..."


@contextmanager
def entry(name: str, what: str, line: int | None = None) -> Iterator[None]:
    """Turn shape errors while converting one entry into an InputError naming it (and an
    InputError that names no file yet: the entry's, its hint kept)."""
    try:
        yield
    except InputError as exc:
        if exc.path is not None:
            raise
        raise InputError(f"{what}: {exc.message}", path=name, line=line, hint=exc.hint) from None
    except SHAPE_ERRORS as exc:
        raise InputError(f"{what}: {describe(exc)}", path=name, line=line) from None


def check_text(post: Post, name: str, what: str, line: int | None = None) -> Post:
    """Reject absurdly long text, which no platform would accept either."""
    for label, value in (("text", post.text), ("title", post.title or "")):
        if len(value) > MAX_TEXT:
            raise InputError(f"{what}: {label} is {len(value):,} characters long "
                             f"(limit {MAX_TEXT:,})", path=name, line=line)
    return post


def make_post(fields: dict[str, Any], name: str, what: str, line: int | None = None) -> Post:
    """Validate one post built by an importer; problems name the entry and line."""
    text = fields.get("text")
    if isinstance(text, str) and len(text) > MAX_TEXT:
        raise InputError(f"{what}: text is {len(text):,} characters long (limit {MAX_TEXT:,})",
                         path=name, line=line)
    with entry(name, what, line):
        post = Post.model_validate(fields)
    return check_text(post, name, what, line)


def mapping_of(value: Any, what: str) -> dict[str, Any]:
    """`value` as a JSON object, or a TypeError the entry wrapper reports."""
    if not isinstance(value, dict):
        raise TypeError(f"{what} is {type(value).__name__}, expected an object")
    return value


def list_of(value: Any, what: str) -> list[Any]:
    """`value` as a JSON array (null reads as empty)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"{what} is {type(value).__name__}, expected an array")
    return value


def iso_datetime(value: Any) -> datetime:
    """An aware datetime from an ISO 8601 string (Z accepted); naive values are an error."""
    if not isinstance(value, str):
        raise TypeError(f"date {value!r} is not a string")
    moment = datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        raise ValueError(f"date {value!r} has no time zone")
    return moment.astimezone(UTC)


# How exports write "no count": pandas' `NaN`, JSON's `null` quoted by a CSV writer.
_NO_COUNT = frozenset(("", "nan", "null", "none"))


def optional_int(value: Any) -> int | None:
    """A count that exports give as a number or a numeric string (X archives).

    No count at all reads as None: null, empty, and what pandas and spreadsheets write
    for a missing number (`NaN`, `null`, a float NaN in JSON)."""
    if value is None:
        return None
    if isinstance(value, str):
        if value.strip().casefold() in _NO_COUNT:
            return None
    elif isinstance(value, bool):
        raise TypeError(f"count {value!r} is not a number")
    elif isinstance(value, float) and value != value:  # NaN
        return None
    return int(value)


POST_FIELDS = frozenset(Post.model_fields)
_TEXT_FIELDS = ("id", "platform", "kind", "author", "text")
_OPTIONAL_TEXT_FIELDS = ("title", "in_reply_to", "original_author")
_LIST_FIELDS = ("urls", "mentions", "hashtags", "media")


def is_canonical(record: dict[str, Any]) -> bool:
    """A post written the canonical way (DESIGN.md): only `Post` fields, with their types.

    Only such a record goes to the strict reader, whose errors are about the canonical
    form. An ordinary dump that happens to use the same names (`"id": 1`, X's
    `Wed Oct 10 ...` dates, `"author": {"handle": ...}`) is read by the generic reader,
    which converts.
    """
    if not record.keys() <= POST_FIELDS:
        return False
    if any(key in record and not isinstance(record[key], str) for key in _TEXT_FIELDS):
        return False
    if any(record.get(key) is not None and not isinstance(record[key], str)
           for key in _OPTIONAL_TEXT_FIELDS):
        return False
    if any(record.get(key) is not None and not isinstance(record[key], list)
           for key in _LIST_FIELDS):
        return False
    if record.get("metrics") is not None and not isinstance(record["metrics"], dict):
        return False
    if "created_at" in record:
        created = record["created_at"]
        if not isinstance(created, str):
            return False
        try:
            datetime.fromisoformat(created.strip())
        except ValueError:
            return False
    return True


def valid_platform(value: str, name: str | None = None) -> str:
    """`value` if it names a platform the models know, else an InputError."""
    if value not in PLATFORMS:
        raise InputError(f"unknown platform {value!r} (one of {', '.join(PLATFORMS)})", path=name)
    return value


def most_common(values: list[str]) -> str | None:
    """The most frequent non-empty value (first seen wins a tie), for account names."""
    counts = Counter(values)  # counts in C: 100,000 posts in milliseconds
    counts.pop("", None)
    return counts.most_common(1)[0][0] if counts else None


Reader = Callable[[bytes, str, Options], Parsed]
