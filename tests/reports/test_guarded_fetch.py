"""Fetching sources typed in chat: every connection (redirects included) passes the address
rule and goes to the address that was checked; configured sources are unaffected."""

from __future__ import annotations

import time

import pytest

from assistant.settings import Settings
from assistant.sources.fetch import FetchOptions, chat_client, fetch_feed, fetch_setup
from assistant.sources.http import FetchError, HttpClient, RedisCache
from tests.conftest import EXAMPLES
from tests.reports.loopback import only_127_0_0_1, serve_on

SECRET = b"secret-internal-value,2\n"
EXPORT = (EXAMPLES / "brightpixel_x.jsonl").read_bytes()


def quick() -> HttpClient:
    return HttpClient(timeout=2.0, attempts=3, backoff=0.01, min_interval=0.0)


def test_a_redirect_to_a_private_address_is_refused_before_connecting() -> None:
    with serve_on("127.0.0.2", {"/secret.csv": (200, {}, SECRET)}) as internal, \
         serve_on("127.0.0.1", {"/feed.csv": (302, {"Location": "?"}, b"")}) as public:
        public.routes["/feed.csv"] = (302, {"Location": f"{internal.url}/secret.csv"}, b"")
        client = quick().guarded(only_127_0_0_1)
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            client.get(f"{public.url}/feed.csv")
    assert public.paths == ["/feed.csv"]
    assert internal.paths == [], "the internal host was contacted"
    assert "refused" in caught.value.reason and "not a public address" in caught.value.reason
    assert time.monotonic() - started < 1.5, "a refusal is not retried"


def test_a_redirect_to_an_allowed_address_is_followed() -> None:
    with serve_on("127.0.0.1", {"/old": (301, {"Location": "/feed.jsonl"}, b""),
                                "/feed.jsonl": (200, {}, EXPORT)}) as public:
        feed = fetch_feed(f"{public.url}/old", name="Bright Pixel",
                          client=quick().guarded(only_127_0_0_1)).feed
    assert public.paths == ["/old", "/feed.jsonl"]
    assert len(feed.posts) > 5


def test_redirects_to_other_schemes_are_refused() -> None:
    with serve_on("127.0.0.1", {"/feed": (302, {"Location": "ftp://127.0.0.1/etc/passwd"}, b"")}) as public, \
         pytest.raises(FetchError) as caught:
        quick().guarded(only_127_0_0_1).get(f"{public.url}/feed")
    assert "non-HTTP" in caught.value.reason


def test_the_public_rule_refuses_loopback_without_sending_a_request() -> None:
    with serve_on("127.0.0.1", {"/feed.jsonl": (200, {}, EXPORT)}) as host, \
         pytest.raises(FetchError) as caught:
        quick().guarded().get(f"{host.url}/feed.jsonl")
    assert host.paths == []
    assert "not a public address" in caught.value.reason


def test_an_unguarded_client_still_reads_configured_loopback_sources() -> None:
    with serve_on("127.0.0.1", {"/old": (302, {"Location": "/feed.jsonl"}, b""),
                                "/feed.jsonl": (200, {}, EXPORT)}) as host:
        assert quick().get(f"{host.url}/old").body == EXPORT


def test_chat_client_guards_named_hosts_but_not_the_configured_apis() -> None:
    client = quick()
    proxied = FetchOptions(mastodon_base_url="http://127.0.0.1:1")
    for source, options in (("bluesky:someone.example", FetchOptions()),
                            ("mastodon:@a@b.example", proxied)):
        unguarded = chat_client(source, client, options)
        assert unguarded.allow_address is None and unguarded.cache is None
    for source in ("rss:https://b.example/feed", "https://b.example/x.csv", "mastodon:@a@b.example"):
        guarded = chat_client(source, client, FetchOptions())
        assert guarded.allow_address is not None and guarded.cache is None
    assert client.cache is not None, "the shared client keeps its cache"


def test_fetch_setup_uses_the_settings_and_the_redis_cache(redis_url: str) -> None:
    import redis

    settings = Settings(fetch_timeout=3.5, fetch_min_interval=0.25,
                        mastodon_base_url="http://127.0.0.1:9/", bluesky_api_url="http://127.0.0.1:8")
    connection = redis.Redis.from_url(redis_url)
    client, options = fetch_setup(settings, connection)
    assert (client.timeout, client.min_interval) == (3.5, 0.25)
    assert isinstance(client.cache, RedisCache) and client.cache.client is connection
    assert options.mastodon_base_url == "http://127.0.0.1:9/"
    assert options.bluesky_api_url == "http://127.0.0.1:8"
