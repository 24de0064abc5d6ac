"""`/review audit`: tracked feeds by name; chat-given sources cannot reach files or private hosts."""

from __future__ import annotations

import json
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

    assert "Bright Pixel on X" in Store(tracked.redis).latest_health()


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
        assert "secret" not in sent and "404" not in sent and "columns" not in sent


def test_a_chat_audit_is_named_by_the_public_form_of_its_source(rig: SlackRig) -> None:
    export = (EXAMPLES / "brightpixel_x.jsonl").read_bytes()
    with serve_on("127.0.0.1", {"/feed.jsonl": (200, {}, export)}) as public:
        rig.address_rule = only_127_0_0_1
        rig.command(f"audit {public.url}/feed.jsonl?token=HUNTER2")
        rig.work()
    top, *thread = rig.posted()
    assert f"Feed health for {public.url}/feed.jsonl?…" in top["text"]
    assert "HUNTER2" not in json.dumps([top, *thread])
    from assistant.store import Store

    health = Store(rig.redis).latest_health()
    assert health and not any("HUNTER2" in name for name in health), "token on the Home tab"


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
