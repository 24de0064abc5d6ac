"""The health score of a feed: 0-100, from named components, explained by rule ids.

Components. Each starts at 100 and every rule of it that fired takes its share:
100 * product over its findings of (1 - severity weight * impact), where impact (0..1)
says how far the feed is from the norm and the severity weight is 1.0 for an error and
0.85 for a warning (the severity in force, after config). One warning at full impact
leaves its component at 15, two at 2: that is a habit as bad as it gets. A rule whose
hits differ in severity (too-long: over the limit, longer than what performs) moves the
component once per severity, each by its own share.

Info findings are advice, not faults: each weighs 0.1 and all of a component's info
findings together take at most 10% of it, so they never decide a score.

The overall score is the weighted geometric mean of the components, so one habit that
is as bad as it gets pulls the whole feed down (a weighted arithmetic mean of five
components could not: a feed that repeats every post scored 75). Weights, read as
"how much of what a feed is": repetition 1/3 and conversation 1/4 (the two habits that
make a feed a spam engine), promotion and cadence 1/6 each, accessibility 1/12 (a real
fault, but one that does not make a feed spam). A component counts as at least 1 so a
single zero does not make every other component meaningless. A component the feed cannot
show (`unjudged`: the conversation of a schedule or drafts file, which never holds replies)
never lifts the score: counting it as a perfect 100 would lift a plan that repeats one post
all day. The others' weights are then shared out over what is judged (a plan's repetition
counts 4/9, not 1/3). What its rules do find there still pulls the score down, on top, at
the weight it would have among them (a schedule of posts X would refuse as too long), so
a finding never raises the score. The weights shown are the ones the score used:
`score = 100 * prod(component ** weight)`.

Calibrated on the real feeds in tests/realdata against a social media manager's reading
of them (tests/test_health.py keeps the bands and the ranking): the sponsor-thanks
schedule that posted one template 23 times in 11 hours scores about 25, a support
desk answering customers 100, a personal feed that never writes alt text about 85.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from assistant.models import Health, HealthComponent, Severity

_RAW_WEIGHTS: dict[str, float] = {
    "conversation": 3,
    "promotion": 2,
    "repetition": 4,
    "cadence": 2,
    "accessibility": 1,
}
WEIGHTS: dict[str, float] = {
    name: round(w / sum(_RAW_WEIGHTS.values()), 4) for name, w in _RAW_WEIGHTS.items()
}
SEVERITY_WEIGHT: dict[str, float] = {"info": 0.1, "warning": 0.85, "error": 1.0}
# All info findings of one component together keep at least this much of it.
INFO_FLOOR = 0.9
# The least a component counts for in the overall mean (a share of 100).
COMPONENT_FLOOR = 0.01


@dataclass(frozen=True, slots=True)
class RuleImpact:
    """How far one rule says the feed is from the norm."""

    rule: str
    component: str
    severity: Severity
    impact: float


def points_lost(component: str | None, severity: Severity, impact: float) -> float:
    """What one finding alone takes off a feed's score, as a log of the share kept (0 for a
    note, which moves no component): to put the costliest of a feed's findings first."""
    if component is None:
        return 0.0
    return -WEIGHTS[component] * math.log(max(_kept(severity, min(1.0, max(0.0, impact))), COMPONENT_FLOOR))


def _kept(severity: Severity, impact: float) -> float:
    """The share of its component a finding leaves."""
    return 1 - SEVERITY_WEIGHT[severity] * impact


def health_score(impacts: Iterable[RuleImpact], *, unjudged: Collection[str] = ()) -> Health:
    """Combine rule impacts into component scores and the overall 0-100 score.

    Several hits of one rule at one severity count once, at their largest impact
    (a rule that found five repeated posts has one habit, not five). Components named in
    `unjudged` are still shown, and weigh only when their rules found something.
    """
    per_rule: dict[tuple[str, str], RuleImpact] = {}
    for item in impacts:
        impact = min(1.0, max(0.0, item.impact))
        known = per_rule.get((item.rule, item.severity))
        if known is not None:
            impact = max(known.impact, impact)
        per_rule[item.rule, item.severity] = RuleImpact(item.rule, item.component, item.severity, impact)
    judged = sum(w for n, w in WEIGHTS.items() if n not in unjudged)
    factors: dict[str, float] = {}
    components: dict[str, HealthComponent] = {}
    for name in WEIGHTS:
        faults, advice = 1.0, 1.0
        moved: set[str] = set()
        for item in per_rule.values():
            if item.component != name or item.impact <= 0:
                continue
            loss = _kept(item.severity, item.impact)
            if item.severity == "info":
                advice *= loss
            else:
                faults *= loss
            moved.add(item.rule)
        factors[name] = faults * max(advice, INFO_FLOOR)
        # Unjudged, it weighs only when it lowers the score (a log of 1 adds nothing then).
        weight = 0.0 if name in unjudged and factors[name] >= 1.0 else WEIGHTS[name]
        if unjudged:  # shared out over the judged components
            weight = round(weight / judged, 4)
        components[name] = HealthComponent(
            name=name, score=round(100 * factors[name]), weight=weight, rules=sorted(moved)
        )
    total = math.exp(
        sum(WEIGHTS[n] * math.log(max(f, COMPONENT_FLOOR)) for n, f in factors.items()) / judged
    )
    return Health(score=round(100 * total), components=components)
