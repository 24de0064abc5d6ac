"""AAD group approvers (`teams:group:<id>`): members found through a loopback Microsoft Graph
(paged, cached), and nobody at all when Graph is not configured."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from assistant.approvals import presenter
from tests.approvals.conftest import (  # noqa: F401 - fixtures used by name
    ApprovalRig,
    ApprovalsSlack,
    app_factory,
    fake,
)
from tests.fakes.feed_server import Answer, FakeServer, Request, serve
from tests.teams.conftest import texts
from tests.teams.fake_connector import FakeConnector
from tests.teams.test_approvals import Both, start

GROUP = "9e1d3c2a-5b4f-4e8d-9c7b-0a1b2c3d4e5f"
MEMBER = "7C9E6679-7425-40DE-944B-E07FC1F90AE7"  # Graph and Teams may spell ids in either case
OTHER_MEMBER = "550e8400-e29b-41d4-a716-446655440000"
STRANGER = "16fd2706-8baf-433b-82eb-8c7fada847da"


def graph_route(members: dict[str, list[str]]) -> Callable[[Request], Answer]:
    """`GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user`, two pages."""

    def route(request: Request) -> Answer:
        parts = request.path.strip("/").split("/")
        ids = members.get(parts[2]) if len(parts) > 2 else None
        if ids is None or parts[3:] != ["transitiveMembers", "microsoft.graph.user"]:
            return _json(404, {"error": {"code": "Request_ResourceNotFound"}})
        page = 2 if "$skiptoken" in request.query else 1
        body: dict[str, Any] = {"value": [{"id": i} for i in ids[page - 1::2]]}
        if page == 1:
            body["@odata.nextLink"] = f"http://{request.headers['host']}{request.path}?$skiptoken=2"
        return _json(200, body)

    return route


def _json(status: int, body: dict[str, Any]) -> Answer:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


@pytest.fixture
def graph() -> Iterator[FakeServer]:
    with serve(graph_route({GROUP: [MEMBER, OTHER_MEMBER]})) as server:
        yield server


def _with_group(app_factory: Callable[[ApprovalsSlack], ApprovalRig], fake: ApprovalsSlack,  # noqa: F811
                connector: FakeConnector, redis_url: str, graph_url: str | None
                ) -> Iterator[Both]:
    from integrations.teams.bot.settings import TeamsSettings
    from tests.approvals.test_workflow import _only

    saved = presenter.registered()
    slack = app_factory(fake)
    slack.workspace.clients[0].approvers.append(f"teams:group:{GROUP}")
    rig, stop = start(slack, connector, redis_url,
                      TeamsSettings(allow_unauthenticated=True, graph_base_url=graph_url))
    yield rig
    stop()
    _only(saved)


@pytest.fixture
def both(app_factory: Callable[[ApprovalsSlack], ApprovalRig], fake: ApprovalsSlack,  # noqa: F811
         connector: FakeConnector, redis_url: str, graph: FakeServer, clean_env: None
         ) -> Iterator[Both]:
    yield from _with_group(app_factory, fake, connector, redis_url, graph.url)


@pytest.fixture
def without_graph(app_factory: Callable[[ApprovalsSlack], ApprovalRig],  # noqa: F811
                  fake: ApprovalsSlack, connector: FakeConnector,  # noqa: F811
                  redis_url: str, clean_env: None) -> Iterator[Both]:
    yield from _with_group(app_factory, fake, connector, redis_url, None)


def test_a_member_of_an_approver_group_approves_and_others_are_refused(
        both: Both, graph: FakeServer) -> None:
    record = both.queue("Focaccia Fridays are back.")
    refused = both.click(record, "approve", STRANGER, "Sam")
    assert refused["value"] == "You are not an approver for Acme Bakery."
    answer = both.click(record, "approve", MEMBER, "Mia")
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    assert "Approved by Mia" in " ".join(texts(answer["value"]))
    assert len(graph.requests) == 2  # both pages once; the second click used the cache


def test_a_member_on_the_second_page_counts_too(both: Both) -> None:
    record = both.queue("Doughnut Saturday.")
    answer = both.click(record, "reject", OTHER_MEMBER, "Otto")
    assert "Rejected by Otto" in " ".join(texts(answer["value"]))


def test_without_graph_a_group_grants_nobody_and_says_why(
        without_graph: Both, caplog: pytest.LogCaptureFixture) -> None:
    record = without_graph.queue("Pretzel pop-up on Sunday.")
    with caplog.at_level("WARNING", logger="assistant.approvals"):
        refused = without_graph.click(record, "approve", MEMBER, "Mia")
    assert refused["value"] == "You are not an approver for Acme Bakery."
    assert f"teams:group:{GROUP} grants nobody: Microsoft Graph is not configured" in caplog.text
    assert without_graph.slack.get(record.id).state == "pending"
