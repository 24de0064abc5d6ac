"""The report in the terminal: one row per feed, then reminders and failures."""

from __future__ import annotations

from assistant.errors import reader_gone
from assistant.reports.model import Report


def print_report(report: Report) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    console.on_broken_pipe = reader_gone  # type: ignore[method-assign]
    table = Table(title=escape(report.title), title_justify="left")
    for column in ("Feed", "Owner", "Platform", "Score", "Change", "Top problem"):
        table.add_column(column, overflow="fold")
    for line in report.feeds:
        if line.error is not None:
            table.add_row(escape(line.name), line.owner, escape(line.platform or "?"), "-", "-",
                          "[red]not fetched:[/red] " + escape(line.error))
            continue
        problem = line.top_problem
        top = (f"{escape(problem.rule)}" + (f" ×{line.top_count}" if line.top_count > 1 else "")
               + f": {escape(problem.message)}") if problem else "no problems found"
        table.add_row(escape(line.name), line.owner, escape(line.platform or "?"),
                      f"{line.score}/100", line.change_text(), top)
    console.print(table)
    for reminder in report.reminders:
        console.print(f"[bold yellow]{escape(reminder)}[/bold yellow]")
    console.print(f"[dim]As of {report.as_of:%Y-%m-%d %H:%M} {escape(report.time_zone)}[/dim]")
