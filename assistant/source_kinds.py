"""The kinds a feed's `source` string may start with: `mastodon:`, `bluesky:`, `rss:`, an
`https://` or `http://` URL, `file:`; anything else is a local file path.

`assistant.sources.fetch.parse_source` reads these; `assistant.config` refuses a `source`
that starts with some other `word:` (a typo like `mastodn:@x@y.social` would otherwise be
read as a file name and fail only when the report runs). It lives down here, imported by
both, because the config sits below the sources in the layers (see pyproject.toml);
tests/test_cli.py checks that it names the same kinds as `parse_source`.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.errors import did_you_mean

# Lower case: parse_source lowers the prefix before comparing it.
SOURCE_KINDS = ("mastodon", "bluesky", "rss", "https", "http", "file")

# A leading `word:` with no slash before the colon ("feeds/a:b.jsonl" is a path).
_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9+-]*):")


def unknown_kind(source: str) -> str | None:
    """The `word` of a `source` that starts with `word:` naming no known kind, else None."""
    match = _PREFIX.match(source.strip())
    if match is None or match.group(1).lower() in SOURCE_KINDS:
        return None
    return match.group(1)


def kind_problem(source: str) -> str | None:
    """What is wrong with a `source` that starts with an unknown `word:` and names no
    existing file, else None. Only the prefix is quoted: the rest may hold a token."""
    word = unknown_kind(source)
    if word is None or _is_file(source.strip()):
        return None
    known = [f"{kind}:" for kind in SOURCE_KINDS]
    return (f"unknown source kind {word + ':'!r}{did_you_mean(word.lower() + ':', known)}; "
            f"known kinds: {', '.join(known)} (a file whose name starts with {word + ':'!r} "
            f"is written ./{word}:...)")


def _is_file(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # a name too long for the file system, a NUL
        return False
