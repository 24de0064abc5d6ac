"""The daily report as Adaptive Cards 1.4, size-capped: one card for a Workflows webhook;
for a channel the bot posts to, the summary card, one detail card per feed and the chart."""

from __future__ import annotations

from typing import Any

from assistant.errors import DeliveryError
from assistant.reports.model import FeedLine, Report
from integrations.teams.cards import (
    MAX_PAYLOAD_BYTES,
    SEVERITY_COLOR,
    card,
    heading,
    payload_size,
    plain,
)


def _feed(line: FeedLine, detail: int) -> dict[str, Any]:
    if line.error is not None:
        items = [heading(f"{line.name}: not fetched", "Default"),
                 plain(line.error, color="Attention")]
    else:
        items = [heading(f"{line.name} ({line.platform}, {line.owner}): {line.score_text()} "
                         f"({line.change_since_text()})", "Default")]
        if (left_out := line.left_out_note()) is not None:  # whose posts were judged
            items.append(plain(left_out))
        findings = line.audit.findings[:detail] if line.audit else []
        for finding in findings:
            items.append({"type": "RichTextBlock", "inlines": [
                {"type": "TextRun", "text": finding.severity.upper() + " ", "weight": "Bolder",
                 "color": SEVERITY_COLOR.get(finding.severity, "Default")},
                {"type": "TextRun", "text": finding.rule + ": ", "weight": "Bolder"},
                {"type": "TextRun", "text": " ".join(finding.message.split())[:200]},
            ]})
        if not findings and line.top_problem is not None:
            items.append(plain(f"Top problem: {line.top_problem.rule}: {line.top_problem.message}"))
    return {"type": "Container", "separator": True, "items": items}


def _compact(line: FeedLine) -> str:
    if line.error is not None:
        return f"{line.name[:60]}: not fetched: {line.error[:120]}"
    top = f", top: {line.top_problem.rule}" if line.top_problem else ""
    return f"{line.name[:60]}: {line.score_text()} ({line.change_text()}){top}"


def report_card(report: Report, *, link: str | None = None) -> dict[str, Any]:
    """Every feed of `report` on one card; detail is trimmed until it fits Teams' limit."""
    for detail in (3, 1, 0, -1):
        body = [heading(report.title, "Large")]
        if detail >= 0:
            body += [plain(r, weight="Bolder", color="Warning") for r in report.reminders]
            body += [_feed(line, detail) for line in report.feeds]
        else:  # compact: one line per feed, one reminder line naming our feeds
            preachers = [f.name[:60] for f in report.feeds if f.reminder]
            if preachers:
                body.append(plain("Practise what we preach: our own feeds break the rules we sell: "
                                  + "; ".join(preachers), weight="Bolder", color="Warning"))
            body += [plain(_compact(line)) for line in report.feeds]
            if any(line.change is not None for line in report.feeds):
                body.append(plain(report.change_basis().capitalize() + ".", size="Small"))
        actions = [{"type": "Action.OpenUrl", "title": "Open the full report", "url": link}] if link else []
        result = card(body, actions)
        if payload_size(result) <= MAX_PAYLOAD_BYTES:
            return result
    raise DeliveryError(f"{len(report.feeds)} feeds do not fit one Teams card")


def legacy_text(report: Report) -> str:
    """Plain lines for a legacy MessageCard (pymsteams escapes them)."""
    lines = []
    for line in report.feeds:
        if line.error is not None:
            lines.append(f"{line.name}: not fetched: {line.error}")
        else:
            top = f"{line.top_problem.rule}" if line.top_problem else "no problems"
            lines.append(f"{line.name}: {line.score_text()} ({line.change_text()}), top: {top}")
    if any(line.change is not None for line in report.feeds):
        lines.append(report.change_basis().capitalize() + ".")
    return "\n\n".join(lines + report.reminders)


def detail_card(line: FeedLine, *, limit: int = MAX_PAYLOAD_BYTES) -> dict[str, Any]:
    """One feed's details for the report's thread: its score and its findings, as many as fit."""
    for detail in (12, 6, 3, 1, 0):
        result = card([_feed(line, detail)])
        if payload_size(result) <= limit:
            return result
    return card([plain(_compact(line))])


def chart_card(title: str, png: bytes) -> dict[str, Any]:
    """The trend chart as an inline image (a data URI: a worker has nowhere to host it)."""
    import base64

    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return card([heading(title), {"type": "Image", "url": source, "altText": title,
                                  "size": "Stretch"}])
