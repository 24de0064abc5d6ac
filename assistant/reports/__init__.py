"""Daily feed health reports: fetch, audit, remember, compare, post (issue 6).

`run_report` (assistant.reports.run) is the one entry point for the CLI, the scheduler
and the Slack `/review report` command.
"""
