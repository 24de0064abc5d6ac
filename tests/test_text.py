"""Entity extraction and normal forms that every rule relies on."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from assistant.text import (
    canonical_url,
    count,
    extract_hashtags,
    extract_mentions,
    extract_urls,
    normalise,
    span_of_days,
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


@pytest.mark.parametrize("url", [
    "https://www.Example.com/blog/post/?utm_source=x&id=3#top",
    "HTTP://Example.com:8080/a/?fbclid=1&b=2",
    "https://user@example.com/a?utm_medium=x",
    "https://[2001:db8::1]/a?gclid=7",
    "https://exämple.com/å?x=1",
    "example.com/blog/post?utm_campaign=z",
])
def test_canonical_url_is_the_same_by_hand_as_by_urlsplit(url: str) -> None:
    """The hand-split fast path and the careful path give one normal form for one page."""
    from urllib.parse import urlsplit

    parts = urlsplit(url if "://" in url else f"https://{url}")
    host = (parts.hostname or "").removeprefix("www.")
    assert canonical_url(url).startswith(host), canonical_url(url)
    assert "utm_" not in canonical_url(url) and "fbclid" not in canonical_url(url)
    assert "gclid" not in canonical_url(url) and "#" not in canonical_url(url)


@pytest.mark.parametrize(("n", "noun", "said"), [
    (1, "reply", "1 reply"), (2, "reply", "2 replies"), (0, "post", "0 posts"),
    (1, "error", "1 error"), (3, "day", "3 days"), (2, "broadcast", "2 broadcasts"),
])
def test_counts_agree_with_their_noun(n: int, noun: str, said: str) -> None:
    assert count(n, noun) == said


def test_a_period_never_reads_zero_days() -> None:
    assert span_of_days(0.2) == "less than a day"
    assert span_of_days(1.0) == "1 day" and span_of_days(73.04) == "73 days"


def test_audit_and_review_wording_agree_in_number(capsys: pytest.CaptureFixture[str]) -> None:
    """No "1 replies", "1 errors" or "over 0 days" anywhere a person reads."""
    from assistant.models import Account, FeedAudit, FeedStats, Health
    from assistant.render.text import print_audit
    from integrations.slack.render.blocks import audit_summary

    audit = FeedAudit(account=Account(name="@a", platform="x"), as_of=datetime(2026, 1, 1, tzinfo=UTC),
                      stats=FeedStats(posts=1, replies=1, reposts=1, days=0.3,
                                      first_post=datetime(2025, 12, 31, 9, tzinfo=UTC),
                                      last_post=datetime(2025, 12, 31, 16, tzinfo=UTC)),
                      health=Health(score=90, components={}))
    print_audit(audit)
    text = capsys.readouterr().out + json.dumps(audit_summary(audit))
    assert "1 post, 1 reply, 1 repost over less than a day" in text
    assert not re.search(r"\b1 (posts|replies|reposts|errors|warnings)\b|\b0 days\b", text)
    # posts dated after the audit's moment are said to be left out, in the terminal and in Slack
    audit.stats.later = 1
    print_audit(audit)
    text = capsys.readouterr().out + json.dumps(audit_summary(audit))
    assert "; 1 post dated later not audited (--as-of)" in text
    assert "1 repost; 1 post dated later not audited" in text
