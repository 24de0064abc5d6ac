"""The service: one object per workspace that every surface asks, with the same answers."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.config import WorkspaceConfig
from assistant.errors import ConfigError, InputError
from assistant.service import Assistant
from tests.fakes.feed_server import serve
from tests.reports.loopback import Host, only_127_0_0_1, serve_on


def test_own_domains_are_compared_as_the_rules_see_them() -> None:
    workspace = WorkspaceConfig.model_validate({"agency": {"own_domains": ["WWW.Bright.example"]}})
    service = Assistant(workspace, extra_domains=[" www.Other.example "])
    assert service.own_domains == {"bright.example", "other.example"}
    assert service.domains_for("client", ["Client.example"]) == {"client.example"}, \
        "a client's feed is not the agency's own"


def test_the_approval_workflow_needs_the_queue_in_redis(redis_url: str) -> None:
    import redis as redis_lib

    with pytest.raises(ConfigError, match="REDIS_URL"):
        _ = Assistant(WorkspaceConfig()).approvals
    service = Assistant(WorkspaceConfig(), redis=redis_lib.Redis.from_url(redis_url))
    assert service.approvals is service.approvals, "one workflow per service"
    assert service.approvals.store.get("q-missing") is None


def test_every_surface_picks_the_same_own_domains() -> None:
    """Drafts, queued posts and the agency's own feeds carry the agency's domains; a client's
    feed only its own. The service, the report and the approval review share one rule."""
    from assistant.context import domains_for

    workspace = WorkspaceConfig.model_validate({"agency": {"own_domains": ["WWW.Bright.example"]}})
    service = Assistant(workspace)
    agency = workspace.agency.own_domains
    assert service.domains_for(None, ["Acme.example"]) == domains_for(agency, None, ["acme.example"]) \
        == {"bright.example", "acme.example"}
    assert service.domains_for("executive") == domains_for(agency, "executive") == {"bright.example"}
    assert service.domains_for("client", [" www.Acme.example"]) == domains_for(agency, "client", ["acme.example"]) \
        == {"acme.example"}


def test_rules_read_own_domains_as_written() -> None:
    """A feed audited with its own domains in any case or with `www.` finds the same
    self-promotion as with the normal form."""
    from datetime import UTC, datetime, timedelta

    from assistant.audit import audit_feed
    from assistant.checks.ruleset import RuleSet
    from assistant.config import RulesConfig
    from assistant.models import Account, Feed, Post

    start = datetime(2026, 11, 1, 9, tzinfo=UTC)
    posts = [Post(id=str(i), platform="x", created_at=start + timedelta(days=i),
                  text=f"Notes from day {i}" + (f" https://shop.bright.example/p{i}" if i % 2 else ""))
             for i in range(12)]
    feed = Feed(account=Account(name="@bright", platform="x"), posts=posts)
    rules = RuleSet.from_config(RulesConfig(select=["self-promo-ratio", "link-flood"]))

    def found(domains: frozenset[str]) -> list[tuple[str, str]]:
        audit = audit_feed(feed, rules, as_of=start + timedelta(days=13), own_domains=domains)
        return [(f.rule, f.evidence) for f in audit.findings]

    normal = found(frozenset({"bright.example"}))
    assert [rule for rule, _ in normal] == ["self-promo-ratio"]
    assert found(frozenset({"WWW.Bright.Example"})) == normal


def _served_visbot(realdata: Path) -> AbstractContextManager[Host]:
    """visbot's X archive as an export URL on loopback (127.0.0.1 plays a public host)."""
    body = (realdata / "x_archive" / "visbot_tweets.js").read_bytes()
    return serve_on("127.0.0.1", {"/exports/visbot_tweets.js": (200, {}, body)})


def _promo(findings: Sequence[Any]) -> str:
    return next(f.message for f in findings if f.rule == "self-promo-ratio")


def test_a_chat_audit_of_an_export_url_gets_the_reports_verdict_under_its_name(
        realdata: Path) -> None:
    """`/review audit Data-viz client` named the account "Data-viz client" (a typed URL, by
    the URL), so self-promo-ratio could not guess visbot's own site: 1446 promoting posts
    where the daily report of the same feed counts 1545."""
    from assistant.reports.run import build_report
    from assistant.settings import Settings
    from assistant.sources.http import public_address

    settings = Settings(fetch_min_interval=0.0)
    with _served_visbot(realdata) as host:
        url = f"{host.url}/exports/visbot_tweets.js"
        workspace = WorkspaceConfig.model_validate({
            "agency": {"name": "Bright Pixel"},
            "feeds": [{"name": "Data-viz client", "source": url}]})
        service = Assistant(workspace, settings=settings)
        (line,) = build_report(settings, workspace, day=date(2026, 11, 25), use_llm=False).feeds
        tracked, _ = service.audit_source("data-viz client", address_rule=public_address)
        typed, _ = service.audit_source(url + "?token=HUNTER2", address_rule=only_127_0_0_1)
    assert line.audit is not None
    reported = _promo(line.audit.findings)
    assert "visbot.github.io" in reported, "the report guesses visbot's own site"
    assert _promo(tracked.findings) == reported
    assert _promo(typed.findings) == reported
    # shown as the chat asked: the Home tab keys scores by the tracked feed's name
    assert tracked.account.name == "Data-viz client"
    assert typed.account.name == url + "?…"


def test_a_chat_audit_of_a_client_feed_gets_the_reports_verdict(realdata: Path) -> None:
    """`/review audit` judged a tracked client feed with the agency's own domains (as a
    draft is judged), so with any agency domain configured the client's own site was never
    guessed: 1446 promoting posts in chat against the report's 1545, for one feed."""
    from assistant.reports.run import build_report
    from assistant.settings import Settings
    from assistant.sources.http import public_address

    settings = Settings(fetch_min_interval=0.0)
    with _served_visbot(realdata) as host:
        workspace = WorkspaceConfig.model_validate({
            "agency": {"name": "Bright Pixel", "own_domains": ["brightpixel-agency.example"]},
            "feeds": [{"name": "Data-viz client", "owner": "client",
                       "source": f"{host.url}/exports/visbot_tweets.js"}]})
        (line,) = build_report(settings, workspace, day=date(2026, 11, 25), use_llm=False).feeds
        chat, _ = Assistant(workspace, settings=settings).audit_source(
            "Data-viz client", address_rule=public_address)
    assert line.audit is not None
    assert _promo(chat.findings) == _promo(line.audit.findings)
    assert "visbot.github.io" in _promo(chat.findings), "the client's own site, not the agency's"


@pytest.mark.parametrize("source", ["mastodon:@someone@mastodon.invalid", "bluesky:someone.example"])
def test_a_server_answering_json_nested_too_deep_is_no_feed_not_a_dead_job(source: str) -> None:
    """`[[[[...` from the Mastodon lookup or a Bluesky page raised RecursionError: the chat
    audit's job died with "Auditing…" never answered, and the report's line read
    "unexpected error: RecursionError: maximum recursion depth exceeded ..."."""
    from assistant.reports.run import build_report
    from assistant.settings import Settings
    from assistant.sources.http import public_address

    nested = b"[" * 100_000
    with serve(lambda request: (200, {"Content-Type": "application/json"}, nested)) as server:
        settings = Settings(fetch_min_interval=0.0, mastodon_base_url=server.url,
                            bluesky_api_url=server.url)
        workspace = WorkspaceConfig.model_validate({"feeds": [{"name": "Broken", "source": source}]})
        with pytest.raises(InputError, match="not a feed I can read"):
            Assistant(workspace, settings=settings).audit_source(source, address_rule=public_address)
        (line,) = build_report(settings, workspace, day=date(2026, 11, 25), use_llm=False).feeds
    assert line.error is not None and line.error.endswith("(not JSON)")


def test_a_chat_audit_of_a_quiet_tracked_blog_is_the_reports_verdict(realdata: Path) -> None:
    """`/review audit Client blog` read every post the feed served and judged them as if
    the blog were still posting, where the daily report judges its last 30 days and leads
    with "No posts in the last 30 days": two verdicts for one feed on one day."""
    from datetime import UTC, datetime

    from assistant.reports.run import build_report
    from assistant.settings import Settings
    from assistant.sources.http import public_address

    settings = Settings(fetch_min_interval=0.0)
    body = (realdata / "rss" / "TypePadNews.xml").read_bytes()
    with serve_on("127.0.0.1", {"/feed.xml": (200, {"Content-Type": "application/rss+xml"}, body)}) as host:
        workspace = WorkspaceConfig.model_validate({
            "agency": {"name": "Bright Pixel"},
            "feeds": [{"name": "Client blog", "source": f"rss:{host.url}/feed.xml"}]})
        (line,) = build_report(settings, workspace, day=datetime.now(UTC).date(), use_llm=False).feeds
        chat, posts = Assistant(workspace, settings=settings).audit_source(
            "Client blog", address_rule=public_address)
    assert line.audit is not None and line.quiet
    assert chat.findings[0].rule == line.audit.findings[0].rule == "no-recent-posts"
    assert chat.health == line.audit.health
    assert len(posts) == line.audit.stats.posts


def test_a_chat_audit_of_an_export_of_several_authors_counts_what_it_left_out(realdata: Path) -> None:
    """A support data set typed in chat as an export URL: only AppleSupport's 13 posts are
    judged, and the audit says 80 posts of other accounts were left out (the cards show it)."""
    body = (realdata / "support_tweets" / "twcs_sample.csv").read_bytes()
    with serve_on("127.0.0.1", {"/exports/twcs.csv": (200, {}, body)}) as host:
        service = Assistant(WorkspaceConfig.model_validate({"agency": {"name": "Bright Pixel"}}))
        audit, posts = service.audit_source(f"{host.url}/exports/twcs.csv", address_rule=only_127_0_0_1)
    assert (audit.stats.posts, audit.stats.left_out, len(posts)) == (13, 80, 13)
