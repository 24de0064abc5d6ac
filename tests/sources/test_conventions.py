"""Generic CSV and JSON exports: kinds from the column conventions exports use, `--map`
for the rest, HTML escapes undone, and a retweet of someone else never the account's words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.sources import detect_format, load_accounts, load_posts
from assistant.sources._kinds import unescape


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def kinds(path: Path, **options: object) -> dict[str, str]:
    return {p.id: p.kind for p in load_posts(path, **options)}  # type: ignore[arg-type]


# An old X archive's tweets.csv: the Twitter API's own column names.
TWEETS_CSV = '''"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text",\
"retweeted_status_id","retweeted_status_user_id","retweeted_status_timestamp","expanded_urls"
"5","","","2016-05-01 12:34:56 +0000","web","Fish &amp; chips &lt;3 https://t.co/x","","","",\
"https://twitter.com/me/status/5/photo/1"
"6","","","2016-05-02 12:34:56 +0000","web","RT @a: their words","77","12","2016-05-01 10:00:00 +0000",""
"7","","99","2016-05-03 12:34:56 +0000","web","@b hi","","","",""
"8","3","99","2016-05-04 12:34:56 +0000","web","@b hi again","","","",""
"9","","","2016-05-05 12:34:56 +0000","web","wow https://t.co/y","","","","https://twitter.com/c/status/123"
'''


def test_twitter_api_column_names(tmp_path: Path) -> None:
    path = write(tmp_path, "tweets.csv", TWEETS_CSV)
    posts = {p.id: p for p in load_posts(path)}
    assert {i: p.kind for i, p in posts.items()} == {
        "5": "post", "6": "repost", "7": "reply", "8": "reply", "9": "quote"}
    assert posts["8"].in_reply_to == "3" and posts["7"].in_reply_to is None
    assert posts["5"].text == "Fish & chips <3 https://t.co/x"
    # the post's own photo link is its attachment, not a link it shares
    assert posts["5"].urls == [] and [m.type for m in posts["5"].media] == ["image"]
    assert posts["9"].urls == ["https://twitter.com/c/status/123"]


def test_flag_columns_and_counts_are_told_apart(tmp_path: Path) -> None:
    path = write(tmp_path, "dump.csv", "id,date,text,username,is_retweet,isReply,is_quote,"
                 "retweet_count,reply_count,quote_count,retweeted\n"
                 "1,2024-01-01 10:00,hello,brand,False,False,False,3,4,5,True\n"
                 "2,2024-01-02 10:00,their words,brand,True,False,False,1,1,1,False\n"
                 "3,2024-01-03 10:00,@x sure,brand,false,true,false,0,0,0,False\n"
                 "4,2024-01-04 10:00,quote this,brand,0,0,1,0,0,0,False\n")
    assert kinds(path) == {"1": "post", "2": "repost", "3": "reply", "4": "quote"}
    first = load_posts(path)[0]
    assert first.metrics is not None and (first.metrics.shares, first.metrics.replies) == (3, 4)


def test_rt_prefix_and_a_retweeters_column(tmp_path: Path) -> None:
    """twint-style rows: a retweet names its original author and the retweeter apart."""
    path = write(tmp_path, "twint.csv", "id,date,tweet,username,retweet,user_rt\n"
                 "1,2024-01-01 10:00,our news,brand,False,\n"
                 "2,2024-01-02 10:00,their words,someone,True,brand\n"
                 "3,2024-01-03 10:00,RT @pal: more of theirs,brand,False,\n")
    posts = {p.id: p for p in load_posts(path)}
    assert {i: (p.kind, p.author) for i, p in posts.items()} == {
        "1": ("post", "brand"), "2": ("repost", "brand"), "3": ("repost", "brand")}
    [feed] = load_accounts(path)
    assert (feed.feed.account.name, len(feed.feed.posts), feed.left_out) == ("brand", 3, 0)


@pytest.mark.parametrize(("mapping", "expected"), [
    ({"kind": "what"}, {"1": "post", "2": "repost", "3": "reply", "4": "quote"}),
    ({"repost": "shared", "reply": "answer", "quote": "ref"},
     {"1": "post", "2": "repost", "3": "reply", "4": "quote"}),
])
def test_map_names_the_kind_columns(tmp_path: Path, mapping: dict[str, str],
                                    expected: dict[str, str]) -> None:
    path = write(tmp_path, "plan.csv", "id,date,text,what,shared,answer,ref\n"
                 "1,2024-01-01 10:00,hello,original,no,no,\n"
                 "2,2024-01-02 10:00,their words,Retweet,yes,no,\n"
                 "3,2024-01-03 10:00,@x sure,reply,no,yes,\n"
                 "4,2024-01-04 10:00,so true,quote tweet,no,no,8812\n")
    assert kinds(path) == {"1": "post", "2": "post", "3": "post", "4": "post"}
    assert kinds(path, mapping=mapping) == expected


def test_map_errors_name_the_column_and_the_value(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.csv", "id,date,text,what\n1,2024-01-01 10:00,hi,broadcast\n")
    with pytest.raises(InputError, match="missing column 'nope' for repost") as caught:
        load_posts(path, mapping={"repost": "nope"})
    assert caught.value.line == 1
    with pytest.raises(InputError, match="unknown kind 'broadcast'") as caught:
        load_posts(path, mapping={"kind": "what"})
    assert caught.value.line == 2


def test_unescape_only_undoes_what_x_escapes() -> None:
    assert unescape("A &amp; B &lt;3 &gt; &#39;x&#x27;") == "A & B <3 > 'x'"
    assert unescape("https://ex.com/?a=1&copy=2&amp") == "https://ex.com/?a=1&copy=2&amp"
    assert unescape("&amp;amp;") == "&amp;"


V1_TWEETS = [
    {"id_str": "1", "created_at": "Wed Oct 10 20:19:24 +0000 2018",
     "full_text": "Fish &amp; chips https://t.co/a", "user": {"screen_name": "brand"},
     "entities": {"urls": [], "media": [{"url": "https://t.co/a"}]},
     "extended_entities": {"media": [{"type": "photo", "media_url_https": "https://pbs/1.jpg",
                                      "ext_alt_text": "Chips"}]}},
    {"id_str": "2", "created_at": "Wed Oct 10 21:19:24 +0000 2018",
     "full_text": "RT @other: their words", "user": {"screen_name": "brand"},
     "retweeted_status": {"id_str": "9", "full_text": "their words"}},
    {"id_str": "3", "created_at": "Wed Oct 10 22:19:24 +0000 2018",
     "full_text": "So true https://t.co/q", "user": {"screen_name": "brand"},
     "is_quote_status": True, "quoted_status_id_str": "8",
     "entities": {"urls": [{"url": "https://t.co/q",
                            "expanded_url": "https://twitter.com/o/status/8"}]}},
    {"id_str": "4", "created_at": "Wed Oct 10 23:19:24 +0000 2018", "full_text": "@cust sorry!",
     "user": {"screen_name": "brand"}, "in_reply_to_status_id_str": "7",
     "in_reply_to_user_id_str": "55"},
    {"id_str": "5", "created_at": "Wed Oct 10 23:29:24 +0000 2018", "text": "Hello…",
     "truncated": True, "extended_tweet": {"full_text": "Hello, the whole text"},
     "user": {"screen_name": "cust"}},
]


def test_v1_tweets_as_an_array_or_json_lines(tmp_path: Path) -> None:
    array = write(tmp_path, "dump.json", json.dumps(V1_TWEETS, indent=1))
    lines = write(tmp_path, "dump.jsonl", "\n".join(json.dumps(t) for t in V1_TWEETS) + "\n")
    for path in (array, lines):
        assert detect_format(path, path.read_bytes()) == "json"
        posts = {p.id: p for p in load_posts(path)}
        assert {i: (p.kind, p.author) for i, p in posts.items()} == {
            "1": ("post", "brand"), "2": ("repost", "brand"), "3": ("quote", "brand"),
            "4": ("reply", "brand"), "5": ("post", "cust")}
        assert posts["1"].text == "Fish & chips https://t.co/a" and posts["1"].urls == []
        assert [(m.type, m.alt) for m in posts["1"].media] == [("image", "Chips")]
        assert posts["3"].urls == ["https://twitter.com/o/status/8"]
        assert posts["4"].in_reply_to == "7"
        assert posts["5"].text == "Hello, the whole text"


def test_v2_response_with_includes(tmp_path: Path) -> None:
    response = {
        "data": [
            {"id": "10", "text": "A &amp; B", "author_id": "100",
             "created_at": "2024-01-01T10:00:00.000Z", "attachments": {"media_keys": ["3_1"]},
             "public_metrics": {"like_count": 4, "retweet_count": 1, "reply_count": 0}},
            {"id": "11", "text": "RT @x: hi", "author_id": "100",
             "created_at": "2024-01-02T10:00:00.000Z",
             "referenced_tweets": [{"type": "retweeted", "id": "5"}]},
            {"id": "12", "text": "look", "author_id": "100",
             "created_at": "2024-01-03T10:00:00.000Z",
             "referenced_tweets": [{"type": "quoted", "id": "6"}]},
            {"id": "13", "text": "@a yes", "author_id": "100", "in_reply_to_user_id": "200",
             "created_at": "2024-01-04T10:00:00.000Z",
             "referenced_tweets": [{"type": "replied_to", "id": "7"}]},
            {"id": "14", "text": "a video", "author_id": "100",
             "created_at": "2024-01-05T10:00:00.000Z", "attachments": {"media_keys": ["7_9"]}},
        ],
        "includes": {"users": [{"id": "100", "username": "brand"}],
                     "media": [{"media_key": "3_1", "type": "photo", "url": "https://pbs/x.jpg",
                                "alt_text": "A cat"}]},
        "meta": {"result_count": 5},
    }
    path = write(tmp_path, "v2.json", json.dumps(response))
    posts = {p.id: p for p in load_posts(path, source="json")}
    assert {i: p.kind for i, p in posts.items()} == {
        "10": "post", "11": "repost", "12": "quote", "13": "reply", "14": "post"}
    assert {p.author for p in posts.values()} == {"brand"}
    assert posts["10"].text == "A & B"
    assert posts["10"].metrics is not None and posts["10"].metrics.likes == 4
    assert [(m.type, m.url, m.alt) for m in posts["10"].media] == [
        ("image", "https://pbs/x.jpg", "A cat")]
    assert [m.type for m in posts["14"].media] == ["video"]  # from the key when not included
    assert posts["13"].in_reply_to == "7"


def test_scraper_objects_and_map_paths(tmp_path: Path) -> None:
    rows = [
        {"id": 1, "date": "2023-01-01T00:00:00+00:00", "rawContent": "mine",
         "user": {"username": "brand"}, "retweetedTweet": None, "quotedTweet": None,
         "inReplyToTweetId": None, "likeCount": 3},
        {"id": 2, "date": "2023-01-02T00:00:00+00:00", "rawContent": "RT theirs",
         "user": {"username": "brand"}, "retweetedTweet": {"id": 3}, "quotedTweet": None,
         "inReplyToTweetId": None},
        {"id": 4, "date": "2023-01-03T00:00:00+00:00", "rawContent": "so true",
         "user": {"username": "brand"}, "retweetedTweet": None, "quotedTweet": {"id": 5},
         "inReplyToTweetId": None},
        {"id": 6, "date": "2023-01-04T00:00:00+00:00", "rawContent": "@x right",
         "user": {"username": "brand"}, "retweetedTweet": None, "quotedTweet": None,
         "inReplyToTweetId": 9, "inReplyToUser": {"username": "x"}},
    ]
    path = write(tmp_path, "scrape.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    assert detect_format(path, path.read_bytes()) == "json"
    posts = load_posts(path)
    assert [(p.id, p.kind, p.author) for p in posts] == [
        ("1", "post", "brand"), ("2", "repost", "brand"), ("4", "quote", "brand"),
        ("6", "reply", "brand")]
    assert posts[3].in_reply_to == "9" and posts[0].metrics.likes == 3  # type: ignore[union-attr]
    custom = write(tmp_path, "custom.json", json.dumps([
        {"ref": "a", "when": 1700000000, "body": {"words": "hi"}, "who": {"handle": "brand"},
         "boosted": "yes"}]))
    [post] = load_posts(custom, mapping={"id": "ref", "created_at": "when",
                                         "text": "body.words", "author": "who.handle",
                                         "repost": "boosted"})
    assert (post.id, post.text, post.author, post.kind) == ("a", "hi", "brand", "repost")
    assert post.created_at.year == 2023


def test_json_and_canonical_jsonl_are_told_apart(tmp_path: Path) -> None:
    canonical = write(tmp_path, "posts.jsonl",
                      '{"id": "p1", "created_at": "2026-11-01T09:00:00Z", "text": "ours"}\n')
    assert detect_format(canonical, canonical.read_bytes()) == "jsonl"
    # read as generic JSON, a canonical post is the same post
    [post] = load_posts(canonical, source="json")
    assert (post.id, post.text, post.kind) == ("p1", "ours", "post")
    tweet = write(tmp_path, "tweet.jsonl", json.dumps(V1_TWEETS[3]) + "\n")
    assert detect_format(tweet, tweet.read_bytes()) == "json"
    pretty = write(tmp_path, "page.json", json.dumps({"data": [], "meta": {}}, indent=2))
    assert detect_format(pretty, pretty.read_bytes()) == "json"
    assert load_posts(pretty) == []
    archive = write(tmp_path, "tweets.json", json.dumps([{"tweet": {"id_str": "1"}}]))
    assert detect_format(archive, archive.read_bytes()) == "x-archive"


@pytest.mark.parametrize(("content", "message", "line"), [
    ('[{"id": "1", "text": "no date"}]', "no date", 1),
    ('{"id": "1", "date": "2024-01-01T00:00:00Z", "text": "ok"}\n{"id": 2, "date": "soon"}\n',
     "unrecognised date", 2),
    ('{"id": "1", "date": "2024-01-01T00:00:00Z", "text": "ok"}\n[1, 2]\n', "expected JSON obj",
     2),
    ('{"id": "1", "date": "2024-01-01T00:00:00Z",\n "text": ', "invalid JSON", 2),
])
def test_bad_json_names_the_line(tmp_path: Path, content: str, message: str, line: int) -> None:
    path = write(tmp_path, "dump.json", content)
    with pytest.raises(InputError, match=message) as caught:
        load_posts(path, source="json")
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_schedulers_pass_on_retweets_as_reposts(tmp_path: Path) -> None:
    hootsuite = write(tmp_path, "plan.csv", "2026-01-05 10:00:00,RT @partner: their launch\n"
                      "2026-01-05 11:00:00,Our own words\n")
    assert [p.kind for p in load_posts(hootsuite)] == ["repost", "post"]
    buffer = write(tmp_path, "buffer.csv", "Text,Posting Time\nRT @pal: theirs,2026-01-05 10:00\n"
                   "RTs welcome!,2026-01-05 11:00\n")
    assert [p.kind for p in load_posts(buffer)] == ["repost", "post"]


def test_columns_that_only_sound_like_kinds(tmp_path: Path) -> None:
    """v2's `reply_settings` ("everyone") and free text are not flags; `rt_id` filled is."""
    path = write(tmp_path, "v2.csv", "id,created_at,text,author_id,reply_settings,reply_text,"
                 "rt_id\n"
                 "1,2024-01-01T10:00:00Z,hello,100,everyone,Thanks for asking,\n"
                 "2,2024-01-02T10:00:00Z,theirs,100,everyone,,555\n")
    assert kinds(path) == {"1": "post", "2": "repost"}
    assert kinds(path, mapping={"reply": "reply_text"}) == {"1": "reply", "2": "repost"}


def test_bluesky_post_views_and_feed_items_as_json(realdata: Path, tmp_path: Path) -> None:
    feed = json.loads((realdata / "bluesky/benoist_getAuthorFeed.json").read_text("utf-8"))
    lines = write(tmp_path, "items.jsonl", "\n".join(json.dumps(i) for i in feed["feed"]))
    assert detect_format(lines, lines.read_bytes()) == "json"
    assert [(p.id, p.kind) for p in load_posts(lines)] == [
        (p.id, p.kind) for p in load_posts(realdata / "bluesky/benoist_getAuthorFeed.json")]
    views = write(tmp_path, "search.json", json.dumps({"posts": [i["post"] for i in feed["feed"]]}))
    posts = load_posts(views)
    assert len(posts) == 30 and {p.platform for p in posts} == {"bluesky"}
    assert not any(p.kind == "repost" for p in posts)  # a post view is the author's own post
