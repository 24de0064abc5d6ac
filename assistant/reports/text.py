"""The report in the terminal: one row per feed, then reminders and failures.

Every name, message and error in it may come from a feed or the network: each goes through
`_shown` (escape sequences and other control characters removed, then rich markup escaped;
in that order, so removing a character cannot make markup) before it is printed.
"""

from __future__ import annotations

from assistant.errors import reader_gone
from assistant.reports.model import Report
from assistant.text import terminal_safe


def _shown(text: str) -> str:
    from rich.markup import escape

    return escape(terminal_safe(text))


def print_report(report: Report) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.on_broken_pipe = reader_gone  # type: ignore[method-assign]
    table = Table(title=_shown(report.title), title_justify="left")
    for column in ("Feed", "Owner", "Platform", "Score", "Change", "Top problem"):
        table.add_column(column, overflow="fold")
    for line in report.feeds:
        if line.error is not None:
            table.add_row(_shown(line.name), _shown(line.owner), _shown(line.platform or "?"), "-", "-",
                          "[red]not fetched:[/red] " + _shown(line.error))
            continue
        problem = line.top_problem
        top = f"{_shown(problem.rule)}: {_shown(problem.message)}" if problem else "no problems found"
        table.add_row(_shown(line.name), _shown(line.owner), _shown(line.platform or "?"),
                      f"{line.score}/100" + ("\n(quiet)" if line.quiet else ""),
                      line.change_text(), top)
    console.print(table)
    for line in report.feeds:
        note = line.left_out_note()
        if note:
            console.print(_shown(note))
    for reminder in report.reminders:
        console.print(f"[bold yellow]{_shown(reminder)}[/bold yellow]")
    console.print(f"[dim]As of {report.as_of:%Y-%m-%d %H:%M} {_shown(report.time_zone)}[/dim]")
