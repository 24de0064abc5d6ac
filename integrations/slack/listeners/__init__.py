"""Listeners by kind, each package with `register(app, deps)` (Slack's starter layout)."""
