"""`/review audit`: tracked feeds by name; chat-given sources cannot reach files or private hosts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.config import WorkspaceConfig
from tests.conftest import EXAMPLES
from tests.fakes.mastodon import fake_mastodon
from tests.reports.loopback import only_127_0_0_1, serve_on
from tests.slack.conftest import SlackRig


@pytest.fixture
def tracked(rig: SlackRig) -> SlackRig:
    rig.workspace = WorkspaceConfig.model_validate({
        "agency": {"name": "Bright Pixel"},
        "feeds": [{"name": "Bright Pixel on X", "owner": "agency",
                   "source": str(EXAMPLES / "brightpixel_x.jsonl")}],
    })
    return rig


def test_audit_of_a_tracked_feed_posts_health_and_feeds_the_home_tab(tracked: SlackRig) -> None:
    ack = tracked.command("audit bright pixel on x").json()
    assert "Auditing" in ack["text"]
    tracked.work()
    top, *thread = tracked.posted()
    assert "Feed health for Bright Pixel on X" in top["text"]
    assert thread and all(t["thread_ts"] for t in thread)
    assert "Findings" in json.dumps(thread)
    from assistant.store import Store

    assert "Bright Pixel on X" in Store(tracked.redis).latest_health(["bright pixel on x"])


@pytest.mark.parametrize("source, why", [
    ("/etc/passwd", "not files"),
    ("rss:http://127.0.0.1:9/feed.xml", "not a public address"),
    ("https://10.1.2.3/export.jsonl", "not a public address"),
])
def test_chat_given_sources_cannot_read_files_or_private_hosts(
    rig: SlackRig, source: str, why: str
) -> None:
    rig.command(f"audit {source}")
    rig.work()
    (answer,) = rig.posted()
    assert "could not audit" in answer["text"] and why in answer["text"]


def test_a_redirect_to_an_internal_host_is_refused_and_nothing_internal_is_posted(
    rig: SlackRig,
) -> None:
    """127.0.0.1 plays a public host that 302s to an internal one (127.0.0.2)."""
    internal_body = b"secret-internal-value,2\n"
    with serve_on("127.0.0.2", {"/secret.csv": (200, {}, internal_body)}) as internal, \
         serve_on("127.0.0.1", {}) as public:
        public.routes["/feed.csv"] = (302, {"Location": f"{internal.url}/secret.csv"}, b"")
        rig.address_rule = only_127_0_0_1
        rig.command(f"audit {public.url}/feed.csv")
        rig.work()
    assert public.paths == ["/feed.csv"]
    assert internal.paths == [], "the worker connected to the internal host"
    (answer,) = rig.posted()
    sent = json.dumps(answer)
    assert "not a feed I can read" in answer["text"]
    assert "secret-internal-value" not in sent and "127.0.0.2" not in sent


def test_importer_errors_about_a_chat_source_are_not_echoed(rig: SlackRig) -> None:
    """A body that is not a feed (here, what an internal page could hold) is not quoted back."""
    with serve_on("127.0.0.1", {"/feed.csv": (200, {}, b"secret-internal-value,2\n"),
                                "/missing.jsonl": (404, {}, b"secret 404 page")}) as public:
        rig.address_rule = only_127_0_0_1
        rig.command(f"audit {public.url}/feed.csv")
        rig.command(f"audit rss:{public.url}/missing.jsonl")
        rig.work()
    answers = rig.posted()
    assert len(answers) == 2
    for answer in answers:
        sent = json.dumps(answer)
        assert "not a feed I can read" in answer["text"]
        # the status as a word: a random block id may hold the digits ("…16404595bf…")
        assert "secret" not in sent and not re.search(r"\b404\b", sent) and "columns" not in sent


def test_a_chat_audit_is_named_by_the_public_form_of_its_source(rig: SlackRig) -> None:
    export = (EXAMPLES / "brightpixel_x.jsonl").read_bytes()
    with serve_on("127.0.0.1", {"/feed.jsonl": (200, {}, export)}) as public:
        rig.address_rule = only_127_0_0_1
        rig.command(f"audit {public.url}/feed.jsonl?token=HUNTER2")
        rig.work()
    top, *thread = rig.posted()
    assert f"Feed health for {public.url}/feed.jsonl?…" in top["text"]
    assert "HUNTER2" not in json.dumps([top, *thread])
    from assistant.store import key

    assert rig.redis.hgetall(key("health", "latest")) == {}, "a typed source on everyone's Home tab"


def test_chat_audit_uses_the_configured_mastodon_base_url(rig: SlackRig, realdata: Path) -> None:
    statuses = [s for page in sorted((realdata / "mastodon").glob(
        "account_statuses_schochastics_page*.json")) for s in json.loads(page.read_text())]
    with fake_mastodon({"schochastics": statuses}) as server:
        rig.settings = rig.settings.model_copy(update={"mastodon_base_url": server.url,
                                                        "fetch_min_interval": 0.0})
        rig.command("audit mastodon:@schochastics@mastodon.invalid")
        rig.work()
    assert "/api/v1/accounts/lookup" in server.paths()
    top, *_ = rig.posted()
    assert "Feed health for mastodon:@schochastics@mastodon.invalid" in top["text"]


def _cache_key(url: str) -> str:
    import hashlib

    from assistant.sources.http import CACHE_PREFIX

    return CACHE_PREFIX + hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def test_chat_fetches_never_fill_the_shared_redis_cache(rig: SlackRig) -> None:
    """Anyone can type a URL: a body cached for days per URL would fill the queue's Redis."""
    garbage = b"not,a,feed\n" * 50_000  # half a MB that is no feed, with an ETag
    export = (EXAMPLES / "brightpixel_x.jsonl").read_bytes()
    with serve_on("127.0.0.1", {"/big.csv": (200, {"ETag": '"v1"'}, garbage),
                                "/feed.jsonl": (200, {"ETag": '"v2"'}, export)}) as public:
        rig.address_rule = only_127_0_0_1
        urls = [f"{public.url}/big.csv?{n}" for n in range(3)] + [f"{public.url}/feed.jsonl"]
        for url in urls:
            rig.command(f"audit {url}")
        rig.command(f"audit rss:{public.url}/big.csv?rss")
        rig.work()
    answers = [a["text"] for a in rig.posted() if "thread_ts" not in a]
    assert sum("not a feed I can read" in a for a in answers) == 4
    assert any("Feed health for" in a for a in answers)
    for url in [*urls, f"{public.url}/big.csv?rss"]:
        assert not rig.redis.exists(_cache_key(url)), f"{url} was cached in the shared Redis"


def test_a_failed_chat_audit_shows_only_the_public_form_of_the_source(rig: SlackRig) -> None:
    with serve_on("127.0.0.1", {"/feed.csv": (200, {}, b"nothing to see\n")}) as public:
        rig.address_rule = only_127_0_0_1
        rig.command(f"audit {public.url}/feed.csv?token=HUNTER2")
        rig.command("audit RSS:https://user:HUNTER2@10.1.2.3/feed?token=HUNTER2")
        rig.command("audit rss:ftp://10.1.2.3/feed?token=HUNTER2")
        rig.work()
    answers = rig.posted()
    assert len(answers) == 3
    assert "HUNTER2" not in json.dumps(answers)
    assert f"could not audit {public.url}/feed.csv?…" in answers[0]["text"]
    assert "could not audit rss:https://10.1.2.3/feed?…" in answers[1]["text"]


def test_internal_names_that_exist_and_do_not_get_the_same_answer(rig: SlackRig) -> None:
    """Otherwise the worker's resolver tells a member which internal host names exist."""
    rig.command("audit rss:http://localhost:9/feed.xml")  # resolves, to loopback
    rig.command("audit rss:http://no-such-host.invalid:9/feed.xml")  # does not resolve
    rig.work()
    resolves, missing = (a["text"] for a in rig.posted())
    assert resolves.replace("localhost", "HOST") == missing.replace("no-such-host.invalid", "HOST")
    assert "resolve" not in missing


def test_an_export_url_ending_in_dot_dot_gets_an_answer(rig: SlackRig) -> None:
    export = (EXAMPLES / "brightpixel_x.jsonl").read_bytes()
    with serve_on("127.0.0.1", {"/exports/..": (200, {}, export)}) as public:
        rig.address_rule = only_127_0_0_1
        rig.command(f"audit {public.url}/exports/..")
        rig.work()
    assert public.paths == ["/exports/.."]
    top, *_ = rig.posted()
    assert "Feed health for" in top["text"]
