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
