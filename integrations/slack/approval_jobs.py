"""Slack's part in the approval jobs: the worker registers Slack's presenter with the core.

The jobs themselves (review a version and present it, redraw, expire) run in the core,
`assistant.approvals.jobs`; they call every registered presenter whose platform the
post's client uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from redis import Redis
    from slack_sdk import WebClient

    from assistant.config import WorkspaceConfig
    from assistant.settings import Settings


class WorkerContext(Protocol):
    """What installing needs of the Slack worker's context (`integrations.slack.worker`)."""

    @property
    def settings(self) -> Settings: ...
    @property
    def workspace(self) -> WorkspaceConfig: ...
    @property
    def redis(self) -> Redis | None: ...
    @property
    def client(self) -> WebClient: ...


def install(ctx: WorkerContext) -> None:
    """Present this worker's approval jobs (configured by the core) in Slack."""
    from assistant.approvals import jobs
    from assistant.approvals.presenter import register
    from integrations.slack.approval_presenter import SlackGroups, SlackPresenter

    workflow = jobs.runtime().workflow  # the core configured it for this worker
    workflow.groups["slack"] = SlackGroups(ctx.client, workflow.redis)
    register(SlackPresenter(ctx.client, workflow.redis))
