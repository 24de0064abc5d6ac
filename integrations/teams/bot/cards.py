"""Adaptive Cards (1.5, as bots render them) for the bot's answers: review, audit, rules, help.

Every piece of text that came from a draft, a feed or a model goes into a `TextRun` of a
`RichTextBlock` (never read as markdown) after `inert` (no `<at>` mention, no HTML), so
a draft cannot mention a channel, add a link or style the card. Only our own words go
into markdown-parsed fields. Each card stays well under Teams' 28 KB message limit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from assistant.audit_summary import later_note, left_out_short
from assistant.models import FeedAudit, Finding, Review, severity_rank
from assistant.render.present import VERDICT_LABEL, VERDICT_TONE, shown_findings, shown_verdict
from integrations.teams import cards as webhook_cards
from integrations.teams.bot.text import clip, inert
from integrations.teams.cards import SEVERITY_COLOR, TONE_COLOR

CARD_VERSION = "1.5"
CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
MAX_CARD_BYTES = 24 * 1024  # Teams refuses messages above about 28 KB
MAX_FINDINGS = 12
DRAFT_LIMIT = 3200  # characters of a draft or rewrite shown: a LinkedIn post whole
_VERDICT_COLOR = {label: TONE_COLOR[tone] for label, tone in VERDICT_TONE.items()}

Card = dict[str, Any]
Element = dict[str, Any]

HELP_LINES = (
    ("review <draft>", ("reviews a draft post: verdict, findings, critique and a rewrite. "
                        "Start with platform:linkedin (or bluesky, mastodon...) to check "
                        "another platform.")),
    ("review audit <feed>", ("audits a tracked feed by its name in assistant.toml and shows "
                             "its health score.")),
    ("review report", "today's feed health for the tracked feeds that report to this channel."),
    ("review rules", "the rules in force."),
    ("review submit", "submits a client's post for approval (a form opens)."),
    ("review help", "this help."),
    ("Review this post", "on any message: More actions (…) → Review this post."),
)


def run(text: str, **style: Any) -> Element:
    """A run of untrusted text, shown exactly as text."""
    return {"type": "TextRun", "text": inert(text), **style}


def plain(text: str, limit: int = 1000, **style: Any) -> Element:
    """A block of untrusted text (a draft, a finding, a critique), never parsed."""
    return {"type": "RichTextBlock", "inlines": [run(clip(text, limit), **style)]}


def heading(text: str, size: str = "Medium") -> Element:
    """A heading in our own words."""
    return {"type": "TextBlock", "text": text, "weight": "Bolder", "size": size, "wrap": True}


def card(body: Sequence[Element], actions: Sequence[Element] = ()) -> Card:
    """An Adaptive Card at full width in Teams."""
    return webhook_cards.card(body, actions, version=CARD_VERSION)


def size(content: Card) -> int:
    """Bytes of the card as sent."""
    return len(json.dumps(content, ensure_ascii=False).encode("utf-8"))


def finding_block(finding: Finding) -> Element:
    """One finding: severity, rule id, message, and the text it matched."""
    inlines: list[Element] = [
        {"type": "TextRun", "text": finding.severity.upper() + "  ", "weight": "Bolder",
         "color": SEVERITY_COLOR[finding.severity]},
        {"type": "TextRun", "text": finding.rule + ": ", "weight": "Bolder"},
        run(clip(finding.message, 400)),
    ]
    if finding.evidence:
        inlines.append(run("  “" + clip(finding.evidence, 160) + "”", isSubtle=True, italic=True))
    return {"type": "RichTextBlock", "inlines": inlines}


def _findings(findings: Iterable[Finding]) -> list[Element]:
    ordered = sorted(findings, key=lambda f: -severity_rank(f.severity))
    blocks = [finding_block(f) for f in ordered[:MAX_FINDINGS]]
    if len(ordered) > MAX_FINDINGS:
        blocks.append(plain(f"…and {len(ordered) - MAX_FINDINGS} more findings.", isSubtle=True))
    return blocks or [plain("No rule findings.")]


def review_card(review: Review, *, title: str = "Post review") -> Card:
    """A draft's review: the draft as written, the verdict, critique, findings and rewrite.

    The headline is the core's (`assistant.review.shown_verdict`), the one every surface shows.
    """
    label = shown_verdict(review)
    body: list[Element] = [
        heading(title),
        plain(review.post.text or "(empty post)", DRAFT_LIMIT, italic=True),
        heading(f"Verdict: {VERDICT_LABEL[label]}", "Default") | {"color": _VERDICT_COLOR[label]},
    ]
    critique = review.critique
    if critique and critique.available and critique.summary:
        body.append(plain(critique.summary))
    body.extend(_findings(shown_findings(review.findings)))
    if critique and critique.available and critique.rewrite:
        body += [heading("Suggested rewrite", "Default"), plain(critique.rewrite, DRAFT_LIMIT)]
    elif critique and not critique.available and critique.note:
        body.append(plain(critique.note, 300, isSubtle=True))
    return card(body)


def review_summary(review: Review) -> str:
    """The message's notification text, in our own words only; findings counted as the
    card shows them (`shown_findings`)."""
    counts = {s: sum(f.severity == s for f in shown_findings(review.findings))
              for s in ("error", "warning")}
    found = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    return f"Post review: {VERDICT_LABEL[shown_verdict(review)]}" + (f" ({found})" if found else "")


def audit_card(audit: FeedAudit) -> Card:
    """A feed's health: score, components and the worst findings."""
    body: list[Element] = [
        heading("Feed audit"),
        plain(f"{audit.account.name} ({audit.account.platform}): {audit.health.score}/100",
              300, weight="Bolder"),
    ]
    if audit.stats.later:
        body.append(plain(later_note(audit.stats), 120))
    if audit.stats.left_out:  # a file of several authors: only the account named was judged
        body.append(plain(left_out_short(audit.stats), 120))
    # Components as rich text: a FactSet would read them as markdown.
    for component in audit.health.components.values():
        body.append(plain(f"{component.name}: {component.score}/100", 120))
    critique = audit.critique
    if critique and critique.available and critique.summary:
        body.append(plain(critique.summary))
    body.extend(_findings(audit.findings))
    return card(body)


def rules_card(rules: Any) -> Card:
    """The rules in force: id, scope, severity and why."""
    body: list[Element] = [heading("Rules in force")]
    for active in rules.active:
        body.append({"type": "RichTextBlock", "inlines": [
            {"type": "TextRun", "text": active.id, "weight": "Bolder"},
            {"type": "TextRun", "text": f" ({'+'.join(active.rule.scopes)}, {active.severity}) ",
             "isSubtle": True},
            run(clip(active.rule.rationale, 280)),
        ]})
    if len(body) == 1:
        body.append(plain("No rules are selected in assistant.toml."))
    while size(card(body)) > MAX_CARD_BYTES and len(body) > 2:
        body.pop()
    return card(body)


def help_card(problem: str = "") -> Card:
    """How to talk to the bot; `problem` (our words) says what was wrong with the last ask."""
    body: list[Element] = []
    if problem:
        body.append(plain(problem, 400, weight="Bolder"))
    body.append(heading("How to use the review assistant"))
    for command, what in HELP_LINES:
        body.append({"type": "RichTextBlock", "inlines": [
            {"type": "TextRun", "text": command, "weight": "Bolder", "fontType": "Monospace"},
            {"type": "TextRun", "text": " " + what},
        ]})
    body.append(plain("In a channel, mention me first: @Assistant review <draft>.", isSubtle=True))
    return card(body)


def notice_card(text: str) -> Card:
    """A one-line answer (errors, refusals)."""
    return card([plain(text, 600)])
