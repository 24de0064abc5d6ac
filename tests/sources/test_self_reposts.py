"""Who wrote a repost's original, as each source's own fields say (`Post.original_author`).

The fixtures are the real exports' own records (tests/realdata), changed only where a
repost of the account's own post differs from a repost of somebody else's: the X archive's
"RT @user:" prefix, Mastodon's `reblog.account`, Bluesky's `post.author` of a reasonRepost
item. None of the real exports holds such a repost (their reposts pass on other people's
posts), and the last tests say so.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from assistant.checks.history import is_self_repost
from assistant.models import Post, as_post
from assistant.render.json import post_dict
from assistant.sources import load_accounts, load_feed, load_posts
from assistant.sources.jsonl import parse_jsonl

MASTODON = [f"mastodon/account_statuses_schochastics_page{i}.json" for i in range(1, 6)]


def _archive(realdata: Path, name: str) -> list[dict[str, Any]]:
    text = (realdata / "x_archive" / name).read_text(encoding="utf-8")
    return json.loads(text[text.index("["):])


def _self_retweet(entry: dict[str, Any], own: dict[str, Any], handle: str, new_id: str) -> dict[str, Any]:
    """A real archive retweet entry made a retweet of the account's own tweet `own`: the
    archive keeps only the text, "RT @<own handle>: <its words>"."""
    copied = copy.deepcopy(entry)
    tweet = copied["tweet"]
    tweet["id"] = tweet["id_str"] = new_id
    tweet["full_text"] = f"RT @{handle}: {own['tweet']['full_text']}"
    tweet["entities"]["user_mentions"] = [{"name": handle, "screen_name": handle, "indices": ["3", str(4 + len(handle))]}]
    tweet["entities"]["urls"] = copy.deepcopy(own["tweet"]["entities"]["urls"])
    return copied


def test_x_archive_retweet_of_its_own_tweet(realdata: Path, tmp_path: Path) -> None:
    entries = _archive(realdata, "andreruffert_tweets.js")
    others = next(e for e in entries if e["tweet"]["full_text"].startswith("RT @year_progress:"))
    # a tweet of the account's own with a link, and one with its photo (which names the account)
    own = next(e for e in entries if e["tweet"]["entities"]["urls"] and not e["tweet"]["full_text"].startswith(("RT @", "@")))
    photo = next(e for e in entries if "andreruffert/status" in json.dumps(e["tweet"]["entities"].get("media", [])))
    mine = _self_retweet(others, own, "AndreRuffert", "1")  # handles ignore case
    path = tmp_path / "tweets.js"
    path.write_text("window.YTD.tweets.part0 = " + json.dumps([photo, own, others, mine]), encoding="utf-8")
    [account] = load_accounts(path)
    feed = account.feed
    assert feed.account.name == "andreruffert"
    by_id = {p.id: p for p in feed.posts}
    repost, shared = by_id["1"], by_id[others["tweet"]["id_str"]]
    assert (repost.kind, repost.author, repost.original_author) == ("repost", "andreruffert", "AndreRuffert")
    assert (shared.kind, shared.original_author) == ("repost", "year_progress")
    assert is_self_repost(repost) and not is_self_repost(shared)
    assert by_id[own["tweet"]["id_str"]].original_author is None  # not a repost
    assert repost.urls == [u["expanded_url"] for u in own["tweet"]["entities"]["urls"]]


def test_x_api_retweet_names_the_original_by_retweeted_status(realdata: Path, tmp_path: Path) -> None:
    """v1.1 API dumps (generic JSON) carry the retweeted tweet: its `user.screen_name` is
    the original's author, even where the text is cut before the name ends."""
    own = next(e["tweet"] for e in _archive(realdata, "linchwyjournal_tweets.js")
               if not e["tweet"]["full_text"].startswith(("RT @", "@")))
    user = {"id_str": "42", "screen_name": "LincHwyJournal", "name": "Lincoln Highway Journal"}
    retweet = {**copy.deepcopy(own), "id": 7, "id_str": "7", "user": user,
               "full_text": "RT @LincHwyJournal: " + own["full_text"],
               "retweeted_status": {**copy.deepcopy(own), "user": user}}
    other = {**copy.deepcopy(retweet), "id": 8, "id_str": "8", "full_text": "RT @NatlParkService: Parks",
             "retweeted_status": {"id_str": "9", "full_text": "Parks", "user": {"screen_name": "NatlParkService"}}}
    path = tmp_path / "api.json"
    path.write_text(json.dumps([{**copy.deepcopy(own), "user": user}, retweet, other]), encoding="utf-8")
    posts = {p.id: p for p in load_posts(path)}
    assert posts["7"].original_author == "LincHwyJournal" and is_self_repost(posts["7"])
    assert posts["8"].original_author == "NatlParkService" and not is_self_repost(posts["8"])
    # the object wins over the text: a dump whose text lost the prefix still says whose it is
    retweet["full_text"] = own["full_text"]
    path.write_text(json.dumps([retweet]), encoding="utf-8")
    [post] = load_posts(path)
    assert post.kind == "repost" and post.original_author == "LincHwyJournal"


def test_mastodon_boost_of_its_own_status(realdata: Path, tmp_path: Path) -> None:
    page = json.loads((realdata / "mastodon/account_statuses_schochastics_page3.json").read_text())
    boost = next(s for s in page if s.get("reblog"))
    own = next(s for s in page if not s.get("reblog") and not s.get("in_reply_to_id"))
    mine = copy.deepcopy(boost)
    mine["id"] = "1"
    mine["reblog"] = copy.deepcopy(own)  # a boost carries the whole boosted status, account and all
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps([own, boost, mine]), encoding="utf-8")
    feed = load_feed(path)
    posts = {p.id: p for p in feed.posts}
    assert feed.account.name == "schochastics"
    assert (posts["1"].kind, posts["1"].author, posts["1"].original_author) == ("repost", "schochastics", "schochastics")
    assert posts["1"].text == posts[own["id"]].text
    assert posts[boost["id"]].original_author == "termehs"
    assert is_self_repost(posts["1"]) and not is_self_repost(posts[boost["id"]])
    assert posts[own["id"]].original_author is None


def test_bluesky_repost_of_its_own_post(realdata: Path, tmp_path: Path) -> None:
    document = json.loads((realdata / "bluesky/benoist_getAuthorFeed.json").read_text())
    items = document["feed"]
    repost = next(i for i in items if i.get("reason"))
    own = next(i for i in items if not i.get("reason"))
    mine = copy.deepcopy(own)  # the owner's post, shown again with the owner's reasonRepost
    mine["reason"] = copy.deepcopy(repost["reason"])
    mine["reason"]["indexedAt"] = "2024-11-02T09:00:00.000Z"
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"feed": [mine, own, repost]}), encoding="utf-8")
    posts = load_posts(path)
    again = next(p for p in posts if p.kind == "repost" and p.text == own["post"]["record"]["text"])
    shared = next(p for p in posts if p.kind == "repost" and p is not again)
    assert (again.author, again.original_author) == ("benoist.dev", "benoist.dev")
    assert shared.original_author == repost["post"]["author"]["handle"] != "benoist.dev"
    assert is_self_repost(again) and not is_self_repost(shared)


CSV_ROWS = [
    # twint's convention: `username` wrote the tweet, `user_rt` retweeted it
    ("twint.csv", "id,date,username,tweet,retweet,user_rt\n"
     "1,2026-10-01 09:00:00,brightpixel,New on the blog: briefs https://bp.example/blog/briefs,False,\n"
     "2,2026-10-01 13:00:00,brightpixel,New on the blog: briefs https://bp.example/blog/briefs,True,brightpixel\n"
     "3,2026-10-01 14:00:00,dana_k,Our talk is up https://dana.example/talk,True,brightpixel\n"),
    # rtweet's flattened columns
    ("rtweet.csv", "status_id,created_at,screen_name,text,is_retweet,retweet_screen_name\n"
     "1,2026-10-01 09:00:00,brightpixel,New on the blog: briefs,FALSE,\n"
     "2,2026-10-01 13:00:00,brightpixel,New on the blog: briefs,TRUE,brightpixel\n"
     "3,2026-10-01 14:00:00,brightpixel,Our talk is up,TRUE,dana_k\n"),
    # a plain dump: the "RT @user:" prefix alone
    ("plain.csv", "id,created_at,author,text\n"
     "1,2026-10-01 09:00:00,brightpixel,New on the blog: briefs\n"
     "2,2026-10-01 13:00:00,brightpixel,RT @BrightPixel: New on the blog: briefs\n"
     "3,2026-10-01 14:00:00,brightpixel,RT @dana_k: Our talk is up\n"),
]


@pytest.mark.parametrize(("name", "text"), CSV_ROWS, ids=[name for name, _ in CSV_ROWS])
def test_csv_dumps_name_the_original_by_their_own_columns(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    posts = {p.id.rsplit(":", 1)[-1]: p for p in load_posts(path, source="csv")}
    assert [posts[i].kind for i in "123"] == ["post", "repost", "repost"]
    assert all(p.author == "brightpixel" for p in posts.values())
    assert posts["1"].original_author is None
    assert posts["2"].original_author.lower() == "brightpixel" and is_self_repost(posts["2"])
    assert posts["3"].original_author == "dana_k" and not is_self_repost(posts["3"])


def test_generic_json_with_an_embedded_original(tmp_path: Path) -> None:
    """A scraper's dump (snscrape's `retweetedTweet`) and a Mastodon status flattened into
    a dump: the embedded original names its author."""
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([
        {"id": 1, "date": "2026-10-01T13:00:00+00:00", "user": {"username": "brightpixel"},
         "rawContent": "New on the blog: briefs", "retweetedTweet": {"id": 0, "user": {"username": "brightpixel"}}},
        {"id": 2, "date": "2026-10-01T14:00:00+00:00", "user": {"username": "brightpixel"},
         "rawContent": "Our talk is up", "retweetedTweet": {"id": 5, "user": {"username": "dana_k"}}},
        {"id": 3, "date": "2026-10-01T15:00:00+00:00", "user": {"username": "brightpixel"},
         "rawContent": "A boost", "reblog": {"id": 6, "account": {"acct": "brightpixel"}}},
    ]), encoding="utf-8")
    posts = {p.id: p for p in load_posts(path)}
    assert [(posts[i].kind, posts[i].original_author) for i in "123"] == [
        ("repost", "brightpixel"), ("repost", "dana_k"), ("repost", "brightpixel")]


def test_hootsuite_and_buffer_retweets_read_the_prefix(tmp_path: Path) -> None:
    path = tmp_path / "bulk.csv"
    path.write_text("2026-10-01 09:00:00,New on the blog: briefs,https://bp.example/blog/briefs\n"
                    "2026-10-01 13:00:00,RT @brightpixel: New on the blog: briefs,\n", encoding="utf-8")
    posts = load_posts(path, author="brightpixel")
    assert [(p.kind, p.original_author) for p in posts] == [("post", None), ("repost", "brightpixel")]
    assert is_self_repost(posts[1])


OLD_FEED = [  # canonical JSON Lines written before `original_author` existed
    {"id": "p1", "created_at": "2026-10-01T09:00:00Z", "platform": "x", "kind": "post",
     "author": "@brightpixel", "text": "New on the blog: briefs https://bp.example/blog/briefs", "in_reply_to": None},
    {"id": "p2", "created_at": "2026-10-01T13:00:00Z", "platform": "x", "kind": "repost",
     "author": "@brightpixel", "text": "RT @brightpixel: New on the blog: briefs https://bp.example/blog/briefs"},
    {"id": "p3", "created_at": "2026-10-01T14:00:00Z", "platform": "mastodon", "kind": "repost",
     "author": "brightpixel", "text": "Our talk is up"},  # a boost's text names nobody
    {"id": "p4", "created_at": "2026-10-01T15:00:00Z", "kind": "post", "author": "@brightpixel",
     "text": "RT @dana_k: a post by its kind, as the file says"},
]
NEW_FIELDS = {"p2": "brightpixel", "p3": None, "p4": None}


@pytest.mark.parametrize("as_bytes", [False, True], ids=["text", "bytes"])
def test_an_old_canonical_file_reads_as_before(as_bytes: bool) -> None:
    """No `original_author`: every line reads (the fast way and the validated way alike),
    a repost written "RT @user:" names its original from that prefix as `Post` reads
    links from the text, and a post's JSON has no such key unless it is known."""
    data = "".join(json.dumps(r) + "\n" for r in OLD_FEED)
    posts = parse_jsonl(data.encode() if as_bytes else data, "old.jsonl")
    validated = [Post.model_validate(r) for r in OLD_FEED]
    for post, model, record in zip(posts, validated, OLD_FEED, strict=True):
        assert as_post(post) == model
        assert post.original_author == model.original_author == NEW_FIELDS.get(record["id"])
        written = json.loads(as_post(post).model_dump_json())
        assert ("original_author" in written) == (record["id"] == "p2")
        assert {k: v for k, v in written.items() if k != "original_author"} == json.loads(
            Post.model_validate(record).model_dump_json(exclude={"original_author"}))
        assert "original_author" not in post_dict(model) or model.original_author
    assert [is_self_repost(p) for p in posts] == [False, True, False, False]


def test_the_new_field_is_canonical_and_round_trips(tmp_path: Path) -> None:
    given = {"id": "b1", "created_at": "2026-10-01T13:00:00Z", "platform": "bluesky", "kind": "repost",
             "author": "bp.example", "text": "New on the blog: briefs", "original_author": "bp.example"}
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(given) + "\n" + json.dumps({**given, "id": "b2", "original_author": None}) + "\n")
    first, second = load_posts(path)
    assert first.original_author == "bp.example" and second.original_author is None
    assert Post.model_validate_json(first.model_dump_json()) == first
    with pytest.raises(Exception, match="original_author"):
        parse_jsonl(json.dumps({**given, "original_author": 5}), "bad.jsonl")


def test_no_real_export_reposts_its_own_posts(realdata: Path) -> None:
    """What the real data holds: every repost names its original's author, and none of
    them is the account itself (the X archives' "RT @" prefixes, the one Mastodon boost,
    the 28 Bluesky reposts)."""
    files = [["x_archive/andreruffert_tweets.js"], ["x_archive/linchwyjournal_tweets.js"],
             ["x_archive/visbot_tweets.js"], MASTODON, ["bluesky/benoist_getAuthorFeed.json"]]
    counts = {}
    for names in files:
        [account] = load_accounts([realdata / n for n in names])
        reposts = [p for p in account.feed.posts if p.kind == "repost"]
        assert all(p.original_author for p in reposts)
        assert not any(is_self_repost(p, account.feed.account.name) for p in reposts)
        counts[account.feed.account.name] = len(reposts)
    assert counts == {"andreruffert": 163, "LincHwyJournal": 6, "visbot": 87, "schochastics": 1, "benoist.dev": 28}
