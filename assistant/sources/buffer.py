"""Buffer bulk-upload CSV, in the layouts seen in real files.

- `Text,Image URL,Tags,Posting Time` (Buffer's template; `M/D/YYYY HH:MM` or ISO times)
- `Text,Scheduled Date,Scheduled Time,Profile` (Profile names the network)

Rows without a time are drafts that Buffer will schedule later. They still deserve a
review, so they import with `created_at = UNDATED` (1970-01-01T00:00Z, the same for all,
kept in file order) rather than an invented time; feed rules can recognise and skip them.
Times have no zone: `Options.tz` (UTC by default).
"""

from __future__ import annotations

from pathlib import PurePath

from assistant.errors import InputError
from assistant.models import Post

from ._common import UNDATED, Options, Parsed, entry, make_post, most_common
from ._kinds import is_retweet_text
from ._tabular import cell, header_index, parse_time, platform_named, table


def parse_buffer(data: bytes | str, name: str, options: Options | None = None) -> list[Post]:
    """Posts from a Buffer CSV; the Profile column, when it names a network, sets the platform."""
    options = options or Options()
    stem = PurePath(name).stem or name
    header_line, header, rows = table(data, name)
    columns = header_index(header)
    if "text" not in columns:
        raise InputError(f"missing column 'Text' (columns: {', '.join(header)})", path=name,
                         line=header_line)
    text_at = columns["text"]
    posts: list[Post] = []
    for line, row in rows:
        what = "row"
        with entry(name, what, line):
            when = cell(row, columns.get("posting time"))
            if not when:
                when = " ".join(filter(None, (cell(row, columns.get("scheduled date")),
                                              cell(row, columns.get("scheduled time")))))
            created_at = parse_time(when, options.tz) if when else UNDATED
        text = row[text_at] if text_at < len(row) else ""
        profile = cell(row, columns.get("profile"))
        image = cell(row, columns.get("image url"))
        fields = {
            "id": f"{stem}:{line}",
            "platform": platform_named(profile) or "x",
            "created_at": created_at,
            "text": text,
            "kind": "repost" if is_retweet_text(text) else "post",  # someone else's words
            "media": [{"type": "image", "url": image, "alt": None}] if image else [],
        }
        posts.append(make_post(fields, name, what, line))
    return posts


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point; the platform is the one most rows are for."""
    posts = parse_buffer(data, name, options)
    return Parsed(posts, account=None, platform=most_common([p.platform for p in posts]) or "x",
                  planned=True)
