"""Terminal output for people: grouped by severity, evidence shown, colour when it helps.

Post, feed and model text goes in as `rich.text.Text`, never as markup, so a post
containing "[bold red]" prints as written; and through `assistant.text.terminal_safe` first,
whole (before any clipping, so no sequence is left half open), on the rich and the plain
path alike, since rich lets escape sequences in text through to the terminal. Piped
output that rich would write plain is written by `assistant.render.plain` instead, the same
bytes without importing rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from assistant.errors import reader_gone
from assistant.models import Critique, FeedAudit, Finding, Review, severity_rank
from assistant.render.plain import PlainConsole, PlainText, wanted
from assistant.render.present import SEVERITY_TONE, VERDICT_TONE, shown_findings, shown_verdict
from assistant.review import post_score, verdict_words
from assistant.text import span_of_days, terminal_safe

if TYPE_CHECKING:
    from rich.console import Console

    from assistant.checks.ruleset import RuleSet

_TONE_STYLE = {"good": "bold green", "caution": "yellow", "bad": "bold red", "note": "cyan"}
_STYLE = {severity: _TONE_STYLE[tone] for severity, tone in SEVERITY_TONE.items()}
_VERDICT_STYLE = {label: "bold " + _TONE_STYLE[tone].removeprefix("bold ")
                  for label, tone in VERDICT_TONE.items()}
_EVIDENCE_LIMIT = 160


def _console(text: str = "") -> Any:
    """Rich's console, or the plain one when rich would write `text` plain anyway."""
    if wanted(text):
        return PlainConsole()
    from rich.console import Console

    console = Console(highlight=False)
    # Piped or redirected: no hard wrap at 80 columns and no padding to the width, so the
    # output can be grepped and diffed; a terminal wraps long lines itself.
    console.soft_wrap = not console.is_terminal
    console.on_broken_pipe = reader_gone  # type: ignore[method-assign]
    return console


def _text_type(console: Any) -> Any:
    """The text class that goes with the console."""
    if isinstance(console, PlainConsole):
        return PlainText
    from rich.text import Text

    return Text


def _clip(text: str, limit: int = _EVIDENCE_LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word boundary when it is cut; made
    terminal-safe before it is cut."""
    text = terminal_safe(" ".join(text.split()))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _indented(text: str, by: int = 2) -> str:
    """Every line of a post or critique indented, so it never starts at column 0."""
    pad = " " * by
    return "\n".join(pad + line for line in (text.splitlines() or [""]))


def _score_style(score: int) -> str:
    return "bold green" if score >= 70 else "bold yellow" if score >= 40 else "bold red"


def _print_findings(console: Console | PlainConsole, findings: Iterable[Finding], *, show_post: bool) -> None:
    Text = _text_type(console)
    ordered = sorted(findings, key=lambda f: -severity_rank(f.severity))
    current = None
    for finding in ordered:
        if finding.severity != current:
            current = finding.severity
            console.print(Text(f"\n{current.upper()}", style=_STYLE[current]))
        rule = Text(terminal_safe(finding.rule), style=_STYLE[finding.severity])
        if finding.source == "llm":
            rule.append(" (critique)", style="dim")
        if show_post and finding.post_id:
            rule.append(f" [{terminal_safe(finding.post_id)}]", style="dim")
        details = Text(terminal_safe(finding.message))
        if finding.evidence:
            details.append("\n“" + _clip(finding.evidence) + "”", style="dim")
        if finding.examples:
            details.append("\nposts: " + ", ".join(map(terminal_safe, finding.examples[:5])), style="dim")
        if finding.engagement is not None:  # audits only: a review need not load statistics
            from assistant.evidence import sentence

            details.append("\n" + terminal_safe(sentence(finding.engagement)), style="dim")
        if console.soft_wrap or isinstance(console, PlainConsole):  # not a terminal: plain lines
            console.print(Text("  ").append(rule).append("  ").append(details.split("\n")[0]))
            for extra in details.split("\n")[1:]:
                console.print(Text("      ").append(extra))
            continue
        from rich.padding import Padding
        from rich.table import Table

        # A grid keeps wrapped lines under their message instead of under the rule id.
        grid = Table.grid(padding=(0, 2), pad_edge=True)
        grid.add_column(no_wrap=True)
        grid.add_column()
        grid.add_row(rule, details)
        console.print(Padding(grid, (0, 0, 0, 2)))


def _print_critique(console: Console | PlainConsole, critique: Critique | None) -> None:
    Text = _text_type(console)
    if critique is None:
        return
    if not critique.available:
        console.print(Text(f"\n{terminal_safe(critique.note)}", style="dim"))
        return
    header = Text("\nCRITIQUE", style="bold")
    if critique.verdict:
        # The model's opinion, labelled as such: the verdict is the core's (see print_review).
        header.append(f"  the model alone would say: {terminal_safe(str(critique.verdict))}", style="dim")
    console.print(header)
    if critique.summary:
        console.print(Text(terminal_safe(_indented(critique.summary))))
    if critique.practise_what_you_preach:
        console.print(Text(terminal_safe(_indented("Practise what we preach: "
                                           + critique.practise_what_you_preach))))
    if critique.rewrite:
        console.print(Text("  Suggested rewrite:", style="bold"))
        console.print(Text(terminal_safe(_indented(critique.rewrite, 4))))


def print_review(review: Review, console: Console | PlainConsole | None = None) -> None:
    """One post's review."""
    console = console or _console(_all_text(review))
    Text = _text_type(console)
    post = review.post
    title = Text(f"Review of {terminal_safe(post.id)} ", style="bold")
    title.append(terminal_safe(f"({post.platform} {post.kind})"), style="dim")
    console.print(title)
    console.print(Text(terminal_safe(_indented(post.text)), style="italic"))
    label = shown_verdict(review)
    line = Text("Verdict: ")
    line.append(verdict_words(label), style=_VERDICT_STYLE[label])
    line.append(f"   score {post_score(review)}/100", style="dim")
    console.print(line)
    _print_body(console, shown_findings(review.findings), review.critique, show_post=False)


def _all_text(review: Review) -> str:
    """Every piece of text a review prints that did not come from this module."""
    post, critique = review.post, review.critique
    parts = [post.id, post.text, *(f"{f.rule}{f.message}{f.evidence}{f.post_id}{f.examples}"
                                   for f in review.findings)]
    if critique is not None:
        parts += [critique.note or "", critique.summary or "", critique.rewrite or "",
                  critique.practise_what_you_preach or "", str(critique.verdict)]
    return "".join(parts)


def print_audit(audit: FeedAudit, console: Console | None = None) -> None:
    """A feed audit: score, components, counts, then findings grouped by severity."""
    from assistant.audit_summary import (  # (an audit's, not a review's start-up)
        later_note,
        posts_in_all,
    )

    console = console or _console("\t")  # audits keep rich: only `review` needs to be quick
    Text = _text_type(console)
    account = audit.account
    title = Text(terminal_safe(f"{account.name}"), style="bold")
    title.append(terminal_safe(f"  {account.platform}, {account.owner} feed"), style="dim")
    console.print(title)
    score = Text("Health ")
    score.append(f"{audit.health.score}/100", style=_score_style(audit.health.score))
    stats = audit.stats
    # drafts without a time have no span (a plan's dated posts have theirs)
    undated = stats.posts and stats.first_post is None
    span = "(undated drafts)" if undated else f"over {span_of_days(stats.days)}"
    score.append(
        f"   {posts_in_all(stats)} {span}, as of {audit.as_of:%Y-%m-%d}"
        + (f"; {later_note(stats)} (--as-of to include them)" if stats.later else ""),
        style="dim",
    )
    console.print(score)

    if console.soft_wrap:
        _print_components_plain(console, audit)
    else:
        _print_components_table(console, audit)
    _print_body(console, audit.findings, audit.critique, show_post=True)


def _print_body(console: Console | PlainConsole, findings: list[Finding], critique: Critique | None, *,
                show_post: bool) -> None:
    """Findings by severity (or that there are none), then the critique."""
    if findings:
        _print_findings(console, findings, show_post=show_post)
    else:
        console.print(_text_type(console)("\n✓ No rule findings.", style="green"))
    _print_critique(console, critique)
    console.print()


def _print_components_plain(console: Console, audit: FeedAudit) -> None:
    """The components as aligned plain lines, nothing padded past the text."""
    Text = _text_type(console)
    width = max((len(c.name) for c in audit.health.components.values()), default=9)
    console.print(Text(f"{'component':<{width}}  score  weight  moved by", style="bold"))
    for c in audit.health.components.values():
        line = Text(f"{c.name:<{width}}  ")
        line.append(f"{c.score:>5}", style=_score_style(c.score))
        line.append(f"  {c.weight:>6.0%}  {', '.join(c.rules) or '-'}")
        console.print(line)


def _print_components_table(console: Console, audit: FeedAudit) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("component")
    table.add_column("score", justify="right")
    table.add_column("weight", justify="right")
    table.add_column("moved by")
    for component in audit.health.components.values():
        table.add_row(
            component.name,
            Text(str(component.score), style=_score_style(component.score)),
            f"{component.weight:.0%}",
            ", ".join(component.rules) or "-",
        )
    console.print(table)


def print_rules(rules: RuleSet, console: Console | None = None) -> None:
    """The rules in force, as a table."""
    from rich.table import Table
    from rich.text import Text

    console = console or _console("\t")
    table = Table(show_header=True, header_style="bold", show_lines=False)
    table.add_column("rule", no_wrap=True)
    table.add_column("scope")
    table.add_column("severity")
    table.add_column("rationale")
    for active in rules.active:
        severity = Text(active.severity, style=_STYLE[active.severity])
        table.add_row(active.id, "+".join(active.rule.scopes), severity, active.rule.rationale)
    console.print(table)
