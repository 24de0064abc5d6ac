"""Live fetchers against fake Mastodon, Bluesky and RSS servers on loopback."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.sources import load_accounts
from assistant.sources.fetch import FetchError, FetchOptions, fetch_feed, parse_source
from assistant.sources.http import HttpClient, MemoryCache, RedisCache
from tests.fakes.bluesky import fake_bluesky
from tests.fakes.feed_server import serve
from tests.fakes.mastodon import fake_mastodon
from tests.fakes.rss import fake_rss


def quick(**overrides: object) -> HttpClient:
    """A client with tiny backoffs so retries cost milliseconds."""
    values = {"timeout": 2.0, "attempts": 3, "backoff": 0.01, "max_wait": 2.0, "min_interval": 0.0}
    values.update(overrides)
    return HttpClient(**values)  # type: ignore[arg-type]


def mastodon_statuses(realdata: Path) -> list[dict]:
    pages = sorted((realdata / "mastodon").glob("account_statuses_schochastics_page*.json"))
    return [s for page in pages for s in json.loads(page.read_text())]


def test_mastodon_follows_pages_and_keeps_every_status(realdata: Path) -> None:
    statuses = mastodon_statuses(realdata)
    with fake_mastodon({"schochastics": statuses}) as server:
        feed = fetch_feed("mastodon:@schochastics@fosstodon.org", name="Data person",
                          owner="executive", client=quick(),
                          options=FetchOptions(mastodon_base_url=server.url)).feed
    assert len(feed.posts) == 100
    assert sum(p.kind == "reply" for p in feed.posts) == 60  # in_reply_to_account_id too
    assert feed.account.platform == "mastodon" and feed.account.owner == "executive"
    assert feed.posts == sorted(feed.posts, key=lambda p: p.created_at), "oldest first"
    assert server.paths()[0] == "/api/v1/accounts/lookup"
    assert server.requests[0].query["acct"] == "schochastics"
    assert sum(p.endswith("/statuses") for p in server.paths()) == 3  # 40 + 40 + 20


def test_mastodon_pages_with_max_id_when_link_header_is_missing(realdata: Path) -> None:
    statuses = mastodon_statuses(realdata)
    with fake_mastodon({"schochastics": statuses}, link_header=False) as server:
        feed = fetch_feed("mastodon:@schochastics@fosstodon.org", name="x", client=quick(),
                          options=FetchOptions(mastodon_base_url=server.url)).feed
    assert len(feed.posts) == 100
    assert any("max_id" in r.query for r in server.requests)


def test_mastodon_stops_at_the_window(realdata: Path) -> None:
    statuses = mastodon_statuses(realdata)
    since = datetime(2024, 9, 1, tzinfo=UTC)
    with fake_mastodon({"schochastics": statuses}) as server:
        feed = fetch_feed("mastodon:@schochastics@fosstodon.org", name="x", client=quick(),
                          options=FetchOptions(mastodon_base_url=server.url), since=since).feed
    expected = [s for s in statuses if s["created_at"] >= "2024-09-01"]
    assert len(feed.posts) == len(expected) > 0
    assert len(server.requests) < 4, "older pages are not fetched"


def test_unknown_mastodon_account_is_a_clear_error() -> None:
    with fake_mastodon({"someone": []}) as server, pytest.raises(FetchError) as caught:
        fetch_feed("mastodon:@nobody@example.social", name="x", client=quick(),
                   options=FetchOptions(mastodon_base_url=server.url))
    assert "HTTP 404" in caught.value.reason
    assert "mastodon:@nobody@example.social" in str(caught.value)


def test_bluesky_follows_the_cursor(realdata: Path) -> None:
    items = json.loads((realdata / "bluesky" / "benoist_getAuthorFeed.json").read_text())["feed"]
    with fake_bluesky({"benoist.bsky.social": items}) as server:
        feed = fetch_feed("bluesky:benoist.bsky.social", name="Benoist", client=quick(),
                          options=FetchOptions(bluesky_api_url=server.url, bluesky_page=7)).feed
    assert len(feed.posts) == 30
    assert sum(p.kind == "repost" for p in feed.posts) == 28
    cursors = [r.query.get("cursor") for r in server.requests]
    assert cursors == [None, "7", "14", "21", "28"]


def test_rate_limited_request_waits_for_retry_after_then_succeeds(realdata: Path) -> None:
    items = json.loads((realdata / "bluesky" / "benoist_getAuthorFeed.json").read_text())["feed"]
    with fake_bluesky({"b.example": items}) as server:
        server.script.append((429, {"Retry-After": "1"}, b'{"error":"RateLimitExceeded"}'))
        feed = fetch_feed("bluesky:b.example", name="B", client=quick(),
                          options=FetchOptions(bluesky_api_url=server.url)).feed
    assert len(feed.posts) == 30
    first, second = server.requests[0], server.requests[1]
    assert second.at - first.at >= 0.95, "Retry-After: 1 was honoured"


def test_server_errors_are_retried_then_reported(realdata: Path) -> None:
    with fake_rss({}) as server:
        server.script += [(503, {}, b"busy")] * 3
        with pytest.raises(FetchError) as caught:
            fetch_feed(f"rss:{server.url}/feed.xml?token=SECRET", name="Blog", client=quick())
    assert len(server.requests) == 3
    assert "HTTP 503" in caught.value.reason and "gave up after 3 attempts" in caught.value.reason
    assert "SECRET" not in str(caught.value), "query strings may hold credentials"


def test_garbage_is_reported_not_raised_as_a_traceback() -> None:
    with fake_bluesky({}) as server:
        server.script.append((200, {"Content-Type": "application/json"}, b"<html>oops</html>"))
        with pytest.raises(FetchError) as bluesky:
            fetch_feed("bluesky:x.example", name="x", client=quick(),
                       options=FetchOptions(bluesky_api_url=server.url))
        server.script.append((200, {}, b'{"feed": [{"post": 3}]}'))
        with pytest.raises(FetchError) as shape:
            fetch_feed("bluesky:x.example", name="x", client=quick(),
                       options=FetchOptions(bluesky_api_url=server.url))
    assert "not JSON" in bluesky.value.reason
    assert "did not return a Bluesky author feed" in shape.value.reason
    garbage = {"/feed.xml": b"\x00\x01 definitely not xml"}
    with fake_rss(garbage) as server, pytest.raises(FetchError) as rss:
        fetch_feed(f"rss:{server.url}/feed.xml", name="Blog", client=quick())
    assert "did not return an RSS or Atom feed" in rss.value.reason


def test_unreachable_host_is_a_fetch_error() -> None:
    from tests.conftest import free_port

    with pytest.raises(FetchError) as caught:
        fetch_feed(f"rss:http://127.0.0.1:{free_port()}/feed.xml", name="Blog", client=quick())
    assert "unreachable" in caught.value.reason


def test_rss_is_revalidated_with_etag_and_served_from_cache(realdata: Path) -> None:
    document = (realdata / "rss" / "TypePadNews.xml").read_bytes()
    client = quick()
    with fake_rss({"/feed.xml": document}) as server:
        first = fetch_feed(f"rss:{server.url}/feed.xml", name="TypePad", client=client).feed
        second = fetch_feed(f"rss:{server.url}/feed.xml", name="TypePad", client=client).feed
    assert len(first.posts) == len(second.posts) == 10
    assert first.account.platform == "blog"
    assert "if-none-match" not in server.requests[0].headers
    assert server.requests[1].headers["if-none-match"].startswith('"')
    assert server.requests[1].headers["if-modified-since"] == "Wed, 25 Nov 2026 08:00:00 GMT"


def test_redis_cache_is_shared_between_clients(realdata: Path, redis_url: str) -> None:
    import redis

    document = (realdata / "rss" / "LinkBuildingBlog.xml").read_bytes()
    connection = redis.Redis.from_url(redis_url)
    with fake_rss({"/feed.xml": document}) as server:
        fetch_feed(f"rss:{server.url}/feed.xml", name="LB", client=quick(cache=RedisCache(connection)))
        feed = fetch_feed(f"rss:{server.url}/feed.xml", name="LB",
                          client=quick(cache=RedisCache(connection))).feed
    assert len(feed.posts) == 10
    assert "if-none-match" in server.requests[1].headers
    keys = connection.keys("assistant:v1:http:*")
    assert keys and all(0 < connection.ttl(k) for k in keys), "cache entries expire"


def test_requests_to_one_host_are_spaced(realdata: Path) -> None:
    items = json.loads((realdata / "bluesky" / "benoist_getAuthorFeed.json").read_text())["feed"]
    with fake_bluesky({"b.example": items}) as server:
        fetch_feed("bluesky:b.example", name="B", client=quick(min_interval=0.15, cache=MemoryCache()),
                   options=FetchOptions(bluesky_api_url=server.url, bluesky_page=10))
    gaps = [b.at - a.at for a, b in pairwise(server.requests)]
    assert len(gaps) == 2 and min(gaps) >= 0.14


def test_export_url_is_read_like_a_file(realdata: Path) -> None:
    document = (realdata / "mastodon" / "account_statuses_schochastics_page1.json").read_bytes()

    def route(request):
        return 200, {"Content-Type": "application/json"}, document

    with serve(route) as server:
        feed = fetch_feed(f"{server.url}/exports/statuses.json", name="Export", owner="agency",
                          client=quick()).feed
    assert len(feed.posts) == 20
    # named by its data, as `audit` names the file: "Export" is only what the feed is called
    assert feed.account.owner == "agency" and feed.account.name == "schochastics"


def test_a_file_of_several_authors_is_judged_as_its_main_account(
        realdata: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The daily report and chat audits judge what `audit` judges: in a support data set,
    the brand that answers most (AppleSupport), not its customers' words."""
    path = realdata / "support_tweets" / "twcs_sample.csv"
    with caplog.at_level(logging.INFO, logger="assistant.sources.fetch"):
        feed = fetch_feed(str(path), name="Apple").feed
    [audited] = load_accounts([path], name="Apple")
    assert [p.id for p in feed.posts] == [p.id for p in audited.feed.posts]
    assert len(feed.posts) == 13 and {p.author for p in feed.posts} == {"AppleSupport"}
    assert feed.account.name == "AppleSupport", "named by its data, not by the feed's name"
    assert "feed Apple: judged AppleSupport's 13 posts; left out 80 posts of 41 other accounts" in caplog.text


def test_source_strings() -> None:
    assert parse_source("mastodon:@bright@mastodon.social").host == "mastodon.social"
    assert parse_source("mastodon:https://mastodon.social/@bright").target == "bright"
    assert parse_source("bluesky:bright.bsky.social").kind == "bluesky"
    assert parse_source("rss:https://x.example/feed").kind == "rss"
    assert parse_source("https://x.example/export.csv").kind == "url"
    assert parse_source("exports/feed.jsonl").kind == "file"
    with pytest.raises(InputError, match="mastodon:@USER@INSTANCE"):
        parse_source("mastodon:bright")
    # a typo'd kind given on the command line (report preview), as the config refuses it
    with pytest.raises(InputError, match=r"unknown source kind 'mastodn:' \(did you mean 'mastodon:'\?\)"):
        parse_source("mastodn:@bright@mastodon.social")
    assert parse_source("feeds/a:b.jsonl").kind == "file"


@pytest.mark.parametrize("path", ["/exports/..", "/exports/.", "/", "/" + "x" * 300 + ".json"])
def test_an_export_url_whose_name_is_no_file_name_is_still_read(realdata: Path, path: str) -> None:
    """`/a/..` used to name the temp folder's parent: IsADirectoryError killed the job."""
    document = (realdata / "mastodon" / "account_statuses_schochastics_page1.json").read_bytes()

    def route(request):
        return 200, {"Content-Type": "application/json"}, document

    with serve(route) as server:
        feed = fetch_feed(f"{server.url}{path}", name="Export", client=quick()).feed
    assert len(feed.posts) == 20


def test_big_bodies_are_not_kept_in_the_shared_cache(redis_url: str) -> None:
    import redis

    from assistant.sources.http import MAX_CACHED_BODY

    small, big = b"a,b\n1,2\n", b"a,b\n" + b"1,2\n" * (MAX_CACHED_BODY // 4 + 1)

    def route(request):
        body = big if request.path.startswith("/big") else small
        return 200, {"ETag": '"v1"'}, body

    connection = redis.Redis.from_url(redis_url)
    cache = RedisCache(connection)
    with serve(route) as server:
        client = quick(cache=cache)
        client.get(f"{server.url}/small.csv")
        client.get(f"{server.url}/big.csv")
        again = client.get(f"{server.url}/big.csv")
    assert again.body == big and not again.from_cache
    import hashlib

    def key(url: str) -> str:
        return "assistant:v1:http:" + hashlib.sha256(url.encode()).hexdigest()[:32]

    assert connection.exists(key(f"{server.url}/small.csv"))
    assert not connection.exists(key(f"{server.url}/big.csv"))


def test_a_quiet_bluesky_account_gives_its_latest_page_without_a_second_request(realdata: Path) -> None:
    """The page that shows nothing since the window's start is the account's latest: the
    report used to throw it away and ask for it again."""
    items = json.loads((realdata / "bluesky" / "benoist_getAuthorFeed.json").read_text())["feed"]
    since = datetime(2030, 1, 1, tzinfo=UTC)  # after every post
    with fake_bluesky({"benoist.bsky.social": items}) as server:
        options = FetchOptions(bluesky_api_url=server.url, bluesky_page=7)
        quiet = fetch_feed("bluesky:benoist.bsky.social", name="Benoist", client=quick(),
                           options=options, since=since, latest_if_quiet=True).feed
        assert len(server.requests) == 1
        plain = fetch_feed("bluesky:benoist.bsky.social", name="Benoist", client=quick(),
                           options=options, since=since).feed
    assert len(quiet.posts) == 7 and plain.posts == []  # the latest page, newest 7
