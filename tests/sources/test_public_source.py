"""The public form of a source: what a channel, the Home tab, a report or a log line shows.

Every form `parse_source` accepts (any scheme case, spaces around it) must lose its query
string, fragment and user info; handles and local paths are shown as written."""

from __future__ import annotations

import pytest

from assistant.errors import InputError
from assistant.sources.fetch import parse_source, public_source

SECRET = "HUNTER2"


@pytest.mark.parametrize("source, shown", [
    ("rss:https://x.example/feed?token=HUNTER2", "rss:https://x.example/feed?…"),
    ("RSS:https://x.example/feed?token=HUNTER2", "rss:https://x.example/feed?…"),
    ("rss: https://x.example/feed?token=HUNTER2", "rss:https://x.example/feed?…"),
    ("  Rss:https://user:HUNTER2@x.example/feed", "rss:https://x.example/feed"),
    ("HTTPS://x.example/f.csv?token=HUNTER2", "https://x.example/f.csv?…"),
    (" https://x.example/f.csv?token=HUNTER2", "https://x.example/f.csv?…"),
    ("Http://user:HUNTER2@x.example:8080/f.csv", "http://x.example:8080/f.csv"),
    ("https://x.example/f.csv#token=HUNTER2", "https://x.example/f.csv"),
    ("MASTODON:https://user:HUNTER2@m.example/@bright?t=HUNTER2",
     "mastodon:https://m.example/@bright?…"),
    ("mastodon:@bright@mastodon.social", "mastodon:@bright@mastodon.social"),
    ("bluesky:bright.bsky.social", "bluesky:bright.bsky.social"),
    ("exports/brightpixel.js", "exports/brightpixel.js"),
])
def test_every_accepted_form_is_shown_without_its_secrets(source: str, shown: str) -> None:
    parse_source(source)  # a form the fetch accepts
    assert public_source(source) == shown


@pytest.mark.parametrize("source", [
    "rss:ftp://user:HUNTER2@x.example/feed?token=HUNTER2",
    "mastodon:https://m.example/?token=HUNTER2",
    "rss : https://x.example/feed?token=HUNTER2",
    "file:///srv/feed.csv?token=HUNTER2",
])
def test_what_does_not_parse_as_a_url_is_cut_all_the_same(source: str) -> None:
    assert SECRET not in public_source(source)


@pytest.mark.parametrize("source", [
    "rss:ftp://x.example/feed?token=HUNTER2",
    "mastodon:https://m.example/?token=HUNTER2",
    "mastodon:nobody?token=HUNTER2",
])
def test_a_source_error_does_not_quote_the_token(source: str) -> None:
    """parse_source errors reach the channel (a chat audit) and logs."""
    with pytest.raises(InputError) as caught:
        parse_source(source)
    assert SECRET not in str(caught.value) and "expected" in str(caught.value)
