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
