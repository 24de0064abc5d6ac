"""The rules in force: registry rules after the workspace's selection, grading and thresholds."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from assistant.checks.registry import Hit, PostCheck, PostContext, Rule, all_rules
from assistant.errors import ConfigError, did_you_mean
from assistant.models import PLATFORMS, Finding, Post, Severity

if TYPE_CHECKING:
    from assistant.checks.history import History
    from assistant.config import RulesConfig


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule as configured: its effective severity and thresholds."""

    rule: Rule
    severity: Severity
    thresholds: Mapping[str, Any]
    regraded: bool = False

    @property
    def id(self) -> str:
        return self.rule.id

    def finding(self, hit: Hit) -> Finding:
        """Turn what a check saw into a finding; a configured severity wins over the check's."""
        severity = self.severity if self.regraded else (hit.severity or self.severity)
        return Finding(
            rule=self.rule.id,
            severity=severity,
            message=hit.message,
            evidence=hit.evidence,
            post_id=hit.post_id,
            examples=list(hit.examples),
        )


# Thresholds a release stopped using: configs that still set them keep working, with a
# one-line warning saying what to do, for at least one release.
RETIRED: dict[tuple[str, str], str] = {
    ("too-long", "info_ratio"): "the info now starts at performing_length itself",
    ("too-long", "warning_ratio"): "too-long no longer warns below the platform's hard limit",
}


def threshold_problem(default: Any, value: Any) -> tuple[tuple[str, ...], str] | None:
    """What is wrong with `value` for a threshold whose default is `default`: the keys under
    the threshold it is about (a platform of a per-platform table) and the problem, or None.

    A rule's defaults are its declaration, so every rule's thresholds get the same checks:
    - a value has the default's type: a whole number where the default is one, a number
      where it is a float, a list of text where it is a list;
    - a whole number is a count or a limit (posts a day, days, hours, words, findings): 1
      or more, since 0 or less would flag everything or nothing;
    - a number whose default is a fraction (a share of the posts, a similarity) is more
      than 0 and at most 1; any other number (a multiple, `burst_ratio`) is more than 0;
    - a table whose default is keyed by platform (`max_per_day`) has platforms for keys
      (any of them, not only those of the default), each value checked as above.
    """
    if isinstance(default, dict):
        if not isinstance(value, dict):
            return (), f"expected a table (like {{ x = 3 }}), got {_type(value)}"
        by_platform = set(default) <= set(PLATFORMS)
        for key, item in value.items():
            if by_platform and key not in PLATFORMS:
                return (key,), f"unknown platform {key!r}{_platform_hint(key)}; known: {', '.join(PLATFORMS)}"
            if key not in default and not by_platform:
                return (key,), f"unknown key {key!r}{did_you_mean(key, default)}"
            problem = threshold_problem(default.get(key, next(iter(default.values()))), item)
            if problem is not None:
                return (key, *problem[0]), problem[1]
        return None
    if isinstance(default, list):
        if not isinstance(value, list):
            return (), f"expected a list, got {_type(value)}"
        kind = type(default[0]) if default else str
        wrong = next((item for item in value if not isinstance(item, kind)), None)
        if wrong is not None:
            return (), f"expected a list of {kind.__name__}, got {_type(wrong)} in it"
        return None
    if isinstance(default, bool) or not isinstance(default, (int, float)):
        if type(value) is not type(default):
            return (), f"expected {type(default).__name__}, got {_type(value)}"
        return None
    numeric = (int,) if isinstance(default, int) else (int, float)
    if isinstance(value, bool) or not isinstance(value, numeric):
        return (), f"expected {type(default).__name__}, got {_type(value)}"
    if isinstance(default, int):
        if value < 1:
            return (), f"must be at least 1 (a count or a limit), got {value}"
    elif 0 < default <= 1:
        if not 0 < value <= 1:
            return (), f"must be more than 0 and at most 1 (a share: 0.2 is 20%), got {value}"
    elif not 0 < value < math.inf:
        return (), f"must be more than 0, got {value}"
    return None


def _type(value: Any) -> str:
    return type(value).__name__


def _platform_hint(key: str) -> str:
    """" (did you mean 'x'?)" for a near miss, or for X's former name."""
    return " (did you mean 'x'?)" if str(key).casefold() == "twitter" else did_you_mean(key, PLATFORMS)


def _merge_thresholds(rule: Rule, overrides: Mapping[str, Any], where: str,
                      refuse: Callable[[str, tuple[str, ...], Any], ConfigError]) -> dict[str, Any]:
    """The rule's thresholds with the config's `overrides`; a threshold the rules cannot use
    is `refuse(message, (rule id, keys under its table...), the bad value or None)`."""
    merged = dict(rule.thresholds)
    for key, value in overrides.items():
        if (rule.id, key) in RETIRED:
            import logging  # only for a retired setting: a review does not load it

            logging.getLogger(__name__).warning(
                "assistant: warning: %s.%s is no longer used (%s); remove it",
                where, key, RETIRED[rule.id, key])
            continue
        if key not in rule.thresholds:
            known = ", ".join(sorted(rule.thresholds)) or "none"
            raise refuse(f"{where}.{key}: unknown threshold for {rule.id}"
                         f"{did_you_mean(key, rule.thresholds)} (known: {known})", (rule.id, key), None)
        default = rule.thresholds[key]
        problem = threshold_problem(default, value)
        if problem is not None:
            keys, message = (key, *problem[0]), problem[1]
            bad = value
            for sub in problem[0]:
                bad = bad.get(sub) if isinstance(bad, dict) else None
            raise refuse(f"{where}.{'.'.join(keys)}: {message}", (rule.id, *keys),
                         None if isinstance(bad, (dict, list)) else bad)
        merged[key] = {**default, **value} if isinstance(default, dict) else value
    return merged


def _toml(value: Any) -> str:
    """A value as a TOML file writes it (`true`, `3`, `"three"` without its quotes)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


class RuleSet:
    """The active rules, in registry order, with the helpers to run post rules."""

    def __init__(self, active: Iterable[ActiveRule]) -> None:
        given = tuple(active)
        ids = {a.id for a in given}
        # A note with none of the rules it speaks for in force has nothing to say.
        self.active: tuple[ActiveRule, ...] = tuple(
            a for a in given if not a.rule.speaks_for or ids.intersection(a.rule.speaks_for))
        self.by_id = {a.id: a for a in self.active}
        self.in_force = frozenset(self.by_id)
        self.post_rules = tuple(a for a in self.active if a.rule.post)
        self.feed_rules = tuple(a for a in self.active if a.rule.feed)
        self._last_plan: tuple[Any, ...] | None = None

    @classmethod
    def from_config(
        cls, config: RulesConfig | None = None, path: str | None = None, text: str | None = None
    ) -> RuleSet:
        """Resolve `[rules]` against the registry; unknown ids or keys are config errors.

        `path` and `text` (the file's contents) let an error point at the offending line.
        """
        registry = all_rules()
        if config is None:  # the defaults, without building the config models
            return cls(
                ActiveRule(rule, rule.severity, MappingProxyType(dict(rule.thresholds)))
                for rule in registry.values()
            )

        from assistant.config import line_at, line_of

        def fail(message: str, key: str) -> ConfigError:
            return ConfigError(message, path=path, line=line_of(text, key) if text else None)

        def known(ids: Iterable[str], key: str) -> None:
            for rule_id in ids:
                if rule_id != "all" and rule_id not in registry:
                    hint = did_you_mean(rule_id, registry)
                    raise fail(f"rules.{key}: unknown rule {rule_id!r}{hint}", rule_id)

        known(config.select, "select")
        known(config.ignore, "ignore")
        known(config.severity, "severity")
        known(config.thresholds, "thresholds")
        selected = set(registry) if "all" in config.select else set(config.select)
        selected -= set(config.ignore)
        def refuse(message: str, keys: tuple[str, ...], bad: Any) -> ConfigError:
            value = "" if bad is None else _toml(bad)
            return ConfigError(message, path=path,
                               line=line_at(text, ("thresholds", *keys), value) if text else None)

        active = []
        for rule_id, rule in registry.items():
            # a rule switched off too: the command line may switch it on again
            thresholds = _merge_thresholds(
                rule, config.thresholds.get(rule_id, {}), f"rules.thresholds.{rule_id}", refuse)
            if rule_id not in selected:
                continue
            active.append(
                ActiveRule(
                    rule=rule,
                    severity=config.severity.get(rule_id, rule.severity),
                    thresholds=MappingProxyType(thresholds),
                    regraded=rule_id in config.severity,
                )
            )
        return cls(active)

    def check_post(
        self,
        post: Post,
        *,
        history: History | None = None,
        own_domains: frozenset[str] = frozenset(),
        as_of: datetime | None = None,
    ) -> list[Finding]:
        """Run every active post rule that applies to this kind of post."""
        findings: list[Finding] = []
        kind = post.kind
        for applies_to, check, context, active in self._post_plan(own_domains, history, as_of):
            if kind not in applies_to:
                continue
            hits = check(post, context)
            if not hits:
                continue
            for hit in hits:
                if hit.post_id is None:
                    hit = Hit(hit.message, hit.evidence, post.id, hit.severity, hit.impact, hit.examples)
                findings.append(active.finding(hit))
        return findings

    def _post_plan(
        self, own_domains: frozenset[str], history: History | None, as_of: datetime | None
    ) -> tuple[tuple[frozenset[str], PostCheck, PostContext, ActiveRule], ...]:
        """Each post rule with its context, built once for as long as the context stays.

        A review of one post ran a tenth of its time building the same contexts again;
        one (atomic) attribute holds the last plan, so threads sharing a rule set are safe.
        """
        last = self._last_plan
        if (last is not None and last[0] is history and last[1] == as_of
                and last[2] == own_domains):
            return last[3]
        plan = tuple(
            (a.rule.applies_to, a.rule.post,
             PostContext(a.thresholds, own_domains, history, as_of, self.in_force), a)
            for a in self.post_rules
            if a.rule.post is not None
        )
        self._last_plan = (history, as_of, own_domains, plan)
        return plan

    def fingerprint(self) -> str:
        """A short hash of the effective rule configuration (part of critique cache keys)."""
        state = [
            [a.id, a.severity, {k: a.thresholds[k] for k in sorted(a.thresholds)}] for a in self.active
        ]
        import hashlib  # OpenSSL starts with it (~4 ms): only for a critique's cache key

        return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()[:16]
