"""Every Slack Block Kit message, Home tab and modal the app sends, built in one place.

Two promises hold for everything built here:
- every piece of user, feed and model text goes through `escape` (`&`, then `<`, then `>`),
  so a draft containing `<!channel>` or `<https://evil|bank>` shows as text and pings no one;
- Block Kit limits are respected by construction: long text is split at word boundaries
  across blocks and thread messages, never silently cut (a word longer than a block is
  split and the split is marked).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypedDict

from assistant.audit_summary import later_note, left_out_short, posts_in_all
from assistant.evidence import sentence
from assistant.models import PLATFORMS, Critique, FeedAudit, Finding, Review
from assistant.render.present import (
    SEVERITY_TONE,
    VERDICT_LABEL,
    severity_counts,
    shown_findings,
    shown_verdict,
    top_problems,
)
from assistant.review import post_score
from assistant.text import count as count_of
from assistant.text import span_of_days
from integrations.slack.render.mrkdwn import escape

MAX_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
SECTION_TEXT = 3000
FIELD_TEXT = 2000
MAX_FIELDS = 10
HEADER_TEXT = 150
BUTTON_TEXT = 75
CONTEXT_ELEMENTS = 10
MESSAGE_TEXT_BUDGET = 11_000  # Slack rejects ~12,000 characters of block text; keep a margin.
FALLBACK_TEXT = 3000
SPLIT_MARK = " …(word split)"

_TONE_ICON = {"bad": ":red_circle:", "caution": ":large_orange_circle:", "note": ":large_blue_circle:"}
ICON = {severity: _TONE_ICON[tone] for severity, tone in SEVERITY_TONE.items()}
_VERDICT_ICON = {"publish": ":white_check_mark:", "unread": ":eyes:", "revise": ":pencil2:",
                 "reject": ":no_entry:"}
_VERDICT = {
    label: f"{_VERDICT_ICON[label]} {words}" for label, words in VERDICT_LABEL.items()
}
Block = dict[str, Any]
_USER = re.compile(r"[UW][A-Z0-9]{2,}")


class Message(TypedDict):
    """A chat.postMessage body without channel/thread: fallback text, blocks, no unfurls."""

    text: str
    blocks: list[Block]
    unfurl_links: bool
    unfurl_media: bool


def _hard_split(word: str, limit: int) -> list[str]:
    """Split one over-long word so each escaped piece fits, marking every split."""
    room = limit - len(SPLIT_MARK)
    pieces, current = [], ""
    for char in word:
        if len(escape(current + char)) > room:
            pieces.append(escape(current) + SPLIT_MARK)
            current = ""
        current += char
    pieces.append(escape(current))
    return pieces


def chunks(text: str, limit: int) -> list[str]:
    """Escape `text` and split it at whitespace into pieces of at most `limit` characters."""
    if len(escape(text)) <= limit:
        return [escape(text)]
    out: list[str] = []
    current = ""
    for token in _tokens(text):
        candidate = current + escape(token)
        if len(candidate) <= limit:
            current = candidate
            continue
        if current.strip():
            out.append(current.rstrip())
        current = ""
        token = token.lstrip() or token
        if len(escape(token)) <= limit:
            current = escape(token)
        else:
            *done, current = _hard_split(token, limit)
            out.extend(done)
    if current.strip():
        out.append(current.rstrip())
    return out or [""]


def _tokens(text: str) -> Iterable[str]:
    """Words with their leading whitespace, so joining them back gives the text."""
    word = ""
    for char in text:
        if char.isspace() and word and not word.isspace():
            yield word
            word = ""
        word += char
    if word:
        yield word


def clip_escaped(escaped: str, limit: int) -> str:
    """Already-escaped text cut to `limit` at a space, saying so (never inside an entity)."""
    if len(escaped) <= limit:
        return escaped
    kept = escaped[: limit - 2]
    kept = kept.rsplit(" ", 1)[0] if " " in kept else kept
    entity = kept.rfind("&")
    if entity != -1 and ";" not in kept[entity:]:  # no space to cut at: drop a partial `&amp;`
        kept = kept[:entity]
    return kept + " …"


def clip(text: str, limit: int) -> str:
    """Escaped text of at most `limit` characters, cut at a word and saying it was cut."""
    pieces = chunks(" ".join(text.split()), limit - 2)
    return pieces[0] if len(pieces) == 1 else pieces[0].removesuffix(SPLIT_MARK) + " …"


# --- blocks -----------------------------------------------------------------------------------

def section(mrkdwn: str) -> Block:
    """A section of already-escaped mrkdwn (callers build it from `escape`d pieces).

    Callers keep it under the limit (`long_text` splits); past it, the cut is marked.
    """
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip_escaped(mrkdwn, SECTION_TEXT)}}


def fields(pairs: Sequence[tuple[str, str]]) -> Block:
    """A section of label/value fields (values already escaped)."""
    return {
        "type": "section",
        "fields": [
            {"type": "mrkdwn", "text": f"*{label}*\n{value}"[:FIELD_TEXT]}
            for label, value in pairs[:MAX_FIELDS]
        ],
    }


def who(user: str) -> str:
    """A Slack mention for a user id; anything else (the CLI, the system) as escaped text."""
    return f"<@{user}>" if _USER.fullmatch(user) else escape(user or "someone")


def _asked_by(user: str) -> str:
    return f"Asked for by {who(user)}. " if user else ""


def header(plain: str) -> Block:
    """A header; plain text never pings, but it is still clipped at a word to 150."""
    text = " ".join(plain.split())
    if len(text) > HEADER_TEXT:
        text = text[: HEADER_TEXT - 1].rsplit(" ", 1)[0] + "…"
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}}


def context(*mrkdwn: str) -> Block:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": m[:SECTION_TEXT]} for m in mrkdwn[:CONTEXT_ELEMENTS]],
    }


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str = "", style: str | None = None) -> Block:
    element: Block = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": text[:BUTTON_TEXT], "emoji": True},
    }
    if value:
        element["value"] = value[:2000]
    if style:
        element["style"] = style
    return element


def long_text(text: str, *, prefix: str = "", quote: bool = False) -> list[Block]:
    """Sections holding all of `text` (escaped), split at words when it exceeds one section."""
    room = SECTION_TEXT - len(prefix) - 2
    if quote:
        room = room // 2  # "> " on each line can double the length of short lines
    blocks = []
    for index, piece in enumerate(chunks(text, room)):
        body = _quote(piece) if quote else piece
        blocks.append(section((prefix if index == 0 else "") + body))
    return blocks


def _quote(escaped: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in escaped.splitlines() or [""])


def block_text_length(blocks: Iterable[Block]) -> int:
    """Characters of text in blocks, the measure behind Slack's `msg_blocks_too_long`."""
    total = 0
    for block in blocks:
        for part in [block.get("text"), *block.get("fields", []), *block.get("elements", [])]:
            if isinstance(part, dict) and isinstance(part.get("text"), str):
                total += len(part["text"])
    return total


def message(text: str, blocks: list[Block]) -> Message:
    """One message; link and media unfurling off so a review never previews a link."""
    fallback = clip(text, FALLBACK_TEXT) if text else "Review"
    return {"text": fallback, "blocks": blocks, "unfurl_links": False, "unfurl_media": False}


def pack(blocks: Sequence[Block], text: str) -> list[Message]:
    """Split blocks across as many messages as the block-count and text limits need."""
    messages: list[Message] = []
    current: list[Block] = []
    size = 0
    for block in blocks:
        length = block_text_length([block])
        if current and (len(current) >= MAX_BLOCKS or size + length > MESSAGE_TEXT_BUDGET):
            messages.append(message(text, current))
            current, size = [], 0
        current.append(block)
        size += length
    if current:
        messages.append(message(text, current))
    if len(messages) > 1:
        for number, item in enumerate(messages, start=1):
            item["text"] = clip(f"{text} ({number}/{len(messages)})", FALLBACK_TEXT)
    return messages


# --- reviews ----------------------------------------------------------------------------------

def _finding_head(finding: Finding, *, with_post: bool = False) -> str:
    where = f" on `{escape(finding.post_id)}`" if with_post and finding.post_id else ""
    origin = " _(critique)_" if finding.source == "llm" else ""
    return f"{ICON[finding.severity]} *{finding.severity}* `{escape(finding.rule)}`{where}{origin} · "


def _finding_line(finding: Finding, *, with_post: bool = False) -> str:
    return _finding_head(finding, with_post=with_post) + escape(finding.message)


def _finding_blocks(finding: Finding, *, with_post: bool = False) -> list[Block]:
    blocks = long_text(finding.message, prefix=_finding_head(finding, with_post=with_post))
    if finding.evidence:
        blocks.extend(long_text(finding.evidence, quote=True))
    if finding.examples:
        shown = ", ".join(escape(e) for e in finding.examples[:10])
        more = f" and {len(finding.examples) - 10} more" if len(finding.examples) > 10 else ""
        blocks.append(context(clip_escaped(f"posts: {shown}{more}", SECTION_TEXT)))
    if finding.engagement is not None:
        blocks.append(context(":bar_chart: " + escape(sentence(finding.engagement))))
    return blocks


def _top_problems(findings: Sequence[Finding], count: int = 3, *, with_post: bool = False) -> Block:
    worst, more = top_problems(findings, count)
    lines = [clip_escaped(_finding_line(f, with_post=with_post), 900) for f in worst]
    if not lines:
        return section(":sparkles: No rule findings.")
    if more:
        lines.append(f"_…and {more} more in the thread._")
    return section("\n".join(lines))


def _critique_blocks(critique: Critique | None) -> list[Block]:
    if critique is None:
        return []
    if not critique.available:
        return [context(escape(critique.note or "No LLM critique for this one."))]
    blocks: list[Block] = [header("Critique")]
    if critique.summary:
        blocks.extend(long_text(critique.summary))
    if critique.practise_what_you_preach:
        blocks.extend(long_text(critique.practise_what_you_preach, prefix="*Practise what we preach:* "))
    if critique.rewrite:
        blocks.append(section("*Suggested rewrite*"))
        blocks.extend(long_text(critique.rewrite, quote=True))
    if critique.model:
        blocks.append(context(f"model: {escape(critique.model)}" + (" (cached)" if critique.cached else "")))
    return blocks


def review_summary(review: Review, *, asked_by: str = "") -> Message:
    """The short top-level message: verdict, score, the worst problems, and who asked.
    Findings are counted as the thread shows them (`shown_findings`)."""
    label = shown_verdict(review)
    findings = shown_findings(review.findings)
    counts = severity_counts(findings)
    post = review.post
    blocks = [
        header(f"Draft review: {VERDICT_LABEL[label]}"),
        fields([
            ("Verdict", _VERDICT[label]),
            ("Score", f"{post_score(review)}/100"),
            ("Findings", f"{count_of(counts['error'], 'error')}, "
                         f"{count_of(counts['warning'], 'warning')}, {counts['info']} info"),
            ("Platform", escape(f"{post.platform} {post.kind}")),
        ]),
        section(_quote(clip(post.text, 600)) if post.text.strip() else "_(empty draft)_"),
        _top_problems(findings),
        context(_asked_by(asked_by)
                + "Full findings, the critique and a suggested rewrite are in the thread."),
    ]
    return message(f"Draft review: {VERDICT_LABEL[label]}, score {post_score(review)}/100", blocks)


def review_thread(review: Review) -> list[Message]:
    """The full review for the thread: the draft, every finding as shown (`shown_findings`),
    critique and rewrite."""
    blocks: list[Block] = [header("The draft")]
    blocks.extend(long_text(review.post.text or "(empty)", quote=True))
    findings = shown_findings(review.findings)
    blocks.append(header(f"Findings ({len(findings)})"))
    if not findings:
        blocks.append(section(":sparkles: No rule findings."))
    for finding in findings:
        blocks.extend(_finding_blocks(finding))
    blocks.extend(_critique_blocks(review.critique))
    return pack(blocks, "Full review")


# --- feed audits ------------------------------------------------------------------------------

def audit_summary(audit: FeedAudit, *, asked_by: str = "") -> Message:
    """The short top-level message for a feed audit: score, components, worst problems, who asked."""
    account, stats = audit.account, audit.stats
    components = "\n".join(
        f"{escape(c.name)}: *{c.score}*" for c in list(audit.health.components.values())[:20]
    ) or "-"
    blocks = [
        header(f"Feed health: {account.name} {audit.health.score}/100"),
        fields([
            ("Account", escape(f"{account.name} ({account.platform}, {account.owner})")),
            ("Health", f"*{audit.health.score}*/100"),
            ("Posts", posts_in_all(stats)
                      + (f"; {later_note(stats)}" if stats.later else "")
                      + (f"; {left_out_short(stats)}" if stats.left_out else "")),
            ("Period", f"undated drafts, as of {audit.as_of:%Y-%m-%d}"
                       if stats.posts and stats.first_post is None
                       else f"{span_of_days(stats.days)} to {audit.as_of:%Y-%m-%d}"),
            ("Components", clip_escaped(components, 1900)),
        ]),
        _top_problems(audit.findings, with_post=True),
        context(_asked_by(asked_by) + "Every finding and the critique are in the thread."),
    ]
    return message(f"Feed health for {account.name}: {audit.health.score}/100", blocks)


def audit_thread(audit: FeedAudit) -> list[Message]:
    """Every finding of an audit, with evidence and example posts, then the critique."""
    blocks: list[Block] = [header(f"Findings ({len(audit.findings)})")]
    if not audit.findings:
        blocks.append(section(":sparkles: No rule findings."))
    for finding in audit.findings:
        blocks.extend(_finding_blocks(finding, with_post=True))
    blocks.extend(_critique_blocks(audit.critique))
    return pack(blocks, "Full audit")


# --- short answers ----------------------------------------------------------------------------

HELP_TEXT = (
    "*`/review &lt;draft&gt;`* reviews a draft post: a short verdict in the channel, the full\n"
    "findings, the critique and a suggested rewrite in its thread.\n"
    "*`/review audit &lt;feed&gt;`* audits a feed (a tracked feed's name, a URL or a handle the\n"
    "importers support) and posts its health score.\n"
    "*`/review report`* posts today's feed health report for the tracked feeds that report\n"
    "to this channel (a feed's `slack_channel`, else `[reports].slack_channel`).\n"
    "*`/review submit`* submits a client post for approval.\n"
    "*`/review rules`* lists the rules in force (only you see it).\n"
    "*`/review help`* shows this.\n\n"
    "On any message: *More actions → Review this post*. In a thread: mention me with "
    "*review this* and I review the thread's first message."
)


def help_message() -> Message:
    """Usage, shown only to the person who asked."""
    return message("How to use /review", [header("How to use the review assistant"), section(HELP_TEXT)])


def unknown_input(what: str, problem: str) -> Message:
    """A helpful answer for input we could not act on: what was wrong and what works."""
    blocks = [
        section(f":thinking_face: {escape(problem)}" + (f"\n> {clip(what, 300)}" if what else "")),
        section(HELP_TEXT),
    ]
    return message(problem, blocks)


def notice(text: str) -> Message:
    """A one-line message (acknowledgements, errors); the text is escaped."""
    return message(text, [section(escape(text))])


def rules_message(rules: Any) -> list[Message]:
    """The rules in force, for `/review rules` (ephemeral)."""
    blocks: list[Block] = [header("Rules in force")]
    blocks.extend(_rule_blocks(rules))
    return pack(blocks, "Rules in force")


def _rule_blocks(rules: Any) -> list[Block]:
    lines = [
        f"{ICON[a.severity]} `{escape(a.id)}` ({escape('+'.join(a.rule.scopes))}) · "
        f"{escape(a.rule.rationale)}"
        for a in rules.active
    ]
    blocks, current = [], ""
    for line in lines:
        line = clip_escaped(line, 1000)
        if current and len(current) + len(line) + 1 > SECTION_TEXT:
            blocks.append(section(current))
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        blocks.append(section(current))
    return blocks or [section("_No rules are selected in assistant.toml._")]


# --- Home tab and modal -----------------------------------------------------------------------

def home_view(rules: Any, health: Mapping[str, Mapping[str, Any]], agency: str) -> dict[str, Any]:
    """The Home tab: what the assistant does, the rules in force, latest feed health."""
    blocks: list[Block] = [
        header(f"Review assistant for {agency}"),
        section(
            "I review social posts and feeds the way a good agency would: relationships, not "
            "push marketing. Deterministic checks first, then an LLM critique and a rewrite."
        ),
        {"type": "actions", "elements": [
            button("Review a draft", "open_review_modal", style="primary"),
            button("Submit a post for approval", "open_approval_submit"),
        ]},
        section(HELP_TEXT),
        divider(),
        header(f"Rules in force ({len(rules.active)})"),
        *_rule_blocks(rules),
        divider(),
        header("Latest feed health"),
    ]
    if health:
        lines = [
            f"*{escape(name)}*: {int(item.get('score', 0))}/100"
            + (f" (as of {escape(str(item['as_of'])[:10])})" if item.get("as_of") else "")
            for name, item in list(health.items())[:200]
        ]
        blocks.extend(_joined_sections(lines))
    else:
        blocks.append(context("No feed scores yet: `/review audit` with the name of a tracked feed "
                              "(assistant.toml) shows its score here."))
    return {"type": "home", "blocks": blocks[:MAX_VIEW_BLOCKS]}


def _joined_sections(lines: Sequence[str]) -> list[Block]:
    blocks, current = [], ""
    for line in lines:
        if current and len(current) + len(line) + 1 > SECTION_TEXT:
            blocks.append(section(current))
            current = ""
        current = f"{current}\n{line}" if current else line
    return [*blocks, section(current)] if current else blocks


def review_modal(channel: str = "") -> dict[str, Any]:
    """A modal to paste a draft and pick its platform; the review arrives in a DM."""
    options = [{"text": {"type": "plain_text", "text": p}, "value": p} for p in PLATFORMS]
    return {
        "type": "modal",
        "callback_id": "review_draft",
        "title": {"type": "plain_text", "text": "Review a draft"},
        "submit": {"type": "plain_text", "text": "Review"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "private_metadata": channel[:3000],
        "blocks": [
            {
                "type": "input",
                "block_id": "draft",
                "label": {"type": "plain_text", "text": "Draft post"},
                "element": {
                    "type": "plain_text_input", "action_id": "text", "multiline": True,
                    "max_length": 3000,
                },
            },
            {
                "type": "input",
                "block_id": "platform",
                "label": {"type": "plain_text", "text": "Platform"},
                "element": {
                    "type": "static_select", "action_id": "platform", "options": options,
                    "initial_option": options[0],
                },
            },
        ],
    }
