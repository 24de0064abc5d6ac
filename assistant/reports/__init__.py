"""Daily feed health reports: fetch, audit, remember, compare, deliver to destinations.

`run_report` (assistant.reports.run) is the one entry point for the CLI, the scheduler
and the chat platforms' on-demand report; destinations are registered by kind
(assistant.reports.destinations).
"""
