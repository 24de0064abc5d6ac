"""Signals several rules share: is a post promoting the author's own things?

Kept in one place so `sales-pitch` (one post) and `self-promo-ratio` (a feed) agree.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from assistant.models import Post
from assistant.text import url_host

# Direct-response and offer language. Tolerant of wording: the patterns read phrases,
# not single keywords, so "shares fell 3%" or "a limited edition of the report" stay quiet.
_PROMO = regex.compile(
    r"""
    \b(?:buy|order|shop|grab|get)\s+(?:it\s+|yours\s+|one\s+|them\s+)?(?:now|today|here)\b
  | \blimited[-\s](?:time|offer|spots?|seats?|places?|availability)\b
  | \b\d{1,3}\s?%\s?off\b | \bsave\s+\d{1,3}\s?%
  | \b(?:book|schedule|grab|hop\s+on)\s+(?:a|your|an?\s+intro|a\s+free|a\s+quick)?\s*
      (?:call|demo|consultation|strategy\s+session|meeting)\b
  | \b(?:dm|message|inbox|pm)\s+(?:me|us)\s+(?:for|to\s+get|about)\s+(?:pricing|prices|rates|a\s+quote|details|the\s+offer)
  | \bguarantee[sd]?\s+(?:results|roi|growth|leads|sales|\d)
  | \b(?:sign\s+up|register|subscribe|enrol|enroll)\s+(?:now|today|here)\b
  | \b(?:discount|promo|coupon)\s+code\b
  | \bfree\s+(?:trial|consultation|audit|quote)\b
  | \b(?:last|final)\s+chance\b | \bdon'?t\s+miss\s+(?:out|this)\b
  | \b(?:only|just)\s+\$?\d+(?:\.\d\d)?\s*(?:\$|usd|eur|€|£)?\s+(?:left|today|this\s+week)\b
  | \bcheck\s+out\s+(?:our|my)\s+(?:new|latest)\b
  | \b(?:our|my)\s+(?:new|latest)\s+(?:blog\s+)?(?:post|article|episode|video|course|ebook|e-book|product|offer|webinar)\b
    """,
    regex.IGNORECASE | regex.VERBOSE,
)


def promotional_phrase(text: str) -> str | None:
    """The first promotional phrase in `text`, or None."""
    match = _PROMO.search(text)
    return match.group(0) if match else None


def links_to(post: Post, domains: Iterable[str]) -> str | None:
    """The first link of `post` whose host is one of `domains` (or a subdomain), or None."""
    wanted = tuple(d.lower().removeprefix("www.") for d in domains)
    if not wanted:
        return None
    for url in post.urls:
        host = url_host(url)
        if any(host == d or host.endswith("." + d) for d in wanted):
            return url
    return None


def self_promotes(post: Post, own_domains: Iterable[str]) -> bool:
    """True when a post pushes the owner's own content or offers."""
    return bool(links_to(post, own_domains) or promotional_phrase(post.text))
