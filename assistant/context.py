"""What every operation on a workspace shares: its rule set, own domains and critic.

The service (`assistant.service`) is built on these, and the report runner and the
approval jobs use them directly when called without a service, so the rule set is
resolved and the own domains chosen (`domains_for`, normalised by
`assistant.text.own_domains`) in this one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from assistant.models import FeedAudit, Post, Review
from assistant.text import own_domains

if TYPE_CHECKING:
    from assistant.checks.ruleset import RuleSet
    from assistant.config import RulesConfig, WorkspaceConfig
    from assistant.critique.cache import CritiqueCache
    from assistant.settings import Settings

Target = TypeVar("Target", Review, FeedAudit)

__all__ = ["AGENCY_OWNERS", "Critic", "Target", "domains_for", "hard_limit_rules", "own_domains",
           "rule_set"]


def rule_set(workspace: WorkspaceConfig | None, rules: RulesConfig | None = None) -> RuleSet:
    """The rule set in force: `rules` (the config's `[rules]` with command-line changes) or
    the workspace's, checked against the file so errors name its line. Without a config
    file nor changes, the built-in defaults (no config models are built for them)."""
    from assistant.checks.ruleset import RuleSet

    if workspace is None or (workspace.path is None and rules is None):
        return RuleSet.from_config(rules)
    return RuleSet.from_config(rules if rules is not None else workspace.rules,
                               path=workspace.path, text=workspace.text)


# whose accounts carry the agency's own domains (None: a draft or a queued post)
AGENCY_OWNERS = (None, "agency", "executive")


def domains_for(agency: Iterable[str], owner: str | None = None,
                extra: Iterable[str] = ()) -> frozenset[str]:
    """The own domains for one account: the agency's (`agency`) for its own and its
    executives' feeds and for drafts and queued posts (`owner=None`), a client's feed only
    its own (`extra`, the feed's or the client's `own_domains`)."""
    return own_domains(agency if owner in AGENCY_OWNERS else (), extra)


@cache
def hard_limit_rules() -> RuleSet:
    """The `too-long` rule alone, at its default thresholds: what a platform refuses
    outright. A workspace's regrading must neither let an over-limit post into the
    approval queue nor keep a merely long one out."""
    from assistant.config import RulesConfig

    return rule_set(None, RulesConfig(select=["too-long"]))


class Critic:
    """The LLM critique of reviews and audits for one rule set, cached (in Redis when
    REDIS_URL is set)."""

    def __init__(self, settings: Settings, rules: RuleSet) -> None:
        self.settings = settings
        self.fingerprint = rules.fingerprint()
        self._cache: CritiqueCache | None = None

    @property
    def cache(self) -> CritiqueCache:
        if self._cache is None:
            from assistant.critique.cache import CritiqueCache

            self._cache = CritiqueCache(self.settings.redis_url, cluster=self.settings.redis_cluster,
                                        ttl=self.settings.llm_cache_ttl)
        return self._cache

    def __call__(self, target: Target, posts: Sequence[Post] | None = None, *,
                 strict: bool = False) -> Target:
        """`target` with its critique. For chat and reports (default) whatever goes wrong
        becomes a note, never a lost answer; `strict` (the command line) lets a
        configuration error (a missing prompt file) reach the user."""
        if not strict:
            from assistant.critique.critic import critique_or_note

            return critique_or_note(target, self.settings, rules_fingerprint=self.fingerprint,
                                    cache=self.cache, posts=posts)
        from assistant.critique.critic import apply_critique, critique_audit, critique_review

        if isinstance(target, Review):
            result = critique_review(target, self.settings, rules_fingerprint=self.fingerprint,
                                     cache=self.cache)
        else:
            result = critique_audit(target, list(posts or []), self.settings,
                                    rules_fingerprint=self.fingerprint, cache=self.cache)
        return apply_critique(target, result)
