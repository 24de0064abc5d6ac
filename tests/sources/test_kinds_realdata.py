"""Kinds per importer match the source's own fields, post by post, on every real export.

The expected kind of each post is read here from the raw file with the platform's own
fields, written out again on purpose (not through the importers' helpers), so a change
in an importer that loses a reply or a quote shows up as a named post.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.sources import load_accounts, load_posts

ARCHIVES = ["andreruffert", "linchwyjournal", "visbot"]
PERMALINK = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status/(\d+)")


def archive_tweets(path: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    return [entry["tweet"] for entry in json.loads(text[text.index("["):])]


def expected_x_kind(tweet: dict[str, object]) -> str:
    """What X's own fields say: RT prefix, reply ids, a link to another post."""
    if str(tweet["full_text"]).startswith("RT @"):
        return "repost"
    if tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_user_id_str"):
        return "reply"
    links = [u["expanded_url"] for u in tweet["entities"]["urls"]]  # type: ignore[index]
    if any((m := PERMALINK.match(link)) and m.group(1) != tweet["id_str"] for link in links):
        return "quote"
    return "post"


@pytest.mark.parametrize("account", ARCHIVES)
def test_x_archive_kinds_follow_the_tweet_fields(realdata: Path, account: str) -> None:
    path = realdata / "x_archive" / f"{account}_tweets.js"
    expected = {str(t["id_str"]): expected_x_kind(t) for t in archive_tweets(path)}
    got = {p.id: p.kind for p in load_posts(path)}
    assert got == expected
    # Quote tweets exist in every one of these archives (the old importer found none).
    assert Counter(got.values())["quote"] > 0


def test_x_archive_counts_from_the_raw_fields(realdata: Path) -> None:
    """The numbers tests/realdata/README.md gives, counted from the fields themselves."""
    counts = {}
    for account in ARCHIVES:
        tweets = archive_tweets(realdata / "x_archive" / f"{account}_tweets.js")
        counts[account] = (
            len(tweets),
            sum(str(t["full_text"]).startswith("RT @") for t in tweets),
            sum(bool(t.get("in_reply_to_status_id_str")) for t in tweets),
            sum(bool(t.get("in_reply_to_user_id_str")) for t in tweets),
        )
    assert counts == {"andreruffert": (500, 163, 142, 166), "linchwyjournal": (154, 6, 39, 39),
                      "visbot": (2096, 87, 67, 77)}


def test_mastodon_kinds_follow_the_status_fields(realdata: Path) -> None:
    pages = sorted((realdata / "mastodon").glob("*.json"))
    statuses = [s for page in pages for s in json.loads(page.read_text(encoding="utf-8"))]
    expected = {}
    for status in statuses:
        if status["reblog"]:
            expected[status["id"]] = "repost"
        elif status["in_reply_to_id"] or status["in_reply_to_account_id"]:
            expected[status["id"]] = "reply"
        elif status.get("quote"):
            expected[status["id"]] = "quote"
        else:
            expected[status["id"]] = "post"
    assert {p.id: p.kind for p in load_posts(pages)} == expected
    # 8 replies whose parent is gone (in_reply_to_id null) are replies all the same
    assert sum(1 for s in statuses if s["in_reply_to_account_id"] and not s["in_reply_to_id"]) == 8
    assert Counter(expected.values()) == {"reply": 60, "post": 39, "repost": 1}


def test_bluesky_kinds_follow_the_feed_fields(realdata: Path) -> None:
    path = realdata / "bluesky" / "benoist_getAuthorFeed.json"
    feed = json.loads(path.read_text(encoding="utf-8"))["feed"]
    expected: Counter[str] = Counter()
    own: dict[str, str] = {}
    for item in feed:
        record = item["post"]["record"]
        if item.get("reason", {}).get("$type") == "app.bsky.feed.defs#reasonRepost":
            expected["repost"] += 1
            continue
        embedded = record.get("embed", {}).get("$type", "")
        kind = ("reply" if "reply" in record
                else "quote" if embedded.startswith("app.bsky.embed.record") else "post")
        expected[kind] += 1
        own[item["post"]["uri"]] = kind
    posts = load_posts(path)
    assert Counter(p.kind for p in posts) == expected == {"repost": 28, "post": 2}
    assert {p.id: p.kind for p in posts if p.kind != "repost"} == own
    # The reposted posts that are replies or quotes elsewhere are still the owner's reposts.
    assert sum(1 for item in feed if "reply" in item["post"]["record"]) == 2


def test_support_tweets_kinds_follow_in_response_to(realdata: Path) -> None:
    path = realdata / "support_tweets" / "twcs_sample.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = {r["tweet_id"]: "reply" if r["in_response_to_tweet_id"] else "post" for r in rows}
    assert {p.id: p.kind for p in load_posts(path)} == expected


@pytest.mark.parametrize("folder", ["rss", "hootsuite", "buffer"])
def test_sources_without_kinds_are_posts(realdata: Path, folder: str) -> None:
    for path in sorted((realdata / folder).iterdir()):
        assert {p.kind for p in load_posts(path)} == {"post"}, path.name


def test_support_file_is_audited_as_the_brand_that_answers(realdata: Path) -> None:
    path = realdata / "support_tweets" / "twcs_sample.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    brands = Counter(r["author_id"] for r in rows if r["inbound"] == "False")
    brand, answered = brands.most_common(1)[0]
    assert (len(rows), sum(brands.values()), len(brands), answered) == (93, 44, 13, 13)
    [loaded] = load_accounts(path)
    assert loaded.feed.account.name == brand == "AppleSupport"
    assert len(loaded.feed.posts) == answered
    assert loaded.left_out == len(rows) - answered
    assert {p.author for p in loaded.feed.posts} == {brand}
    # a customer's tweet is never the brand's words
    assert not {p.id for p in loaded.feed.posts} & {
        r["tweet_id"] for r in rows if r["inbound"] == "True"}
    [chosen] = load_accounts(path, author="@spotifycares")
    assert (chosen.feed.account.name, len(chosen.feed.posts)) == ("SpotifyCares", brands[
        "SpotifyCares"])


def test_html_escapes_are_undone_where_the_source_escapes(realdata: Path) -> None:
    escaped = re.compile(r"&(?:amp|lt|gt);")
    for path in [*(realdata / "x_archive").iterdir(), realdata / "support_tweets/twcs_sample.csv",
                 *(realdata / "mastodon").iterdir()]:
        posts = load_posts(path)
        assert not [p.id for p in posts if escaped.search(p.text)], path.name
    twcs = {p.id: p.text for p in load_posts(realdata / "support_tweets/twcs_sample.csv")}
    assert any(" & " in text for text in twcs.values())
