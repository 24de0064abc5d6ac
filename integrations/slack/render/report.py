"""Block Kit for the daily report: a compact summary per channel and one detail per feed.

Built from integrations.slack.render.blocks's helpers, so the same promises hold: all feed, finding
and model text is escaped for mrkdwn, and text is only ever shortened at a word, after
escaping, with a visible " …" (never inside an `&amp;`). Limits respected: at most 50
blocks per message, 3,000 characters per section, and a summary kept under about
11,000 characters of block text (Slack rejects messages far beyond 12,000).
"""

from __future__ import annotations

from typing import Any

from assistant.models import Finding
from assistant.reports.model import FeedLine, Report
from integrations.slack.render.blocks import (
    ICON,
    MAX_BLOCKS,
    SECTION_TEXT,
    block_text_length,
    clip,
    context,
    header,
    long_text,
    section,
)
from integrations.slack.render.mrkdwn import escape

SUMMARY_BUDGET = 10_000
FINDINGS_BUDGET = 8_000  # a detail's head and findings; the reminder and critique fit the rest


def _problem(finding: Finding | None) -> str:
    if finding is None:
        return "no problems found"
    return f"`{escape(finding.rule)}`: {clip(finding.message, 110)}"


def summary_line(line: FeedLine) -> str:
    """One mrkdwn line: name, score, change since the last report, the top problem (or the
    failure)."""
    name = clip(line.name, 80)
    if line.error is not None:
        return f":warning: *{name}*: not fetched: {clip(line.error, 200)}"
    return (f"*{name}* ({escape(line.platform or '?')}, {line.owner}): *{line.score_text()}* "
            f"({line.change_text()}) · {_problem(line.top_problem)}")


def summary_blocks(report: Report) -> tuple[str, list[dict[str, Any]]]:
    """The channel message: a header, the feed lines packed into sections, the reminders."""
    blocks: list[dict[str, Any]] = [header(report.title)]
    reminders = [clip(r, 300) for r in report.reminders]
    reminder_text = "\n".join(f":mirror: {r}" for r in reminders)
    if len(reminder_text) > 2500:  # cut at a line, never inside an escaped entity, and say so
        reminder_text = reminder_text[:2500].rsplit("\n", 1)[0] + "\n…"
    used = len(reminder_text)
    chunk: list[str] = []
    shown = 0
    for line in report.feeds:
        text = summary_line(line)
        if used + len(text) > SUMMARY_BUDGET - 1500 or len(blocks) >= MAX_BLOCKS - 4:
            break
        if sum(len(t) + 1 for t in chunk) + len(text) > SECTION_TEXT:
            blocks.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(text)
        used += len(text)
        shown += 1
    if chunk:
        blocks.append(section("\n".join(chunk)))
    if shown < len(report.feeds):
        blocks.append(section(f"…and {len(report.feeds) - shown} more feeds in the thread."))
    if reminder_text:
        blocks.append(section(reminder_text))
    blocks.append(context(
        f"As of {report.as_of:%Y-%m-%d %H:%M} {escape(report.time_zone)} · details per feed "
        f"in the thread · {report.change_basis()}"))
    failed = sum(1 for f in report.feeds if f.error)
    fallback = f"{report.title}: {len(report.feeds)} feeds" + (f", {failed} not fetched" if failed else "")
    return fallback, blocks[:MAX_BLOCKS]


def detail_blocks(line: FeedLine, *, findings: int = 8) -> tuple[str, list[dict[str, Any]]]:
    """The thread reply for one feed: score and components, the worst findings with evidence."""
    name = clip(line.name, 120)
    if line.error is not None or line.audit is None:
        text = f":warning: *{name}* could not be fetched: {clip(line.error or '?', 1000)}"
        return f"{line.name}: not fetched", [section(text)]
    audit = line.audit
    head = (f"*{name}* ({escape(line.platform or '?')}, {line.owner}): *{line.score_text()}* "
            f"({line.change_since_text()}) · {audit.stats.posts} posts")
    blocks: list[dict[str, Any]] = [section(head)]
    if (left_out := line.left_out_note()) is not None:  # whose posts were judged, in a file of several
        blocks.append(section(clip(left_out, 300)))
    fields = [{"type": "mrkdwn", "text": f"*{escape(c.name)}*: {c.score}/100"}
              for c in list(audit.health.components.values())[:10]]
    if fields:
        blocks.append({"type": "section", "fields": fields})
    shown = 0
    for finding in audit.findings[:findings]:
        text = f"{ICON.get(finding.severity, '')} `{escape(finding.rule)}` {clip(finding.message, 400)}"
        if finding.evidence:
            text += f"\n> {clip(finding.evidence, 400)}"
        posts = finding.examples[:3] or ([finding.post_id] if finding.post_id else [])
        if posts:
            text += "\n_posts: " + ", ".join(clip(p, 80) for p in posts) + "_"
        if block_text_length(blocks) + len(text) > FINDINGS_BUDGET:
            break  # the rest are counted below; the message stays under Slack's limit
        blocks.append(section(text))
        shown += 1
    if len(audit.findings) > shown:
        blocks.append(context(f"…and {len(audit.findings) - shown} more findings"))
    if line.reminder:
        blocks.extend(long_text(line.reminder, prefix=":mirror: "))
    if line.insights:
        works = "\n".join(f"• {clip(i, 400)}" for i in line.insights[:6])
        blocks.append(section("*What works here* (this feed's own engagement; what went with "
                              "more, not why)\n" + works))
    critique = audit.critique
    if critique and critique.available and critique.summary:
        blocks.append(section("*Critique:* " + clip(critique.summary, 1500)))
    return f"{line.name}: {line.score_text()}", blocks[:MAX_BLOCKS]
