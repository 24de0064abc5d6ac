"""Each format's mapping to Post on small hand-written files, and format sniffing."""

from __future__ import annotations

import gc
import io
import json
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.checks.ruleset import RuleSet
from assistant.errors import InputError
from assistant.sources import FORMATS, detect_format, load_feed, load_posts
from assistant.sources.bluesky import parse_bluesky
from assistant.sources.mastodon import parse_mastodon
from assistant.sources.rss import parse_rss
from assistant.sources.x_archive import parse_x_archive


def tweet(id_: str, text: str, **extra: object) -> dict[str, object]:
    return {"tweet": {"id_str": id_, "full_text": text,
                      "created_at": "Wed Oct 10 20:19:24 +0000 2018",
                      "favorite_count": "3", "retweet_count": "0", **extra}}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_formats_are_the_documented_names() -> None:
    assert FORMATS == ("jsonl", "x-archive", "mastodon", "bluesky", "rss", "hootsuite",
                       "buffer", "csv", "twcs", "json")


@pytest.mark.parametrize(("head", "expected"), [
    (b'{"id": "p1", "created_at": "2026-11-01T09:00:00Z"}\n', "jsonl"),
    (b"window.YTD.tweet.part0 = [", "x-archive"),
    (b"module.exports = [", "x-archive"),
    (b"PK\x03\x04rest-of-zip", "x-archive"),
    (b'[{"tweet": {"id_str": "1"}}]', "x-archive"),
    (b'[{"id": "1", "in_reply_to_id": null, "reblog": null}]', "mastodon"),
    (b"[]", "mastodon"),
    (b'{"feed": [], "cursor": "x"}', "bluesky"),
    (b'\n<?xml version="1.0"?>\n<rss version="2.0"><channel>', "rss"),
    (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "rss"),
    (b"2018-12-05 11:00:00,Hello,https://example.com\n", "hootsuite"),
    (b"\xef\xbb\xbfText,Image URL,Tags,Posting Time\n", "buffer"),
    (b"Text,Scheduled Date,Scheduled Time,Profile\n", "buffer"),
    (b"tweet_id,author_id,inbound,created_at,text\n", "twcs"),
    (b"body,date\nhello,2026-01-01\n", "csv"),
])
def test_detect_format_sniffs_content(head: bytes, expected: str) -> None:
    assert detect_format(Path("whatever.txt"), head) == expected


@pytest.mark.parametrize("head", [b"", b"  \n", b"<html><body>hi</body></html>",
                                  b"just some words\n", b"[1, 2, 3]", b"\x00\x01\x02binary"])
def test_detect_format_refuses_what_it_cannot_name(head: bytes) -> None:
    with pytest.raises(InputError) as caught:
        detect_format(Path("mystery.dat"), head)
    assert caught.value.path == "mystery.dat"


def test_x_archive_kinds_media_and_escapes() -> None:
    entries = [
        tweet("1", "RT @someone: a thing &amp; more"),
        tweet("2", "@you thanks", in_reply_to_status_id_str="99"),
        tweet("3", "look at this https://t.co/q", is_quote_status=True,
              entities={"urls": [{"url": "https://t.co/q", "expanded_url": "https://ex.com/a"}]}),
        {"id_str": "4", "full_text": "bare object https://t.co/m",
         "created_at": "Thu Oct 11 20:19:24 +0000 2018",
         "extended_entities": {"media": [
             {"type": "photo", "media_url_https": "https://pbs/1.jpg", "ext_alt_text": "A cat"},
             {"type": "animated_gif", "media_url_https": "https://pbs/2.jpg"}]}},
    ]
    text = "window.YTD.tweets.part0 = " + json.dumps(entries, indent=2)
    posts = {p.id: p for p in parse_x_archive(text, "tweets.js")}
    assert [posts[i].kind for i in "1234"] == ["repost", "reply", "quote", "post"]
    assert posts["1"].text == "RT @someone: a thing & more"
    assert posts["2"].in_reply_to == "99" and posts["1"].in_reply_to is None
    assert posts["3"].urls == ["https://ex.com/a"]
    assert [(m.type, m.alt) for m in posts["4"].media] == [("image", "A cat"), ("gif", None)]
    assert posts["4"].urls == []
    assert posts["1"].metrics is not None and posts["1"].metrics.likes == 3


def test_x_archive_zip_with_parts_and_account(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data/account.js", 'window.YTD.account.part0 = '
                         '[{"account": {"username": "brightpixel"}}]')
        archive.writestr("data/tweets.js", "window.YTD.tweets.part0 = "
                         + json.dumps([tweet("1", "first")]))
        archive.writestr("data/tweets-part1.js", "window.YTD.tweets.part1 = "
                         + json.dumps([tweet("2", "second")]))
        archive.writestr("data/like.js", "window.YTD.like.part0 = []")
    path = write(tmp_path, "twitter-2026.zip", buffer.getvalue())
    feed = load_feed([path])
    assert sorted(p.id for p in feed.posts) == ["1", "2"]
    assert feed.account.name == "brightpixel"
    assert {p.author for p in feed.posts} == {"brightpixel"}


def test_x_archive_never_runs_the_javascript(tmp_path: Path) -> None:
    path = write(tmp_path, "tweets.js", 'window.YTD.tweets.part0 = require("child_process")')
    with pytest.raises(InputError, match="invalid JSON"):
        load_posts([path])


def status(id_: str, **extra: object) -> dict[str, object]:
    return {"id": id_, "created_at": "2025-06-24T17:35:19.898Z", "in_reply_to_id": None,
            "content": "<p>Hello &amp; welcome<br>second line</p>", "reblog": None,
            "account": {"acct": "agency@example.social"}, "media_attachments": [],
            "mentions": [], "tags": [], **extra}


def test_mastodon_statuses() -> None:
    statuses = [
        status("1", media_attachments=[{"type": "image", "url": "u1", "description": None},
                                       {"type": "gifv", "url": "u2", "description": "Dancing"}],
               tags=[{"name": "marketing"}], mentions=[{"acct": "friend@else.where"}]),
        status("2", in_reply_to_id="77"),
        status("3", content="", reblog=status("0", content="<p>Their words</p>")),
    ]
    posts = {p.id: p for p in parse_mastodon(json.dumps(statuses), "page.json")}
    assert posts["1"].text == "Hello & welcome\nsecond line"
    assert [(m.type, m.alt) for m in posts["1"].media] == [("image", None), ("gif", "Dancing")]
    assert posts["1"].hashtags == ["marketing"] and posts["1"].mentions == ["@friend@else.where"]
    assert (posts["2"].kind, posts["2"].in_reply_to) == ("reply", "77")
    assert (posts["3"].kind, posts["3"].text) == ("repost", "Their words")
    assert all(p.author == "agency@example.social" for p in posts.values())


def test_bluesky_feed_page() -> None:
    def item(uri: str, **record: object) -> dict[str, object]:
        return {"post": {"uri": uri, "author": {"handle": "agency.bsky.social"},
                         "record": {"text": "hi", "createdAt": "2024-11-01T19:58:59.413Z",
                                    **record}}}
    reply = item("at://a/3", reply={"parent": {"uri": "at://b/1"}, "root": {"uri": "at://b/1"}})
    with_image = item("at://a/1", facets=[{"features": [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://ex.com/full/path"}]}])
    with_image["post"]["embed"] = {"$type": "app.bsky.embed.images#view",  # type: ignore[index]
                                   "images": [{"fullsize": "f1", "alt": ""},
                                              {"fullsize": "f2", "alt": "A chart"}]}
    repost = item("at://other/2")
    repost["post"]["author"] = {"handle": "someone.else"}  # type: ignore[index]
    repost["reason"] = {"$type": "app.bsky.feed.defs#reasonRepost",
                        "by": {"handle": "agency.bsky.social"},
                        "indexedAt": "2024-11-03T22:49:09.107Z"}
    data = json.dumps({"feed": [with_image, repost, reply], "cursor": "c"})
    posts = {p.id: p for p in parse_bluesky(data, "feed.json")}
    assert [(m.url, m.alt) for m in posts["at://a/1"].media] == [("f1", None), ("f2", "A chart")]
    assert posts["at://a/1"].urls == ["https://ex.com/full/path"]
    assert (posts["at://a/3"].kind, posts["at://a/3"].in_reply_to) == ("reply", "at://b/1")
    shared = next(p for p in posts.values() if p.kind == "repost")
    assert shared.author == "agency.bsky.social"
    assert shared.created_at == datetime(2024, 11, 3, 22, 49, 9, 107000, tzinfo=UTC)


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Agency blog</title>{channel_date}
<item><title>Five tips</title><link>https://agency.example/tips</link>
<description>&lt;p&gt;Short summary&lt;/p&gt;</description>{item_date}</item>
</channel></rss>"""


def test_rss_entry_becomes_a_blog_post() -> None:
    data = RSS.format(channel_date="",
                      item_date="<pubDate>Mon, 02 Mar 2026 10:00:00 +0100</pubDate>")
    [post] = parse_rss(data.encode(), "blog.xml")
    assert (post.platform, post.kind, post.title) == ("blog", "post", "Five tips")
    assert post.text == "Short summary" and post.urls == ["https://agency.example/tips"]
    assert post.created_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_rss_undated_entry_takes_the_feed_date_or_fails() -> None:
    dated_feed = RSS.format(channel_date="<lastBuildDate>Tue, 03 Mar 2026 08:00:00 GMT"
                            "</lastBuildDate>", item_date="")
    [post] = parse_rss(dated_feed.encode(), "blog.xml")
    assert post.created_at == datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    with pytest.raises(InputError, match="no published or updated date") as caught:
        parse_rss(RSS.format(channel_date="", item_date="").encode(), "blog.xml")
    assert caught.value.path == "blog.xml"


# How blogs really write: HTML entities XML does not define, a bare ampersand. Neither is
# well-formed XML; readers (and feedparser) keep the words around them.
_LOOSE_RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Bob&rsquo;s blog</title><item>'
    "<title>Tips&nbsp;and tricks &mdash; part 2</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"
    "<description>We&rsquo;re here &amp; there&hellip; &lt;b&gt;bold&lt;/b&gt;</description></item>"
    "<item><title>Salt & pepper</title><pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate>"
    "<description>Q&A night</description></item></channel></rss>"
)


def test_a_feed_that_is_not_well_formed_keeps_every_word(tmp_path: Path) -> None:
    """A strict XML reader that recovers from "&rsquo;" drops the text after it: the blog was
    called "Bob" and its post said "We". Every word stays, as the blog's readers see it."""
    read = load_feed([write(tmp_path, "loose.xml", _LOOSE_RSS.encode())])
    assert read.account.name == "Bob’s blog"
    first, second = read.posts
    assert (first.title, first.text) == ("Tips\u00a0and tricks \u2014 part 2", "We\u2019re here & there\u2026 bold")
    assert (second.title, second.text) == ("Salt & pepper", "Q&A night")


def test_jsonl_defaults_and_extraction(tmp_path: Path) -> None:
    lines = [
        {"id": "p2", "created_at": "2026-11-02T09:00:00Z", "text": "Read https://ex.com #seo @bob"},
        {"id": "p1", "created_at": "2026-11-01T09:00:00+01:00", "platform": "linkedin",
         "kind": "reply", "in_reply_to": "x9", "media": [{"type": "image", "alt": ""}]},
    ]
    path = write(tmp_path, "posts.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    first, second = load_posts([path])
    assert (first.id, first.platform, first.kind, first.in_reply_to) == ("p1", "linkedin",
                                                                          "reply", "x9")
    assert (second.urls, second.hashtags, second.mentions) == (["https://ex.com"], ["seo"],
                                                               ["@bob"])


@pytest.mark.parametrize(("name", "content"), [
    ("dump.json", '[{"id": 1, "text": "hi", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}]'),
    ("dump.jsonl", '{"id": 1, "text": "hi", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}\n'),
    ("dump.json", '[{"id": "1", "text": "hi", "author": {"handle": "brand"}, '
                  '"created_at": "2018-10-10T20:19:24Z"}]'),
    ("dump.jsonl", '{"id": "1", "text": "hi", "author": {"handle": "brand"}, '
                   '"created_at": "2018-10-10T20:19:24Z"}\n'),
    ("dump.jsonl", '{"id": "1", "text": "hi", "created_at": 1539202764}\n'),
])
def test_dump_with_post_field_names_but_other_types_is_converted(tmp_path: Path, name: str,
                                                                 content: str) -> None:
    """Post's field names with a dump's types (numeric ids, X's dates, a user object,
    epoch seconds) are an ordinary dump, not a canonical file with errors."""
    [post] = load_posts([write(tmp_path, name, content)])
    assert (post.id, post.text) == ("1", "hi")
    assert post.created_at == datetime(2018, 10, 10, 20, 19, 24, tzinfo=UTC)
    assert post.author in ("", "brand")
    if "handle" in content:
        assert post.author == "brand"


def test_canonical_post_with_a_wrong_value_still_says_what_is_wrong(tmp_path: Path) -> None:
    path = write(tmp_path, "posts.jsonl", '{"id": "p1", "created_at": "2026-11-01T09:00:00Z", '
                 '"kind": "advert"}\n')
    with pytest.raises(InputError, match="kind") as caught:
        load_posts([path])
    assert caught.value.line == 1


def test_generic_csv_with_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "export.csv", "msg_id,body,when,net,likes\n"
                 "a1,Hello world,2026-01-05T10:00:00+00:00,LinkedIn,4\n"
                 "a2,Second,2026-01-06 10:00,Facebook,\n")
    posts = load_posts([path], mapping={"id": "msg_id", "text": "body", "created_at": "when",
                                        "platform": "net"}, tz="Europe/Paris")
    assert [(p.id, p.platform) for p in posts] == [("a1", "linkedin"), ("a2", "facebook")]
    assert posts[0].metrics is not None and posts[0].metrics.likes == 4
    assert posts[1].created_at == datetime(2026, 1, 6, 9, 0, tzinfo=UTC)


def test_generic_csv_finds_usual_column_names(tmp_path: Path) -> None:
    path = write(tmp_path, "export.csv", "Date,Message,Link\n2026-01-05 10:00,Hi,https://a.b/c\n")
    [post] = load_posts([path])
    assert (post.text, post.urls, post.id) == ("Hi", ["https://a.b/c"], "export:2")


def test_hootsuite_posts_carry_their_link_column_as_it_goes_out(tmp_path: Path) -> None:
    """Hootsuite ends the message with the link column when it posts, so X counts it: a
    message of 260 characters and a link is over 280, as X would refuse it. A link the
    message already holds is not added twice."""
    long = "a" * 260
    path = write(tmp_path, "plan.csv",
                 f"2026-01-05 10:00:00,{long},https://northpeak.co/guide\n"
                 "2026-01-05 11:00:00,See https://drexel.edu for more,https://drexel.edu\n")
    first, second = load_posts([path])
    assert first.text == f"{long} https://northpeak.co/guide"
    assert first.urls == ["https://northpeak.co/guide"]
    assert second.text == "See https://drexel.edu for more"
    # however the message writes the link, it is not added twice
    again = write(tmp_path, "again.csv", "2026-01-05 12:00:00,Read our guide bit.ly/3AfAU,https://bit.ly/3AfAU\n"
                  "2026-01-05 13:00:00,Read https://BP.example/guide?utm_source=x,https://bp.example/guide\n")
    assert [p.text for p in load_posts([again])] == [
        "Read our guide bit.ly/3AfAU", "Read https://BP.example/guide?utm_source=x"]
    [too_long] = [f for f in RuleSet.from_config().check_post(first) if f.rule == "too-long"]
    assert (too_long.severity, too_long.evidence) == ("error", "284/280 weighted characters")


def test_overrides_platform_author_and_source(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.txt", "2026-01-05 10:00:00,Hello there\n")
    feed = load_feed([path], source="hootsuite", platform="linkedin", author="@brightpixel",
                     owner="agency")
    assert feed.posts[0].platform == "linkedin" and feed.posts[0].author == "@brightpixel"
    assert (feed.account.name, feed.account.platform, feed.account.owner) == (
        "@brightpixel", "linkedin", "agency")
    assert load_feed([path], name="Bright Pixel").account.name == "Bright Pixel"


def test_several_formats_merge_into_one_feed_oldest_first(tmp_path: Path) -> None:
    csv_file = write(tmp_path, "plan.csv", "2026-01-05 10:00:00,Later post\n")
    jsonl = write(tmp_path, "old.jsonl",
                  '{"id": "j1", "created_at": "2025-01-01T00:00:00Z", "text": "Old"}\n')
    assert [p.text for p in load_posts([csv_file, jsonl])] == ["Old", "Later post"]


def test_stdin_dash_reads_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    line = b'{"id": "s1", "created_at": "2026-11-01T09:00:00Z", "text": "from a pipe"}\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(line)))
    [post] = load_posts(["-"])
    assert post.text == "from a pipe"


def test_loads_leave_the_garbage_collector_running(tmp_path: Path) -> None:
    """Loads pause the collector for speed; concurrent and failing loads must restore it."""
    good = write(tmp_path, "good.jsonl",
                 '{"id": "p1", "created_at": "2026-11-01T09:00:00Z", "text": "fine"}\n' * 200)
    bad = write(tmp_path, "bad.jsonl", "{oops\n")
    errors: list[BaseException] = []

    def work(path: Path) -> None:
        for _ in range(20):
            try:
                load_posts([path])
            except InputError as error:
                errors.append(error)

    threads = [threading.Thread(target=work, args=(p,)) for p in (good, bad, good, bad)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(errors) == 40
    assert gc.isenabled()
