"""Turn audits (or fetch failures) and the last days' snapshots into report lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from assistant.evidence import sentence
from assistant.models import Feed, FeedAudit, Finding
from assistant.reports.model import LOOK_BACK, PREACHERS, QUIET, FeedLine


def top_problem(audit: FeedAudit) -> tuple[Finding | None, int]:
    """The worst finding (audits list them worst first) and how many findings share its rule
    (three flooded links are three link-flood findings; a post rule's one finding counts
    its posts in its own words, and its example ids count nothing)."""
    if not audit.findings:
        return None, 0
    worst = audit.findings[0]
    # One rule can report at several severities (too-long: over the limit, runs long):
    # only the findings like the worst one count with it.
    counts = Counter((f.rule, f.severity) for f in audit.findings)
    return worst, counts[worst.rule, worst.severity]


def headline(audit: FeedAudit) -> Finding | None:
    """The top problem as a report line shows it: the worst finding, saying how many more
    its rule found like it ("... (and 2 more like it)")."""
    worst, count = top_problem(audit)
    if worst is None or count <= 1:
        return worst
    return replace(worst, message=f"{worst.message} (and {count - 1} more like it)")


def went_quiet(feed: Feed, audit: FeedAudit, window: timedelta) -> bool:
    """No post in the `window` to the audit's moment: a tracked feed that stopped posting
    (a schedule or drafts file is a plan, not a feed that can go quiet)."""
    from assistant.checks.rules.conversation import is_plan

    last = audit.stats.last_post
    return (last is None or last < audit.as_of - window) and not is_plan(feed)


def quiet_finding(audit: FeedAudit, window: timedelta) -> Finding:
    """The headline of a feed that went quiet: its silence, and what its score is of."""
    last = audit.stats.last_post
    when = f" (last on {last.astimezone(audit.as_of.tzinfo).date().isoformat()})" if last else ""
    return Finding(rule=QUIET, severity="error",
                   message=f"No posts in the last {window.days} days{when}; the score is of "
                           "the posts up to then")


def reminder(name: str, owner: str, audit: FeedAudit) -> str | None:
    """The practise-what-you-preach note for our own feeds that break the rules we sell."""
    if owner not in PREACHERS:
        return None
    broken = list(dict.fromkeys(f.rule for f in audit.findings if f.rule != QUIET
                                and f.severity in ("warning", "error") and f.source == "rule"))
    if not broken:
        return None
    rules = ", ".join(broken[:3]) + (f" and {len(broken) - 3} more" if len(broken) > 3 else "")
    whose = "our own feed" if owner == "agency" else "an executive's feed"
    note = (f"Practise what we preach: {name} ({whose}) breaks {rules}, the rules we hold our "
            "clients to. A prospective client reads this feed before hiring us.")
    evidence = _own_numbers(audit)
    if evidence:
        note += " " + evidence
    critique = audit.critique
    if critique and critique.available and critique.practise_what_you_preach:
        note += " " + critique.practise_what_you_preach
    return note


def _own_numbers(audit: FeedAudit) -> str | None:
    """The feed's own engagement behind a rule it breaks, clearest first, in one sentence."""
    measured = [f for f in audit.findings if f.source == "rule" and f.engagement is not None
                and f.engagement.ratio is not None and f.severity in ("warning", "error")]
    if not measured:
        return None
    finding = max(measured, key=lambda f: (f.engagement.clear, f.engagement.n_hit))  # type: ignore[union-attr]
    return sentence(finding.engagement, f"Our {finding.rule} posts")  # type: ignore[arg-type]


def last_score(history: list[tuple[date, int | None]], day: date) -> tuple[date, int] | None:
    """The feed's latest score of the `LOOK_BACK` days before `day` in `history` (oldest
    first, as `ReportStore.history` reads it), with its day: what the change is since (a
    day whose snapshot has no score, the feed not fetched, is passed over)."""
    for seen, score in reversed(history):
        if score is not None and day - LOOK_BACK <= seen < day:
            return seen, score
    return None


def feed_line(feed: Any, audit: FeedAudit | None, *, error: str | None, day: date,
              previous: tuple[date, int] | None, trend: list[int | None]) -> FeedLine:
    """One line of the report from a configured feed (`FeedConfig`) and what happened to it;
    `previous` is the score the change is since, and its day (`last_score`)."""
    since, score = previous if previous else (None, None)
    line = FeedLine(name=feed.name, owner=feed.owner, platform=feed.platform, source=feed.source,
                    day=day, previous=score, previous_day=since, trend=trend, error=error)
    if audit is not None:
        problem = headline(audit)
        line.score = audit.health.score
        line.platform = audit.account.platform
        line.top_problem = problem  # how many like it is in its words (`FeedLine.top_count`)
        line.reminder = reminder(feed.name, feed.owner, audit)
        line.audit = audit
    return line


def snapshot(line: FeedLine, day: date) -> dict[str, Any]:
    """What is kept per feed per day: enough for trends and for the next reports' change."""
    audit = line.audit
    return {
        "day": day.isoformat(),
        "name": line.name,
        "owner": line.owner,
        "platform": line.platform,
        "score": line.score,
        "error": line.error,
        "components": ({k: c.score for k, c in audit.health.components.items()} if audit else {}),
        "findings": dict(Counter(f.severity for f in audit.findings)) if audit else {},
        "top_rule": line.top_problem.rule if line.top_problem else None,
        "posts": audit.stats.posts if audit else 0,
    }
