"""Slack: the bolt app (HTTP or Socket Mode), its listeners, Block Kit renderers, replies to
queued jobs and the "slack" report destination."""
