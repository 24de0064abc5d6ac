"""The worker's job: run a chat request through the service, then answer on its surface.

A request (`assistant.jobs.JobRequest`) names its chat surface ("slack", "teams"); each
chat integration registers how it answers (`reply_with`), so one `assistant worker`
serves every configured platform and the core names none of them. A job may run more
than once (retries, a killed worker): surfaces key every message by the request's id.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from assistant.errors import AssistantError, ConfigError, chat_text
from assistant.jobs import JobRequest
from assistant.models import FeedAudit, Review
from assistant.sources.http import AddressRule, public_address

if TYPE_CHECKING:
    from redis import Redis

    from assistant.config import WorkspaceConfig
    from assistant.effects import Effects
    from assistant.service import Assistant
    from assistant.settings import Settings

log = logging.getLogger(__name__)

NO_PARENT = "I could not read the first message of this thread."
NO_TEXT = "There is no text to review in that message."


class Surface(Protocol):
    """How one chat platform reads a request's input and delivers its answer."""

    def parent_text(self, request: JobRequest) -> str | None:
        """The text of the message the request replies to (a thread's first), if readable."""
        ...

    def review(self, request: JobRequest, review: Review) -> dict[str, Any]:
        """Deliver a review; returns what was posted (for the job's result)."""
        ...

    def audit(self, request: JobRequest, audit: FeedAudit) -> dict[str, Any]:
        """Deliver a feed audit."""
        ...

    def notice(self, request: JobRequest, text: str) -> dict[str, Any]:
        """Deliver one line instead of an answer (nothing to review, a feed not read)."""
        ...

    def report(self, request: JobRequest) -> dict[str, Any]:
        """Run and deliver the on-demand report for the place the request came from."""
        ...


SurfaceFactory = Callable[["WorkerContext"], Surface]
_surfaces: dict[str, SurfaceFactory] = {}


def reply_with(surface: str, factory: SurfaceFactory) -> None:
    """Register how requests from `surface` are answered (called by the chat integration)."""
    _surfaces[surface] = factory


_setups: list[Callable[[WorkerContext], None]] = []


def on_configure(setup: Callable[[WorkerContext], None]) -> None:
    """Run `setup` each time a worker's context is configured (a chat integration sets up
    its part of other jobs there, such as presenting approvals)."""
    if setup not in _setups:
        _setups.append(setup)


def surfaces() -> list[str]:
    """The chat surfaces registered in this process."""
    return sorted(_surfaces)


@dataclass
class WorkerContext:
    """What every job needs, built once per worker process."""

    settings: Settings
    workspace: WorkspaceConfig
    service: Assistant
    redis: Redis | None
    address_rule: AddressRule = public_address  # where chat-given sources may connect
    answering: dict[str, Surface] = field(default_factory=dict)

    def effects(self) -> Effects:
        """The idempotency records of this worker's outward posts (in the shared Redis)."""
        from assistant.effects import Effects

        if self.redis is None:
            from assistant.connections import connect

            self.redis = connect(self.settings, "the worker keeps its answers' records in Redis")
            self.service.redis = self.redis
        return Effects(self.redis)

    def surface(self, name: str) -> Surface:
        """The registered surface's replies, made once per process."""
        if name not in self.answering:
            factory = _surfaces.get(name)
            if factory is None:
                raise ConfigError(f"no chat integration answers {name!r} requests in this worker")
            self.answering[name] = factory(self)
        return self.answering[name]


_context: WorkerContext | None = None


def configure(settings: Settings, workspace: WorkspaceConfig, redis: Redis | None = None, *,
              address_rule: AddressRule = public_address) -> WorkerContext:
    """Set this process's context (the `worker` command and tests call it before working).

    `address_rule` says which addresses a source typed in chat may reach: public ones only
    (tests that serve "public" feeds on loopback widen it).
    """
    from assistant.service import Assistant

    global _context
    if redis is not None:
        # The approval jobs belong to the core: set up here, with this worker's settings and
        # workspace (its --config), before any platform registers its presenter.
        from assistant.approvals import jobs as approval_jobs

        approval_jobs.configure(settings, workspace, redis)
    service = Assistant(workspace, settings=settings, redis=redis)
    context = _context = WorkerContext(settings=settings, workspace=workspace, service=service,
                                       redis=redis, address_rule=address_rule)
    for setup in _setups:
        setup(context)
    return context


def worker_context() -> WorkerContext:
    """The context `configure` set up (built from the environment under a plain `rq worker`)."""
    if _context is None:
        from assistant.config import load_workspace
        from assistant.settings import load_settings

        settings = load_settings()
        return configure(settings, load_workspace(settings.config))
    return _context


def perform(payload: dict[str, Any]) -> dict[str, Any]:
    """The RQ job: one review, audit or report, answered where it was asked."""
    request = JobRequest.model_validate(payload)
    if not request.id:  # enqueued by an older version: the job's id keys its effects
        from rq import get_current_job

        job = get_current_job()
        request.id = job.id if job is not None else uuid.uuid4().hex
    ctx = worker_context()
    surface = ctx.surface(request.surface)
    if request.kind == "audit":
        return _audit(ctx, surface, request)
    if request.kind == "report":
        return surface.report(request)
    return _review(ctx, surface, request)


def _review(ctx: WorkerContext, surface: Surface, request: JobRequest) -> dict[str, Any]:
    text: str | None = request.text
    if request.fetch_parent:
        text = surface.parent_text(request)
        if text is None:
            return surface.notice(request, NO_PARENT)
    if not text or not text.strip():
        return surface.notice(request, NO_TEXT)
    review = ctx.service.review(text, platform=request.platform, critique=True)
    return surface.review(request, review)


def _audit(ctx: WorkerContext, surface: Surface, request: JobRequest) -> dict[str, Any]:
    from assistant.sources.fetch import public_source

    try:
        audit, posts = ctx.service.audit_source(request.text, address_rule=ctx.address_rule)
    except AssistantError as exc:
        # answered in the channel: the source as typed (privately) may carry a token
        return surface.notice(request, chat_text(exc, doing=f"audit {public_source(request.text)}"))
    audit = ctx.service.critique(audit, posts)
    # The Home tab, which every member sees, lists tracked feeds only: a source typed in a
    # DM or a private channel is answered there and nowhere else.
    if ctx.service.tracked_feed(request.text):
        ctx.service.record_health(audit)
    return surface.audit(request, audit)
