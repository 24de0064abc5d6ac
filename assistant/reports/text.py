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
    # without a history store no row has a change to show: the column goes, a line says why
    history = any(line.history for line in report.feeds)
    for column in ("Feed", "Owner", "Platform", "Score", *(("Change",) if history else ()),
                   "Top problem"):
        table.add_column(column, overflow="fold")
    for line in report.feeds:
        cells = [_shown(line.name), _shown(line.owner), _shown(line.platform or "?")]
        if line.error is not None:
            table.add_row(*cells, "-", *(("-",) if history else ()),
                          "[red]not fetched:[/red] " + _shown(line.error))
            continue
        problem = line.top_problem
        top = f"{_shown(problem.rule)}: {_shown(problem.message)}" if problem else "no problems found"
        table.add_row(*cells, f"{line.score}/100" + ("\n(quiet)" if line.quiet else ""),
                      *((line.change_text(),) if history else ()), top)
    console.print(table)
    if report.feeds and not history:
        console.print("No change since the last report: REDIS_URL is not set, so there is no "
                      "history to compare with.")
    for line in report.feeds:
        for note in (line.left_out_note(), line.later_note(report.day)):
            if note:
                console.print(_shown(note))
    for reminder in report.reminders:
        console.print(f"[bold yellow]{_shown(reminder)}[/bold yellow]")
    console.print(f"[dim]As of {report.as_of:%Y-%m-%d %H:%M} {_shown(report.time_zone)}[/dim]")
