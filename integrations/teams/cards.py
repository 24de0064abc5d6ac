"""Adaptive Cards 1.4 for Microsoft Teams (Workflows webhooks render up to 1.4).

Untrusted text (posts, feed names, model output) goes into `TextRun`s of a
`RichTextBlock`, which Teams does not read as markdown, so a post cannot add links
or formatting. Only `Action.OpenUrl` is used: webhook cards cannot post back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from assistant.errors import DeliveryError
from assistant.evidence import sentence
from assistant.models import FeedAudit, Finding, Review
from assistant.render.present import (
    SEVERITY_TONE,
    VERDICT_LABEL,
    VERDICT_TONE,
    shown_findings,
    shown_verdict,
    worst_first,
)

CARD_VERSION = "1.4"
MAX_PAYLOAD_BYTES = 26 * 1024  # Teams rejects above 28 KB; keep a margin.
TONE_COLOR = {"good": "Good", "caution": "Warning", "bad": "Attention", "note": "Accent"}
SEVERITY_COLOR = {severity: TONE_COLOR[tone] for severity, tone in SEVERITY_TONE.items()}
_TEXT_LIMIT = 300


def _clip(text: str, limit: int = _TEXT_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plain(text: str, **style: Any) -> dict[str, Any]:
    """A block of untrusted text that Teams shows literally."""
    return {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": _clip(text), **style}]}


def heading(text: str, size: str = "Medium") -> dict[str, Any]:
    return plain(text, weight="Bolder", size=size)


def _finding_block(finding: Finding) -> dict[str, Any]:
    runs: list[dict[str, Any]] = [
        {"type": "TextRun", "text": finding.severity.upper() + " ", "weight": "Bolder",
         "color": SEVERITY_COLOR[finding.severity]},
        {"type": "TextRun", "text": finding.rule + ": ", "weight": "Bolder"},
        {"type": "TextRun", "text": _clip(finding.message)},
    ]
    if finding.evidence:
        runs.append({"type": "TextRun", "text": "  “" + _clip(finding.evidence, 120) + "”",
                     "isSubtle": True, "italic": True})
    if finding.engagement is not None:
        runs.append({"type": "TextRun", "text": "  " + _clip(sentence(finding.engagement), 240),
                     "isSubtle": True})
    return {"type": "RichTextBlock", "inlines": runs}


def card(body: Sequence[dict[str, Any]], actions: Sequence[dict[str, Any]] = (), *,
         version: str = CARD_VERSION) -> dict[str, Any]:
    """An Adaptive Card (1.4 unless `version` says otherwise) with full width in Teams."""
    result: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": version,
        "body": list(body),
        "msteams": {"width": "Full"},
    }
    if actions:
        result["actions"] = list(actions)
    return result


def open_url(title: str, url: str) -> dict[str, Any]:
    return {"type": "Action.OpenUrl", "title": title[:40], "url": url}


def review_card(review: Review, *, title: str = "Post review", link: str | None = None) -> dict[str, Any]:
    """One post's review: the post as written, the verdict and the findings.

    The headline is `assistant.review.shown_verdict`, the one Slack shows too (the worse of
    the rules and the critique, or "not fully read"), so approvers in either tool see the
    same answer.
    """
    body = [heading(title), plain(review.post.text or "(empty post)", italic=True)]
    label = shown_verdict(review)
    body.append(plain(f"Verdict: {VERDICT_LABEL[label]}", weight="Bolder",
                      color=TONE_COLOR[VERDICT_TONE[label]]))
    critique = review.critique
    if critique and critique.available and critique.summary:
        body.append(plain(critique.summary))
    findings = worst_first(shown_findings(review.findings))
    body += [_finding_block(f) for f in findings[:10]] or [plain("No rule findings.")]
    if len(findings) > 10:
        body.append(plain(f"…and {len(findings) - 10} more findings.", isSubtle=True))
    if critique and critique.available and critique.rewrite:
        body += [heading("Suggested rewrite", "Default"), plain(critique.rewrite)]
    return card(body, [open_url("Open the review", link)] if link else ())


def _audit_section(audit: FeedAudit, findings_per_feed: int) -> list[dict[str, Any]]:
    facts = [
        {"title": c.name, "value": f"{c.score}/100"} for c in audit.health.components.values()
    ]
    section: list[dict[str, Any]] = [
        heading(f"{audit.account.name} ({audit.account.platform}): {audit.health.score}/100", "Default"),
        {"type": "FactSet", "facts": facts},
    ]
    section += [_finding_block(f) for f in audit.findings[:findings_per_feed]]
    return [{"type": "Container", "separator": True, "items": section}]


def audits_card(
    audits: Sequence[FeedAudit], *, title: str, link: str | None = None, notes: Sequence[str] = ()
) -> dict[str, Any]:
    """Several feed audits on one card, trimmed until the payload fits Teams' size limit."""
    for per_feed in (3, 2, 1, 0):
        body = [heading(title, "Large")] + [plain(n, weight="Bolder") for n in notes]
        for audit in audits:
            body += _audit_section(audit, per_feed)
        result = card(body, [open_url("Open the full report", link)] if link else ())
        if payload_size(result) <= MAX_PAYLOAD_BYTES:
            return result
    raise DeliveryError(f"{len(audits)} feeds do not fit one Teams card even without findings")


def workflows_envelope(adaptive_card: dict[str, Any]) -> dict[str, Any]:
    """The message a Teams Workflows webhook ("Post card in a chat or channel") expects."""
    return {
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": None,
            "content": adaptive_card,
        }],
    }


def payload_size(adaptive_card: dict[str, Any]) -> int:
    """Bytes of the webhook payload as it will be sent."""
    return len(json.dumps(workflows_envelope(adaptive_card), ensure_ascii=False).encode("utf-8"))
