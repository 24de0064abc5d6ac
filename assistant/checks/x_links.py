"""Links as X reads them in a post's text: what twitter-text v3 would count as 23.

X counts a link as 23 characters only when twitter-text recognises it, and its rules are
particular: a domain must end in a real top-level domain (so "README.md" is a link and
"a.b" is not), a label longer than 63 characters (after punycode) is not a domain, a bare
domain counts only its ASCII part and only after a space or most punctuation, a path
stops at CJK characters and at unbalanced parentheses, a t.co link ends with its slug.
This module reproduces those rules without twitter-text's regular expressions (which
backtrack badly on long words): each word with a dot is scanned label by label.
tests/checks/test_x_conformance.py runs twitter-text's own conformance cases against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.tlds import ASCII_TLDS, UNICODE_TLDS
from assistant.text import LATIN_LETTERS, URL_PATH, URL_QUERY, LazyRe

_ASCII_PUNCT = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"
_SPACES = "\t\n\x0b\x0c\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID = "\ufffe\ufeff\uffff"
_DIRECTIONAL = "\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
# A domain character: anything but ASCII punctuation, spaces, invalid and directional marks.
_DOMAIN_CHAR = f"[^{re.escape(_ASCII_PUNCT)}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
# A run of label characters (subdomains may also hold "_" and "-"; the last label "-").
_LABEL_RUN = LazyRe(f"(?:{_DOMAIN_CHAR}|[_-])+")
# Where a link may start: not glued to a letter, digit, @, $ or # (nor an invalid character).
_START = LazyRe(f"(?<![A-Za-z0-9@\uff20$#\uff03{_INVALID}])(?:https?://|{_DOMAIN_CHAR})",
                    re.IGNORECASE)
# A word can hold a link only if a dot is followed by a top-level domain: a known ASCII
# one ("2009.4", "e.g." and "v3.5" cannot be links), "xn--" or a non-ASCII letter.
_DOT_TLD = LazyRe(r"\.(?:xn--|([A-Za-z]+)(?![0-9A-Za-z])|[^\x00-\x7f])", re.IGNORECASE)
_PROTOCOL = LazyRe(r"https?://", re.IGNORECASE)
_ALNUM_RUN = LazyRe(r"[0-9A-Za-z]+")
_PUNYCODE_TLD = LazyRe(r"xn--[-0-9a-z]+", re.IGNORECASE)
_PORT = LazyRe(r":[0-9]+")
# A path and a query in twitter-text's grammar, shared with assistant.text's links.
_PATH = LazyRe(URL_PATH, re.IGNORECASE)
_QUERY = LazyRe(URL_QUERY, re.IGNORECASE)
_TCO = LazyRe(rf"https?://t\.co/([a-z0-9]+)(?:{URL_QUERY})?", re.IGNORECASE)
_ASCII_LABEL_RUN = LazyRe(f"[\\-a-z0-9{LATIN_LETTERS}]+", re.IGNORECASE)
_NOT_AFTER_TLD = frozenset("@+-")
_UNICODE_TLDS_BY_FIRST: dict[str, list[str]] = {}
for _tld in sorted(UNICODE_TLDS, key=len, reverse=True):
    _UNICODE_TLDS_BY_FIRST.setdefault(_tld[0], []).append(_tld)
MAX_LABEL = 63
MAX_URL = 4096
MAX_TCO_SLUG = 40


def _runs_on(text: str, end: int) -> bool:
    """Whether the character at `end` would run a TLD on (an ASCII letter, digit, @, + or -)."""
    if end == len(text):
        return False
    after = text[end]
    return (after.isascii() and after.isalnum()) or after in _NOT_AFTER_TLD


def _tld_end(text: str, pos: int) -> int:
    """Where a top-level domain starting at `pos` ends, or -1.

    A TLD must not run on into a letter, digit, "@", "+" or "-": "com" ends a domain in
    "example.com/", "example.com_x" and "example.comé", not in "example.comx".
    """
    if text[pos:pos + 4].lower() == "xn--":
        match = _PUNYCODE_TLD.match(text, pos)
        if match:
            return match.end()
    run = _ALNUM_RUN.match(text, pos)
    if run:
        end = run.end()
        if run.group().lower() in ASCII_TLDS and not _runs_on(text, end):
            return end
        return -1
    for tld in _UNICODE_TLDS_BY_FIRST.get(text[pos:pos + 1], []):
        end = pos + len(tld)
        if text.startswith(tld, pos) and not _runs_on(text, end):
            return end
    return -1


def _labels(text: str, pos: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The dot-terminated labels from `pos` on: (start, end) of each, dots excluded."""
    labels = []
    while True:
        run = pattern.match(text, pos)
        if not run or run.end() >= len(text) or text[run.end()] != ".":
            return labels
        labels.append((pos, run.end()))
        pos = run.end() + 1


def _domain_end(text: str, start: int) -> int:
    """The end of the longest domain starting at `start` (labels, then a TLD), or -1.

    Labels hold only domain characters, "_" and "-": a label is valid when it neither
    starts nor ends with "_" or "-", and the one before the TLD holds no "_".
    """
    labels = _labels(text, start, _LABEL_RUN)
    subdomains_ok = 0  # how many leading labels are valid subdomains
    for first, last in labels:
        if text[first] in "_-" or text[last - 1] in "_-":
            break
        subdomains_ok += 1
    for count in range(min(len(labels), subdomains_ok + 1), 0, -1):
        first, last = labels[count - 1]
        if text[first] in "_-" or text[last - 1] in "_-" or "_" in text[first:last]:
            continue
        end = _tld_end(text, last + 1)
        if end != -1:
            return end
    return -1


def _path_end(text: str, pos: int) -> int:
    """`pos` is just after a "/": the end of the path, on its last ending character."""
    path = _PATH.match(text, pos)
    return path.end() if path else pos


def _punycode_ok(domain: str) -> tuple[bool, int]:
    """Whether every label fits DNS (1-63 characters as punycode), and the ASCII length."""
    if domain.isascii() and "\x7f" not in domain:
        ok = all(1 <= len(label) <= MAX_LABEL for label in domain.split("."))
        return ok, len(domain)
    length = 0
    for label in domain.split("."):
        encoded = len(label) if label.isascii() and "\x7f" not in label else \
            4 + len(label.encode("punycode"))
        if not 1 <= encoded <= MAX_LABEL:
            return False, 0
        length += encoded + 1
    return True, length - 1


def _ascii_domains(domain: str) -> Iterator[tuple[int, int]]:
    """The ASCII (and Latin) domains inside a bare domain, as X links them."""
    pos = 0
    while pos < len(domain):
        run = _ASCII_LABEL_RUN.match(domain, pos)
        if not run:
            pos += 1
            continue
        found = -1
        labels = _labels(domain, pos, _ASCII_LABEL_RUN)
        for count in range(len(labels), 0, -1):
            found = _tld_end(domain, labels[count - 1][1] + 1)
            if found != -1:
                break
        if found == -1:
            pos += 1
            continue
        yield pos, found
        pos = found


# Most links are a whole word of this plain shape ("https://t.co/AbC1", maybe followed by
# punctuation): then the link is the word up to that punctuation, once its TLD is real.
_PLAIN = LazyRe(
    r"(https?://((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]+))"
    r"(?:/(?:[a-z0-9/_#.~%+=&@!*';:,$|-]*[a-z0-9/_#=+-])?)?(?:\?[a-z0-9=&_#/-]+)?)[.,!?:;]*",
    re.IGNORECASE,
)


def _plain_link(word: str) -> str | None:
    """The link a plain-shaped word is, or None when the full reading is needed."""
    plain = _PLAIN.fullmatch(word)
    if not plain or plain.group(3).lower() not in ASCII_TLDS:
        return None
    url, domain = plain.group(1), plain.group(2)
    if len(url) > MAX_URL or max(map(len, domain.split("."))) > MAX_LABEL:
        return None
    return url


def _word_links(word: str) -> Iterator[str]:
    """The links in one word (text without white space), left to right."""
    url = _plain_link(word)
    if url is not None:
        tco = _TCO.match(url)
        if not tco:
            yield url
        elif len(tco.group(1)) <= MAX_TCO_SLUG:
            yield tco.group()
        return
    pos = 0
    size = len(word)
    while pos < size:
        start = _START.search(word, pos)
        if not start:
            return
        pos = start.start()
        protocol = _PROTOCOL.match(word, pos)
        domain_start = protocol.end() if protocol else pos
        domain_end = _domain_end(word, domain_start)
        if domain_end == -1 and protocol:
            protocol, domain_start = None, pos
            domain_end = _domain_end(word, pos)
        if domain_end == -1:
            pos += 1
            continue
        end = domain_end
        port = _PORT.match(word, end)
        if port:
            end = port.end()
        path = end < size and word[end] == "/"
        if path:
            end = _path_end(word, end + 1)
        query = _QUERY.match(word, end)
        if query:
            end = query.end()
        url = word[pos:end]
        domain = word[domain_start:domain_end]
        # The character before a link belongs to its match, so the next link starts one
        # character after this match at the earliest (twitter-text's scanning).
        next_pos = end
        ok, ascii_length = _punycode_ok(domain)
        scheme = protocol.group() if protocol else "https://"
        if domain.startswith("xn--") and not any(_ascii_domains(domain)):
            ok = False
        if not ok or len(scheme) + len(url) - len(domain) + ascii_length > MAX_URL:
            pos = next_pos + 1
            continue
        if not protocol:
            if pos and word[pos - 1] in "-_./":
                pos = next_pos + 1
                continue
            found = list(_ascii_domains(domain))
            for index, (first, last) in enumerate(found):
                if index == len(found) - 1 and path:
                    yield domain[first:last] + url[len(domain):]
                else:
                    yield domain[first:last]
        else:
            tco = _TCO.match(url)
            if tco:
                if len(tco.group(1)) > MAX_TCO_SLUG:
                    pos = next_pos + 1
                    continue
                url = tco.group()
            yield url
        pos = next_pos + 1


def _may_hold_a_link(word: str) -> bool:
    for dot in _DOT_TLD.finditer(word):
        tld = dot.group(1)
        if tld is None or tld.lower() in ASCII_TLDS:
            return True
    return False


def x_links(text: str) -> list[str]:
    """The links X would shorten to 23 characters in `text` (already NFC), in order.

    Links hold no white space, so only the words with a dot are read.
    """
    if "." not in text:
        return []
    links: list[str] = []
    for word in text.split():
        if "." in word and _may_hold_a_link(word):
            links.extend(_word_links(word))
    return links
