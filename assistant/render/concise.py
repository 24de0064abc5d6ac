"""One line per finding, for grep and editors: `SOURCE[:POST_ID]: SEVERITY RULE MESSAGE`.

Like ruff's concise output: the place, then what is wrong, then a final count. A review's
findings are the ones people read (`assistant.render.present.shown_findings`: a post's
images with the same missing alt text on one line). Every line is one line whatever the
post or model wrote (whitespace collapsed, control characters dropped), so a post cannot
forge a line of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from assistant.models import FeedAudit, Finding, Review, severity_rank
from assistant.render.present import shown_findings
from assistant.text import count

SEVERITY_ORDER = ("error", "warning", "info")


def _flat(text: str) -> str:
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _line(place: str, finding: Finding) -> str:
    rule = finding.rule + (" (critique)" if finding.source == "llm" else "")
    return f"{_flat(place)}: {finding.severity} {rule} {_flat(finding.message)}"


def count_line(findings: Sequence[Finding]) -> str:
    """"Found 3 findings (1 error, 2 warnings)." or "No findings."."""
    if not findings:
        return "No findings."
    parts = []
    for severity in SEVERITY_ORDER:
        n = sum(f.severity == severity for f in findings)
        if n:
            parts.append(f"{n} info" if severity == "info" else count(n, severity))
    noun = "finding" if len(findings) == 1 else "findings"
    return f"Found {len(findings)} {noun} ({', '.join(parts)})."


def review_lines(reviews: Iterable[Review], *, source: str = "") -> Iterator[str]:
    """Each review's findings as shown (`shown_findings`), worst first, then one count of
    the lines above them."""
    every: list[Finding] = []
    for review in reviews:
        place = f"{source}:{review.post.id}" if source else review.post.id
        for finding in sorted(shown_findings(review.findings), key=lambda f: -severity_rank(f.severity)):
            every.append(finding)
            yield _line(place, finding)
    yield count_line(every)


def audit_lines(audits: Iterable[FeedAudit]) -> Iterator[str]:
    """Each audit's findings (post ids where a finding has one), then one count."""
    every: list[Finding] = []
    for audit in audits:
        source = audit.source or audit.account.name
        for finding in audit.findings:
            every.append(finding)
            place = f"{source}:{finding.post_id}" if finding.post_id else source
            yield _line(place, finding)
    yield count_line(every)
