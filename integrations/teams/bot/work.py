"""What the bot asks of the core: review a draft, critique it, audit a tracked feed.

One small object, built once with the app, so the handlers never reach into the core
themselves. Everything here is synchronous (the core is); handlers run it in a thread.
The critique is a separate step on purpose: the bot answers with the rule verdict at
once and adds the critique to the same card when the model has spoken (see
`handlers.messages`), and that step is the one to hand to a job queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.models import FeedAudit, Post, Review

if TYPE_CHECKING:
    from redis import Redis

    from assistant.checks.ruleset import RuleSet
    from assistant.config import WorkspaceConfig
    from assistant.settings import Settings

MAX_DRAFT = 20_000  # characters: far above every platform's limit, far below a message's


@dataclass
class Work:
    """The core operations the bot uses, with the rules and domains of this workspace."""

    settings: Settings
    workspace: WorkspaceConfig
    redis: Redis
    rules: RuleSet = field(init=False)
    own_domains: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        from assistant.checks.ruleset import RuleSet

        self.rules = RuleSet.from_config(self.workspace.rules, path=self.workspace.path,
                                         text=self.workspace.text)
        self.own_domains = frozenset(d.lower().removeprefix("www.")
                                     for d in self.workspace.agency.own_domains)

    @property
    def critique_configured(self) -> bool:
        """True when a model endpoint is configured (the critique is worth waiting for)."""
        return self.settings.llm_configured

    def review(self, text: str, platform: str = "x") -> Review:
        """The rules' review of a draft, as if posted now (milliseconds)."""
        from assistant.review import review_post

        if len(text) > MAX_DRAFT:
            raise InputError(f"that draft is {len(text):,} characters; I review up to "
                             f"{MAX_DRAFT:,}")
        now = datetime.now(UTC)
        post = Post(id="draft", platform=platform, created_at=now, text=text)  # type: ignore[arg-type]
        return review_post(post, self.rules, own_domains=self.own_domains, as_of=now)

    def critique(self, target: Review, posts: list[Any] | None = None) -> Review:
        """The review with the model's critique (cached in Redis), or a note saying why
        there is none: never raises, the rule findings always go out."""
        from assistant.critique.cache import CritiqueCache
        from assistant.critique.critic import critique_or_note

        cache = CritiqueCache(self.settings.redis_url, ttl=self.settings.llm_cache_ttl)
        return critique_or_note(target, self.settings, rules_fingerprint=self.rules.fingerprint(),
                                cache=cache, posts=posts)

    def audit(self, name: str) -> FeedAudit:
        """Audit a feed tracked in assistant.toml, found by its name.

        Only tracked feeds (an administrator wrote them): a URL typed in a chat would let
        anyone in the tenant make the server fetch addresses of their choosing.
        """
        from assistant.audit import audit_feed
        from assistant.sources.fetch import FetchError, fetch_feed, fetch_setup

        tracked = next((f for f in self.workspace.feeds if f.name.casefold() == name.casefold()),
                       None)
        if tracked is None:
            names = ", ".join(f.name for f in self.workspace.feeds) or "none yet"
            raise InputError(f"{name!r} is not a tracked feed (tracked: {names})")
        http, options = fetch_setup(self.settings, self.redis)
        try:
            feed = fetch_feed(tracked.source, name=tracked.name, owner=tracked.owner,
                              platform=tracked.platform, client=http, options=options)
        except FetchError as exc:
            raise InputError(f"cannot read {tracked.name}: {exc.reason}") from None
        domains = self.own_domains | {d.lower().removeprefix("www.") for d in tracked.own_domains}
        return audit_feed(feed, self.rules, as_of=datetime.now(UTC), own_domains=domains)
