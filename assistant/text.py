"""Small text helpers shared by models, importers and checks: entities and normal forms.

Pure functions, compiled patterns, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

# Links as people paste them: with a scheme, or a bare www. host, in any case. Spelled
# without IGNORECASE, and led by one character class, so the engine skips to the next h or
# w instead of trying every position (~2.5x faster); "\u017f" (long s) is the one other
# letter IGNORECASE would let stand for "s".
_URL = re.compile(r"[hHwW](?:(?<=[hH])[tT][tT][pP][sS\u017f]?://|(?<=[wW])[wW][wW]\.)[^\s<>\"'{}|\\^`\u2026]+")
# Bare domains ("goalachieverpro.com/pricing") only with common lower-case TLDs, so
# "Node.js", "ASP.NET" or "e.g." are not read as links.
_BARE_DOMAIN = re.compile(
    r"(?<![@\w.\-/])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|org|net|io|co|app|dev|ai|info|biz|me|tv|uk|us|ca|au|de|fr|es|it|nl|eu|ie|in|jp|nz)"
    r"(?:/[^\s<>\"'{}|\\^`\u2026]*)?(?![\w\-@])"
)
# Only ever tested for a match, never read: starting at the dot lets the engine jump from
# one dot to the next (~5x faster than trying every letter).
_TLD_HINT = re.compile(r"\.(?<=[a-z0-9]\.)(?:com|org|net|io|co|app|dev|ai|info|biz|me|tv|uk|us|ca|au|de|fr|es|it|nl|eu|ie|in|jp|nz)\b")
_TRAILING_PUNCT = ".,;:!?)]}'\"\u2019\u201d"
# @user, @user@server (Mastodon) and @handle.bsky.social (Bluesky); not e-mail addresses.
# The look-behinds come after the literal @ or # so the engine can jump from one @ or #
# to the next instead of testing every position (about 2x faster on long posts).
_MENTION = re.compile(r"@(?<![\w@.]@)([A-Za-z0-9_]+(?:[.@][A-Za-z0-9_-]+)*)")
_HASHTAG = re.compile(r"#(?<![\w&#/]#)(\w*[^\W\d]\w*)")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/h\d)\s*/?>", re.IGNORECASE)


def _may_have_scheme(text: str) -> bool:
    # Substring tests are ~40x cheaper than scanning with the case-insensitive pattern.
    return "http" in text or "www." in text or "HTTP" in text or "WWW." in text


def extract_urls(text: str) -> list[str]:
    """Return the links in `text` (with a scheme, www. or a bare common domain), trimmed."""
    if "." not in text:
        return []
    urls = []
    rest = text
    if _may_have_scheme(text):
        found = list(_URL.finditer(text))
        if found:
            urls = [m.group(0).rstrip(_TRAILING_PUNCT) for m in found]
            rest = _blanked(text, found)
    if _TLD_HINT.search(rest):  # cheap test first: most posts have no bare domain
        urls += [m.group(0).rstrip(_TRAILING_PUNCT) for m in _BARE_DOMAIN.finditer(rest)]
    return urls


def _blanked(text: str, found: list[re.Match[str]]) -> str:
    """`text` with each match found in it replaced by a space: `sub(" ", text)` without
    scanning the text a second time."""
    pieces, start = [], 0
    for match in found:
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return " ".join(pieces)


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
    if _may_have_scheme(text):
        text = _URL.sub(" ", text)
    return _BARE_DOMAIN.sub(" ", text) if _TLD_HINT.search(text) else text


def normalise(text: str) -> str:
    """Lower case, links, mentions and extra spaces removed: the form compared for repeats.

    Runs once per post in an audit, so each regex only runs when its trigger is present;
    str.split collapses the same Unicode whitespace as `\\s`.
    """
    lowered = strip_urls(text).casefold() if "." in text else text.casefold()
    if "@" in lowered:
        lowered = _MENTION.sub(" ", lowered)
    return " ".join(lowered.split())


# A link urlsplit would read no differently than this: an http(s) scheme or none, a host
# of letters, digits, dots and hyphens (no user, port or brackets), then printable ASCII.
_PLAIN_URL = re.compile(r"(?:[hH][tT][tT][pP][sS]?://)?([A-Za-z0-9.\-]+)([/?#][!-~]*)?")
_TRACKING = ("utm_", "fbclid", "gclid")


@lru_cache(maxsize=8192)  # feeds repeat their links; urlsplit is the slow part
def canonical_url(url: str) -> str:
    """A link reduced to what identifies the page: host without www, path, no tracking."""
    plain = _PLAIN_URL.fullmatch(url)
    if plain is not None:  # most links: split by hand, ~2.5x cheaper than urlsplit
        host, rest = plain.groups()
        path, _, query = (rest or "").partition("#")[0].partition("?")
    else:
        if not url.lower().startswith(("http://", "https://")):
            url = "https://" + url
        parts = urlsplit(url)
        host, path, query = parts.hostname or "", parts.path, parts.query
    host = host.lower().removeprefix("www.")
    path = path.rstrip("/")
    query = "&".join(q for q in query.split("&") if q and not q.lower().startswith(_TRACKING))
    return f"{host}{path}" + (f"?{query}" if query else "")


def url_host(url: str) -> str:
    """The host of a link, lower case, without www."""
    return canonical_url(url).split("/", 1)[0].split("?", 1)[0]


def own_domains(*groups: Iterable[str]) -> frozenset[str]:
    """Domains as the rules compare them: lower case, without a leading `www.`, blanks left
    out. The one normal form of an own domain, from the config, the command line or a rule."""
    return frozenset(d.strip().lower().removeprefix("www.") for group in groups for d in group
                     if d.strip())


def on_domain(host: str, domains: Iterable[str]) -> bool:
    """True when `host` (lower case, without `www.`) is one of `domains` or a subdomain of
    one; `domains` in the normal form of `own_domains`."""
    return any(host == d or host.endswith("." + d) for d in domains)


def html_to_text(markup: str) -> str:
    """Plain text from the small HTML that Mastodon and blogs put in posts."""
    import html  # its entity table costs a review 1.5 ms of start-up; only feeds need it

    markup = _BLOCK_TAG.sub("\n", markup)
    return html.unescape(_TAG.sub("", markup)).strip()


# A CSI sequence, an OSC one with its terminator (BEL or ST; its body printable, so one left
# open, say by a clipped post, takes nothing after it), or any other ESC and the one
# character after it. Whatever is left of an unterminated sequence is plain text once its
# ESC is gone. Then the characters: lone surrogates too, as one from a command line's
# undecodable byte goes back out as that byte (surrogateescape), and bytes 0x80-0x9f are
# the C1 controls on an 8-bit terminal. Patterns as text, compiled (~1.5 ms) on first use.
_ESCAPE_SEQUENCE = (r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x00-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)"
                    r"|\x1b[@-Z\\-_]")
_UNSAFE_CHARACTER = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


# scheme://userinfo@ : the userinfo ends at the last "@" before the host (a password may
# hold "@" unescaped), and never spans a "/", white space, a query or a quote. As text,
# compiled on first use (`re` caches it): a review never needs it.
_USERINFO = r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s?#\"'<>,]*@"


def without_credentials(text: str) -> str:
    """`text` with the user and password of every URL in it replaced by "***" (for logs
    and error lines: a Redis or model URL may carry them)."""
    return re.sub(_USERINFO, r"\1***@", text)


def terminal_safe(text: str) -> str:
    """`text` safe to print on a terminal: ANSI/OSC escape sequences removed, then every
    other C0/C1 control character (tab and newline kept), the bidi overrides that can make
    a line read differently than it is, and lone surrogates. For untrusted text echoed on a
    terminal."""
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text  # most text: no control or format character, nothing to remove
    return re.sub(_UNSAFE_CHARACTER, "", re.sub(_ESCAPE_SEQUENCE, "", text))


def count(n: float, noun: str, plural: str | None = None) -> str:
    """ "1 reply", "2 replies", "0 posts", "1.5 hours": the number with its noun agreeing."""
    if n == 1:
        return f"{n:g} {noun}"
    if plural is None:
        plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return f"{n:g} {plural}"


def span_of_days(days: float) -> str:
    """ "less than a day", "1 day", "73 days": a period people read without a zero in it."""
    return "less than a day" if days < 1 else count(round(days), "day")
