"""Canonical JSON Lines: one `Post` per line, as DESIGN.md defines it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from assistant.errors import InputError
from assistant.models import Post

from ._common import MAX_TEXT, Options, Parsed, decode, describe, most_common, require_content

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


def parse_jsonl(data: bytes | str, name: str) -> list[Post]:
    """Posts from canonical JSON Lines; blank lines are skipped, errors name the line."""
    text = decode(data, name)
    require_content(text, name)
    posts: list[Post] = []
    validate = Post.model_validate
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
            post = validate(value)
        except ValueError as exc:  # pydantic's ValidationError
            raise InputError(f"invalid post: {describe(exc)}", path=name, line=number) from None
        if len(post.text) > MAX_TEXT or len(post.title or "") > MAX_TEXT:
            raise InputError(f"text longer than {MAX_TEXT:,} characters", path=name, line=number)
        posts.append(post)
    return posts


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
    posts = parse_jsonl(data, name)
    platform = most_common([p.platform for p in posts]) or "x"
    return Parsed(posts, account=most_common([p.author for p in posts]), platform=platform)
