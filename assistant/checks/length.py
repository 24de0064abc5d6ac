"""Post length counted the way each platform counts it.

Platforms do not count characters the same way: X weighs code points and counts every
link as 23 (twitter-text v3), Bluesky and Mastodon count grapheme clusters, Bluesky also
caps UTF-8 bytes. `measure` returns the number the platform would compare with its
limit, so a finding can say "312/280 weighted characters" and be right.

On X only part of a published post counts (`x_counted_text`): not the @mentions that
open a reply, nor the link X appends for attached media or a quoted post.

Pure functions over compiled patterns; no twitter-text import at run time (it takes
about 0.6 s to import). tests/checks/test_x_conformance.py runs twitter-text's own
conformance cases; tests/checks/test_length.py compares `x_weighted_length` with the
twitter-text-parser package as an oracle and lists the known disagreements.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urlsplit

from assistant.checks.signals import Lazy
from assistant.checks.x_links import x_links
from assistant.text import LazyRe

# Hard limits; `None` means the platform has none worth checking (blogs).
HARD_LIMITS: dict[str, int | None] = {
    "x": 280,
    "bluesky": 300,
    "mastodon": 500,
    "threads": 500,
    "linkedin": 3000,
    "instagram": 2200,
    "facebook": 63206,
    "blog": None,
}
BLUESKY_MAX_BYTES = 3000
THREADS_MAX_LINKS = 5
URL_WEIGHT = 23  # X and Mastodon count every link as 23, whatever its length

# Names as a person writes them.
PLATFORM_NAMES: dict[str, str] = {
    "x": "X",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "threads": "Threads",
    "linkedin": "LinkedIn",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "blog": "the blog",
}
# Units as a person reads them in a finding ("312/280 weighted characters").
UNITS: dict[str, str] = {
    "x": "weighted characters",
    "bluesky": "graphemes",
    "mastodon": "characters",
    "threads": "characters",
    "linkedin": "characters",
    "instagram": "characters",
    "facebook": "characters",
    "blog": "characters",
}

# twitter-text v3: code points in U+0000-10FF, U+2000-200D, U+2010-201F and U+2032-2037
# weigh 1, everything else 2. This matches the heavy ones (compiled when a text beyond ASCII
# first needs it: a class of ranges this wide costs ~1.3 ms to compile).
_HEAVY = LazyRe("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")

# Links as Mastodon sees them: only with a scheme.
_SCHEME_URL = re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:!?'\")\]]", re.IGNORECASE)
# Mastodon counts a remote mention @user@server as @user.
_REMOTE_MENTION_DOMAIN = Lazy(r"(?<![\w@])(@\w+)@[\w.-]+\w")

# One emoji as twitter-text (twemoji) counts it: flags, keycaps, a pictograph with its
# presentation selector, skin tone, tag sequence and ZWJ-joined parts. © and ® are emoji
# only with the emoji presentation selector (U+FE0F): bare, they are text and weigh 1.
_EMOJI = Lazy(
    r"""
    \p{RI}\p{RI}
  | [0-9#*]\uFE0F?\u20E3
  | (?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}|[\u00A9\u00AE]\uFE0F
     |(?![\u00A9\u00AE])\p{Extended_Pictographic}\uFE0F?)
    [\U000E0020-\U000E007E]*\U000E007F?
    (?:\u200D(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}|\p{Extended_Pictographic}\uFE0F?))*
  | \p{Emoji_Modifier}
    """,
    re.VERBOSE,
)
_GRAPHEME = Lazy(r"\X")
_X_INVALID = re.compile("[\ufffe\ufeff\uffff]")
_LINE_ENDINGS = Lazy(r"\r\n|\r")


@dataclass(frozen=True, slots=True)
class Length:
    """How long a post is for one platform, and the limits it is measured against."""

    platform: str
    count: int
    limit: int | None
    unit: str
    byte_count: int = 0
    byte_limit: int | None = None
    links: int = 0
    link_limit: int | None = None

    @property
    def over_limit(self) -> bool:
        """True when the platform would reject or truncate the post."""
        return bool(
            (self.limit is not None and self.count > self.limit)
            or (self.byte_limit is not None and self.byte_count > self.byte_limit)
            or (self.link_limit is not None and self.links > self.link_limit)
        )


def _weigh_plain(text: str) -> int:
    """twitter-text weight of text without links: emoji sequences 2, code points 1 or 2.

    Every code point weighs 1 plus 1 if it is outside the light ranges; an emoji sequence
    then replaces the sum of its code points with 2. Emoji hold a heavy code point (© and
    ®, the only pictographs below U+10FF, count as emoji only with U+FE0F, itself heavy),
    so text with no heavy code point skips the emoji scan.
    """
    if text.isascii():
        return len(text)
    heavy = len(_HEAVY.compiled.findall(text))
    total = len(text) + heavy
    if heavy:
        for match in _EMOJI.finditer(text):
            emoji = match.group()
            total += 2 - len(emoji) - len(_HEAVY.compiled.findall(emoji))
    return total


def x_weighted_length(text: str) -> int:
    """The length X compares with 280: twitter-text v3 weighting (NFC, links 23, emoji 2).

    An emoji sequence never runs into a link, so the weight of the text with each link
    counted as 23 is the weight of the whole text minus the links' own weight plus 23 each.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = _LINE_ENDINGS.sub("\n", text)
    total = _weigh_plain(text)
    for url in x_links(text):
        total += URL_WEIGHT - _weigh_plain(url)
    return total


def x_valid(text: str) -> bool:
    """Whether X would accept `text`: 1 to 280 weighted characters, no U+FFFE, U+FEFF, U+FFFF."""
    return 0 < x_weighted_length(text) <= HARD_LIMITS["x"] and not _X_INVALID.search(text)


# The @mentions X fills in when one replies: they open the text and are not counted.
_REPLY_MENTIONS = re.compile(r"\s*(?:[@\uff20][A-Za-z0-9_]{1,20}(?:\s+|$))+")
# The link X appends for attached media or a quoted post: a t.co link closing the text
# (or, in exports that expand links, the quoted post's own address).
_ATTACHMENT_LINK = re.compile(
    r"https?://t\.co/[A-Za-z0-9]+|https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/"
    r"\w{1,20}/status(?:es)?/\d+\S*",
    re.IGNORECASE,
)


def x_counted_text(text: str, *, reply: bool = False, media: bool = False,
                   quote: bool = False) -> str:
    """The part of a published X post's text that X counts against 280.

    Since 2017 X leaves out the @mentions that open a reply and the link it appends for
    attached photos or video and for a quoted post. Archives and API text keep both, so
    a post X published at 280 reads as 300 or more until they are taken off. Only as many
    closing links as the post has attachments go: a link the author wrote still counts.
    """
    if reply:
        mentions = _REPLY_MENTIONS.match(text)
        if mentions:
            text = text[mentions.end():]
    for _ in range(int(media) + int(quote)):
        words = text.rsplit(None, 1)
        if not words or not _ATTACHMENT_LINK.fullmatch(words[-1]):
            break
        text = words[0].rstrip() if len(words) == 2 else ""
    return text


def grapheme_count(text: str) -> int:
    """User-perceived characters (extended grapheme clusters), as Bluesky counts them."""
    if text.isascii() and "\r" not in text:
        return len(text)
    return len(_GRAPHEME.findall(text))


def mastodon_length(text: str) -> int:
    """Mastodon's count: graphemes, each link 23, remote mentions without their server."""
    text = _REMOTE_MENTION_DOMAIN.sub(r"\1", text) if "@" in text else text
    total = grapheme_count(text)
    if "://" in text:
        for word in text.split():
            if "://" in word:
                for match in _SCHEME_URL.finditer(word):
                    total += URL_WEIGHT - grapheme_count(match.group())
    return total


# What a browser's URL parser (WHATWG) leaves as it is in each part: printable ASCII but
# these; the rest (and anything not ASCII) it writes as %XX.
_PRINTABLE = "".join(map(chr, range(0x21, 0x7F)))
_KEPT_IN_PATH = _PRINTABLE.translate(str.maketrans("", "", '"#<>?`{}'))
_KEPT_IN_QUERY = _PRINTABLE.translate(str.maketrans("", "", "\"#<>'"))
_KEPT_IN_FRAGMENT = _PRINTABLE.translate(str.maketrans("", "", '"<>`'))
_DEFAULT_PORTS = {"http": 80, "https": 443}
BLUESKY_SHOWN_PATH = 15  # a longer path is cut to 13 characters and "..."


def _shown_host(parts: SplitResult) -> str:
    """The host as a browser's URL parser writes it: lower case, international names in
    their ASCII form, the port only when it is not the scheme's own."""
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    port = parts.port
    return host if port in (None, _DEFAULT_PORTS.get(parts.scheme.lower())) else f"{host}:{port}"


def _bluesky_short_url(match: re.Match[str]) -> str:
    """One link as social-app's `toShortUrl` shows it: the host, then the path, query and
    fragment cut to 13 characters and "..." when longer than 15."""
    url = match.group()
    try:
        parts = urlsplit(url)
        host = _shown_host(parts)
    except ValueError:  # a port that is not a number: the app shows such a link in full
        return url
    path = (quote("" if parts.path in ("", "/") else parts.path, safe=_KEPT_IN_PATH)
            + (f"?{quote(parts.query, safe=_KEPT_IN_QUERY)}" if parts.query else "")
            + (f"#{quote(parts.fragment, safe=_KEPT_IN_FRAGMENT)}" if parts.fragment else ""))
    if len(path) > BLUESKY_SHOWN_PATH:
        return host + path[: BLUESKY_SHOWN_PATH - 2] + "..."
    return host + path


def bluesky_short_links(text: str) -> str:
    """`text` as the Bluesky app posts it: each link written out in full is shown as its
    host and the first 13 characters of the rest, then "..." (the full address stays in
    the post's link facet). The app counts the limit on this text; a scheduler that posts
    the links in full is held to the full length."""
    return _SCHEME_URL.sub(_bluesky_short_url, text) if "://" in text else text


def measure(text: str, platform: str, links: int = 0) -> Length:
    """The length of `text` as `platform` counts it, with that platform's hard limits.

    `links` is the number of links in the post (Threads allows at most five).
    Threads, LinkedIn, Instagram and Facebook publish their limits in "characters"
    without saying how they count: we count Unicode code points.
    """
    limit = HARD_LIMITS.get(platform)
    unit = UNITS.get(platform, "characters")
    if platform == "x":
        return Length(platform, x_weighted_length(text), limit, unit)
    if platform == "bluesky":
        return Length(
            platform,
            grapheme_count(text),
            limit,
            unit,
            byte_count=len(text.encode("utf-8")),
            byte_limit=BLUESKY_MAX_BYTES,
        )
    if platform == "mastodon":
        return Length(platform, mastodon_length(text), limit, unit)
    if platform == "threads":
        return Length(platform, len(text), limit, unit, links=links, link_limit=THREADS_MAX_LINKS)
    return Length(platform, len(text), limit, unit)
