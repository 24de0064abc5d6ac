"""Small text helpers shared by models, importers and checks: entities and normal forms.

Pure functions, compiled patterns, no I/O.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

# Links as people paste them: with a scheme, or a bare www. host.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'{}|\\^`\u2026]+", re.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?)]}'\"\u2019\u201d"
# @user, @user@server (Mastodon) and @handle.bsky.social (Bluesky); not e-mail addresses.
_MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]+(?:[.@][A-Za-z0-9_-]+)*)")
_HASHTAG = re.compile(r"(?<![\w&#/])#(\w*[^\W\d]\w*)")
_WHITESPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/h\d)\s*/?>", re.IGNORECASE)


def extract_urls(text: str) -> list[str]:
    """Return the links in `text`, without trailing sentence punctuation."""
    if "http" not in text and "www." not in text:
        return []
    return [m.group(0).rstrip(_TRAILING_PUNCT) for m in _URL.finditer(text)]


def extract_mentions(text: str) -> list[str]:
    """Return the accounts tagged in `text` as written, with the leading @."""
    if "@" not in text:
        return []
    return ["@" + m.group(1).rstrip(".") for m in _MENTION.finditer(text)]


def extract_hashtags(text: str) -> list[str]:
    """Return the hashtags in `text`, without the leading #."""
    if "#" not in text:
        return []
    return [m.group(1) for m in _HASHTAG.finditer(text)]


def strip_urls(text: str) -> str:
    """`text` with its links removed, for checks that read the words."""
    return _URL.sub(" ", text)


def normalise(text: str) -> str:
    """Lower case, links, mentions and extra spaces removed: the form compared for repeats."""
    text = strip_urls(text).casefold()
    text = _MENTION.sub(" ", text)
    return _WHITESPACE.sub(" ", text).strip()


def canonical_url(url: str) -> str:
    """A link reduced to what identifies the page: host without www, path, no tracking."""
    if not url.lower().startswith(("http://", "https://")):
        url = "https://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = "&".join(
        q for q in parts.query.split("&") if q and not q.lower().startswith(("utm_", "fbclid", "gclid"))
    )
    return f"{host}{path}" + (f"?{query}" if query else "")


def url_host(url: str) -> str:
    """The host of a link, lower case, without www."""
    return canonical_url(url).split("/", 1)[0].split("?", 1)[0]


def html_to_text(markup: str) -> str:
    """Plain text from the small HTML that Mastodon and blogs put in posts."""
    markup = _BLOCK_TAG.sub("\n", markup)
    return html.unescape(_TAG.sub("", markup)).strip()
