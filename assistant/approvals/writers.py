"""Approved posts in a scheduler's own bulk-upload format.

- buffer: Buffer's import template `Text,Image URL,Tags,Posting Time`, times `M/D/YYYY HH:MM`
  as in Buffer's own template (UTF-8, no BOM). Buffer has no column for alt text.
- hootsuite: the bulk composer's headerless `YYYY-MM-DD HH:MM:SS,message,link` rows. The
  composer has no image column; it adds the link column to the end of the message, so
  that column holds only a link the text does not (else the post would carry it twice).
- jsonl: the canonical post format (DESIGN.md), one post per line, ids are queue ids; the
  only one that keeps everything (platform, media, alt text).
Times are written in `tz` (the zone the scheduler's profile uses), UTC by default. Every
writer's output reads back through our own importers to the same posts.

Buffer and Hootsuite files are bulk schedules: every row is published as a public post of
its own on the profile the file is uploaded to. A DM, a reply or a repost cannot be such a
row (`unfit`); a quote can (its words are the profile's own, the quoted post a link).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import UTC, tzinfo

from assistant.models import Post
from assistant.text import holds_link

FORMATS = ("buffer", "hootsuite", "jsonl")
BULK = ("buffer", "hootsuite")  # every row a public post on one profile


# What a bulk schedule cannot hold, by kind: (one, several, why not).
_NOT_A_ROW = {
    "dm": ("a DM", "DMs", "every row of a {fmt} file is published as a public post to the "
                          "profile's followers"),
    "reply": ("a reply", "replies", "a {fmt} file cannot say what a row answers, so it would "
                                    "go out as a standalone public post"),
    "repost": ("a repost", "reposts", "a {fmt} file cannot repost, so it would go out as a "
                                      "post of the profile's own"),
}


def unfit(fmt: str, post: Post) -> tuple[str, str, str] | None:
    """Why `post` cannot be a row of a `fmt` file, as (what it is, what several are, why
    not); None when it can."""
    if fmt not in BULK or post.kind not in _NOT_A_ROW:
        return None
    one, several, why = _NOT_A_ROW[post.kind]
    return one, several, why.format(fmt=fmt)


def _local(post: Post, tz: tzinfo):
    return post.created_at.astimezone(tz)


def buffer_csv(posts: Sequence[Post], tz: tzinfo = UTC) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Text", "Image URL", "Tags", "Posting Time"])
    for post in posts:
        when = _local(post, tz)
        image = next((m.url for m in post.media if m.type == "image" and m.url), "")
        writer.writerow([post.text, image, "",
                         f"{when.month}/{when.day}/{when.year} {when:%H:%M}"])
    return out.getvalue()


def hootsuite_csv(posts: Sequence[Post], tz: tzinfo = UTC) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    for post in posts:
        link = next((url for url in post.urls if not holds_link(post.text, url)), "")
        writer.writerow([f"{_local(post, tz):%Y-%m-%d %H:%M:%S}", post.text, link])
    return out.getvalue()


def jsonl(posts: Sequence[Post], tz: tzinfo = UTC) -> str:
    return "".join(post.model_dump_json() + "\n" for post in posts)


def write(fmt: str, posts: Sequence[Post], tz: tzinfo = UTC) -> str:
    """The file's text in `fmt` (one of FORMATS)."""
    return {"buffer": buffer_csv, "hootsuite": hootsuite_csv, "jsonl": jsonl}[fmt](posts, tz)
