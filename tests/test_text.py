"""Entity extraction and normal forms that every rule relies on."""

from __future__ import annotations

import pytest

from assistant.text import (
    canonical_url,
    extract_hashtags,
    extract_mentions,
    extract_urls,
    normalise,
)


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("see https://a.example/x and www.b.org.", ["https://a.example/x", "www.b.org"]),
        ("Read it: https://x.com/a/b?c=1).", ["https://x.com/a/b?c=1"]),
        ("Try goalachieverpro.com/pricing today.", ["goalachieverpro.com/pricing"]),
        ("news.bbc.co.uk/story is worth a read", ["news.bbc.co.uk/story"]),
        ("LOUD HTTPS://A.EXAMPLE/B", ["HTTPS://A.EXAMPLE/B"]),
        ("Built with Node.js and ASP.NET, e.g. this", []),
        ("mail bob@goal.com or call", []),
        ("version 1.2.3 ships today", []),
    ],
)
def test_extract_urls(text: str, urls: list[str]) -> None:
    assert extract_urls(text) == urls


def test_mentions_hashtags_and_normal_form() -> None:
    text = "@dana_k and @ana@mastodon.social: #Launch day! mail me@x.org #2026 https://a.example"
    assert extract_mentions(text) == ["@dana_k", "@ana@mastodon.social"]
    assert extract_hashtags(text) == ["Launch"]
    assert normalise("  Hello   @dana_k  WORLD https://a.example/x ") == "hello world"


def test_canonical_url_drops_tracking_and_www() -> None:
    assert canonical_url("https://www.Example.com/blog/post/?utm_source=x&id=3") == (
        "example.com/blog/post?id=3")
    assert canonical_url("example.com/blog/post") == "example.com/blog/post"
