"""X archives: a tweet's links are its expanded links; before X wrapped every link, the text's."""

from __future__ import annotations

from assistant.sources import load_feed
from tests.conftest import REALDATA


def test_links_typed_in_an_early_tweet_are_its_links_and_t_co_wrappers_never_are() -> None:
    """visbot's 2009-2011 upload notices list no `entities.urls`: the link in the text is the
    post's link (its own site, for self-promotion and link-only alike); a modern tweet keeps
    the expanded link, never its t.co wrapper."""
    posts = {p.id: p for p in load_feed(REALDATA / "x_archive" / "visbot_tweets.js").posts}
    early = posts["7271680258"]
    assert early.text == "december 2009 http://visbot.net/?p=852"
    assert early.urls == ["http://visbot.net/?p=852"]
    linked = [p for p in posts.values() if p.urls]
    assert linked and not any("t.co/" in u for p in linked for u in p.urls)
    modern = posts["349293845978169345"]
    assert "https://t.co/" in modern.text and modern.urls and all("t.co" not in u for u in modern.urls)
