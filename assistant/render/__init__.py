"""Renderers: the same reviews and audits for a terminal, for machines, for Slack, for Teams."""
