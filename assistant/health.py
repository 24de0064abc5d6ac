"""The health score of a feed: 0-100, from named components, explained by rule ids.

Each component starts at 100 and every rule of it that fired takes its share:
score = 100 * product over its rules of (1 - severity weight * impact), where impact
(0..1) says how far the feed is from the norm and the severity weight is 0.3 for info,
0.7 for a warning and 1.0 for an error (the severity in force, after config). A
component with one warning at full impact keeps 30; two keep 9.

The overall score is the weighted mean of the components. Weights: conversation 0.25
and repetition 0.25 (the two habits that make a feed a spam engine), promotion 0.20,
cadence 0.15, accessibility 0.15. So a feed that breaks none of the rules scores 100,
one that breaks only the conversation rules about 77, and one that breaks most rules
below 40.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.models import Health, HealthComponent, Severity, severity_rank

WEIGHTS: dict[str, float] = {
    "conversation": 0.25,
    "promotion": 0.20,
    "repetition": 0.25,
    "cadence": 0.15,
    "accessibility": 0.15,
}
SEVERITY_WEIGHT: dict[str, float] = {"info": 0.3, "warning": 0.7, "error": 1.0}


@dataclass(frozen=True, slots=True)
class RuleImpact:
    """How far one rule says the feed is from the norm."""

    rule: str
    component: str
    severity: Severity
    impact: float


def health_score(impacts: Iterable[RuleImpact]) -> Health:
    """Combine rule impacts into component scores and the overall 0-100 score.

    Several hits of one rule count once, at their largest impact and worst severity.
    """
    per_rule: dict[str, RuleImpact] = {}
    for item in impacts:
        impact = min(1.0, max(0.0, item.impact))
        known = per_rule.get(item.rule)
        if known is not None:
            severity = max(known.severity, item.severity, key=severity_rank)
            impact = max(known.impact, impact)
        else:
            severity = item.severity
        per_rule[item.rule] = RuleImpact(item.rule, item.component, severity, impact)
    components: dict[str, HealthComponent] = {}
    for name, weight in WEIGHTS.items():
        factor = 1.0
        moved: list[str] = []
        for item in per_rule.values():
            if item.component == name and item.impact > 0:
                factor *= 1 - SEVERITY_WEIGHT[item.severity] * item.impact
                moved.append(item.rule)
        components[name] = HealthComponent(
            name=name, score=round(100 * factor), weight=weight, rules=sorted(moved)
        )
    total = sum(c.score * c.weight for c in components.values()) / sum(WEIGHTS.values())
    return Health(score=round(total), components=components)
