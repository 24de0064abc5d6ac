"""Blog feeds: RSS 2.0, RSS 1.0 and Atom, through feedparser (imported only when used).

Each entry becomes a `blog` post whose text is the plain text of the full content when the
feed carries it, else of the summary. An entry without a date takes the feed's own date
(channel `pubDate`/`lastBuildDate`, Atom `updated`); a feed with neither is an error,
because a made-up date would mislead every cadence check.
"""

from __future__ import annotations

import io
import time
from datetime import datetime
from typing import Any

from assistant.errors import InputError
from assistant.models import Post
from assistant.text import html_to_text

from ._common import UTC, Options, Parsed, entry, make_post, require_content


def parse_rss(data: bytes | str, name: str) -> list[Post]:
    """Posts from an RSS or Atom document (bytes as fetched; the XML declares its encoding)."""
    return [post for post in _read(data, name).posts if isinstance(post, Post)]  # all are


def _read(data: bytes | str, name: str) -> Parsed:
    import feedparser  # heavy: only when a feed is actually read

    raw = data.encode("utf-8") if isinstance(data, str) else data
    require_content(raw, name)
    # Three real feeds start with a newline before <?xml, which strict XML rejects.
    raw = raw.removeprefix(b"\xef\xbb\xbf").lstrip()
    # A file object, never a string: feedparser treats strings as URLs or paths to open.
    parsed = feedparser.parse(io.BytesIO(raw))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        line = problem.getLineNumber() if hasattr(problem, "getLineNumber") else None
        reason = f" ({problem.getMessage()})" if hasattr(problem, "getMessage") else ""
        raise InputError(f"not an RSS or Atom feed{reason}", path=name, line=line)
    feed = parsed.feed
    title = str(feed.get("title") or "").strip() or None
    fallback = _moment(feed.get("published_parsed") or feed.get("updated_parsed"))
    posts = [_post(item, name, index, title, fallback)
             for index, item in enumerate(parsed.entries, start=1)]
    # Entry authors are bylines of one blog, not accounts of their own.
    return Parsed(posts, account=title, platform="blog", owner_only=True)


def _post(item: Any, name: str, index: int, feed_title: str | None,
          fallback: datetime | None) -> Post:
    """One entry as a blog post."""
    link = str(item.get("link") or "")
    what = f"entry {index} ({item.get('title') or link or 'untitled'})"
    with entry(name, what):
        created_at = _moment(item.get("published_parsed") or item.get("updated_parsed"))
        if created_at is None:
            created_at = fallback
        if created_at is None:
            raise ValueError("no published or updated date, and the feed has no date either")
        contents = item.get("content") or []
        body = contents[0].get("value", "") if contents else item.get("summary", "")
        fields = {
            "id": str(item.get("id") or link or f"{name}#{index}"),
            "platform": "blog",
            "kind": "post",
            "author": str(item.get("author") or feed_title or ""),
            "created_at": created_at,
            "title": str(item.get("title") or "") or None,
            "text": html_to_text(str(body or "")),
            "urls": [link] if link else [],
        }
    return make_post(fields, name, what)


def _moment(parsed: time.struct_time | None) -> datetime | None:
    """feedparser's parsed dates are UTC `struct_time`s."""
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC)


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point; the account is the feed's title."""
    return _read(data, name)
