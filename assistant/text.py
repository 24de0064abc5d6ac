"""Small text helpers shared by models, importers and checks: entities and normal forms.

Pure functions, compiled patterns, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
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
# What follows a domain in a link, in twitter-text's grammar (case-insensitive): path
# characters and balanced parentheses (two levels) ending on an ending character, so
# "/wiki/Primer_(film)" is whole and the "." of "bit.ly/a." is not the link's; then a
# query. assistant.checks.x_links reads links with these too: one grammar for what X
# counts as a link and what the rules read as one.
_CYRILLIC = "\u0400-\u04ff"
LATIN_LETTERS = ("\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
                 "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
_PATH_CHAR = f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{LATIN_LETTERS}]"
_PATH_END_CHAR = f"[+\\-a-z{_CYRILLIC}0-9=_#/{LATIN_LETTERS}]"
_PARENS = f"\\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\\({_PATH_CHAR}+\\){_PATH_CHAR}*)\\)"
URL_PATH = f"(?:{_PATH_CHAR}|{_PARENS})*(?:{_PATH_END_CHAR}|{_PARENS})"
URL_QUERY = r"\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/]"
# Country-code top-level domains: the two-letter ones of the IANA root zone, as in
# assistant.checks.tlds (a test keeps the two equal; this layer cannot import that one).
_COUNTRY_CODES = frozenset("""
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs
bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec
ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy
hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz
la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx
my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re
ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th
tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
""".split())
# A link without a scheme on a country-code domain with a path ("bit.ly/3AfAU", "goo.gl/x"),
# which twitter-text extracts and X shortens: not glued to a letter, digit, @, $ or # nor
# after - _ . / (twitter-text's rules for a link without a scheme); labels, the country
# code, then a path. Without a path such a domain is a word as often as a link
# ("README.md", "it.so"), so it is left to _BARE_DOMAIN's short list.
_COUNTRY_CODE_DOMAIN = (r"(?:[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*"
                        r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.([a-z]{2})")
_SHORT_LINK = rf"(?<![A-Za-z0-9@$#\uff20\uff03_./\-]){_COUNTRY_CODE_DOMAIN}/{URL_PATH}(?:{URL_QUERY})?"
# Only ever tested for a match: a dot, two letters and a slash (~0.2 us on a post with a
# slash); most posts have none, and then _SHORT_LINK is never compiled nor run.
_SHORT_HINT = re.compile(r"\.[A-Za-z]{2}/")
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
    """Return the links in `text` (with a scheme, www., a country-code domain with a path,
    or a bare common domain), trimmed."""
    if "." not in text:
        return []
    urls = []
    rest = text
    if _may_have_scheme(text):
        found = list(_URL.finditer(text))
        if found:
            urls = [m.group(0).rstrip(_TRAILING_PUNCT) for m in found]
            rest = _blanked(text, found)
    short = _short_links(rest) if "/" in rest else None  # most posts: no slash, no call
    if short:
        urls += [m.group(0) for m in short]
        rest = _blanked(rest, short)
    if _TLD_HINT.search(rest):  # cheap test first: most posts have no bare domain
        urls += [m.group(0).rstrip(_TRAILING_PUNCT) for m in _BARE_DOMAIN.finditer(rest)]
    return urls


def _short_links(text: str) -> list[re.Match[str]]:
    """The links without a scheme on a country-code domain with a path, as twitter-text
    reads them ("bit.ly/3AfAU"): X counts them as links, so the rules must too."""
    if not _SHORT_HINT.search(text):  # most texts with a slash: no link after all
        return []
    return [m for m in _short_link().finditer(text) if m.group(1).lower() in _COUNTRY_CODES]


@lru_cache(maxsize=1)
def _short_link() -> re.Pattern[str]:
    """`_SHORT_LINK` compiled on first use: its Unicode classes cost ~4 ms, which a command
    that reads no such link should not pay."""
    return re.compile(_SHORT_LINK, re.IGNORECASE)


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


# How X writes a retweet (archives, API and CSV dumps): "RT @user: " and the original's
# words. The @user is who wrote the original.
RETWEET_PREFIX = re.compile(r"^RT @(\w{1,20}):?\s")


def _retweet(text: str) -> re.Match[str] | None:
    # most texts are no retweet: one startswith answers them without the pattern
    return RETWEET_PREFIX.match(text) if text.startswith("RT @") else None


def retweeted_author(text: str) -> str | None:
    """The user (without "@") a text written "RT @user: ..." retweets, else None."""
    match = _retweet(text)
    return match.group(1) if match else None


def without_retweet_prefix(text: str) -> str:
    """`text` without a leading "RT @user: ": the words of the post it passes on."""
    match = _retweet(text)
    return text[match.end():] if match else text


def handle_key(name: str) -> str:
    """An account name as two spellings of the same account compare: without the leading
    "@" and spaces, case-folded ("@BrightPixel" and "brightpixel"; handles on X, Mastodon
    and Bluesky ignore case). "alice@fosstodon.org" stays apart from "alice": another
    server's alice may be someone else."""
    return name.strip().lstrip("@").casefold()


def strip_urls(text: str) -> str:
    """`text` with its links removed, for checks that read the words."""
    if _may_have_scheme(text):
        text = _URL.sub(" ", text)
    short = _short_links(text) if "/" in text else None
    if short:
        text = _blanked(text, short)
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


def holds_link(text: str, link: str) -> bool:
    """Whether `text` already links the page `link` names, however it writes it
    ("bit.ly/3AfAU" for "https://bit.ly/3AfAU", another case, tracking added)."""
    page = canonical_url(link)
    return any(canonical_url(url) == page for url in extract_urls(text))


def url_host(url: str) -> str:
    """The host of a link, lower case, without www."""
    return canonical_url(url).split("/", 1)[0].split("?", 1)[0]


def own_domains(*groups: Iterable[str]) -> frozenset[str]:
    """Domains as the rules compare them: lower case, without a leading `www.`, blanks left
    out. The one normal form of an own domain, from the config, the command line or a rule."""
    return frozenset(d.strip().lower().removeprefix("www.") for group in groups for d in group
                     if d.strip())


# A host name: two or more labels of letters and digits, with hyphens inside a label
# (compiled on first use, by `re`'s cache: a review given no domain does not pay for it).
_LABEL = r"[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?"
_HOST_NAME = rf"(?:{_LABEL}\.)+{_LABEL}"


def own_domain(written: str) -> str:
    """An own domain as a person writes it (`visbot.net`, `https://www.visbot.net/blog`), in
    the normal form of `own_domains`: the host, as `url_host` reads a post's links, so a
    link given for a domain matches the same posts. ValueError when that is no host name."""
    host = url_host(written.strip())
    if not re.fullmatch(_HOST_NAME, host):
        raise ValueError(f"{written!r} is not a domain name (like \"brightpixel-agency.example\")")
    return host


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


class Translator:
    """`str.translate` with a table of single characters (each to one character, or out),
    without its cost: `str.translate` looks every character up in the table, raising and
    catching a KeyError for each one the table leaves alone (once a call for each distinct
    ASCII character; for every character of a text beyond ASCII). Here the table's ASCII
    characters go through a byte table in C and the few beyond ASCII are replaced one by
    one where they occur: 5x cheaper on a post, 7x on a batch of posts with one emoji.

    A replacement may not be one of the table's characters: `str.translate` maps each
    character once, and so must the replacements in turn."""

    __slots__ = ("_bytes", "_delete", "_wide")

    def __init__(self, table: Mapping[str, str | None]) -> None:
        if any(len(char) != 1 or (to is not None and len(to) != 1) for char, to in table.items()):
            raise ValueError("a table of single characters, each to one character or None")
        if any(to in table for to in table.values() if to is not None):
            raise ValueError("a replacement is one of the table's characters")
        narrow = {char: to for char, to in table.items() if char.isascii()}
        if any(to is not None and not to.isascii() for to in narrow.values()):
            raise ValueError("an ASCII character replaced by one beyond ASCII")
        # None when the table maps no ASCII character (the prefilter's folding): no byte pass
        self._bytes = bytes(ord(narrow.get(chr(b)) or chr(b)) if b < 128 else b
                            for b in range(256)) if narrow else None
        self._delete = bytes(ord(char) for char, to in narrow.items() if to is None)
        self._wide = tuple((char, to or "") for char, to in table.items() if not char.isascii())

    def __call__(self, text: str) -> str:
        if self._wide and not text.isascii():
            for char, to in self._wide:
                if char in text:
                    text = text.replace(char, to)
        if self._bytes is None:
            return text
        # surrogatepass: a lone surrogate (from a broken export) is kept as it is, as
        # `str.translate` keeps it; an ASCII byte is never part of a longer UTF-8 sequence.
        encoded = text.encode("utf-8", "surrogatepass")
        return encoded.translate(self._bytes, self._delete).decode("utf-8", "surrogatepass")


class LazyRe:
    """An `re` pattern compiled on first use: Unicode classes and script ranges cost
    milliseconds to compile, and a command that never needs one should not pay for it
    (`signals.Lazy` is the `regex` counterpart, with a prefilter)."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


def count(n: float, noun: str, plural: str | None = None) -> str:
    """ "1 reply", "2 replies", "0 posts", "1.5 hours": the number with its noun agreeing."""
    if n == 1:
        return f"{n:g} {noun}"
    if plural is None:
        plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return f"{n:g} {plural}"


def duration(first: datetime, last: datetime) -> str:
    """ "0 minutes", "45 minutes", "11 hours", "3 days": the time between two moments, in the
    unit people would say it in (minutes up to two hours, hours up to two days)."""
    minutes = round((last - first).total_seconds() / 60)
    if minutes < 120:
        return count(minutes, "minute")
    if minutes < 48 * 60:
        return count(round(minutes / 60), "hour")
    return count(round(minutes / 1440), "day")


def span_of_days(days: float) -> str:
    """ "less than a day", "1 day", "73 days": a period people read without a zero in it."""
    return "less than a day" if days < 1 else count(round(days), "day")
