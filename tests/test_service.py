"""The service: one object per workspace that every surface asks, with the same answers."""

from __future__ import annotations

import pytest

from assistant.config import WorkspaceConfig
from assistant.errors import ConfigError
from assistant.service import Assistant


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
