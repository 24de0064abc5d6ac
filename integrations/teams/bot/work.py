"""What the bot asks of the core: review a draft, critique it, queue an audit or a report.

One small object, built once with the app, so the handlers never reach into the core
themselves. Everything here is synchronous (the core is); handlers run it in a thread.
The critique is a separate step on purpose: the bot answers with the rule verdict at
once and adds the critique to the same card when the model has spoken (see
`handlers.messages`): that step, and audits, go to the job queue (`queue`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.models import Review

if TYPE_CHECKING:
    from redis import Redis

    from assistant.checks.ruleset import RuleSet
    from assistant.config import WorkspaceConfig
    from assistant.jobs import JobRequest
    from assistant.service import Assistant
    from assistant.settings import Settings

JOB = "integrations.teams.replies.perform"  # by name: the bot never imports the worker's side
MAX_DRAFT = 20_000  # characters: far above every platform's limit, far below a message's


@dataclass
class Work:
    """The core operations the bot uses, through the workspace's service (`Assistant`)."""

    settings: Settings
    workspace: WorkspaceConfig
    redis: Redis
    service: Assistant = field(init=False)

    def __post_init__(self) -> None:
        from assistant.service import Assistant

        self.service = Assistant(self.workspace, settings=self.settings, redis=self.redis)

    @property
    def rules(self) -> RuleSet:
        return self.service.rules

    @property
    def own_domains(self) -> frozenset[str]:
        return self.service.own_domains

    @property
    def critique_configured(self) -> bool:
        """True when a model endpoint is configured (the critique is worth waiting for)."""
        return self.settings.llm_configured

    def review(self, text: str, platform: str = "x") -> Review:
        """The rules' review of a draft, as if posted now (milliseconds)."""
        if len(text) > MAX_DRAFT:
            raise InputError(f"that draft is {len(text):,} characters; I review up to "
                             f"{MAX_DRAFT:,}")
        return self.service.review(text, platform=platform)

    def critique(self, target: Review, posts: list[Any] | None = None) -> Review:
        """The review with the model's critique (cached in Redis), or a note saying why
        there is none: never raises, the rule findings always go out."""
        return self.service.critique(target, posts)

    def queue(self, request: JobRequest) -> str:
        """Hand a slow request (a critique, an audit, a report) to the workers, answered in
        Teams (`integrations.teams.replies`); returns the job's id in a millisecond or two."""
        from assistant.jobs import enqueue

        return enqueue(self.redis, JOB, request.model_copy(update={"surface": "teams"}))

    def tracked(self, name: str) -> str:
        """The name of the tracked feed `name` means (case aside), or InputError listing them.

        Only tracked feeds (an administrator wrote them): a URL typed in a chat would let
        anyone in the tenant make the server fetch addresses of their choosing.
        """
        tracked = self.service.tracked_feed(name)
        if tracked is None:
            names = ", ".join(f.name for f in self.workspace.feeds) or "none yet"
            raise InputError(f"{name!r} is not a tracked feed (tracked: {names})")
        return tracked.name
