"""What the listeners share: settings, the service, the Redis store and the job queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.jobs import JobRequest, enqueue

if TYPE_CHECKING:
    from redis import Redis

    from assistant.checks.ruleset import RuleSet
    from assistant.config import WorkspaceConfig
    from assistant.service import Assistant
    from assistant.settings import Settings
    from assistant.store import Store

# Named, not imported: the web process stays light. The core worker (`assistant.dispatch`)
# performs it; importing this module first registers Slack's replies.
JOB = "integrations.slack.worker.perform"


@dataclass
class Deps:
    """Built once by `create_app` and handed to every listener module's `register`."""

    settings: Settings
    workspace: WorkspaceConfig
    rules: RuleSet  # the service's rule set
    redis: Redis
    store: Store
    service: Assistant | None = None

    def enqueue(self, request: JobRequest) -> str:
        """Hand slow work to the worker; returns the job id (a Redis round trip, no more)."""
        return enqueue(self.redis, JOB, request)


def slack_reply(channel: str, *, thread_ts: str | None = None, team_id: str = "",
                response_url: str | None = None) -> dict[str, Any]:
    """Where a Slack request is answered (`JobRequest.reply`): the channel (or a user id, for
    a DM), the thread, the workspace and the command's response_url, those that are set."""
    reply: dict[str, Any] = {"channel": channel, "thread_ts": thread_ts, "team_id": team_id,
                             "response_url": response_url}
    return {key: value for key, value in reply.items() if value}
