"""Signals several rules share: is a post promoting the author's own things?

Kept in one place so `sales-pitch` (one post) and `self-promo-ratio` (a feed) agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import regex

from assistant.models import Post
from assistant.text import url_host

_TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")


@lru_cache(maxsize=512)
def words_of(text: str) -> frozenset[str]:
    """The lower-case words of `text` ("don't" stays one word), remembered for the next rule."""
    return frozenset(_TOKEN.findall(text.lower()))


class Lazy:
    """A `regex` pattern compiled on first use.

    Compiling every rule pattern at import cost about 85 ms of CLI start-up; most posts
    never need most patterns, so they are compiled when first searched.
    """

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex.compile(self._source, self._flags)
        return self._compiled

    def search(self, text: str) -> regex.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str) -> regex.Match[str] | None:
        return self.compiled.match(text)

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text)


class Phrases:
    """Phrase patterns, each tried only when one of its trigger words is in the text.

    One big alternation in `regex` costs about a millisecond on a 200-character post;
    most posts contain none of a pattern's words, so gating keeps all post rules
    together well under 100 microseconds.
    """

    __slots__ = ("_entries", "_triggers")

    def __init__(
        self,
        entries: Iterable[tuple[str, str]],
        flags: int = regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE,
    ) -> None:
        self._entries = tuple(
            (frozenset(triggers.split()), Lazy(pattern, flags)) for triggers, pattern in entries
        )
        self._triggers = frozenset().union(*(triggers for triggers, _ in self._entries))

    def search(self, text: str) -> regex.Match[str] | None:
        """The match of the first pattern (in declaration order) that matches `text`."""
        # One set intersection answers "no trigger word at all" for most posts at once.
        present = self._triggers.intersection(words_of(text))
        if not present:
            return None
        for triggers, pattern in self._entries:
            if triggers.isdisjoint(present):
                continue
            match = pattern.search(text)
            if match:
                return match
        return None


# Direct-response and offer language: the hard sell. Tolerant of wording: the patterns
# read phrases, not single keywords, so "shares fell 3%", "20% off target" or "a limited
# edition of the report" stay quiet.
_HARD_SELL = Phrases(
    [
        ("now today here before",
         r"""\b(?:buy|order|shop|grab|get|claim)\s+(?:it\s+|yours\s+|one\s+|them\s+|your\s+copy\s+)?
         (?:now|today|here|before)\b(?!['\u2019]s)"""),
        ("act", r"\bact\s+(?:now|fast|today)\b"),
        ("limited", r"\blimited[-\s](?:time|offer|spots?|seats?|places?|availability|stock)\b"),
        ("spots spot seats seat places place copies units unit left",
         r"\bonly\s+\d+\s+(?:spots?|seats?|places?|copies|units?|left)\b"),
        ("fast", r"\b(?:spots?|seats?|places?)\s+(?:are\s+)?(?:filling|going)\s+(?:up\s+)?fast\b"),
        ("off",
         r"""\b\d{1,3}\s?%\s?off\b
         (?!\s+(?:target|track|pace|peak|plan|the\s+(?:mark|pace|peak|high)))"""),
        ("save", r"\bsave\s+(?:up\s+to\s+)?\d{1,3}\s?%"),
        ("sale deal deals offer pricing price discount rate",
         r"""\b(?:flash|black\s+friday|cyber\s+monday)\s+(?:sale|deals?|offer|pricing)\b
         | \b(?:special|exclusive|introductory|early[-\s]bird)\s+
           (?:offer|deal|pricing|price|discount|rate)\b"""),
        ("ends end",
         r"""\b(?:sale|offer|deal|discount|pricing)\s+ends?\s+
         (?:today|tonight|tomorrow|soon|at\s+midnight|on\s+\w+|\w+day)\b"""),
        ("price prices", r"\bprices?\s+(?:go|goes)\s+up\b"),
        ("call demo consultation session",
         r"""\b(?:book|schedule|grab|hop\s+on|jump\s+on|set\s+up)\s+
         (?:a|your|an?\s+intro|a\s+free|your\s+free|a\s+quick|a\s+\d+[-\s]?min(?:ute)?)?\s*
         (?:discovery\s+|strategy\s+|sales\s+|intro\s+)?(?:call|demo|consultation|session)\b"""),
        ("call chat demo meeting",
         r"""\b(?:open|free|available)\s+(?:to|for)\s+a\s+(?:quick\s+|short\s+|brief\s+)?
         (?:\d+[-\s]?min(?:ute)?\s+)?(?:call|chat|demo|meeting)\b"""),
        ("pricing prices rates quote details offer discount",
         r"""\b(?:dm|message|inbox|pm|email|contact)\s+(?:me|us)\s+(?:for|to\s+get|about)\s+
         (?:pricing|prices|rates|a\s+quote|details|the\s+offer|a\s+discount)"""),
        ("guarantee guaranteed guarantees",
         r"""(?<!\b(?:no|not|never|aren't|isn't)\s+)\bguarantee[sd]?\s+
         (?:results|roi|growth|leads|sales|success|rankings|\d+\s?x\b
           |\d+\s?%\s+(?:more|increase|growth|roi|uplift))
         | \b(?:money[-\s]back|satisfaction)\s+guarantee\b"""),
        ("risk", r"\brisk[-\s]free\b"),
        ("now today",
         r"\b(?:sign\s+up|register|subscribe|enrol|enroll|join)\s+(?:now|today)\b(?!['\u2019]s)"),
        ("code",
         r"""\b(?:discount|promo|coupon|voucher)\s+code\b
         | \buse\s+code\s+(?-i:[A-Z][A-Z0-9]{2,})\b"""),
        ("free", r"\bfree\s+(?:trial|consultation|audit|quote|strategy\s+call)\b(?!\s+of\b)"),
        ("lowest", r"\blowest\s+prices?\s+(?:of\s+the\s+(?:year|season)|ever|guaranteed|in\s+town)\b"),
        ("click tap",
         r"""\b(?:click|tap)\s+(?:the\s+link|here|below|the\s+button)\s+(?:to|and)\s+
         (?:buy|order|purchase|shop|book|sign\s+up|get\s+(?:yours|started|access))\b"""),
        ("reply comment dm type",
         r"""\b(?:reply|comment|dm|type)\s+["\u201c]?(?-i:[A-Z]{2,})["\u201d]?\s+(?:and|to|for|if|below)\b"""),
        ("send",
         r"\b(?:send|sending)\s+(?:you\s+|over\s+)?(?:the\s+|our\s+)?(?:pricing|prices|rates|a\s+quote)\b"),
        ("chance miss",
         r"\b(?:last|final)\s+chance\b | \bdon'?t\s+miss\s+(?:out|this\s+(?:offer|deal))\b"),
        ("only just", r"\b(?:only|just)\s+[$\u20ac\u00a3]\s?\d+(?:[.,]\d\d)?\b"),
        ("10x double triple skyrocket explode",
         r"""\b(?:10x|double|triple|skyrocket|explode)\s+your\s+
         (?:sales|revenue|leads|followers|income|roi|business|growth|traffic)\b"""),
        ("yours",
         r"\bwe\s+help\s+(?:companies|businesses|brands|agencies|founders|teams)\s+like\s+yours\b"),
        ("help",
         r"""\bi\s+help\s+(?:\S+\s+){1,4}?(?:to\s+)?
         (?:scale|grow|generate|land|close|10x|double|triple)\b"""),
    ]
)

# Pointing at the author's own new thing: promotion, but not a hard sell.
_SELF_PROMO = Phrases(
    [
        ("our my",
         r"""
    \bcheck\s+out\s+(?:our|my)\s+(?:new|latest)\b
  | \b(?:our|my)\s+(?:new|latest)\s+(?:blog\s+)?(?:post|article|episode|video|course|ebook|e-book|
      product|offer|webinar|guide|report|podcast|newsletter|book|case\s+study|whitepaper)\b
    """),
    ]
)


def hard_sell_phrase(text: str) -> str | None:
    """The first hard-sell (direct-response) phrase in `text`, or None. Used by sales-pitch."""
    match = _HARD_SELL.search(text)
    return match.group(0) if match else None


def promotional_phrase(text: str) -> str | None:
    """The first promotional phrase in `text` (hard sell or own new content), or None."""
    match = _HARD_SELL.search(text) or _SELF_PROMO.search(text)
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


# Someone else's words inside a post: a quotation, or a manual retweet "RT @x: ..." to the end.
_QUOTED = Lazy(
    r"""\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d|\u00ab[^\u00bb\n]{1,300}\u00bb
    |\u2018[^\u2019\n]{1,300}\u2019(?!\w)|\bRT\s+@[\w.]+:.*""",
    regex.VERBOSE | regex.DOTALL,
)


def strip_quoted(text: str) -> str:
    """`text` without what it quotes from others, so their requests are not the author's."""
    if '"' not in text and "RT" not in text and not any(q in text for q in "\u201c\u00ab\u2018"):
        return text
    return _QUOTED.sub(" ", text)


@lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str] | None:
    words = [regex.escape(p.strip()) for p in phrases if p.strip()]
    if not words:
        return None
    return regex.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", regex.IGNORECASE)


def extra_phrase(text: str, phrases: Sequence[str]) -> str | None:
    """The first of the workspace's own phrases (plain text, any case) found in `text`."""
    if not phrases:
        return None
    pattern = _phrase_pattern(tuple(phrases))
    match = pattern.search(text) if pattern else None
    return match.group(0) if match else None
