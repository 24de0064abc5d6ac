"""Hootsuite bulk-composer CSV: headerless `YYYY-MM-DD HH:MM:SS,message,link` rows.

The file names no network and no account; times have no zone (`Options.tz`, UTC default).
Ids are `<file stem>:<line>` because the format has none and identical rows are real posts.
"""

from __future__ import annotations

from pathlib import PurePath

from assistant.errors import InputError
from assistant.models import Post
from assistant.text import extract_urls, holds_link

from ._common import Options, Parsed, entry, make_post
from ._kinds import is_retweet_text
from ._tabular import parse_time, records

_QUOTE_HINT = 'a message that holds commas must be quoted ("like, this")'


def _clip(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[:limit] + "..."


def parse_hootsuite(data: bytes | str, name: str, options: Options | None = None) -> list[Post]:
    """Posts from a bulk-composer file, each as it goes out: a link column not already in
    the message ends it, as Hootsuite adds it."""
    options = options or Options()
    stem = PurePath(name).stem or name
    posts: list[Post] = []
    for line, row in records(data, name):
        if len(row) < 2 or len(row) > 3:
            hint = f"; {_QUOTE_HINT}" if len(row) > 3 else ""
            raise InputError(f"expected date,message[,link] but found {len(row)} columns"
                             f"{hint}", path=name, line=line)
        when, message = row[0], row[1]
        link = row[2].strip() if len(row) == 3 else ""
        if link and (any(space.isspace() for space in link) or not extract_urls(link)):
            # Not a link (none holds a space): the rest of a message cut at a comma.
            raise InputError(f"the link column holds {_clip(link)!r}, which is not a link; "
                             f"{_QUOTE_HINT}", path=name, line=line)
        what = "row"
        with entry(name, what, line):
            created_at = parse_time(when, options.tz)
        # "RT @user: ..." is someone else's words passed on: a repost, not the account's.
        kind = "repost" if is_retweet_text(message) else "post"
        if link and not holds_link(message, link):
            # Hootsuite adds the link column to the end of the message when it posts: the
            # post is what goes out, so X counts that link too.
            message = f"{message} {link}" if message else link
        posts.append(make_post({"id": f"{stem}:{line}", "created_at": created_at, "text": message,
                                "kind": kind}, name, what, line))
    return posts


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point; nothing in the file names the account."""
    return Parsed(parse_hootsuite(data, name, options), account=None, platform="x", planned=True)
