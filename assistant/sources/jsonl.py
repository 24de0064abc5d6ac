"""Canonical JSON Lines: one `Post` per line, as DESIGN.md defines it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any, BinaryIO

from assistant.errors import InputError
from assistant.models import Post, PostRecord

from ._common import MAX_TEXT, Options, Parsed, decode, describe, most_common, require_content
from ._fastpost import fast_post

# One line and its break, with the breaks str.splitlines knows (a JSON string may hold
# U+2028 or U+0085 raw, so line numbers must count them as splitlines always has).
_LINE = re.compile(r"([^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*)"
                   r"(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])?")


def lines_of(text: str) -> Iterator[str]:
    """`text.splitlines()` one line at a time: a million-post file never exists twice over
    as a list of lines (about 330 MB)."""
    for match in _LINE.finditer(text):
        if not match.group():  # the empty match after the last line
            return
        yield match.group(1)


def _fast_loads() -> Callable[[str], Any]:
    """orjson when installed (about 5x faster); json's own errors are the ones reported."""
    try:
        import orjson
    except ImportError:
        return json.loads
    return orjson.loads


def parse_jsonl(data: bytes | str, name: str) -> list[Post | PostRecord]:
    """Posts from canonical JSON Lines; blank lines are skipped, errors name the line.

    A line whose values are already what `Post` accepts unchanged becomes a slim
    `PostRecord`; any other line is validated by `Post` itself, so every error message
    (and every conversion `Post` makes) stays the model's.
    """
    if isinstance(data, bytes):
        clean = _parse_bytes(data)
        if clean is not None:
            return clean
    text = decode(data, name)
    require_content(text, name)
    posts: list[Post | PostRecord] = []
    loads = _fast_loads()
    for number, line in enumerate(lines_of(text), start=1):
        if not line.strip():
            continue
        try:
            value = loads(line)
        except ValueError:  # orjson is stricter (NaN, huge ints) and words errors its own way
            value = _json_loads(line, name, number)
        if not isinstance(value, dict):
            raise InputError(f"expected a JSON object (a post), got {type(value).__name__}",
                             path=name, line=number)
        try:
            post = _post_of(value)
        except ValueError as exc:  # pydantic's ValidationError
            raise InputError(f"invalid post: {describe(exc)}", path=name, line=number) from None
        if len(post.text) > MAX_TEXT or len(post.title or "") > MAX_TEXT:
            raise InputError(f"text longer than {MAX_TEXT:,} characters", path=name, line=number)
        posts.append(post)
    return posts


# Line breaks other than \n that str.splitlines honours, as UTF-8 (with \r: so \r\n),
# and that JSON lets through raw: a raw \x0b, \x0c or \x1c-\x1e is refused by the JSON
# parser, which sends the file the careful way all the same, so they need no scan here.
_OTHER_BREAKS = (b"\r", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


def _post_of(value: dict[str, Any]) -> Post | PostRecord:
    """A record when `value` is written exactly the canonical way, else the validated model
    (a ValueError, pydantic's, when it is not a post)."""
    return fast_post(value) or Post.model_validate(value)


def _dict_post(line: bytes, loads: Callable[[bytes], Any]) -> Post | PostRecord | None:
    """`_post_of` the line read as a dict; None for anything that is not a post."""
    try:
        value = loads(line)
        return _post_of(value) if type(value) is dict else None
    except ValueError:
        return None


def _parse_bytes(data: bytes) -> list[Post | PostRecord] | None:
    """The posts of a file that is clean from end to end, read straight from its bytes
    (never decoded whole: for a million posts that copy alone is ~300 MB); None when any
    line is not, and the text is then read the careful way, which words the error.

    orjson refuses invalid UTF-8 and lone surrogate escapes, which `decode` checks.
    """
    return _parse_blocks([data])


def _parse_blocks(blocks: Iterable[bytes]) -> list[Post | PostRecord] | None:
    """`_parse_bytes` of the file the blocks make up, each block whole lines (so a line
    break of several bytes is never split between two blocks)."""
    try:
        posts = [post for part in record_blocks(blocks) for post in part]
    except Unclean:
        return None
    return posts or None


class Unclean(Exception):
    """A line `record_blocks` cannot take as it is: the file is read the careful way, which
    words any error."""


def record_blocks(blocks: Iterable[bytes], only: Collection[str] | None = None) -> Iterator[list[Post | PostRecord]]:
    """The posts of each block of whole lines, as they are read; `Unclean` at the first line
    that is not written the canonical way (or when orjson is not installed). With `only`, the
    posts of those ids alone: the others' lines are read for their id, not made posts (a
    reading again of a file read whole before, for a finding's posts)."""
    try:
        import orjson
    except ImportError:
        raise Unclean from None
    from ._linepost import line_id, line_post, may_round

    loads = orjson.loads
    first = True
    for data in blocks:
        # Each break's last byte first (memchr, ~40x faster than the whole sequence): in
        # English text none of them occurs at all.
        if any(brk[-1:] in data and brk in data for brk in _OTHER_BREAKS):
            raise Unclean
        start = 3 if first and data.startswith(b"\xef\xbb\xbf") else 0
        first = False
        end = len(data)
        typed = not may_round(data)
        posts: list[Post | PostRecord] = []
        while start < end:
            stop = data.find(b"\n", start)
            if stop < 0:
                stop = end
            line = data[start:stop]
            start = stop + 1
            if not line.strip():
                continue
            if only is not None and (ident := line_id(line)) is not None and ident not in only:
                continue
            # What msgspec refuses may still be a post: the dict way decides.
            post = (line_post(line) if typed else None) or _dict_post(line, loads)
            if post is None:
                raise Unclean
            if len(post.text) > MAX_TEXT or len(post.title or "") > MAX_TEXT:
                raise Unclean
            posts.append(post)
        yield posts


# Bytes read at a time from a JSON Lines file: its lines are parsed as they come, so the
# file never exists whole in memory (~290 MB for a million posts).
_BLOCK = 1 << 20


def read_size() -> int:
    """Bytes `byte_blocks` reads at a time."""
    return _BLOCK


def byte_blocks(stream: BinaryIO) -> Iterator[bytes]:
    """The stream's bytes in blocks of whole lines (the last may lack its line break)."""
    rest = b""
    while chunk := stream.read(_BLOCK):
        cut = chunk.rfind(b"\n")
        if cut < 0:
            rest += chunk
            continue
        yield rest + chunk[: cut + 1]
        rest = chunk[cut + 1 :]
    if rest:
        yield rest


def read_stream(stream: BinaryIO, name: str) -> Parsed | None:
    """`read` of a file that is clean from end to end, read a block at a time; None
    otherwise (the caller then reads it whole, the careful way, which words the error)."""
    posts = _parse_blocks(byte_blocks(stream))
    return None if posts is None else _parsed(posts)


def _json_loads(line: str, name: str, number: int) -> Any:
    """The line as the standard library reads it, its errors naming the file and line."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=name,
                         line=number) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"invalid JSON: {describe(exc)}", path=name, line=number) from None


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point: posts plus the account name most of them carry."""
    return _parsed(parse_jsonl(data, name))


def _parsed(posts: list[Post | PostRecord]) -> Parsed:
    """The posts, with the account and platform most of them name."""
    platform = most_common([p.platform for p in posts]) or "x"
    return Parsed(posts, account=most_common([p.author for p in posts]), platform=platform)
