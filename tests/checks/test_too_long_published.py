"""too-long on posts the platforms published: what X counts, and what performs.

The invariant: a platform enforced its limit when it published a post, so no published
post here may get a hard-limit error. Before X's way of counting was followed, two real
posts did: a 260-character post with a photo (283/280) and a reply (313/280).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.checks.length import x_counted_text, x_weighted_length
from assistant.checks.rules.too_long import counted_text
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.models import Media, Post
from assistant.sources import load_feed

TOO_LONG = RuleSet.from_config(RulesConfig(select=["too-long"]))
MASTODON = [f"mastodon/account_statuses_schochastics_page{n}.json" for n in range(1, 6)]
PUBLISHED = [
    ["x_archive/andreruffert_tweets.js"],
    ["x_archive/linchwyjournal_tweets.js"],
    ["x_archive/visbot_tweets.js"],
    ["support_tweets/twcs_sample.csv"],
    MASTODON,
    ["bluesky/benoist_getAuthorFeed.json"],
]


def _post(text: str, **fields: object) -> Post:
    created = datetime(2026, 11, 1, tzinfo=UTC)
    return Post(id="1", created_at=created, text=text, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("files", PUBLISHED, ids=[f[0].split("/")[-1] for f in PUBLISHED])
def test_no_published_post_is_over_the_hard_limit(realdata: Path, files: list[str]) -> None:
    feed = load_feed([realdata / f for f in files])
    over = [(p.id, f.evidence) for p in feed.posts for f in TOO_LONG.check_post(p)
            if f.severity == "error"]
    assert over == []


@pytest.mark.parametrize(("files", "post_id", "exported", "counted"), [
    # 260 characters, then the photo's t.co link: X counted the words only
    (["x_archive/linchwyjournal_tweets.js"], "1564670233691963395", 283, 259),
    # a reply opening with "@piccalilli_ " and closing with its picture's link
    (["x_archive/andreruffert_tweets.js"], "1380287868581609472", 313, 276),
    # published at exactly 280 (an "&" and a mention inside): one more would not have gone
    (["x_archive/linchwyjournal_tweets.js"], "1581668856602337280", 280, 280),
])
def test_real_posts_count_what_x_counted(realdata: Path, files: list[str], post_id: str,
                                         exported: int, counted: int) -> None:
    post = next(p for p in load_feed([realdata / f for f in files]).posts if p.id == post_id)
    assert x_weighted_length(post.text) == exported
    assert x_weighted_length(counted_text(post)) == counted


def test_real_x_feeds_are_not_too_long_to_perform(realdata: Path) -> None:
    # Before, the 100 characters of the 140 era flagged 20 of linchwyjournal's 148 posts.
    for name in ("linchwyjournal_tweets.js", "andreruffert_tweets.js", "visbot_tweets.js"):
        feed = load_feed([realdata / "x_archive" / name])
        assert not [p.id for p in feed.posts if TOO_LONG.check_post(p)]


def test_reply_mentions_and_attachment_links_are_not_counted() -> None:
    words = "w" * 270
    photo = Media(type="image", url="https://pbs.twimg.com/media/a.jpg")
    reply = _post(f"@ana @bob_99 {words} https://t.co/AbC123", kind="reply", media=[photo])
    assert counted_text(reply) == words
    assert not TOO_LONG.check_post(reply)
    # the same words as a post without the picture: the link is the author's, and counts
    link = _post(f"{words} https://t.co/AbC123")
    assert counted_text(link) == link.text
    assert TOO_LONG.check_post(link)[0].evidence == "294/280 weighted characters"
    # a quote with a photo drops two closing links, never a third one the author wrote
    text = "see https://t.co/own1 https://t.co/photo https://t.co/quoted"
    assert x_counted_text(text, media=True, quote=True) == "see https://t.co/own1"
    # exports that expand links keep the quoted post's address
    assert x_counted_text("So true https://x.com/jack/status/20", quote=True) == "So true"
    # mentions only open a reply: in a post they are the author's words
    assert x_counted_text("@ana thanks!", reply=False) == "@ana thanks!"


def test_a_bare_registered_sign_weighs_one() -> None:
    text = "Acme® " + "a" * 274  # 280 as X counts it; 281 when ® was counted as an emoji
    assert x_weighted_length(text) == 280
    assert not TOO_LONG.check_post(_post(text))
    assert x_weighted_length("Acme®\ufe0f") == 6  # with the emoji selector it is an emoji


def test_other_platforms_count_everything() -> None:
    text = "@ana " + "m" * 496 + " https://t.co/AbC123"
    post = _post(text, platform="mastodon", kind="reply",
                 media=[Media(type="image", url="https://files.example/a.png")])
    assert counted_text(post) == text
    assert TOO_LONG.check_post(post)[0].evidence == "525/500 characters"
